"""Walking minutes and straight-line metres from every origin to the nearest facility of every category.

The orchestration of fifteenmin:nearestfacility: facilities coded by category, origins and facilities snapped
to the walking graph in one pass, then one network search per category into an origins × categories matrix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureSource,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.category_codes import category_code, report_unknown_codes
from fifteen_min_plugin.core.labels import warn_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.network.graph import RoadGraph
from fifteen_min_plugin.core.network.isochrone import Snap, snap_origins
from fifteen_min_plugin.core.network.nearest import NearestSearch, euclidean_distances
from fifteen_min_plugin.core.network.origins import read_points

#: ids listed in the log for origins or facilities without a point or beyond the snapping tolerance
MAX_LISTED_IDS = 200


class NearestByCategory(Messages):
    """Translation context of this module's messages."""


@dataclass
class NearestSearchInput:
    """The plain values of one search."""

    graph: RoadGraph
    crs: QgsCoordinateReferenceSystem
    origins: QgsFeatureSource
    facilities: QgsFeatureSource
    category_field: str
    codes: Sequence[str]
    speed_kmh: float
    max_minutes: float
    snap_tolerance_m: float
    transform_context: QgsCoordinateTransformContext
    #: codes that are valid but not searched (fusion searches only its profiles' categories): not warned about
    skipped_codes: Sequence[str] = ()


@dataclass
class SearchState:
    """What the search read and built, for a caller that walks the same graph again (e.g. to count within reach).

    Arrays run over every origin read (`origin_located` marks the rows of the table) and every facility read.
    """

    network: NearestSearch
    facility_snap: Snap
    facility_features: list[QgsFeature]
    facility_codes: list[str]
    #: facility points in the graph's CRS (NaN without one)
    facility_xy: np.ndarray
    #: facilities with a point and a searched code
    facility_known: np.ndarray
    origin_located: np.ndarray


@dataclass
class NearestTable:
    """The origins with a point and, per origin, min_<code>…, euc_<code>… and snap_m (None: no value)."""

    features: list[QgsFeature]
    rows: list[list]
    state: Optional[SearchState] = None


