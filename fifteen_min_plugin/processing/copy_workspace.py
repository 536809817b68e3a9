"""fifteenmin:copyworkspace — copy a workspace GeoPackage ↔ PostGIS with its history, verified after the copy."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm


class CopyWorkspaceAlgorithm(FifteenMinAlgorithm):
    """Copies every table of one workspace into another backend's workspace in one transaction."""

    ID = "copyworkspace"
    GROUP_ID = "import"
    SOURCE = "SOURCE"
    TARGET = "TARGET"
    REPLACE = "REPLACE"
    OUTPUT = "OUTPUT"
    ROWS = "ROWS"
    DIFFERENCES = "DIFFERENCES"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Copy workspace (GeoPackage ↔ PostGIS)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Copies a whole workspace, history included, from a GeoPackage to a PostGIS schema or back (or between "
            "two of either), then reads both again and compares them.<br>"
            "<b>Source</b>: the workspace to copy: a GeoPackage file (<i>D:/plans/haidian.gpkg</i>) or a PostGIS "
            "schema written <i>postgres:&lt;saved connection&gt;/&lt;schema&gt;</i> (or "
            "<i>postgres:service=&lt;service&gt;/&lt;schema&gt;</i>). It is only read.<br>"
            "<b>Target</b>: where the copy goes, in the same forms. A file or schema that does not exist is created "
            "in the source's coordinate system; an existing one must be a workspace with no rows.<br>"
            "<b>Replace the target's rows</b>: copy into a target that holds rows, replacing all of them "
            "(its history included). Off by default, so nothing is overwritten by mistake.<br>"
            "Every row is written in one transaction on the target: a failure or a cancelled run leaves the target "
            "as it was. The history (asset and project events) and the row versions are copied as they are, not "
            "written anew; copying into PostGIS needs the rights of the schema's owner.<br>"
            "<b>Outputs</b>: <i>OUTPUT</i>, the target; <i>ROWS</i>, the rows copied; <i>DIFFERENCES</i>, what the "
            "verification found unequal (row counts, or rows whose attributes or geometry differ beyond the "
            "coordinate precision), empty when the copy is equal."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(QgsProcessingParameterString(self.SOURCE, self.tr("Source workspace")))
        self.addParameter(QgsProcessingParameterString(self.TARGET, self.tr("Target workspace")))
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPLACE, self.tr("Replace the target's rows"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Target workspace")))
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, self.tr("Rows copied")))
        self.addOutput(QgsProcessingOutputString(self.DIFFERENCES, self.tr("Differences found")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.workspace.copy import copy_workspace
        from fifteen_min_plugin.core.workspace.workspace import Workspace

        source_text = self.parameterAsString(parameters, self.SOURCE, context).strip()
        target_text = self.parameterAsString(parameters, self.TARGET, context).strip()
        replace = self.parameterAsBool(parameters, self.REPLACE, context)
        if not source_text or not target_text:
            raise QgsProcessingException(self.tr("Give both a source and a target workspace; nothing was copied."))
        try:
            source = Workspace.open(source_text)
            report = copy_workspace(source, target_text, replace, feedback.setProgress, feedback.isCanceled)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        feedback.setProgress(100.0)
        feedback.pushInfo(
            self.tr("Copied {rows} rows from {source} to {target}.").format(
                rows=f"{report.total:,}", source=source.path, target=report.target.path
            )
        )
        for sentence in report.differences:
            feedback.reportError(sentence, False)
        if not report.differences:
            feedback.pushInfo(self.tr("The copy was verified: every table has the same rows as the source."))
        return {
            self.OUTPUT: str(report.target.path),
            self.ROWS: report.total,
            self.DIFFERENCES: " ".join(report.differences),
        }
