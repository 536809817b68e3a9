"""Rank repurposing uses for an idle asset by the gaps they fill in the circles it serves.

For each feasible row of the suitability table (right asset type, size at least the minimum, idle windows
covering a needed window) the use is scored as

    score = base_score × gap weight × residents / 1000 × size fit

- gap weight: the highest class weight among the circle gaps the use fills (basic 3, quality 2, public 1,
  other 1); a special use that fills no category (shared parking, storage) weighs 0.5 and serves every circle.
  These weights are plugin defaults, not from any document: they follow the MOFCOM order “优先配齐基本保障类
  业态，因地制宜发展品质提升类业态”; `base_score` and the sizes are plugin defaults too, editable in the table;
- residents: the population of the served circles that lack what the use provides;
- served circles: the coverage circles containing the asset, one per community (same `name`, else
  `circle_id`): the widest level up to 15 minutes, since its residents reach the asset within 15 minutes;
- a circle lacks a category when its `n_<code>` count is 0 (or, without that field, when `missing_basic` /
  `missing_quality` lists the code);
- demand (optional): the score is multiplied by 1 + `demand_weight` × the residents who asked (the summed
  weights of the needs of the gap circles whose category is one of the filled gaps, each need once);
  `demand_weight` is a plugin default (core/settings.py DEMAND_WEIGHT, 0.02: 50 residents asking double a
  score), editable as repurpose's DEMAND_WEIGHT parameter; the sentence says how many residents asked;
- circles served (optional, from a circle-fusion result, core/analysis/colocation.py): uses are ranked first by
  the number of circle profiles whose gaps they close within reach, then by score; the sentence names them.

Each suggestion carries a Chinese and an English sentence built from the table's templates, followed by the
row's caveat, the storey rule of the use checked against the register's `level` (core/assets/level_rules.py: a
use its storey forbids is not suggested; an unknown storey is said to be unchecked) and its source; a
civil-defence work's sentence also says that the 人防主管部门 must agree and names its wartime duty when
recorded. Uses `FORBIDDEN_USES` rules out are never suggested, whatever table is passed. The sentences
for assets without suggestions are fixed bilingual texts (they are output data in both languages, not
interface text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Optional

from fifteen_min_plugin.core.analysis.colocation import EMPTY, Closure, closure_sentences
from fifteen_min_plugin.core.assets import asset_type as lookup_asset_type
from fifteen_min_plugin.core.assets import level_rules, time_windows
from fifteen_min_plugin.core.assets.suitability import FORBIDDEN_USES, Suitability
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.needs.demand import AskedNeed
from fifteen_min_plugin.core.settings import DEMAND_WEIGHT
from fifteen_min_plugin.core.values import plain

#: plugin defaults (no document weighs the classes): basic before quality before public, per the MOFCOM order
GAP_WEIGHTS = {"basic": 3.0, "quality": 2.0, "public": 1.0, "other": 1.0}
NO_GAP_WEIGHT = 0.5
MAX_LEVEL_MIN = 15
#: what every suggestion for a civil-defence work adds (output data in both languages, not interface text)
CIVIL_DEFENCE_NOTE_ZH = (
    "人防工程平时使用须经人防主管部门同意，并保证战时转换；不得存放易燃、易爆、有毒物品（GB 50098-2009）。"
)
CIVIL_DEFENCE_NOTE_EN = (
    "Peacetime use of a civil-defence work needs the consent of the civil-defence authority (人防主管部门) and must "
    "keep its wartime conversion; no flammable, explosive or toxic goods may be stored (GB 50098-2009)."
)


@dataclass(frozen=True)
class CircleGaps:
    """One coverage circle: its id, name, level, population and the category codes it lacks."""

    circle_id: str
    name: str
    level_min: Optional[int]
    population: int
    missing: frozenset[str]
    #: indices of the needs (in the list handed to `rank_uses`) that count for this circle
    need_ids: frozenset[int] = frozenset()

    @classmethod
    def from_attributes(cls, attributes: Mapping[str, Any], categories: Sequence[Category]) -> CircleGaps:
        """Read a coverage feature's attributes (field name → value)."""
        listed = set()
        for name in ("missing_basic", "missing_quality"):
            listed.update(re.split(r"[,;、，\s]+", str(plain(attributes.get(name)) or "")))
        missing = set()
        for category in categories:
            count = plain(attributes.get(f"n_{category.code}"))
            if count is not None:
                if int(count) == 0:
                    missing.add(category.code)
            elif category.code in listed:
                missing.add(category.code)
        level = plain(attributes.get("level_min"))
        circle_id = str(plain(attributes.get("circle_id")) or "")
        return cls(
            circle_id,
            str(plain(attributes.get("name")) or circle_id),
            None if level is None else int(level),
            int(plain(attributes.get("population")) or 0),
            frozenset(missing),
        )


