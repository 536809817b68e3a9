"""What the Analysis page and the demo share: coverage rows, the city summary, exports, writing and map styles.

The coverage layer (one feature per circle, written by fifteenmin:coverage) is read into `CoverageRow`s; the
table, the charts, the CSV/XLSX exports and the demo all work from those rows.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from qgis.core import (
    NULL,
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGraduatedSymbolRenderer,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from fifteen_min_plugin.core.analysis.grading import BASIC, ENHANCED, GRADES, QUALITY, UNMET
from fifteen_min_plugin.core.analysis.population import ALL_BASIC
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.workspace.layer_io import retry_busy, workspace_transaction

PathLike = Union[str, os.PathLike]

#: Okabe–Ito colours (distinguishable with every common colour-vision deficiency), worst grade first
GRADE_COLOURS = {UNMET: "#d55e00", BASIC: "#f0e442", ENHANCED: "#56b4e9", QUALITY: "#009e73"}
#: walking-time classes in minutes (GB 50180 5/10/15-minute levels, then up to 30) and their colours (YlGnBu)
MINUTE_CLASSES = ((0.0, 5.0, "#253494"), (5.0, 10.0, "#2c7fb8"), (10.0, 15.0, "#41b6c4"), (15.0, 30.0, "#a1dab4"))
BEYOND_COLOUR = "#bdbdbd"
#: value the minutes style gives origins with no facility in reach (NULL), so they fall in the last class
BEYOND_MINUTES = 1.0e9
#: sort rank of a grade that is none of the four (empty or edited by hand): after all known grades
UNKNOWN_GRADE_RANK = len(GRADES)


class AnalysisTables(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class CoverageRow:
    """One circle of the coverage layer, as shown in the table and exported."""

    fid: int
    circle_id: str
    name: str
    community: str
    level_min: Optional[int]
    grade: str
    n_basic_present: int
    n_basic_total: int
    missing_basic_zh: str
    missing_quality_zh: str
    per_10k: Optional[float]
    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def circle(self) -> str:
        """The circle's name, else its id."""
        return self.name or self.circle_id

    @property
    def basic_text(self) -> str:
        """Basic categories present over all basic categories, e.g. `9/13`."""
        return f"{self.n_basic_present}/{self.n_basic_total}"


@dataclass(frozen=True)
class CategoryBar:
    """One bar of a circle's chart: the facilities of one category in the circle (0: missing)."""

    code: str
    name_zh: str
    category_class: str
    count: int

    @property
    def present(self) -> bool:
        """Whether the circle has at least one facility of the category."""
        return self.count > 0


@dataclass(frozen=True)
class CitySummary:
    """All circles together: how many per grade, and which basic categories most circles lack."""

    circles: int
    grade_counts: tuple[tuple[str, int], ...]
    missing_basic: tuple[tuple[Category, int], ...]


@dataclass(frozen=True)
class PopulationShare:
    """One row of the population coverage summary: who lives within the time of a category (or all basic ones)."""

    category: str
    label: str
    residents: Optional[float]
    residents_covered: Optional[float]
    share_pct: Optional[float]

    @property
    def all_basic(self) -> bool:
        """Whether this is the row of all basic categories together."""
        return self.category == ALL_BASIC


def read_population_summary(source: QgsFeatureSource) -> list[PopulationShare]:
    """The rows of a fifteenmin:populationsummary table, in its order."""

    def number(value: Any) -> Optional[float]:
        value = _value(value)
        return float(value) if value is not None else None

    shares = []
    for feature in source.getFeatures():
        code = _text(feature["category"])
        shares.append(
            PopulationShare(
                code,
                _text(feature["category_zh"]) or code,
                number(feature["residents"]),
                number(feature["residents_covered"]),
                number(feature["share_pct"]),
            )
        )
    return shares


def grade_rank(grade: str) -> int:
    """Sort key of a grade, worst first (未达标 < 基础型 < 提升型 < 品质型 < anything else)."""
    return GRADES.index(grade) if grade in GRADES else UNKNOWN_GRADE_RANK


def _value(value: Any) -> Any:
    return None if value is None or value == NULL else value


def _int(value: Any) -> int:
    value = _value(value)
    return int(value) if value is not None else 0


def _text(value: Any) -> str:
    value = _value(value)
    return "" if value is None else str(value)


def community_labels(circles: Optional[QgsVectorLayer], communities: Optional[QgsVectorLayer]) -> dict[str, str]:
    """circle_id → the name of its community (else the community id), from the workspace circles and communities."""
    if circles is None or circles.fields().lookupField("community_id") < 0:
        return {}
    names: dict[str, str] = {}
    if communities is not None and communities.fields().lookupField("community_id") >= 0:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in communities.getFeatures(request):
            key = _text(feature["community_id"])
            if key:
                label = _text(feature["name"]) if communities.fields().lookupField("name") >= 0 else ""
                names[key] = label or key
    labels = {}
    for feature in circles.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        circle_id, community_id = _text(feature["circle_id"]), _text(feature["community_id"])
        if circle_id and community_id:
            labels[circle_id] = names.get(community_id, community_id)
    return labels


