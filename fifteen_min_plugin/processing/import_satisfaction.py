"""fifteenmin:importsatisfaction — residents' satisfaction surveys (问效于民) per community, into the workspace."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.rows_import import RowsImportAlgorithm


class ImportSatisfactionAlgorithm(RowsImportAlgorithm):
    """Checks each survey row, places it in a community and stores the results in the workspace."""

    ID = "importsatisfaction"
    GROUP_ID = "import"
    WORKSPACE = "WORKSPACE"
    #: the column parameters, in the order of SatisfactionColumns
    COLUMN_PARAMETERS = (
        ("COMMUNITY_FIELD", "community"),
        ("SCORE_FIELD", "score"),
        ("SHARE_FIELD", "share"),
        ("SAMPLE_FIELD", "sample"),
        ("DATE_FIELD", "date"),
        ("CIRCLE_FIELD", "circle"),
    )

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Import satisfaction surveys")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Reads residents' satisfaction surveys (问效于民) per community, to set them against the target of "
            "90% satisfied (《全面推进城市一刻钟便民生活圈建设三年行动计划（2023—2025）》: 居民满意度达到90%以上).<br>"
            "<b>Input</b>: a survey table (CSV, TXT or Excel .xlsx, UTF-8 or GBK) or a layer, one row per community "
            "and survey.<br>"
            "<b>Community field</b>: the community id or name (matched with the communities layer when given).<br>"
            "<b>Score field</b> (optional): the mean score, 0–100.<br>"
            "<b>Share field</b> (optional): the share of respondents satisfied, 0–1 or a percentage (0.86, 86%). "
            "Give the score, the share or both.<br>"
            "<b>Sample size field</b> (optional): the number of respondents, a whole number.<br>"
            "<b>Date field</b> (optional): 2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date number.<br>"
            "<b>Circle field</b> (optional): the circle a survey is about, when it is about one circle.<br>"
            "<b>Communities</b> (optional): the workspace's communities (community_id, name); without it the "
            "community field is taken as the id.<br>"
            "<b>Workspace</b> (optional): a workspace GeoPackage path (or postgres:&lt;connection&gt;/&lt;schema&gt;); "
            "the results are added to its satisfaction table in one transaction: all rows or, on any failure, none.<br>"
            "Rows without a score or share, with a score outside 0–100, a share outside 0–1, a sample size that is "
            "not a whole number or a community that matches none are skipped; a date that cannot be read is left "
            "empty. Every problem is listed by row number (the spreadsheet's, header = row 1; the feature id for a "
            "layer).<br>"
            "<b>Output</b>: a table with community_id, circle_id, score, share_satisfied, sample_size, date and "
            "source (the input's name). Coverage per circle reads it (or the workspace table) as its Satisfaction "
            "input."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        labels = {
            "COMMUNITY_FIELD": self.tr("Community field"),
            "SCORE_FIELD": self.tr("Score field (0–100)"),
            "SHARE_FIELD": self.tr("Share satisfied field (0–1)"),
            "SAMPLE_FIELD": self.tr("Sample size field"),
            "DATE_FIELD": self.tr("Date field"),
            "CIRCLE_FIELD": self.tr("Circle field"),
        }
        self.add_input_parameters(self.tr("Survey table"), labels, self.tr("Communities"))
        self.addParameter(QgsProcessingParameterString(self.WORKSPACE, self.tr("Workspace"), optional=True))
        for parameter in self.reading_parameters(self.tr("Encoding"), self.tr("Sheet")):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Satisfaction surveys"), QgsProcessing.SourceType.TypeVector
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.needs.satisfaction import (
            SatisfactionColumns,
            SatisfactionInput,
            append_surveys,
            import_surveys,
            output_fields,
            survey_feature,
        )
        from fifteen_min_plugin.core.workspace.workspace import Workspace

        request = self.rows_input(parameters, context, SatisfactionInput, SatisfactionColumns)
        location = self.parameterAsString(parameters, self.WORKSPACE, context).strip()
        try:
            workspace = Workspace.open(location) if location else None
            surveys, report = import_surveys(request, feedback)
            if feedback.isCanceled():
                return {}  # a cancelled import writes nothing, to the workspace or the output
            if workspace is not None:
                append_surveys(workspace.layer("satisfaction"), surveys)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        if not surveys:
            return {}
        fields = output_fields()
        no_geometry = QgsWkbTypes.Type.NoGeometry
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, no_geometry, QgsCoordinateReferenceSystem())
        for survey in surveys:
            if not sink.addFeature(survey_feature(fields, survey), QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        if workspace is not None:
            done = self.tr(
                "{count} survey results imported from {name} and added to the workspace's satisfaction table."
            )
        else:
            done = self.tr("{count} survey results imported from {name}.")
        feedback.pushInfo(done.format(count=report.written, name=request.name))
        return {self.OUTPUT: dest_id}