@dataclass(frozen=True)
class AssetFacts:
    """What the ranking needs to know about an asset."""

    asset_id: str
    name: str
    asset_type: str
    area_m2: Optional[float]
    capacity: Optional[int]
    idle_windows: str
    level: str = ""  # storey: B1, B2, … underground; G ground ("" unknown)
    wartime_duty: str = ""  # 平战转换: the work's wartime use

    @classmethod
    def from_attributes(cls, attributes: Mapping[str, Any], fallback_id: str = "") -> AssetFacts:
        """Read an idle_assets-like feature (asset_id, name, asset_type, area_m2, capacity, idle_windows)."""
        area = plain(attributes.get("area_m2"))
        capacity = plain(attributes.get("capacity"))
        found = lookup_asset_type(str(plain(attributes.get("asset_type")) or ""))
        return cls(
            str(plain(attributes.get("asset_id")) or fallback_id),
            str(plain(attributes.get("name")) or ""),
            found.code if found else str(plain(attributes.get("asset_type")) or ""),
            None if area is None else float(area),
            None if capacity is None else int(capacity),
            str(plain(attributes.get("idle_windows")) or ""),
            str(plain(attributes.get("level")) or ""),
            str(plain(attributes.get("wartime_duty")) or ""),
        )


@dataclass(frozen=True)
class Suggestion:
    """One ranked use for one asset."""

    use: str
    use_zh: str
    use_en: str
    rank: int
    score: float
    circle_ids: tuple[str, ...]
    residents_gain: int
    gaps: tuple[str, ...]
    reason_zh: str
    reason_en: str
    residents_asked: float = 0.0
    served: Closure = EMPTY


@dataclass(frozen=True)
class Demand:
    """What residents asked for (`needs`, indexed by CircleGaps.need_ids) and how much it weighs a score."""

    needs: Sequence[AskedNeed] = ()
    weight: float = DEMAND_WEIGHT

    def asked(self, circles: Sequence[CircleGaps], gaps: Sequence[str]) -> tuple[float, tuple[str, ...]]:
        """Residents of `circles` who asked for one of `gaps` (each need once), and those codes, most asked first."""
        wanted = set(gaps)
        ids = set().union(*(circle.need_ids for circle in circles)) if circles else set()
        totals: dict[str, float] = {}
        for index in ids:
            need = self.needs[index]
            if need.category in wanted:
                totals[need.category] = totals.get(need.category, 0.0) + need.weight
        order = tuple(code for code, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0])))
        return sum(totals.values()), order


#: what a use would close across the circle profiles: called with the codes the use provides
ServedBy = Callable[[Sequence[str]], Closure]


@dataclass(frozen=True)
class RepurposeResult:
    """Suggestions best first; when there are none, `note_zh`/`note_en` say why.

    `windows_problem` is the reason the asset's idle time windows could not be read ("" when they could, or
    when it has none); the asset is then ranked as if it had no idle windows.
    """

    suggestions: tuple[Suggestion, ...]
    note_zh: str = ""
    note_en: str = ""
    windows_problem: str = ""


