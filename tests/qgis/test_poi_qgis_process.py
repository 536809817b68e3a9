"""fifteenmin:importpoiapi from `qgis_process` with PROVIDER: the plugin in a throwaway profile, the key in that
profile's authentication database (master password from QGIS_AUTH_PASSWORD_FILE), the service a loopback fake."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from qgis.core import QgsVectorLayer

from fifteen_min_plugin.__about__ import PACKAGE_DIR, RESOURCES_DIR
from tests.qgis import test_poi_providers as provider_tests
from tests.qgis.test_poi_providers import BOX, KEY, setup

MASTER = "fifteen-min-qgis-process-master"
server = provider_tests.server

STORE_KEY = (
    "import sys\n"
    "from qgis.core import QgsApplication\n"
    "app = QgsApplication([], False); app.initQgis()\n"
    "assert QgsApplication.authManager().setMasterPassword(sys.argv[1], True)\n"
    "from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys\n"
    "print(ApiKeys.store('Tianditu tk', sys.argv[2]))\n"
)


@pytest.fixture()
def profile(tmp_path):
    """qgis_process with this tree as an enabled plugin, and the key stored in the profile's auth database."""
    if shutil.which("qgis_process") is None:
        pytest.skip("qgis_process is not installed")
    plugin = tmp_path / "plugins" / PACKAGE_DIR.name
    plugin.mkdir(parents=True)
    for entry in [*PACKAGE_DIR.iterdir(), PACKAGE_DIR.parent / "metadata.txt", RESOURCES_DIR]:
        (plugin / entry.name).symlink_to(entry)
    auth_dir = tmp_path / "auth"
    auth_dir.mkdir()
    password = tmp_path / "master.txt"
    password.write_text(MASTER)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
        QGIS_PLUGINPATH=str(tmp_path / "plugins"),
        QGIS_AUTH_DB_DIR_PATH=f"{auth_dir}/",
        QGIS_AUTH_PASSWORD_FILE=str(password),
    )
    enable = subprocess.run(
        ["qgis_process", "plugins", "enable", PACKAGE_DIR.name], env=env, capture_output=True, text=True, timeout=300
    )
    assert enable.returncode == 0, enable.stderr[-2000:]
    root = PACKAGE_DIR.parent
    stored = subprocess.run(
        [sys.executable, "-c", STORE_KEY, MASTER, KEY],
        env={**env, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert stored.returncode == 0, stored.stderr[-2000:]
    return env, stored.stdout.strip().splitlines()[-1]


def test_qgis_process_imports_from_tianditu(profile, server, tmp_path):
    env, authcfg = profile
    setup(server, "tianditu", 40)
    output = tmp_path / "tianditu.gpkg"
    arguments = {
        "PROVIDER": 3,
        "AUTHCFG": authcfg,
        "EXTENT": f"{BOX[0]},{BOX[2]},{BOX[1]},{BOX[3]} [EPSG:4326]",
        "KEYWORDS": "便利店",
        "QPS": 1000,
        "BASE_URL": server.base_url,
        "OUTPUT": str(output),
    }
    run = subprocess.run(
        ["qgis_process", "run", "fifteenmin:importpoiapi", "--", *(f"{k}={v}" for k, v in arguments.items())],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = run.stdout + run.stderr
    assert run.returncode == 0, said[-3000:]
    assert KEY not in said
    layer = QgsVectorLayer(str(output), "pois", "ogr")
    assert sorted(feature["source_id"] for feature in layer.getFeatures()) == sorted(server.fake.truth)
    assert {(feature["source"], feature["coord_src"]) for feature in layer.getFeatures()} == {("tianditu", "CGCS2000")}
