"""Circle fusion (圈圈融合): every chosen circle profile evaluated for every community in one pass.

The orchestration of fifteenmin:fusion: one nearest-facility search over the union of the profiles' categories
(along the streets when a walking graph is given, else straight-line at the walking speed), then per community
and profile whether every item is within its reach, which items are missing and the longest walk among them.
An item with a minimum (a count, area or capacity, absolute or per residents or households) also needs that much
within its reach: one more pass over the same graph finds every facility of those items within reach. With the
communities' own circles, an item is decided inside the community's circle of its level where there is one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.analysis.coverage import circle_level, to_shapely
from fifteen_min_plugin.core.analysis.nearest_by_category import (
    MAX_LISTED_IDS,
    NearestSearchInput,
    check_values,
    nearest_by_category,
)
from fifteen_min_plugin.core.analysis.profiles import AREA, CAPACITY, COUNT, MINUTES, Profile, ProfileItem
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.facilities.category_codes import category_code, report_unknown_codes
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.network.graph import RoadGraph, layer_extent, metric_crs
from fifteen_min_plugin.core.network.nearest import euclidean_distances
from fifteen_min_plugin.core.network.origins import read_points
from fifteen_min_plugin.core.network.within_reach import Pairs, network_pairs, straight_pairs
from fifteen_min_plugin.core.settings import CIRCLE_MINUTES, PERSONS_PER_HOUSEHOLD, RADII_M
from fifteen_min_plugin.core.values import is_null
from fifteen_min_plugin.core.values import text as value_text

#: `reach_method` values: walking minutes along the streets, or straight-line metres at the walking speed
NETWORK = "network"
STRAIGHT_LINE = "straight_line"
#: `<profile>_scope` values with CIRCLES: every item decided in the community's own circles, none, or some
CIRCLE = "circle"
WALK = "walk"
CIRCLE_AND_WALK = "circle+walk"
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
    #: community fields for the minimums per residents or households ("" = none)
    population_field: str = ""
    households_field: str = ""
    persons_per_household: float = PERSONS_PER_HOUSEHOLD
    #: facility fields for the minimums of area (m²) or capacity ("" = none)
    area_field: str = ""
    capacity_field: str = ""
    #: the communities' own circles (community_id, level_min); None: every item is decided by the walk
    circles: Optional[QgsFeatureSource] = None
    #: circle levels as (minutes, metres): an item's reach picks its level (GB 50180 表1.0.3)
    levels: tuple[tuple[int, float], ...] = tuple(zip(CIRCLE_MINUTES, RADII_M))


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


def has_minimums(profile: Profile) -> bool:
    """Whether any item of `profile` has a minimum count, area or capacity."""
    return any(item.min_count is not None for item in profile.items)


def output_fields(profiles: Sequence[Profile], with_scope: bool = False) -> tuple[tuple[str, str], ...]:
    """The (name, kind) fields every community gains.

    `<profile>_short` only for a profile with minimums, `<profile>_scope` only when the circles are given.
    """
    fields: list[tuple[str, str]] = []
    for profile in profiles:
        name = profile.name
        fields += [
            (f"{name}_met", "bool"),
            (f"{name}_missing", "text"),
            (f"{name}_missing_zh", "text"),
            (f"{name}_worst_min", "double"),
        ]
        if has_minimums(profile):
            fields.append((f"{name}_short", "text"))
        if with_scope:
            fields.append((f"{name}_scope", "text"))
    return (*fields, ("n_profiles_met", "int"), ("reach_method", "text"))


def item_level(item: ProfileItem, levels: Sequence[tuple[int, float]]) -> Optional[int]:
    """The circle level (minutes) an item belongs to; None beyond the largest.

    The first (minutes, metres) level whose bound, in the unit the row is written in, reaches the item's reach
    (GB 50180 表1.0.3: 5/10/15 min, 300/500/1000 m).
    """
    for minutes, metres in levels:
        bound = minutes if item.reach_unit == MINUTES else metres
        if item.reach <= bound + _EPSILON:
            return int(minutes)
    return None


@dataclass
class ItemCheck:
    """How one item is decided per community beyond "the nearest facility is within its reach".

    `circle` marks the communities whose own circle of the item's level decides it, `in_circle` whether a
    facility of the item lies in that circle; `measure` and `required` are the item's minimum (count, area or
    capacity within reach or in the circle, and what the community needs; NaN: not known) or None without one.
    """

    circle: np.ndarray
    in_circle: np.ndarray
    measure: Optional[np.ndarray] = None
    required: Optional[np.ndarray] = None


def _short_text(item: ProfileItem, label: str, have: float, need: float) -> str:
    """What an item has within reach against its minimum, e.g. "clinic 1/2" or "park 3200/4000 m²"."""
    if item.measure == COUNT:
        return f"{label} {have:g}/{math.ceil(need - 1e-6):g}"
    unit = " m²" if item.measure == AREA else ""
    return f"{label} {have:.0f}/{need:.0f}{unit}"


def profile_columns(
    profile: Profile,
    walk: np.ndarray,
    column: Mapping[str, int],
    speed_kmh: float,
    names_zh: Mapping[str, str],
    checks: Optional[Sequence[ItemCheck]] = None,
    with_scope: bool = False,
) -> list[list]:
    """The columns of one profile for all communities, in `output_fields` order.

    `walk` holds the walking minutes per community (rows) and code (`column`), inf where none is within the
    search. An item is met when the nearest facility of any of its codes is within its reach (or, where `checks`
    says so, lies in the community's own circle of the item's level) and, when the item has a minimum, the
    count, area or capacity there reaches it. The worst minutes are the longest of the items' nearest walks,
    None when an item has no facility within the profile's longest reach (so a profile's values do not depend
    on which other profiles run with it).
    """
    speed = speed_kmh * 1000.0 / 60.0
    rows = walk.shape[0]
    limit = search_minutes([profile], speed_kmh) + _EPSILON
    best = np.column_stack([walk[:, [column[code] for code in item.codes]].min(axis=1) for item in profile.items])
    best[best > limit] = np.inf
    reach = np.array([item.reach_minutes(speed) for item in profile.items]) + _EPSILON
    present = best <= reach
    short = np.zeros_like(present)
    by_circle = np.zeros_like(present)
    shortfall_texts: list[list[str]] = [[] for _ in range(rows)]
    labels = ["|".join(item.codes) for item in profile.items]
    for k, check in enumerate(checks or ()):
        by_circle[:, k] = check.circle
        present[:, k] = np.where(check.circle, check.in_circle, present[:, k])
        if check.measure is None or check.required is None:
            continue
        below = np.isfinite(check.required) & (check.measure < check.required - 1e-6)
        short[:, k] = below
        for row in np.flatnonzero(below & present[:, k]).tolist():
            item = profile.items[k]
            shortfall_texts[row].append(_short_text(item, labels[k], check.measure[row], check.required[row]))
    missing = ~present | short
    worst = best.max(axis=1)
    labels_zh = [item.name_zh or "/".join(names_zh.get(code, code) for code in item.codes) for item in profile.items]
    # few distinct patterns of missing items: join each once, then hand every community its pattern's texts
    if missing.shape[1] <= 62:  # a pattern as one integer sorts far faster than rows of booleans
        _, first, pattern_of = np.unique(
            missing.astype(np.int64) @ (1 << np.arange(missing.shape[1], dtype=np.int64)),
            return_index=True,
            return_inverse=True,
        )
        patterns = missing[first]
    else:
        patterns, pattern_of = np.unique(missing, axis=0, return_inverse=True)
    codes_text = [",".join(label for label, gap in zip(labels, pattern) if gap) for pattern in patterns]
    names_text = ["、".join(label for label, gap in zip(labels_zh, pattern) if gap) for pattern in patterns]
    pattern_of = pattern_of.reshape(-1).tolist()
    codes_column = [codes_text[i] for i in pattern_of]
    names_column = [names_text[i] for i in pattern_of]
    met = (~missing.any(axis=1)).tolist()
    worst_column = worst.astype(object)
    worst_column[~np.isfinite(worst)] = None
    columns = [met, codes_column, names_column, worst_column.tolist()]
    if has_minimums(profile):
        columns.append(["; ".join(texts) for texts in shortfall_texts])
    if with_scope:
        circles = by_circle.sum(axis=1)
        items = len(profile.items)
        columns.append([WALK if n == 0 else CIRCLE if n == items else CIRCLE_AND_WALK for n in circles.tolist()])
    return columns


@dataclass
class _Located:
    """The communities placed for one run: their walks to every code and what a count within reach needs."""

    features: list[QgsFeature]
    walk: np.ndarray
    facility_features: list[QgsFeature]
    facility_codes: list[str]
    #: facility points in the run's metric CRS (NaN without one), and which ones a count may use
    facility_xy: np.ndarray
    facility_usable: np.ndarray
    crs: QgsCoordinateReferenceSystem
    pairs: Callable[[np.ndarray, float], Pairs]


def _straight(run: FusionInput, codes: Sequence[str], feedback: QgsProcessingFeedback) -> Optional[_Located]:
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
    facility_xy = np.array(
        [point if point is not None else (np.nan, np.nan) for point in facilities.points], dtype=np.float64
    ).reshape(-1, 2)
    limit = search_minutes(run.profiles, run.speed_kmh)
    metres_per_minute = run.speed_kmh * 1000.0 / 60.0
    walk = np.full((len(located), len(codes)), np.inf)
    for column, code in enumerate(codes):
        members = facility_xy[[c == code for c in facility_code]]
        minutes = euclidean_distances(origin_xy, members[np.isfinite(members).all(axis=1)]) / metres_per_minute
        walk[:, column] = np.where(minutes <= limit + _EPSILON, minutes, np.inf)

    def pairs(members: np.ndarray, metres: float) -> Pairs:
        found = straight_pairs(origin_xy, facility_xy[members], metres)
        return Pairs(found.origin, members[found.facility], found.metres)

    usable = np.isfinite(facility_xy).all(axis=1)
    features = [origins.features[i] for i in located]
    return _Located(features, walk, facilities.features, facility_code, facility_xy, usable, crs, pairs)


def _network(run: FusionInput, codes: Sequence[str], feedback: QgsProcessingFeedback) -> Optional[_Located]:
    """Walking minutes to the nearest facility of every code along the streets (one search for all profiles)."""
    search = NearestSearchInput(
        run.graph,
        run.crs,
        run.communities,
        run.facilities,
        run.category_field,
        codes,
        run.speed_kmh,
        search_minutes(run.profiles, run.speed_kmh),
        run.snap_tolerance_m,
        run.transform_context,
        [category.code for category in load_categories() if category.code not in codes],
    )
    nearest = nearest_by_category(search, feedback)
    if nearest is None or nearest.state is None:
        return None
    state = nearest.state
    walk = np.array(
        [[np.inf if value is None else value for value in row[: len(codes)]] for row in nearest.rows], dtype=float
    ).reshape(len(nearest.rows), len(codes))
    origin_row = np.full(len(state.origin_located), -1, dtype=np.int64)
    origin_row[state.origin_located] = np.arange(int(state.origin_located.sum()))

    def pairs(members: np.ndarray, metres: float) -> Pairs:
        found = network_pairs(state.network, state.facility_snap, members, metres)
        return Pairs(origin_row[found.origin], found.facility, found.metres)

    return _Located(
        nearest.features,
        walk,
        state.facility_features,
        state.facility_codes,
        state.facility_xy,
        state.facility_known,
        run.crs,
        pairs,
    )


def _number(value: object) -> Optional[float]:
    """A non-negative number from a field value, None for NULL or anything else."""
    if is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 and math.isfinite(number) else None


def _check_minimum_inputs(run: FusionInput) -> None:
    """FifteenMinError naming the profile row whose minimum needs a field the run was not given."""
    communities = run.communities.fields().names()
    facilities = run.facilities.fields().names()
    for name, chosen, names in (
        (run.population_field, "population", communities),
        (run.households_field, "households", communities),
        (run.area_field, "area", facilities),
        (run.capacity_field, "capacity", facilities),
    ):
        if name and name not in names:
            raise FifteenMinError(
                FusionMessages.tr("The {kind} field “{field}” is not in the layer.").format(kind=chosen, field=name)
            )
    for profile in run.profiles:
        for item in profile.items:
            if item.min_count is None:
                continue
            need = None
            if item.per == "per_1000_residents" and not run.population_field:
                need = FusionMessages.tr("a population field (POPULATION_FIELD)")
            elif item.per == "per_100_households" and not (run.households_field or run.population_field):
                need = FusionMessages.tr("a households or population field (HOUSEHOLDS_FIELD, POPULATION_FIELD)")
            elif item.measure == AREA and not run.area_field:
                need = FusionMessages.tr("a facility area field (AREA_FIELD)")
            elif item.measure == CAPACITY and not run.capacity_field:
                need = FusionMessages.tr("a facility capacity field (CAPACITY_FIELD)")
            if need:
                raise FifteenMinError(
                    FusionMessages.tr(
                        "Line {line} of the circle profile {profile} ({item}) has a minimum {per} that needs {need}."
                    ).format(line=item.line, profile=profile.name, item="|".join(item.codes), per=item.per, need=need)
                )


def _community_figures(run: FusionInput, features: Sequence[QgsFeature]) -> tuple[np.ndarray, np.ndarray]:
    """Residents and households per community (NaN: not known); households fall back to residents ÷ persons."""
    residents = np.array(
        [_number(f[run.population_field]) if run.population_field else None for f in features], dtype=float
    )
    households = np.array(
        [_number(f[run.households_field]) if run.households_field else None for f in features], dtype=float
    )
    fallback = np.isnan(households)
    households[fallback] = residents[fallback] / run.persons_per_household
    return residents, households


def _facility_values(
    located: _Located, field: str, measure: str, members: np.ndarray, feedback: QgsProcessingFeedback
) -> np.ndarray:
    """What each facility adds to a minimum: 1 for a count, else its area or capacity (0 when NULL, warned)."""
    values = np.ones(len(located.facility_features))
    if measure == COUNT:
        return values
    unread = 0
    for i in members.tolist():
        number = _number(located.facility_features[i][field])
        values[i] = 0.0 if number is None else number
        unread += number is None
    if unread:
        feedback.pushWarning(
            FusionMessages.tr(
                "{count} facilities counted for a minimum have no number in “{field}” and add nothing to it."
            ).format(count=unread, field=field)
        )
    return values


@dataclass
class _Circles:
    """The communities' own circles: polygon per (row, level), as an index into `shapes` (-1: none)."""

    shapes: list
    index: dict[int, np.ndarray]


