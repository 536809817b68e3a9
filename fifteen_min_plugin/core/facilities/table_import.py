"""Facility spreadsheets to classified WGS84 points: the orchestration of fifteenmin:importtable.

The file is read by core/facilities/table_reader.py; here its coordinates are converted (GCJ-02/BD-09 by the
exact inverse, any other CRS by a QGIS transform), every row is classified from its name, type and Amap type
code columns, and the rows skipped or cut are reported. Points go to the caller one at a time.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.classify import CATEGORY_FIELDS, ClassificationLog, Classifier
from fifteen_min_plugin.core.facilities.table_reader import (
    AUTO,
    GB18030,
    UTF8,
    BadRows,
    CoordinateColumns,
    PointBatch,
    TableReader,
    coordinate_columns,
    lonlat_problem,
    point_batches,
)
from fifteen_min_plugin.core.labels import conversion_shown
from fifteen_min_plugin.core.language import Messages

WGS84_CRS = "EPSG:4326"
#: the encoding options of the import algorithm and page, and the reader's codec for each
ENCODING_LABELS = ("Auto", "UTF-8", "GBK/GB18030")
ENCODINGS = (AUTO, UTF8, GB18030)
#: how the log names each codec the reader may choose
CODEC_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "gb18030": "GBK/GB18030", "utf-16": "UTF-16"}
#: rows converted and written per vectorised call
BATCH_SIZE = 10000
#: skipped rows named in the summary sentence (each one is listed on its own line after it)
SHOWN_ROWS = 10
NAME_COLUMNS = ("名称", "name", "店名", "商户名称", "poi名称", "title", "设施名称")
TYPE_COLUMNS = ("类型", "类别", "分类", "业态", "行业", "type", "category", "设施类型")
TYPECODE_COLUMNS = ("typecode", "类型编码", "分类编码", "type_code")


class TableImportMessages(Messages):
    """Translation context of this module's messages."""


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


@dataclass
class TableSource:
    """The plain values of one import: the file, how to read it and what its coordinates are."""

    path: Path
    encoding: str
    sheet: str
    x_field: str
    y_field: str
    #: an index of chinacoords.SYSTEM_LABELS, or chinacoords.OTHER_SYSTEM with `source_crs`
    system: int
    source_crs: Optional[QgsCoordinateReferenceSystem]
    transform_context: QgsCoordinateTransformContext


@dataclass
class TableImportResult:
    """What an import wrote: how many points, the source system's label and the conversion in words."""

    written: int
    source_label: str
    conversion_shown: str


class _Conversion:
    """How a table's coordinates reach WGS84: the stored labels and, for another CRS, the QGIS transform."""

    def __init__(self, table: TableSource) -> None:
        self.system = table.system
        self.transform: Optional[QgsCoordinateTransform] = None
        if table.system == chinacoords.OTHER_SYSTEM:
            crs = table.source_crs or QgsCoordinateReferenceSystem()
            target = QgsCoordinateReferenceSystem(WGS84_CRS)
            self.transform = QgsCoordinateTransform(crs, target, table.transform_context)
            self.source_label = crs.authid() or crs.description()
            self.label = TableImportMessages.tr("{source}→EPSG:4326 (QGIS transform)").format(source=self.source_label)
            self.shown = self.label
            self.lonlat = crs.isGeographic()
        else:
            self.source_label = chinacoords.SYSTEM_LABELS[table.system]
            none = TableImportMessages.tr("none (already WGS84)")
            self.label = chinacoords.conversion_label(table.system, 0) if table.system else none
            self.shown = conversion_shown(table.system, 0) if table.system else self.label
            self.lonlat = True

    def to_wgs84(self, batch: PointBatch, bad: BadRows) -> tuple[list[float], list[float]]:
        """The batch's coordinates in WGS84; rows that cannot be transformed become NaN and go to `bad`."""
        if self.transform is None:
            system = chinacoords.SYSTEMS[self.system]
            lon, lat = chinacoords.convert(batch.x, batch.y, system, chinacoords.WGS84)
            return lon.tolist(), lat.tolist()
        lon_list: list[float] = []
        lat_list: list[float] = []
        for row, x, y in zip(batch.rows, batch.x.tolist(), batch.y.tolist()):
            try:
                point = self.transform.transform(QgsPointXY(x, y))
                problem = lonlat_problem(point.x(), point.y()) if math.isfinite(point.x() + point.y()) else "nan"
            except QgsCsException:
                problem = "nan"
            if problem:
                bad.add(row, TableImportMessages.tr("X {x} / Y {y} cannot be transformed to WGS84").format(x=x, y=y))
                lon_list.append(math.nan)
                lat_list.append(math.nan)
            else:
                lon_list.append(point.x())
                lat_list.append(point.y())
        return lon_list, lat_list


