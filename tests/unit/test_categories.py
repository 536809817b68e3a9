"""The facility categories table and its loader (no QGIS application needed)."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import (
    DEFAULT_PATH,
    Category,
    class_label,
    codes,
    load_categories,
)

# The contract: DESIGN.md "Facility categories", in its order; codes stay, new ones are appended.
BASIC_2021 = [
    "convenience_store",
    "supermarket",
    "fresh_market",
    "greengrocer",
    "breakfast",
    "laundry",
    "hair_beauty",
    "photo_print",
    "housekeeping",
    "repair",
    "pharmacy",
    "post_express",
    "recycling",
]
QUALITY_2021 = [
    "restaurant",
    "fitness",
    "wellness",
    "bookstore",
    "education",
    "childcare",
    "elderly_care",
    "leisure",
    "pet_service",
    "cafe",
]
PUBLIC_2021 = [
    "kindergarten",
    "primary_school",
    "middle_school",
    "clinic",
    "community_centre",
    "park",
    "sports_ground",
    "bus_stop",
    "public_toilet",
]
#: appended for the 2025 notice (扩围升级) and GB 50180 表B.0.2 read item by item
ADDED_2025 = ["car_wash", "community_canteen", "dining", "private_clinic", "outdoor_fitness"]
#: appended for the circle profiles (issue 15): the national fitness plan's 体育公园 and 健身步道
ADDED_CIRCLES = ["sports_park", "fitness_trail"]
TABLE = BASIC_2021 + QUALITY_2021 + PUBLIC_2021 + ADDED_2025 + ADDED_CIRCLES
#: the 2025 notice makes 养老服务 a must-have (必备业态) and adds 洗车店 (一收一洗)
BASIC = [*BASIC_2021, "elderly_care", "car_wash"]
QUALITY = [code for code in QUALITY_2021 if code != "elderly_care"]
PUBLIC = [*PUBLIC_2021, "community_canteen", "outdoor_fitness"]
OTHER = ["dining", "private_clinic", *ADDED_CIRCLES]
HEADER = "code,name_zh,name_en,class,source\n"


def _write(tmp_path: Path, text: str, name: str = "categories.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_bundled_table_holds_every_design_code_in_its_class():
    categories = load_categories()
    assert [c.code for c in categories] == TABLE
    assert codes("basic") == BASIC
    assert codes("quality") == QUALITY
    assert codes("public") == PUBLIC
    assert codes("other") == OTHER
    assert codes() == TABLE


def test_bundled_table_rows_are_complete_and_name_their_source():
    with DEFAULT_PATH.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert len(raw) == len(TABLE)
    by_code = {c.code: c for c in load_categories()}
    for row in raw:
        category = by_code[row["code"]]
        assert (category.name_zh, category.name_en, category.category_class, category.source) == (
            row["name_zh"],
            row["name_en"],
            row["class"],
            row["source"],
        )
        assert re.search(r"[\u4e00-\u9fff]", category.name_zh), category
        assert category.name_en.isascii() and category.name_en, category
    guide = "《城市一刻钟便民生活圈建设指南》商办流通函〔2021〕247号"
    notice = "商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》(2025-09)"
    assert {by_code[code].source for code in BASIC_2021} == {f"{guide} 基本保障类"}
    assert all(by_code[code].source.startswith(guide) for code in QUALITY)
    assert notice in by_code["elderly_care"].source and notice in by_code["car_wash"].source
    assert all(c.source.startswith("GB 50180-2018") for c in by_code.values() if c.category_class == "public")
    assert by_code["convenience_store"].name_zh == "便利店"
    assert by_code["greengrocer"].name_zh == "生鲜超市/菜店"


def test_codes_are_usable_as_field_suffixes():
    for code in codes():
        assert re.fullmatch(r"n_[a-z][a-z0-9_]*", f"n_{code}")
    assert len(set(codes())) == len(codes())


def test_category_is_frozen():
    category = load_categories()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        category.code = "other"  # type: ignore[misc]


def test_codes_rejects_unknown_class_and_filters_given_table():
    table = [Category("a", "甲", "A", "basic", "s"), Category("b", "乙", "B", "public", "s")]
    assert codes("public", table) == ["b"]
    assert codes(None, table) == ["a", "b"]
    with pytest.raises(ValueError):
        codes("luxury", table)


def test_extra_columns_bom_and_blank_lines_are_accepted(tmp_path):
    text = (
        "code,name_zh,name_en,class,source,osm_tags,keywords\n"
        "tea_shop,茶馆,Tea house,quality,本地导则,amenity=cafe,茶\n"
        ",,,,,,\n"
        "night_market,夜市,Night market,basic,本地导则,,\n"
    )
    path = _write(tmp_path, "\ufeff" + text)
    assert load_categories(path) == [
        Category("tea_shop", "茶馆", "Tea house", "quality", "本地导则"),
        Category("night_market", "夜市", "Night market", "basic", "本地导则"),
    ]


def test_extension_file_appends_user_categories(tmp_path):
    extra = _write(tmp_path, HEADER + "ev_charging,充电桩,EV charging,quality,本地导则\n", "extra.csv")
    loaded = load_categories(extensions=[extra])
    assert [c.code for c in loaded] == [*TABLE, "ev_charging"]


def test_duplicate_across_files_names_both(tmp_path):
    extra = _write(tmp_path, HEADER + "pharmacy,药房,Pharmacy,basic,本地导则\n", "extra.csv")
    with pytest.raises(FifteenMinError) as caught:
        load_categories(extensions=[extra])
    assert "pharmacy" in caught.value.message
    assert str(extra) in caught.value.message and str(DEFAULT_PATH) in caught.value.message


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ("a,甲,A,basic,s\na,乙,B,public,s\n", ["Line 3", "“a”", "line 2"]),
        ("Pharmacy,药店,Pharmacy,basic,s\n", ["Line 2", "“Pharmacy”", "lowercase"]),
        ("fresh-market,菜市场,Market,basic,s\n", ["“fresh-market”"]),
        ("1shop,店,Shop,basic,s\n", ["“1shop”"]),
        ("shop,店,Shop,luxury,s\n", ["Line 2", "“luxury”", "basic, quality, public or other"]),
        ("basic_present,店,Shop,basic,s\n", ["“basic_present”", "reserved"]),
        ("shop,,Shop,basic,s\n", ["Line 2", "name_zh"]),
    ],
)
def test_invalid_rows_are_refused_with_line_and_reason(tmp_path, rows, fragments):
    path = _write(tmp_path, HEADER + rows)
    with pytest.raises(FifteenMinError) as caught:
        load_categories(path)
    assert str(path) in caught.value.message
    for fragment in fragments:
        assert fragment in caught.value.message


def test_missing_column_is_named(tmp_path):
    path = _write(tmp_path, "code,name_zh,name_en,source\nshop,店,Shop,s\n")
    with pytest.raises(FifteenMinError, match="class"):
        load_categories(path)


def test_missing_file_non_utf8_and_empty_table_are_refused(tmp_path):
    with pytest.raises(FifteenMinError, match="does not exist"):
        load_categories(tmp_path / "nowhere.csv")
    gbk = _write(tmp_path, HEADER + "shop,便利店,Shop,basic,商务部\n", "gbk.csv", encoding="gbk")
    with pytest.raises(FifteenMinError, match="UTF-8"):
        load_categories(gbk)
    empty = _write(tmp_path, HEADER, "empty.csv")
    with pytest.raises(FifteenMinError, match="no categories"):
        load_categories(empty)


def test_class_labels_are_distinct_names():
    labels = [class_label(name) for name in ("basic", "quality", "public")]
    assert len(set(labels)) == 3 and all(labels)
    assert class_label("unknown") == "unknown"
