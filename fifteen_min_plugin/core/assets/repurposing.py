"""Ranked uses for every idle asset from the coverage circles it lies in: the orchestration of fifteenmin:repurpose.

The ranking itself (scores, served circles, reasons) is core/assets/repurpose.py; here the circles are indexed,
every asset is matched with the circles it intersects, and the assets whose idle windows cannot be read are
reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsSpatialIndex,
)

from fifteen_min_plugin.core.analysis.colocation import GapIndex
from fifteen_min_plugin.core.assets.repurpose import AssetFacts, CircleGaps, Demand, Suggestion, rank_uses
from fifteen_min_plugin.core.assets.stall_checks import StallSiteCheck
from fifteen_min_plugin.core.assets.suitability import load_suitability
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.settings import DEMAND_WEIGHT
from fifteen_min_plugin.core.values import text as value_text

#: the fields of a suggestion row, in the order of a ranked suggestion's values
SUGGESTION_FIELDS = ("use", "use_zh", "rank", "score", "circle_id", "residents_gain", "reason_zh", "reason_en")
#: the fields of a suggestion row from demand and co-location (empty without NEEDS / FUSION)
DEMAND_FIELDS = ("residents_asked", "n_circles_served", "circles_served", "circles_served_zh")
#: unreadable idle windows listed one per line in the log
MAX_LISTED = 20


class RepurposeMessages(Messages):
    """Translation context of this module's messages."""


@dataclass
class AssetSuggestions:
    """One asset, the point its rows are written at, and its rows (output field name -> value)."""

    feature: QgsFeature
    point: QgsGeometry
    rows: list[dict[str, Any]]


def _circles(
    coverage: QgsFeatureSource, request: QgsFeatureRequest, categories: list[Category], feedback: QgsProcessingFeedback
) -> tuple[QgsSpatialIndex, dict[int, tuple[QgsGeometry, CircleGaps, str]]]:
    index = QgsSpatialIndex()
    circles: dict[int, tuple[QgsGeometry, CircleGaps, str]] = {}
    names = coverage.fields().names()
    unplaced = []
    for feature in coverage.getFeatures(request):
        if feature.geometry().isNull() or feature.geometry().isEmpty():
            unplaced.append(feature.id())
            continue
        attributes = dict(zip(names, feature.attributes()))
        attributes.setdefault("circle_id", str(feature.id()))
        gaps = CircleGaps.from_attributes(attributes, categories)
        circles[feature.id()] = (feature.geometry(), gaps, value_text(attributes.get("community_id")))
        if not index.addFeature(feature):
            raise FifteenMinError(RepurposeMessages.tr("The coverage circles could not be indexed."))
    if unplaced:
        feedback.pushWarning(
            RepurposeMessages.tr(
                "{count} coverage circles have no geometry and were not used (feature ids): {ids}"
            ).format(count=len(unplaced), ids=named_ids(unplaced))
        )
    return index, circles


