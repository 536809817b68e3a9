"""fifteenmin:nearestfacility — walking minutes and straight-line metres from every origin to every category."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.settings import COVERED_MINUTES
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, facility_parameters
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


class NearestFacilityAlgorithm(FifteenMinAlgorithm):
    """Walking minutes to the nearest facility of every category, plus the straight-line distance."""

    ID = "nearestfacility"
    GROUP_ID = "analysis"
    REQUIRES = ("numpy", "scipy", "shapely")
    ROADS = "ROADS"
    ORIGINS = "ORIGINS"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SPEED_KMH = "SPEED_KMH"
    MAX_MINUTES = "MAX_MINUTES"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Walking time to the nearest facility")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "For every origin, the walking time along the streets to the nearest facility of every category, and "
                "the straight-line distance, so you see where straight buffers overstate coverage (rivers, railways, "
                "walls).<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Origins</b>: community points or polygons, or residential buildings (a point inside each polygon "
                "is used).<br>"
                "<b>Facilities</b>: points whose category field holds codes of the categories table (run Classify "
                "facilities first); other values are listed in the log and ignored.<br>"
                "<b>Category field</b>: default <i>category</i>.<br>"
                "<b>Walking speed</b>: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).<br>"
                "<b>Maximum minutes</b>: the search stops here (default 15); farther facilities count as none.<br>"
                "<b>Snapping tolerance</b>: origins and facilities join the nearest street within this many metres "
                "(default 100) and the straight walk to it counts toward the time; those farther away are listed in "
                "the log by feature id (such facilities still count for the straight-line distance).<br>"
                "<b>Output</b>: the origins with their own fields plus, for every category code of the table, "
                "<i>min_&lt;code&gt;</i> (walking minutes to the nearest facility, NULL when none is within the "
                "maximum minutes or the origin is off the network) and <i>euc_&lt;code&gt;</i> (straight-line metres "
                "to the nearest facility, NULL when the category has none), and <i>snap_m</i> (metres from the origin "
                "to the street it joins, NULL when beyond the snapping tolerance)."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(roads_parameter(self.ROADS))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ORIGINS,
                self.tr("Origins (communities or buildings)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        for parameter in facility_parameters(self.FACILITIES, self.CATEGORY_FIELD):
            self.addParameter(parameter)
        self.addParameter(speed_parameter(self.SPEED_KMH))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_MINUTES,
                self.tr("Maximum minutes"),
                QgsProcessingParameterNumber.Type.Double,
                COVERED_MINUTES,
                maxValue=MAX_WALK_MINUTES,
            )
        )
        self.addParameter(snap_parameter(self.SNAP_TOLERANCE_M))
        self.addParameter(topology_parameter(self.TOPOLOGY_TOLERANCE_M))
        for parameter in exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Nearest facility"), QgsProcessing.SourceType.TypeVectorAnyGeometry
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.nearest_by_category import (
            NearestSearchInput,
            check_values,
            nearest_by_category,
            output_fields,
        )

        nothing = self.tr("Nothing was written.")
        roads, origins, facilities = (
            self.source(parameters, name, context) for name in (self.ROADS, self.ORIGINS, self.FACILITIES)
        )
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category"
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        max_minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
        try:
            check_values(facilities, category_field, speed, max_minutes)
            codes = [category.code for category in load_categories()]
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        carried = CarriedFields(origins.fields())
        fields = carried.with_outputs(output_fields(codes), nothing)
        walkable = walking_graph(
            roads,
            self.parameterAsString(parameters, self.EXCLUDE_FIELD, context),
            self.parameterAsString(parameters, self.EXCLUDE_VALUES, context),
            context,
            feedback,
            nothing,
            self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context),
        )
        if walkable is None:
            return {}
        feedback.setProgress(10.0)
        search = NearestSearchInput(
            walkable.graph,
            walkable.crs,
            origins,
            facilities,
            category_field,
            codes,
            speed,
            max_minutes,
            self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context),
            context.transformContext(),
        )
        try:
            table = nearest_by_category(search, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if table is None:
            return {}
        rows = (carried.values(feature) + row for feature, row in zip(table.features, table.rows))
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, origins.wkbType(), origins.sourceCrs())
        feedback.setProgressText(self.tr("Writing {count} origins…").format(count=len(table.features)))
        geometries = [feature.geometry() for feature in table.features]
        self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback, 80.0)
        return {self.OUTPUT: dest_id}
