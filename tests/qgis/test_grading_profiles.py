"""Grading profiles: the shipped plugin default equals the settings, a provincial profile changes the grade."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsWkbTypes

from fifteen_min_plugin.core.analysis.grading_profiles import (
    DEFAULT_PROFILE_PATH,
    PLUGIN_CATEGORY,
    PROFILE_COLUMNS,
    PROFILES_DIR,
    load_profile,
    settings_profile,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.settings import Settings
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_coverage import (
    BASIC,
    FACILITY_FIELDS,
    ORIGIN,
    QUALITY,
    UTM,
    T,
    by_circle,
    point,
    run,
    square,
    write_gpkg,
)

SHANXI = PROFILES_DIR / "shanxi_2023.csv"


def _circle_with(gpkg: Path, codes: list[str]) -> tuple[str, str]:
    x0, y0 = ORIGIN
    circles = write_gpkg(
        gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, [("circle_id", T.String)],
        [(square(x0, y0, 1000), {"circle_id": "c"})],
    )  # fmt: skip
    rows = [(point(x0 + 10 + 30 * i, y0 + 500), {"category": code}) for i, code in enumerate(codes)]
    return circles, write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)


def test_shipped_default_profile_is_the_settings_reading(qgis_app):
    categories = load_categories()
    shipped = load_profile(DEFAULT_PROFILE_PATH, categories)
    built = settings_profile(categories, Settings())
    assert [(t.codes, t.type_class) for t in shipped.types] == [(t.codes, t.type_class) for t in built.types]
    assert [(r.grade, r.min_basic, r.min_quality) for r in shipped.rules] == [
        (r.grade, r.min_basic, r.min_quality) for r in built.rules
    ]
    assert all("without counts" in r.source or "未给数量" in r.source for r in shipped.rules)


def test_shanxi_profile_lists_23_basic_and_30_quality_types_and_rates_with_15_and_20(qgis_app):
    profile = load_profile(SHANXI, load_categories())
    assert [(r.grade, r.min_basic, r.min_quality) for r in profile.rules] == [("基础型", 15, 20)]
    classes = [item.type_class for item in profile.types]
    assert (classes.count("basic"), classes.count("quality")) == (23, 30)  # the 业态分型表 the notice cites
    assert all("2023-10-10" in item.source for item in profile.types)
    with SHANXI.open(encoding="utf-8") as handle:
        marked = {row["name_zh"]: row["plugin_category"] for row in csv.DictReader(handle) if row["kind"] == "type"}
    unmapped = profile.unmapped()
    # the types without a plugin category say so in their own column, and are never counted
    assert {item.name_zh for item in unmapped} == {name for name, value in marked.items() if value == "none"}
    assert len(unmapped) == 30 and all(item.note and not item.codes for item in unmapped)
    every = {category.code: 1 for category in load_categories()}
    # 13 basic and 10 quality types have a plugin category: no circle reaches 20 quality types with this table alone
    assert profile.present(every) == (13, 10) and profile.grade(every) == "未达标"


def test_coverage_names_the_profile_types_without_a_category(processing, default_settings, tmp_path):
    circles, facilities = _circle_with(tmp_path / "n.gpkg", BASIC)
    log = RecordingFeedback()
    parameters = {"CIRCLES": circles, "FACILITIES": facilities, "GRADING_PROFILE": str(SHANXI), "OUTPUT": "memory:"}
    processing.run("fifteenmin:coverage", parameters, feedback=log)
    named = [text for text in log.warnings if "no plugin category" in text]
    assert named and "30 types" in named[0] and "品质提升类第30项（未录入）" in named[0]


def test_a_loaded_provincial_profile_changes_the_grade(processing, default_settings, tmp_path):
    circles, facilities = _circle_with(tmp_path / "g.gpkg", BASIC + QUALITY[:3])
    default = by_circle(run(processing, CIRCLES=circles, FACILITIES=facilities))["c"]
    shanxi = by_circle(run(processing, CIRCLES=circles, FACILITIES=facilities, GRADING_PROFILE=str(SHANXI)))["c"]
    # a bureau profile that needs only 10 basic and 2 quality types for 品质型
    local = tmp_path / "local.csv"
    lines = [row for row in csv.reader(SHANXI.open(encoding="utf-8")) if row[0] == "type"]
    with local.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PROFILE_COLUMNS)
        writer.writerows(lines)
        writer.writerow(["grade", "品质型", "", "", "10", "2", "test bureau", ""])
    relaxed = by_circle(run(processing, CIRCLES=circles, FACILITIES=facilities, GRADING_PROFILE=str(local)))["c"]

    assert default["grade"] == "提升型"  # 15 basic, 3 quality: plugin default
    assert shanxi["grade"] == "未达标"  # Shanxi needs 20 quality types
    assert relaxed["grade"] == "品质型"
    assert shanxi["n_basic_present"] == default["n_basic_present"] == len(BASIC)  # the counts are unchanged


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (["type", "洗衣店", "no_such_code", "basic", "", "", "x", ""], ["Line 2", "no_such_code", "洗衣店"]),
        (["type", "洗衣店", "laundry", "premium", "", "", "x", ""], ["Line 2", "premium", "洗衣店"]),
        (["type", "洗衣店", "laundry", "basic", "", "", "", ""], ["Line 2", "no source", "洗衣店"]),
        (["grade", "五星", "", "", "15", "20", "x", ""], ["Line 2", "五星"]),
        (["grade", "基础型", "", "", "many", "0", "x", ""], ["Line 2", "many", "min_basic"]),
        (["rule", "洗衣店", "laundry", "basic", "", "", "x", ""], ["Line 2", "rule"]),
        (["type", "洗衣店", "", "basic", "", "", "x", "", "yes"], ["Line 2", "plugin_category", "洗衣店"]),
        (["type", "洗衣店", "laundry", "basic", "", "", "x", "", "none"], ["Line 2", "plugin_category", "none"]),
    ],
)
def test_a_bad_profile_row_gets_a_sentence_naming_the_row(processing, default_settings, tmp_path, row, words):
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*PROFILE_COLUMNS, PLUGIN_CATEGORY])
        writer.writerow(row)
        writer.writerow(["grade", "基础型", "", "", "1", "0", "x", ""])
    with pytest.raises(FifteenMinError) as caught:
        load_profile(path, load_categories())
    assert all(word in str(caught.value) for word in words), str(caught.value)
    circles, facilities = _circle_with(tmp_path / "b.gpkg", BASIC)
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="Line 2"):
        run(processing, CIRCLES=circles, FACILITIES=facilities, GRADING_PROFILE=str(path), OUTPUT=str(out))
    assert not out.exists()


def test_a_profile_without_grade_rows_is_refused(qgis_app, tmp_path):
    path = tmp_path / "none.csv"
    path.write_text(",".join(PROFILE_COLUMNS) + "\ntype,洗衣店,laundry,basic,,,x,\n", encoding="utf-8")
    with pytest.raises(FifteenMinError, match="no grade row"):
        load_profile(path, load_categories())
