"""`make demo`'s script runs the whole main job on the sample and leaves every output it announces."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from qgis.core import QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]


def test_demo_produces_workspace_project_pdf_and_cli_output(tmp_path):
    out = tmp_path / "demo"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
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
    pages = len(PdfReader(out / "fifteen_min_demo_circle_plans.pdf").pages)
    assert pages == coverage.featureCount() + 1  # a cover, then one page per circle
    assert QgsVectorLayer(str(out / "cli_radius_circles.gpkg"), "cli", "ogr").featureCount() == 36
    assert "错时共享停车" in printed and "未达标" in printed

    project = QgsProject()
    assert project.read(str(out / "fifteen_min_demo.qgz"))
    assert project.readEntry("fifteenmin", "workspace")[0]
    assert project.layoutManager().layouts()
