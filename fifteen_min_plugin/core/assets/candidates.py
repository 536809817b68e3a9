"""Rules that recognise idle or shareable assets among the features of any layer.

The rules table (`resources/assets/candidate_rules.csv`, UTF-8) has the columns

- ``asset_type``: one of the asset type codes;
- ``match``: ``osm_tag`` (the feature's fields plus the tags in an OSM ``other_tags`` field),
  ``attribute_equals`` or ``attribute_contains`` (the layer's own fields only), or ``name_keyword``
  (the ``name``, ``name:*``, ``name_*`` and ``名称`` fields);
- ``pattern``: for osm_tag and attribute_equals ``key=value`` (``|`` separates alternative values; ``*`` is any
  value except no/false/0; a key ending in ``:*`` is any key with that prefix, e.g. ``disused:*=*``); for
  attribute_contains ``field=text|text`` (the value contains one of the texts); for name_keyword keywords
  separated by ``|``;
- ``requires``: optional conditions separated by ``;``, at least one must hold (``key=value`` as above or
  ``key~text|text`` for "contains"), e.g. building=warehouse|industrial is an idle factory only with a
  disused/abandoned/vacant hint — a working warehouse is not idle;
- ``excludes``: optional conditions separated by ``;``, none may hold (tunnel=yes is not a civil-defence
  work when it carries a railway, road or waterway);
- ``why``: the text stored with a match; ``{match}`` is the tag or keyword that matched (``amenity=parking``),
  ``{requires}`` the required condition that held, ``{asset_type}`` the type code.

Comparisons ignore case. The first row that matches a feature decides its type, so order rows from the
most specific to the most general.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.assets import ASSET_TYPE_CODES
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text

PathLike = Union[str, os.PathLike]

DEFAULT_RULES = RESOURCES_DIR / "assets" / "candidate_rules.csv"
MATCH_KINDS = ("osm_tag", "attribute_equals", "attribute_contains", "name_keyword")
RULE_COLUMNS = ("asset_type", "match", "pattern", "requires", "excludes", "why")
_FALSE_VALUES = frozenset({"", "no", "false", "0"})
_OTHER_TAGS = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_WHY_FIELDS = frozenset({"match", "requires", "asset_type"})


class CandidateMessages(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class Condition:
    """`key=values` (equals one) or `key~values` (contains one); a key ending in ':*' is a prefix."""

    key: str
    values: tuple[str, ...]
    contains: bool = False

    @classmethod
    def parse(cls, text: str, contains: bool = False) -> Condition:
        """Parse `key=v1|v2` or `key~t1|t2`; ValueError if malformed."""
        match = re.match(r"^\s*([^=~\s][^=~]*?)\s*([=~])\s*(.+?)\s*$", text)
        if not match:
            raise ValueError(text)
        values = tuple(value.strip().lower() for value in match.group(3).split("|") if value.strip())
        if not values:
            raise ValueError(text)
        return cls(match.group(1).lower(), values, contains or match.group(2) == "~")

    def find(self, tags: Mapping[str, str]) -> Optional[str]:
        """`key=value` text of the first tag satisfying the condition, else None."""
        if self.key.endswith(":*"):
            keys = [key for key in tags if key.startswith(self.key[:-1])]
        else:
            keys = [self.key] if self.key in tags else []
        for key in keys:
            value = tags[key].strip().lower()
            for wanted in self.values:
                if wanted == "*":
                    hit = value not in _FALSE_VALUES
                elif self.contains:
                    hit = wanted in value
                else:
                    hit = value == wanted
                if hit:
                    return f"{key}={tags[key].strip()}"
        return None


@dataclass(frozen=True)
class CandidateRule:
    """One row of the rules table."""

    line: int
    asset_type: str
    match: str
    pattern: str
    requires: tuple[Condition, ...]
    excludes: tuple[Condition, ...]
    why: str

    def apply(self, fields: Mapping[str, str], tags: Mapping[str, str]) -> Optional[str]:
        """The rendered `why` if the rule matches a feature, else None.

        `fields` are the layer's own non-empty values, `tags` those plus parsed OSM other_tags (keys lowercase).
        """
        found = self._primary(fields, tags)
        if found is None:
            return None
        if any(condition.find(tags) for condition in self.excludes):
            return None
        required = ""
        if self.requires:
            required = next((hit for hit in (c.find(tags) for c in self.requires) if hit), "")
            if not required:
                return None
        return self.why.format(match=found, requires=required, asset_type=self.asset_type)

    def _primary(self, fields: Mapping[str, str], tags: Mapping[str, str]) -> Optional[str]:
        if self.match == "name_keyword":
            names = [value.lower() for key, value in fields.items() if _is_name_key(key)]
            keywords = [word.strip() for word in self.pattern.split("|") if word.strip()]
            return next((word for word in keywords if any(word.lower() in name for name in names)), None)
        condition = Condition.parse(self.pattern, contains=self.match == "attribute_contains")
        return condition.find(tags if self.match == "osm_tag" else fields)


def _is_name_key(key: str) -> bool:
    return key == "name" or key.startswith(("name:", "name_")) or key == "名称"


def parse_other_tags(text: str) -> dict[str, str]:
    """Tags of GDAL's OSM `other_tags` string (`"key"=>"value",…`), keys lowercase."""
    return {
        key.replace('\\"', '"').lower(): value.replace('\\"', '"') for key, value in _OTHER_TAGS.findall(text or "")
    }


