"""The workspace `needs` table: imported needs appended in one guarded transaction, and the top needs per community."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Optional

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsVectorLayerUtils

from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.needs_import import Need
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing


class NeedsStore(Messages):
    """Translation context of the needs table messages."""


def need_feature(layer: QgsVectorLayer, need: Need) -> QgsFeature:
    """A new row of the workspace `needs` table (its defaults, such as the import time, applied)."""
    geometry = QgsGeometry.fromPointXY(need.point) if need.point is not None else QgsGeometry()
    feature = QgsVectorLayerUtils.createFeature(layer, geometry)
    values = {
        "need_id": uuid.uuid4().hex,
        "community_id": need.community_id,
        "category": need.category,
        "weight": need.weight,
        "list": need.list,
        "priority": need.priority,
        "text": need.text,
        "source": need.source,
        "row": need.row,
        "date": need.date,
        "classified_by": need.classified_by,
        "located_by": need.located_by,
    }
    for name, value in values.items():
        feature[name] = value
    return feature


def append_needs(layer: QgsVectorLayer, needs: Sequence[Need]) -> list[int]:
    """Add `needs` to the workspace `needs` layer all together or not at all (FifteenMinError, table unchanged)."""
    failed = NeedsStore.tr("The needs could not be saved in the workspace; its needs table is unchanged.")
    return add_all_or_nothing(layer, [need_feature(layer, need) for need in needs], failed=failed)


def top_needs(
    layer: QgsVectorLayer, count: int = 3, need_list: Optional[str] = None
) -> dict[str, list[tuple[str, float]]]:
    """{community_id: [(category, summed weight), …]} of the classified needs, most asked for first.

    Ties are broken by category code, so the order is stable. `need_list` keeps one themed list only.
    """
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for feature in layer.getFeatures():
        if not feature["category"] or (need_list is not None and feature["list"] != need_list):
            continue
        weight = feature["weight"]
        value = float(weight) if isinstance(weight, (int, float)) and weight > 0 else 1.0
        totals[str(feature["community_id"])][str(feature["category"])] += value
    return {
        community: sorted(categories.items(), key=lambda item: (-item[1], item[0]))[:count]
        for community, categories in sorted(totals.items())
    }