def output_fields(codes: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The (name, kind) fields every origin gains."""
    added = [(f"min_{code}", "double") for code in codes] + [(f"euc_{code}", "double") for code in codes]
    return (*added, ("snap_m", "double"))


def check_values(facilities: QgsFeatureSource, category_field: str, speed_kmh: float, max_minutes: float) -> None:
    """FifteenMinError for a speed or time that is not positive, or a category field the facilities lack."""
    if not speed_kmh > 0:
        raise FifteenMinError(NearestByCategory.tr("The walking speed must be greater than 0 km/h."))
    if not max_minutes > 0:
        raise FifteenMinError(NearestByCategory.tr("The maximum minutes must be greater than 0."))
    if facilities.fields().lookupField(category_field) < 0:
        raise FifteenMinError(
            NearestByCategory.tr(
                "The facilities layer has no field named “{field}”. Run Classify facilities first, or choose "
                "the field holding the category codes."
            ).format(field=category_field)
        )


def _as_array(points: list[Optional[tuple[float, float]]]) -> np.ndarray:
    return np.array([point if point is not None else (np.nan, np.nan) for point in points]).reshape(-1, 2)


def _split(snap: Snap, count: int) -> tuple[Snap, Snap]:
    """The first `count` snaps and the rest."""
    head = Snap(snap.edge[:count], snap.offset[:count], snap.distance[:count], snap.point[:count])
    tail = Snap(snap.edge[count:], snap.offset[count:], snap.distance[count:], snap.point[count:])
    return head, tail


def nearest_by_category(search: NearestSearchInput, feedback: QgsProcessingFeedback) -> Optional[NearestTable]:
    """The nearest facility of every category from every origin; None when cancelled.

    Warnings (features without a point, beyond the snapping tolerance, with unknown codes) go to `feedback`;
    FifteenMinError when there is nothing to compute.
    """
    check_values(search.facilities, search.category_field, search.speed_kmh, search.max_minutes)
    metres_per_minute = search.speed_kmh * 1000.0 / 60.0
    category_index = search.facilities.fields().lookupField(search.category_field)
    origins = read_points(search.origins, search.crs, search.transform_context, feedback)
    facilities = read_points(search.facilities, search.crs, search.transform_context, feedback, category_index)
    if feedback.isCanceled():
        return None
    if not origins.features:
        raise FifteenMinError(NearestByCategory.tr("The origins layer has no features."))
    unplaced = origins.unplaced_ids()
    message = NearestByCategory.tr("{count} origins have no geometry and get no row (feature ids): {ids}")
    warn_ids(feedback, message, unplaced, MAX_LISTED_IDS)
    if len(unplaced) == len(origins.features):
        raise FifteenMinError(NearestByCategory.tr("No origin has a geometry."))
    message = NearestByCategory.tr("{count} facilities have no geometry and are not reached (feature ids): {ids}")
    warn_ids(feedback, message, facilities.unplaced_ids(), MAX_LISTED_IDS)
    if not facilities.features:
        raise FifteenMinError(
            NearestByCategory.tr("The facilities layer has no features, so there is nothing to walk to.")
        )

    facility_code = [category_code(value) for value in facilities.values]
    position = {code: i for i, code in enumerate(search.codes)}
    facility_category = np.array([position.get(code, -1) for code in facility_code], dtype=np.int64)
    located = np.array([point is not None for point in facilities.points], dtype=bool)
    known = (facility_category >= 0) & located
    skipped = set(search.skipped_codes)
    unknown = Counter(
        code for code, column in zip(facility_code, facility_category) if column < 0 and code not in skipped
    )
    report_unknown_codes(unknown, int(known.sum()), len(facilities.features), search.category_field, feedback)

    origin_xy, facility_xy = _as_array(origins.points), _as_array(facilities.points)
    origin_located = np.isfinite(origin_xy).all(axis=1)
    # one spatial index for origins and facilities together
    usable = np.concatenate([origin_located, known])
    tolerance = search.snap_tolerance_m
    snap = snap_origins(search.graph, np.where(usable[:, None], np.vstack([origin_xy, facility_xy]), 0.0), tolerance)
    snap.edge[~usable] = -1
    origin_snap, facility_snap = _split(snap, len(origin_xy))
    far = [origins.features[i].id() for i in np.flatnonzero(origin_located & ~origin_snap.snapped)]
    message = NearestByCategory.tr(
        "{count} origins are farther than {tolerance} m from any road and get no walking time (feature ids): {ids}"
    )
    warn_ids(feedback, message, far, MAX_LISTED_IDS, tolerance=tolerance)
    far = [facilities.features[i].id() for i in np.flatnonzero(known & ~facility_snap.snapped)]
    message = NearestByCategory.tr(
        "{count} facilities are farther than {tolerance} m from any road and are not reached on foot "
        "(feature ids): {ids}"
    )
    warn_ids(feedback, message, far, MAX_LISTED_IDS, tolerance=tolerance)
    if not origin_snap.snapped.any():
        raise FifteenMinError(
            NearestByCategory.tr("No origin lies within {tolerance} m of a road: nothing to compute.").format(
                tolerance=tolerance
            )
        )
    feedback.setProgress(20.0)

    codes = search.codes
    feedback.setProgressText(
        NearestByCategory.tr("Searching the nearest facility of {count} categories…").format(count=len(codes))
    )
    network = NearestSearch(search.graph, origin_snap)
    walk = np.full((len(origin_xy), len(codes)), np.inf)
    straight = np.full((len(origin_xy), len(codes)), np.inf)
    limit = search.max_minutes * metres_per_minute
    for column in range(len(codes)):
        if feedback.isCanceled():
            return None
        members = np.flatnonzero(known & (facility_category == column))
        if len(members):
            walk[:, column] = network.distances(facility_snap, members, limit)
            straight[origin_located, column] = euclidean_distances(origin_xy[origin_located], facility_xy[members])
        feedback.setProgress(20.0 + 60.0 * (column + 1) / len(codes))

    snap_m = np.where(origin_snap.snapped, origin_snap.distance, np.inf)
    table = np.hstack([walk / metres_per_minute, straight, snap_m[:, None]])
    values = table.astype(object)
    values[~np.isfinite(table)] = None
    # an origin without a point gets no row: an all-NULL row would read as "nothing within reach"
    rows = [row for row, keep in zip(values.tolist(), origin_located) if keep]
    state = SearchState(network, facility_snap, facilities.features, facility_code, facility_xy, known, origin_located)
    return NearestTable([f for f, keep in zip(origins.features, origin_located) if keep], rows, state)
