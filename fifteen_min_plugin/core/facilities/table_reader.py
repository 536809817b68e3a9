"""Streaming reader for facility spreadsheets: CSV/TXT/TSV in UTF-8 or GBK/GB18030, and XLSX.

A `TableReader` resolves the encoding (strict decodes of the whole file's bytes, UTF-8 first, then
GB18030, the superset of GBK that Excel on Chinese Windows writes), sniffs the delimiter, reads the header
row and then yields one record at a time with its row number as a spreadsheet shows it (header = row 1), so
memory does not grow with the file. `coordinate_columns` guesses the X/Y (or combined "lng,lat") columns
and `point_batches` turns records into arrays of coordinates plus text attributes, collecting bad rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Optional

import numpy as np

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

AUTO = "auto"
UTF8 = "utf-8"
GB18030 = "gb18030"
#: codecs tried in order when the encoding is AUTO (a UTF-8 BOM or UTF-16 BOM decides at once)
AUTO_ORDER = (UTF8, GB18030)
DELIMITERS = ",\t;|"
SAMPLE_CHARS = 65536
CHUNK_BYTES = 1 << 18
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_REPORTED = 20
#: Auto still reads a file of which at most this share of lines is not valid text; those rows are skipped
MAX_BAD_LINE_SHARE = 0.05
#: what Python's surrogateescape error handler makes of an undecodable byte
_UNDECODED = re.compile("[\udc80-\udcff]")

_X_NAMES = {"lon", "lng", "long", "longitude", "x", "经度", "坐标x", "x坐标", "pointx", "东经", "lon84", "lng84"}
_Y_NAMES = {"lat", "latitude", "y", "纬度", "坐标y", "y坐标", "pointy", "北纬", "lat84"}
_XY_NAMES = {
    "location",
    "lnglat",
    "lonlat",
    "经纬度",
    "经纬度坐标",
    "坐标",
    "位置坐标",
    "坐标经纬度",
    "coordinates",
    "coordinate",
    "xy",
}
_NOISE = re.compile(r"[(\[（【].*?[)\]）】]|[\s_\-.,，/]")
_PAIR_SEPARATOR = re.compile(r"[,，;；\s]+")


class TableMessages(Messages):
    """Translation context of this module's messages."""


class TableError(FifteenMinError):
    """The table cannot be read as a facility list; nothing was imported."""


@dataclass(frozen=True)
class CoordinateColumns:
    """Where the coordinates are: `x`/`y` column indexes, or `y` None when `x` holds "lng,lat"."""

    x: int
    y: Optional[int]
    guessed_x: bool
    guessed_y: bool

    @property
    def combined(self) -> bool:
        """True when one column holds both coordinates."""
        return self.y is None


@dataclass
class BadRows:
    """Rows skipped for their coordinates: the first `MAX_REPORTED` with the reason, and the total."""

    first: list[tuple[int, str]] = field(default_factory=list)
    count: int = 0

    def add(self, row: int, reason: str) -> None:
        """Record one skipped row."""
        self.count += 1
        if len(self.first) < MAX_REPORTED:
            self.first.append((row, reason))


@dataclass
class PointBatch:
    """Consecutive valid rows: their row numbers, coordinates and text attributes (one per column)."""

    rows: list[int]
    x: np.ndarray
    y: np.ndarray
    attributes: list[list[Optional[str]]]