def _field_name(column: str, columns: list[str], feedback: QgsProcessingFeedback) -> str:
    """The output field of `column`: a column named fid is renamed, as a GeoPackage keeps fid for itself."""
    if column.lower() != "fid":
        return column
    renamed = next(name for name in (f"orig_fid{n or ''}" for n in range(len(columns) + 1)) if name not in columns)
    feedback.pushInfo(
        TableImportMessages.tr(
            "The column “{column}” is written as {field}: a GeoPackage numbers its rows in fid."
        ).format(column=column, field=renamed)
    )
    return renamed


def _describe_labels(columns: list[str], labels: RowLabels, feedback: QgsProcessingFeedback) -> None:
    """Log which columns the classification reads."""
    used = ", ".join(columns[i] for i in (labels.name, labels.kind, labels.typecode) if i is not None)
    feedback.pushInfo(
        TableImportMessages.tr("Facility categories are read from: {columns}.").format(
            columns=used or TableImportMessages.tr("no column")
        )
    )


def _describe(reader: TableReader, coordinates: CoordinateColumns, feedback: QgsProcessingFeedback) -> None:
    """Log how the file was read and which coordinate columns were guessed."""
    if reader.sheet:
        feedback.pushInfo(TableImportMessages.tr("Reading sheet {sheet}.").format(sheet=reader.sheet))
    else:
        delimiter = {"\t": "tab"}.get(reader.delimiter, reader.delimiter)
        feedback.pushInfo(
            TableImportMessages.tr("Reading {encoding} text delimited by “{delimiter}”.").format(
                encoding=CODEC_LABELS[reader.encoding], delimiter=delimiter
            )
        )
    x_name = reader.columns[coordinates.x]
    if coordinates.combined:
        message = TableImportMessages.tr("Coordinates: column {x} holds “longitude,latitude”{guessed}.")
        guessed = TableImportMessages.tr(" (guessed)") if coordinates.guessed_x else ""
        feedback.pushInfo(message.format(x=x_name, guessed=guessed))
        return
    y_name = reader.columns[coordinates.y]
    guessed = [name for name, flag in ((x_name, coordinates.guessed_x), (y_name, coordinates.guessed_y)) if flag]
    feedback.pushInfo(TableImportMessages.tr("Coordinates: X from {x}, Y from {y}.").format(x=x_name, y=y_name))
    if guessed:
        feedback.pushInfo(
            TableImportMessages.tr("Guessed from the column names: {names}.").format(names=", ".join(guessed))
        )


