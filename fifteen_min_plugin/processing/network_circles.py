"""fifteenmin:networkcircles — exact walking isochrone polygons on the road network."""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.network import METHOD
from fifteen_min_plugin.core.settings import (
    CIRCLE_MINUTES,
    WALK_OFF_M,
    level_text,
)
from fifteen_min_plugin.core.values import parse_numbers
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, origin_parameters
from fifteen_min_plugin.processing.parameter_checks import MAX_WALK_MINUTES
from fifteen_min_plugin.processing.walking_graph import (
    exclusion_parameters,
    roads_help,
    roads_parameter,
    snap_parameter,
    speed_parameter,
    topology_parameter,
    walking_graph,
)


class NetworkCirclesAlgorithm(FifteenMinAlgorithm):
    """Walking isochrones: reachable streets cut exactly at the time limit, buffered by a walk-off distance."""

    ID = "networkcircles"
    GROUP_ID = "circles"
    REQUIRES = ("numpy", "scipy", "shapely")
    ROADS = "ROADS"
    ORIGINS = "ORIGINS"
    ORIGIN_ID_FIELD = "ORIGIN_ID_FIELD"
    MINUTES = "MINUTES"
    SPEED_KMH = "SPEED_KMH"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    WALK_OFF_M = "WALK_OFF_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Walking network circles (isochrones)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "Computes, for every origin, the area a pedestrian reaches along the streets within each time "
                "level.<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Origins</b>: community points or polygons (a point inside each polygon is used).<br>"
                "<b>Origin id field</b>: optional; the feature id is used when empty.<br>"
                "<b>Minutes</b>: time levels, default 5,10,15.<br>"
                "<b>Walking speed</b>: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).<br>"
                "<b>Snapping tolerance</b>: an origin farther than this from every road is listed in the log and gets "
                "no polygon; the straight walk to the road counts toward the time.<br>"
                "<b>Walk-off distance</b>: the reachable streets are buffered by this many metres (default 25).<br>"
                "<b>Output</b>: one polygon per origin and level in the origins' CRS, nested, with the origin's own "
                "fields plus <i>origin_id</i>, <i>minutes</i>, <i>reach_m</i> (walking distance of the level), "
                "<i>area_m2</i>, <i>street_m</i> (reachable street length, edges cut exactly where time runs out) "
                "and <i>method</i>."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(roads_parameter(self.ROADS))
        for parameter in origin_parameters(self.ORIGINS, self.ORIGIN_ID_FIELD):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterString(self.MINUTES, self.tr("Minutes"), defaultValue=level_text(CIRCLE_MINUTES))
        )
        self.addParameter(speed_parameter(self.SPEED_KMH))
        self.addParameter(snap_parameter(self.SNAP_TOLERANCE_M))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WALK_OFF_M,
                self.tr("Walk-off distance (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=WALK_OFF_M,
                minValue=0.1,
            )
        )
        self.addParameter(topology_parameter(self.TOPOLOGY_TOLERANCE_M))
        for parameter in exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Network circles"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def _minutes(self, text: str) -> list[float]:
        try:
            values = sorted(set(parse_numbers(text)))
        except ValueError:
            values = []
        if not values or values[0] <= 0 or not math.isfinite(values[-1]):
            raise QgsProcessingException(
                self.tr("Minutes must be positive numbers separated by commas, e.g. 5,10,15 (got “{text}”).").format(
                    text=text
                )
            )
        if values[-1] > MAX_WALK_MINUTES:
            raise QgsProcessingException(
                self.tr(
                    "A walk of {minutes:,.10g} minutes is beyond the {limit:,.10g} minutes this tool accepts "
                    "(GB 50180-2018's largest level is 15 minutes)."
                ).format(minutes=values[-1], limit=MAX_WALK_MINUTES)
            )
        return values

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.circles.isochrones import (
            OUTPUT_FIELDS,
            IsochroneRun,
            check_speed,
            network_circles,
        )

        roads = self.parameterAsSource(parameters, self.ROADS, context)
        origins = self.parameterAsSource(parameters, self.ORIGINS, context)
        if roads is None or origins is None:
            raise QgsProcessingException(self.tr("The roads or origins layer could not be read."))
        minutes = self._minutes(self.parameterAsString(parameters, self.MINUTES, context))
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        try:
            check_speed(speed)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        walkable = walking_graph(
            roads,
            self.parameterAsString(parameters, self.EXCLUDE_FIELD, context),
            self.parameterAsString(parameters, self.EXCLUDE_VALUES, context),
            context,
            feedback,
            topology_tolerance=self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context),
        )
        if walkable is None:
            return {}
        run = IsochroneRun(
            walkable.graph,
            walkable.crs,
            origins,
            self.parameterAsString(parameters, self.ORIGIN_ID_FIELD, context),
            minutes,
            speed,
            self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context),
            self.parameterAsDouble(parameters, self.WALK_OFF_M, context),
            context.transformContext(),
        )
        carried = CarriedFields(origins.fields())
        fields = carried.with_outputs(OUTPUT_FIELDS)
        try:
            batches = network_circles(run, feedback)
            if batches is None:
                return {}
            wkb_type, crs = QgsWkbTypes.Type.MultiPolygon, origins.sourceCrs()
            sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, wkb_type, crs)
            for batch in batches:
                values = ([c.origin_id, c.minutes, c.reach_m, c.area_m2, c.street_m, METHOD] for c in batch)
                rows = [carried.values(circle.origin) + row for circle, row in zip(batch, values)]
                geometries = [circle.geometry for circle in batch]
                self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        return {self.OUTPUT: dest_id}
