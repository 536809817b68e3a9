"""Network circles: the walking isochrones of every origin, in the origins' CRS, ready to write.

The orchestration of fifteenmin:networkcircles: origins read as points in the graph's CRS, snapped to the
streets, then walked level by level in batches of nearby origins.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.network.graph import RoadGraph
from fifteen_min_plugin.core.network.isochrone import Snap, isochrones, snap_origins
from fifteen_min_plugin.core.network.origins import read_points

#: the (name, kind) fields every network circle gains beside its origin's own
OUTPUT_FIELDS = (
    ("origin_id", "text"),
    ("minutes", "double"),
    ("reach_m", "double"),
    ("area_m2", "double"),
    ("street_m", "double"),
    ("method", "text"),
)


class IsochroneMessages(Messages):
    """Translation context of this module's messages."""


@dataclass
class IsochroneRun:
    """The plain values of one run."""

    graph: RoadGraph
    crs: QgsCoordinateReferenceSystem
    origins: QgsFeatureSource
    id_field: str
    minutes: Sequence[float]
    speed_kmh: float
    snap_tolerance_m: float
    walk_off_m: float
    transform_context: QgsCoordinateTransformContext


@dataclass
class NetworkCircle:
    """One origin's polygon of one level, in the origins' CRS."""

    origin: QgsFeature
    origin_id: str
    minutes: float
    reach_m: float
    area_m2: float
    street_m: float
    geometry: QgsGeometry


def check_speed(speed_kmh: float) -> None:
    """FifteenMinError for a walking speed that is not positive."""
    if not speed_kmh > 0:
        raise FifteenMinError(IsochroneMessages.tr("The walking speed must be greater than 0 km/h."))


def _origin_id(feature: QgsFeature, id_field: str) -> str:
    return str(feature[id_field]) if id_field else str(feature.id())


def network_circles(run: IsochroneRun, feedback: QgsProcessingFeedback) -> Optional[Iterator[list[NetworkCircle]]]:
    """The circles of every snapped origin, one batch of nearby origins at a time; None when cancelled.

    The origins are read and snapped here, at once; origins without a geometry or beyond the snapping tolerance
    are named in a warning, and FifteenMinError says when no origin can be walked from. The batches follow as
    they are iterated, with progress 0-100 on `feedback`; FifteenMinError when a circle cannot be brought to the
    origins' CRS.
    """
    check_speed(run.speed_kmh)
    cutoffs = [value * run.speed_kmh * 1000.0 / 60.0 for value in run.minutes]
    placed = read_points(run.origins, run.crs, run.transform_context, feedback)
    if feedback.isCanceled():
        return None
    no_geometry = [_origin_id(f, run.id_field) for f, point in zip(placed.features, placed.points) if point is None]
    if no_geometry:
        feedback.pushWarning(
            IsochroneMessages.tr("{count} origins have no geometry and get no polygon: {ids}").format(
                count=len(no_geometry), ids=named_ids(no_geometry)
            )
        )
    features = [feature for feature, point in zip(placed.features, placed.points) if point is not None]
    if not features:
        raise FifteenMinError(IsochroneMessages.tr("The origins layer has no origin with a geometry."))
    xy = np.asarray([point for point in placed.points if point is not None], dtype=np.float64).reshape(-1, 2)
    origin_ids = [_origin_id(feature, run.id_field) for feature in features]
    tolerance = run.snap_tolerance_m
    snap = snap_origins(run.graph, xy, tolerance)
    missing = [origin_ids[i] for i in np.flatnonzero(~snap.snapped)]
    if missing:
        feedback.pushWarning(
            IsochroneMessages.tr(
                "{count} origins are farther than {tolerance} m from any road and get no polygon: {ids}"
            ).format(count=len(missing), tolerance=tolerance, ids=named_ids(missing))
        )
    if not snap.snapped.any():
        raise FifteenMinError(
            IsochroneMessages.tr("No origin lies within {tolerance} m of a road: nothing to compute.").format(
                tolerance=tolerance
            )
        )
    return _walk(run, features, origin_ids, xy, snap, cutoffs, feedback)


def _walk(
    run: IsochroneRun,
    features: list[QgsFeature],
    origin_ids: list[str],
    xy: np.ndarray,
    snap: Snap,
    cutoffs: list[float],
    feedback: QgsProcessingFeedback,
) -> Iterator[list[NetworkCircle]]:
    output_crs = run.origins.sourceCrs()
    to_output = QgsCoordinateTransform(run.crs, output_crs, run.transform_context)
    same_crs = run.crs == output_crs
    total, done = int(snap.snapped.sum()), 0
    feedback.setProgressText(IsochroneMessages.tr("Walking from {count} origins…").format(count=total))
    walks = isochrones(run.graph, xy, snap, cutoffs, run.walk_off_m, workers=os.cpu_count() or 2, feedback=feedback)
    for batch in walks:
        # 2 dimensions said explicitly: inside QGIS, shapely may call the GEOS that QGIS loaded, older than the
        # one it was built with, which refuses the 4-dimensional WKB shapely asks for by default
        polygons = [shapely.multipolygons(shapely.get_parts(item.polygon)) for item in batch]
        wkbs = shapely.to_wkb(polygons, output_dimension=2)
        areas = shapely.area([item.polygon for item in batch])
        circles = []
        for item, wkb, area in zip(batch, wkbs, areas):
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            if not same_crs and geometry.transform(to_output) != Qgis.GeometryOperationResult.Success:
                raise FifteenMinError(
                    IsochroneMessages.tr("A circle could not be transformed to the origins' CRS {crs}.").format(
                        crs=output_crs.authid()
                    )
                )
            level = item.level
            circles.append(
                NetworkCircle(
                    features[item.origin],
                    origin_ids[item.origin],
                    run.minutes[level],
                    cutoffs[level],
                    float(area),
                    item.street_m,
                    geometry,
                )
            )
        yield circles
        done += len({item.origin for item in batch})
        feedback.setProgress(100.0 * done / total)
