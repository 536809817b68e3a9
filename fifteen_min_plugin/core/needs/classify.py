"""Free-text needs ("楼下没有早餐店", "老人吃饭难") to facility category codes.

The same editable keyword rules as facilities: every `name_keyword` rule of the facility rules (the bundled file
and the user's files), plus the `needs_keyword` rules of resources/categories/needs_rules.csv (and user needs
rules files), which hold the phrasing residents use rather than shop names (买菜, 看病, 吃饭难). Every keyword
found in the text competes; the longest wins, then the rule's priority, then the later file. Text matching no
keyword stays unclassified (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Optional

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import (
    NAME_KEYWORD,
    NOT_A_FACILITY,
    Category,
    load_categories,
    load_rules,
    normalise_pattern,
    read_table,
)
from fifteen_min_plugin.core.facilities.classify import normalise_text
from fifteen_min_plugin.core.language import Messages

NEEDS_RULES_PATH = RESOURCES_DIR / "categories" / "needs_rules.csv"
NEEDS_KEYWORD = "needs_keyword"
_COLUMNS = ("code", "kind", "pattern")


class NeedsRules(Messages):
    """Translation context of the needs rules file messages."""


def load_needs_keywords(
    categories: Sequence[Category],
    path: Optional[Path | str] = None,
    extensions: Iterable[Path | str] = (),
) -> list[tuple[str, str, int]]:
    """(keyword, code, priority) of the needs rules files, in file order; a later file's keyword replaces one.

    Raises FifteenMinError naming the file and line of an unknown code, kind or empty pattern.
    """
    known = {category.code for category in categories}
    keywords: dict[str, tuple[str, str, int]] = {}
    for source in (Path(path) if path is not None else NEEDS_RULES_PATH, *map(Path, extensions)):
        for line, row in read_table(source, _COLUMNS):
            if row["code"] not in known and row["code"] != NOT_A_FACILITY:
                raise FifteenMinError(
                    NeedsRules.tr(
                        "Line {line} of {path}: the category “{code}” is not in the categories table."
                    ).format(line=line, path=source, code=row["code"])
                )
            if row["kind"] not in (NEEDS_KEYWORD, NAME_KEYWORD):
                raise FifteenMinError(
                    NeedsRules.tr(
                        "Line {line} of {path}: the kind “{kind}” must be needs_keyword or name_keyword."
                    ).format(line=line, path=source, kind=row["kind"])
                )
            pattern = normalise_pattern(NAME_KEYWORD, row["pattern"])
            if pattern is None:
                raise FifteenMinError(
                    NeedsRules.tr("Line {line} of {path}: the keyword is empty.").format(line=line, path=source)
                )
            try:
                priority = int(row.get("priority", "") or "0")
            except ValueError:
                raise FifteenMinError(
                    NeedsRules.tr("Line {line} of {path}: the priority “{value}” is not a whole number.").format(
                        line=line, path=source, value=row.get("priority", "")
                    )
                ) from None
            keywords.pop(pattern, None)
            keywords[pattern] = (pattern, row["code"], priority)
    return list(keywords.values())


class NeedsClassifier:
    """Keyword rules compiled into one overlapping regex; `classify` is linear in the text length."""

    def __init__(self, keywords: Sequence[tuple[str, str, int, str]], categories: Sequence[Category]) -> None:
        """`keywords`: (normalised keyword, code, priority, label such as "needs:买菜"), later ones win ties."""
        self.categories = {category.code: category for category in categories}
        self._rules: dict[str, tuple[tuple[int, int, int], str, str]] = {}
        for order, (keyword, code, priority, label) in enumerate(keywords):
            self._rules[keyword] = ((len(keyword), priority, order), code, label)
        alternatives = "|".join(re.escape(word) for word in sorted(self._rules, key=len, reverse=True))
        self._regex = re.compile(f"(?=({alternatives}))") if alternatives else None

    @classmethod
    def default(
        cls,
        rule_files: Iterable[Path | str] = (),
        needs_rule_files: Iterable[Path | str] = (),
        category_files: Iterable[Path | str] = (),
    ) -> NeedsClassifier:
        """Facility name keywords (bundled + `rule_files`) then needs keywords (bundled + `needs_rule_files`)."""
        categories = load_categories(extensions=category_files)
        rules = [
            (rule.pattern, rule.code, rule.priority, f"name:{rule.pattern}")
            for rule in load_rules(extensions=rule_files, categories=categories)
            if rule.kind == NAME_KEYWORD
        ]
        needs = [
            (keyword, code, priority, f"needs:{keyword}")
            for keyword, code, priority in load_needs_keywords(categories, extensions=needs_rule_files)
        ]
        return cls([*rules, *needs], categories)

    def classify(self, text: str) -> tuple[Optional[str], str]:
        """(category code or None, the keyword that decided e.g. "needs:买菜"; "" when nothing matched)."""
        if self._regex is None or not text:
            return None, ""
        best = None
        for match in self._regex.finditer(normalise_text(text)):
            found = self._rules[match.group(1)]
            if best is None or found[0] > best[0]:
                best = found
        if best is None or best[1] == NOT_A_FACILITY:
            return None, "" if best is None else best[2]
        return best[1], best[2]
