"""Co-location sites: the orchestration of fifteenmin:colocation.

Every idle asset offers the uses of the suitability table it can take (type, size, idle windows: the same rule
as repurpose; assets in use or retired are not idle and are left out), every planned project its category. For
each site and use, core/analysis/colocation.py says which gaps of which circle profiles it would close within
reach and who gains. Rows are ranked per site by the number of circles served, then by score; a use that closes
nothing is left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.analysis.colocation import STRAIGHT_LINE, Closure, GapIndex, closure_sentences
from fifteen_min_plugin.core.assets import time_windows
from fifteen_min_plugin.core.assets.repurpose import AssetFacts, feasible_rows
from fifteen_min_plugin.core.assets.suitability import Suitability
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text

#: output fields, in order
OUTPUT_FIELDS = (
    ("site_kind", "text"),
    ("site_id", "text"),
    ("site_name", "text"),
    ("use", "text"),
    ("use_zh", "text"),
    ("rank", "int"),
    ("n_circles_served", "int"),
    ("circles_served", "text"),
    ("circles_served_zh", "text"),
    ("n_communities", "int"),
    ("communities", "text"),
    ("residents_gain", "int"),
    ("gaps_closed", "text"),
    ("score", "double"),
    ("reach_method", "text"),
    ("reason_zh", "text"),
    ("reason_en", "text"),
)
ASSET = "asset"
PROJECT = "project"
#: register statuses of assets that are no longer idle: in use already, or retired
NOT_IDLE = ("in_use", "retired")


class ColocationSiteMessages(Messages):
    """Translation context of the co-location site messages."""


@dataclass
class SiteRows:
    """One site's point (in the output CRS) and its ranked rows (field name -> value)."""

    point: QgsGeometry
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class Offer:
    """A use a site can take and the codes it provides."""

    use: str
    use_zh: str
    use_en: str
    codes: tuple[str, ...]


def asset_offers(values: dict[str, Any], fallback_id: str, table: Sequence[Suitability]) -> list[Offer]:
    """The uses of the suitability table an asset can take that provide a category (special uses fill none)."""
    facts = AssetFacts.from_attributes(values, fallback_id)
    try:
        schedule = time_windows.parse(facts.idle_windows) if facts.idle_windows.strip() else None
    except FifteenMinError:
        schedule = None
    return [Offer(row.use, row.use_zh, row.use_en, row.fills) for row, _fit in feasible_rows(facts, schedule, table)]


def _row(kind: str, site_id: str, name: str, offer: Offer, closure: Closure) -> dict[str, Any]:
    zh, en = closure_sentences(closure, offer.use_zh, offer.use_en)
    return {
        "site_kind": kind,
        "site_id": site_id,
        "site_name": name,
        "use": offer.use,
        "use_zh": offer.use_zh,
        "n_circles_served": closure.n_profiles,
        "circles_served": ",".join(closure.profiles),
        "circles_served_zh": closure.profiles_text(True),
        "n_communities": len(closure.communities),
        "communities": ",".join(closure.communities),
        "residents_gain": closure.residents,
        "gaps_closed": ";".join(f"{community}:{profile}:{item}" for community, profile, item in closure.gaps),
        "score": closure.score,
        "reach_method": STRAIGHT_LINE,
        "reason_zh": zh,
        "reason_en": en,
    }


@dataclass
class SiteSources:
    """The sites: idle assets (with the suitability table) and projects of the chosen statuses."""

    assets: Optional[QgsFeatureSource]
    projects: Optional[QgsFeatureSource]
    statuses: Sequence[str]
    table: Sequence[Suitability]


def colocation_sites(
    sources: SiteSources,
    index: GapIndex,
    output_crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Iterator[SiteRows]:
    """Every site with at least one use closing a gap, its rows ranked (circles served, then score)."""
    if sources.assets is None and sources.projects is None:
        raise FifteenMinError(ColocationSiteMessages.tr("Give the idle assets, the projects or both."))
    if sources.assets is not None and sources.assets.fields().lookupField("asset_type") < 0:
        raise FifteenMinError(
            ColocationSiteMessages.tr("The assets layer has no asset_type field; use the register's idle_assets layer.")
        )
    if sources.projects is not None and sources.projects.fields().lookupField("category") < 0:
        raise FifteenMinError(
            ColocationSiteMessages.tr("The projects layer has no category field; use the workspace projects layer.")
        )
    names_zh = {category.code: category.name_zh for category in load_categories()}
    names_en = {category.code: category.name_en.lower() for category in load_categories()}
    unplaced: list[str] = []
    for kind, source in ((ASSET, sources.assets), (PROJECT, sources.projects)):
        if source is None:
            continue
        fields = source.fields().names()
        to_output = QgsCoordinateTransform(source.sourceCrs(), output_crs, transform_context)
        for feature in source.getFeatures():
            if feedback.isCanceled():
                return
            values = dict(zip(fields, feature.attributes()))
            site_id = value_text(values.get(f"{kind}_id")) or str(feature.id())
            if kind == PROJECT:
                if value_text(values.get("status")) not in sources.statuses:
                    continue
                code = value_text(values.get("category"))
                offers = [Offer(code, names_zh.get(code, code), names_en.get(code, code), (code,))] if code else []
            elif value_text(values.get("status")) in NOT_IDLE:
                continue
            else:
                offers = asset_offers(values, site_id, sources.table)
            xy = index.site_xy(feature.geometry(), source.sourceCrs(), transform_context)
            if xy is None:
                unplaced.append(site_id)
                continue
            found = [(offer, index.closes(xy, offer.codes)) for offer in offers]
            found = [(offer, closure) for offer, closure in found if closure.n_profiles]
            if not found:
                continue
            found.sort(key=lambda item: (-item[1].n_profiles, -item[1].score, item[0].use))
            point = QgsGeometry(feature.geometry()).pointOnSurface()
            try:
                done = point.transform(to_output) == Qgis.GeometryOperationResult.Success
            except QgsCsException:
                done = False
            if not done:
                unplaced.append(site_id)
                continue
            name = value_text(values.get("name"))
            rows = [_row(kind, site_id, name, offer, closure) for offer, closure in found]
            for rank, row in enumerate(rows, start=1):
                row["rank"] = rank
            yield SiteRows(point, rows)
    if unplaced:
        feedback.pushWarning(
            ColocationSiteMessages.tr("{count} sites have no usable geometry and were left out: {ids}.").format(
                count=len(unplaced), ids=named_ids(unplaced)
            )
        )
