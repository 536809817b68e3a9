"""Circle profiles: which facility categories a service circle needs, and within which walk.

A profile is one editable UTF-8 CSV (`resources/profiles/<profile>.csv`; the file name is the profile's name)
with the columns `item` (a category code, or several "any of" codes joined by `|`), `item_zh`, `reach` and
`reach_unit` (`min` walking minutes or `m` metres), `min_count` and `per` (an optional minimum count, per
`absolute`, `per_1000_residents` or `per_100_households`), `measure` (what the minimum counts: `count`
facilities, their `area_m2` or their `capacity`, default `count`), `source` (the document the threshold comes from, or
"plugin default, editable") and `note`. A bad row is refused with a sentence naming the file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.language import Messages

PathLike = Union[str, os.PathLike]

PROFILES_DIR = RESOURCES_DIR / "profiles"
REQUIRED_COLUMNS = ("item", "reach", "reach_unit", "source")
MINUTES = "min"
METRES = "m"
REACH_UNITS = (MINUTES, METRES)
PER_UNITS = ("absolute", "per_1000_residents", "per_100_households")
#: what a minimum counts: facilities within reach, or the sum of their area (m²) or of their capacity (places)
COUNT = "count"
AREA = "area_m2"
CAPACITY = "capacity"
MEASURES = (COUNT, AREA, CAPACITY)
#: the shipped profiles, in the order a matrix lists them
SHIPPED = (
    "mofcom_convenience",
    "gb50180",
    "elderly_care",
    "childcare",
    "fitness",
    "parcel",
    "education",
    "medical",
    "complete_community",
)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class ProfileMessages(Messages):
    """Translation context of the circle profile messages."""


@dataclass(frozen=True)
class ProfileItem:
    """One row of a profile: met when any of `codes` is within the reach."""

    codes: tuple[str, ...]
    name_zh: str
    reach: float
    reach_unit: str
    min_count: Optional[float]
    per: str
    source: str
    note: str
    measure: str = COUNT
    #: the line of the profile file the item was read from (0: not read from a file)
    line: int = 0

    def reach_minutes(self, speed_m_per_min: float) -> float:
        """The reach in walking minutes at `speed_m_per_min`."""
        return self.reach if self.reach_unit == MINUTES else self.reach / speed_m_per_min


@dataclass(frozen=True)
class Profile:
    """A named circle profile and its items."""

    name: str
    items: tuple[ProfileItem, ...]

    @property
    def codes(self) -> list[str]:
        """Every category code the profile's items use, in first-use order."""
        return list(dict.fromkeys(code for item in self.items for code in item.codes))


def _number(path: Path, line: int, column: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0 or value != value:
        raise FifteenMinError(
            ProfileMessages.tr(
                "Line {line} of the circle profile {path}: {column} {value!r} is not a number ≥ 0."
            ).format(line=line, path=path, column=column, value=text)
        )
    return value


def _item(path: Path, line: int, row: dict[str, str], known: set[str]) -> ProfileItem:
    def fail(text: str, **values: str) -> FifteenMinError:
        return FifteenMinError(
            ProfileMessages.tr("Line {line} of the circle profile {path}: ").format(line=line, path=path)
            + text.format(**values)
        )

    codes = tuple(code.strip() for code in row["item"].split("|"))
    unknown = [code for code in codes if code not in known]
    if not row["item"] or unknown:
        raise fail(
            ProfileMessages.tr("the item {item!r} names no known facility category ({codes})."),
            item=row["item"],
            codes=", ".join(unknown) or "—",
        )
    if row["reach_unit"] not in REACH_UNITS:
        raise fail(ProfileMessages.tr("the reach unit {unit!r} is neither min nor m."), unit=row["reach_unit"])
    reach = _number(path, line, "reach", row["reach"])
    if reach <= 0:
        raise fail(ProfileMessages.tr("the reach must be more than 0."))
    min_text, per = row.get("min_count", ""), row.get("per", "")
    min_count = _number(path, line, "min_count", min_text) if min_text else None
    if per and per not in PER_UNITS:
        raise fail(ProfileMessages.tr("the unit {per!r} is not one of {units}."), per=per, units=", ".join(PER_UNITS))
    measure = row.get("measure", "") or COUNT
    if measure not in MEASURES:
        raise fail(
            ProfileMessages.tr("the measure {measure!r} is not one of {measures}."),
            measure=measure,
            measures=", ".join(MEASURES),
        )
    if measure != COUNT and min_count is None:
        raise fail(ProfileMessages.tr("the measure {measure!r} needs a minimum (min_count)."), measure=measure)
    if not row["source"]:
        raise fail(ProfileMessages.tr("the source is empty; cite the document or write “plugin default, editable”."))
    return ProfileItem(
        codes,
        row.get("item_zh", ""),
        reach,
        row["reach_unit"],
        min_count,
        per or "absolute",
        row["source"],
        row.get("note", ""),
        measure,
        line,
    )


def load_profile(path: PathLike, categories: Optional[Sequence[Category]] = None) -> Profile:
    """Read and check one profile file; its name is the file's stem. Raises FifteenMinError naming the row."""
    path = Path(path)
    if not _NAME.match(path.stem):
        raise FifteenMinError(
            ProfileMessages.tr("The circle profile name {name!r} must be a lowercase identifier (a-z, 0-9, _).").format(
                name=path.stem
            )
        )
    known = {category.code for category in (load_categories() if categories is None else categories)}
    rows = read_csv_table(path, REQUIRED_COLUMNS, ProfileMessages.tr("circle profile"))
    items = tuple(_item(path, line, row, known) for line, row in rows)
    if not items:
        raise FifteenMinError(ProfileMessages.tr("The circle profile {path} has no items.").format(path=path))
    return Profile(path.stem, items)


def shipped_path(name: str) -> Path:
    """The bundled file of a shipped profile."""
    return PROFILES_DIR / f"{name}.csv"


def load_profiles(names: Iterable[str] = SHIPPED, categories: Optional[Sequence[Category]] = None) -> list[Profile]:
    """Shipped profiles by name, or user profiles by file path (anything ending in .csv)."""
    table = load_categories() if categories is None else categories
    profiles = []
    for name in names:
        path = Path(name) if str(name).endswith(".csv") else shipped_path(str(name))
        if not path.is_file() and not str(name).endswith(".csv"):
            raise FifteenMinError(
                ProfileMessages.tr("There is no shipped circle profile {name!r}; the shipped ones are {names}.").format(
                    name=name, names=", ".join(SHIPPED)
                )
            )
        profiles.append(load_profile(path, table))
    return profiles
