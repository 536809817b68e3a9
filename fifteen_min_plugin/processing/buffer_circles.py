"""fifteenmin:buffercircles — GB 50180 radius levels around every community."""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.circles.radius import OUTPUT_FIELDS, radius_circles
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.settings import CIRCLE_MINUTES, RADII_M, level_text
from fifteen_min_plugin.core.values import parse_numbers
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, origin_parameters
from fifteen_min_plugin.processing.parameter_checks import MAX_RADIUS_M


def parse_levels(text: str) -> list[float]:
    """Comma-separated positive numbers, e.g. "300,500,1000" (full-width and enumeration commas accepted)."""
    values = parse_numbers(text)
    if not values or not all(math.isfinite(value) and value > 0 for value in values):
        raise ValueError(text)  # NaN passes `<= 0` and made GEOS crash QGIS
    return values


class BufferCirclesAlgorithm(FifteenMinAlgorithm):
    """True-metre circles at each GB 50180 radius level, one feature per origin and level."""

    ID = "buffercircles"
    GROUP_ID = "circles"
    REQUIRES = ()
    ORIGINS = "ORIGINS"
    ORIGIN_ID_FIELD = "ORIGIN_ID_FIELD"
    RADII_M = "RADII_M"
    MINUTES = "MINUTES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Radius circles (GB 50180 levels)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Draws a circle of true metres around every origin, for each radius level, whatever the CRS "
            "(each origin is buffered in an azimuthal equidistant projection centred on it).<br>"
            "<b>Origins</b>: community points or polygons (polygons are buffered from their outline).<br>"
            "<b>Origin id field</b>: optional; the feature id is used when empty.<br>"
            "<b>Radii (m)</b>: default 300,500,1000 — the GB 50180-2018 walking distances of the 5-, 10- and "
            "15-minute life circles.<br>"
            "<b>Level minutes</b>: the minutes each radius stands for, in the same order (default 5,10,15).<br>"
            "<b>Output</b>: one polygon per origin and level, nested, with the origin's own fields plus "
            "<i>origin_id</i>, <i>minutes</i>, <i>radius_m</i> and <i>area_m2</i> (ellipsoidal area, m²)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        for parameter in origin_parameters(self.ORIGINS, self.ORIGIN_ID_FIELD):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterString(self.RADII_M, self.tr("Radii (m)"), defaultValue=level_text(RADII_M))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MINUTES, self.tr("Level minutes"), defaultValue=level_text(CIRCLE_MINUTES)
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Radius circles"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def _levels(self, parameters: dict[str, Any], context: QgsProcessingContext) -> list[tuple[float, float]]:
        """The (radius m, minutes) levels; QgsProcessingException for text that is not such levels."""
        try:
            radii = parse_levels(self.parameterAsString(parameters, self.RADII_M, context))
            minutes = parse_levels(self.parameterAsString(parameters, self.MINUTES, context))
        except ValueError as error:
            raise QgsProcessingException(
                self.tr("Radii and minutes must be positive numbers separated by commas, e.g. 300,500,1000.")
            ) from error
        if len(radii) != len(minutes):
            raise QgsProcessingException(
                self.tr("Give one level in minutes for each radius ({radii} radii, {minutes} minutes).").format(
                    radii=len(radii), minutes=len(minutes)
                )
            )
        if max(radii) > MAX_RADIUS_M:
            raise QgsProcessingException(
                self.tr(
                    "A radius of {radius:,.10g} m is beyond the {limit:,.10g} m a living circle can have "
                    "(GB 50180-2018's largest level is 1,000 m); give the radii in metres, e.g. 300,500,1000."
                ).format(radius=max(radii), limit=MAX_RADIUS_M)
            )
        return list(zip(radii, minutes))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        source = self.parameterAsSource(parameters, self.ORIGINS, context)
        if source is None:
            raise QgsProcessingException(self.tr("The origins layer could not be read."))
        id_field = self.parameterAsString(parameters, self.ORIGIN_ID_FIELD, context)
        levels = self._levels(parameters, context)
        carried = CarriedFields(source.fields())
        fields = carried.with_outputs(OUTPUT_FIELDS)
        wkb_type, crs = QgsWkbTypes.Type.MultiPolygon, source.sourceCrs()
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, wkb_type, crs)
        try:
            for batch in radius_circles(source, id_field, levels, context.transformContext(), feedback):
                rows = [[*carried.values(c.origin), c.origin_id, c.minutes, c.radius_m, c.area_m2] for c in batch]
                geometries = [circle.geometry for circle in batch]
                self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        return {self.OUTPUT: dest_id}
