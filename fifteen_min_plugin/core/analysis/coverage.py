"""Coverage per circle: facilities counted per category, what each class lacks, GB 50180 level requirements, grade.

Counting puts the circles in a shapely STRtree and queries every facility point against it in one vectorised
call; a facility on a circle's boundary counts for that circle. GB 50180-2018 levels are cumulative: a circle of
level L must have every requirement of `resources/categories/level_requirements.csv` whose `level_min` is at
most L (a 15-minute circle is also checked for its 5- and 10-minute facilities). The tiers are not inclusive
(GB 50180-2018, commentary to 5.0.2: a higher-tier facility does not stand in for a lower-tier one): a tier's
requirements are checked within the same community's circle of that tier when the layer has one
(`community_id` and `level_min`), so a kindergarten 900 m away does not meet the 5-minute row of a 15-minute
circle. Without such a circle the tier is checked within its walking minutes (roads given) or its radius of the
community's point (core/analysis/tiers.py); the unmet items are reported per tier (`missing_tiers`).
Floor area counts the registered idle assets (status approved or in_use, with area_m2) inside the circle too.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import numpy as np
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsWkbTypes,
)

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis import grading, norms, tiers
from fifteen_min_plugin.core.analysis.grading_profiles import GradingProfile, load_profile
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.brands import BRAND_FIELDS, BrandMatcher, load_brands
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.facilities.category_codes import report_unknown_codes
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.demand import CircleNeedsSources, circle_demand_fields
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.core.values import is_null
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.schema import FieldSpec, coverage_layer

PathLike = Union[str, os.PathLike]

LEVELS_PATH = RESOURCES_DIR / "categories" / "level_requirements.csv"
LEVEL_COLUMNS = ("level_min", "codes", "requirement_zh", "source")
#: coverage fields that come from the circle itself, not from this computation
CIRCLE_FIELDS = ("circle_id", "name", "level_min", "community_id", "method")
#: circle fields read for the level (first present wins) and for the community key
LEVEL_FIELDS = ("level_min", "minutes")
COMMUNITY_KEY_FIELDS = ("community_id", "origin_id")
POPULATION_FIELD = "population"
HOUSEHOLDS_FIELD = "households"
#: idle assets whose floor area counts for the circle: approved or in use (国办发〔2021〕56号 counts the facilities
#: a community has; an asset still under review is not one yet)
COUNTED_ASSET_STATUSES = ("approved", "in_use")
#: facility fields with an area (m²): floor area first, else the footprint
AREA_FIELDS = ("floor_area_m2", "footprint_m2")


class CoverageMessages(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class LevelRequirement:
    """One GB 50180 / MOFCOM requirement: any category of `codes` present meets it, from level `level_min` up."""

    level_min: int
    codes: tuple[str, ...]
    requirement_zh: str
    source: str

    @property
    def label(self) -> str:
        """Codes as written in `missing_required`: alternatives joined by “|”."""
        return "|".join(self.codes)


def load_level_requirements(categories: Sequence[Category], path: Optional[PathLike] = None) -> list[LevelRequirement]:
    """Read the level requirements table (default: the bundled one); codes must be in `categories`.

    `codes` holds alternatives separated by “|” (either meets the requirement). Raises FifteenMinError naming the
    file and line when a level is not a positive whole number or a code is not in the categories table.
    """
    source = Path(path) if path is not None else LEVELS_PATH
    known = {category.code for category in categories}
    requirements = []
    for line, row in read_csv_table(source, LEVEL_COLUMNS, CoverageMessages.tr("level requirements table")):
        try:
            level = int(row["level_min"])
        except ValueError:
            level = 0
        if level <= 0:
            raise FifteenMinError(
                CoverageMessages.tr(
                    "Line {line} of {path}: the level “{value}” is not a positive number of minutes."
                ).format(line=line, path=source, value=row["level_min"])
            )
        codes = tuple(code.strip() for code in row["codes"].split("|") if code.strip())
        unknown = [code for code in codes if code not in known]
        if not codes or unknown:
            raise FifteenMinError(
                CoverageMessages.tr(
                    "Line {line} of {path}: “{codes}” is not a category code of the categories table."
                ).format(line=line, path=source, codes=", ".join(unknown) or row["codes"])
            )
        requirements.append(LevelRequirement(level, codes, row["requirement_zh"], row["source"]))
    return requirements


def summary_fields(categories: Sequence[Category]) -> tuple[FieldSpec, ...]:
    """The fields coverage adds to a circle, in the workspace coverage layer's order and types."""
    return tuple(spec for spec in coverage_layer(categories).fields if spec.name not in CIRCLE_FIELDS)


