"""The suitability table: which uses each asset type can take, at what size and in which idle hours.

`resources/assets/suitability.csv` (UTF-8, user-editable) has one row per asset type × use:

- ``asset_type``: an asset type code;
- ``use``: a facility category code of the categories table, or a special use: ``shared_parking`` (residents
  park in idle bays), ``tidal_stalls`` (a timed morning/evening stall zone), ``storage``;
- ``feasible``: ``yes`` or ``no`` (``no`` rows document a deliberate refusal, e.g. childcare underground);
- ``fills``: category codes (``|``-separated) the use provides; empty means the use itself when it is a
  category, nothing for a special use (tidal stalls fill fresh_market|greengrocer|breakfast);
- ``min_area_m2``, ``ideal_area_m2``, ``min_capacity``, ``ideal_capacity``: optional numbers ≥ 0; below the
  minimum (or unknown while a minimum is set) the use is not feasible; between minimum and ideal the size
  fit grows from 0.5 to 1;
- ``needs_window``: optional idle windows the asset must cover, alternatives separated by ``|`` (e.g.
  ``daily 19:00-21:00|daily 05:00-07:00``);
- ``base_score``: a positive number weighing uses against each other;
- ``use_zh``, ``use_en``: the use's name in sentences (required for special uses, else the category name);
- ``reason_zh``, ``reason_en``: sentence templates with ``{asset_type}``, ``{name}``, ``{area}``,
  ``{capacity}``, ``{windows}``, ``{use}``, ``{gaps}``, ``{circles}``, ``{residents}``;
- ``caveat_zh``, ``caveat_en`` (optional): conditions the sentence must state (a floor or room-size limit);
- ``source`` (optional): the clause the row rests on, or “plugin default, editable” for sizes and scores
  no document gives; every suggestion sentence ends with it.

Some uses are refused whatever the table says (`FORBIDDEN_USES`): a national norm rules them out.
"""

from __future__ import annotations

import os
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.assets import ASSET_TYPE_CODES, time_windows
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.language import Messages

PathLike = Union[str, os.PathLike]

DEFAULT_TABLE = RESOURCES_DIR / "assets" / "suitability.csv"
SPECIAL_USES = ("shared_parking", "tidal_stalls", "storage")
COLUMNS = (
    "asset_type",
    "use",
    "feasible",
    "fills",
    "min_area_m2",
    "ideal_area_m2",
    "min_capacity",
    "ideal_capacity",
    "needs_window",
    "base_score",
    "use_zh",
    "use_en",
    "reason_zh",
    "reason_en",
)
#: optional columns (older tables without them still load)
OPTIONAL_COLUMNS = ("caveat_zh", "caveat_en", "source")
#: asset type → {use or filled category: clause}: uses a row may never make feasible
FORBIDDEN_USES = {
    "civil_defence": {
        code: "GB 50098-2009 3.1.3 (人防工程内不得设置哺乳室、托儿所、幼儿园等儿童活动场所和残疾人员活动场所)"
        for code in ("childcare", "kindergarten")
    }
}
TEMPLATE_FIELDS = frozenset(
    {"asset_type", "name", "area", "capacity", "windows", "use", "gaps", "circles", "residents"}
)