def feature_tags(names: Iterable[str], values: Iterable[object]) -> tuple[dict[str, str], dict[str, str]]:
    """(fields, tags) of one feature: non-empty field values by lowercase name, and those plus other_tags."""
    fields: dict[str, str] = {}
    for name, value in zip(names, values):
        text = value_text(value)
        if text:
            fields[name.lower()] = text
    tags = parse_other_tags(fields.get("other_tags", ""))
    tags.update({key: value for key, value in fields.items() if key != "other_tags"})
    return fields, tags


def _condition_list(text: str) -> tuple[Condition, ...]:
    return tuple(Condition.parse(part) for part in text.split(";") if part.strip())


def _rule(path: Path, line: int, row: dict[str, str]) -> CandidateRule:
    def fail(problem: str) -> FifteenMinError:
        return FifteenMinError(
            CandidateMessages.tr("Line {line} of the candidate rules {path}: {problem}").format(
                line=line, path=path, problem=problem
            )
        )

    if row["asset_type"] not in ASSET_TYPE_CODES:
        raise fail(
            CandidateMessages.tr("“{value}” is not an asset type (use one of {codes}).").format(
                value=row["asset_type"], codes=", ".join(ASSET_TYPE_CODES)
            )
        )
    if row["match"] not in MATCH_KINDS:
        raise fail(
            CandidateMessages.tr("the match kind “{value}” must be one of {kinds}.").format(
                value=row["match"], kinds=", ".join(MATCH_KINDS)
            )
        )
    pattern = row["pattern"]
    try:
        if not pattern or (row["match"] != "name_keyword" and "=" not in pattern):
            raise ValueError(pattern)
        if row["match"] != "name_keyword":
            Condition.parse(pattern)
        requires = _condition_list(row.get("requires", ""))
        excludes = _condition_list(row.get("excludes", ""))
    except ValueError as error:
        raise fail(
            CandidateMessages.tr(
                "the pattern or a condition is not of the form key=value, key=value|value, key=* or key~text."
            )
        ) from error
    why = row.get("why", "") or "{match}"
    unknown = {name for _, name, _, _ in string.Formatter().parse(why) if name} - _WHY_FIELDS
    if unknown:
        raise fail(
            CandidateMessages.tr(
                "the why text uses {names}; only {{match}}, {{requires}} and {{asset_type}} exist."
            ).format(names=", ".join(sorted(unknown)))
        )
    return CandidateRule(line, row["asset_type"], row["match"], pattern, requires, excludes, why)


def load_rules(path: Optional[PathLike] = None) -> list[CandidateRule]:
    """The validated rules of a table (default: the bundled one), in table order."""
    source = Path(path) if path is not None else DEFAULT_RULES
    rules = [_rule(source, line, row) for line, row in read_csv_table(source, ("asset_type", "match", "pattern"))]
    if not rules:
        raise FifteenMinError(CandidateMessages.tr("The candidate rules {path} contain no rule.").format(path=source))
    return rules


@dataclass(frozen=True)
class CandidateMatch:
    """What the first matching rule says about a feature."""

    asset_type: str
    why: str
    rule: CandidateRule


def match_feature(
    rules: Iterable[CandidateRule], names: Iterable[str], values: Iterable[object]
) -> Optional[CandidateMatch]:
    """The first rule matching a feature's field names and values, or None."""
    fields, tags = feature_tags(names, values)
    for rule in rules:
        why = rule.apply(fields, tags)
        if why is not None:
            return CandidateMatch(rule.asset_type, why, rule)
    return None
