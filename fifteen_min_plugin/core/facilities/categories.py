"""The facility categories table: codes, names, class and the clause each comes from."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

PathLike = Union[str, os.PathLike]

DEFAULT_PATH = RESOURCES_DIR / "categories" / "categories.csv"
#: columns every categories file must have; any further column is left for later readers (matching rules)
REQUIRED_COLUMNS = ("code", "name_zh", "name_en", "class", "source")
#: `other` categories are counted (`n_<code>`) but are neither a MOFCOM class nor a GB 50180 public facility
CLASSES = ("basic", "quality", "public", "other")
#: codes whose `n_<code>` field would collide with a fixed coverage field
RESERVED_CODES = frozenset({"basic_present", "quality_present"})
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")

RULES_PATH = RESOURCES_DIR / "categories" / "rules.csv"
#: columns every rules file must have; `priority` (integer, default 0) and `note` are optional
RULE_REQUIRED_COLUMNS = ("code", "kind", "pattern")
OSM_TAG = "osm_tag"
AMAP_TYPECODE = "amap_typecode"
BAIDU_TAG = "baidu_tag"
TENCENT_CATEGORY = "tencent_category"
TIANDITU_CLASS = "tianditu_class"
NAME_KEYWORD = "name_keyword"
RULE_KINDS = (OSM_TAG, AMAP_TYPECODE, BAIDU_TAG, TENCENT_CATEGORY, TIANDITU_CLASS, NAME_KEYWORD)
#: the rule code for "matched, but not a facility": the record stays unclassified and name keywords are not tried
NOT_A_FACILITY = "-"
_OSM_PATTERN = re.compile(r"^([^=\s]+)=([^=]+)$")
#: joins the tags of an OSM rule that needs all of them (`healthcare=clinic&operator:type=private`)
OSM_AND = "&"
_AMAP_PATTERN = re.compile(r"^(?:\d\d){1,3}$")


class Categories(Messages):
    """Translation context of the categories table's messages."""


@dataclass(frozen=True)
class Category:
    """One facility category; `code` is a stable field suffix (`n_<code>` in coverage)."""

    code: str
    name_zh: str
    name_en: str
    category_class: str
    source: str


def class_label(category_class: str) -> str:
    """Translated display name of a category class, or the class itself if unknown."""
    labels = {
        "basic": Categories.tr("Basic services"),
        "quality": Categories.tr("Quality services"),
        "public": Categories.tr("Public facilities"),
        "other": Categories.tr("Other services"),
    }
    return labels.get(category_class, category_class)


def _table_label(required: Sequence[str]) -> str:
    if tuple(required) == RULE_REQUIRED_COLUMNS:
        return Categories.tr("classification rules file")
    return Categories.tr("facility categories table")


def read_table(path: PathLike, required: Sequence[str] = REQUIRED_COLUMNS) -> list[tuple[int, dict[str, str]]]:
    """Rows of a categories or rules CSV with their line numbers (see `read_csv_table`), `required` checked."""
    return read_csv_table(path, required, _table_label(required))


def _category(path: Path, line: int, row: dict[str, str]) -> Category:
    code = row["code"]
    if not _CODE.match(code):
        message = Categories.tr("Line {line} of {path}: the code “{code}” is not a lowercase identifier (a-z, 0-9, _).")
        raise FifteenMinError(message.format(line=line, path=path, code=code))
    if code in RESERVED_CODES:
        raise FifteenMinError(
            Categories.tr("Line {line} of {path}: the code “{code}” is reserved for a coverage summary field.").format(
                line=line, path=path, code=code
            )
        )
    if row["class"] not in CLASSES:
        raise FifteenMinError(
            Categories.tr(
                "Line {line} of {path}: the class “{value}” must be one of basic, quality, public or other."
            ).format(line=line, path=path, value=row["class"])
        )
    empty = [name for name in REQUIRED_COLUMNS if not row[name]]
    if empty:
        raise FifteenMinError(
            Categories.tr("Line {line} of {path}: the column(s) {columns} must not be empty.").format(
                line=line, path=path, columns=", ".join(empty)
            )
        )
    return Category(code, row["name_zh"], row["name_en"], row["class"], row["source"])


def _duplicate_message() -> str:
    return Categories.tr("Line {line} of {path}: the code “{code}” is already used on line {first} of {first_path}.")


def load_categories(path: Optional[PathLike] = None, extensions: Iterable[PathLike] = ()) -> list[Category]:
    """Load and validate the categories table (default: the bundled one) plus optional user extension files.

    Raises FifteenMinError naming the file and line when a file is missing, malformed, a code is not a
    lowercase identifier, is used twice (across all files), or a class is not basic/quality/public.
    """
    categories: list[Category] = []
    seen: dict[str, tuple[Path, int]] = {}
    for source in (Path(path) if path is not None else DEFAULT_PATH, *map(Path, extensions)):
        for line, row in read_table(source):
            category = _category(source, line, row)
            if category.code in seen:
                first_path, first_line = seen[category.code]
                raise FifteenMinError(
                    _duplicate_message().format(
                        line=line, path=source, code=category.code, first=first_line, first_path=first_path
                    )
                )
            seen[category.code] = (source, line)
            categories.append(category)
    if not categories:
        raise FifteenMinError(Categories.tr("The facility categories table contains no categories."))
    return categories