def served_circles(circles: Iterable[CircleGaps]) -> list[CircleGaps]:
    """One circle per community: the widest level ≤ 15 minutes (circles without a level always count)."""
    best: dict[str, CircleGaps] = {}
    for circle in circles:
        if circle.level_min is not None and circle.level_min > MAX_LEVEL_MIN:
            continue
        key = circle.name or circle.circle_id
        kept = best.get(key)
        if kept is None or (circle.level_min or MAX_LEVEL_MIN) > (kept.level_min or MAX_LEVEL_MIN):
            best[key] = circle
    return sorted(best.values(), key=lambda item: item.circle_id)


def _number_text(value: Optional[float]) -> str:
    return "?" if value is None else f"{value:,.0f}"


def rank_uses(
    asset: AssetFacts,
    circles: Sequence[CircleGaps],
    table: Sequence[Suitability],
    categories: Sequence[Category],
    top_n: int = 3,
    demand: Optional[Demand] = None,
    served_by: Optional[ServedBy] = None,
) -> RepurposeResult:
    """The `top_n` best uses of `asset` for the circles containing it (already filtered spatially).

    With `demand` each use's score grows with the residents who asked for its gaps; with `served_by` (the
    asset's co-location closures) uses are ranked by the number of circle profiles they serve, then by score.
    """
    ranking = Ranking(table, categories, top_n, demand or Demand(), served_by)
    try:
        schedule = time_windows.parse(asset.idle_windows) if asset.idle_windows.strip() else None
    except FifteenMinError as error:
        return replace(_ranked(asset, None, circles, ranking), windows_problem=error.message)
    return _ranked(asset, schedule, circles, ranking)


@dataclass(frozen=True)
class Ranking:
    """How uses are ranked: the table, the categories, how many to keep, demand and co-location."""

    table: Sequence[Suitability]
    categories: Sequence[Category]
    top_n: int
    demand: Demand
    served_by: Optional[ServedBy]


def feasible_rows(
    asset: AssetFacts, schedule: Optional[time_windows.IdleSchedule], table: Sequence[Suitability]
) -> list[tuple[Suitability, float]]:
    """The rows of `table` the asset can take (type, not forbidden, size, idle windows), with their size fit."""
    kind = lookup_asset_type(asset.asset_type)
    if kind is None:
        return []
    found = []
    forbidden = FORBIDDEN_USES.get(kind.code, {})
    for row in table:
        if row.asset_type != kind.code or not row.feasible or any(c in forbidden for c in (row.use, *row.fills)):
            continue
        fit = row.size_fit(asset.area_m2, asset.capacity)
        if not level_rules.check_level(row.use, asset.level, kind.code).allowed:
            continue
        if fit is None or (row.needs_window and schedule is None) or row.window_fits(asset.idle_windows) is None:
            continue
        found.append((row, fit))
    return found