def count_in_polygons(
    polygons: Sequence[Optional[shapely.Geometry]],
    xs: np.ndarray,
    ys: np.ndarray,
    category_index: np.ndarray,
    n_categories: int,
) -> np.ndarray:
    """Counts (polygons × categories) of points in or on each polygon; points with category -1 are skipped."""
    counts = np.zeros((len(polygons), n_categories), dtype=np.int64)
    keep = np.asarray(category_index) >= 0
    if not len(polygons) or not keep.any():
        return counts
    shapes = np.asarray(polygons, dtype=object)
    present = np.flatnonzero(~shapely.is_missing(shapes) & ~shapely.is_empty(shapes))
    if not len(present):
        return counts
    # the tree holds the points; the polygons are the (prepared) query geometries
    tree = shapely.STRtree(shapely.points(np.asarray(xs)[keep], np.asarray(ys)[keep]))
    polygon_rows, point_rows = tree.query(shapes[present], predicate="intersects")
    np.add.at(counts, (present[polygon_rows], np.asarray(category_index)[keep][point_rows]), 1)
    return counts


class CoverageRules:
    """Turns one circle's counts into the coverage summary fields, by the categories, requirements and settings."""

    def __init__(
        self,
        categories: Sequence[Category],
        requirements: Sequence[LevelRequirement],
        settings: Settings,
        profile: Optional[GradingProfile] = None,
    ) -> None:
        self.categories = tuple(categories)
        self.requirements = tuple(requirements)
        self.settings = settings
        self.profile = profile
        self._index = {category.code: i for i, category in enumerate(self.categories)}
        self._basic = [i for i, category in enumerate(self.categories) if category.category_class == "basic"]
        self._quality = [i for i, category in enumerate(self.categories) if category.category_class == "quality"]
        self.top_level = max((item.level_min for item in self.requirements), default=15)

    def lower_codes(self) -> list[str]:
        """The category codes of the requirements below the highest tier: the ones a tier's reach may need."""
        return list(
            dict.fromkeys(c for item in self.requirements if item.level_min < self.top_level for c in item.codes)
        )

    def required(self, level: Optional[float]) -> list[LevelRequirement]:
        """Requirements of a circle of `level` minutes, cumulatively (None: the highest level in the table)."""
        limit = self.top_level if level is None else level
        return [item for item in self.requirements if item.level_min <= limit]

    def unmet(
        self, counts: Sequence[int], level: Optional[float], reach: Optional[Mapping[float, Sequence[int]]] = None
    ) -> list[LevelRequirement]:
        """The requirements of a circle of `level` not met: each tier's in `reach[tier]` if given, else in `counts`."""
        reach = reach or {}
        return [
            item
            for item in self.required(level)
            if not any(int(reach.get(item.level_min, counts)[self._index[c]]) for c in item.codes)
        ]

    def summary(
        self,
        counts: Sequence[int],
        level: Optional[float],
        population: Optional[float],
        reach: Optional[Mapping[float, Sequence[int]]] = None,
    ) -> dict[str, Any]:
        """Every field of `summary_fields` but the tier fields, keyed by name; `per_10k`, `population` NULL without one.

        `reach` holds, per lower tier, the facilities (counts or 0/1 presence per category) within that tier's own
        reach: its requirements are checked there (GB 50180 tiers are not inclusive), the others in `counts`.
        """
        counts = [int(value) for value in counts]
        values: dict[str, Any] = {POPULATION_FIELD: int(population) if population is not None else NULL}
        for category, value in zip(self.categories, counts):
            values[f"n_{category.code}"] = value
        for cls, indices in (("basic", self._basic), ("quality", self._quality)):
            missing = [self.categories[i] for i in indices if counts[i] == 0]
            values[f"n_{cls}_present"] = len(indices) - len(missing)
            values[f"missing_{cls}"] = ",".join(category.code for category in missing)
            values[f"missing_{cls}_zh"] = "、".join(category.name_zh for category in missing)
        served = sum(counts[i] for i in (*self._basic, *self._quality))
        values["per_10k"] = served * 10000.0 / population if population is not None and population > 0 else NULL
        if self.profile is None:
            values["grade"] = grading.grade(
                values["n_basic_present"], values["n_quality_present"], len(self._basic), self.settings
            )
        else:
            values["grade"] = self.profile.grade({c.code: value for c, value in zip(self.categories, counts)})
        unmet = self.unmet(counts, level, reach)
        values["missing_required"] = ",".join(item.label for item in unmet)
        values["missing_required_zh"] = "、".join(item.requirement_zh for item in unmet)
        return values


