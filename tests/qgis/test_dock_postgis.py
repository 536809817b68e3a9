"""The dock's PostGIS chooser: a saved PostgreSQL connection and a schema make, reopen and restore a team
workspace on the test run's own cluster; bad choices get a sentence in the chooser and change nothing."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QTimer

from fifteen_min_plugin.gui.dock import FifteenMinDock
from fifteen_min_plugin.gui.postgis_dialog import PostgisWorkspaceDialog


@pytest.fixture()
def dock(qgis_iface, qgis_new_project):
    qgis_iface.messageBar().clear_messages()
    panel = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar())
    yield panel
    panel.teardown()
    panel.deleteLater()


def _choose(dock: FifteenMinDock, connection: str, schema: str, button: str) -> list[str]:
    """Run the dock's chooser as a planner would: pick, type, click; returns what the chooser said."""
    said = []

    def act() -> None:
        dialog = next((d for d in dock.findChildren(PostgisWorkspaceDialog) if d.isVisible()), None)
        if dialog is None:  # not shown yet
            QTimer.singleShot(10, act)
            return
        dialog.connectionCombo.setCurrentText(connection)
        dialog.schemaCombo.setEditText(schema)
        getattr(dialog, button).click()
        said.append(dialog.stateLabel.text())
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, act)
    dock._ask_postgis_workspace()
    assert said, "the chooser was never shown"
    return said


def test_the_dock_creates_reopens_and_restores_a_postgis_workspace(dock, pg_connection, qgis_iface, tmp_path):
    _choose(dock, pg_connection.name, "xicheng", "createButton")
    workspace = dock.workspace
    assert workspace is not None and workspace.is_postgis
    assert str(workspace.location) == f"postgres:{pg_connection.name}/xicheng"
    assert f"postgres:{pg_connection.name}/xicheng" in dock.ui.workspaceLabel.text()
    project = QgsProject.instance()
    layers = list(project.mapLayers().values())
    assert layers and all(layer.providerType() == "postgres" and workspace.owns(layer) for layer in layers)
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert pg_connection.cluster.psql(
        "select count(*) from information_schema.tables where table_schema = 'xicheng'"
    ) == str(len(workspace.layer_names()) + 1)

    # the chooser now offers the workspace, and opening it reuses the project's layers
    dialog = PostgisWorkspaceDialog()
    dialog.connectionCombo.setCurrentText(pg_connection.name)
    assert "xicheng" in [dialog.schemaCombo.itemText(i) for i in range(dialog.schemaCombo.count())]
    _choose(dock, pg_connection.name, "xicheng", "openButton")
    assert len(project.mapLayers()) == len(layers)

    assert project.write(str(tmp_path / "team.qgz"))
    project.clear()
    assert dock.workspace is None
    assert project.read(str(tmp_path / "team.qgz"))
    assert dock.workspace is not None and str(dock.workspace.location) == str(workspace.location)


def test_bad_choices_get_a_sentence_in_the_chooser_and_change_nothing(dock, pg_connection):
    said = _choose(dock, pg_connection.name, "Not A Name", "createButton")
    assert "cannot be used" in said[0]
    assert dock.workspace is None
    said = _choose(dock, pg_connection.name, "nowhere", "openButton")
    assert dock.workspace is None
    assert pg_connection.cluster.psql("select count(*) from pg_namespace where nspname = 'nowhere'") == "0"
    assert QgsProject.instance().mapLayers() == {}
