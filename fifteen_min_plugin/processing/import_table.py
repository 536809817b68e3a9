"""fifteenmin:importtable — facility spreadsheets (CSV/TXT/TSV/XLSX, UTF-8 or GBK) to WGS84 points."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.classify import CATEGORY_FIELDS, ClassificationLog, Classifier
from fifteen_min_plugin.core.facilities.table_reader import (
    AUTO,
    GB18030,
    UTF8,
    BadRows,
    CoordinateColumns,
    PointBatch,
    TableError,
    TableReader,
    coordinate_columns,
    lonlat_problem,
    point_batches,
)
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm
from fifteen_min_plugin.processing.convert_coords import (
    CONVERSION_FIELD,
    CORE_SYSTEMS,
    SOURCE_FIELD,
    SYSTEM_LABELS,
    conversion_label,
    conversion_shown,
    record_history,
)

ENCODING_LABELS = ("Auto", "UTF-8", "GBK/GB18030")
ENCODINGS = (AUTO, UTF8, GB18030)
#: how the log names each codec the reader may choose
CODEC_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "gb18030": "GBK/GB18030", "utf-16": "UTF-16"}
COORD_LABELS = (*SYSTEM_LABELS, "Other (SOURCE_CRS)")
OTHER = len(SYSTEM_LABELS)
WGS84_CRS = "EPSG:4326"
#: rows converted and written per vectorised call
BATCH_SIZE = 10000
#: skipped rows named in the summary sentence (each one is listed on its own line after it)
SHOWN_ROWS = 10
NAME_COLUMNS = ("名称", "name", "店名", "商户名称", "poi名称", "title", "设施名称")
TYPE_COLUMNS = ("类型", "类别", "分类", "业态", "行业", "type", "category", "设施类型")
TYPECODE_COLUMNS = ("typecode", "类型编码", "分类编码", "type_code")


@dataclass(frozen=True)
class RowLabels:
    """Which spreadsheet columns name a facility, describe its type, or carry an Amap type code."""

    name: Optional[int]
    kind: Optional[int]
    typecode: Optional[int]

    @classmethod
    def find(cls, columns: list[str]) -> RowLabels:
        """Guess the columns from the names Chinese exports use."""
        lowered = [column.strip().lower() for column in columns]

        def first(candidates: tuple[str, ...]) -> Optional[int]:
            return next((lowered.index(c) for c in candidates if c in lowered), None)

        return cls(first(NAME_COLUMNS), first(TYPE_COLUMNS), first(TYPECODE_COLUMNS))

    def record(self, row: list[Optional[str]]) -> dict[str, str]:
        """What the classifier reads: the name and type text as keywords, the Amap code as a type code."""
        text = " ".join(row[i] or "" for i in (self.kind, self.name) if i is not None)
        code = row[self.typecode] or "" if self.typecode is not None else ""
        kind = (row[self.kind] or "").strip() if self.kind is not None else ""
        if not code and kind.replace("|", "").isdigit():  # Amap exports put the 6-digit code in 类型
            code = kind
        return {"name": text, "typecode": code}


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
        sheet = QgsProcessingParameterString(self.SHEET, self.tr("Sheet"), optional=True)
        sheet.setFlags(sheet.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(sheet)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Facilities"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        other = self.parameterAsEnum(parameters, self.COORD_SYSTEM, context) == OTHER
        if other and not self.parameterAsCrs(parameters, self.SOURCE_CRS, context).isValid():
            return False, self.tr("Coordinate system is Other (SOURCE_CRS): choose the source CRS.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        path = Path(self.parameterAsFile(parameters, self.INPUT, context))
        system = self.parameterAsEnum(parameters, self.COORD_SYSTEM, context)
        target = QgsCoordinateReferenceSystem(WGS84_CRS)
        transform: Optional[QgsCoordinateTransform] = None
        if system == OTHER:
            source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
            if not source_crs.isValid():
                raise QgsProcessingException(self.tr("Coordinate system is Other (SOURCE_CRS): choose the source CRS."))
            transform = QgsCoordinateTransform(source_crs, target, context.transformContext())
            source_label = source_crs.authid() or source_crs.description()
            conversion = self.tr("{source}→EPSG:4326 (QGIS transform)").format(source=source_label)
            shown = conversion
            lonlat = source_crs.isGeographic()
        else:
            source_label = SYSTEM_LABELS[system]
            conversion = conversion_label(system, 0) if system else self.tr("none (already WGS84)")
            shown = conversion_shown(system, 0) if system else conversion
            lonlat = True
        bad = BadRows()
        classifier = Classifier.default()
        counts: Counter = Counter()
        try:
            with TableReader(
                path,
                ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)],
                self.parameterAsString(parameters, self.SHEET, context).strip(),
            ) as reader:
                coordinates = coordinate_columns(
                    reader.columns,
                    self.parameterAsString(parameters, self.X_FIELD, context).strip(),
                    self.parameterAsString(parameters, self.Y_FIELD, context).strip(),
                )
                self._describe(reader, coordinates, feedback)
                ours = (SOURCE_FIELD, CONVERSION_FIELD, *CATEGORY_FIELDS)
                kept = [i for i, name in enumerate(reader.columns) if name not in ours]
                fields = QgsFields()
                for i in kept:
                    fields.append(new_field(self._field_name(reader.columns[i], reader.columns, feedback), "text"))
                for name in ours:
                    fields.append(new_field(name, "text"))
                extra = [source_label, conversion]
                labels = RowLabels.find(reader.columns)
                self._describe_labels(reader.columns, labels, feedback)
                sink = None
                dest_id = ""
                written = 0
                for batch in point_batches(reader, coordinates, lonlat, bad, BATCH_SIZE):
                    if feedback.isCanceled():
                        break
                    lon, lat = self._to_wgs84(batch, system, transform, bad)
                    if sink is None and not all(math.isnan(x) for x in lon):
                        sink, dest_id = self.parameterAsSink(
                            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, target
                        )
                        if sink is None:
                            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
                    if sink is not None:
                        written += self._write(
                            sink,
                            QgsFeature(fields),
                            (lon, lat, batch.attributes),
                            (kept, extra, labels, classifier, counts),
                            parameters,
                        )
                    feedback.setProgress(100.0 * reader.progress())
                long_rows = reader.long_rows
                undecodable, encoding_label = reader.undecodable, reader.encoding_label()
        except TableError as error:
            raise self.refuse(error, feedback) from error
        self._report(bad, long_rows, written, feedback)
        if undecodable.count:
            feedback.pushWarning(
                self.tr(
                    "{count} rows were skipped because their text is not valid {encoding} (rows {rows}); the other "
                    "rows were imported."
                ).format(
                    count=undecodable.count,
                    encoding=encoding_label,
                    rows=", ".join(str(row) for row, _ in undecodable.first),
                )
            )
        if written:
            ClassificationLog.push(feedback, classifier, counts, written)
        if sink is None:
            if feedback.isCanceled():
                return {}
            if not bad.count:
                raise QgsProcessingException(
                    self.tr("{name} has a header row but no data rows; nothing was imported.").format(name=path.name)
                )
            raise QgsProcessingException(
                self.tr(
                    "None of the {count} rows of {name} has usable coordinates (first: row {row}, {reason}); "
                    "check the X and Y fields and the coordinate system. Nothing was imported."
                ).format(count=bad.count, name=path.name, row=bad.first[0][0], reason=bad.first[0][1])
            )
        feedback.pushInfo(
            self.tr("{count} facilities imported from {name}: {conversion}.").format(
                count=written, name=path.name, conversion=shown
            )
        )
        del sink  # closes the output so its metadata can be recorded
        history = self.tr("Imported from {name} by fifteenmin:importtable; source {source}, {conversion}.").format(
            name=path.name, source=source_label, conversion=shown
        )
        record_history(dest_id, history, context, feedback)
        return {self.OUTPUT: dest_id}

    def _write(
        self,
        sink: QgsFeatureSink,
        feature: QgsFeature,
        batch: tuple[list[float], list[float], list[list[Optional[str]]]],
        how: tuple[list[int], list[str], RowLabels, Classifier, Counter],
        parameters: dict[str, Any],
    ) -> int:
        """Write one classified point per row whose coordinates converted (NaN marks the others); return the count.

        One feature is refilled for every row: the sink copies it, and this is twice as fast as a list.
        """
        lon, lat, rows = batch
        kept, extra, labels, classifier, counts = how
        every_column = len(kept) == len(rows[0])
        written = 0
        for x, y, attributes in zip(lon, lat, rows):
            if math.isnan(x):
                continue
            category = classifier.attributes(labels.record(attributes))
            counts[category[0]] += 1
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes((attributes if every_column else [attributes[i] for i in kept]) + extra + category)
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            written += 1
        return written

    def _field_name(self, column: str, columns: list[str], feedback: QgsProcessingFeedback) -> str:
        """The output field of `column`: a column named fid is renamed, as a GeoPackage keeps fid for itself."""
        if column.lower() != "fid":
            return column
        renamed = next(name for name in (f"orig_fid{n or ''}" for n in range(len(columns) + 1)) if name not in columns)
        feedback.pushInfo(
            self.tr("The column “{column}” is written as {field}: a GeoPackage numbers its rows in fid.").format(
                column=column, field=renamed
            )
        )
        return renamed

    def _describe_labels(self, columns: list[str], labels: RowLabels, feedback: QgsProcessingFeedback) -> None:
        """Log which columns the classification reads."""
        used = ", ".join(columns[i] for i in (labels.name, labels.kind, labels.typecode) if i is not None)
        feedback.pushInfo(
            self.tr("Facility categories are read from: {columns}.").format(columns=used or self.tr("no column"))
        )

    def _describe(self, reader: TableReader, coordinates: CoordinateColumns, feedback: QgsProcessingFeedback) -> None:
        """Log how the file was read and which coordinate columns were guessed."""
        if reader.sheet:
            feedback.pushInfo(self.tr("Reading sheet {sheet}.").format(sheet=reader.sheet))
        else:
            delimiter = {"\t": "tab"}.get(reader.delimiter, reader.delimiter)
            feedback.pushInfo(
                self.tr("Reading {encoding} text delimited by “{delimiter}”.").format(
                    encoding=CODEC_LABELS[reader.encoding], delimiter=delimiter
                )
            )
        x_name = reader.columns[coordinates.x]
        if coordinates.combined:
            message = self.tr("Coordinates: column {x} holds “longitude,latitude”{guessed}.")
            feedback.pushInfo(message.format(x=x_name, guessed=self.tr(" (guessed)") if coordinates.guessed_x else ""))
            return
        y_name = reader.columns[coordinates.y]
        guessed = [name for name, flag in ((x_name, coordinates.guessed_x), (y_name, coordinates.guessed_y)) if flag]
        feedback.pushInfo(self.tr("Coordinates: X from {x}, Y from {y}.").format(x=x_name, y=y_name))
        if guessed:
            feedback.pushInfo(self.tr("Guessed from the column names: {names}.").format(names=", ".join(guessed)))

    def _to_wgs84(
        self, batch: PointBatch, system: int, transform: Optional[QgsCoordinateTransform], bad: BadRows
    ) -> tuple[list[float], list[float]]:
        """The batch's coordinates in WGS84; rows that cannot be transformed become NaN and go to `bad`."""
        if transform is None:
            lon, lat = chinacoords.convert(batch.x, batch.y, CORE_SYSTEMS[system], chinacoords.WGS84)
            return lon.tolist(), lat.tolist()
        lon_list: list[float] = []
        lat_list: list[float] = []
        for row, x, y in zip(batch.rows, batch.x.tolist(), batch.y.tolist()):
            try:
                point = transform.transform(QgsPointXY(x, y))
                problem = lonlat_problem(point.x(), point.y()) if math.isfinite(point.x() + point.y()) else "nan"
            except QgsCsException:
                problem = "nan"
            if problem:
                bad.add(row, self.tr("X {x} / Y {y} cannot be transformed to WGS84").format(x=x, y=y))
                lon_list.append(math.nan)
                lat_list.append(math.nan)
            else:
                lon_list.append(point.x())
                lat_list.append(point.y())
        return lon_list, lat_list

    def _report(self, bad: BadRows, long_rows: BadRows, written: int, feedback: QgsProcessingFeedback) -> None:
        """Warn about every skipped row (first 20 by row number, and the count) and about cut-off values."""
        if bad.count:
            rows = ", ".join(str(row) for row, _ in bad.first[:SHOWN_ROWS]) + (", …" if bad.count > SHOWN_ROWS else "")
            feedback.pushWarning(
                self.tr("{written} rows imported, {count} skipped because of their coordinates (rows {rows}).").format(
                    count=bad.count, written=written, rows=rows
                )
            )
            for row, reason in bad.first:
                feedback.pushWarning(self.tr("Row {row}: {reason}.").format(row=row, reason=reason))
            if bad.count > len(bad.first):
                feedback.pushWarning(self.tr("… and {more} more rows.").format(more=bad.count - len(bad.first)))
        if long_rows.count:
            rows = ", ".join(str(row) for row, _ in long_rows.first)
            feedback.pushWarning(
                self.tr(
                    "{count} rows have more values than the header has columns; the extra values were not "
                    "imported (rows {rows})."
                ).format(count=long_rows.count, rows=rows)
            )
