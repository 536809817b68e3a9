"""Circle fusion (圈圈融合): every chosen circle profile evaluated for every community in one pass.

The orchestration of fifteenmin:fusion: one nearest-facility search over the union of the profiles' categories
(along the streets when a walking graph is given, else straight-line at the walking speed), then per community
and profile whether every item is within its reach, which items are missing and the longest walk among them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
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

from fifteen_min_plugin.core.analysis.nearest_by_category import (
    NearestSearchInput,
    check_values,
    nearest_by_category,
)
from fifteen_min_plugin.core.analysis.profiles import Profile
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.facilities.category_codes import category_code, report_unknown_codes
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.network.graph import RoadGraph, layer_extent, metric_crs
from fifteen_min_plugin.core.network.nearest import euclidean_distances
from fifteen_min_plugin.core.network.origins import read_points

#: `reach_method` values: walking minutes along the streets, or straight-line metres at the walking speed
NETWORK = "network"
STRAIGHT_LINE = "straight_line"
#: tolerance of the reach comparison (minutes), so a facility exactly at the reach counts
_EPSILON = 1e-9


class FusionMessages(Messages):
    """Translation context of the fusion messages."""


@dataclass
class FusionInput:
    """The plain values of one fusion run; without `graph` reach is straight-line."""

    profiles: Sequence[Profile]
    communities: QgsFeatureSource
    facilities: QgsFeatureSource
    category_field: str
    speed_kmh: float
    snap_tolerance_m: float
    transform_context: QgsCoordinateTransformContext
    graph: Optional[RoadGraph] = None
    crs: Optional[QgsCoordinateReferenceSystem] = None


@dataclass
class FusionTable:
    """The communities with a point and their fusion values (see `output_fields`)."""

    features: list[QgsFeature]
    rows: list[list]


def union_codes(profiles: Sequence[Profile]) -> list[str]:
    """Every category code any of `profiles` uses, in first-use order: the one search covers them all."""
    return list(dict.fromkeys(code for profile in profiles for code in profile.codes))


def search_minutes(profiles: Sequence[Profile], speed_kmh: float) -> float:
    """The longest reach of all items in walking minutes: the search needs to go no farther."""
    speed = speed_kmh * 1000.0 / 60.0
    return max(item.reach_minutes(speed) for profile in profiles for item in profile.items)


def output_fields(profiles: Sequence[Profile]) -> tuple[tuple[str, str], ...]:
    """The (name, kind) fields every community gains."""
    fields: list[tuple[str, str]] = []
    for profile in profiles:
        name = profile.name
        fields += [
            (f"{name}_met", "bool"),
            (f"{name}_missing", "text"),
            (f"{name}_missing_zh", "text"),
            (f"{name}_worst_min", "double"),
        ]
    return (*fields, ("n_profiles_met", "int"), ("reach_method", "text"))


def profile_columns(
    profile: Profile, walk: np.ndarray, column: Mapping[str, int], speed_kmh: float, names_zh: Mapping[str, str]
) -> list[list]:
    """The columns [met, missing codes, missing Chinese names, worst minutes] of one profile for all communities.

    `walk` holds the walking minutes per community (rows) and code (`column`), inf where none is within the
    search. An item is met when the nearest facility of any of its codes is within its reach. The worst minutes
    are the longest of the items' nearest walks, None when an item has no facility within the profile's longest
    reach (so a profile's values do not depend on which other profiles run with it).
    """
    speed = speed_kmh * 1000.0 / 60.0
    limit = search_minutes([profile], speed_kmh) + _EPSILON
    best = np.column_stack([walk[:, [column[code] for code in item.codes]].min(axis=1) for item in profile.items])
    best[best > limit] = np.inf
    reach = np.array([item.reach_minutes(speed) for item in profile.items]) + _EPSILON
    missing = ~(best <= reach)
    worst = best.max(axis=1)
    labels = ["|".join(item.codes) for item in profile.items]
    labels_zh = [item.name_zh or "/".join(names_zh.get(code, code) for code in item.codes) for item in profile.items]
    texts: dict[bytes, tuple[str, str]] = {}  # few distinct patterns of missing items: join each once
    codes_column, names_column = [], []
    for row in missing:
        key = row.tobytes()
        if key not in texts:
            texts[key] = (
                ",".join(label for label, gap in zip(labels, row) if gap),
                "、".join(label for label, gap in zip(labels_zh, row) if gap),
            )
        codes_column.append(texts[key][0])
        names_column.append(texts[key][1])
    met = (~missing.any(axis=1)).tolist()
    return [met, codes_column, names_column, [float(w) if np.isfinite(w) else None for w in worst]]


def _straight_minutes(run: FusionInput, codes: Sequence[str], feedback: QgsProcessingFeedback) -> Optional[FusionTable]:
    """Straight-line minutes to the nearest facility of every code (rows: one value per code)."""
    crs, _ = metric_crs(run.communities.sourceCrs(), layer_extent(run.communities), run.transform_context)
    category_index = run.facilities.fields().lookupField(run.category_field)
    origins = read_points(run.communities, crs, run.transform_context, feedback)
    facilities = read_points(run.facilities, crs, run.transform_context, feedback, category_index)
    if feedback.isCanceled():
        return None
    located = [i for i, point in enumerate(origins.points) if point is not None]
    if not located:
        raise FifteenMinError(FusionMessages.tr("No community has a geometry."))
    facility_code = [category_code(value) for value in facilities.values]
    # facilities of a category no chosen profile uses are simply not searched; only codes outside the table warn
    table_codes = {category.code for category in load_categories()}
    unknown = Counter(code for code in facility_code if code not in table_codes)
    known = sum(1 for code, point in zip(facility_code, facilities.points) if code in codes and point is not None)
    report_unknown_codes(unknown, known, len(facilities.features), run.category_field, feedback)
    origin_xy = np.array([origins.points[i] for i in located], dtype=np.float64).reshape(-1, 2)
    limit = search_minutes(run.profiles, run.speed_kmh)
    metres_per_minute = run.speed_kmh * 1000.0 / 60.0
    columns = []
    for code in codes:
        members = [p for c, p in zip(facility_code, facilities.points) if c == code and p is not None]
        minutes = euclidean_distances(origin_xy, np.array(members, dtype=np.float64)) / metres_per_minute
        columns.append([float(m) if m <= limit + _EPSILON else None for m in minutes])
    rows = [list(values) for values in zip(*columns)] if columns else [[] for _ in located]
    return FusionTable([origins.features[i] for i in located], rows)


def fusion(run: FusionInput, feedback: QgsProcessingFeedback) -> Optional[FusionTable]:
    """Every profile evaluated for every community (rows as `output_fields`); None when cancelled.

    FifteenMinError when there is nothing to compute; warnings go to `feedback`.
    """
    if not run.profiles:
        raise FifteenMinError(FusionMessages.tr("Choose at least one circle profile."))
    limit = search_minutes(run.profiles, run.speed_kmh)
    check_values(run.facilities, run.category_field, run.speed_kmh, limit)
    codes = union_codes(run.profiles)
    feedback.pushInfo(
        FusionMessages.tr("One search over {count} categories for {profiles} circle profiles.").format(
            count=len(codes), profiles=len(run.profiles)
        )
    )
    if run.graph is None:
        method = STRAIGHT_LINE
        feedback.pushWarning(
            FusionMessages.tr(
                "No roads were given: reach is measured in a straight line at the walking speed, which overstates "
                "it where rivers, railways or walls are in the way (reach_method = straight_line)."
            )
        )
        table = _straight_minutes(run, codes, feedback)
    else:
        method = NETWORK
        search = NearestSearchInput(
            run.graph,
            run.crs,
            run.communities,
            run.facilities,
            run.category_field,
            codes,
            run.speed_kmh,
            limit,
            run.snap_tolerance_m,
            run.transform_context,
            [category.code for category in load_categories() if category.code not in codes],
        )
        nearest = nearest_by_category(search, feedback)
        table = None if nearest is None else FusionTable(nearest.features, [row[: len(codes)] for row in nearest.rows])
    if table is None:
        return None
    names_zh = {category.code: category.name_zh for category in load_categories()}
    walk = np.array([[np.inf if value is None else value for value in row] for row in table.rows], dtype=float)
    walk = walk.reshape(len(table.rows), len(codes))
    column = {code: i for i, code in enumerate(codes)}
    columns = [
        values for profile in run.profiles for values in profile_columns(profile, walk, column, run.speed_kmh, names_zh)
    ]
    met = np.sum([columns[i] for i in range(0, len(columns), 4)], axis=0, dtype=int).tolist()
    rows = [[*values, count, method] for *values, count in zip(*columns, met)]
    return FusionTable(table.features, rows)
