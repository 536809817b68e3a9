"""The dock creates and opens workspaces and tells the planner what went wrong."""

from __future__ import annotations

import hashlib
import platform
import re
import shutil
import sys
import types
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QApplication, QFrame, QLabel

from fifteen_min_plugin.core.dependencies import install_command, missing_dependencies
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.dock import FifteenMinDock


@pytest.fixture()
def dock(qgis_iface, qgis_new_project):
    qgis_iface.messageBar().clear_messages()
    panel = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar())
    yield panel
    panel.teardown()
    panel.deleteLater()


def _workspace_layers(project: QgsProject) -> list[str]:
    return sorted(layer.source().split("layername=")[-1] for layer in project.mapLayers().values())


def test_new_workspace_adds_its_layers_and_remembers_it(dock, qgis_iface, tmp_path):
    path = tmp_path / "haidian.gpkg"
    workspace = dock.new_workspace(path)
    assert workspace is not None and path.exists()
    assert _workspace_layers(QgsProject.instance()) == sorted(workspace.layer_names())
    assert str(path) in dock.ui.workspaceLabel.text()
    assert QgsProject.instance().readEntry("fifteenmin", "workspace")[0] == str(path)
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)


def test_open_workspace_reuses_layers_already_in_the_project(dock, tmp_path):
    path = tmp_path / "ws.gpkg"
    dock.new_workspace(path)
    count = len(QgsProject.instance().mapLayers())
    assert dock.open_workspace(path) is not None
    assert len(QgsProject.instance().mapLayers()) == count


@pytest.mark.parametrize("content", [b"not a geopackage at all", None])
def test_a_file_that_is_not_a_workspace_is_refused_and_left_alone(dock, qgis_iface, tmp_path, content):
    path = tmp_path / "other.gpkg"
    if content is None:  # a real GeoPackage of somebody else's
        layer = QgsVectorLayer("Point?crs=EPSG:4326&field=x:integer", "x", "memory")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        error, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsProject.instance().transformContext(), options
        )
        assert error == QgsVectorFileWriter.WriterError.NoError
    else:
        path.write_bytes(content)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert dock.open_workspace(path) is None
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert len(errors) == 1
    assert "GeoPackage" in errors[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert dock.workspace is None
    assert QgsProject.instance().mapLayers() == {}


def test_new_workspace_refuses_to_overwrite(dock, qgis_iface, tmp_path):
    path = tmp_path / "taken.gpkg"
    path.write_bytes(b"precious")
    assert dock.new_workspace(path) is None
    assert path.read_bytes() == b"precious"
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)


def test_reading_a_project_restores_its_workspace_even_when_the_folder_moved(dock, tmp_path):
    folder = tmp_path / "plan"
    folder.mkdir()
    workspace = Workspace.create(folder / "ws.gpkg")
    project = QgsProject.instance()
    workspace.remember_in(project)
    assert project.write(str(folder / "plan.qgz"))
    project.clear()
    assert dock.workspace is None
    moved = shutil.move(str(folder), str(tmp_path / "moved"))
    assert project.read(str(Path(moved) / "plan.qgz"))
    assert dock.workspace is not None
    assert dock.workspace.path == Path(moved) / "ws.gpkg"


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @pyqtSlot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_button_opens_the_bundled_bilingual_guide(dock):
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        dock.ui.helpButton.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = catcher.urls
    guide = Path(url.toLocalFile())
    assert guide.name == "index.html" and guide.exists()
    assert url.fragment() == "en"
    html = guide.read_text(encoding="utf-8")
    assert 'id="zh"' in html and 'id="en"' in html
    images = re.findall(r'src="(images/[^"]+)"', html)
    assert images and all((guide.parent / image).exists() for image in images)


def test_without_shapely_2_one_banner_in_the_dock_gives_the_install_command(qgis_iface, qgis_new_project, monkeypatch):
    old_shapely = types.ModuleType("shapely")
    old_shapely.__version__ = "1.8.5"  # Debian 12's python3-shapely
    monkeypatch.setitem(sys.modules, "shapely", old_shapely)
    missing = missing_dependencies()
    assert [(item.module, item.found) for item in missing] == [("shapely", "1.8.5")]
    panel = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar(), missing=missing)
    try:
        banners = panel.findChildren(QFrame, "dependencyBanner")
        assert banners == [panel.dependency_banner]
        text = " ".join(label.text() for label in panel.dependency_banner.findChildren(QLabel))
        pages = panel.ui.pages
        disabled = [pages.tabText(i) for i in range(pages.count()) if not pages.widget(i).isEnabled()]
        assert len(disabled) == 3 and all(name in text for name in disabled), (disabled, text)
        assert "shapely 1.8.5" in text
        command = 'python3 -m pip install --user --break-system-packages "shapely>=2"'
        assert panel.install_command_edit.text() == install_command(missing)
        if platform.system() == "Linux":
            assert panel.install_command_edit.text() == command
        QApplication.clipboard().clear()
        panel.copy_command_button.click()
        assert QApplication.clipboard().text() == install_command(missing)
    finally:
        panel.teardown()
        panel.deleteLater()


def test_with_every_package_there_is_no_banner(dock):
    assert dock.dependency_banner is None
    assert dock.findChildren(QFrame, "dependencyBanner") == []
