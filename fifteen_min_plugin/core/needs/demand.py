"""Demand per circle: what residents asked for (the workspace `needs`), weighted, matched to the circles.

A need counts for a circle when its `community_id` is the circle's community, or when its point lies in or on
the circle; a need counts once per circle even when both hold. Unclassified needs (empty category) and needs
of codes outside the categories table are not counted. The weight is the number of respondents behind the row.

`demand_top` lists the most asked-for categories of a circle as ``code:weight`` pairs (``breakfast:34,
fresh_market:20``), most first, ties by code; `unmet_demand` lists those asked for whose `n_<code>` count in
the circle is 0, in the same form; the `_zh` fields give the Chinese names (``早餐店:34、菜市场:20``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.settings import SATISFACTION_TARGET
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.schema import DEMAND_FIELDS

if TYPE_CHECKING:
    import shapely

#: how many categories `demand_top` lists
TOP_COUNT = 5
#: the coverage fields this module fills
DEMAND_FIELD_NAMES = tuple(spec.name for spec in DEMAND_FIELDS)


class DemandMessages(Messages):
    """Translation context of the demand messages."""


@dataclass
class CircleNeedsSources:
    """What coverage reads residents' demand and satisfaction from; either may be None."""

    needs: Optional[QgsFeatureSource]
    satisfaction: Optional[QgsFeatureSource]
    crs: QgsCoordinateReferenceSystem
    transform_context: QgsCoordinateTransformContext
    target: float = SATISFACTION_TARGET


@dataclass(frozen=True)
class AskedNeed:
    """One classified need: its category, respondents, community and point (in the circles' CRS) if any."""

    category: str
    weight: float
    community_id: str
    xy: Optional[tuple[float, float]]


def read_needs(
    source: QgsFeatureSource,
    known: Sequence[str],
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> list[AskedNeed]:
    """The classified needs of `source` (the workspace `needs` or an importneeds output), points in `crs`.

    FifteenMinError when the layer lacks a needs field; unclassified rows and unknown codes are left out.
    """
    names = source.fields().names()
    if "category" not in names:
        raise FifteenMinError(
            DemandMessages.tr(
                "The needs layer has no “category” field; use the workspace needs or the output of Import "
                "residents' needs."
            )
        )
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, transform_context)
    codes = set(known)
    found = []
    for feature in source.getFeatures(QgsFeatureRequest()):
        category = value_text(feature["category"])
        if category not in codes:
            continue
        weight = plain(feature["weight"]) if "weight" in names else None
        try:
            value = float(weight) if weight is not None else 1.0
        except (TypeError, ValueError):
            value = 1.0
        community = value_text(feature["community_id"]) if "community_id" in names else ""
        xy = None
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isEmpty():
            try:
                if geometry.transform(transform) == Qgis.GeometryOperationResult.Success:
                    point = geometry.centroid().asPoint()
                    xy = (point.x(), point.y())
            except QgsCsException:
                xy = None
        found.append(AskedNeed(category, value if value > 0 else 1.0, community, xy))
    return found


def needs_per_circle(
    shapes: Sequence[Optional[shapely.Geometry]], communities: Sequence[Optional[str]], needs: Sequence[AskedNeed]
) -> list[list[int]]:
    """Per circle, the indices of the needs that count for it (community match or point in or on it), ascending."""
    import numpy as np  # only here: repurpose imports this module's types
    import shapely

    found: list[set[int]] = [set() for _ in shapes]
    by_community: dict[str, list[int]] = {}
    for position, community in enumerate(communities):
        if community:
            by_community.setdefault(community, []).append(position)
    for index, need in enumerate(needs):
        for position in by_community.get(need.community_id, ()):
            found[position].add(index)
    located = [index for index, need in enumerate(needs) if need.xy is not None]
    polygons = np.asarray(shapes, dtype=object)
    present = np.flatnonzero(~shapely.is_missing(polygons) & ~shapely.is_empty(polygons)) if len(polygons) else []
    if located and len(present):
        xs = np.array([needs[index].xy[0] for index in located])
        ys = np.array([needs[index].xy[1] for index in located])
        tree = shapely.STRtree(shapely.points(xs, ys))
        polygon_rows, point_rows = tree.query(polygons[present], predicate="intersects")
        for polygon, point in zip(present[polygon_rows], point_rows):
            found[int(polygon)].add(located[int(point)])
    return [sorted(items) for items in found]


def demand_of(needs: Sequence[AskedNeed], indices: Sequence[int]) -> dict[str, float]:
    """Respondents per category of the needs at `indices`."""
    totals: dict[str, float] = {}
    for index in indices:
        need = needs[index]
        totals[need.category] = totals.get(need.category, 0.0) + need.weight
    return totals


