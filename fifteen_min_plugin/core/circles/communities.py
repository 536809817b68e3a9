"""The communities a circle can belong to, as the Circles page offers them."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from fifteen_min_plugin.core.values import text as value_text


def community_choices(layer: Optional[QgsVectorLayer]) -> list[tuple[str, str]]:
    """(community_id, name) of every community with an id, sorted by id; empty without a usable layer."""
    if layer is None or not layer.isValid() or layer.fields().lookupField("community_id") < 0:
        return []
    has_name = layer.fields().lookupField("name") >= 0
    choices = {}
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        community_id = value_text(feature["community_id"])
        if community_id:
            choices[community_id] = value_text(feature["name"]) if has_name else ""
    return sorted(choices.items())
