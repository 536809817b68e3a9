"""Schema 7 stores the 2025 coverage figures, an asset's storey and wartime duty, satisfaction surveys and drawn
project sites; a v6 workspace gains them in place and keeps every row."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, edit

from fifteen_min_plugin.core.workspace.schema import COVERAGE_FIGURES, SCHEMA_VERSION, Addition
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.older_workspace import columns, make_older, sql, tables

NEW_LAYERS = ("satisfaction", "project_sites")
NEW_FIELDS = {"coverage": [spec.name for spec in COVERAGE_FIGURES], "idle_assets": ["level", "wartime_duty"]}


def test_a_version_6_workspace_gains_the_new_tables_and_fields_and_keeps_every_row(tmp_path):
    path = tmp_path / "v6.gpkg"
    rows = {"idle_assets": [{"asset_id": "A1", "name": "人防工程", "asset_type": "civil_defence", "area_m2": 800.0}]}
    make_older(path, 6, NEW_LAYERS, NEW_FIELDS, rows)
    assert not tables(path) & set(NEW_LAYERS)
    assert not set(columns(path, "idle_assets")) & {"level", "wartime_duty"}
    before = sql(path, 'SELECT * FROM "idle_assets"')

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION >= 7
    expected = [Addition(name) for name in NEW_LAYERS]
    expected += [Addition(layer, field) for layer, names in NEW_FIELDS.items() for field in names]
    assert list(workspace.upgrades) == expected
    assert set(NEW_LAYERS) <= tables(path)
    after = sql(path, 'SELECT * FROM "idle_assets"')
    assert [row[: len(before[0])] for row in after] == before
    assert [row[len(before[0]) :] for row in after] == [(None, None)]
    assert set(NEW_FIELDS["coverage"]) <= set(columns(path, "coverage"))
    assert sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert Workspace.open(path).upgrades == ()


def test_an_assets_storey_a_survey_and_a_polygon_site_are_stored(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    assets, survey, sites = (workspace.layer(name) for name in ("idle_assets", "satisfaction", "project_sites"))
    with edit(assets):
        asset = QgsFeature(assets.fields())
        asset["asset_id"], asset["level"], asset["wartime_duty"] = "A1", "B1", "人员掩蔽"
        asset.setGeometry(QgsGeometry.fromWkt("POINT (121.55 29.87)"))
        assert assets.addFeature(asset)
    with edit(survey):
        row = QgsFeature(survey.fields())
        row["community_id"], row["share_satisfied"], row["sample_size"] = "C1", 0.92, 310
        assert survey.addFeature(row)
    with edit(sites):
        site = QgsFeature(sites.fields())
        site["project_id"] = "P1"
        site.setGeometry(QgsGeometry.fromWkt("POLYGON ((121.55 29.87, 121.551 29.87, 121.551 29.871, 121.55 29.87))"))
        assert sites.addFeature(site)

    reopened = Workspace.open(workspace.path)
    read = QgsVectorLayer(f"{reopened.path}|layername=idle_assets", "a", "ogr")
    assert [(f["level"], f["wartime_duty"]) for f in read.getFeatures()] == [("B1", "人员掩蔽")]
    assert sql(reopened.path, "SELECT community_id, share_satisfied, sample_size FROM satisfaction") == [
        ("C1", 0.92, 310)
    ]
    polygon = next(reopened.layer("project_sites").getFeatures())
    assert polygon["project_id"] == "P1" and polygon.geometry().area() > 0