class SuitabilityMessages(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class Suitability:
    """One validated row."""

    line: int
    asset_type: str
    use: str
    feasible: bool
    fills: tuple[str, ...]
    min_area_m2: Optional[float]
    ideal_area_m2: Optional[float]
    min_capacity: Optional[int]
    ideal_capacity: Optional[int]
    needs_window: tuple[str, ...]
    base_score: float
    use_zh: str
    use_en: str
    reason_zh: str
    reason_en: str
    caveat_zh: str = ""
    caveat_en: str = ""
    source: str = ""

    def size_fit(self, area_m2: Optional[float], capacity: Optional[int]) -> Optional[float]:
        """Size fit in [0.5, 1], or None when the asset is smaller than (or of unknown size against) a minimum."""
        fit = 1.0
        for value, minimum, ideal in (
            (area_m2, self.min_area_m2, self.ideal_area_m2),
            (capacity, self.min_capacity, self.ideal_capacity),
        ):
            if minimum is None and ideal is None:
                continue
            low = minimum or 0.0
            if value is None or value < low:
                return None
            if ideal is not None and value < ideal:
                fit *= 0.5 + 0.5 * (value - low) / (ideal - low) if ideal > low else 1.0
        return fit

    def window_fits(self, idle_windows: Optional[str]) -> Optional[str]:
        """The needed window the asset's idle windows cover (or "" if none is needed); None if none is covered."""
        if not self.needs_window:
            return ""
        if not idle_windows:
            return None
        schedule = time_windows.parse(idle_windows)
        return next(
            (needed for needed in self.needs_window if schedule.covers(time_windows.parse(needed))),
            None,
        )


def _number(text: str, integer: bool, fail) -> Optional[float]:
    if not text:
        return None
    try:
        value = int(text) if integer else float(text)
    except ValueError as error:
        raise fail(SuitabilityMessages.tr("“{value}” is not a number.").format(value=text)) from error
    if value < 0:
        raise fail(SuitabilityMessages.tr("“{value}” is negative; sizes must be 0 or more.").format(value=text))
    return value


def _row(path: Path, line: int, row: dict[str, str], categories: dict[str, Category]) -> Suitability:
    def fail(problem: str) -> FifteenMinError:
        return FifteenMinError(
            SuitabilityMessages.tr("Line {line} of the suitability table {path}: {problem}").format(
                line=line, path=path, problem=problem
            )
        )

    asset_type, use = row["asset_type"], row["use"]
    if asset_type not in ASSET_TYPE_CODES:
        raise fail(
            SuitabilityMessages.tr("“{value}” is not an asset type (use one of {codes}).").format(
                value=asset_type, codes=", ".join(ASSET_TYPE_CODES)
            )
        )
    if use not in categories and use not in SPECIAL_USES:
        raise fail(
            SuitabilityMessages.tr(
                "the use “{value}” is neither a facility category code nor one of {special}."
            ).format(value=use, special=", ".join(SPECIAL_USES))
        )
    feasible = row["feasible"].lower()
    if feasible not in ("yes", "no"):
        raise fail(SuitabilityMessages.tr("feasible must be yes or no, not “{value}”.").format(value=row["feasible"]))
    fills = tuple(code.strip() for code in row.get("fills", "").split("|") if code.strip())
    unknown = [code for code in fills if code not in categories]
    if unknown:
        raise fail(
            SuitabilityMessages.tr("fills names {codes}, which are not facility category codes.").format(
                codes=", ".join(unknown)
            )
        )
    if not fills and use in categories:
        fills = (use,)
    forbidden = FORBIDDEN_USES.get(asset_type, {})
    refused = [code for code in (use, *fills) if code in forbidden]
    if feasible == "yes" and refused:
        raise fail(
            SuitabilityMessages.tr("a {asset_type} may never be used for {use}: {clause}.").format(
                asset_type=asset_type, use=refused[0], clause=forbidden[refused[0]]
            )
        )
    sizes = [
        _number(row.get(name, ""), name.endswith("capacity"), fail)
        for name in ("min_area_m2", "ideal_area_m2", "min_capacity", "ideal_capacity")
    ]
    for minimum, ideal in (sizes[0:2], sizes[2:4]):
        if minimum is not None and ideal is not None and ideal < minimum:
            raise fail(SuitabilityMessages.tr("an ideal size is smaller than its minimum."))
    needs = tuple(part.strip() for part in row.get("needs_window", "").split("|") if part.strip())
    for needed in needs:
        try:
            time_windows.parse(needed)
        except FifteenMinError as error:
            raise fail(error.message) from error
    try:
        base_score = float(row["base_score"])
    except ValueError as error:
        raise fail(SuitabilityMessages.tr("base_score must be a positive number.")) from error
    if base_score <= 0:
        raise fail(SuitabilityMessages.tr("base_score must be a positive number."))
    category = categories.get(use)
    use_zh = row.get("use_zh", "") or (category.name_zh if category else "")
    use_en = row.get("use_en", "") or (category.name_en if category else "")
    if not use_zh or not use_en:
        raise fail(SuitabilityMessages.tr("a special use needs use_zh and use_en names."))
    reasons = (row.get("reason_zh", ""), row.get("reason_en", ""))
    if feasible == "yes" and not all(reasons):
        raise fail(SuitabilityMessages.tr("a feasible use needs both reason_zh and reason_en sentences."))
    for template in reasons:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as error:
            raise fail(SuitabilityMessages.tr("a reason has an unbalanced {{ or }}.")) from error
        if names - TEMPLATE_FIELDS:
            raise fail(
                SuitabilityMessages.tr("a reason uses {names}; the placeholders are {known}.").format(
                    names=", ".join(sorted(names - TEMPLATE_FIELDS)), known=", ".join(sorted(TEMPLATE_FIELDS))
                )
            )
    return Suitability(
        line,
        asset_type,
        use,
        feasible == "yes",
        fills,
        sizes[0],
        sizes[1],
        None if sizes[2] is None else int(sizes[2]),
        None if sizes[3] is None else int(sizes[3]),
        needs,
        base_score,
        use_zh,
        use_en,
        *reasons,
        *(row.get(name, "") or "" for name in OPTIONAL_COLUMNS),
    )


def load_suitability(
    path: Optional[PathLike] = None, categories: Optional[Sequence[Category]] = None
) -> list[Suitability]:
    """The validated table (default: the bundled one); FifteenMinError naming the file and line of a bad row."""
    source = Path(path) if path is not None else DEFAULT_TABLE
    table = {category.code: category for category in (categories or load_categories())}
    rows: list[Suitability] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in read_csv_table(source, COLUMNS):
        item = _row(source, line, row, table)
        key = (item.asset_type, item.use)
        if key in seen:
            raise FifteenMinError(
                SuitabilityMessages.tr(
                    "Line {line} of the suitability table {path}: {asset_type} × {use} is already on line {first}."
                ).format(line=line, path=source, asset_type=item.asset_type, use=item.use, first=seen[key])
            )
        seen[key] = line
        rows.append(item)
    if not rows:
        raise FifteenMinError(
            SuitabilityMessages.tr("The suitability table {path} contains no row.").format(path=source)
        )
    return rows
