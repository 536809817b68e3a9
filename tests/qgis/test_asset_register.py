"""The idle-asset register on a real workspace GeoPackage: workflow, history and all-or-nothing writes."""

from __future__ import annotations

import gc
import sqlite3

import pytest
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY

from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.workspace import Workspace


def _rows(path, sql: str, *args) -> list[tuple]:
    """Read the file with sqlite3, independently of QGIS."""
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


@pytest.fixture()
def register(tmp_path, qgis_app):
    workspace = Workspace.create(tmp_path / "area.gpkg")
    reg = AssetRegister.from_workspace(workspace, user="tester")
    yield reg, workspace.path
    reg.assets = reg.events = None  # free the layers while QGIS still runs (caught tracebacks refer to them)
    gc.collect()


def _add_tunnel(register: AssetRegister) -> str:
    return register.add(
        {"asset_type": "civil_defence", "name": "示例人防工程", "area_m2": "800", "idle_windows": "每天 全天"},
        QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)),
        note="found on survey",
    )


def test_add_validates_and_records_a_created_event(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    assert asset_id == "IA-00001"
    stored = _rows(path, "select asset_type, name, area_m2, status, idle_windows from idle_assets")
    assert stored == [("civil_defence", "示例人防工程", 800.0, "candidate", "daily 00:00-24:00")]
    events = _rows(path, "select asset_id, field, new_value, note, user from asset_events")
    assert events == [("IA-00001", "created", "civil_defence: 示例人防工程", "found on survey", "tester")]
    for bad, words in (
        ({"asset_type": "castle", "name": "x"}, "not an asset type"),
        ({"asset_type": "parking", "name": "x", "area_m2": -5}, "cannot be negative"),
        ({"asset_type": "parking", "name": "x", "capacity": "many"}, "whole number"),
        ({"asset_type": "parking", "name": "x", "idle_windows": "25:00-07:00"}, "not a time of day"),
        ({"asset_type": "parking"}, "needs a value"),
    ):
        with pytest.raises(FifteenMinError, match=words):
            reg.add(bad, QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert _rows(path, "select count(*) from idle_assets") == [(1,)]
    assert _rows(path, "select count(*) from asset_events") == [(1,)]


def test_polygon_in_another_crs_becomes_a_point_in_the_register(register):
    reg, _path = register
    square = QgsGeometry.fromWkt(
        "POLYGON((12950000 4865000, 12950100 4865000, 12950100 4865100, 12950000 4865100, 12950000 4865000))"
    )
    asset_id = reg.add(
        {"asset_type": "parking", "name": "P", "capacity": 40}, square, QgsCoordinateReferenceSystem("EPSG:3857")
    )
    point = reg.geometry(asset_id).asPoint()
    lon, lat = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True).transform(12950050, 4865050)
    assert (point.x(), point.y()) == (pytest.approx(lon, abs=1e-7), pytest.approx(lat, abs=1e-7))


def test_status_path_and_history_in_order(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    for status in ("under_review", "approved", "in_use"):
        reg.set_status(asset_id, status, note=f"to {status}")
    assert reg.get(asset_id)["status"] == "in_use"
    history = reg.history(asset_id)
    assert [(event.field, event.old_value, event.new_value) for event in history] == [
        ("created", None, "civil_defence: 示例人防工程"),
        ("status", "candidate", "under_review"),
        ("status", "under_review", "approved"),
        ("status", "approved", "in_use"),
    ]
    assert [event.note for event in history[1:]] == ["to under_review", "to approved", "to in_use"]
    stored = _rows(path, "select field, old_value, new_value from asset_events order by fid")
    assert stored == [(event.field, event.old_value, event.new_value) for event in history]


def test_illegal_or_unconfirmed_transitions_write_nothing(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    before = _rows(path, "select * from idle_assets"), _rows(path, "select * from asset_events")
    with pytest.raises(FifteenMinError, match="skips the review"):
        reg.set_status(asset_id, "in_use")
    reg.retire(asset_id)
    with pytest.raises(FifteenMinError, match="cannot go from “Retired” to “Approved”"):
        reg.set_status(asset_id, "approved", confirmed=True)
    with pytest.raises(FifteenMinError, match="not a status"):
        reg.set_status(asset_id, "demolished")
    after_retire = _rows(path, "select status from idle_assets")
    assert after_retire == [("retired",)]
    assert len(_rows(path, "select * from asset_events")) == len(before[1]) + 1
    reg.set_status(asset_id, "candidate", note="reactivated")
    reg.set_status(asset_id, "in_use", note="urgent, approved by the director", confirmed=True)
    assert reg.get(asset_id)["status"] == "in_use"


def test_attribute_change_records_one_event_per_field(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    changed = reg.update(asset_id, {"area_m2": 950, "owner": "街道办", "name": "示例人防工程"}, note="re-measured")
    assert changed == ["area_m2", "owner"]
    events = _rows(path, "select field, old_value, new_value, note from asset_events where field != 'created'")
    assert sorted(events) == [("area_m2", "800.0", "950.0", "re-measured"), ("owner", None, "街道办", "re-measured")]
    assert _rows(path, "select area_m2, owner from idle_assets") == [(950.0, "街道办")]
    with pytest.raises(FifteenMinError, match="cannot be changed here"):
        reg.update(asset_id, {"status": "approved"})


def test_delete_is_refused_because_the_history_is_kept(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    with pytest.raises(FifteenMinError, match="retire the asset instead"):
        reg.delete(asset_id, note="duplicate record", confirmed=True)
    assert _rows(path, "select count(*) from idle_assets") == [(1,)]
    assert [event.field for event in reg.history(asset_id)] == ["created"]


def test_a_failing_event_write_leaves_the_asset_unchanged(register):
    reg, path = register
    asset_id = _add_tunnel(reg)
    before = _rows(path, "select * from idle_assets")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TRIGGER refuse_events BEFORE INSERT ON asset_events "
            "BEGIN SELECT RAISE(ABORT, 'history is locked'); END"
        )
    with pytest.raises(FifteenMinError, match="could not be written"):
        reg.set_status(asset_id, "under_review")
    with pytest.raises(FifteenMinError, match="could not be written"):
        reg.update(asset_id, {"capacity": 12})
    assert _rows(path, "select * from idle_assets") == before
    assert reg.get(asset_id)["status"] == "candidate"
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER refuse_events")
    reg.set_status(asset_id, "under_review")
    assert _rows(path, "select status from idle_assets") == [("under_review",)]