def _decodes(path: Path, encoding: str) -> Optional[int]:
    """None when the whole file decodes strictly in `encoding`, else the 1-based line of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lines = 1
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                return lines + chunk.count(b"\n", 0, error.start)
            if not chunk:
                return None
            lines += chunk.count(b"\n")


def _bad_lines(path: Path, encoding: str) -> tuple[int, int]:
    """(lines that do not decode in `encoding`, all lines); neither UTF-8 nor GB18030 has 0x0A inside a character."""
    bad = total = 0
    with path.open("rb") as handle:
        for line in handle:
            total += 1
            try:
                line.decode(encoding)
            except UnicodeDecodeError:
                bad += 1
    return bad, total


def detect_encoding(path: Path, requested: str = AUTO) -> str:
    """The Python codec that decodes the whole file: `requested` if it does, else the first of UTF-8, GB18030."""
    return choose_encoding(path, requested)[0]


def choose_encoding(path: Path, requested: str = AUTO) -> tuple[str, bool]:
    """The codec for the file, and whether some of its lines do not decode (Auto only; those rows are skipped).

    Auto takes the first of UTF-8 and GB18030 that decodes every byte; failing that, the one with the fewest
    bad lines, if they are at most MAX_BAD_LINE_SHARE of the file (a few damaged rows in a GBK export).
    """
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8) and requested in (AUTO, UTF8):
        return "utf-8-sig", False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and requested == AUTO:
        return "utf-16", False
    if requested != AUTO:
        line = _decodes(path, requested)
        if line is not None:
            label = "UTF-8" if requested == UTF8 else "GBK/GB18030"
            raise TableError(
                TableMessages.tr(
                    "The file is not valid {encoding} text (line {line}); choose another encoding or Auto."
                ).format(encoding=label, line=line)
            )
        return requested, False
    for encoding in AUTO_ORDER:
        if _decodes(path, encoding) is None:
            return encoding, False
    counts = {encoding: _bad_lines(path, encoding) for encoding in AUTO_ORDER}
    encoding = min(AUTO_ORDER, key=lambda name: counts[name][0])
    bad, total = counts[encoding]
    if bad <= MAX_BAD_LINE_SHARE * total:
        return encoding, True
    raise TableError(
        TableMessages.tr(
            "The file is neither UTF-8 nor GBK/GB18030 text; save it from Excel as CSV (UTF-8) or as .xlsx."
        )
    )


def sniff_delimiter(sample: str) -> str:
    """The delimiter among comma, tab, semicolon and pipe: csv.Sniffer if it splits the header, else counting."""
    lines = [line for line in sample.splitlines() if line.strip()]
    if not lines:
        return ","
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and len(next(csv.reader([lines[0]], delimiter=sniffed))) > 1:
        return sniffed

    def score(delimiter: str) -> tuple[int, int]:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        return sum(width == widths[0] for width in widths) if widths[0] > 1 else 0, widths[0]

    return max(DELIMITERS, key=score)


def cell_text(value: Any) -> Optional[str]:
    """A cell as text, NULL when empty; integral floats lose their ".0" and dates use ISO 8601."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def _unique_names(raw: list[Any]) -> list[str]:
    """Header cells as field names: trimmed, `field_N` when empty, `_2`, `_3`… when repeated (any case)."""
    names: list[str] = []
    seen: set[str] = set()
    for number, value in enumerate(raw, start=1):
        base = (cell_text(value) or "").strip().lstrip("\ufeff") or f"field_{number}"
        name, suffix = base, 2
        while name.lower() in seen:
            name, suffix = f"{base}_{suffix}", suffix + 1
        seen.add(name.lower())
        names.append(name)
    return names


