"""Grading profiles: which business types count as basic or quality, and the counts each grade needs.

A profile is one UTF-8 CSV table (resources/grading/*.csv) with the columns
``kind,name_zh,codes,class,min_basic,min_quality,source,note``:

- a ``type`` row is a business type of the profile (``name_zh``) met by any category code of ``codes``
  (alternatives joined by “|”), of ``class`` basic or quality. A type of the bureau's list with no plugin category
  yet has an empty ``codes`` and says so in ``note``; it is never present, so it is never counted. The optional
  column ``plugin_category`` says it plainly: ``yes`` (the codes count it) or ``none`` (no plugin category yet);
  coverage names the ``none`` types in its log.
- a ``grade`` row names a grade (基础型 / 提升型 / 品质型) and the numbers of basic and quality types it needs.
  A circle takes the highest grade whose both counts it reaches, else 未达标. A profile may leave out a grade
  it cannot decide from counts.

Every row needs a ``source``. The plugin default (resources/grading/plugin_default.csv) is the plugin's reading:
the action plan and the pilot notices name 基础型/提升型/品质型 without counts. Without a profile file the grade
follows the thresholds of the plugin settings, which the default file repeats.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.grading import BASIC, ENHANCED, GRADES, QUALITY, UNMET
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.settings import Settings

PathLike = Union[str, os.PathLike]

PROFILES_DIR = RESOURCES_DIR / "grading"
DEFAULT_PROFILE_PATH = PROFILES_DIR / "plugin_default.csv"
PROFILE_COLUMNS = ("kind", "name_zh", "codes", "class", "min_basic", "min_quality", "source", "note")
#: optional column: whether the plugin has a category for the type (yes) or not yet (none)
PLUGIN_CATEGORY = "plugin_category"
PLUGIN_CATEGORY_VALUES = ("yes", "none")
CLASSES = ("basic", "quality")
DEFAULT_SOURCE = (
    "plugin default (settings: grade_basic_min_basic, grade_enhanced_min_quality, grade_quality_min_quality)"
)


class GradingProfileMessages(Messages):
    """Translation context of the grading profile messages."""


@dataclass(frozen=True)
class ProfileType:
    """A business type of a profile: present when any of `codes` has a facility in the circle."""

    name_zh: str
    codes: tuple[str, ...]
    type_class: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class GradeRule:
    """A grade and the numbers of basic and quality types present it needs."""

    grade: str
    min_basic: int
    min_quality: int
    source: str


@dataclass(frozen=True)
class GradingProfile:
    """The types and grade rules of one profile, read from `path` (None: built from the settings)."""

    types: tuple[ProfileType, ...]
    rules: tuple[GradeRule, ...]
    path: Optional[Path] = None

    def present(self, counts: dict[str, int]) -> tuple[int, int]:
        """Numbers of basic and quality types with a facility, from the counts per category code."""
        found = {cls: 0 for cls in CLASSES}
        for item in self.types:
            if any(counts.get(code, 0) > 0 for code in item.codes):
                found[item.type_class] += 1
        return found["basic"], found["quality"]

    def grade(self, counts: dict[str, int]) -> str:
        """The highest grade whose counts the circle reaches, else 未达标."""
        n_basic, n_quality = self.present(counts)
        reached = [rule.grade for rule in self.rules if n_basic >= rule.min_basic and n_quality >= rule.min_quality]
        return max(reached, key=GRADES.index, default=UNMET)

    def unmapped(self) -> list[ProfileType]:
        """Types of the profile without a plugin category (never counted)."""
        return [item for item in self.types if not item.codes]


def settings_profile(categories: Sequence[Category], settings: Settings) -> GradingProfile:
    """The plugin default: every basic and quality category is a type; thresholds from the settings.

    The basic threshold is capped at the number of basic categories, as `grading.grade` does.
    """
    types = tuple(
        ProfileType(category.name_zh, (category.code,), category.category_class, category.source)
        for category in categories
        if category.category_class in CLASSES
    )
    n_basic = sum(1 for item in types if item.type_class == "basic")
    need = min(settings.grade_basic_min_basic, n_basic)
    rules = (
        GradeRule(BASIC, need, 0, DEFAULT_SOURCE),
        GradeRule(ENHANCED, need, settings.grade_enhanced_min_quality, DEFAULT_SOURCE),
        GradeRule(QUALITY, need, settings.grade_quality_min_quality, DEFAULT_SOURCE),
    )
    return GradingProfile(types, rules)


def _count(row: dict[str, str], column: str, line: int, path: Path) -> int:
    try:
        value = int(row[column])
    except ValueError:
        value = -1
    if value < 0:
        raise FifteenMinError(
            GradingProfileMessages.tr(
                "Line {line} of {path}: “{value}” in the column {column} is not a whole number of types."
            ).format(line=line, path=path, value=row[column], column=column)
        )
    return value


def _check_plugin_category(value: str, codes: tuple[str, ...], name: str, line: int, path: Path) -> None:
    """FifteenMinError when `plugin_category` is neither empty, yes nor none, or contradicts the codes."""
    if not value:
        return
    if value not in PLUGIN_CATEGORY_VALUES or (value == "yes") != bool(codes):
        raise FifteenMinError(
            GradingProfileMessages.tr(
                "Line {line} of {path}: plugin_category “{value}” of the type “{name}” must be yes when the type has "
                "category codes and none when it has none."
            ).format(line=line, path=path, value=value, name=name)
        )


def load_profile(path: PathLike, categories: Sequence[Category]) -> GradingProfile:
    """Read a grading profile; FifteenMinError naming the file and line of any bad row.

    Refused: a row of another kind, a type with a class other than basic/quality or a code not in the categories
    table, a grade other than 基础型/提升型/品质型 or with a count that is not a whole number, any row without a
    source, and a profile without a grade row.
    """
    source_path = Path(path)
    known = {category.code for category in categories}
    types, rules = [], []
    for line, row in read_csv_table(source_path, PROFILE_COLUMNS, GradingProfileMessages.tr("grading profile")):
        where = {"line": line, "path": source_path}
        if not row["source"]:
            raise FifteenMinError(
                GradingProfileMessages.tr(
                    "Line {line} of {path}: the row “{name}” has no source; say which document (or the plugin "
                    "default) it comes from."
                ).format(name=row["name_zh"], **where)
            )
        if row["kind"] == "type":
            if row["class"] not in CLASSES:
                raise FifteenMinError(
                    GradingProfileMessages.tr(
                        "Line {line} of {path}: the class “{value}” of the type “{name}” is neither basic nor quality."
                    ).format(value=row["class"], name=row["name_zh"], **where)
                )
            codes = tuple(code.strip() for code in row["codes"].split("|") if code.strip())
            unknown = [code for code in codes if code not in known]
            if unknown:
                raise FifteenMinError(
                    GradingProfileMessages.tr(
                        "Line {line} of {path}: “{codes}” of the type “{name}” is not a category code of the "
                        "categories table. Leave the code empty and say so in the note if the plugin has no category "
                        "for this type yet."
                    ).format(codes=", ".join(unknown), name=row["name_zh"], **where)
                )
            _check_plugin_category(row.get(PLUGIN_CATEGORY, ""), codes, row["name_zh"], line, source_path)
            types.append(ProfileType(row["name_zh"], codes, row["class"], row["source"], row["note"]))
        elif row["kind"] == "grade":
            if row["name_zh"] not in (BASIC, ENHANCED, QUALITY):
                raise FifteenMinError(
                    GradingProfileMessages.tr(
                        "Line {line} of {path}: “{name}” is not a grade; use 基础型, 提升型 or 品质型."
                    ).format(name=row["name_zh"], **where)
                )
            minimums = (_count(row, "min_basic", line, source_path), _count(row, "min_quality", line, source_path))
            rules.append(GradeRule(row["name_zh"], *minimums, row["source"]))
        else:
            raise FifteenMinError(
                GradingProfileMessages.tr(
                    "Line {line} of {path}: the kind “{value}” is neither type nor grade."
                ).format(value=row["kind"], **where)
            )
    if not rules:
        raise FifteenMinError(
            GradingProfileMessages.tr(
                "The grading profile {path} has no grade row, so no circle could be graded."
            ).format(path=source_path)
        )
    return GradingProfile(tuple(types), tuple(rules), source_path)
