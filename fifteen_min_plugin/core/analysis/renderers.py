"""Map styles of the analysis results: coverage circles by grade, origins by walking minutes to a category."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from fifteen_min_plugin.core.analysis.grading import BASIC, ENHANCED, GRADES, QUALITY, UNMET
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

#: Okabe–Ito colours (distinguishable with every common colour-vision deficiency), worst grade first
GRADE_COLOURS = {UNMET: "#d55e00", BASIC: "#f0e442", ENHANCED: "#56b4e9", QUALITY: "#009e73"}
#: walking-time classes in minutes (GB 50180 5/10/15-minute levels, then up to 30) and their colours (YlGnBu)
MINUTE_CLASSES = ((0.0, 5.0, "#253494"), (5.0, 10.0, "#2c7fb8"), (10.0, 15.0, "#41b6c4"), (15.0, 30.0, "#a1dab4"))
BEYOND_COLOUR = "#bdbdbd"
#: value the minutes style gives origins with no facility in reach (NULL), so they fall in the last class
BEYOND_MINUTES = 1.0e9


class AnalysisStyles(Messages):
    """Translation context of the analysis map styles."""


def grade_renderer(layer: QgsVectorLayer) -> QgsCategorizedSymbolRenderer:
    """Categorised renderer on `grade`: the four grades in colour-blind-safe colours, worst first."""
    categories = []
    for grade in GRADES:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(GRADE_COLOURS[grade]))
        symbol.setOpacity(0.75)
        categories.append(QgsRendererCategory(grade, symbol, grade))
    return QgsCategorizedSymbolRenderer("grade", categories)


def apply_grade_style(layer: QgsVectorLayer) -> None:
    """Colour the coverage layer by grade."""
    if layer.fields().lookupField("grade") < 0:
        raise FifteenMinError(
            AnalysisStyles.tr("The layer “{layer}” has no grade field; run the coverage first.").format(
                layer=layer.name()
            )
        )
    layer.setRenderer(grade_renderer(layer))
    layer.triggerRepaint()


def minutes_renderer(layer: QgsVectorLayer, code: str) -> QgsGraduatedSymbolRenderer:
    """Graduated renderer on `min_<code>`: 0–5, 5–10, 10–15, 15–30 minutes and beyond (or none in reach)."""
    ranges = []
    bounds = [*MINUTE_CLASSES, (MINUTE_CLASSES[-1][1], BEYOND_MINUTES, BEYOND_COLOUR)]
    for number, (lower, upper, colour) in enumerate(bounds):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        if number < len(MINUTE_CLASSES):
            label = AnalysisStyles.tr("{lower:g}–{upper:g} min").format(lower=lower, upper=upper)
        else:
            label = AnalysisStyles.tr("over {minutes:g} min or none in reach").format(minutes=lower)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    return QgsGraduatedSymbolRenderer(f'coalesce("min_{code}", {BEYOND_MINUTES:g})', ranges)


def apply_minutes_style(layer: QgsVectorLayer, code: str) -> None:
    """Colour origins by the walking minutes to the nearest facility of category `code`."""
    if layer.fields().lookupField(f"min_{code}") < 0:
        raise FifteenMinError(
            AnalysisStyles.tr("The layer “{layer}” has no walking times for “{code}” (field min_{code}).").format(
                layer=layer.name(), code=code
            )
        )
    layer.setRenderer(minutes_renderer(layer, code))
    layer.triggerRepaint()
