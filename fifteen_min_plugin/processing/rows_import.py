"""The shared shape of the imports that read a spreadsheet or a layer row by row (needs, satisfaction surveys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.facilities.table_import import ENCODING_LABELS, ENCODINGS
from fifteen_min_plugin.core.needs.needs_import import RowsInput, is_table_file
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm, advanced

Request = TypeVar("Request", bound=RowsInput)


class RowsImportAlgorithm(FifteenMinAlgorithm):
    """Base of a rows import: INPUT, a field parameter per column, COMMUNITIES, ENCODING and SHEET.

    INPUT is a spreadsheet path or a layer; subclasses set COLUMN_PARAMETERS and add their own parameters.
    """

    INPUT = "INPUT"
    COMMUNITIES = "COMMUNITIES"
    ENCODING = "ENCODING"
    SHEET = "SHEET"
    OUTPUT = "OUTPUT"
    #: (parameter name, attribute of the columns dataclass), in the dataclass's order
    COLUMN_PARAMETERS: tuple[tuple[str, str], ...] = ()

    def add_input_parameters(self, input_label: str, labels: dict[str, str], communities_label: str) -> None:
        """INPUT, a field parameter per column (labelled by `labels`) and COMMUNITIES."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, input_label, [QgsProcessing.SourceType.TypeVector])
        )
        for name, _ in self.COLUMN_PARAMETERS:
            self.addParameter(
                # all optional for Processing: a spreadsheet's columns are checked against its decoded header
                QgsProcessingParameterField(name, labels[name], parentLayerParameterName=self.INPUT, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNITIES, communities_label, [QgsProcessing.SourceType.TypeVector], optional=True
            )
        )

    def reading_parameters(self, encoding_label: str, sheet_label: str) -> list[QgsProcessingParameterDefinition]:
        """ENCODING and SHEET, flagged advanced, for the subclass to add."""
        encoding = QgsProcessingParameterEnum(
            self.ENCODING, encoding_label, options=list(ENCODING_LABELS), defaultValue=0
        )
        return list(advanced(encoding, QgsProcessingParameterString(self.SHEET, sheet_label, optional=True)))

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        if is_table_file(self.parameterAsString(parameters, self.INPUT, context)):
            # a spreadsheet's columns are checked against its header as the table reader decodes it (GBK too)
            parameters = {**parameters, **{name: None for name, _ in self.COLUMN_PARAMETERS}}
        return super().checkParameterValues(parameters, context)

    def rows_input(
        self, parameters: dict[str, Any], context: QgsProcessingContext, kind: type[Request], columns_kind: type
    ) -> Request:
        """The import's `kind` of input: the spreadsheet or layer, the chosen `columns_kind` and the communities."""
        given = self.parameterAsString(parameters, self.INPUT, context)
        columns = columns_kind(
            **{key: self.parameterAsString(parameters, name, context).strip() for name, key in self.COLUMN_PARAMETERS}
        )
        table = is_table_file(given)
        layer = None if table else self.source(parameters, self.INPUT, context)
        return kind(
            Path(given).name if table else layer.sourceName(),
            columns,
            path=Path(given) if table else None,
            layer=layer,
            encoding=ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)],
            sheet=self.parameterAsString(parameters, self.SHEET, context).strip(),
            communities=self.parameterAsSource(parameters, self.COMMUNITIES, context),
            transform_context=context.transformContext(),
        )
