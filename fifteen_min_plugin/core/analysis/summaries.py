"""What the Analysis page's charts and summary show: one circle's category bars, the city summary, population shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import QgsFeatureSource

from fifteen_min_plugin.core.analysis.coverage_rows import CoverageRow
from fifteen_min_plugin.core.analysis.grading import GRADES
from fifteen_min_plugin.core.analysis.population import ALL_BASIC
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.settings import SATISFACTION_TARGET
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.values import text as value_text


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
    #: circles with a satisfaction survey, and those at or above the 90% target
    surveyed: int = 0
    satisfied: int = 0


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


def _number(value: Any) -> Optional[float]:
    value = plain(value)
    return float(value) if value is not None else None


def read_population_summary(source: QgsFeatureSource) -> list[PopulationShare]:
    """The rows of a fifteenmin:populationsummary table, in its order."""
    shares = []
    for feature in source.getFeatures():
        code = value_text(feature["category"])
        shares.append(
            PopulationShare(
                code,
                value_text(feature["category_zh"]) or code,
                _number(feature["residents"]),
                _number(feature["residents_covered"]),
                _number(feature["share_pct"]),
            )
        )
    return shares


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
    shares = [row.satisfaction for row in rows if row.satisfaction is not None]
    satisfied = sum(share >= SATISFACTION_TARGET - 1e-9 for share in shares)
    return CitySummary(len(rows), grades, tuple(lacking), len(shares), satisfied)
