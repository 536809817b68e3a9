"""Residents' needs from questionnaires, 12345 work orders or reported points: the core of fifteenmin:importneeds.

Rows come from a spreadsheet (core/facilities/table_reader.py: CSV/TXT/XLSX, UTF-8/GBK, row numbers as the file
shows them) or from a layer (row = feature id, its point if it has one). Each row is placed in a community by
its community column (the id, else the name, else a community name written inside the text, as in a hotline
address), else by its point (inside a community polygon, else the nearest community point within
`NEAREST_LIMIT_M`). Its free text is classified by core/needs/classify.py unless a category column names one.
Rows that match no category are kept with an empty category; rows that locate nowhere, have neither text nor
category, or have a bad weight are skipped; every problem is reported by row number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Optional, TypeVar

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.table_reader import BadRows, TableReader, cell_text
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.classify import NeedsClassifier
from fifteen_min_plugin.core.needs.values import parse_date, parse_priority, parse_weight

if TYPE_CHECKING:  # the geocoder needs numpy; only an import that geocodes loads it
    from fifteen_min_plugin.core.needs.geocode import AmapGeocoder

WGS84 = "EPSG:4326"
#: a reported point farther than this from every community point locates nowhere
NEAREST_LIMIT_M = 1500.0
#: the output of fifteenmin:importneeds, in the contract's order
OUTPUT_FIELDS = ("community_id", "category", "weight", "list", "priority", "text", "source", "row")
SHOWN_ROWS = 10
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


class NeedsMessages(Messages):
    """Translation context of the needs import messages."""


@dataclass(frozen=True)
class NeedsColumns:
    """The columns the planner chose; "" when not given (only `text` or `category` is needed)."""

    text: str = ""
    community: str = ""
    category: str = ""
    weight: str = ""
    list: str = ""
    priority: str = ""
    date: str = ""
    #: an address column geocoded through Amap for rows without a point (only with a geocoder)
    address: str = ""


@dataclass
class Need:
    """One imported need, as the output and the workspace `needs` table store it."""

    community_id: str
    category: Optional[str]
    weight: float
    list: Optional[str]
    priority: Optional[str]
    text: str
    source: str
    row: int
    date: Optional[str]
    point: Optional[QgsPointXY]
    classified_by: str
    located_by: str

    def output_values(self) -> list[object]:
        """The attribute values in `OUTPUT_FIELDS` order."""
        return [getattr(self, name) for name in OUTPUT_FIELDS]


@dataclass
class RowsReport:
    """What an import of rows found: rows written, and rows per problem (first ones with the reason)."""

    written: int = 0
    empty: BadRows = field(default_factory=BadRows)
    unlocated: BadRows = field(default_factory=BadRows)
    bad_date: BadRows = field(default_factory=BadRows)


@dataclass
class NeedsReport(RowsReport):
    """What a needs import found (see RowsReport), and the counts per category."""

    unclassified: BadRows = field(default_factory=BadRows)
    bad_weight: BadRows = field(default_factory=BadRows)
    bad_priority: BadRows = field(default_factory=BadRows)
    bad_category: BadRows = field(default_factory=BadRows)
    by_name: int = 0
    by_point: int = 0
    geocoded: int = 0
    categories: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class _Community:
    community_id: str
    name: str
    geometry: Optional[QgsGeometry]


class CommunityIndex:
    """The communities needs are placed in: by id, by name (also inside a longer text) and by point."""

    def __init__(self, communities: list[_Community]) -> None:
        self._by_id = {item.community_id: item for item in communities if item.community_id}
        self._by_name = {item.name: item for item in communities if item.name}
        self._names = sorted(self._by_name, key=len, reverse=True)
        self._polygons = [item for item in communities if _is_area(item.geometry)]
        self._points = {i: item for i, item in enumerate(communities) if _is_point(item.geometry)}
        self._index = QgsSpatialIndex()
        for i, item in list(self._points.items()):
            if not self._index.addFeature(i, item.geometry.boundingBox()):
                del self._points[i]
        self._distance = QgsDistanceArea()
        self._distance.setSourceCrs(QgsCoordinateReferenceSystem(WGS84), QgsCoordinateTransformContext())
        if not self._distance.setEllipsoid("EPSG:7030"):
            raise FifteenMinError(NeedsMessages.tr("The WGS 84 ellipsoid is not available to measure distances."))

    @classmethod
    def from_source(cls, source: QgsFeatureSource, context: QgsCoordinateTransformContext) -> CommunityIndex:
        """Communities (points) or circles/boundaries (polygons) with `community_id` and optionally `name`."""
        names = source.fields().names()
        if "community_id" not in names:
            raise FifteenMinError(
                NeedsMessages.tr(
                    "The communities layer has no community_id field; use the workspace's communities or circles."
                )
            )
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84), context)
        found = []
        for feature in source.getFeatures(QgsFeatureRequest()):
            geometry = _wgs84(feature.geometry(), transform) if feature.hasGeometry() else None
            name = cell_text(feature["name"]) if "name" in names else None
            found.append(_Community(cell_text(feature["community_id"]) or "", (name or "").strip(), geometry))
        return cls(found)

    def by_text(self, value: str) -> tuple[Optional[str], str]:
        """(community_id, "id"/"name"/"name in text") for a community column value, (None, "") when unknown."""
        text = value.strip()
        if text in self._by_id:
            return text, "id"
        if text in self._by_name:
            return self._by_name[text].community_id, "name"
        for name in self._names:
            if len(name) >= 2 and name in text:
                return self._by_name[name].community_id, "name in text"
        return None, ""

    def by_point(self, point: QgsPointXY) -> tuple[Optional[str], str]:
        """(community_id, "inside"/"nearest") for a WGS84 point, (None, "") when it is in none and near none."""
        geometry = QgsGeometry.fromPointXY(point)
        inside = [item for item in self._polygons if item.geometry.contains(geometry)]
        if inside:
            return min(inside, key=lambda item: item.geometry.area()).community_id, "inside"
        for i in self._index.nearestNeighbor(point, 1):
            item = self._points[i]
            if self._distance.measureLine(point, item.geometry.asPoint()) <= NEAREST_LIMIT_M:
                return item.community_id, "nearest"
        return None, ""


def _wgs84(geometry: QgsGeometry, transform: QgsCoordinateTransform) -> Optional[QgsGeometry]:
    """A copy of `geometry` in WGS84, None when it is empty or cannot be transformed."""
    copy = QgsGeometry(geometry)
    if copy.isEmpty():
        return None
    try:
        done = copy.transform(transform)
    except QgsCsException:
        return None
    return copy if done == Qgis.GeometryOperationResult.Success else None


def _is_area(geometry: Optional[QgsGeometry]) -> bool:
    return geometry is not None and geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry


def _is_point(geometry: Optional[QgsGeometry]) -> bool:
    return (
        geometry is not None
        and not geometry.isMultipart()
        and geometry.type() == QgsWkbTypes.GeometryType.PointGeometry
    )


Rows = Iterator[tuple[int, dict[str, str], Optional[QgsPointXY]]]


def table_rows(reader: TableReader) -> Rows:
    """(row number as the file shows it, {column: text}, no point) for every data row of a spreadsheet."""
    for number, values in reader.records():
        yield number, dict(zip(reader.columns, values)), None


def layer_rows(source: QgsFeatureSource, context: QgsCoordinateTransformContext) -> Rows:
    """(feature id, {field: text}, its WGS84 point or None) for every feature of a layer."""
    names = source.fields().names()
    transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84), context)
    for feature in source.getFeatures():
        geometry = _wgs84(feature.geometry(), transform) if feature.hasGeometry() else None
        point = geometry.centroid().asPoint() if geometry is not None else None
        values = {name: cell_text(value) or "" for name, value in zip(names, feature.attributes())}
        yield feature.id(), values, point


def check_columns(columns: Sequence[str], chosen: NeedsColumns, input_name: str) -> None:
    """Refuse a chosen column the input lacks, and an import with neither a text nor a category column."""
    if not chosen.text and not chosen.category:
        raise FifteenMinError(
            NeedsMessages.tr("Choose the column holding the residents' text (or one holding the category).")
        )
    check_chosen_columns(columns, chosen, input_name)


def check_chosen_columns(columns: Sequence[str], chosen: object, input_name: str) -> None:
    """Refuse a column named in the `chosen` columns dataclass that the input lacks (FifteenMinError)."""
    for column in vars(chosen).values():
        if column and column not in columns:
            raise FifteenMinError(
                NeedsMessages.tr("{name} has no column “{column}”; its columns are: {columns}.").format(
                    name=input_name, column=column, columns=", ".join(columns)
                )
            )


def _category_codes(classifier: NeedsClassifier) -> dict[str, str]:
    """Code, Chinese and English names of every category, to the code."""
    known: dict[str, str] = {}
    for code, category in classifier.categories.items():
        for name in (code, category.name_zh, category.name_en.lower()):
            known[name] = code
    return known


def read_needs(
    rows: Rows,
    chosen: NeedsColumns,
    source: str,
    communities: Optional[CommunityIndex],
    classifier: NeedsClassifier,
    add: Callable[[Need], None],
    feedback: QgsProcessingFeedback,
    geocoder: Optional[AmapGeocoder] = None,
) -> NeedsReport:
    """Classify and place every row, hand each need to `add`, and return what was found.

    With a `geocoder`, a row without a point whose community column is not a community's id or name gets the
    point of its address (FifteenMinError when Amap refuses the key); rows it cannot geocode are matched by name.
    """
    report = NeedsReport()
    codes = _category_codes(classifier)
    for number, values, point in rows:
        if feedback.isCanceled():
            break
        text = (values.get(chosen.text, "") if chosen.text else "").strip()
        given = (values.get(chosen.category, "") if chosen.category else "").strip()
        if not text and not given:
            report.empty.add(number, "")
            continue
        try:
            weight = parse_weight(values.get(chosen.weight, "") if chosen.weight else "")
        except ValueError as error:
            report.bad_weight.add(number, str(error))
            continue
        community_text = values.get(chosen.community, "") if chosen.community else ""
        geocoded = False
        if geocoder is not None and point is None and chosen.address and not _exact(community_text, communities):
            point = geocoder.locate(values.get(chosen.address, ""), feedback)
            geocoded = point is not None
        community_id, located_by = "", ""
        if geocoded and communities is not None:  # the address's point outranks a name found in the text
            community_id, located_by = communities.by_point(point)
        if not community_id:
            community_id, located_by = _locate(community_text, point, communities)
        if not community_id:
            report.unlocated.add(number, values.get(chosen.community, "") if chosen.community else "")
            continue
        report.by_name += located_by in ("name", "name in text")
        report.by_point += located_by in ("inside", "nearest")
        if geocoded and located_by in ("inside", "nearest"):
            report.geocoded += 1
            located_by = f"geocoded, {located_by}"
        category, classified_by = None, ""
        if given:
            category = codes.get(given) or codes.get(given.lower())
            classified_by = "column" if category else ""
            if category is None:
                report.bad_category.add(number, given)
        if category is None:
            category, classified_by = classifier.classify(text)
        if category is None:
            report.unclassified.add(number, text)
        date = None
        if chosen.date:
            try:
                date = parse_date(values.get(chosen.date, ""))
            except ValueError as error:
                report.bad_date.add(number, str(error))
        priority = None
        if chosen.priority:
            try:
                priority = parse_priority(values.get(chosen.priority, ""))
            except ValueError as error:
                report.bad_priority.add(number, str(error))
        need_list = (values.get(chosen.list, "") if chosen.list else "").strip() or None
        add(
            Need(
                community_id,
                category,
                weight,
                need_list,
                priority,
                text,
                source,
                number,
                date,
                point,
                classified_by,
                located_by,
            )
        )
        report.written += 1
        report.categories[category] += weight
    return report


def _exact(value: str, communities: Optional[CommunityIndex]) -> bool:
    """True when `value` is a community's id or whole name (no request is spent on such a row)."""
    return bool(value.strip()) and communities is not None and communities.by_text(value)[1] in ("id", "name")


