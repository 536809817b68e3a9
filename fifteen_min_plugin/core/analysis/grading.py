"""MOFCOM grading of a living circle: 基础型 / 提升型 / 品质型, or 未达标.

The MOFCOM pilot notices (e.g. the third-batch notice of September 2023 under the 全面推进城市一刻钟便民生活圈建设
三年行动计划(2023-2025)) ask cities to build and evaluate circles by the three types 基础型、提升型、品质型, to
“优先配齐基本保障类业态，因地制宜发展品质提升类业态”. The categories of each class are those of the 城市一刻钟
便民生活圈建设指南 (商办流通函〔2021〕247号), updated by the 2025 notice 商务部等9部门《关于加力推动城市一刻钟便民生活圈
建设扩围升级的通知》 which makes 养老服务 a must-have (必备业态) and adds 洗车店 (“一收一洗”). No national document
gives counts for the types, so the thresholds are settings (`Settings.grade_*`) with plugin defaults:

- 基础型: the basic-guarantee categories are all present (配齐: `grade_basic_min_basic` = 15, the 13 basic
  categories of the 2021 guide plus 养老服务 and 洗车店; capped at the number of basic categories in the table);
- 提升型: 基础型 and at least `grade_enhanced_min_quality` (3) quality categories;
- 品质型: 基础型 and at least `grade_quality_min_quality` (6) quality categories;
- 未达标: fewer basic categories than 基础型 needs.
"""

from __future__ import annotations

from fifteen_min_plugin.core.settings import Settings

#: stored values of the coverage `grade` field, lowest first (the official Chinese terms, not translated)
UNMET = "未达标"
BASIC = "基础型"
ENHANCED = "提升型"
QUALITY = "品质型"
GRADES = (UNMET, BASIC, ENHANCED, QUALITY)


def grade(n_basic_present: int, n_quality_present: int, n_basic_categories: int, settings: Settings) -> str:
    """The grade of a circle by the thresholds in `settings`.

    `n_basic_present` of the table's `n_basic_categories` basic categories and `n_quality_present` quality
    categories have at least one facility in the circle.
    """
    if n_basic_present < 0 or n_quality_present < 0 or n_basic_categories < 0:
        raise ValueError("counts must not be negative")
    if n_basic_present < min(settings.grade_basic_min_basic, n_basic_categories):
        return UNMET
    if n_quality_present >= settings.grade_quality_min_quality:
        return QUALITY
    if n_quality_present >= settings.grade_enhanced_min_quality:
        return ENHANCED
    return BASIC