def _ranked(
    asset: AssetFacts,
    schedule: Optional[time_windows.IdleSchedule],
    circles: Sequence[CircleGaps],
    ranking: Ranking,
) -> RepurposeResult:
    categories, top_n = ranking.categories, ranking.top_n
    kind = lookup_asset_type(asset.asset_type)
    if kind is None:
        return RepurposeResult(
            (),
            f"资产类型“{asset.asset_type}”不在类型表中，无法给出建议。",
            f"The asset type “{asset.asset_type}” is not a known type, so no use can be suggested.",
        )
    served = served_circles(circles)
    if not served:
        return RepurposeResult(
            (),
            "该资产不在任何生活圈内，不能补齐任何生活圈的缺项；请核对其位置或为其周边社区划定生活圈。",
            "This asset is not in any living circle of the coverage layer, so it fills no circle's gap; "
            "check its location or draw the circles of the communities around it.",
        )
    by_code = {category.code: category for category in categories}
    scored = []
    for row, fit in feasible_rows(asset, schedule, ranking.table):
        if row.fills:
            gap_circles = sorted((c for c in served if c.missing & set(row.fills)), key=lambda c: c.name)
            gaps = tuple(code for code in row.fills if any(code in circle.missing for circle in gap_circles))
            if not gaps:
                continue
            weight = max(GAP_WEIGHTS.get(by_code[code].category_class, 1.0) for code in gaps if code in by_code)
        else:
            gap_circles, gaps, weight = list(served), (), NO_GAP_WEIGHT
        residents = sum(circle.population for circle in gap_circles)
        asked, asked_codes = ranking.demand.asked(gap_circles, gaps)
        score = row.base_score * weight * residents / 1000.0 * fit * (1.0 + ranking.demand.weight * asked)
        closure = ranking.served_by(row.fills) if ranking.served_by and row.fills else EMPTY
        extra = (asked, asked_codes, closure)
        scored.append((score, row.base_score * weight * fit, row, gap_circles, gaps, residents, extra))
    if not scored:
        return RepurposeResult(
            (),
            f"没有可行用途：{kind.label_zh}的面积、车位或闲置时段不满足适配表中任何补齐所在生活圈缺项的用途。",
            f"No feasible use: the size, bays or idle hours of this {kind.label_en.lower()} meet no use in the "
            "suitability table that fills a gap of its circles.",
        )
    scored.sort(key=lambda item: (-item[6][2].n_profiles, -item[0], -item[1], item[2].line))
    suggestions = []
    for rank, (score, _tie, row, gap_circles, gaps, residents, extra) in enumerate(scored[: max(top_n, 1)], start=1):
        asked, asked_codes, closure = extra
        values = {
            "name": asset.name or asset.asset_id,
            "area": _number_text(asset.area_m2),
            "capacity": _number_text(asset.capacity),
            "residents": f"{residents:,}",
        }
        zh = row.reason_zh.format(
            **values,
            asset_type=kind.label_zh,
            windows=schedule.canonical(chinese=True) if schedule else "",
            use=row.use_zh,
            gaps="、".join(by_code[code].name_zh for code in gaps),
            circles="、".join(circle.name for circle in gap_circles),
        )
        en = row.reason_en.format(
            **values,
            asset_type=kind.label_en.lower(),
            windows=schedule.canonical() if schedule else "",
            use=row.use_en,
            gaps=", ".join(by_code[code].name_en.lower() for code in gaps),
            circles=", ".join(circle.name for circle in gap_circles),
        )
        if asked > 0:
            zh += f"{asked:,.0f} 名居民提出需要{'、'.join(by_code[code].name_zh for code in asked_codes)}。"
            asked_en = ", ".join(by_code[code].name_en.lower() for code in asked_codes)
            en += f" {asked:,.0f} residents asked for {asked_en}."
        if closure.n_profiles:
            served_zh, served_en = closure_sentences(closure, row.use_zh, row.use_en)
            zh, en = zh + served_zh, f"{en} {served_en}"
        zh, en = _with_conditions(zh, en, row, asset)
        suggestions.append(
            Suggestion(
                row.use,
                row.use_zh,
                row.use_en,
                rank,
                round(score, 3),
                tuple(circle.circle_id for circle in gap_circles),
                residents,
                gaps,
                zh,
                en,
                asked,
                closure,
            )
        )
    return RepurposeResult(tuple(suggestions))


def _with_conditions(zh: str, en: str, row: Suitability, asset: AssetFacts) -> tuple[str, str]:
    """The sentences with the row's caveat, the storey check, the civil-defence note and the row's source appended."""
    kind = lookup_asset_type(asset.asset_type)
    code = kind.code if kind else asset.asset_type
    storey = level_rules.check_level(row.use, asset.level, code)
    zh_parts, en_parts = [zh, row.caveat_zh, storey.note_zh], [en, row.caveat_en, storey.note_en]
    if code == "civil_defence":
        zh_parts.append(CIVIL_DEFENCE_NOTE_ZH)
        en_parts.append(CIVIL_DEFENCE_NOTE_EN)
        if asset.wartime_duty.strip():
            zh_parts.append(f"战时功能：{asset.wartime_duty.strip()}。")
            en_parts.append(f"Wartime duty: {asset.wartime_duty.strip()}.")
    if row.source:
        zh_parts.append(f"依据：{row.source}。")
        en_parts.append(f"Basis: {row.source}.")
    return "".join(part for part in zh_parts if part), " ".join(part for part in en_parts if part)