def _read_circles(run: FusionInput, located: _Located, feedback: QgsProcessingFeedback) -> Optional[_Circles]:
    """The circles of each community by level, in the run's metric CRS; None without CIRCLES."""
    if run.circles is None:
        return None
    for layer, names, what in (
        (run.circles, ("community_id", "level_min"), FusionMessages.tr("circles")),
        (run.communities, ("community_id",), FusionMessages.tr("communities")),
    ):
        lacking = [name for name in names if name not in layer.fields().names()]
        if lacking:
            raise FifteenMinError(
                FusionMessages.tr("The {layer} layer has no field {fields}, so circles cannot be matched.").format(
                    layer=what, fields=", ".join(lacking)
                )
            )
    transform = QgsCoordinateTransform(run.circles.sourceCrs(), located.crs, run.transform_context)
    keys, geometries, unusable = [], [], []
    for feature in run.circles.getFeatures():
        level, community = circle_level(feature), value_text(feature["community_id"])
        geometry = QgsGeometry(feature.geometry())
        try:
            moved = not geometry.isNull() and geometry.transform(transform) == Qgis.GeometryOperationResult.Success
        except QgsCsException:
            moved = False
        if level is None or not community or not moved:
            unusable.append(feature.id())
            continue
        keys.append((community, round(level)))
        geometries.append(geometry)
    shapes = to_shapely(geometries)
    first: dict[tuple[str, int], int] = {}
    for position, key in enumerate(keys):
        if shapes[position] is not None:
            first.setdefault(key, position)
    communities = [value_text(feature["community_id"]) for feature in located.features]
    index = {
        level: np.array([first.get((community, level), -1) for community in communities], dtype=np.int64)
        for level in {level for _, level in first}
    }
    if unusable:
        feedback.pushWarning(
            FusionMessages.tr(
                "{count} circles have no level, community_id or usable polygon and are left out (feature ids): {ids}"
            ).format(count=len(unusable), ids=named_ids(unusable, MAX_LISTED_IDS))
        )
    feedback.pushInfo(
        FusionMessages.tr("{count} circles of {communities} communities decide the items of their level.").format(
            count=len(first), communities=len({community for community, _ in first})
        )
    )
    return _Circles(shapes, index)


