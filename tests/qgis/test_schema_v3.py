"""Schema 3 adds coverage.missing_required(_zh); a version-2 workspace opens as version 3 with them, rows kept."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
    edit,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.workspace.schema import (
    COVERAGE_FIGURES,
    DEMAND_FIELDS,
    SCHEMA_VERSION,
    TIER_FIELDS,
    Addition,
)
from fifteen_min_plugin.core.workspace.workspace import Workspace

T = QVariant.Type
with (RESOURCES_DIR / "categories" / "categories.csv").open(encoding="utf-8") as _handle:
    CODES = [row["code"] for row in csv.DictReader(_handle)]

# The coverage table as schema 2 shipped it, written out independently of fifteen_min_plugin.core.workspace.schema.
V2_COVERAGE = [
    ("circle_id", T.String),
    ("name", T.String),
    ("level_min", T.Int),
    ("population", T.Int),
    *((f"n_{code}", T.Int) for code in CODES),
    ("n_basic_present", T.Int),
    ("missing_basic", T.String),
    ("missing_basic_zh", T.String),
    ("n_quality_present", T.Int),
    ("missing_quality", T.String),
    ("missing_quality_zh", T.String),
    ("per_10k", T.Double),
    ("grade", T.String),
]
SQUARE = "MultiPolygon (((116.35 40.0, 116.36 40.0, 116.36 40.01, 116.35 40.01, 116.35 40.0)))"


def ogr_layer(path: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_v2(path: Path) -> None:
    """A workspace as schema 2 left it: its coverage table without the level fields, one row, version 2."""
    Workspace.create(path)
    fields = QgsFields()
    for name, kind in V2_COVERAGE:
        fields.append(QgsField(name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "coverage"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.MultiPolygon,
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateTransformContext(),
        options,
    )
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError, writer.errorMessage()
    row = QgsFeature(fields)
    row["circle_id"], row["n_pharmacy"], row["missing_basic"], row["grade"] = "k1", 2, "laundry", "未达标"
    row.setGeometry(QgsGeometry.fromWkt(SQUARE))
    assert writer.addFeature(row)
    del writer
    meta = ogr_layer(path, "fifteenmin_meta")
    (version,) = [f for f in meta.getFeatures() if f["key"] == "schema_version"]
    with edit(meta):
        assert meta.changeAttributeValue(version.id(), meta.fields().lookupField("value"), "2")


def test_a_version_2_workspace_opens_at_the_current_version_with_the_level_fields(tmp_path):
    path = tmp_path / "v2.gpkg"
    make_v2(path)
    assert "missing_required" not in ogr_layer(path, "coverage").fields().names()

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION
    assert workspace.upgrades == (
        Addition("coverage", "missing_required"),
        Addition("coverage", "missing_required_zh"),
        Addition("coverage", "community_id"),
        Addition("coverage", "method"),
        *(Addition("coverage", spec.name) for spec in (*COVERAGE_FIGURES, *TIER_FIELDS, *DEMAND_FIELDS)),  # version 7
    )
    meta = {f["key"]: f["value"] for f in ogr_layer(path, "fifteenmin_meta").getFeatures()}
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    coverage = ogr_layer(path, "coverage")
    names = [field.name() for field in coverage.fields() if field.name() != "fid"]
    added = ["missing_required", "missing_required_zh", "community_id", "method"]
    added += [spec.name for spec in (*COVERAGE_FIGURES, *TIER_FIELDS, *DEMAND_FIELDS)]
    assert names == [name for name, _ in V2_COVERAGE] + added
    assert coverage.fields().field("missing_required").type() == T.String
    assert coverage.fields().field("missing_required_zh").type() == T.String
    (row,) = coverage.getFeatures()
    assert (row["circle_id"], row["n_pharmacy"], row["missing_basic"], row["grade"]) == ("k1", 2, "laundry", "未达标")
    assert row["missing_required"] == NULL and row["missing_required_zh"] == NULL
    assert row.geometry().asWkt(6) == QgsGeometry.fromWkt(SQUARE).asWkt(6)

    settled = sha256(path)
    again = Workspace.open(path)
    assert again.upgrades == () and sha256(path) == settled
