"""Schema 5 adds residents' needs, their themed lists and micro-consultations; a v4 workspace gains them in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from osgeo import ogr
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer, QgsVectorLayerUtils, edit

from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION, Addition
from fifteen_min_plugin.core.workspace.workspace import Workspace

NEW = ("needs", "need_lists", "consultations", "consultation_needs")


def _sql(path: Path, statement: str) -> list[tuple]:
    """Read or change the file with sqlite3, independently of QGIS."""
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


def _tables(path: Path) -> set[str]:
    return {name for (name,) in _sql(path, "SELECT table_name FROM gpkg_contents")}


def _make_v4(path: Path) -> None:
    """A workspace as schema 4 left it, with rows in its older layers: none of the needs tables."""
    Workspace.create(path)
    source = ogr.Open(str(path), 1)
    for name in NEW:
        for index in range(source.GetLayerCount()):
            if source.GetLayerByIndex(index).GetName() == name:
                assert source.DeleteLayer(index) == 0
                break
    source = None
    _sql(path, "UPDATE fifteenmin_meta SET value = '4' WHERE key = 'schema_version'")
    for layer_name, rows in {
        "communities": [{"community_id": "C1", "name": "大闸社区", "population": 8000}],
        "facilities": [{"name": "菜市场", "category": "market", "source": "amap", "source_id": "B1"}],
        "idle_assets": [{"asset_id": "A1", "name": "闲置车库", "area_m2": 120.0}],
    }.items():
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        with edit(layer):
            for row in rows:
                feature = QgsFeature(layer.fields())
                for key, value in row.items():
                    feature[key] = value
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(121.55, 29.87)))
                assert layer.addFeature(feature)


def test_a_version_4_workspace_gains_the_needs_tables_and_keeps_every_row(tmp_path):
    path = tmp_path / "v4.gpkg"
    _make_v4(path)
    assert not _tables(path) & set(NEW)
    before = {name: _sql(path, f'SELECT * FROM "{name}"') for name in ("communities", "facilities", "idle_assets")}

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION >= 5
    assert workspace.upgrades == tuple(Addition(name) for name in NEW)
    assert _sql(path, "SELECT value FROM fifteenmin_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    assert set(NEW) <= _tables(path)
    for name, rows in before.items():
        assert _sql(path, f'SELECT * FROM "{name}"') == rows, name
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert Workspace.open(path).upgrades == ()


def test_a_need_without_a_point_and_a_themed_list_are_stored(tmp_path):
    path = tmp_path / "ws.gpkg"
    workspace = Workspace.create(path)
    needs = workspace.layer("needs")
    with edit(needs):
        fields = needs.fields()
        values = {fields.lookupField("community_id"): "C1", fields.lookupField("text"): "老人吃饭难"}
        point = QgsGeometry.fromPointXY(QgsPointXY(121.55, 29.87))
        placed = QgsVectorLayerUtils.createFeature(needs, point, {**values, fields.lookupField("row"): 2})
        values[fields.lookupField("text")] = "希望增加菜市场"
        unplaced = QgsVectorLayerUtils.createFeature(needs, QgsGeometry(), {**values, fields.lookupField("row"): 3})
        assert needs.addFeatures([placed, unplaced])
    lists = workspace.layer("need_lists")
    with edit(lists):
        row = QgsFeature(lists.fields())
        row["community_id"], row["name"], row["colour"] = "", "红色清单", "#d7191c"
        row["meaning"] = "居家养老服务设在哪里"
        assert lists.addFeature(row)
    stored = _sql(path, "SELECT row, text, weight, geom IS NULL, imported IS NOT NULL FROM needs ORDER BY row")
    assert stored == [(2, "老人吃饭难", 1.0, 0, 1), (3, "希望增加菜市场", 1.0, 1, 1)]
    assert _sql(path, "SELECT community_id, name FROM need_lists") == [("", "红色清单")]