def _locate(value: str, point: Optional[QgsPointXY], communities: Optional[CommunityIndex]) -> tuple[str, str]:
    """(community_id, how) from the community column, then the point; ("", "") when nowhere."""
    if value.strip():
        if communities is None:
            return value.strip(), "column"
        found, how = communities.by_text(value)
        if found:
            return found, how
    if point is not None and communities is not None:
        found, how = communities.by_point(point)
        if found:
            return found, how
    return "", ""


def shown_rows(bad: BadRows) -> str:
    """The first row numbers of `bad`, with an ellipsis when there are more."""
    return ", ".join(str(row) for row, _ in bad.first[:SHOWN_ROWS]) + (", …" if bad.count > SHOWN_ROWS else "")


def push_reasons(bad: BadRows, feedback: QgsProcessingFeedback) -> None:
    """The reason of each of the first rows of `bad` that has one, as a warning naming the row."""
    for row, reason in bad.first[:SHOWN_ROWS]:
        if reason:
            feedback.pushWarning(NeedsMessages.tr("Row {row}: {reason}").format(row=row, reason=reason))


def push_report(report: NeedsReport, feedback: QgsProcessingFeedback) -> None:
    """Every problem as a sentence naming its rows; the located and classified counts."""
    warnings = [
        (report.empty, NeedsMessages.tr("{count} rows have neither text nor category and were skipped (rows {rows}).")),
        (
            report.unlocated,
            NeedsMessages.tr(
                "{count} rows match no community by id or name and have no point inside or near one; they were "
                "skipped (rows {rows})."
            ),
        ),
        (
            report.bad_weight,
            NeedsMessages.tr(
                "{count} rows have a weight that is not a positive number and were skipped (rows {rows})."
            ),
        ),
        (
            report.unclassified,
            NeedsMessages.tr(
                "{count} needs match no category; they are kept unclassified to be resolved (rows {rows})."
            ),
        ),
        (
            report.bad_category,
            NeedsMessages.tr(
                "{count} rows name a category that is not in the categories table; their text was classified "
                "instead (rows {rows})."
            ),
        ),
        (
            report.bad_date,
            NeedsMessages.tr("{count} rows have a date that could not be read; it was left empty (rows {rows})."),
        ),
        (
            report.bad_priority,
            NeedsMessages.tr("{count} rows have an unknown priority; it was left empty (rows {rows})."),
        ),
    ]
    for bad, sentence in warnings:
        if bad.count:
            feedback.pushWarning(sentence.format(count=bad.count, rows=shown_rows(bad)))
    for bad in (report.unlocated, report.bad_date, report.bad_priority, report.bad_weight):
        push_reasons(bad, feedback)
    if report.by_name or report.by_point:
        feedback.pushInfo(
            NeedsMessages.tr("{names} needs were placed by community name, {points} by their point.").format(
                names=report.by_name, points=report.by_point
            )
        )


