"""Schema 4 makes (source, source_id) unique in the facilities; a version-3 workspace merges its repeats on opening."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer, edit

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.layer_io import workspace_transaction
from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION
from fifteen_min_plugin.core.workspace.workspace import Workspace


def _sql(path: Path, statement: str) -> list[tuple]:
    """Read or change the file with sqlite3, independently of QGIS."""
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


def _indexes(path: Path) -> dict[str, str]:
    return dict(_sql(path, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facilities'"))


def _add(path: Path, rows: list[dict]) -> None:
    layer = QgsVectorLayer(f"{path}|layername=facilities", "facilities", "ogr")
    with edit(layer):
        for number, row in enumerate(rows):
            feature = QgsFeature(layer.fields())
            for key, value in row.items():
                feature[key] = value
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35 + number * 0.001, 40.0)))
            assert layer.addFeature(feature)


def _make_v3(path: Path, rows: list[dict]) -> None:
    """A workspace as schema 3 left it: no unique index, so repeated source records could be stored."""
    Workspace.create(path)
    _sql(path, "DROP INDEX facilities_source_key")
    _sql(path, "UPDATE fifteenmin_meta SET value = '3' WHERE key = 'schema_version'")
    _add(path, rows)


def test_a_new_workspace_has_the_unique_source_index(tmp_path):
    path = tmp_path / "new.gpkg"
    Workspace.create(path)
    assert "UNIQUE" in _indexes(path)["facilities_source_key"].upper()
    rows = [{"name": "店", "source": "amap", "source_id": "B1"}, {"name": "店", "source": "amap", "source_id": "B1"}]
    layer = QgsVectorLayer(f"{path}|layername=facilities", "facilities", "ogr")
    assert layer.startEditing()
    for row in rows:
        feature = QgsFeature(layer.fields())
        for key, value in row.items():
            feature[key] = value
        layer.addFeature(feature)
    assert not layer.commitChanges()  # the file itself refuses the second copy
    layer.rollBack()
    assert _sql(path, "SELECT count(*) FROM facilities") == [(0,)]


def test_a_version_3_workspace_merges_repeated_source_records_and_says_so(tmp_path):
    path = tmp_path / "v3.gpkg"
    rows = [
        {"name": "便利店", "source": "amap", "source_id": "B1", "category": "convenience_store"},
        {"name": "便利店", "source": "amap", "source_id": "B1", "address": "学院路 1 号"},
        {"name": "便利店", "source": "amap", "source_id": "B1"},
        {"name": "药店", "source": "amap", "source_id": "B2"},
        {"name": "药店", "source": "amap", "source_id": "B2"},
        {"name": "菜市场", "source": "osm", "source_id": "node/7"},
        {"name": "手工录入", "source": None, "source_id": None},
        {"name": "手工录入", "source": None, "source_id": None},
    ]
    _make_v3(path, rows)
    assert "facilities_source_key" not in _indexes(path)

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION  # 4 merged the repeats; later versions only add tables
    assert _sql(path, "SELECT value FROM fifteenmin_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    assert len(workspace.notes) == 1
    assert (
        workspace.notes[0]
        == "Merged 5 rows of “Facilities” that repeated an imported record (source + source_id) into 2."
    )
    kept = _sql(path, "SELECT fid, source, source_id, category, address FROM facilities ORDER BY fid")
    assert kept == [
        (1, "amap", "B1", "convenience_store", "学院路 1 号"),  # the oldest row, its empty fields filled in
        (4, "amap", "B2", None, None),
        (6, "osm", "node/7", None, None),
        (7, None, None, None, None),  # rows without a source record are not repeats of anything
        (8, None, None, None, None),
    ]
    assert _sql(path, "SELECT count(*) FROM rtree_facilities_geom") == [(5,)]
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert "UNIQUE" in _indexes(path)["facilities_source_key"].upper()

    settled = hashlib.sha256(path.read_bytes()).hexdigest()
    again = Workspace.open(path)
    assert again.upgrades == () and again.notes == ()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == settled


def test_a_failed_upgrade_leaves_the_version_3_rows_as_they_were(tmp_path):
    path = tmp_path / "v3.gpkg"
    rows = [{"name": "便利店", "source": "amap", "source_id": "B1"}] * 3
    _make_v3(path, rows)
    _sql(path, "CREATE TRIGGER refuse BEFORE DELETE ON facilities BEGIN SELECT RAISE(ABORT, 'kept'); END")
    before = _sql(path, "SELECT * FROM facilities")
    with pytest.raises(FifteenMinError, match="could not be upgraded"):
        Workspace.open(path)
    assert _sql(path, "SELECT * FROM facilities") == before
    assert _sql(path, "SELECT value FROM fifteenmin_meta WHERE key = 'schema_version'") == [("3",)]
    assert "facilities_source_key" not in _indexes(path)


def test_a_guarded_write_refuses_to_run_a_failing_statement(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    layer = workspace.layer("facilities")
    with pytest.raises(FifteenMinError, match="nope") as raised, workspace_transaction([layer], "nope") as guard:
        guard.execute("CREATE INDEX broken ON no_such_table (x)")
    assert "no_such_table" in raised.value.details
    assert layer.featureCount() == 0


def test_the_dock_says_what_the_upgrade_merged(qgis_iface, qgis_new_project, tmp_path):
    from qgis.core import Qgis

    from fifteen_min_plugin.gui.dock import FifteenMinDock

    path = tmp_path / "v3.gpkg"
    _make_v3(path, [{"name": "药店", "source": "amap", "source_id": "B2"}] * 2)
    qgis_iface.messageBar().clear_messages()
    dock = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar())
    try:
        assert dock.open_workspace(path) is not None
        (message,) = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
        assert "Merged 2 rows of “Facilities” that repeated an imported record (source + source_id) into 1." in message
    finally:
        dock.teardown()
        dock.deleteLater()