def repurpose_assets(
    assets: QgsFeatureSource,
    coverage: QgsFeatureSource,
    suitability_path: Optional[str],
    top_n: int,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
    facilities: Optional[QgsFeatureSource] = None,
    roads: Optional[QgsFeatureSource] = None,
    needs: Optional[QgsFeatureSource] = None,
    demand_weight: float = DEMAND_WEIGHT,
    gap_index: Optional[GapIndex] = None,
) -> Iterator[AssetSuggestions]:
    """The suggestions of every asset with a geometry, asset by asset, with progress on `feedback`.

    The tables and circles are read at once (FifteenMinError when one cannot be read); the assets follow as
    the result is iterated. A tidal stall zone's sentences say what `facilities` (schools) and `roads` (main
    roads) show about its site, or that they were not checked (see core/assets/stall_checks.py). `needs` (the
    workspace needs) weigh each gap by the residents who asked for it; `gap_index` (a circle-fusion result) ranks
    the uses by the circle profiles they serve.
    """
    if assets.fields().lookupField("asset_type") < 0:
        raise FifteenMinError(
            RepurposeMessages.tr("The assets layer has no asset_type field; use the register's idle_assets layer.")
        )
    categories = load_categories()
    table = load_suitability(suitability_path or None, categories)
    request = QgsFeatureRequest().setDestinationCrs(assets.sourceCrs(), transform_context)
    index, circles = _circles(coverage, request, categories, feedback)
    demand = Demand(weight=demand_weight)
    if needs is not None:
        from fifteen_min_plugin.core.analysis.coverage import to_shapely  # shapely, numpy: only with needs
        from fifteen_min_plugin.core.needs.demand import needs_per_circle, read_needs

        asked = read_needs(needs, [category.code for category in categories], assets.sourceCrs(), transform_context)
        order = list(circles)
        shapes = to_shapely([circles[fid][0] for fid in order])
        found = needs_per_circle(shapes, [circles[fid][2] for fid in order], asked)
        for fid, ids in zip(order, found):
            geometry, gaps, community = circles[fid]
            circles[fid] = (geometry, replace(gaps, need_ids=frozenset(ids)), community)
        demand = Demand(asked, demand_weight)
        feedback.pushInfo(
            RepurposeMessages.tr("{count} classified needs weigh the gaps ({residents} residents).").format(
                count=len(asked), residents=f"{sum(need.weight for need in asked):g}"
            )
        )
    sites = StallSiteCheck(assets.sourceCrs(), transform_context, facilities, roads)

    def suggestions() -> Iterator[AssetSuggestions]:
        asset_names = assets.fields().names()
        total = max(assets.featureCount(), 1)
        unreadable: list[tuple[str, str]] = []  # (asset id, why) of assets whose idle windows cannot be read
        for done, feature in enumerate(assets.getFeatures()):
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                feedback.pushWarning(
                    RepurposeMessages.tr("Asset feature {fid} has no geometry; skipped.").format(fid=feature.id())
                )
                continue
            facts = AssetFacts.from_attributes(dict(zip(asset_names, feature.attributes())), str(feature.id()))
            inside = [
                circles[fid][1]
                for fid in index.intersects(geometry.boundingBox())
                if circles[fid][0].intersects(geometry)
            ]
            served_by = None
            if gap_index is not None:
                xy = gap_index.site_xy(geometry, assets.sourceCrs(), transform_context)
                served_by = (lambda codes, xy=xy: gap_index.closes(xy, codes)) if xy is not None else None
            result = rank_uses(facts, inside, table, categories, top_n, demand, served_by)
            if result.windows_problem:
                unreadable.append(
                    (facts.asset_id, f"{facts.asset_id} “{facts.idle_windows}”: {result.windows_problem}")
                )
            values = [
                (s.use, s.use_zh, s.rank, s.score, ",".join(s.circle_ids), s.residents_gain, s.reason_zh, s.reason_en)
                for s in result.suggestions
            ]
            extras = [_extras(s, needs is not None, gap_index is not None) for s in result.suggestions] or [{}]
            for position, row in enumerate(values):
                if row[0] == "tidal_stalls":
                    zh, en = sites.sentences(geometry)
                    values[position] = (*row[:6], f"{row[6]}{zh}", f"{row[7]} {en}")
            values = values or [(None, None, None, None, None, None, result.note_zh, result.note_en)]
            own = {"asset_id": facts.asset_id, "asset_name": facts.name, "asset_type": facts.asset_type}
            rows = [{**dict(zip(SUGGESTION_FIELDS, row)), **own, **extra} for row, extra in zip(values, extras)]
            yield AssetSuggestions(feature, QgsGeometry(geometry).pointOnSurface(), rows)
            feedback.setProgress(100.0 * (done + 1) / total)
        _report_unreadable(unreadable, feedback)

    return suggestions()


def _extras(suggestion: Suggestion, with_demand: bool, with_fusion: bool) -> dict[str, Any]:
    """The demand and co-location values of a suggestion row (left empty when their input was not given)."""
    values: dict[str, Any] = {}
    if with_demand:
        values["residents_asked"] = suggestion.residents_asked
    if with_fusion:
        served = suggestion.served
        values["n_circles_served"] = served.n_profiles
        values["circles_served"] = ",".join(served.profiles)
        values["circles_served_zh"] = served.profiles_text(True)
    return values


def _report_unreadable(unreadable: list[tuple[str, str]], feedback: QgsProcessingFeedback) -> None:
    if not unreadable:
        return
    feedback.pushWarning(
        RepurposeMessages.tr(
            "{count} assets have idle time windows that cannot be read; they were ranked as if they had "
            "none, so no use needing idle hours was suggested for them: {assets}."
        ).format(count=len(unreadable), assets=named_ids([asset for asset, _ in unreadable]))
    )
    for _asset, line in unreadable[:MAX_LISTED]:
        feedback.pushWarning(line)
    if len(unreadable) > MAX_LISTED:
        feedback.pushWarning(
            RepurposeMessages.tr("… and {more} more assets.").format(more=len(unreadable) - MAX_LISTED)
        )
