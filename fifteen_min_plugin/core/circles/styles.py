"""The map style of the workspace `circles` layer: one colour per level, bigger levels drawn first (below)."""

from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsFeatureRequest, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR

CIRCLES_STYLE = RESOURCES_DIR / "styles" / "circles.qml"


def style_levels(layer: QgsVectorLayer) -> None:
    """Make sure nested levels are told apart: categories by `level_min`, bigger levels drawn first (below)."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer) or renderer.classAttribute() != "level_min":
        layer.loadNamedStyle(str(CIRCLES_STYLE))
        renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause("level_min", False, True)]))
        renderer.setOrderByEnabled(True)
    layer.triggerRepaint()
