"""Coverage rows without QGIS layers: sorting by grade, the city summary, chart bars and the CSV/XLSX exports."""

from __future__ import annotations

import csv
import random

from openpyxl import load_workbook

from fifteen_min_plugin.core.analysis.coverage_rows import CoverageRow, grade_rank, table_header, table_values
from fifteen_min_plugin.core.analysis.export import export_csv, export_xlsx
from fifteen_min_plugin.core.analysis.summaries import category_bars, city_summary
from fifteen_min_plugin.core.facilities.categories import load_categories

CATEGORIES = load_categories()
BASIC = [c for c in CATEGORIES if c.category_class == "basic"]
GRADES_IN_ORDER = ["未达标", "基础型", "提升型", "品质型"]


def _rows(count: int, seed: int = 7) -> list[CoverageRow]:
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        counts = {c.code: rng.choice((0, 0, 1, 2, 5)) for c in CATEGORIES}
        missing = [c.name_zh for c in BASIC if counts[c.code] == 0]
        rows.append(
            CoverageRow(
                fid=number + 1,
                circle_id=f"c{number:02d}",
                name=f"示例社区{number:02d} 15分钟",
                community=f"示例社区{number:02d}",
                level_min=15,
                grade=rng.choice(GRADES_IN_ORDER),
                n_basic_present=len(BASIC) - len(missing),
                n_basic_total=len(BASIC),
                missing_basic_zh="、".join(missing),
                missing_quality_zh="",
                per_10k=rng.choice((None, 12.345)),
                counts=counts,
            )
        )
    return rows


def test_grades_sort_worst_first_and_unknown_last():
    assert sorted(["品质型", "", "基础型", "未达标", "提升型"], key=grade_rank) == [*GRADES_IN_ORDER, ""]


def test_city_summary_counts_grades_and_missing_basic_categories():
    rows = _rows(30)
    summary = city_summary(rows, CATEGORIES)
    assert summary.circles == 30
    assert [grade for grade, _ in summary.grade_counts] == GRADES_IN_ORDER
    assert sum(count for _, count in summary.grade_counts) == 30
    for grade, count in summary.grade_counts:
        assert count == len([row for row in rows if row.grade == grade])
    expected = {}
    for category in BASIC:
        lacking = len([row for row in rows if not row.counts[category.code]])
        if lacking:
            expected[category.code] = lacking
    assert {category.code: count for category, count in summary.missing_basic} == expected
    counts = [count for _, count in summary.missing_basic]
    assert counts == sorted(counts, reverse=True)


def test_bars_follow_the_table_and_mark_missing_categories():
    row = _rows(1)[0]
    bars = category_bars(row, CATEGORIES)
    assert [bar.code for bar in bars] == [c.code for c in CATEGORIES if c.category_class in ("basic", "quality")]
    assert all(bar.count == row.counts[bar.code] and bar.present == (bar.count > 0) for bar in bars)


def test_csv_has_a_bom_and_reads_back_with_chinese_text(tmp_path):
    rows = _rows(5)
    path = export_csv(rows, tmp_path / "缺项.csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == table_header()
    for line, row in zip(lines[1:], rows):
        assert line[0] == row.circle_id
        assert line[1] == row.name
        assert line[2] == row.community
        assert line[4] == row.grade
        assert line[5] == f"{row.n_basic_present}/{len(BASIC)}"
        assert line[6] == row.missing_basic_zh
        assert line[8] == ("" if row.per_10k is None else str(round(row.per_10k, 2)))


def test_xlsx_opens_with_openpyxl(tmp_path):
    rows = _rows(4)
    sheet = load_workbook(export_xlsx(rows, tmp_path / "gaps.xlsx")).active
    values = [list(line) for line in sheet.values]
    expected = [[None if value == "" else value for value in table_values(row)] for row in rows]  # empty cells
    assert values == [table_header(), *expected]
