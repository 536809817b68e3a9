"""fifteenmin:planscenario — every circle's grade and missing basic categories now and with the projects built."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, facility_parameters


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
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Plan scenario (before and after the projects)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Shows what the project list changes: the coverage of every circle is computed twice, as Coverage per "
            "circle does, now and with the projects of the chosen statuses built.<br>"
            "<b>Circles</b>, <b>Facilities</b> (classified) and <b>Communities</b> (optional, population): as in "
            "Coverage per circle.<br>"
            "<b>Projects</b>: the workspace projects layer (<i>project_id</i>, <i>category</i>, <i>status</i>, "
            "optional <i>asset_id</i>). Each project built adds one facility of its category at its site, or, "
            "without a site, at its idle asset's location.<br>"
            "<b>Statuses</b>: the statuses counted as built, comma-separated (default planned,approved,"
            "under_construction; also open, evaluated). Cancelled projects are never built.<br>"
            "<b>Idle assets</b> (optional): the assets with <i>asset_id</i> whose location a project without a "
            "site takes.<br>"
            "<b>Output</b>: the circles with <i>grade_before</i>, <i>grade_after</i>, <i>missing_before</i>, "
            "<i>missing_after</i> (missing basic-guarantee categories, comma-separated codes), <i>gained</i> (the "
            "basic categories the plan fills), <i>closed_by</i> (per category gained, the projects inside the circle "
            "that fill it, e.g. pharmacy:P1,P3), <i>required_before</i> and <i>required_after</i> (the GB 50180 / "
            "MOFCOM requirements the circle misses, as in Coverage per circle's missing_required; the gaps left in "
            "missing_after and required_after are those no project of the chosen statuses addresses yet), "
            "<i>tiers_before</i> and <i>tiers_after</i> (the same requirements by GB 50180 tier, each checked within "
            "its own reach, as Coverage per circle's missing_tiers, e.g. 5:kindergarten;10:bus_stop) and "
            "<i>residents_gaining</i>: the circle's population if it gains "
            "at least one missing basic category, else 0 (empty without a population)."
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
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Plan scenario")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.projects.scenario import SCENARIO_FIELDS, parse_statuses, plan_scenario

        circles = self.source(parameters, self.CIRCLES, context)
        nothing = self.tr("Nothing was written.")
        try:
            result = plan_scenario(
                circles,
                self.source(parameters, self.FACILITIES, context),
                self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category",
                self.source(parameters, self.PROJECTS, context),
                parse_statuses(self.parameterAsString(parameters, self.STATUSES, context)),
                self.parameterAsSource(parameters, self.COMMUNITIES, context),
                self.parameterAsSource(parameters, self.ASSETS, context),
                context.transformContext(),
                feedback,
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