class TableReader:
    """One open spreadsheet: `columns`, `encoding`, `delimiter` and `records()`; use as a context manager."""

    def __init__(self, path: Path | str, encoding: str = AUTO, sheet: str = "") -> None:
        self.path = Path(path)
        self.encoding = ""
        self.delimiter = ""
        self.sheet = ""
        self.long_rows = BadRows()
        #: rows skipped because some of their bytes are not text in `encoding` (Auto, mostly valid files)
        self.undecodable = BadRows()
        self._lenient = False
        self._records: Iterator[tuple[int, list[str]]]
        self._handle: Any = None
        self._text: Optional[io.TextIOWrapper] = None
        self._workbook: Any = None
        self._done = 0.0
        self._estimate = 0
        if not self.path.is_file():
            raise TableError(TableMessages.tr("The file {path} does not exist.").format(path=self.path))
        suffix = self.path.suffix.lower()
        if suffix == ".xls":
            raise TableError(
                TableMessages.tr("Old Excel .xls files cannot be read; save the sheet as .xlsx or CSV in Excel.")
            )
        rows = self._open_xlsx(sheet) if suffix in XLSX_SUFFIXES else self._open_text(encoding)
        number = 0
        try:
            for number, row in rows:
                if "".join(row).strip():
                    if self._lenient and _UNDECODED.search("".join(row)):
                        raise TableError(
                            TableMessages.tr(
                                "The header row of {name} is not valid {encoding} text; choose the encoding "
                                "explicitly or save the file again as UTF-8."
                            ).format(name=self.path.name, encoding=self.encoding_label())
                        )
                    self.header_row = number
                    self.columns = _unique_names(row)
                    break
            else:
                raise TableError(TableMessages.tr("The file {name} is empty.").format(name=self.path.name))
        except csv.Error as error:
            self.close()
            raise self._csv_error(number + 1, error) from error
        except TableError:
            self.close()
            raise
        self._records = rows

    def _open_text(self, encoding: str) -> Iterator[tuple[int, list[str]]]:
        self.encoding, self._lenient = choose_encoding(self.path, encoding)
        self._handle = self.path.open("rb")
        errors = "surrogateescape" if self._lenient else "strict"
        self._text = text = io.TextIOWrapper(self._handle, encoding=self.encoding, errors=errors, newline="")
        sample = text.read(SAMPLE_CHARS)
        if len(sample) == SAMPLE_CHARS and "\n" in sample:
            sample = sample[: sample.rindex("\n")]
        text.seek(0)
        self.delimiter = sniff_delimiter(sample)
        self._estimate = self.path.stat().st_size
        return enumerate(csv.reader(text, delimiter=self.delimiter), start=1)

    def _csv_error(self, row: int, error: csv.Error) -> TableError:
        """The parser's complaint (NUL bytes, runaway quotes) as a message naming the row."""
        return TableError(
            TableMessages.tr("Row {row} of {name} cannot be read as CSV: {reason}").format(
                row=row, name=self.path.name, reason=error
            )
        )

    def encoding_label(self) -> str:
        """The encoding as a planner names it."""
        return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}.get(self.encoding, "GBK/GB18030")

    def _check_workbook(self) -> None:
        """Refuse a workbook that is cut off or has a damaged part, before any row is read."""
        with self.path.open("rb") as handle:
            is_zip = handle.read(4) == b"PK\x03\x04"
        if not is_zip:
            return  # not a workbook at all: openpyxl says so
        try:
            with zipfile.ZipFile(self.path) as archive:
                damaged = archive.testzip()
        except zipfile.BadZipFile:
            raise TableError(
                TableMessages.tr(
                    "{name} is not a valid Excel workbook: it is cut off, its end is missing (an interrupted "
                    "download or copy?). Copy or save it again; nothing was imported."
                ).format(name=self.path.name)
            ) from None
        except (zlib.error, EOFError, OSError):
            damaged = "?"
        if damaged:
            raise TableError(
                TableMessages.tr(
                    "{name} is damaged: its part {part} cannot be read. Save it again from Excel; nothing was imported."
                ).format(name=self.path.name, part=damaged)
            )

    def _open_xlsx(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        from openpyxl import load_workbook

        self._check_workbook()
        try:
            self._workbook = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises zipfile, XML and KeyError alike for broken files
            raise TableError(
                TableMessages.tr("{name} is not a valid Excel workbook (.xlsx): {reason}").format(
                    name=self.path.name, reason=error
                )
            ) from error
        if sheet and sheet not in self._workbook.sheetnames:
            names = ", ".join(self._workbook.sheetnames)
            self.close()
            raise TableError(
                TableMessages.tr("The workbook has no sheet named {sheet}; its sheets are: {names}.").format(
                    sheet=sheet, names=names
                )
            )
        worksheet = self._workbook[sheet] if sheet else self._workbook.worksheets[0]
        self.sheet = worksheet.title
        self._estimate = worksheet.max_row if isinstance(worksheet.max_row, int) else 0
        worksheet.reset_dimensions()  # some exporters write a wrong dimension; read every row present
        return self._text_rows(enumerate(worksheet.iter_rows(values_only=True), start=1))

    def _text_rows(self, rows: Iterator[tuple[int, tuple[Any, ...]]]) -> Iterator[tuple[int, list[str]]]:
        """Workbook rows with every cell as text ("" when empty), so they read like CSV rows."""
        for number, row in rows:
            self._done = number
            yield number, [cell_text(value) or "" for value in row]

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, one text value per column, "" when empty) for every non-empty row after the header."""
        width = len(self.columns)
        number = self.header_row
        try:
            for number, values in self._records:
                if len(values) > width:
                    if "".join(values[width:]).strip():
                        self.long_rows.add(number, "")
                    del values[width:]
                elif len(values) < width:
                    values.extend([""] * (width - len(values)))
                text = "".join(values)
                if self._lenient and _UNDECODED.search(text):
                    self.undecodable.add(number, "")
                    continue
                if text.strip():
                    yield number, values
        except csv.Error as error:
            raise self._csv_error(number + 1, error) from error

    def progress(self) -> float:
        """Fraction of the file read so far (from bytes for text, rows for workbooks)."""
        if not self._estimate:
            return 0.0
        done = self._handle.tell() if self._handle is not None and not self._handle.closed else self._done
        return min(1.0, done / self._estimate)

    def close(self) -> None:
        """Release the file."""
        if self._text is not None:
            self._text.close()  # closes the byte handle too
        if self._workbook is not None:
            self._workbook.close()

    def __enter__(self) -> TableReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _normalised(name: str) -> str:
    return _NOISE.sub("", name.lower())


def _guess(columns: list[str], names: set[str], keywords: tuple[str, ...], prefixes: tuple[str, ...]) -> Optional[int]:
    """First column whose normalised name is in `names`, else contains a keyword, else starts/ends with a prefix."""
    normalised = [_normalised(name) for name in columns]
    if names is not _XY_NAMES:
        normalised = ["" if name in _XY_NAMES or "经纬" in name else name for name in normalised]
    tests = (
        lambda name: name in names,
        lambda name: any(keyword in name for keyword in keywords),
        lambda name: any(name.startswith(p) or name.endswith(p) for p in prefixes),
    )
    for test in tests:
        for index, name in enumerate(normalised):
            if name and test(name):
                return index
    return None


def _column(columns: list[str], name: str) -> int:
    lowered = [column.lower() for column in columns]
    if name.strip().lower() not in lowered:
        raise TableError(
            TableMessages.tr("The column {name} is not in the file; its columns are: {columns}.").format(
                name=name, columns=", ".join(columns)
            )
        )
    return lowered.index(name.strip().lower())


def coordinate_columns(columns: list[str], x_field: str = "", y_field: str = "") -> CoordinateColumns:
    """The coordinate columns: as named (case-insensitive), else guessed.

    One name with no guessable partner, or the same name twice, means a single "lng,lat" column.
    """
    x = _column(columns, x_field) if x_field else None
    y = _column(columns, y_field) if y_field else None
    if x is not None and x == y:
        return CoordinateColumns(x, None, False, False)
    guess_x = x is None
    guess_y = y is None
    if guess_x:
        x = _guess(columns, _X_NAMES, ("经度",), ("lng", "lon", "longitude"))
    if guess_y:
        y = _guess(columns, _Y_NAMES, ("纬度",), ("lat", "latitude"))
    if x is not None and y is not None and x != y:
        return CoordinateColumns(x, y, guess_x, guess_y)
    named = x if not guess_x else y if not guess_y else None
    if named is not None:
        return CoordinateColumns(named, None, False, False)
    combined = _guess(columns, _XY_NAMES, ("经纬度",), ())
    if combined is not None:
        return CoordinateColumns(combined, None, True, True)
    if len(columns) == 1:
        raise TableError(
            TableMessages.tr(
                "Only one column was found ({column}): the delimiter is not a comma, tab, semicolon or pipe, "
                "or the file is not a table. Save it from Excel as CSV and try again."
            ).format(column=columns[0])
        )
    raise TableError(
        TableMessages.tr(
            "No coordinate columns could be recognised among: {columns}. Choose the X (longitude) and "
            "Y (latitude) fields."
        ).format(columns=", ".join(columns))
    )


def _number(text: str, column: str) -> float:
    """A coordinate cell as a finite float; ValueError carries the reason for the report."""
    if not text.strip():
        raise ValueError(TableMessages.tr("{column} is empty").format(column=column))
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(TableMessages.tr("{column} “{value}” is not a number").format(column=column, value=text))
    return number


def _pair(text: str, column: str) -> tuple[float, float]:
    """A "lng,lat" cell as two finite floats; ValueError carries the reason for the report."""
    if not text.strip():
        raise ValueError(TableMessages.tr("{column} is empty").format(column=column))
    parts = [part for part in _PAIR_SEPARATOR.split(text.strip()) if part]
    if len(parts) != 2:
        raise ValueError(
            TableMessages.tr("{column} “{value}” is not a “longitude,latitude” pair").format(column=column, value=text)
        )
    return _number(parts[0], column), _number(parts[1], column)


def lonlat_problem(lon: float, lat: float) -> str:
    """Why a longitude/latitude pair is unusable, or "" when it is within range."""
    if -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0:
        return ""
    if -180.0 <= lat <= 180.0 and -90.0 <= lon <= 90.0:
        return TableMessages.tr("latitude {lat} is out of range (are X and Y swapped?)").format(lat=lat)
    return TableMessages.tr("longitude {lon} / latitude {lat} are out of range").format(lon=lon, lat=lat)


def _problem(values: list[str], coordinates: CoordinateColumns, names: tuple[str, str], lonlat: bool) -> str:
    """Why a record's coordinates are unusable (the slow, explanatory twin of the parsing in `point_batches`)."""
    try:
        if coordinates.y is None:
            x, y = _pair(values[coordinates.x], names[0])
        else:
            x, y = _number(values[coordinates.x], names[0]), _number(values[coordinates.y], names[1])
    except ValueError as error:
        return str(error)
    return lonlat_problem(x, y) if lonlat else ""


