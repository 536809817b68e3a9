"""coverage: 5,000 circles × 100,000 facilities, all categories, against native:countpointsinpolygon for one."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
from session import processing_session

CIRCLES = 5000
FACILITIES = 100_000
RADIUS_M = 1000.0
EXTENT_M = 60_000.0  # about the size of Shanghai's built-up area inside the outer ring
ORIGIN = (320_000.0, 3_440_000.0)  # EPSG:32651, south-west of central Shanghai
CRS = "EPSG:32651"
NATIVE_CATEGORY = "pharmacy"


def _write(path: Path, name: str, wkb, fields, rows) -> str:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsFields,
        QgsVectorFileWriter,
    )

    from fifteen_min_plugin.core.compat import new_field

    qfields = QgsFields()
    for field_name, kind in fields:
        qfields.append(new_field(field_name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path), qfields, wkb, QgsCoordinateReferenceSystem(CRS), QgsCoordinateTransformContext(), options
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(writer.errorMessage())
    features = []
    for geometry, attributes in rows:
        feature = QgsFeature(qfields)
        feature.setGeometry(geometry)
        feature.setAttributes(attributes)
        features.append(feature)
    if not writer.addFeatures(features):
        raise RuntimeError(writer.errorMessage())
    del writer
    return f"{path}|layername={name}"


def _data(folder: Path) -> tuple[str, str]:
    """Seeded random circles and facilities in one GeoPackage; returns their layer URIs."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

    from fifteen_min_plugin.core.facilities.categories import load_categories

    codes = [category.code for category in load_categories()]
    rng = np.random.default_rng(2025)
    gpkg = folder / "bench_coverage.gpkg"
    centres = np.asarray(ORIGIN) + rng.random((CIRCLES, 2)) * EXTENT_M
    circles = _write(
        gpkg,
        "circles",
        QgsWkbTypes.Type.Polygon,
        [("circle_id", "text"), ("level_min", "int")],
        (
            (QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(RADIUS_M, 16), [f"k{i}", 15])
            for i, (x, y) in enumerate(centres.tolist())
        ),
    )
    points = np.asarray(ORIGIN) + rng.random((FACILITIES, 2)) * EXTENT_M
    picks = rng.integers(0, len(codes), FACILITIES).tolist()
    facilities = _write(
        gpkg,
        "facilities",
        QgsWkbTypes.Type.Point,
        [("category", "text")],
        ((QgsGeometry.fromPointXY(QgsPointXY(x, y)), [codes[c]]) for (x, y), c in zip(points.tolist(), picks)),
    )
    return circles, facilities


def main() -> None:
    processing = processing_session()
    from qgis.core import QgsProcessingFeatureSourceDefinition

    from fifteen_min_plugin.core.facilities.categories import load_categories

    n_categories = len(load_categories())
    with tempfile.TemporaryDirectory() as folder:
        circles, facilities = _data(Path(folder))
        print(
            f"Coverage: {CIRCLES} circles of {RADIUS_M:.0f} m, {FACILITIES} facilities in {n_categories} categories, "
            f"{EXTENT_M / 1000:.0f} km × {EXTENT_M / 1000:.0f} km"
        )
        start = time.perf_counter()
        parameters = {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"}
        ours = processing.run("fifteenmin:coverage", parameters)
        ours_s = time.perf_counter() - start

        one = QgsProcessingFeatureSourceDefinition(facilities)
        one.filterExpression = f"\"category\" = '{NATIVE_CATEGORY}'"
        start = time.perf_counter()
        native = processing.run(
            "native:countpointsinpolygon", {"POLYGONS": circles, "POINTS": one, "FIELD": "N", "OUTPUT": "memory:"}
        )
        native_s = time.perf_counter() - start

        ours_counts = sorted((f["circle_id"], f[f"n_{NATIVE_CATEGORY}"]) for f in ours["OUTPUT"].getFeatures())
        native_counts = sorted((f["circle_id"], int(f["N"])) for f in native["OUTPUT"].getFeatures())
        agree = "agree" if ours_counts == native_counts else "DISAGREE"
        print(f"  fifteenmin:coverage, all {n_categories} categories:       {ours_s:8.2f} s")
        print(f"  native:countpointsinpolygon, one category ({NATIVE_CATEGORY}): {native_s:8.2f} s")
        print(f"  ratio ours_all / native_one = {ours_s / native_s:6.2f}  ({NATIVE_CATEGORY} counts {agree})")


if __name__ == "__main__":
    main()
