"""fifteenmin:fusion — every chosen circle profile evaluated for every community in one pass (圈圈融合)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, facility_parameters
from fifteen_min_plugin.processing.walking_graph import (
    exclusion_parameters,
    roads_help,
    roads_parameter,
    snap_parameter,
    speed_parameter,
    topology_parameter,
    walking_graph,
)


class FusionAlgorithm(FifteenMinAlgorithm):
    """Which circle profiles each community meets, what each lacks and the longest walk among its items."""

    ID = "fusion"
    GROUP_ID = "analysis"
    REQUIRES = ("numpy", "scipy", "shapely")
    COMMUNITIES = "COMMUNITIES"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    ROADS = "ROADS"
    PROFILES = "PROFILES"
    SPEED_KMH = "SPEED_KMH"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Circle fusion (all service circles)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "Evaluates every chosen service-circle profile for every community in one pass (圈圈融合): the "
                "convenience circle, the GB 50180 tiers, elderly care, childcare, fitness, parcel service, education, "
                "medical care and the complete community. One nearest-facility search covers the categories of all "
                "profiles together.<br>"
                "<b>Communities</b>: points or polygons (a point inside each polygon is used).<br>"
                "<b>Facilities</b> and <b>Category field</b>: classified facility points (run Classify facilities "
                "first).<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Roads</b> are optional here: without them reach is measured in a straight line at the walking "
                "speed, which overstates it, and <i>reach_method</i> says <i>straight_line</i> instead of "
                "<i>network</i>.<br>"
                "<b>Profiles</b>: names of shipped profiles (resources/profiles/: mofcom_convenience, gb50180, "
                "elderly_care, childcare, fitness, parcel, education, medical, complete_community) or paths of your "
                "own profile CSV files, separated by commas; empty: all shipped profiles. A profile row names a "
                "category code (or several joined by |, any of which meets it), its reach in walking "
                "minutes (min) or metres (m), and the document it comes from. Its optional minimum count "
                "(min_count, per) is checked when the profile is read but not yet evaluated here: an item is met "
                "by one facility within reach.<br>"
                "<b>Output</b>: the communities with their own fields plus, for every profile, <i>&lt;profile&gt;_met"
                "</i> (every item within its reach), <i>&lt;profile&gt;_missing</i> (the items not within reach, "
                "comma-separated) and <i>&lt;profile&gt;_missing_zh</i> (their Chinese names, separated by 、), "
                "<i>&lt;profile&gt;_worst_min</i> (the longest of the walks to each item's nearest facility, NULL "
                "when an item has none within the profile's longest reach); then <i>n_profiles_met</i> "
                "(how many of the profiles the community meets) and <i>reach_method</i>."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNITIES,
                self.tr("Communities"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        for parameter in facility_parameters(self.FACILITIES, self.CATEGORY_FIELD):
            self.addParameter(parameter)
        roads = roads_parameter(self.ROADS)
        roads.setFlags(roads.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        self.addParameter(roads)
        self.addParameter(
            QgsProcessingParameterString(self.PROFILES, self.tr("Circle profiles"), defaultValue="", optional=True)
        )
        self.addParameter(speed_parameter(self.SPEED_KMH))
        self.addParameter(snap_parameter(self.SNAP_TOLERANCE_M))
        self.addParameter(topology_parameter(self.TOPOLOGY_TOLERANCE_M))
        for parameter in exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Circle fusion"), QgsProcessing.SourceType.TypeVectorAnyGeometry
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.fusion import FusionInput, fusion, output_fields
        from fifteen_min_plugin.core.analysis.profiles import SHIPPED, load_profiles

        nothing = self.tr("Nothing was written.")
        communities, facilities = (
            self.source(parameters, name, context) for name in (self.COMMUNITIES, self.FACILITIES)
        )
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        names = [name.strip() for name in self.parameterAsString(parameters, self.PROFILES, context).split(",")]
        try:
            profiles = load_profiles([name for name in names if name] or SHIPPED)
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        fields = CarriedFields(communities.fields())
        out_fields = fields.with_outputs(output_fields(profiles), nothing)
        walkable = None
        if roads is not None:
            exclude = (
                self.parameterAsString(parameters, name, context) for name in (self.EXCLUDE_FIELD, self.EXCLUDE_VALUES)
            )
            tolerance = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
            walkable = walking_graph(roads, *exclude, context, feedback, nothing, tolerance)
            if walkable is None:
                return {}
        run = FusionInput(
            profiles,
            communities,
            facilities,
            self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category",
            self.parameterAsDouble(parameters, self.SPEED_KMH, context),
            self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context),
            context.transformContext(),
            walkable.graph if walkable else None,
            walkable.crs if walkable else None,
        )
        try:
            table = fusion(run, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if table is None:
            return {}
        rows = (fields.values(feature) + row for feature, row in zip(table.features, table.rows))
        sink, dest_id = self.sink(
            parameters, self.OUTPUT, context, out_fields, communities.wkbType(), communities.sourceCrs()
        )
        geometries = [feature.geometry() for feature in table.features]
        self.write_rows(sink, parameters, self.OUTPUT, out_fields, geometries, rows, feedback, 80.0)
        return {self.OUTPUT: dest_id}