def point_batches(
    reader: TableReader, coordinates: CoordinateColumns, lonlat: bool, bad: BadRows, size: int = 10000
) -> Iterator[PointBatch]:
    """Valid records in batches of `size`, empty cells as None.

    Rows with missing, non-numeric or (when `lonlat`) out-of-range coordinates go to `bad` by row number.
    """
    x_index, y_index = coordinates.x, coordinates.y
    names = (reader.columns[x_index], reader.columns[y_index] if y_index is not None else "")
    rows: list[int] = []
    xs: list[float] = []
    ys: list[float] = []
    attributes: list[list[Optional[str]]] = []
    isfinite = math.isfinite
    for number, values in reader.records():
        try:
            if y_index is None:
                x, y = _pair(values[x_index], names[0])
            else:
                x, y = float(values[x_index]), float(values[y_index])
        except ValueError:
            x = y = math.nan
        if not (isfinite(x) and isfinite(y)) or (lonlat and not (-180.0 <= x <= 180.0 and -90.0 <= y <= 90.0)):
            bad.add(number, _problem(values, coordinates, names, lonlat))
            continue
        rows.append(number)
        xs.append(x)
        ys.append(y)
        attributes.append([value or None for value in values])
        if len(xs) == size:
            yield PointBatch(rows, np.asarray(xs), np.asarray(ys), attributes)
            rows, xs, ys, attributes = [], [], [], []
    if xs:
        yield PointBatch(rows, np.asarray(xs), np.asarray(ys), attributes)
