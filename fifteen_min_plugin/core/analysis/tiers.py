"""GB 50180-2018 tiers checked each within its own reach, and the unmet requirements reported per tier.

The tiers are not inclusive (GB 50180-2018, commentary to 5.0.2: a higher-tier facility does not stand in for a
lower-tier one). A circle of level L is checked for every requirement up to L, each tier T within T's own reach:

- T = L: the circle itself;
- T < L and the same community has a circle of level T: that circle (`CIRCLE`);
- T < L, no such circle, and the community has a point in the communities layer: the facilities within T walking
  minutes of it along the streets (`NETWORK`, as fifteenmin:nearestfacility computes them) when roads are given,
  else within the tier radius in a straight line (`RADIUS`: 300 / 500 / 1,000 m for 5 / 10 / 15 minutes,
  GB 50180-2018 2.0.2–2.0.4);
- otherwise the circle itself (`OWN`), as before the fallback existed; coverage warns about such circles.

A tier's reach gives a 0/1 presence per category, which `CoverageRules.summary` reads like a circle's counts.
`tier_reach` records per tier how it was checked ("5:circle;10:radius;15:circle"); `missing_tiers` lists the
unmet items per tier ("5:kindergarten,childcare;10:primary_school"), `missing_tiers_zh` the same in Chinese
("5分钟：幼儿园、托儿所；10分钟：小学"). The green-space norms of Table 4.0.4 join them as the items
`park_area` and `green_per_resident` of each tier whose circle the community has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.analysis import norms
from fifteen_min_plugin.core.analysis.nearest_by_category import NearestSearchInput, nearest_by_category
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.facilities.category_codes import category_code
from fifteen_min_plugin.core.network.graph import RoadGraph, layer_extent, metric_crs
from fifteen_min_plugin.core.network.nearest import euclidean_distances
from fifteen_min_plugin.core.network.origins import read_points
from fifteen_min_plugin.core.settings import WALKING_SPEED_KMH
from fifteen_min_plugin.core.values import is_null

#: how a tier was checked (`tier_reach`)
CIRCLE = "circle"
NETWORK = "network"
RADIUS = "radius"
OWN = "own"
#: the Table 4.0.4 items of `missing_tiers`
PARK_ITEM = "park_area"
GREEN_ITEM = "green_per_resident"
#: tolerance of the reach comparisons, so a facility exactly at the reach counts
_EPSILON = 1e-6


@dataclass(frozen=True)
class RoadReach:
    """The walking graph (and its metric CRS) that measures a tier's reach in walking minutes."""

    graph: RoadGraph
    crs: QgsCoordinateReferenceSystem
    speed_kmh: float
    snap_tolerance_m: float


@dataclass
class CommunityReach:
    """Per community id, the walking minutes (`NETWORK`) or straight metres (`RADIUS`) to each category's nearest."""

    method: str
    distances: dict[str, np.ndarray] = field(default_factory=dict)
    metres_per_minute: float = WALKING_SPEED_KMH * 1000.0 / 60.0

    def counts(self, community: str, tier: float) -> Optional[np.ndarray]:
        """1 for each category with a facility within the tier's reach of the community, else 0; None if unknown."""
        found = self.distances.get(community)
        if found is None:
            return None
        limit = tier if self.method == NETWORK else tier_radius_m(tier, self.metres_per_minute)
        return (found <= limit + _EPSILON).astype(np.int64)


def tier_radius_m(tier: float, metres_per_minute: float) -> float:
    """The straight-line reach of a tier: GB 50180's 300 / 500 / 1,000 m, else the walking distance of `tier`."""
    return norms.TIER_RADII_M.get(int(tier), tier * metres_per_minute)


def _community_ids(features: Sequence[Any]) -> list[Optional[str]]:
    ids = []
    for feature in features:
        has = feature.fields().lookupField("community_id") >= 0
        ids.append(None if not has or is_null(feature["community_id"]) else str(feature["community_id"]))
    return ids