def nothing_imported(report: NeedsReport, name: str) -> FifteenMinError:
    """The sentence when no row became a need."""
    if report.unlocated.count:
        return FifteenMinError(
            NeedsMessages.tr(
                "None of the rows of {name} could be placed in a community (first: row {row}); check the community "
                "column and the communities layer. Nothing was imported."
            ).format(name=name, row=report.unlocated.first[0][0])
        )
    return FifteenMinError(
        NeedsMessages.tr("{name} has no needs rows with text; nothing was imported.").format(name=name)
    )


def is_table_file(path: str) -> bool:
    """True for a spreadsheet path the table reader opens (not a layer source)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES and Path(path).is_file()


Columns = TypeVar("Columns")


@dataclass
class RowsInput(Generic[Columns]):
    """One import of rows: a spreadsheet `path` or a layer `layer`, the chosen columns and where communities are."""

    name: str
    columns: Columns
    path: Optional[Path] = None
    layer: Optional[QgsFeatureSource] = None
    encoding: str = "auto"
    sheet: str = ""
    communities: Optional[QgsFeatureSource] = None
    transform_context: QgsCoordinateTransformContext = field(default_factory=QgsCoordinateTransformContext)

    def community_index(self) -> Optional[CommunityIndex]:
        """The communities rows are placed in, None when none were given."""
        return CommunityIndex.from_source(self.communities, self.transform_context) if self.communities else None

    @contextmanager
    def rows(self, check: Callable[[Sequence[str]], None], nothing_given: str) -> Iterator[Rows]:
        """The rows of the spreadsheet or the layer, once `check` accepted its columns.

        FifteenMinError with `nothing_given` when neither is set, or when the spreadsheet cannot be read.
        """
        if self.path is not None:
            with TableReader(self.path, self.encoding, self.sheet) as reader:
                check(reader.columns)
                yield table_rows(reader)
        elif self.layer is not None:
            check(self.layer.fields().names())
            yield layer_rows(self.layer, self.transform_context)
        else:
            raise FifteenMinError(nothing_given)


@dataclass
class NeedsInput(RowsInput[NeedsColumns]):
    """One needs import (see RowsInput), optionally geocoding the rows' addresses."""

    #: geocodes the `address` column of rows without a point (core/needs/geocode.py)
    geocoder: Optional[AmapGeocoder] = None


