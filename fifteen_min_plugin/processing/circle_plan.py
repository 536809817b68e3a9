"""fifteenmin:circleplan — the 一圈一策 PDF: a city-wide cover and one A4 page per circle."""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.report import ReportLayers, build_circle_plan, export_pdf
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm


class CirclePlanAlgorithm(FifteenMinAlgorithm):
    """Prints the circle plan atlas to PDF."""

    ID = "circleplan"
    GROUP_ID = "analysis"
    REQUIRES = ()
    COVERAGE = "COVERAGE"
    CIRCLES = "CIRCLES"
    FACILITIES = "FACILITIES"
    ASSETS = "ASSETS"
    SUGGESTIONS = "SUGGESTIONS"
    MINUTES = "MINUTES"
    NEEDS = "NEEDS"
    NEED_LISTS = "NEED_LISTS"
    PROJECTS = "PROJECTS"
    SATISFACTION = "SATISFACTION"
    FUSION = "FUSION"
    TITLE = "TITLE"
    AREA = "AREA"
    BUREAU = "BUREAU"
    OUTPUT_PDF = "OUTPUT_PDF"
    LAYOUT_NAME = "LAYOUT_NAME"
    PAGES = "PAGES"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Circle plan report (一圈一策 PDF)")

    def flags(self):  # noqa: D102
        # the layout's HTML labels render with Qt WebKit, which only works on the main thread
        if hasattr(Qgis, "ProcessingAlgorithmFlag"):
            return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading
        return super().flags() | self.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Prints the 一圈一策 plan: a cover page with the circles per MOFCOM grade and the basic services most "
            "often missing, then two A4 pages per circle of the coverage layer (a QGIS atlas).<br>"
            "Each circle page shows the circle's name and community, a map of the circle with its walking "
            "isochrones, the facilities by class and the idle assets (legend, scale bar, north arrow), the MOFCOM "
            "grade, the table of basic (基本保障类) and quality (品质提升类) categories present (✓ and count) or "
            "missing (highlighted), the walking minutes to the nearest facility of each category, the resource list "
            "(资源清单: the idle assets of the circle with their top suggestions), and the data sources with their "
            "attribution (© OpenStreetMap contributors, ODbL 1.0 when OSM data are used). A circle with no "
            "facility still gets its page, which says so.<br>"
            "<b>Coverage</b>: the output of Coverage per circle (<i>name</i>, <i>community_id</i>, "
            "<i>level_min</i>, <i>population</i>, <i>n_&lt;code&gt;</i>, <i>grade</i>, …); one page per feature.<br>"
            "<b>Circles</b> (optional): circles or network isochrones; those with the same <i>community_id</i> "
            "(or <i>origin_id</i>) as the page's circle are drawn as dashed outlines.<br>"
            "<b>Facilities</b> (optional): classified facilities (<i>category_class</i>); their <i>source</i> values "
            "are listed as data sources.<br>"
            "<b>Idle assets</b> (optional): drawn on the map, and listed on the page when no suggestions are given."
            "<br><b>Suggestions</b> (optional): the output of Suggest repurposing of idle assets; the best "
            "3 uses of each asset in the circle are listed with their reason, in the language of the QGIS interface."
            "<br><b>Walking minutes</b> (optional): the communities with <i>min_&lt;code&gt;</i> fields from Nearest "
            "facility, joined to the circles by <i>community_id</i>; without it the table shows —.<br>"
            "Each circle gets a second page with its lists and the plan in figures, and the cover a city summary "
            "page:<br>"
            "<b>Residents' needs</b> (optional): the workspace needs (<i>community_id</i>, <i>category</i>, "
            "<i>weight</i>, <i>list</i>); the needs list shows, per themed list, the categories asked for most with "
            "the residents asking, for the circle's community and the needs located inside the circle.<br>"
            "<b>Needs lists</b> (optional): the workspace need_lists (name, colour, meaning) shown beside each "
            "list.<br>"
            "<b>Projects</b> (optional): the workspace projects; the project list shows name, status, investment "
            "(万元), lead unit and deadline of the projects sited in the circle or naming it. With the facilities, "
            "the grade after the plan is computed as Plan scenario does, with the projects planned, approved or "
            "under construction built; the city summary counts projects and investment per status and circles "
            "per grade now and after the plan.<br>"
            "<b>Satisfaction surveys</b> (optional): the workspace satisfaction table (<i>community_id</i> or "
            "<i>circle_id</i>, <i>share_satisfied</i> 0–1 or <i>score</i> 0–100, <i>sample_size</i>, <i>date</i>); "
            "the latest survey is shown against the 90 % target (三年行动计划 2023–2025), else “No survey yet.”"
            "<br>"
            "<b>Circle fusion</b> (optional): the output of Circle fusion; the circle's communities × profiles "
            "matrix (met ✓, missing ✗) and what its own community lacks, and on the summary page each profile's "
            "communities and residents meeting it.<br>"
            "The plan figures also show the coverage layer's chain-store share against the 30 % target (2025 "
            "notice), the largest park and public green per resident against GB 50180 Table 4.0.4, and the "
            "community service floor area shortfall by 国办发〔2021〕56号 (30 m² per 100 households).<br>"
            "<b>Title</b>: the plan's title (e.g. the district).<br>"
            "<b>Area</b> (optional): the planning area, printed under the title and in each page's header.<br>"
            "<b>Bureau</b> (optional): the bureau issuing the plan, printed on the cover and in each page's footer.<br>"
            "<b>PDF file</b>: the report; an existing file is replaced only when the report is complete.<br>"
            "Outputs: the PDF, the number of pages and the layout name. To restyle the layout and export it again, "
            "use the Analysis page's button, which adds the layouts to the project."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        polygon, point = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint
        self.addParameter(QgsProcessingParameterFeatureSource(self.COVERAGE, self.tr("Coverage"), [polygon]))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES, self.tr("Circles or isochrones"), [polygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"), [point], optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ASSETS, self.tr("Idle assets"), [point, polygon], optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUGGESTIONS, self.tr("Repurposing suggestions"), [point], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.MINUTES,
                self.tr("Walking minutes (communities with min_<code>)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        anything = [QgsProcessing.SourceType.TypeVector]
        for name, label in (
            (self.NEEDS, self.tr("Residents' needs")),
            (self.NEED_LISTS, self.tr("Needs lists")),
            (self.PROJECTS, self.tr("Projects")),
            (self.SATISFACTION, self.tr("Satisfaction surveys")),
            (self.FUSION, self.tr("Circle fusion (communities with <profile>_met)")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(name, label, anything, optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(self.AREA, self.tr("Area"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(self.BUREAU, self.tr("Bureau"), defaultValue="", optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("PDF file"), self.tr("PDF files (*.pdf)"))
        )
        self.addOutput(QgsProcessingOutputString(self.LAYOUT_NAME, self.tr("Layout name")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages")))

    def _copy(
        self,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Optional[QgsVectorLayer]:
        """A memory copy of an input (None when not given), so the report does not depend on where it came from."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if parameters.get(name) not in (None, ""):
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None
        layer = source.materialize(QgsFeatureRequest(), feedback)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return layer

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        title = self.parameterAsString(parameters, self.TITLE, context)
        area = self.parameterAsString(parameters, self.AREA, context)
        bureau = self.parameterAsString(parameters, self.BUREAU, context)
        copies = {
            name: self._copy(parameters, name, context, feedback)
            for name in (
                *(self.COVERAGE, self.CIRCLES, self.FACILITIES, self.ASSETS, self.SUGGESTIONS, self.MINUTES),
                *(self.NEEDS, self.NEED_LISTS, self.PROJECTS, self.SATISFACTION, self.FUSION),
            )
        }
        if copies[self.COVERAGE] is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COVERAGE))
        if feedback.isCanceled():
            return {}
        project = QgsProject()
        given = [layer for layer in copies.values() if layer is not None]
        if len(project.addMapLayers(given, False)) != len(given):
            raise QgsProcessingException(self.tr("The input layers could not be prepared for the report."))
        layers = ReportLayers(
            coverage=copies[self.COVERAGE],
            circles=copies[self.CIRCLES],
            facilities=copies[self.FACILITIES],
            assets=copies[self.ASSETS],
            suggestions=copies[self.SUGGESTIONS],
            minutes=copies[self.MINUTES],
            needs=copies[self.NEEDS],
            need_lists=copies[self.NEED_LISTS],
            projects=copies[self.PROJECTS],
            satisfaction=copies[self.SATISFACTION],
            fusion=copies[self.FUSION],
        )
        try:
            plan = build_circle_plan(project, layers, title, load_categories(), area, bureau)
            name = plan.atlas.name()
            for layout in (plan.cover, plan.atlas):
                if not project.layoutManager().addLayout(layout):  # the project owns and deletes them
                    raise QgsProcessingException(self.tr("The report layout could not be created."))
            feedback.pushInfo(
                self.tr("Printing the cover, the city summary and the pages of {count} circles…").format(
                    count=layers.coverage.featureCount()
                )
            )
            pages = export_pdf(plan, path, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        finally:
            project.layoutManager().clear()  # layouts first: they refer to the layers
            project.removeAllMapLayers()
        if feedback.isCanceled():
            return {}
        feedback.pushInfo(self.tr("{pages} pages written to {path}.").format(pages=pages, path=path))
        return {self.OUTPUT_PDF: path, self.LAYOUT_NAME: name, self.PAGES: pages}
