"""The Plugin Manager zip installs into a fresh profile and QGIS loads the provider from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from package import build  # noqa: E402
from qgis_profile import prepare_profile  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("qgis_process") is None, reason="qgis_process is not installed")


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("dist") / "fifteen_min_plugin.zip")


def _qgis_process(profile_root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile_root))
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
