"""The coverage layer read as rows: one `CoverageRow` per circle, worst grade first, and the columns of its table.

The coverage layer (one feature per circle, written by fifteenmin:coverage) is read into `CoverageRow`s; the
Analysis page's table, its charts, the CSV/XLSX exports and the demo all work from those rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import QgsFeature, QgsFeatureRequest, QgsFeatureSource, QgsVectorLayer

from fifteen_min_plugin.core.analysis.grading import GRADES
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.values import text as value_text

#: sort rank of a grade that is none of the four (empty or edited by hand): after all known grades
UNKNOWN_GRADE_RANK = len(GRADES)


class CoverageTable(Messages):
    """Translation context of the coverage table's column titles."""


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
    #: share satisfied (0–1) of the circle's latest survey, None without one
    satisfaction: Optional[float] = None

    @property
    def circle(self) -> str:
        """The circle's name, else its id."""
        return self.name or self.circle_id

    @property
    def basic_text(self) -> str:
        """Basic categories present over all basic categories, e.g. `9/13`."""
        return f"{self.n_basic_present}/{self.n_basic_total}"


def grade_rank(grade: str) -> int:
    """Sort key of a grade, worst first (未达标 < 基础型 < 提升型 < 品质型 < anything else)."""
    return GRADES.index(grade) if grade in GRADES else UNKNOWN_GRADE_RANK


def _count(value: Any) -> int:
    value = plain(value)
    return int(value) if value is not None else 0


def community_labels(circles: Optional[QgsVectorLayer], communities: Optional[QgsVectorLayer]) -> dict[str, str]:
    """circle_id → the name of its community (else the community id), from the workspace circles and communities."""
    if circles is None or circles.fields().lookupField("community_id") < 0:
        return {}
    names: dict[str, str] = {}
    if communities is not None and communities.fields().lookupField("community_id") >= 0:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in communities.getFeatures(request):
            key = value_text(feature["community_id"])
            if key:
                label = value_text(feature["name"]) if communities.fields().lookupField("name") >= 0 else ""
                names[key] = label or key
    labels = {}
    for feature in circles.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        circle_id, community_id = value_text(feature["circle_id"]), value_text(feature["community_id"])
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

        level = plain(get("level_min"))
        per_10k = plain(get("per_10k"))
        satisfaction = plain(get("satisfaction"))
        circle_id = value_text(get("circle_id"))
        rows.append(
            CoverageRow(
                fid=feature.id(),
                circle_id=circle_id,
                name=value_text(get("name")),
                community=(communities or {}).get(circle_id, ""),
                level_min=int(level) if level is not None else None,
                grade=value_text(get("grade")),
                n_basic_present=_count(get("n_basic_present")),
                n_basic_total=basic_total,
                missing_basic_zh=value_text(get("missing_basic_zh")),
                missing_quality_zh=value_text(get("missing_quality_zh")),
                per_10k=float(per_10k) if per_10k is not None else None,
                counts={code: _count(feature[name]) for code, name in count_fields},
                satisfaction=float(satisfaction) if satisfaction is not None else None,
            )
        )
    rows.sort(key=lambda row: (grade_rank(row.grade), row.circle, row.level_min or 0))
    return rows


def table_header() -> list[str]:
    """Column titles of the table and the exports."""
    return [
        CoverageTable.tr("Circle id"),
        CoverageTable.tr("Circle"),
        CoverageTable.tr("Community"),
        CoverageTable.tr("Level (min)"),
        CoverageTable.tr("Grade"),
        CoverageTable.tr("Basic categories present"),
        CoverageTable.tr("Missing basic categories"),
        CoverageTable.tr("Missing quality categories"),
        CoverageTable.tr("Facilities per 10,000 residents"),
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
