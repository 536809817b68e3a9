"""`make demo`'s script runs the whole main job on the sample and leaves every output it announces."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsVectorLayer

from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES

ROOT = Path(__file__).resolve().parents[2]


def _run_demo(out, *arguments: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG=lang)
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(out), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _layers(project: QgsProject) -> dict[str, QgsVectorLayer]:
    """The project's layers by the workspace or sample table they read."""
    return {layer.source().split("layername=")[-1]: layer for layer in project.mapLayers().values()}


def _legend(layer: QgsVectorLayer) -> list[str]:
    return [category.label() for category in layer.renderer().categories()]


def community_count(out: Path) -> int:
    """The communities of the demo's workspace (each gets one row of the fusion matrix)."""
    return QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=communities", "c", "ogr").featureCount()


def test_demo_produces_workspace_project_pdf_and_cli_output(tmp_path):
    out = tmp_path / "demo"
    done = _run_demo(out, "--lang", "zh-Hans")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    printed = done.stdout
    for announced in ("fifteen_min_demo.gpkg", "fifteen_min_demo.qgz", "fifteen_min_demo_circle_plans.pdf"):
        assert str(out / announced) in printed
        assert (out / announced).exists()

    circles = QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=circles", "circles", "ogr")
    methods = {f["method"] for f in circles.getFeatures()}
    assert {"radius", "network"} <= methods
    coverage = QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=coverage", "coverage", "ogr")
    assert coverage.featureCount() > 0
    reader = PdfReader(out / "fifteen_min_demo_circle_plans.pdf")
    # the cover and the city summary, then per circle a map page and a lists page
    assert len(reader.pages) == COVER_PAGES + CIRCLE_PAGES * coverage.featureCount()
    lists = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages[COVER_PAGES + 1 :: 2]))
    for heading in ("需求清单", "项目清单", "规划指标", "圈圈融合"):
        assert heading in lists, heading
    resources = unicodedata.normalize("NFKC", reader.pages[COVER_PAGES].extract_text())
    assert "资源清单" in resources
    assert QgsVectorLayer(str(out / "cli_radius_circles.gpkg"), "cli", "ogr").featureCount() == 36
    assert "错时共享停车" in printed and "未达标" in printed
    needs = QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=needs", "needs", "ogr")
    assert needs.featureCount() == 159  # the synthetic needs file, less its one row naming no real community
    assert "top needs per community" in printed and "社区食堂/老年助餐" in printed
    fusion = printed.split("circle fusion (圈圈融合")[1].split("co-location")[0].splitlines()[3:-1]
    matrix = [line for line in fusion if line.strip()]
    assert len(matrix) == community_count(out) and all(line.strip().endswith("/9") for line in matrix)

    # the projects made from the top suggestions, in the workspace, and the grades before and after the plan
    projects = QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=projects", "projects", "ogr")
    assert projects.featureCount() == 3 and {f["status"] for f in projects.getFeatures()} == {
        "planned",
        "approved",
        "under_construction",
    }
    for project in projects.getFeatures():
        assert f"{project['project_id']} {project['name']}" in printed
    assert "plan scenario" in printed and " → " in printed
    # the tiered unmet items, the chain share and the floor-area check
    assert "5分钟：" in printed and "chain share (target ≥30%)" in printed and "shortfall_m2" in printed

    project = QgsProject()
    assert project.read(str(out / "fifteen_min_demo.qgz"))
    assert project.readEntry("fifteenmin", "workspace")[0] == "./fifteen_min_demo.gpkg"  # a copied folder works
    assert project.layoutManager().layouts()

    # a projected CRS suited to Haidian (CGCS2000 3-degree Gauss-Krüger CM 117E) and the sample's extent
    crs = project.crs()
    assert crs.isValid() and not crs.isGeographic() and crs.authid() == "EPSG:4548"
    view = project.viewSettings().defaultViewExtent()
    assert view.crs() == crs and not view.isEmpty()
    communities = QgsVectorLayer(f"{out / 'fifteen_min_demo.gpkg'}|layername=communities", "c", "ogr")
    to_project = QgsCoordinateTransform(communities.crs(), crs, project.transformContext())
    assert view.contains(to_project.transformBoundingBox(communities.extent()))
    assert view.width() < 10_000 and view.height() < 10_000  # metres: the sample, not the world

    # layer names, group names and legends in the language asked for
    layers = _layers(project)
    assert layers["circles"].name() == "生活圈" and layers["facilities"].name() == "设施"
    assert _legend(layers["circles"])[:3] == ["5 分钟生活圈", "10 分钟生活圈", "15 分钟生活圈"]
    assert "基本保障类" in _legend(layers["facilities"])
    assert layers["haidian_roads"].name() == "道路（OSM）"
    assert not any(name.isascii() for name in (layer.name() for layer in layers.values()))


def test_demo_in_english_follows_lang(tmp_path):
    out = tmp_path / "demo_en"
    done = _run_demo(out, lang="en_US.UTF-8")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    project = QgsProject()
    assert project.read(str(out / "fifteen_min_demo.qgz"))
    layers = _layers(project)
    assert layers["circles"].name() == "Living circles"
    assert _legend(layers["circles"])[:3] == ["5-minute circle", "10-minute circle", "15-minute circle"]
    assert QgsCoordinateReferenceSystem("EPSG:4548") == project.crs()


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8"])
def test_make_demo_honours_a_chinese_lang(tmp_path, lang):
    """`make demo` passes no --lang: LANG decides, as QGIS's own language would."""
    out = tmp_path / "demo_lang"
    done = _run_demo(out, lang=lang)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    project = QgsProject()
    assert project.read(str(out / "fifteen_min_demo.qgz"))
    assert _layers(project)["communities"].name() == "社区"
