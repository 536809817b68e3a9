"""Schema 6 adds the project list and its history; a v5 workspace gains them in place."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayerUtils, edit

from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION, Addition
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.older_workspace import make_older, sql, tables

NEW = ("projects", "project_events")


def _make_v5(path: Path) -> None:
    """A workspace as schema 5 left it, with rows in its older layers."""
    make_older(
        path,
        5,
        NEW,
        rows={
            "needs": [{"community_id": "C1", "text": "老人吃饭难", "row": 2}],
            "idle_assets": [{"asset_id": "A1", "name": "闲置车库", "area_m2": 120.0}],
        },
    )


def test_a_version_5_workspace_gains_the_project_tables_and_keeps_every_row(tmp_path):
    path = tmp_path / "v5.gpkg"
    _make_v5(path)
    assert not tables(path) & set(NEW)
    before = {name: sql(path, f'SELECT * FROM "{name}"') for name in ("needs", "idle_assets")}

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION >= 6
    assert workspace.upgrades == tuple(Addition(name) for name in NEW)
    assert sql(path, "SELECT value FROM fifteenmin_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    assert set(NEW) <= tables(path)
    for name, rows in before.items():
        assert sql(path, f'SELECT * FROM "{name}"') == rows, name
    assert sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert Workspace.open(path).upgrades == ()


def test_a_project_sited_on_a_point_and_one_without_a_site_are_stored(tmp_path):
    path = tmp_path / "ws.gpkg"
    projects = Workspace.create(path).layer("projects")
    fields = projects.fields()
    sites = {
        "P1": QgsGeometry.fromPointXY(QgsPointXY(121.55, 29.87)),
        "P3": QgsGeometry(),
    }
    with edit(projects):
        for project_id, site in sites.items():
            values = {fields.lookupField("project_id"): project_id, fields.lookupField("name"): "社区食堂"}
            assert projects.addFeature(QgsVectorLayerUtils.createFeature(projects, site, values))
    stored = sql(path, "SELECT project_id, status, version, geom IS NULL, created IS NOT NULL FROM projects")
    assert sorted(stored) == [("P1", "planned", 0, 0, 1), ("P3", "planned", 0, 1, 1)]
    reread = {
        str(feature["project_id"]): feature.geometry()
        for feature in Workspace.open(path).layer("projects").getFeatures()
    }
    assert reread["P1"].asWkt(2) == "Point (121.55 29.87)"
    assert reread["P3"].isNull()