def read_coverage_rows(
    source: QgsFeatureSource, categories: Sequence[Category], communities: Optional[Mapping[str, str]] = None
) -> list[CoverageRow]:
    """Every feature of a coverage layer as a row, worst grade first, then by circle; `communities` by circle_id."""
    names = source.fields().names()
    basic_total = sum(category.category_class == "basic" for category in categories)
    count_fields = [(category.code, f"n_{category.code}") for category in categories if f"n_{category.code}" in names]
    rows = []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in source.getFeatures(request):

        def get(name: str, feature: QgsFeature = feature) -> Any:
            return feature[name] if name in names else None

        level = _value(get("level_min"))
        per_10k = _value(get("per_10k"))
        circle_id = _text(get("circle_id"))
        rows.append(
            CoverageRow(
                fid=feature.id(),
                circle_id=circle_id,
                name=_text(get("name")),
                community=(communities or {}).get(circle_id, ""),
                level_min=int(level) if level is not None else None,
                grade=_text(get("grade")),
                n_basic_present=_int(get("n_basic_present")),
                n_basic_total=basic_total,
                missing_basic_zh=_text(get("missing_basic_zh")),
                missing_quality_zh=_text(get("missing_quality_zh")),
                per_10k=float(per_10k) if per_10k is not None else None,
                counts={code: _int(feature[name]) for code, name in count_fields},
            )
        )
    rows.sort(key=lambda row: (grade_rank(row.grade), row.circle, row.level_min or 0))
    return rows


def category_bars(
    row: CoverageRow, categories: Sequence[Category], classes: Sequence[str] = ("basic", "quality")
) -> list[CategoryBar]:
    """The bars of one circle's chart: every category of `classes`, in table order, with the circle's count."""
    return [
        CategoryBar(category.code, category.name_zh, category.category_class, row.counts.get(category.code, 0))
        for category in categories
        if category.category_class in classes
    ]


def city_summary(rows: Sequence[CoverageRow], categories: Sequence[Category]) -> CitySummary:
    """Circles per grade (in grade order, zeros included) and the basic categories circles lack, most often first."""
    grades = tuple((grade, sum(row.grade == grade for row in rows)) for grade in GRADES)
    basic = [category for category in categories if category.category_class == "basic"]
    lacking = [(category, sum(row.counts.get(category.code, 0) == 0 for row in rows)) for category in basic]
    order = {category.code: index for index, category in enumerate(basic)}
    lacking = sorted((item for item in lacking if item[1]), key=lambda item: (-item[1], order[item[0].code]))
    return CitySummary(len(rows), grades, tuple(lacking))


def table_header() -> list[str]:
    """Column titles of the table and the exports."""
    return [
        AnalysisTables.tr("Circle id"),
        AnalysisTables.tr("Circle"),
        AnalysisTables.tr("Community"),
        AnalysisTables.tr("Level (min)"),
        AnalysisTables.tr("Grade"),
        AnalysisTables.tr("Basic categories present"),
        AnalysisTables.tr("Missing basic categories"),
        AnalysisTables.tr("Missing quality categories"),
        AnalysisTables.tr("Facilities per 10,000 residents"),
    ]


def table_values(row: CoverageRow) -> list[Any]:
    """One row's values in `table_header` order (None where there is no value)."""
    return [
        row.circle_id,
        row.circle,
        row.community,
        row.level_min,
        row.grade,
        row.basic_text,
        row.missing_basic_zh,
        row.missing_quality_zh,
        round(row.per_10k, 2) if row.per_10k is not None else None,
    ]


def _export_error(path: Path, error: Exception) -> FifteenMinError:
    return FifteenMinError(
        AnalysisTables.tr("The table could not be written to {path}. Is it open in another program?").format(path=path),
        details=str(error),
    )


