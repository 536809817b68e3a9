"""A copied project folder works on its own workspace; a project whose layers and memory disagree asks first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from fifteen_min_plugin.core.workspace.project_memory import layer_source, read_project
from fifteen_min_plugin.core.workspace.workspace import PROJECT_KEY, PROJECT_SCOPE, Workspace
from fifteen_min_plugin.gui.dock import FifteenMinDock


@pytest.fixture()
def dock(qgis_iface, qgis_new_project):
    qgis_iface.messageBar().clear_messages()
    panel = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar())
    yield panel
    panel.teardown()
    panel.deleteLater()
    QgsProject.instance().clear()


def _files_read(project: QgsProject) -> dict[str, int]:
    """How many of the project's layers read each GeoPackage (by folder name)."""
    counts: dict[str, int] = {}
    for layer in project.mapLayers().values():
        path = layer_source(layer)[0]
        if path is not None:
            counts[path.parent.name] = counts.get(path.parent.name, 0) + 1
    return counts


def _plan_a(dock: FifteenMinDock, tmp_path: Path) -> tuple[Path, int]:
    """The planner's original folder: a workspace made from the dock in an unsaved project, then saved."""
    folder = tmp_path / "方案A"
    folder.mkdir()
    workspace = dock.new_workspace(folder / "haidian.gpkg")
    assert workspace is not None
    project = QgsProject.instance()
    assert project.write(str(folder / "plan.qgz"))
    return folder, len(project.mapLayers())


def _add_community(path: Path) -> None:
    layer = QgsVectorLayer(f"{path}|layername=communities", "c", "ogr")
    feature = QgsFeature(layer.fields())
    feature["community_id"] = "B-only"
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert layer.dataProvider().addFeatures([feature])[0]


def test_the_workspace_is_remembered_relative_to_the_project_file(dock, tmp_path):
    folder, _ = _plan_a(dock, tmp_path)
    stored = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY)[0]
    assert stored == "./haidian.gpkg"
    reread = QgsProject()
    assert reread.read(str(folder / "plan.qgz"))
    assert reread.readEntry(PROJECT_SCOPE, PROJECT_KEY)[0] == "./haidian.gpkg"


def test_a_copied_project_folder_writes_to_its_own_copy_and_adds_no_layer(dock, tmp_path):
    folder, layer_count = _plan_a(dock, tmp_path)
    project = QgsProject.instance()
    project.clear()
    copy = Path(shutil.copytree(folder, tmp_path / "方案B"))
    _add_community(copy / "haidian.gpkg")

    assert project.read(str(copy / "plan.qgz"))
    assert dock.workspace is not None
    assert dock.workspace.path == copy / "haidian.gpkg"
    assert dock.workspace_choice is None
    circles = dock.page("circles")._workspace_layer("communities")  # what every page writes through
    assert {f["community_id"] for f in circles.getFeatures()} == {"B-only"}
    assert _files_read(project) == {"方案B": layer_count}
    assert (folder / "haidian.gpkg").exists()  # the original stays where it was, untouched by B


@pytest.fixture()
def old_style_copy(dock, tmp_path) -> tuple[Path, Path, int]:
    """A project saved before this fix (absolute workspace path), copied to 方案B while 方案A still exists."""
    folder = tmp_path / "方案A"
    folder.mkdir()
    old = QgsProject()  # saved without the dock, as the plugin did before: the absolute path as it was given
    workspace = Workspace.create(folder / "haidian.gpkg")
    layer_count = len(workspace.add_to_project(old))
    old.writeEntry(PROJECT_SCOPE, PROJECT_KEY, str(workspace.path))
    assert old.write(str(folder / "plan.qgz"))
    copy = Path(shutil.copytree(folder, tmp_path / "方案B"))
    reread = QgsProject()
    assert reread.read(str(copy / "plan.qgz"))
    assert reread.readEntry(PROJECT_SCOPE, PROJECT_KEY)[0] == str(folder / "haidian.gpkg")
    return folder, copy, layer_count


def test_disagreeing_layers_and_memory_are_reported_and_nothing_is_chosen_silently(dock, old_style_copy, qgis_iface):
    folder, copy, layer_count = old_style_copy
    project = QgsProject.instance()
    assert project.read(str(copy / "plan.qgz"))
    state = read_project(project)
    assert state.remembered == folder / "haidian.gpkg" and state.conflict == copy / "haidian.gpkg"
    assert dock.workspace is None  # nothing is written anywhere until the planner chooses
    assert dock.workspace_choice is not None and dock.workspace_choice.isVisibleTo(dock)
    warnings = " ".join(qgis_iface.messageBar().get_messages(1))
    assert str(folder / "haidian.gpkg") in warnings and str(copy / "haidian.gpkg") in warnings

    dock.use_layers_button.click()
    assert dock.workspace.path == copy / "haidian.gpkg"
    assert dock.workspace_choice is None
    assert read_project(project).remembered == copy / "haidian.gpkg"
    dock.page("circles")._workspace_layer("circles")
    assert _files_read(project) == {"方案B": layer_count}


def test_keeping_the_remembered_workspace_moves_the_layers_instead_of_adding_duplicates(dock, old_style_copy):
    folder, copy, layer_count = old_style_copy
    project = QgsProject.instance()
    assert project.read(str(copy / "plan.qgz"))
    names_before = sorted(layer.name() for layer in project.mapLayers().values())

    dock.use_remembered_button.click()
    assert dock.workspace.path == folder / "haidian.gpkg"
    for page in ("circles", "facilities", "analysis", "assets"):
        if dock.page(page) is not None and hasattr(dock.page(page), "_workspace_layer"):
            dock.page(page)._workspace_layer("circles")
    assert _files_read(project) == {"方案A": layer_count}
    assert sorted(layer.name() for layer in project.mapLayers().values()) == names_before
    groups = [g.name() for g in project.layerTreeRoot().findGroups(True)]
    assert len(groups) == len(set(groups)) == 1


def test_a_bureau_geopackage_with_a_communities_table_is_not_taken_for_a_workspace(dock, tmp_path):
    folder, layer_count = _plan_a(dock, tmp_path)
    project = QgsProject.instance()
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.gpkg"
    own = QgsVectorLayer(f"{sample}|layername=communities", "bureau communities", "ogr")
    assert own.isValid() and project.addMapLayer(own) is own
    assert project.write(str(folder / "plan.qgz"))
    project.clear()
    assert project.read(str(folder / "plan.qgz"))
    assert read_project(project).conflict is None
    assert dock.workspace_choice is None and dock.workspace.path == folder / "haidian.gpkg"
    assert len(project.mapLayers()) == layer_count + 1
