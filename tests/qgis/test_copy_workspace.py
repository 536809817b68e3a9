"""fifteenmin:copyworkspace on the run's own PostgreSQL: GeoPackage → PostGIS → GeoPackage gives the same rows,
attributes, geometries and history (read back with sqlite3, independently of QGIS), and a non-empty target is
refused unless replacing is asked."""

from __future__ import annotations

import gc
import sqlite3
import uuid

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException

from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing
from fifteen_min_plugin.core.workspace.workspace import Workspace

#: columns that are the store's own row numbers, not content
KEYS = {"fid"}
SQUARE = "MultiPolygon (((116.30 40.00, 116.31 40.00, 116.31 40.01, 116.30 40.01, 116.30 40.00)))"
PLOT = QgsGeometry.fromWkt("Polygon ((116.351 40.001, 116.352 40.001, 116.352 40.002, 116.351 40.002, 116.351 40.001))")


def _filled(path) -> Workspace:
    """A workspace with communities, circles, facilities, assets and projects with their history."""
    workspace = Workspace.create(path)
    for name, rows in {
        "communities": [
            {"community_id": "HD-C01", "name": "示例社区", "population": 8000, "geometry": "Point (116.35 40.0)"}
        ],
        "circles": [
            {"circle_id": "C1", "community_id": "HD-C01", "level_min": 15, "radius_m": 1000.5, "geometry": SQUARE}
        ],
        "facilities": [
            {
                "facility_id": f"F{n}",
                "name": f"便利店{n}",
                "category": "convenience_store",
                "geometry": f"Point (116.3{n} 40.001234567)",
            }
            for n in range(1, 6)
        ],
    }.items():
        layer = workspace.layer(name)
        features = []
        for values in rows:
            feature = QgsFeature(layer.fields())
            for key, value in values.items():
                if key != "geometry":
                    feature[key] = value
            feature.setGeometry(QgsGeometry.fromWkt(values["geometry"]))
            features.append(feature)
        add_all_or_nothing(layer, features)
    assets = AssetRegister.from_workspace(workspace, user="planner")
    tunnel = assets.add(
        {"asset_type": "civil_defence", "name": "人防工程", "area_m2": 800},
        QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)),
        note="survey",
    )
    assets.set_status(tunnel, "under_review", note="送审")
    assets.update(tunnel, {"owner": "街道办"}, geometry=QgsGeometry.fromPointXY(QgsPointXY(116.3501, 40.0002)))
    projects = ProjectRegister.from_workspace(workspace, user="planner")
    canteen = projects.add(
        {"name": "社区食堂", "category": "community_canteen", "asset_id": tunnel}, PLOT, note="listed"
    )
    projects.set_status(canteen, "approved", note="批复")
    assets.rows = assets.events = projects.rows = projects.events = projects.sites = None
    gc.collect()
    return workspace


def _content(path) -> dict[str, list[tuple]]:
    """Every table's rows without their row numbers, sorted, read with sqlite3 (geometry blobs as hex)."""
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")]
        content = {}
        for table in tables:
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")') if row[1] not in KEYS]
            rows = db.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}"').fetchall()
            content[table] = sorted(rows, key=repr)
    return content


def test_geopackage_to_postgis_and_back_gives_the_same_workspace(tmp_path, pg_connection, processing):
    source = _filled(tmp_path / "source.gpkg")
    schema = f"copy_{uuid.uuid4().hex[:8]}"
    there = processing.run(
        "fifteenmin:copyworkspace", {"SOURCE": str(source.path), "TARGET": f"postgres:{pg_connection.name}/{schema}"}
    )
    assert there["DIFFERENCES"] == "" and there["ROWS"] == 1 + 1 + 5 + 1 + 4 + 1 + 3 + 1
    back = tmp_path / "back.gpkg"
    home = processing.run("fifteenmin:copyworkspace", {"SOURCE": there["OUTPUT"], "TARGET": str(back)})
    assert home["DIFFERENCES"] == "" and home["ROWS"] == there["ROWS"]
    before, after = _content(source.path), _content(back)
    assert set(after) == set(before)
    meta = "fifteenmin_meta"
    for table in before:
        if table != meta:
            assert after[table] == before[table], table
    assert len(after["asset_events"]) == 4 and len(after["project_events"]) == 3
    # the history is copied, not written anew: still append-only and keyed to its asset in the copy
    with sqlite3.connect(back) as db, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM asset_events")


def test_a_target_with_rows_is_refused_unless_replacing_is_asked(tmp_path, processing):
    source = _filled(tmp_path / "source.gpkg")
    target = tmp_path / "target.gpkg"
    processing.run("fifteenmin:copyworkspace", {"SOURCE": str(source.path), "TARGET": str(target)})
    before = _content(target)
    with pytest.raises(QgsProcessingException, match="already holds rows"):
        processing.run("fifteenmin:copyworkspace", {"SOURCE": str(source.path), "TARGET": str(target)})
    assert _content(target) == before
    again = processing.run(
        "fifteenmin:copyworkspace", {"SOURCE": str(source.path), "TARGET": str(target), "REPLACE": True}
    )
    assert again["DIFFERENCES"] == "" and _content(target) == before
    with pytest.raises(QgsProcessingException, match="source workspace itself"):
        processing.run("fifteenmin:copyworkspace", {"SOURCE": str(source.path), "TARGET": str(source.path)})