def community_minutes(
    roads: RoadReach,
    communities: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    codes: Sequence[str],
    skipped: Sequence[str],
    max_minutes: float,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Optional[list[tuple[str, np.ndarray, bool]]]:
    """Walking minutes from each community point along `roads` to the nearest facility of each of `codes`.

    One (community id, minutes per code with inf where none is within `max_minutes`, whether the point is on the
    network) per community point with an id, in the layer's order; None when cancelled. `skipped` codes are known
    categories left out of the search (not reported as unknown).
    """
    search = NearestSearchInput(
        roads.graph,
        roads.crs,
        communities,
        facilities,
        category_field,
        codes,
        roads.speed_kmh,
        max_minutes,
        roads.snap_tolerance_m,
        transform_context,
        list(skipped),
    )
    table = nearest_by_category(search, feedback)
    if table is None:
        return None
    return [
        (
            community,
            np.array([np.inf if value is None else float(value) for value in row[: len(codes)]]),
            row[-1] is not None,  # snap_m: None off the network
        )
        for community, row in zip(_community_ids(table.features), table.rows)
        if community is not None
    ]


def community_reach(
    communities: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    categories: Sequence[Category],
    searched: Sequence[str],
    max_minutes: float,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
    roads: Optional[RoadReach] = None,
    metres_per_minute: float = WALKING_SPEED_KMH * 1000.0 / 60.0,
) -> Optional[CommunityReach]:
    """Distances from every community point to the nearest facility of each category; None when cancelled.

    Only the `searched` codes are measured (the others stay inf); the arrays follow the order of `categories`.

    With `roads`, walking minutes along the streets (one network search per category, as nearestfacility), none
    beyond `max_minutes`; without, straight-line metres in a metric CRS.
    """
    all_codes = [category.code for category in categories]
    codes = [code for code in all_codes if code in set(searched)]
    columns = np.array([all_codes.index(code) for code in codes], dtype=np.int64)
    if roads is not None:
        skipped = [code for code in all_codes if code not in codes]
        found = community_minutes(
            roads, communities, facilities, category_field, codes, skipped, max_minutes, transform_context, feedback
        )
        if found is None:
            return None
        reach = CommunityReach(NETWORK, metres_per_minute=roads.speed_kmh * 1000.0 / 60.0)
        for community, searched_minutes, _on_network in found:
            minutes = np.full(len(all_codes), np.inf)
            minutes[columns] = searched_minutes
            reach.distances.setdefault(community, minutes)
        return reach
    crs, _ = metric_crs(communities.sourceCrs(), layer_extent(communities), transform_context)
    origins = read_points(communities, crs, transform_context, feedback)
    points = read_points(facilities, crs, transform_context, feedback, facilities.fields().lookupField(category_field))
    if feedback.isCanceled():
        return None
    located = [i for i, point in enumerate(origins.points) if point is not None]
    origin_xy = np.array([origins.points[i] for i in located], dtype=float).reshape(-1, 2)
    found = [category_code(value) for value in points.values]
    table = np.full((len(located), len(all_codes)), np.inf)
    for code, column in zip(codes, columns):
        members = [point for value, point in zip(found, points.points) if value == code and point is not None]
        table[:, column] = euclidean_distances(origin_xy, np.array(members, dtype=float))
    reach = CommunityReach(RADIUS, metres_per_minute=metres_per_minute)
    ids = _community_ids([origins.features[i] for i in located])
    for community, row in zip(ids, table):
        if community is not None:
            reach.distances.setdefault(community, row)
    return reach


@dataclass(frozen=True)
class TierItem:
    """One unmet item of a tier: its code label and Chinese name."""

    tier: float
    label: str
    name_zh: str


def _minutes(tier: float) -> str:
    return f"{tier:g}"


def tier_texts(items: Sequence[TierItem]) -> tuple[str, str]:
    """`missing_tiers` and `missing_tiers_zh` of the unmet items, tiers in ascending order, items as given."""
    by_tier: dict[float, list[TierItem]] = {}
    for item in items:
        by_tier.setdefault(item.tier, []).append(item)
    tiers = sorted(by_tier)
    codes = ";".join(f"{_minutes(t)}:" + ",".join(item.label for item in by_tier[t]) for t in tiers)
    names = "；".join(f"{_minutes(t)}分钟：" + "、".join(item.name_zh for item in by_tier[t]) for t in tiers)
    return codes, names


def reach_text(methods: Mapping[float, str]) -> str:
    """`tier_reach`: how each tier was checked, e.g. "5:circle;10:network;15:circle"."""
    return ";".join(f"{_minutes(tier)}:{methods[tier]}" for tier in sorted(methods))


def green_items(tier: float, park_ok: Any, green_ok: Any) -> list[TierItem]:
    """The Table 4.0.4 items a tier's circle misses (0 only: an unknown figure, NULL, is not reported)."""
    norm = norms.green_norm(tier)
    items = []
    if not is_null(park_ok) and park_ok == 0:
        items.append(TierItem(tier, PARK_ITEM, f"居住区公园≥{norm.park_min_m2 / 10000.0:g}公顷"))
    if not is_null(green_ok) and green_ok == 0:
        items.append(TierItem(tier, GREEN_ITEM, f"人均公共绿地≥{norm.green_m2_per_resident:g}平方米"))
    return items
