"""Walking minutes of the plan scenario: from each circle's community to the nearest facility of each basic category.

The walk is measured as fifteenmin:nearestfacility measures it (core/analysis/nearest_by_category.py), from the
community's point in the communities layer, now and with the projects built. The roads do not change with the
plan, only the facilities: the caller builds the walking graph once. The facilities after the plan are those of
now plus the projects built, so a community's nearest walk after is the shorter of its walk now and its walk to
the nearest project of the category; only the projects are searched a second time.

`minutes_before` / `minutes_after` list every basic category as code:minutes ("pharmacy:12.4;breakfast:3.0"),
">30" where none is within the search; `minutes_changed` the categories whose minutes the plan changes
("pharmacy:12.4→3.1", ">30→8.2"); `worst_min_before` / `worst_min_after` the longest of the basic categories'
nearest walks, NULL when one of them has no facility within the search (as fifteenmin:fusion's worst minutes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from qgis.core import (
    NULL,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureSource,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.analysis.tiers import RoadReach, community_minutes
from fifteen_min_plugin.core.facilities.categories import codes as category_codes
from fifteen_min_plugin.core.labels import warn_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import is_null

#: (name, kind) of the walking fields the scenario adds to each circle
MINUTES_FIELDS = (
    ("minutes_before", "text"),
    ("minutes_after", "text"),
    ("minutes_changed", "text"),
    ("worst_min_before", "double"),
    ("worst_min_after", "double"),
)
#: the values of a circle whose community was not walked from (no roads, no community point, off the network)
NO_MINUTES = {name: NULL for name, _ in MINUTES_FIELDS}


class ScenarioMinutesMessages(Messages):
    """Translation context of the scenario's walking-minute sentences."""


@dataclass
class BasicMinutes:
    """Per community id, the walking minutes to the nearest facility of each of `codes` (inf: none in the search)."""

    codes: list[str]
    max_minutes: float
    before: dict[str, np.ndarray]
    after: dict[str, np.ndarray]

    def _text(self, minutes: float) -> str:
        return f"{minutes:.1f}" if np.isfinite(minutes) else f">{self.max_minutes:g}"

    def values(self, community: Optional[str]) -> dict[str, Any]:
        """The MINUTES_FIELDS values of a circle of `community` (all NULL when the community was not walked from)."""
        if community is None or community not in self.before:
            return dict(NO_MINUTES)
        before, after = self.before[community], self.after[community]
        texts = [(code, self._text(old), self._text(new)) for code, old, new in zip(self.codes, before, after)]
        return {
            "minutes_before": ";".join(f"{code}:{old}" for code, old, _ in texts),
            "minutes_after": ";".join(f"{code}:{new}" for code, _, new in texts),
            "minutes_changed": ";".join(f"{code}:{old}→{new}" for code, old, new in texts if old != new),
            "worst_min_before": _worst(before),
            "worst_min_after": _worst(after),
        }


def _worst(minutes: np.ndarray) -> Any:
    return float(minutes.max()) if len(minutes) and np.isfinite(minutes).all() else NULL


def report_unwalked(
    features: Sequence[QgsFeature], rows: Sequence[dict[str, Any]], feedback: QgsProcessingFeedback
) -> None:
    """Warn, naming them, about the circles that got no walking minutes (community unknown or off the network)."""
    unwalked = [
        str(
            feature.id()
            if feature.fields().lookupField("circle_id") < 0 or is_null(feature["circle_id"])
            else feature["circle_id"]
        )
        for feature, row in zip(features, rows)
        if is_null(row["minutes_before"])
    ]
    message = ScenarioMinutesMessages.tr(
        "{count} circles have no walking minutes: their community_id (or origin_id) has no point in the "
        "communities layer within the snapping tolerance of a street: {ids}."
    )
    warn_ids(feedback, message, unwalked)


def _search(
    roads: RoadReach,
    communities: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    codes: Sequence[str],
    max_minutes: float,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Optional[dict[str, np.ndarray]]:
    """Community id → minutes per code, for the communities on the network (first of a repeated id); None: cancelled."""
    skipped = [code for code in category_codes() if code not in codes]
    found = community_minutes(
        roads, communities, facilities, category_field, codes, skipped, max_minutes, transform_context, feedback
    )
    if found is None:
        return None
    walked: dict[str, np.ndarray] = {}
    for community, minutes, on_network in found:
        if on_network:  # off the network: no walk at all, not "none within the search"
            walked.setdefault(community, minutes)
    return walked


def basic_minutes(
    roads: RoadReach,
    communities: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    projects: QgsFeatureSource,
    max_minutes: float,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Optional[BasicMinutes]:
    """Walking minutes to each basic category now and with `projects` (points, `category`) built; None: cancelled.

    FifteenMinError (from the search) when no community lies near a road or a value is out of range.
    """
    codes = category_codes("basic")
    before = _search(roads, communities, facilities, category_field, codes, max_minutes, transform_context, feedback)
    if before is None:
        return None
    after = {community: minutes.copy() for community, minutes in before.items()}
    basic_projects = sum(1 for feature in projects.getFeatures() if str(feature["category"]) in codes)
    if basic_projects:
        built = _search(roads, communities, projects, "category", codes, max_minutes, transform_context, feedback)
        if built is None:
            return None
        for community, minutes in built.items():
            if community in after:
                after[community] = np.minimum(after[community], minutes)
    return BasicMinutes(codes, max_minutes, before, after)