def export_csv(rows: Sequence[CoverageRow], path: PathLike) -> Path:
    """Write the rows as UTF-8 CSV with a byte-order mark (so Excel on Chinese Windows reads the Chinese text)."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table_header())
            for row in rows:
                writer.writerow(["" if value is None else value for value in table_values(row)])
    except OSError as error:
        raise _export_error(path, error) from error
    return path


def export_xlsx(rows: Sequence[CoverageRow], path: PathLike) -> Path:
    """Write the rows as an Excel workbook; needs the Python package openpyxl."""
    try:
        from openpyxl import Workbook
    except ImportError as error:
        raise FifteenMinError(
            AnalysisTables.tr(
                "Excel export needs the Python package “openpyxl”, which is not installed. Install it "
                "(python -m pip install openpyxl) or export CSV instead."
            )
        ) from error
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = AnalysisTables.tr("Coverage")
    sheet.append(table_header())
    for row in rows:
        sheet.append(table_values(row))
    sheet.freeze_panes = "A2"
    try:
        workbook.save(str(path))
    except OSError as error:
        raise _export_error(path, error) from error
    return path


def replace_coverage(
    layer: QgsVectorLayer, result: QgsFeatureSource, context: QgsCoordinateTransformContext
) -> list[str]:
    """Write a coverage result into the workspace `coverage` layer in one transaction; return the circle ids.

    Rows of the same circles (by circle_id) are replaced; other circles' rows stay. Fields are matched by name and
    geometries reprojected. On any failure nothing changes and a FifteenMinError says why.
    """
    if layer.isEditable():
        raise FifteenMinError(
            AnalysisTables.tr("Save or discard the edits of “{layer}” first; the coverage was not written.").format(
                layer=layer.name()
            )
        )
    target = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if not target.isValid():
        raise FifteenMinError(AnalysisTables.tr("The layer “{layer}” cannot be opened.").format(layer=layer.name()))
    features, circle_ids = _coverage_features(target, result, context)
    id_index = target.fields().lookupField("circle_id")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([id_index])
    failed = AnalysisTables.tr("The coverage could not be saved in “{layer}”; it is unchanged.").format(
        layer=layer.name()
    )

    def write() -> None:
        with workspace_transaction([target], failed) as guard:
            replaced = [f.id() for f in target.getFeatures(request) if _text(f[id_index]) in circle_ids]
            guard.delete(target, replaced)
            guard.add(target, features)

    retry_busy(write)
    layer.dataProvider().reloadData()
    layer.triggerRepaint()
    return [_text(feature[id_index]) for feature in features]


def _coverage_features(
    target: QgsVectorLayer, result: QgsFeatureSource, context: QgsCoordinateTransformContext
) -> tuple[list[QgsFeature], set[str]]:
    transform = QgsCoordinateTransform(result.sourceCrs(), target.crs(), context)
    fields = target.fields()
    keys = set(target.primaryKeyAttributes())
    pairs = [
        (fields.indexOf(name), index)
        for index, name in enumerate(result.fields().names())
        if fields.indexOf(name) >= 0 and fields.indexOf(name) not in keys
    ]
    features, circle_ids = [], set()
    for number, feature in enumerate(result.getFeatures(), start=1):
        out = QgsFeature(fields)
        geometry = feature.geometry()
        if not geometry.isNull():
            try:
                moved = geometry.transform(transform) == Qgis.GeometryOperationResult.Success
            except QgsCsException:
                moved = False
            if not moved:
                raise FifteenMinError(
                    AnalysisTables.tr(
                        "Circle {number} cannot be placed in the coverage layer; nothing was written."
                    ).format(number=number)
                )
            out.setGeometry(geometry)
        for target_index, index in pairs:
            out.setAttribute(target_index, feature.attribute(index))
        circle_id = _text(out["circle_id"])
        if circle_id:
            circle_ids.add(circle_id)
        features.append(out)
    return features, circle_ids


def grade_renderer(layer: QgsVectorLayer) -> QgsCategorizedSymbolRenderer:
    """Categorised renderer on `grade`: the four grades in colour-blind-safe colours, worst first."""
    categories = []
    for grade in GRADES:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(GRADE_COLOURS[grade]))
        symbol.setOpacity(0.75)
        categories.append(QgsRendererCategory(grade, symbol, grade))
    return QgsCategorizedSymbolRenderer("grade", categories)


def apply_grade_style(layer: QgsVectorLayer) -> None:
    """Colour the coverage layer by grade."""
    if layer.fields().lookupField("grade") < 0:
        raise FifteenMinError(
            AnalysisTables.tr("The layer “{layer}” has no grade field; run the coverage first.").format(
                layer=layer.name()
            )
        )
    layer.setRenderer(grade_renderer(layer))
    layer.triggerRepaint()


def minutes_renderer(layer: QgsVectorLayer, code: str) -> QgsGraduatedSymbolRenderer:
    """Graduated renderer on `min_<code>`: 0–5, 5–10, 10–15, 15–30 minutes and beyond (or none in reach)."""
    ranges = []
    bounds = [*MINUTE_CLASSES, (MINUTE_CLASSES[-1][1], BEYOND_MINUTES, BEYOND_COLOUR)]
    for number, (lower, upper, colour) in enumerate(bounds):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        if number < len(MINUTE_CLASSES):
            label = AnalysisTables.tr("{lower:g}–{upper:g} min").format(lower=lower, upper=upper)
        else:
            label = AnalysisTables.tr("over {minutes:g} min or none in reach").format(minutes=lower)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    renderer = QgsGraduatedSymbolRenderer(f'coalesce("min_{code}", {BEYOND_MINUTES:g})', ranges)
    return renderer


def apply_minutes_style(layer: QgsVectorLayer, code: str) -> None:
    """Colour origins by the walking minutes to the nearest facility of category `code`."""
    if layer.fields().lookupField(f"min_{code}") < 0:
        raise FifteenMinError(
            AnalysisTables.tr("The layer “{layer}” has no walking times for “{code}” (field min_{code}).").format(
                layer=layer.name(), code=code
            )
        )
    layer.setRenderer(minutes_renderer(layer, code))
    layer.triggerRepaint()
