"""fifteenmin:importtable — facility spreadsheets (CSV/TXT/TSV/XLSX, UTF-8 or GBK) to WGS84 points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.chinacoords import OTHER_SYSTEM, SYSTEM_LABELS
from fifteen_min_plugin.core.facilities.table_import import ENCODING_LABELS, ENCODINGS, TableSource, import_table
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm, LazySink, advanced, record_history

#: the coordinate-system options: the Chinese web-map systems, then Other (SOURCE_CRS) at OTHER_SYSTEM
COORD_LABELS = (*SYSTEM_LABELS, "Other (SOURCE_CRS)")
WGS84_CRS = "EPSG:4326"


class ImportTableAlgorithm(FifteenMinAlgorithm):
    """Reads a spreadsheet of facilities and writes one WGS84 point per row with valid coordinates."""

    ID = "importtable"
    GROUP_ID = "import"
    REQUIRES = ("numpy",)
    INPUT = "INPUT"
    X_FIELD = "X_FIELD"
    Y_FIELD = "Y_FIELD"
    ENCODING = "ENCODING"
    COORD_SYSTEM = "COORD_SYSTEM"
    SOURCE_CRS = "SOURCE_CRS"
    SHEET = "SHEET"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Import facility table (CSV / Excel)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Turns a facility spreadsheet (for example a POI export from Amap, Baidu or Tencent) into a point "
            "layer in WGS84.<br>"
            "<b>Input table</b>: a CSV, TXT or TSV file (comma, tab, semicolon or pipe delimited, detected "
            "automatically) or an Excel .xlsx workbook. The first non-empty row is the header.<br>"
            "<b>X field</b> / <b>Y field</b>: the columns holding longitude (or easting) and latitude (or "
            "northing). Left empty they are guessed from common names (lon, lng, longitude, x, 经度, 坐标X…; "
            "lat, latitude, y, 纬度, 坐标Y…) and the log says which were guessed. A single column holding "
            "“lng,lat” as Amap exports it (location, 经纬度, e.g. “116.352,40.003”) is recognised too; to "
            "choose one yourself, enter its name in X field and leave Y field empty. Note that Chinese survey "
            "tables often call the northing X: choose the fields explicitly then.<br>"
            "<b>Encoding</b>: Auto tries UTF-8 (with or without BOM) and then GBK/GB18030, the encoding Excel "
            "uses for CSV on Chinese Windows, on the whole file; choose one to override. Ignored for .xlsx.<br>"
            "<b>Coordinate system</b>: what the coordinates really are. Amap (Gaode) and Tencent exports are "
            "GCJ-02, Baidu exports are BD-09; both are converted to WGS84 with the exact iterative inverse "
            "(within a millimetre), not the one-step approximation. WGS84 (and CGCS2000 longitude/latitude, "
            "equal at this scale) is kept as is. Other (SOURCE_CRS) reprojects from any coordinate reference "
            "system, such as a CGCS2000 Gauss-Krüger zone (e.g. EPSG:4547).<br>"
            "<b>Source CRS</b>: the CRS of the coordinates when the system is Other (SOURCE_CRS).<br>"
            "<b>Sheet</b> (advanced): the workbook sheet to read; empty reads the first sheet.<br>"
            "Rows whose coordinates are empty, not numbers, or out of range (longitude −180…180, latitude "
            "−90…90, e.g. X and Y swapped) are skipped and listed in the log by their row number as a "
            "spreadsheet shows it (the header is row 1): the first 20 and the total. A file that is empty, "
            "has only a header, uses another delimiter, has no recognisable coordinate columns, or is not a "
            "valid workbook stops the import with a message and writes nothing.<br>"
            "<b>Output</b>: points in EPSG:4326 with every column of the table as a text field under its own "
            "(Chinese) name, so codes keep their leading zeros; plus <i>coord_src</i> (the system of the file, "
            "or the SOURCE_CRS identifier) and <i>coord_conv</i> (the conversion applied, e.g. “GCJ-02→WGS84 "
            "(exact inverse)”). Both are also written to the output layer's metadata history. Every row is "
            "classified like Classify facilities does, from the name column (名称/name), the type column "
            "(类型/类别/type) and an Amap type code column (typecode) when present: <i>category</i>, "
            "<i>category_class</i>, <i>category_zh</i>, <i>matched_by</i> (empty category when nothing matched)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("Input table"),
                fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx);;All files (*.*)"),
            )
        )
        self.addParameter(QgsProcessingParameterString(self.X_FIELD, self.tr("X field (longitude)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.Y_FIELD, self.tr("Y field (latitude)"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ENCODING, self.tr("Encoding"), options=list(ENCODING_LABELS), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COORD_SYSTEM, self.tr("Coordinate system"), options=list(COORD_LABELS), defaultValue=1
            )
        )
        self.addParameter(QgsProcessingParameterCrs(self.SOURCE_CRS, self.tr("Source CRS"), optional=True))
        for parameter in advanced(QgsProcessingParameterString(self.SHEET, self.tr("Sheet"), optional=True)):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Facilities"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        other = self.parameterAsEnum(parameters, self.COORD_SYSTEM, context) == OTHER_SYSTEM
        if other and not self.parameterAsCrs(parameters, self.SOURCE_CRS, context).isValid():
            return False, self.tr("Coordinate system is Other (SOURCE_CRS): choose the source CRS.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        path = Path(self.parameterAsFile(parameters, self.INPUT, context))
        system = self.parameterAsEnum(parameters, self.COORD_SYSTEM, context)
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        if system == OTHER_SYSTEM and not source_crs.isValid():
            raise QgsProcessingException(self.tr("Coordinate system is Other (SOURCE_CRS): choose the source CRS."))
        table = TableSource(
            path,
            ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)],
            self.parameterAsString(parameters, self.SHEET, context).strip(),
            self.parameterAsString(parameters, self.X_FIELD, context).strip(),
            self.parameterAsString(parameters, self.Y_FIELD, context).strip(),
            system,
            source_crs if system == OTHER_SYSTEM else None,
            context.transformContext(),
        )
        target = QgsCoordinateReferenceSystem(WGS84_CRS)
        output = LazySink(self, parameters, self.OUTPUT, context, QgsWkbTypes.Type.Point, target)
        try:
            result = import_table(table, output.add, feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        if result is None:
            return {}
        feedback.pushInfo(
            self.tr("{count} facilities imported from {name}: {conversion}.").format(
                count=result.written, name=path.name, conversion=result.conversion_shown
            )
        )
        output.close()  # so its metadata can be recorded
        history = self.tr("Imported from {name} by fifteenmin:importtable; source {source}, {conversion}.").format(
            name=path.name, source=result.source_label, conversion=result.conversion_shown
        )
        record_history(output.dest_id, history, context, feedback)
        return {self.OUTPUT: output.dest_id}