def _item_checks(run: FusionInput, located: _Located, feedback: QgsProcessingFeedback) -> list[list[ItemCheck]]:
    """Per profile and item: which communities their circle decides, and each minimum's measure and need."""
    rows = len(located.features)
    speed = run.speed_kmh * 1000.0 / 60.0
    circles = _read_circles(run, located, feedback)
    items = [item for profile in run.profiles for item in profile.items]
    counted = [item for item in items if item.min_count is not None]
    wanted = {code for item in (items if circles else counted) for code in item.codes}
    # codes as numbers, so that selecting an item's facilities among many pairs is a fast integer test
    number = {code: i for i, code in enumerate(sorted(wanted))}
    codes = np.array([number.get(code, -1) for code in located.facility_codes], dtype=np.int64)
    members = np.flatnonzero(located.facility_usable & (codes >= 0))
    values = {
        measure: _facility_values(located, field, measure, members, feedback)
        for measure, field in ((COUNT, ""), (AREA, run.area_field), (CAPACITY, run.capacity_field))
        if any(item.measure == measure for item in counted)
    }
    pairs = Pairs.empty()
    scale: dict[str, np.ndarray] = {}
    if counted:
        residents, households = _community_figures(run, located.features)
        # what a minimum is multiplied by per community (NaN: the figure is not known)
        scale = {
            "absolute": np.ones(rows),
            "per_1000_residents": residents / 1000.0,
            "per_100_households": households / 100.0,
        }
        feedback.setProgressText(FusionMessages.tr("Counting the facilities within reach for the minimums…"))
        pairs = located.pairs(members, max(item.reach_minutes(speed) for item in counted) * speed + 1e-6)
    inside = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if circles is not None and len(members):
        points = shapely.points(located.facility_xy[members])
        polygon, point = shapely.STRtree(points).query(np.array(circles.shapes, dtype=object), predicate="intersects")
        inside = (polygon, members[point])
    pair_codes, inside_codes = codes[pairs.facility], codes[inside[1]]
    unknown_rows = Counter()
    checks = []
    for profile in run.profiles:
        profile_checks = []
        for item in profile.items:
            ids = [number[code] for code in item.codes if code in number]
            circle = np.zeros(rows, dtype=bool)
            in_circle = np.zeros(rows, dtype=bool)
            measure = None
            polygons = None
            level = item_level(item, run.levels) if circles is not None else None
            if level is not None and level in circles.index:
                polygons = circles.index[level]
                circle = polygons >= 0
                chosen = np.isin(inside_codes, ids)
                hit = np.zeros(len(circles.shapes), dtype=bool)
                hit[inside[0][chosen]] = True
                in_circle = circle & hit[np.maximum(polygons, 0)]
            required = None
            if item.min_count is not None:
                weight = values[item.measure]
                chosen = np.isin(pair_codes, ids) & (pairs.metres <= item.reach_minutes(speed) * speed + 1e-6)
                measure = np.bincount(pairs.origin[chosen], weights=weight[pairs.facility[chosen]], minlength=rows)
                if polygons is not None:
                    chosen = np.isin(inside_codes, ids)
                    by_polygon = np.bincount(
                        inside[0][chosen], weights=weight[inside[1][chosen]], minlength=len(circles.shapes)
                    )
                    measure = np.where(circle, by_polygon[np.maximum(polygons, 0)], measure)
                required = item.min_count * scale[item.per]
                unknown_rows[item.per] += int(np.isnan(required).sum())
            profile_checks.append(ItemCheck(circle, in_circle, measure, required))
        checks.append(profile_checks)
    for per, count in unknown_rows.items():
        if count:
            feedback.pushWarning(
                FusionMessages.tr(
                    "{count} community items have a minimum {per} but no population or households figure: only "
                    "whether a facility is within reach was checked for them."
                ).format(count=count, per=per)
            )
    return checks


