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
    QgsProcessingParameterField,
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
    CIRCLES = "CIRCLES"
    POPULATION_FIELD = "POPULATION_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    FACILITIES = "FACILITIES"
    AREA_FIELD = "AREA_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
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
                "minutes (min) or metres (m), and the document it comes from. An item is met when a facility is "
                "within its reach. A row with a minimum (<i>min_count</i>, <i>per</i> absolute, per_1000_residents "
                "or per_100_households, <i>measure</i> count, area_m2 or capacity) is met only when the facilities "
                "within its reach reach that minimum: their number, or the sum of their area or capacity.<br>"
                "<b>Population field</b> and <b>Households field</b> (communities): the figures a minimum per "
                "residents or per households is scaled by; without a households figure, households = population ÷ "
                "persons per household (Options). A community without the figure is checked for presence only, "
                "with a warning.<br>"
                "<b>Area field</b> and <b>Capacity field</b> (facilities): what an area or capacity minimum adds up "
                "(e.g. footprint_m2, beds or places).<br>"
                "<b>Circles</b> (optional): the communities' own circles (fields community_id and level_min, "
                "matched to the communities' community_id). An item whose reach falls in a level (5/10/15 min, "
                "300/500/1000 m) is then decided inside the community's circle of that level, when it has one: a "
                "facility in the circle meets it even beyond the walking minutes; elsewhere the walk decides.<br>"
                "<b>Output</b>: the communities with their own fields plus, for every profile, <i>&lt;profile&gt;_met"
                "</i> (every item met), <i>&lt;profile&gt;_missing</i> (the items not met, "
                "comma-separated) and <i>&lt;profile&gt;_missing_zh</i> (their Chinese names, separated by 、), "
                "<i>&lt;profile&gt;_worst_min</i> (the longest of the walks to each item's nearest facility, NULL "
                "when an item has none within the profile's longest reach), for a profile with minimums "
                "<i>&lt;profile&gt;_short</i> (the items within reach but below their minimum, e.g. "
                "<i>clinic 1/2</i>: have/need), and with circles <i>&lt;profile&gt;_scope</i> (<i>circle</i>, "
                "<i>walk</i> or <i>circle+walk</i>: what decided its items); then <i>n_profiles_met</i> "
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
        self.addParameter(self._field(self.POPULATION_FIELD, self.tr("Population field"), self.COMMUNITIES))
        self.addParameter(self._field(self.HOUSEHOLDS_FIELD, self.tr("Households field"), self.COMMUNITIES))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES,
                self.tr("Circles of the communities"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        for parameter in facility_parameters(self.FACILITIES, self.CATEGORY_FIELD):
            self.addParameter(parameter)
        self.addParameter(self._field(self.AREA_FIELD, self.tr("Facility area field"), self.FACILITIES))
        self.addParameter(self._field(self.CAPACITY_FIELD, self.tr("Facility capacity field"), self.FACILITIES))
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

    @staticmethod
    def _field(name: str, label: str, parent: str) -> QgsProcessingParameterField:
        return QgsProcessingParameterField(
            name,
            label,
            parentLayerParameterName=parent,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )

    def _walkable(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback, nothing: str
    ) -> tuple[bool, Any]:
        """The walking graph of ROADS (None without roads); False first when building it was cancelled."""
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        if roads is None:
            return True, None
        exclude = (
            self.parameterAsString(parameters, name, context) for name in (self.EXCLUDE_FIELD, self.EXCLUDE_VALUES)
        )
        tolerance = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
        walkable = walking_graph(roads, *exclude, context, feedback, nothing, tolerance)
        return walkable is not None, walkable

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.fusion import FusionInput, fusion, output_fields
        from fifteen_min_plugin.core.analysis.profiles import SHIPPED, load_profiles
        from fifteen_min_plugin.core.settings import Settings

        nothing = self.tr("Nothing was written.")
        settings = Settings.load()
        communities, facilities = (
            self.source(parameters, name, context) for name in (self.COMMUNITIES, self.FACILITIES)
        )

        def text(name: str) -> str:
            return self.parameterAsString(parameters, name, context)

        names = [name.strip() for name in text(self.PROFILES).split(",")]
        try:
            profiles = load_profiles([name for name in names if name] or SHIPPED)
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        circles = self.parameterAsSource(parameters, self.CIRCLES, context)
        fields = CarriedFields(communities.fields())
        out_fields = fields.with_outputs(output_fields(profiles, circles is not None), nothing)
        ready, walkable = self._walkable(parameters, context, feedback, nothing)
        if not ready:
            return {}
        run = FusionInput(
            profiles,
            communities,
            facilities,
            text(self.CATEGORY_FIELD) or "category",
            self.parameterAsDouble(parameters, self.SPEED_KMH, context),
            self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context),
            context.transformContext(),
            walkable.graph if walkable else None,
            walkable.crs if walkable else None,
            *(text(name) for name in (self.POPULATION_FIELD, self.HOUSEHOLDS_FIELD)),
            settings.persons_per_household,
            *(text(name) for name in (self.AREA_FIELD, self.CAPACITY_FIELD)),
            circles,
            tuple(zip(settings.circle_minutes, settings.radii_m)),
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