@dataclass
class FacilityPoints:
    """Facility coordinates in the circles' CRS with their category index (-1: not a code of the table)."""

    xs: np.ndarray
    ys: np.ndarray
    category_index: np.ndarray
    unknown: Counter
    chain: np.ndarray  # True for a facility of a chain brand (brand table)
    footprint: np.ndarray  # footprint_m2, NaN when unknown
    floor_area: np.ndarray  # floor_area_m2, else footprint_m2; NaN when unknown


def read_facilities(
    source: QgsFeatureSource,
    category_field: str,
    categories: Sequence[Category],
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
    feedback: Optional[QgsFeedback] = None,
    brands: Optional[BrandMatcher] = None,
) -> FacilityPoints:
    """Read every facility point reprojected to `crs`; multipoints count once, at their first point.

    With `brands`, each point is also marked as a chain store or not from its brand fields and name.
    """
    field_index = source.fields().lookupField(category_field)
    if field_index < 0:
        raise FifteenMinError(
            CoverageMessages.tr(
                "The facilities layer has no field “{field}”. Choose the field holding the category codes, or run "
                "Classify facilities first."
            ).format(field=category_field)
        )
    lookup = {category.code: i for i, category in enumerate(categories)}
    names = source.fields().names()
    brand_fields = [name for name in BRAND_FIELDS if name in names] if brands is not None else []
    area_fields = [name for name in AREA_FIELDS if name in names]
    read = [*brand_fields, *area_fields]
    attributes = [field_index, *(source.fields().lookupField(name) for name in read)]
    request = QgsFeatureRequest().setSubsetOfAttributes(attributes).setDestinationCrs(crs, transform_context)
    multi = QgsWkbTypes.isMultiType(source.wkbType())
    xs, ys, index, chain, footprint, floor_area = [], [], [], [], [], []
    unknown: Counter = Counter()
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry.isNull():
            continue
        if multi:
            parts = geometry.asMultiPoint()
            if not parts:
                continue
            point = parts[0]
        else:
            point = geometry.asPoint()
        value = feature[field_index]
        code = value_text(value)
        position = lookup.get(code, -1)
        if position < 0:
            unknown[code] += 1
        xs.append(point.x())
        ys.append(point.y())
        index.append(position)
        chain.append(brands is not None and brands.is_chain({name: feature[name] for name in brand_fields}))
        areas = {name: _area(feature[name]) for name in area_fields}
        footprint.append(areas.get("footprint_m2", np.nan))
        floor = areas.get("floor_area_m2", np.nan)
        floor_area.append(floor if not np.isnan(floor) else areas.get("footprint_m2", np.nan))
    return FacilityPoints(
        np.asarray(xs, dtype=float),
        np.asarray(ys, dtype=float),
        np.asarray(index, dtype=np.int64),
        unknown,
        np.asarray(chain, dtype=bool),
        np.asarray(footprint, dtype=float),
        np.asarray(floor_area, dtype=float),
    )


def _area(value: Any) -> float:
    """An area in m², NaN when empty, not a number or negative."""
    if is_null(value):
        return np.nan
    try:
        area = float(value)
    except (TypeError, ValueError):
        return np.nan
    return area if area >= 0 else np.nan


def points_in_polygons(
    polygons: Sequence[Optional[shapely.Geometry]], xs: np.ndarray, ys: np.ndarray, keep: np.ndarray
) -> list[np.ndarray]:
    """Per polygon, the indices of the kept points in or on it."""
    found: list[list[int]] = [[] for _ in polygons]
    chosen = np.flatnonzero(keep)
    shapes = np.asarray(polygons, dtype=object)
    present = np.flatnonzero(~shapely.is_missing(shapes) & ~shapely.is_empty(shapes)) if len(shapes) else []
    if len(chosen) and len(present):
        tree = shapely.STRtree(shapely.points(xs[chosen], ys[chosen]))
        polygon_rows, point_rows = tree.query(shapes[present], predicate="intersects")
        for polygon, point in zip(present[polygon_rows], chosen[point_rows]):
            found[polygon].append(int(point))
    return [np.asarray(items, dtype=np.int64) for items in found]


