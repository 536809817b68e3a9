"""Workspaces as an older schema version left them, built and read with sqlite3/OGR independently of QGIS."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from osgeo import ogr
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer, edit

from fifteen_min_plugin.core.workspace.workspace import Workspace


def sql(path: Path, statement: str) -> list[tuple]:
    """Read or change the file with sqlite3."""
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


def tables(path: Path) -> set[str]:
    """Names of the GeoPackage's tables."""
    return {name for (name,) in sql(path, "SELECT table_name FROM gpkg_contents")}


def columns(path: Path, table: str) -> list[str]:
    """Column names of one table."""
    return [row[1] for row in sql(path, f'PRAGMA table_info("{table}")')]


def make_older(
    path: Path,
    version: int,
    layers: Sequence[str] = (),
    fields: Mapping[str, Sequence[str]] | None = None,
    rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
) -> None:
    """A current workspace with `layers` and `fields` ({layer: names}) removed, marked `version`, with `rows` added.

    Before version 7 a workspace had no integrity triggers, so they are dropped too.
    """
    Workspace.create(path)
    if version < 7:
        for (name,) in sql(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fifteenmin%'"):
            sql(path, f'DROP TRIGGER "{name}"')
    source = ogr.Open(str(path), 1)
    for name in layers:
        for index in range(source.GetLayerCount()):
            if source.GetLayerByIndex(index).GetName() == name:
                assert source.DeleteLayer(index) == 0
                break
    for name, removed in (fields or {}).items():
        layer = source.GetLayerByName(name)
        for field in removed:
            assert layer.DeleteField(layer.GetLayerDefn().GetFieldIndex(field)) == 0
    source = None
    sql(path, f"UPDATE fifteenmin_meta SET value = '{version}' WHERE key = 'schema_version'")
    for layer_name, values in (rows or {}).items():
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        with edit(layer):
            for row in values:
                feature = QgsFeature(layer.fields())
                for key, value in row.items():
                    feature[key] = value
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(121.55, 29.87)))
                assert layer.addFeature(feature)
