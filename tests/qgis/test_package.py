"""The Plugin Manager zip installs into a fresh profile and QGIS loads the provider from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import shapely
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from package import build  # noqa: E402
from qgis_profile import prepare_profile  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("qgis_process") is None, reason="qgis_process is not installed")


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("dist") / "fifteen_min_plugin.zip")


def _qgis_process(profile_root: Path, *args: str, python_path: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile_root))
    if python_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [python_path, env.get("PYTHONPATH", "")]))
    return subprocess.run(["qgis_process", *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_zip_has_one_top_folder_with_everything_qgis_needs(package_zip):
    names = zipfile.ZipFile(package_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"fifteen_min_plugin"}
    for required in (
        "fifteen_min_plugin/__init__.py",
        "fifteen_min_plugin/metadata.txt",
        "fifteen_min_plugin/LICENSE",
        "fifteen_min_plugin/resources/icons/plugin.svg",
        "fifteen_min_plugin/resources/i18n/fifteen_min_plugin_zh_CN.qm",
        "fifteen_min_plugin/gui/dock.ui",
    ):
        assert required in names
    assert not [name for name in names if name.endswith((".pyc", ".ts")) or "__pycache__" in name]


def test_fresh_profile_loads_the_provider_and_runs_an_algorithm(package_zip, tmp_path):
    profile_root = prepare_profile(tmp_path / "qgis", zip_path=package_zip)
    installed = profile_root / "profiles" / "default" / "python" / "plugins" / "fifteen_min_plugin"
    assert (installed / "metadata.txt").exists()

    plugins = _qgis_process(profile_root, "plugins")
    assert "* fifteen_min_plugin" in plugins.stdout, plugins.stdout + plugins.stderr

    listing = _qgis_process(profile_root, "list")
    assert "fifteenmin:buffercircles" in listing.stdout

    origins = tmp_path / "origins.geojson"
    origins.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "a"}, '
        '"geometry": {"type": "Point", "coordinates": [116.35, 40.0]}}]}',
        encoding="utf-8",
    )
    output = tmp_path / "circles.gpkg"
    run = _qgis_process(profile_root, "run", "fifteenmin:buffercircles", "--", f"ORIGINS={origins}", f"OUTPUT={output}")
    assert run.returncode == 0, run.stdout + run.stderr
    layer = QgsVectorLayer(str(output), "circles", "ogr")
    assert layer.featureCount() == 3
    assert sorted(f["radius_m"] for f in layer.getFeatures()) == [300.0, 500.0, 1000.0]


def test_the_installed_zip_computes_walking_isochrones(package_zip, tmp_path, processing):
    """The network modules (graph, street blocks, trails) work from the zip, as in the source tree."""
    profile_root = prepare_profile(tmp_path / "qgis", zip_path=package_zip)
    sample = ROOT / "resources" / "sample" / "sample.gpkg"
    parameters = {
        "ROADS": f"{sample}|layername=haidian_roads",
        "ORIGINS": f"{sample}|layername=communities",
        "MINUTES": "5,10",
    }
    output = tmp_path / "isochrones.gpkg"
    arguments = [f"{key}={value}" for key, value in parameters.items()] + [f"OUTPUT={output}"]
    # the scientific stack as a user installs it next to QGIS (shapely 2 comes from pip on Debian 12)
    site_packages = str(Path(shapely.__file__).resolve().parents[1])
    run = _qgis_process(profile_root, "run", "fifteenmin:networkcircles", "--", *arguments, python_path=site_packages)
    assert run.returncode == 0, run.stdout + run.stderr
    installed = QgsVectorLayer(str(output), "isochrones", "ogr")
    here = processing.run("fifteenmin:networkcircles", {**parameters, "OUTPUT": "memory:"})["OUTPUT"]
    assert installed.featureCount() == here.featureCount() > 0
    area = sorted(round(feature["area_m2"]) for feature in installed.getFeatures())
    assert area == sorted(round(feature["area_m2"]) for feature in here.getFeatures())


def test_the_installed_zip_runs_the_analysis_chain_like_the_source_tree(package_zip, tmp_path, processing):
    """Classify, cover and walk inside qgis_process, whose GEOS is QGIS's own; results equal the source tree's."""
    profile_root = prepare_profile(tmp_path / "qgis", zip_path=package_zip)
    sample = ROOT / "resources" / "sample" / "sample.gpkg"
    site_packages = str(Path(shapely.__file__).resolve().parents[1])
    steps = [
        ("classifyfacilities", {"INPUT": f"{sample}|layername=haidian_pois"}, "pois"),
        ("buffercircles", {"ORIGINS": f"{sample}|layername=communities"}, "circles"),
        ("coverage", {"CIRCLES": "{circles}", "FACILITIES": "{pois}"}, "coverage"),
        (
            "nearestfacility",
            {
                "ROADS": f"{sample}|layername=haidian_roads",
                "ORIGINS": f"{sample}|layername=communities",
                "FACILITIES": "{pois}",
            },
            "nearest",
        ),
    ]
    installed: dict[str, str] = {}
    here: dict[str, str] = {}
    for algorithm, parameters, name in steps:
        for outputs, runner in ((installed, "installed"), (here, "here")):
            values = {key: value.format(**outputs) for key, value in parameters.items()}
            target = str(tmp_path / f"{name}_{runner}.gpkg")
            if runner == "installed":
                arguments = [f"{key}={value}" for key, value in values.items()] + [f"OUTPUT={target}"]
                run = _qgis_process(
                    profile_root, "run", f"fifteenmin:{algorithm}", "--", *arguments, python_path=site_packages
                )
                assert run.returncode == 0, run.stdout + run.stderr
            else:
                processing.run(f"fifteenmin:{algorithm}", {**values, "OUTPUT": target})
            outputs[name] = target
        rows = []
        for path in (installed[name], here[name]):
            layer = QgsVectorLayer(path, name, "ogr")
            rows.append(
                sorted(tuple(str(value) for value in feature.attributes()[1:]) for feature in layer.getFeatures())
            )
        assert rows[0] == rows[1] and rows[0], algorithm