def area_checks(
    parks: np.ndarray,
    services: np.ndarray,
    points: FacilityPoints,
    level: Optional[float],
    population: Optional[float],
    households: Optional[float],
    asset_floor_m2: float = 0.0,
) -> dict[str, Any]:
    """Green space (GB 50180 Table 4.0.4) and floor area (国办发〔2021〕56号) of one circle.

    `parks` and `services` index the circle's park and community-service facilities in `points`;
    `asset_floor_m2` is the area of the registered idle assets in use for the circle. An unknown area leaves the
    figure it feeds NULL rather than counting it as 0.
    """
    norm = norms.green_norm(level)
    park_areas = points.footprint[parks]
    known = park_areas[~np.isnan(park_areas)]
    values: dict[str, Any] = {"park_max_m2": float(known.max()) if len(known) else NULL}
    if not len(parks):
        values["park_ok"] = 0
    else:
        values["park_ok"] = int(values["park_max_m2"] >= norm.park_min_m2) if len(known) else NULL
    green = float(known.sum()) if len(known) == len(parks) else None
    per_resident = green / population if green is not None and population else None
    values["green_m2_per_resident"] = per_resident if per_resident is not None else NULL
    values["green_ok"] = int(per_resident >= norm.green_m2_per_resident) if per_resident is not None else NULL
    values["households"] = households if households is not None else NULL
    floors = points.floor_area[services]
    floor = float(floors.sum()) + asset_floor_m2 if not np.isnan(floors).any() else None
    values["floor_area_m2"] = floor if floor is not None else NULL
    if floor is None or households is None:
        values["floor_area_shortfall_m2"] = NULL
    else:
        values["floor_area_shortfall_m2"] = max(0.0, norms.floor_area_required_m2(households) - floor)
    return values


def chain_share(counts: Sequence[int], chain_counts: Sequence[int], basic: Sequence[int]) -> Any:
    """Share (0–1) of the basic-category facilities that belong to a chain; NULL without any basic facility."""
    total = sum(int(counts[i]) for i in basic)
    return sum(int(chain_counts[i]) for i in basic) / total if total else NULL


def to_shapely(geometries: Sequence[QgsGeometry]) -> list[Optional[shapely.Geometry]]:
    """Valid shapely polygons of QGIS geometries (curves segmentised), None for null or empty ones."""
    wkbs = []
    for geometry in geometries:
        if geometry.isNull() or geometry.isEmpty():
            wkbs.append(None)
            continue
        if QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        wkbs.append(bytes(geometry.asWkb()))
    shapes = shapely.from_wkb(np.asarray(wkbs, dtype=object))
    invalid = ~shapely.is_valid(shapes) & ~shapely.is_missing(shapes)
    if invalid.any():
        shapes[invalid] = shapely.make_valid(shapes[invalid])
    return list(shapes)


def circle_level(feature: QgsFeature) -> Optional[float]:
    """The circle's level in minutes from `level_min` or `minutes`, None when neither holds a number."""
    names = feature.fields().names()
    for name in LEVEL_FIELDS:
        if name in names:
            value = feature[name]
            if not is_null(value):
                try:
                    return float(value)
                except (TypeError, ValueError):
                    continue
    return None


@dataclass
class Populations:
    """Residents per community, and the communities whose population is not a number (left out)."""

    by_community: dict[str, float]
    unreadable: list[str]


def read_populations(source: QgsFeatureSource) -> Populations:
    """The populations of a communities layer; rows without either field value are left out."""
    names = source.fields().names()
    if "community_id" not in names or POPULATION_FIELD not in names:
        raise FifteenMinError(
            CoverageMessages.tr(
                "The communities layer needs the fields “community_id” and “population” to give circles their "
                "residents."
            )
        )
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["community_id", POPULATION_FIELD], source.fields())
    populations = Populations({}, [])
    for feature in source.getFeatures(request):
        key, value = feature["community_id"], feature[POPULATION_FIELD]
        if is_null(key) or is_null(value):
            continue
        try:
            populations.by_community[str(key)] = float(value)
        except (TypeError, ValueError):
            populations.unreadable.append(str(key))
    return populations


def circle_population(feature: QgsFeature, populations: dict[str, float]) -> Optional[float]:
    """Residents of a circle: its community's population if known, else its own `population` field, else None.

    Raises ValueError when the circle's own population is there but is not a number.
    """
    names = feature.fields().names()
    for name in COMMUNITY_KEY_FIELDS:
        if name in names:
            key = feature[name]
            if not is_null(key) and str(key) in populations:
                return populations[str(key)]
    if POPULATION_FIELD in names:
        value = feature[POPULATION_FIELD]
        if not is_null(value):
            try:
                return float(value)
            except (TypeError, ValueError):
                raise ValueError(value) from None
    return None


