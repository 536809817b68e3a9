"""MOFCOM grading thresholds come from the settings (no QGIS application needed)."""

from __future__ import annotations

import csv

import pytest

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.grading import BASIC, ENHANCED, GRADES, QUALITY, UNMET, grade
from fifteen_min_plugin.core.settings import Settings

with (RESOURCES_DIR / "categories" / "categories.csv").open(encoding="utf-8") as _handle:
    N_BASIC = sum(1 for row in csv.DictReader(_handle) if row["class"] == "basic")


def test_defaults_require_every_basic_category_of_the_mofcom_guide():
    settings = Settings()
    # 商办流通函〔2021〕247号: 13 基本保障类业态; the 2025 扩围升级 notice adds 养老服务 (必备业态) and 洗车店
    assert N_BASIC == 15
    assert settings.grade_basic_min_basic == N_BASIC
    assert (settings.grade_enhanced_min_quality, settings.grade_quality_min_quality) == (3, 6)
    assert GRADES == ("未达标", "基础型", "提升型", "品质型")


@pytest.mark.parametrize(
    ("basic", "quality", "expected"),
    [
        (0, 0, UNMET),
        (14, 10, UNMET),  # quality categories never make up for a missing basic one
        (13, 10, UNMET),  # the 13 of the 2021 guide no longer suffice
        (15, 0, BASIC),
        (15, 2, BASIC),
        (15, 3, ENHANCED),
        (15, 5, ENHANCED),
        (15, 6, QUALITY),
        (15, 9, QUALITY),
    ],
)
def test_default_thresholds(basic, quality, expected):
    assert grade(basic, quality, N_BASIC, Settings()) == expected


def test_thresholds_follow_the_settings():
    local = Settings(grade_basic_min_basic=10, grade_enhanced_min_quality=1, grade_quality_min_quality=4)
    assert grade(9, 9, N_BASIC, local) == UNMET
    assert grade(10, 0, N_BASIC, local) == BASIC
    assert grade(10, 1, N_BASIC, local) == ENHANCED
    assert grade(10, 4, N_BASIC, local) == QUALITY
    assert grade(10, 1, N_BASIC, Settings()) == UNMET


def test_basic_threshold_is_capped_by_the_table_in_use():
    # a city table with only 8 basic categories: all 8 present is 基础型 even with the default of 15
    assert grade(8, 0, 8, Settings()) == BASIC
    assert grade(7, 0, 8, Settings()) == UNMET


def test_zero_thresholds_grade_everything():
    anything = Settings(grade_basic_min_basic=0, grade_enhanced_min_quality=0, grade_quality_min_quality=0)
    assert grade(0, 0, N_BASIC, anything) == QUALITY


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        grade(-1, 0, N_BASIC, Settings())


@pytest.mark.parametrize(
    "values",
    [
        {"grade_basic_min_basic": -1},
        {"grade_enhanced_min_quality": 2.5},
        {"grade_quality_min_quality": True},
        {"grade_enhanced_min_quality": 5, "grade_quality_min_quality": 4},
    ],
)
def test_settings_refuse_impossible_thresholds(values):
    with pytest.raises(ValueError):
        Settings(**values)
