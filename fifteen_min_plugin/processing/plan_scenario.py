"""fifteenmin:planscenario — every circle's grade and missing basic categories now and with the projects built."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.settings import SCENARIO_SEARCH_MINUTES
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, advanced, facility_parameters
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

if TYPE_CHECKING:
    from fifteen_min_plugin.core.analysis.tiers import RoadReach


class PlanScenarioAlgorithm(FifteenMinAlgorithm):
    """Coverage twice: now, and with the projects of the chosen statuses built."""

    ID = "planscenario"
    GROUP_ID = "analysis"
    REQUIRES = ("shapely", "numpy")
    CIRCLES = "CIRCLES"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    PROJECTS = "PROJECTS"
    STATUSES = "STATUSES"
    ASSETS = "ASSETS"
    COMMUNITIES = "COMMUNITIES"
    ROADS = "ROADS"
    SPEED_KMH = "SPEED_KMH"
    MAX_MINUTES = "MAX_MINUTES"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Plan scenario (before and after the projects)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "Shows what the project list changes: the coverage of every circle is computed twice, as Coverage "
                "per circle does, now and with the projects of the chosen statuses built.<br><b>Circles</b>, "
                "<b>Facilities</b> (classified) and <b>Communities</b> (optional, population): as in Coverage per "
                "circle.<br><b>Projects</b>: the workspace projects layer (<i>project_id</i>, <i>category</i>, "
                "<i>status</i>, optional <i>asset_id</i>). Each project built adds one facility of its category at "
                "its site, or, without a site, at its idle asset's location.<br><b>Statuses</b>: the statuses "
                "counted as built, comma-separated (default planned,approved,under_construction; also open, "
                "evaluated). Cancelled projects are never built.<br><b>Idle assets</b> (optional): the assets with "
                "<i>asset_id</i> whose location a project without a site takes.<br><b>Output</b>: the circles with "
                "<i>grade_before</i>, <i>grade_after</i>, <i>missing_before</i>, <i>missing_after</i> (missing "
                "basic-guarantee categories, comma-separated codes), <i>gained</i> (the basic categories the plan "
                "fills), <i>closed_by</i> (per category gained, the projects inside the circle that fill it, e.g. "
                "pharmacy:P1,P3), <i>required_before</i> and <i>required_after</i> (the GB 50180 / MOFCOM "
                "requirements the circle misses, as in Coverage per circle's missing_required; the gaps left in "
                "missing_after and required_after are those no project of the chosen statuses addresses yet), "
                "<i>tiers_before</i> and <i>tiers_after</i> (the same requirements by GB 50180 tier, each checked "
                "within its own reach, as Coverage per circle's missing_tiers, e.g. 5:kindergarten;10:bus_stop) and "
                "<i>residents_gaining</i>: the circle's population if it gains at least one missing basic category, "
                "else 0 (empty without a population)."
            )
            + self.tr(
                "<br><b>Roads</b> (optional, with <b>Communities</b>): walking minutes before and after. From each "
                "circle's community (its <i>community_id</i>, else <i>origin_id</i>, found by <i>community_id</i> in "
                "the communities layer) to the nearest facility of each basic-guarantee category along the streets, as "
                "Walking time to the nearest facility computes it, now and with the projects built; the streets are "
                "read once for both. The lower GB 50180 tiers without a circle of their own are then checked within "
                "their walking minutes, as Coverage per circle does with roads. <i>minutes_before</i> and "
                "<i>minutes_after</i> list every basic category as code:minutes (pharmacy:12.4;breakfast:3.0), "
                "&gt;30 (the maximum minutes) where none is within reach; <i>minutes_changed</i> the categories "
                "whose minutes the plan changes (pharmacy:12.4→3.1); <i>worst_min_before</i> and "
                "<i>worst_min_after</i> the longest "
                "of the basic categories' nearest walks, empty when one of them has no facility within the maximum "
                "minutes. Without roads, or for a circle whose community has no point within the snapping tolerance "
                "of a street, these fields are empty.<br>"
                "<b>Maximum minutes</b>: the walk searched (default 30).<br>"
            )
            + roads_help()
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        polygons, anything = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorAnyGeometry
        self.addParameter(QgsProcessingParameterFeatureSource(self.CIRCLES, self.tr("Circles"), [polygons]))
        for parameter in facility_parameters(self.FACILITIES, self.CATEGORY_FIELD, optional_field=True):
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSource(self.PROJECTS, self.tr("Projects"), [anything]))
        self.addParameter(
            QgsProcessingParameterString(
                self.STATUSES, self.tr("Statuses counted as built"), "planned,approved,under_construction"
            )
        )
        for name, label in ((self.ASSETS, self.tr("Idle assets")), (self.COMMUNITIES, self.tr("Communities"))):
            self.addParameter(QgsProcessingParameterFeatureSource(name, label, [anything], optional=True))
        roads = roads_parameter(self.ROADS)
        roads.setFlags(roads.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        self.addParameter(roads)
        maximum = QgsProcessingParameterNumber(
            self.MAX_MINUTES,
            self.tr("Maximum minutes"),
            QgsProcessingParameterNumber.Type.Double,
            SCENARIO_SEARCH_MINUTES,
            minValue=0.0,
            maxValue=MAX_WALK_MINUTES,
        )
        for parameter in advanced(
            speed_parameter(self.SPEED_KMH),
            maximum,
            snap_parameter(self.SNAP_TOLERANCE_M),
            topology_parameter(self.TOPOLOGY_TOLERANCE_M),
            *exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES),
        ):
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Plan scenario")))

    def road_reach(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        with_communities: bool,
        nothing: str,
    ) -> Optional[RoadReach]:
        """The walking graph of ROADS with the walking parameters; None without roads or communities, or cancelled."""
        from fifteen_min_plugin.core.analysis.tiers import RoadReach

        roads = self.parameterAsSource(parameters, self.ROADS, context)
        if roads is None:
            return None
        if not with_communities:
            feedback.pushWarning(
                self.tr("Roads were given without a communities layer: there is no community point to walk from.")
            )
            return None
        exclude = (self.parameterAsString(parameters, n, context) for n in (self.EXCLUDE_FIELD, self.EXCLUDE_VALUES))
        tolerance = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
        walkable = walking_graph(roads, *exclude, context, feedback, nothing, tolerance)
        if walkable is None:
            return None
        speed, snap = (self.parameterAsDouble(parameters, n, context) for n in (self.SPEED_KMH, self.SNAP_TOLERANCE_M))
        return RoadReach(walkable.graph, walkable.crs, speed, snap)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.projects.scenario import SCENARIO_FIELDS, parse_statuses, plan_scenario

        circles = self.source(parameters, self.CIRCLES, context)
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        nothing = self.tr("Nothing was written.")
        try:
            statuses = parse_statuses(self.parameterAsString(parameters, self.STATUSES, context))
            roads = self.road_reach(parameters, context, feedback, communities is not None, nothing)
            if feedback.isCanceled():
                return {}
            result = plan_scenario(
                circles,
                self.source(parameters, self.FACILITIES, context),
                self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category",
                self.source(parameters, self.PROJECTS, context),
                statuses,
                communities,
                self.parameterAsSource(parameters, self.ASSETS, context),
                context.transformContext(),
                feedback,
                roads,
                self.parameterAsDouble(parameters, self.MAX_MINUTES, context),
            )
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if result is None:
            return {}
        carried = CarriedFields(circles.fields(), replaces=[name for name, _ in SCENARIO_FIELDS])
        fields = carried.with_outputs(SCENARIO_FIELDS)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, circles.wkbType(), circles.sourceCrs())
        rows = (
            carried.values(feature) + [values[name] for name, _ in SCENARIO_FIELDS]
            for feature, values in zip(result.features, result.rows)
        )
        geometries = [feature.geometry() for feature in result.features]
        self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback, 60.0)
        return {self.OUTPUT: dest_id}