def ranked(demand: Mapping[str, float]) -> list[tuple[str, float]]:
    """(code, weight) most asked for first, ties by code."""
    return sorted(demand.items(), key=lambda item: (-item[1], item[0]))


def weight_text(weight: float) -> str:
    """34 for 34.0, 2.5 for 2.5."""
    return f"{weight:g}"


def pairs_text(pairs: Sequence[tuple[str, float]], names: Optional[Mapping[str, str]] = None) -> str:
    """``code:weight`` pairs joined by "," (codes), or ``name:weight`` joined by "、" (with `names`)."""
    if names is None:
        return ",".join(f"{code}:{weight_text(weight)}" for code, weight in pairs)
    return "、".join(f"{names.get(code, code)}:{weight_text(weight)}" for code, weight in pairs)


def parse_pairs(text: str) -> list[tuple[str, float]]:
    """The (code, weight) pairs of a `demand_top` / `unmet_demand` value; pairs that cannot be read are skipped."""
    pairs = []
    for part in str(text or "").split(","):
        code, _, weight = part.strip().partition(":")
        try:
            pairs.append((code.strip(), float(weight)))
        except ValueError:
            continue
    return [(code, weight) for code, weight in pairs if code]


def demand_values(
    demand: Mapping[str, float], counts: Mapping[str, int], names_zh: Mapping[str, str]
) -> dict[str, str]:
    """The four coverage fields of one circle from its demand and its facility counts per code."""
    order = ranked(demand)
    top = order[:TOP_COUNT]
    unmet = [(code, weight) for code, weight in order if counts.get(code, 0) == 0]
    return {
        "demand_top": pairs_text(top),
        "demand_top_zh": pairs_text(top, names_zh),
        "unmet_demand": pairs_text(unmet),
        "unmet_demand_zh": pairs_text(unmet, names_zh),
    }


def circle_demand_fields(
    features: Sequence[QgsFeature],
    shapes: Sequence[Optional[shapely.Geometry]],
    counts: Sequence[Sequence[int]],
    categories: Sequence[Category],
    sources: CircleNeedsSources,
) -> list[dict[str, Any]]:
    """Per circle, the coverage fields `demand_top`, `unmet_demand` (+ `_zh`), `satisfaction`, `satisfaction_ok`.

    Without needs the demand fields are NULL (with needs but none for the circle they are empty); without a
    satisfaction table, or without a survey of the circle or its community, the satisfaction fields are NULL.
    """
    from fifteen_min_plugin.core.needs.satisfaction import read_satisfaction

    codes = [category.code for category in categories]
    names_zh = {category.code: category.name_zh for category in categories}
    communities = [
        _feature_text(feature, "community_id") or _feature_text(feature, "origin_id") for feature in features
    ]
    found: list[list[int]] = [[] for _ in features]
    asked: list[AskedNeed] = []
    if sources.needs is not None:
        asked = read_needs(sources.needs, codes, sources.crs, sources.transform_context)
        found = needs_per_circle(shapes, communities, asked)
    lookup = read_satisfaction(sources.satisfaction) if sources.satisfaction is not None else None
    rows = []
    for feature, community, row, indices in zip(features, communities, counts, found):
        values: dict[str, Any] = dict.fromkeys(DEMAND_FIELD_NAMES, NULL)
        if sources.needs is not None:
            values.update(demand_values(demand_of(asked, indices), dict(zip(codes, map(int, row))), names_zh))
        if lookup is not None:
            values.update(lookup.values(_feature_text(feature, "circle_id"), community, sources.target))
        rows.append(values)
    return rows


def _feature_text(feature: QgsFeature, name: str) -> str:
    return value_text(feature[name]) if feature.fields().lookupField(name) >= 0 else ""


@dataclass(frozen=True)
class DemandBar:
    """One category residents asked for in a circle: respondents against the facilities the circle has."""

    code: str
    name_zh: str
    asked: float
    count: int


def demand_bars(attributes: Mapping[str, Any], categories: Sequence[Category]) -> list[DemandBar]:
    """The `demand_top` categories of a coverage row (field name → value) with their `n_<code>` counts."""
    names = {category.code: category.name_zh for category in categories}
    bars = []
    for code, asked in parse_pairs(value_text(attributes.get("demand_top"))):
        count = plain(attributes.get(f"n_{code}"))
        bars.append(DemandBar(code, names.get(code, code), asked, int(count) if count is not None else 0))
    return bars