def codes(cls: Optional[str] = None, categories: Optional[Sequence[Category]] = None) -> list[str]:
    """Codes in table order, optionally only those of one class (default table unless `categories` given)."""
    if cls is not None and cls not in CLASSES:
        raise ValueError(cls)
    table = load_categories() if categories is None else categories
    return [category.code for category in table if cls is None or category.category_class == cls]


@dataclass(frozen=True)
class Rule:
    """One matching rule: records matching `pattern` of `kind` belong to category `code`.

    `pattern` is stored normalised: OSM `key=value` (value `*` = any; `k1=v1&k2=v2` needs both tags), an Amap
    type-code prefix without its trailing `00` pairs (`060200` → `0602`), a Baidu tag path joined by `;`, or an
    NFKC lower-case keyword.
    """

    code: str  # a category code, or NOT_A_FACILITY
    kind: str
    pattern: str
    priority: int = 0
    note: str = ""


def normalise_pattern(kind: str, pattern: str) -> Optional[str]:
    """The canonical form of a rule pattern, or None when it is not valid for its kind."""
    text = unicodedata.normalize("NFKC", pattern).strip()
    if kind == OSM_TAG:
        matches = [_OSM_PATTERN.match(part) for part in text.replace(" ", "").split(OSM_AND)]
        if not all(matches) or (len(matches) > 1 and any(match.group(2) == "*" for match in matches)):
            return None
        return OSM_AND.join(f"{match.group(1)}={match.group(2)}" for match in matches)
    if kind == AMAP_TYPECODE:
        if not _AMAP_PATTERN.match(text):
            return None
        while text.endswith("00") and len(text) > 2:
            text = text[:-2]
        return None if text == "00" else text
    if kind in (BAIDU_TAG, TENCENT_CATEGORY):
        separator = ";" if kind == BAIDU_TAG else ":"
        segments = [segment.strip() for segment in text.split(separator)]
        return separator.join(segments) if all(segments) else None
    if kind == TIANDITU_CLASS:
        return text or None
    if kind == NAME_KEYWORD:
        return text.lower() or None
    return None


class RulesFile(Messages):
    """Validation of one rules file row; the class name is the translation context of its messages."""

    @classmethod
    def rule(cls, path: Path, line: int, row: dict[str, str], known: set[str]) -> Rule:
        """The rule on `line` of `path`; raises FifteenMinError naming the line and what is wrong."""
        code, kind = row["code"], row["kind"]
        if code not in known and code != NOT_A_FACILITY:
            raise FifteenMinError(
                RulesFile.tr("Line {line} of {path}: the category “{code}” is not in the categories table.").format(
                    line=line, path=path, code=code
                )
            )
        if kind not in RULE_KINDS:
            raise FifteenMinError(
                RulesFile.tr(
                    "Line {line} of {path}: the kind “{kind}” must be one of osm_tag, amap_typecode, baidu_tag, "
                    "tencent_category, tianditu_class or name_keyword."
                ).format(line=line, path=path, kind=kind)
            )
        pattern = normalise_pattern(kind, row["pattern"])
        if pattern is None:
            raise FifteenMinError(
                RulesFile.tr(
                    "Line {line} of {path}: the pattern “{pattern}” is not valid for {kind} (OSM tags are "
                    "key=value, key=* or key=value&key=value, Amap type codes 2, 4 or 6 digits, Baidu tags words "
                    "separated by ;, Tencent categories words separated by :, Tianditu classes a class name)."
                ).format(line=line, path=path, pattern=row["pattern"], kind=kind)
            )
        text = row.get("priority", "") or "0"
        try:
            priority = int(text)
        except ValueError:
            raise FifteenMinError(
                RulesFile.tr("Line {line} of {path}: the priority “{value}” is not a whole number.").format(
                    line=line, path=path, value=text
                )
            ) from None
        return Rule(code, kind, pattern, priority, row.get("note", ""))

    @classmethod
    def duplicate(cls, line: int, path: Path, kind: str, pattern: str, first: int) -> FifteenMinError:
        """The error for a kind and pattern given twice in one file."""
        return FifteenMinError(
            RulesFile.tr("Line {line} of {path}: the {kind} pattern “{pattern}” is already on line {first}.").format(
                line=line, path=path, kind=kind, pattern=pattern, first=first
            )
        )


def load_rules(
    path: Optional[PathLike] = None,
    extensions: Iterable[PathLike] = (),
    categories: Optional[Sequence[Category]] = None,
) -> list[Rule]:
    """Load and validate the matching rules (default: the bundled file) plus optional user rules files.

    A user file's rule with the same kind and pattern as an earlier file's rule replaces it (so a technician
    can re-assign a pattern); within one file a kind and pattern may appear only once. Every code must be in
    `categories` (default: the bundled table). Raises FifteenMinError naming the file and line.
    """
    known = {category.code for category in (load_categories() if categories is None else categories)}
    rules: dict[tuple[str, str], Rule] = {}
    for source in (Path(path) if path is not None else RULES_PATH, *map(Path, extensions)):
        seen: dict[tuple[str, str], int] = {}
        for line, row in read_table(source, RULE_REQUIRED_COLUMNS):
            rule = RulesFile.rule(source, line, row, known)
            key = (rule.kind, rule.pattern)
            if key in seen:
                raise RulesFile.duplicate(line, source, rule.kind, row["pattern"], seen[key])
            seen[key] = line
            rules.pop(key, None)
            rules[key] = rule
    return list(rules.values())