def _report(bad: BadRows, long_rows: BadRows, written: int, feedback: QgsProcessingFeedback) -> None:
    """Warn about every skipped row (first 20 by row number, and the count) and about cut-off values."""
    if bad.count:
        rows = ", ".join(str(row) for row, _ in bad.first[:SHOWN_ROWS]) + (", …" if bad.count > SHOWN_ROWS else "")
        feedback.pushWarning(
            TableImportMessages.tr(
                "{written} rows imported, {count} skipped because of their coordinates (rows {rows})."
            ).format(count=bad.count, written=written, rows=rows)
        )
        for row, reason in bad.first:
            feedback.pushWarning(TableImportMessages.tr("Row {row}: {reason}.").format(row=row, reason=reason))
        if bad.count > len(bad.first):
            feedback.pushWarning(
                TableImportMessages.tr("… and {more} more rows.").format(more=bad.count - len(bad.first))
            )
    if long_rows.count:
        rows = ", ".join(str(row) for row, _ in long_rows.first)
        feedback.pushWarning(
            TableImportMessages.tr(
                "{count} rows have more values than the header has columns; the extra values were not "
                "imported (rows {rows})."
            ).format(count=long_rows.count, rows=rows)
        )


def _output_fields(columns: list[str], feedback: QgsProcessingFeedback) -> tuple[list[int], QgsFields]:
    """The columns kept (those not named like an output field) and the output fields, all text."""
    ours = (chinacoords.SOURCE_FIELD, chinacoords.CONVERSION_FIELD, *CATEGORY_FIELDS)
    kept = [i for i, name in enumerate(columns) if name not in ours]
    fields = QgsFields()
    for i in kept:
        fields.append(new_field(_field_name(columns[i], columns, feedback), "text"))
    for name in ours:
        fields.append(new_field(name, "text"))
    return kept, fields


def import_table(
    table: TableSource, add: Callable[[QgsFeature], None], feedback: QgsProcessingFeedback
) -> Optional[TableImportResult]:
    """Read `table` and hand every classified WGS84 point to `add` (one feature, refilled for every row).

    None when cancelled before any point; TableError (a FifteenMinError) when the file cannot be read, and
    FifteenMinError when no row has usable coordinates.
    """
    conversion = _Conversion(table)
    bad = BadRows()
    classifier = Classifier.default()
    counts: Counter = Counter()
    written = 0
    with TableReader(table.path, table.encoding, table.sheet) as reader:
        coordinates = coordinate_columns(reader.columns, table.x_field, table.y_field)
        _describe(reader, coordinates, feedback)
        kept, fields = _output_fields(reader.columns, feedback)
        extra = [conversion.source_label, conversion.label]
        labels = RowLabels.find(reader.columns)
        _describe_labels(reader.columns, labels, feedback)
        feature = QgsFeature(fields)  # one feature refilled for every row: twice as fast as a list
        for batch in point_batches(reader, coordinates, conversion.lonlat, bad, BATCH_SIZE):
            if feedback.isCanceled():
                break
            lon, lat = conversion.to_wgs84(batch, bad)
            every_column = batch.attributes and len(kept) == len(batch.attributes[0])
            for x, y, attributes in zip(lon, lat, batch.attributes):
                if math.isnan(x):
                    continue
                category = classifier.attributes(labels.record(attributes))
                counts[category[0]] += 1
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
                feature.setAttributes(
                    (attributes if every_column else [attributes[i] for i in kept]) + extra + category
                )
                add(feature)
                written += 1
            feedback.setProgress(100.0 * reader.progress())
        long_rows = reader.long_rows
        undecodable, encoding_label = reader.undecodable, reader.encoding_label()
    _report(bad, long_rows, written, feedback)
    if undecodable.count:
        feedback.pushWarning(
            TableImportMessages.tr(
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
        return TableImportResult(written, conversion.source_label, conversion.shown)
    if feedback.isCanceled():
        return None
    name = table.path.name
    if not bad.count:
        raise FifteenMinError(
            TableImportMessages.tr("{name} has a header row but no data rows; nothing was imported.").format(name=name)
        )
    raise FifteenMinError(
        TableImportMessages.tr(
            "None of the {count} rows of {name} has usable coordinates (first: row {row}, {reason}); "
            "check the X and Y fields and the coordinate system. Nothing was imported."
        ).format(count=bad.count, name=name, row=bad.first[0][0], reason=bad.first[0][1])
    )
