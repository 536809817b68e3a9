"""`make package` output: the zip installs into a fresh profile, and plugins.xml is a repository QGIS accepts.

The repository tests drive QGIS's own Plugin Manager code (python/pyplugin_installer): its Repositories class
fetches plugins.xml from a file:// folder and from a loopback HTTP server, and its installing dialog downloads
the zip from the download URL and unpacks it into a throwaway profile, which qgis_process then loads.
"""

from __future__ import annotations

import configparser
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsSettings,
    QgsSettingsEntryBase,
    QgsSettingsEntryBool,
    QgsSettingsEntryStringList,
    QgsSettingsTree,
    QgsSettingsTreeNode,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEventLoop, QTimer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from package import build, metadata_version  # noqa: E402
from qgis_profile import enable_plugin, plugins_dir, prepare_profile  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("qgis_process") is None, reason="qgis_process is not installed")


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("dist") / "fifteen_min_plugin.zip")


def _qgis_process(profile_root: Path, *args: str, python_path: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile_root))
    if python_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [python_path, env.get("PYTHONPATH", "")]))
    return subprocess.run(["qgis_process", *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_package_writes_the_versioned_zip_and_a_repository_beside_the_stable_zip(package_zip):
    dist = package_zip.parent
    version = metadata_version()
    versioned = dist / f"fifteen_min_plugin.{version}.zip"
    assert versioned.read_bytes() == package_zip.read_bytes()
    assert {path.name for path in dist.iterdir()} == {
        "fifteen_min_plugin.zip",
        versioned.name,
        "plugins.xml",
        "plugins.xsl",
    }
    packaged = configparser.ConfigParser()  # with interpolation, as qgis.utils reads plugin metadata
    packaged.read_string(zipfile.ZipFile(package_zip).read("fifteen_min_plugin/metadata.txt").decode("utf-8"))
    assert packaged.get("general", "version") == version


def test_the_packaged_metadata_carries_the_latest_released_changelog_section(package_zip):
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.search(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}\n(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    assert released, "CHANGELOG.md has no released section"
    first_heading = re.search(r"^### (\w+)", released.group(2), re.M).group(1)
    first_item = re.search(r"^- (.+)$", released.group(2), re.M).group(1)
    packaged = configparser.ConfigParser()
    packaged.read_string(zipfile.ZipFile(package_zip).read("fifteen_min_plugin/metadata.txt").decode("utf-8"))
    notes = packaged.get("general", "changelog").strip().splitlines()
    assert notes[0] == f"Version {released.group(1)}:"
    assert f"{first_heading}:" in notes
    assert f"- {first_item}" in notes


def test_zip_has_one_top_folder_with_everything_qgis_needs(package_zip):
    names = zipfile.ZipFile(package_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"fifteen_min_plugin"}
    for required in (
        "fifteen_min_plugin/__init__.py",
        "fifteen_min_plugin/metadata.txt",
        "fifteen_min_plugin/LICENSE",
        "fifteen_min_plugin/resources/icons/plugin.svg",
        "fifteen_min_plugin/resources/i18n/fifteen_min_plugin_zh_CN.qm",
        "fifteen_min_plugin/resources/ui/dock.ui",
    ):
        assert required in names
    forms = sorted((Path(__file__).resolve().parents[2] / "resources" / "ui").glob("*.ui"))
    assert len(forms) >= 9
    for form in forms:  # loaded at runtime by every page and dialog
        assert f"fifteen_min_plugin/resources/ui/{form.name}" in names
    assert not [name for name in names if name.endswith((".pyc", ".ts")) or "__pycache__" in name]
    top_level = {name.split("/")[1] for name in names}
    assert not top_level & {"tests", "data", "bench", "scripts", "docs", ".venv", "build", "dist", ".git"}


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


# --- plugins.xml as QGIS's Plugin Manager reads it

REPOSITORY = "fifteen_min_test_repository"


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder and remembers every requested path, so the test sees QGIS ask over HTTP."""

    requested: list[str]

    def log_message(self, *args) -> None:
        self.requested.append(self.path)


@pytest.fixture(scope="module")
def http_repository(tmp_path_factory) -> Iterator[tuple[str, Path, list[str]]]:
    """dist/ built for and served by a loopback HTTP server: (repository URL, zip, requested paths)."""
    served = tmp_path_factory.mktemp("served")
    requested: list[str] = []
    handler = type("Handler", (_RecordingHandler,), {"requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/qgis/"
        yield url, build(served / "qgis" / "fifteen_min_plugin.zip", repo_url=url), requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture()
def plugin_manager(qgis_app):
    """QGIS's own Plugin Manager data module, with the test repository and its settings removed afterwards."""
    qgis_python = os.path.join(QgsApplication.pkgDataPath(), "python")  # where QGIS ships pyplugin_installer
    if qgis_python not in sys.path:
        sys.path.insert(0, qgis_python)
    from pyplugin_installer import installer_data

    experimental = _plugin_manager_settings().childSetting("allow-experimental")
    allowed = experimental.value()
    yield installer_data
    QgsSettings().remove(f"{installer_data.reposGroup}/{REPOSITORY}")
    experimental.setValue(allowed)
    installer_data.plugins.clearRepoCache()
    installer_data.repositories.load()


_DESKTOP_SETTINGS: list[QgsSettingsEntryBase] = []


def _plugin_manager_settings() -> QgsSettingsTreeNode:
    """The Plugin Manager's settings node; the desktop application registers it, a headless QGIS does not."""
    node = QgsSettingsTree.node("plugin-manager")
    if node is None:
        node = QgsSettingsTree.treeRoot().createChildNode("plugin-manager")
        _DESKTOP_SETTINGS.extend(
            QgsSettingsEntryBool(name, node, False) for name in ("allow-experimental", "allow-deprecated")
        )
        _DESKTOP_SETTINGS.append(QgsSettingsEntryStringList("seen-plugins", node, []))
    return node


def _wait(signal, done: Callable[[], bool], seconds: int = 120) -> None:
    """Run the Qt event loop until `done()` holds after `signal`, or `seconds` have passed."""
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    signal.connect(loop.quit)
    deadline.start(seconds * 1000)
    while not done() and deadline.isActive():
        loop.exec()
    signal.disconnect(loop.quit)


def _add_and_fetch(installer_data, url: str) -> dict:
    """Add `url` as QGIS's Settings tab does, fetch it like "Reload repository", and return the plugin entry."""
    settings = QgsSettings()
    settings.setValue(f"{installer_data.reposGroup}/{REPOSITORY}/url", url)
    settings.setValue(f"{installer_data.reposGroup}/{REPOSITORY}/enabled", True)
    repositories = installer_data.repositories
    repositories.load()
    installer_data.plugins.clearRepoCache()
    repositories.requestFetching(REPOSITORY)
    _wait(repositories.repositoryFetched, lambda: not repositories.fetchingInProgress(), seconds=60)
    repository = repositories.all()[REPOSITORY]
    assert repository["state"] == installer_data.Repositories.STATE_LOADED, repository["error"]
    listed = installer_data.plugins.repoCache[REPOSITORY]
    assert [plugin["id"] for plugin in listed] == ["fifteen_min_plugin"]
    return listed[0]


def _metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def _install_from_repository(
    installer_data, monkeypatch, profile_root: Path, status: str = "not installed", version: str = ""
) -> Path:
    """Show the plugin as the Plugin Manager lists it, then install it with the Manager's installing dialog."""
    _plugin_manager_settings().childSetting("allow-experimental").setValue(True)
    installer_data.plugins.getAllInstalled()
    installer_data.plugins.rebuild()
    plugin = installer_data.plugins.all()["fifteen_min_plugin"]
    assert plugin["status_exp" if plugin["experimental"] else "status"] == status
    assert plugin["version_available"] == (version or metadata_version())

    from pyplugin_installer import qgsplugininstallerinstallingdialog as installing

    target = plugins_dir(profile_root)
    monkeypatch.setattr(installing, "HOME_PLUGIN_PATH", str(target))  # the throwaway profile, not the test's own
    dialog = installing.QgsPluginInstallerInstallingDialog(None, plugin, stable=not plugin["experimental"])
    handled: list[bool] = []
    dialog.reply.finished.connect(lambda: handled.append(True))  # runs after the dialog's own handler
    _wait(dialog.reply.finished, lambda: bool(handled))
    assert dialog.result() == "", dialog.result()
    return target / "fifteen_min_plugin"


def _assert_listed_as_in_metadata(plugin: dict, download_url: str) -> None:
    metadata = _metadata()
    version = metadata_version()
    assert plugin["name"] == metadata["name"]
    assert plugin["version_available"] == version
    assert plugin["experimental"] == (metadata["experimental"].lower() == "true")
    assert plugin["filename"] == f"fifteen_min_plugin.{version}.zip"
    assert plugin["download_url"] == download_url + plugin["filename"]


def test_a_file_repository_lists_the_plugin_and_installs_it(package_zip, plugin_manager, monkeypatch, tmp_path):
    dist = package_zip.parent
    plugin = _add_and_fetch(plugin_manager, (dist / "plugins.xml").as_uri())
    _assert_listed_as_in_metadata(plugin, dist.as_uri() + "/")

    installed = _install_from_repository(plugin_manager, monkeypatch, tmp_path / "qgis")
    names = zipfile.ZipFile(package_zip).namelist()
    files = {f"fifteen_min_plugin/{path.relative_to(installed).as_posix()}" for path in installed.rglob("*")}
    assert files >= {name for name in names if not name.endswith("/")}

    enable_plugin(tmp_path / "qgis")
    plugins = _qgis_process(tmp_path / "qgis", "plugins")
    assert "* fifteen_min_plugin" in plugins.stdout, plugins.stdout + plugins.stderr


def test_an_http_repository_serves_the_listing_and_the_zip(http_repository, plugin_manager, monkeypatch, tmp_path):
    url, package_zip, requested = http_repository
    plugin = _add_and_fetch(plugin_manager, url + "plugins.xml")
    _assert_listed_as_in_metadata(plugin, url)
    assert any(path.startswith("/qgis/plugins.xml?qgis=") for path in requested), requested

    installed = _install_from_repository(plugin_manager, monkeypatch, tmp_path / "qgis")
    assert f"/qgis/{plugin['filename']}" in requested
    assert (installed / "metadata.txt").read_bytes() == zipfile.ZipFile(package_zip).read(
        "fifteen_min_plugin/metadata.txt"
    )


@pytest.fixture()
def raised_version_repository(tmp_path) -> tuple[Path, str]:
    """A copy of the source tree with metadata.txt's version raised, packaged by its own scripts/package.py."""
    tree = tmp_path / "tree"
    for name in ("fifteen_min_plugin", "resources", "scripts"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("metadata.txt", "LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"):
        shutil.copy2(ROOT / name, tree / name)
    raised = re.sub(r"(\d+)$", lambda match: str(int(match.group(1)) + 1), metadata_version())
    metadata = tree / "metadata.txt"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(re.sub(r"^version=.*$", f"version={raised}", text, flags=re.M), encoding="utf-8")
    dist = tmp_path / "raised_dist"
    command = [sys.executable, str(tree / "scripts" / "package.py"), "--out", str(dist / "fifteen_min_plugin.zip")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    return dist, raised


def test_a_raised_version_in_metadata_reaches_an_installed_desk_as_an_upgrade(
    package_zip, raised_version_repository, plugin_manager, monkeypatch, tmp_path
):
    profile_root = tmp_path / "qgis"
    _add_and_fetch(plugin_manager, (package_zip.parent / "plugins.xml").as_uri())
    installed = _install_from_repository(plugin_manager, monkeypatch, profile_root)
    # the Plugin Manager scans this desk's plugin folders (user first, then an empty system folder)
    system = tmp_path / "system_plugins"
    system.mkdir()
    monkeypatch.setattr(plugin_manager, "plugin_paths", [str(plugins_dir(profile_root)), str(system)])
    plugin_manager.plugins.getAllInstalled()
    local = plugin_manager.plugins.localCache["fifteen_min_plugin"]
    assert (local["version_installed"], local["error"]) == (metadata_version(), "")
    assert local["changelog"].strip().startswith("Version ")  # QGIS's own metadata parser reads the notes

    dist, raised = raised_version_repository
    plugin = _add_and_fetch(plugin_manager, (dist / "plugins.xml").as_uri())
    assert plugin["version_available"] == raised
    _install_from_repository(plugin_manager, monkeypatch, profile_root, status="upgradeable", version=raised)
    upgraded = configparser.ConfigParser()
    upgraded.read(installed / "metadata.txt", encoding="utf-8")
    assert upgraded.get("general", "version") == raised
