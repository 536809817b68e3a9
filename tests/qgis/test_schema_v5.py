"""Schema 5 adds residents' needs, their themed lists and micro-consultations; a v4 workspace gains them in place."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayerUtils, edit

from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION, Addition
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.older_workspace import make_older, sql, tables

NEW = ("needs", "need_lists", "consultations", "consultation_needs")


def _make_v4(path: Path) -> None:
    """A workspace as schema 4 left it, with rows in its older layers."""
    make_older(
        path,
        4,
        NEW,
        rows={
            "communities": [{"community_id": "C1", "name": "大闸社区", "population": 8000}],
            "facilities": [{"name": "菜市场", "category": "market", "source": "amap", "source_id": "B1"}],
            "idle_assets": [{"asset_id": "A1", "name": "闲置车库", "area_m2": 120.0}],
        },
    )


def test_a_version_4_workspace_gains_the_needs_tables_and_keeps_every_row(tmp_path):
    path = tmp_path / "v4.gpkg"
    _make_v4(path)
    assert not tables(path) & set(NEW)
    before = {name: sql(path, f'SELECT * FROM "{name}"') for name in ("communities", "facilities", "idle_assets")}

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION >= 5
    assert workspace.upgrades == tuple(Addition(name) for name in NEW)
    assert sql(path, "SELECT value FROM fifteenmin_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    assert set(NEW) <= tables(path)
    for name, rows in before.items():
        assert sql(path, f'SELECT * FROM "{name}"') == rows, name
    assert sql(path, "PRAGMA integrity_check") == [("ok",)]
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
    stored = sql(path, "SELECT row, text, weight, geom IS NULL, imported IS NOT NULL FROM needs ORDER BY row")
    assert stored == [(2, "老人吃饭难", 1.0, 0, 1), (3, "希望增加菜市场", 1.0, 1, 1)]
    assert sql(path, "SELECT community_id, name FROM need_lists") == [("", "红色清单")]