def fusion(run: FusionInput, feedback: QgsProcessingFeedback) -> Optional[FusionTable]:
    """Every profile evaluated for every community (rows as `output_fields`); None when cancelled.

    FifteenMinError when there is nothing to compute or a minimum lacks the field it needs; warnings go to
    `feedback`.
    """
    if not run.profiles:
        raise FifteenMinError(FusionMessages.tr("Choose at least one circle profile."))
    limit = search_minutes(run.profiles, run.speed_kmh)
    check_values(run.facilities, run.category_field, run.speed_kmh, limit)
    _check_minimum_inputs(run)
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
        located = _straight(run, codes, feedback)
    else:
        method = NETWORK
        located = _network(run, codes, feedback)
    if located is None or feedback.isCanceled():
        return None
    names_zh = {category.code: category.name_zh for category in load_categories()}
    column = {code: i for i, code in enumerate(codes)}
    checks = _item_checks(run, located, feedback)
    with_scope = run.circles is not None
    per_profile = [
        profile_columns(profile, located.walk, column, run.speed_kmh, names_zh, profile_checks, with_scope)
        for profile, profile_checks in zip(run.profiles, checks)
    ]
    met = np.sum([columns[0] for columns in per_profile], axis=0, dtype=int).tolist()
    columns = [values for profile_columns_ in per_profile for values in profile_columns_]
    rows = [[*values, count, method] for *values, count in zip(*columns, met)]
    return FusionTable(located.features, rows)