def read_households(source: Optional[QgsFeatureSource]) -> dict[str, float]:
    """Households per community from the communities layer's `households` field (empty without the field)."""
    if source is None or HOUSEHOLDS_FIELD not in source.fields().names():
        return {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["community_id", HOUSEHOLDS_FIELD], source.fields())
    found = {}
    for feature in source.getFeatures(request):
        value = _area(feature[HOUSEHOLDS_FIELD])
        if not is_null(feature["community_id"]) and not np.isnan(value):
            found[str(feature["community_id"])] = value
    return found


def circle_households(
    feature: QgsFeature, by_community: Mapping[str, float], population: Optional[float], persons: float
) -> Optional[float]:
    """Households: the community's figure, else the circle's own `households`, else population ÷ `persons`."""
    names = feature.fields().names()
    for name in COMMUNITY_KEY_FIELDS:
        if name in names and not is_null(feature[name]) and str(feature[name]) in by_community:
            return by_community[str(feature[name])]
    if HOUSEHOLDS_FIELD in names:
        value = _area(feature[HOUSEHOLDS_FIELD])
        if not np.isnan(value):
            return value
    return population / persons if population is not None else None


@dataclass
class CircleCoverage:
    """The circles with a geometry, each with its summary values (name -> value) for the `added` fields."""

    features: list[QgsFeature]
    rows: list[dict[str, Any]]
    added: tuple[FieldSpec, ...]


def circle_community(feature: QgsFeature) -> Optional[str]:
    """The circle's community: its `community_id`, else its `origin_id` (Radius / Network circles), else None."""
    for name in COMMUNITY_KEY_FIELDS:
        if feature.fields().lookupField(name) >= 0 and not is_null(feature[name]):
            return str(feature[name])
    return None


def _tier_positions(
    features: Sequence[QgsFeature], shapes: Sequence[Optional[shapely.Geometry]]
) -> dict[str, dict[float, int]]:
    """Community id → level → the position of that community's circle of that level (the first one, if several)."""
    found: dict[str, dict[float, int]] = {}
    for position, (feature, shape) in enumerate(zip(features, shapes)):
        community, level = circle_community(feature), circle_level(feature)
        if shape is not None and community is not None and level is not None:
            found.setdefault(community, {}).setdefault(level, position)
    return found


def _circle_label(feature: QgsFeature) -> str:
    has_id = feature.fields().lookupField("circle_id") >= 0
    return str(feature["circle_id"] if has_id and not is_null(feature["circle_id"]) else feature.id())


@dataclass
class AssetAreas:
    """The registered idle assets that count toward the floor area: points in the circles' CRS, area, id."""

    xs: np.ndarray
    ys: np.ndarray
    areas: np.ndarray
    ids: list[str]


def read_counted_assets(
    source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem, transform_context: QgsCoordinateTransformContext
) -> AssetAreas:
    """The assets of status `COUNTED_ASSET_STATUSES` with an area, as points in `crs` (a polygon's point on surface).

    FifteenMinError when the layer lacks the `status` or `area_m2` field.
    """
    names = source.fields().names()
    if "status" not in names or "area_m2" not in names:
        raise FifteenMinError(
            CoverageMessages.tr(
                "The idle assets layer needs the fields “status” and “area_m2” (the workspace idle_assets layer has "
                "them) to count approved assets in the floor area."
            )
        )
    request = QgsFeatureRequest().setDestinationCrs(crs, transform_context)
    xs, ys, areas, ids = [], [], [], []
    for feature in source.getFeatures(request):
        area = _area(feature["area_m2"])
        geometry = feature.geometry()
        if value_text(feature["status"]) not in COUNTED_ASSET_STATUSES or np.isnan(area) or not area:
            continue
        if geometry.isNull() or geometry.isEmpty():
            continue
        point = geometry.pointOnSurface().asPoint()
        xs.append(point.x())
        ys.append(point.y())
        areas.append(area)
        has_id = "asset_id" in names and not is_null(feature["asset_id"])
        ids.append(str(feature["asset_id"]) if has_id else str(feature.id()))
    return AssetAreas(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), np.asarray(areas, dtype=float), ids)


@dataclass
class TierCheck:
    """Where every circle's tiers are checked: the reach of each lower tier and how it was reached."""

    reach: list[dict[float, Sequence[int]]]
    methods: list[dict[float, str]]
    circles: list[dict[float, int]]  # per tier, the position of the circle that checks it (own or the community's)
    own: list[str]  # circles whose lower tiers had to be checked within the circle itself


