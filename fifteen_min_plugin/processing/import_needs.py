"""fifteenmin:importneeds — residents' needs (questionnaires, 12345 work orders, reported points) per community."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.needs.needs_import import WGS84, NeedsColumns, NeedsInput, import_needs
from fifteen_min_plugin.processing.algorithm import LazySink, advanced
from fifteen_min_plugin.processing.rows_import import RowsImportAlgorithm


class ImportNeedsAlgorithm(RowsImportAlgorithm):
    """Places each needs row in a community, classifies its text and writes one need per row."""

    ID = "importneeds"
    GROUP_ID = "import"
    AUTHCFG = "AUTHCFG"
    CITY = "CITY"
    QPS = "QPS"
    BASE_URL = "BASE_URL"
    #: the column parameters, in the order of NeedsColumns
    COLUMN_PARAMETERS = (
        ("TEXT_FIELD", "text"),
        ("COMMUNITY_FIELD", "community"),
        ("CATEGORY_FIELD", "category"),
        ("WEIGHT_FIELD", "weight"),
        ("LIST_FIELD", "list"),
        ("PRIORITY_FIELD", "priority"),
        ("DATE_FIELD", "date"),
        ("GEOCODE", "address"),
    )

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Import residents' needs")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Turns what residents asked for (问需于民) into needs per community, classified into the facility "
            "categories.<br>"
            "<b>Input</b>: a questionnaire export or 12345 work-order table (CSV, TXT or Excel .xlsx, UTF-8 or "
            "GBK, one row per response or already counted), or a layer of points residents reported.<br>"
            "<b>Community field</b>: the community id or name; a longer text such as a work order's address "
            "is searched for a community name. Rows without one are placed by their point: inside a community "
            "polygon (e.g. the circles), else the nearest community point within 1.5 km.<br>"
            "<b>Communities</b> (optional): the workspace's communities (points) or circles (polygons), with "
            "community_id and name; without it the community field is taken as the id.<br>"
            "<b>Text field</b>: the free text (楼下没有早餐店, 希望增加菜市场, 老人吃饭难), classified with the "
            "facility name keywords and the needs keywords (resources/categories/needs_rules.csv, editable).<br>"
            "<b>Category field</b> (optional): a category code or Chinese name that overrides the text.<br>"
            "<b>Weight field</b> (optional): respondents or votes behind the row; 1 when empty.<br>"
            "<b>List field</b> (optional): the themed list the row belongs to, such as 红色清单.<br>"
            "<b>Priority field</b> (optional): 紧急/一般/以后, 高/中/低 or urgent/normal/later.<br>"
            "<b>Date field</b> (optional): 2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date number.<br>"
            "<b>Address field to geocode</b> (optional): an address column (e.g. a work order's 地址). Each row "
            "without coordinates whose community column is not a community's id or name is geocoded through "
            "the Amap geocoding API (v3/geocode/geo); the GCJ-02 point is converted to WGS84 with the exact "
            "inverse and placed like a reported point. Rows Amap cannot find are matched by community name as "
            "without geocoding, as are all remaining rows once the key's daily quota is used up. Each address is "
            "sent once; too-frequent and server-busy answers are retried with backoff.<br>"
            "<b>Amap key</b> (with geocoding): the authentication configuration holding the Amap Web服务 key, "
            "the same as for the place search; the key is never written to a log, a layer or a file.<br>"
            "<b>City</b> (advanced, optional): a city name or adcode that narrows the geocoding (e.g. 北京).<br>"
            "<b>Requests per second</b> and <b>Base URL</b> (advanced): as in Import POIs from a web service.<br>"
            "Rows matching no category are kept with an empty category, to be resolved. Rows that match no "
            "community and have no point in or near one, rows with neither text nor category and rows with a "
            "bad weight are skipped; every problem is listed by row number (the spreadsheet's, header = row 1; "
            "the feature id for a layer).<br>"
            "<b>Output</b>: one point per need (empty geometry when placed by name only) with community_id, "
            "category, weight, list, priority (urgent, normal, later), text, source (the input's name) and row."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        labels = {
            "TEXT_FIELD": self.tr("Text field"),
            "COMMUNITY_FIELD": self.tr("Community field"),
            "CATEGORY_FIELD": self.tr("Category field"),
            "WEIGHT_FIELD": self.tr("Weight field (respondents)"),
            "LIST_FIELD": self.tr("List field"),
            "PRIORITY_FIELD": self.tr("Priority field"),
            "DATE_FIELD": self.tr("Date field"),
            "GEOCODE": self.tr("Address field to geocode (Amap)"),
        }
        self.add_input_parameters(self.tr("Needs table or points"), labels, self.tr("Communities (points or circles)"))
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG, self.tr("Amap key (authentication configuration)"), ApiKeys.remembered("amap"), True
            )
        )
        city = QgsProcessingParameterString(self.CITY, self.tr("City (geocoding)"), optional=True)
        qps = QgsProcessingParameterNumber(
            self.QPS, self.tr("Requests per second"), QgsProcessingParameterNumber.Type.Double, 3.0, minValue=0.01
        )
        base_url = QgsProcessingParameterString(self.BASE_URL, self.tr("Base URL"), defaultValue="", optional=True)
        for parameter in (
            *self.reading_parameters(self.tr("Encoding"), self.tr("Sheet")),
            *advanced(city, qps, base_url),
        ):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Needs"), QgsProcessing.SourceType.TypeVectorPoint)
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        request = self.rows_input(parameters, context, NeedsInput, NeedsColumns)
        try:
            if request.columns.address:
                from fifteen_min_plugin.core.needs.geocode import make_geocoder  # numpy: only when geocoding

                request.geocoder = make_geocoder(
                    self.parameterAsString(parameters, self.AUTHCFG, context),
                    self.parameterAsString(parameters, self.BASE_URL, context).strip(),
                    self.parameterAsString(parameters, self.CITY, context),
                    self.parameterAsDouble(parameters, self.QPS, context),
                )
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        output = LazySink(
            self, parameters, self.OUTPUT, context, QgsWkbTypes.Type.Point, QgsCoordinateReferenceSystem(WGS84)
        )
        try:
            report = import_needs(request, output.add, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        if not report.written:
            return {}
        feedback.pushInfo(
            self.tr("{count} needs imported from {name}, {unclassified} of them unclassified.").format(
                count=report.written, name=request.name, unclassified=report.unclassified.count
            )
        )
        return {self.OUTPUT: output.dest_id}
