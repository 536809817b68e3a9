"""Which storey a repurposed use may occupy, read from the register's `level` (B1, B2, … underground; G ground).

The rules, as the clauses are written:

- GB 50016-2014 (2018 edition) 5.4.4B: elderly activity rooms (老年人公共活动用房) set underground only on the
  first underground level, each room ≤ 200 m² and ≤ 30 people → `elderly_care` at most B1.
- GB 50016-2014 (2018 edition) 5.4.9: 歌舞娱乐放映游艺场所 not on the second underground level or below; on the
  first, its floor no more than 10 m below the outdoor exit; each room ≤ 200 m² → `leisure` at most B1, and the
  10 m is for the bureau to check (the register records the storey, not the depth). The issue's reading, "no
  deeper than the second underground level", is the looser 人防 practice; the fire code is stricter and wins.
- GB 50016-2014 (2018 edition) 5.4.4: children's rooms of 托儿所 and 幼儿园 not underground or semi-underground →
  `childcare` and `kindergarten` at ground level only (a civil-defence work never hosts them: GB 50098-2009 3.1.3,
  see `suitability.FORBIDDEN_USES`).

An unknown or unreadable level is not guessed: the use stays possible and its sentence says that the storey was
not checked. The sentences are output data in both languages, not interface text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

#: Chinese numerals of the storeys a register may write (地下一层 …)
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
#: asset types that are underground by nature: their level is always checked
UNDERGROUND_TYPES = ("civil_defence",)
GROUND_WORDS = ("G", "GF", "0", "F1", "1F", "地面", "地上", "首层", "一层")


@dataclass(frozen=True)
class LevelRule:
    """The deepest storey a use may occupy (0: ground only) and the clause that says so."""

    use: str
    deepest: int
    source: str
    condition_zh: str
    condition_en: str


LEVEL_RULES = {
    rule.use: rule
    for rule in (
        LevelRule(
            "elderly_care",
            1,
            "GB 50016-2014(2018年版) 5.4.4B",
            "老年人活动用房设在地下时只能在地下一层，每间 ≤ 200 m²、≤ 30 人",
            "elderly activity rooms underground only on the first level, ≤ 200 m² and ≤ 30 people per room",
        ),
        LevelRule(
            "leisure",
            1,
            "GB 50016-2014(2018年版) 5.4.9",
            "歌舞娱乐放映游艺场所不得设在地下二层及以下，设在地下一层时地面与室外出入口地坪高差不应大于 10 m，"
            "每个厅、室 ≤ 200 m²（比“不深于地下二层”的人防做法更严）",
            "entertainment rooms not on the second underground level or below; on the first, at most 10 m below the "
            "outdoor exit, ≤ 200 m² per room (stricter than the civil-defence practice of 'no deeper than B2')",
        ),
        LevelRule(
            "childcare",
            0,
            "GB 50016-2014(2018年版) 5.4.4",
            "托儿所、幼儿园的儿童用房不应设在地下或半地下",
            "children's rooms of a nursery or kindergarten not underground or semi-underground",
        ),
        LevelRule(
            "kindergarten",
            0,
            "GB 50016-2014(2018年版) 5.4.4",
            "托儿所、幼儿园的儿童用房不应设在地下或半地下",
            "children's rooms of a nursery or kindergarten not underground or semi-underground",
        ),
    )
}


def depth(level: str) -> Optional[int]:
    """Storeys below ground of a register level: "B2", "-2", "地下二层" → 2; "G", "地面", "1F" → 0; else None."""
    text = level.strip().upper().replace(" ", "")
    if not text:
        return None
    if text in GROUND_WORDS:
        return 0
    found = re.fullmatch(r"(?:B|-|地下)(\d+)(?:F|层)?", text)
    if found:
        return int(found.group(1)) or None
    found = re.fullmatch(r"地下([一二两三四五])层?", text)
    if found:
        return _NUMERALS[found.group(1)]
    return None


@dataclass(frozen=True)
class LevelCheck:
    """Whether a use may sit at the asset's level, and the sentences saying what was checked."""

    allowed: bool
    note_zh: str
    note_en: str


def check_level(use: str, level: str, asset_type: str) -> LevelCheck:
    """The rule of `use` applied to the register `level`; allowed without a note when nothing is to check.

    A civil-defence work is underground, so its level is always checked (an unknown one is said to be unchecked);
    any other asset only when its level is underground.
    """
    rule = LEVEL_RULES.get(use)
    storeys = depth(level)
    if rule is None or (asset_type not in UNDERGROUND_TYPES and not storeys):
        return LevelCheck(True, "", "")
    if storeys is None:
        shown = level.strip()
        return LevelCheck(
            True,
            (f"登记的所在层“{shown}”无法识别" if shown else "登记簿未记录所在层（B1/B2…）")
            + f"，未核查层数要求：{rule.condition_zh}（{rule.source}）。",
            (f"The register's level “{shown}” is not readable" if shown else "The register records no level (B1/B2…)")
            + f", so the storey was not checked: {rule.condition_en} ({rule.source}).",
        )
    name = level.strip().upper()
    if storeys > rule.deepest:
        return LevelCheck(
            False,
            f"所在层 {name} 不符合：{rule.condition_zh}（{rule.source}）。",
            f"At level {name} it breaks the rule: {rule.condition_en} ({rule.source}).",
        )
    return LevelCheck(
        True,
        f"所在层 {name}，符合：{rule.condition_zh}（{rule.source}）。",
        f"At level {name} it meets the rule: {rule.condition_en} ({rule.source}).",
    )