def _wanted_tiers(rules: CoverageRules, feature: QgsFeature) -> tuple[float, list[float]]:
    """The circle's level as checked (no level: the highest) and the tiers of its requirements up to it."""
    level = circle_level(feature)
    top = rules.top_level if level is None else level
    return top, [tier for tier in sorted({item.level_min for item in rules.requirements}) if tier <= top]


def pending_tiers(
    rules: CoverageRules, features: Sequence[QgsFeature], shapes: Sequence[Optional[shapely.Geometry]]
) -> dict[str, float]:
    """Community id → the highest lower tier of its circles that has no circle of its own (to be reached)."""
    siblings = _tier_positions(features, shapes)
    pending: dict[str, float] = {}
    for feature, shape in zip(features, shapes):
        community = circle_community(feature)
        if shape is None or community is None:
            continue
        top, wanted = _wanted_tiers(rules, feature)
        for tier in wanted:
            if tier < top and tier not in siblings.get(community, {}):
                pending[community] = max(tier, pending.get(community, 0.0))
    return pending


def plan_tiers(
    rules: CoverageRules,
    features: Sequence[QgsFeature],
    shapes: Sequence[Optional[shapely.Geometry]],
    counts: np.ndarray,
    reach: Optional[tiers.CommunityReach],
) -> TierCheck:
    """Where each circle's tiers are checked.

    Its own level in itself, a lower tier in the community's circle of that tier, else within the tier's `reach`
    of the community, else in itself (`tiers.OWN`).
    """
    siblings = _tier_positions(features, shapes)
    check = TierCheck([], [], [], [])
    for position, (feature, shape) in enumerate(zip(features, shapes)):
        community = circle_community(feature) or ""
        top, wanted = _wanted_tiers(rules, feature)
        found: dict[float, Sequence[int]] = {}
        methods: dict[float, str] = {}
        circles: dict[float, int] = {}
        for tier in wanted:
            if tier >= top:
                methods[tier], circles[tier] = tiers.CIRCLE, position
            elif tier in siblings.get(community, {}):
                circles[tier] = siblings[community][tier]
                found[tier], methods[tier] = counts[circles[tier]], tiers.CIRCLE
            elif reach is not None and (near := reach.counts(community, tier)) is not None:
                found[tier], methods[tier] = near, reach.method
            else:
                methods[tier] = tiers.OWN
        if shape is not None and tiers.OWN in methods.values():
            check.own.append(_circle_label(feature))
        check.reach.append(found)
        check.methods.append(methods)
        check.circles.append(circles)
    return check


def tier_fields(
    unmet: Sequence[LevelRequirement],
    methods: Mapping[float, str],
    green: Mapping[float, tuple[Any, Any]],
) -> dict[str, str]:
    """`missing_tiers`, `missing_tiers_zh` and `tier_reach` of one circle.

    `green` holds, per tier whose circle the community has, that circle's (park_ok, green_ok).
    """
    items = [tiers.TierItem(item.level_min, item.label, item.requirement_zh) for item in unmet]
    for tier, (park_ok, green_ok) in green.items():
        items += tiers.green_items(tier, park_ok, green_ok)
    codes, names = tiers.tier_texts(items)
    return {"missing_tiers": codes, "missing_tiers_zh": names, "tier_reach": tiers.reach_text(methods)}


@dataclass
class FloorAssets:
    """The counted idle assets and, per circle position, the indices of those inside it."""

    assets: AssetAreas
    inside: list[np.ndarray]

    @property
    def areas(self) -> np.ndarray:
        """Area (m²) of every counted asset."""
        return self.assets.areas


