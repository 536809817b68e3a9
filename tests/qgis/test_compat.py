"""compat.is_text_field tells text fields from the rest whatever enum QgsField.type() returns (Qt5 or Qt6)."""

from __future__ import annotations

import sqlite3

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from fifteen_min_plugin.core.circles.writer import write_circles
from fifteen_min_plugin.core.compat import is_text_field, new_field
from fifteen_min_plugin.core.workspace.workspace import Workspace


def test_fields_built_by_new_field_are_told_apart(qgis_app):
    kinds = {kind: is_text_field(new_field("x", kind)) for kind in ("text", "int", "int64", "double", "datetime")}
    assert kinds == {"text": True, "int": False, "int64": False, "double": False, "datetime": False}


def test_workspace_fields_match_the_column_types_sqlite_declares(tmp_path, qgis_app):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    layer = workspace.layer("circles")
    with sqlite3.connect(workspace.path) as db:
        declared = {name: kind.upper() for _, name, kind, *_ in db.execute("PRAGMA table_info(circles)")}
    checked = [field.name() for field in layer.fields() if field.name() in declared and field.name() != "geom"]
    assert len(checked) >= 5
    for name in checked:
        expected = declared[name].startswith("TEXT")
        assert is_text_field(layer.fields().field(name)) == expected, (name, declared[name])


def test_a_numeric_origin_id_is_written_as_text_into_community_id(tmp_path, qgis_app):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    result = QgsVectorLayer("Polygon?crs=EPSG:4326&field=origin_id:integer&field=minutes:integer", "r", "memory")
    feature = QgsFeature(result.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)).buffer(0.002, 16))
    feature.setAttributes([7, 5])
    assert result.dataProvider().addFeatures([feature])[0]
    write_circles(workspace.layer("circles"), result, QgsProject.instance().transformContext())
    with sqlite3.connect(workspace.path) as db:
        ((value, kind),) = db.execute("SELECT community_id, typeof(community_id) FROM circles").fetchall()
    assert (value, kind) == ("7", "text")