def output_fields() -> QgsFields:
    """The contract's output fields."""
    fields = QgsFields()
    kinds = {"weight": "double", "row": "int"}
    for name in OUTPUT_FIELDS:
        fields.append(new_field(name, kinds.get(name, "text")))
    return fields


def import_needs(
    request: NeedsInput,
    add: Callable[[QgsFeature], None],
    feedback: QgsProcessingFeedback,
    keep: Optional[Callable[[Need], None]] = None,
) -> NeedsReport:
    """Read, classify and place every row; each need goes to `add` as an output feature (and to `keep`).

    FifteenMinError (a sentence) when the input cannot be read, a column is missing or no row became a need.
    """
    classifier = NeedsClassifier.default()
    communities = request.community_index()
    feature = QgsFeature(output_fields())

    def write(need: Need) -> None:
        feature.setAttributes(need.output_values())
        if need.point is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(need.point))
        else:
            feature.clearGeometry()
        add(feature)
        if keep is not None:
            keep(need)

    def check(columns: Sequence[str]) -> None:
        check_columns(columns, request.columns, request.name)

    with request.rows(check, NeedsMessages.tr("Choose a needs table or layer.")) as rows:
        report = read_needs(
            rows, request.columns, request.name, communities, classifier, write, feedback, request.geocoder
        )
    push_report(report, feedback)
    if request.geocoder is not None:
        for line in request.geocoder.summary():
            feedback.pushInfo(line)
    if not report.written and not feedback.isCanceled():
        raise nothing_imported(report, request.name)
    return report