def _asset_floor(
    source: Optional[QgsFeatureSource],
    shapes: Sequence[Optional[shapely.Geometry]],
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> Optional[FloorAssets]:
    """The approved or in-use idle assets with an area, and which circles each lies in; None without assets."""
    if source is None:
        return None
    assets = read_counted_assets(source, crs, transform_context)
    keep = np.ones(len(assets.xs), dtype=bool)
    return FloorAssets(assets, points_in_polygons(shapes, assets.xs, assets.ys, keep))


def _report_assets(
    floor: FloorAssets,
    features: Sequence[QgsFeature],
    rows: Mapping[int, Mapping[str, Any]],
    feedback: QgsProcessingFeedback,
) -> None:
    """Name, per circle, the idle assets whose area was counted in its floor area (or that none was)."""
    counted = 0
    for position, inside in enumerate(floor.inside):
        if position not in rows or not len(inside):
            continue
        counted += 1
        named = "、".join(f"{floor.assets.ids[i]} ({floor.areas[i]:,.0f} m²)" for i in inside)
        note = "" if not is_null(rows[position]["floor_area_m2"]) else CoverageMessages.tr(" (the total is unknown)")
        feedback.pushInfo(
            CoverageMessages.tr("Circle {circle}: idle assets counted in the floor area: {assets}{note}.").format(
                circle=_circle_label(features[position]), assets=named, note=note
            )
        )
    if not counted:
        feedback.pushInfo(
            CoverageMessages.tr(
                "No approved or in-use idle asset with an area lies in a circle; the floor area counts facilities only."
            )
        )


def _report_tiers(check: TierCheck, reach: Optional[tiers.CommunityReach], feedback: QgsProcessingFeedback) -> None:
    """Say how lower tiers without a circle of their own were reached, and which circles fell back on themselves."""
    methods = {method for found in check.methods for method in found.values()}
    if reach is not None and reach.method == tiers.NETWORK and tiers.NETWORK in methods:
        feedback.pushInfo(
            CoverageMessages.tr(
                "Tiers without a circle of their own were checked within their walking minutes of the community "
                "along the roads (tier_reach “network”)."
            )
        )
    elif reach is not None and tiers.RADIUS in methods:
        feedback.pushWarning(
            CoverageMessages.tr(
                "No roads were given: tiers without a circle of their own were checked within the GB 50180 tier "
                "radius of the community in a straight line (5/10/15 minutes: 300/500/1,000 m), which overstates "
                "the reach where rivers, railways or walls are in the way (tier_reach “radius”)."
            )
        )
    if check.own:
        feedback.pushWarning(
            CoverageMessages.tr(
                "{count} circles have lower tiers with neither a circle of their community nor a community point to "
                "measure from, so those tiers were checked within the circle itself (tier_reach “own”): {circles}. "
                "Give the communities layer (community_id) to check each tier within its own reach."
            ).format(count=len(check.own), circles=named_ids(check.own))
        )


def _report_profile(profile: GradingProfile, feedback: QgsProcessingFeedback) -> None:
    """Say which profile grades the circles and which of its types the plugin cannot count."""
    feedback.pushInfo(CoverageMessages.tr("Grades follow the grading profile {path}.").format(path=profile.path))
    unmapped = profile.unmapped()
    if unmapped:
        feedback.pushWarning(
            CoverageMessages.tr(
                "{count} types of the grading profile have no plugin category and are never counted: {types}."
            ).format(count=len(unmapped), types="、".join(item.name_zh for item in unmapped))
        )


def circle_coverage(
    circles: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    communities: Optional[QgsFeatureSource],
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
    profile_path: Optional[PathLike] = None,
    brand_tables: Sequence[PathLike] = (),
    roads: Optional[tiers.RoadReach] = None,
    assets: Optional[QgsFeatureSource] = None,
    needs: Optional[QgsFeatureSource] = None,
    satisfaction: Optional[QgsFeatureSource] = None,
) -> Optional[CircleCoverage]:
    """Facilities per category in every circle, what it lacks, its grade and chain share; None when cancelled.

    The grade follows the grading profile at `profile_path` (None: the plugin default, i.e. the settings). The
    chain share counts the brands of resources/categories/brands.csv plus those of `brand_tables`. A lower tier
    without a circle of the community is checked within its walking minutes along `roads`, else within its radius,
    of the community's point in `communities`. The approved or in-use `assets` with an area count toward the floor
    area. `needs` and `satisfaction` (the workspace tables) give the demand and satisfaction fields
    (core/needs/demand.py). Unknown codes, unreadable populations and circles without a geometry are named in warnings;
    FifteenMinError when there is nothing to count or the profile has a bad row.
    """
    categories = load_categories()
    profile = load_profile(profile_path, categories) if profile_path else None
    settings = Settings.load()
    rules = CoverageRules(categories, load_level_requirements(categories), settings, profile)
    if profile is not None:
        _report_profile(profile, feedback)
    populations = read_populations(communities) if communities is not None else Populations({}, [])
    households_by_community = read_households(communities)
    brands = BrandMatcher(load_brands(extensions=brand_tables))
    points = read_facilities(
        facilities, category_field, categories, circles.sourceCrs(), transform_context, feedback, brands
    )
    if feedback.isCanceled():
        return None
    if not len(points.xs):
        raise FifteenMinError(CoverageMessages.tr("The facilities layer has no points, so there is nothing to count."))
    known = int((points.category_index >= 0).sum())
    report_unknown_codes(points.unknown, known, len(points.xs), category_field, feedback)
    features = []
    for feature in circles.getFeatures():
        if feedback.isCanceled():
            return None
        features.append(feature)
    if not features:
        raise FifteenMinError(CoverageMessages.tr("The circles layer has no features. Draw or generate circles first."))
    shapes = to_shapely([feature.geometry() for feature in features])
    feedback.setProgress(30.0)
    counts = count_in_polygons(shapes, points.xs, points.ys, points.category_index, len(categories))
    chained = np.where(points.chain, points.category_index, -1)
    chain_counts = count_in_polygons(shapes, points.xs, points.ys, chained, len(categories))
    codes = {category.code: i for i, category in enumerate(categories)}
    parks = points_in_polygons(shapes, points.xs, points.ys, points.category_index == codes.get(norms.PARK_CODE, -2))
    service_index = [codes[code] for code in norms.FLOOR_AREA_CODES if code in codes]
    services = points_in_polygons(shapes, points.xs, points.ys, np.isin(points.category_index, service_index))
    feedback.setProgress(60.0)
    empty = [feature.id() for feature, shape in zip(features, shapes) if shape is None]
    if len(empty) == len(features):
        raise FifteenMinError(CoverageMessages.tr("No circle has a geometry."))
    pending = pending_tiers(rules, features, shapes)
    reach = None
    if pending and communities is not None:
        reach = tiers.community_reach(
            communities, facilities, category_field, categories, rules.lower_codes(), max(pending.values()),
            transform_context, feedback, roads, settings.metres_per_minute,
        )  # fmt: skip
        if reach is None:
            return None
    check = plan_tiers(rules, features, shapes, counts, reach)
    _report_tiers(check, reach, feedback)
    floor_assets = _asset_floor(assets, shapes, circles.sourceCrs(), transform_context)
    result = CircleCoverage([], [], summary_fields(categories))
    basic = [i for i, category in enumerate(categories) if category.category_class == "basic"]
    unreadable = []  # circles whose own population is not a number
    by_position: dict[int, dict[str, Any]] = {}
    for position, (feature, shape, row, chain_row) in enumerate(zip(features, shapes, counts, chain_counts)):
        if shape is None:
            continue  # no geometry: named below; a row would read as an empty circle graded 未达标
        try:
            population = circle_population(feature, populations.by_community)
        except ValueError:
            population = None
            has_id = feature.fields().lookupField("circle_id") >= 0
            unreadable.append(str(feature["circle_id"] if has_id else feature.id()))
        result.features.append(feature)
        level = circle_level(feature)
        values = rules.summary(row, level, population, check.reach[position])
        values["chain_share"] = chain_share(row, chain_row, basic)
        households = circle_households(feature, households_by_community, population, settings.persons_per_household)
        asset_floor = float(floor_assets.areas[floor_assets.inside[position]].sum()) if floor_assets else 0.0
        values.update(
            area_checks(parks[position], services[position], points, level, population, households, asset_floor)
        )
        result.rows.append(values)
        by_position[position] = values
    for position, values in by_position.items():
        level = circle_level(features[position])
        unmet = rules.unmet(counts[position], level, check.reach[position])
        green = {
            tier: (by_position[at]["park_ok"], by_position[at]["green_ok"])
            for tier, at in check.circles[position].items()
            if at in by_position
        }
        values.update(tier_fields(unmet, check.methods[position], green))
    asked = CircleNeedsSources(needs, satisfaction, circles.sourceCrs(), transform_context)
    demand = circle_demand_fields(features, shapes, counts, categories, asked)
    for position, values in by_position.items():
        values.update(demand[position])
    if floor_assets:
        _report_assets(floor_assets, features, by_position, feedback)
    if populations.unreadable:
        feedback.pushWarning(
            CoverageMessages.tr(
                "{count} communities have a population that is not a number; it was not used: {communities}."
            ).format(count=len(populations.unreadable), communities=named_ids(populations.unreadable))
        )
    if unreadable:
        feedback.pushWarning(
            CoverageMessages.tr(
                "{count} circles have a population that is not a number, so their residents and per-10,000 "
                "figures are empty: {circles}."
            ).format(count=len(unreadable), circles=named_ids(unreadable))
        )
    if empty:
        feedback.pushWarning(
            CoverageMessages.tr("{count} circles have no geometry and get no row (feature ids): {ids}").format(
                count=len(empty), ids=named_ids(empty)
            )
        )
    feedback.pushInfo(
        CoverageMessages.tr("{facilities} facilities counted in {circles} circles.").format(
            facilities=known, circles=len(features)
        )
    )
    return result
