"""Assign a facility category to a POI record from its provider class, OSM tags or name.

Provider classes: Amap type codes, Baidu tags, Tencent categories and Tianditu classes.

Precedence, applied to every record:
1. An explicit match (OSM tag, Amap type code, Baidu tag, Tencent category, Tianditu class) beats a name keyword.
2. Within one kind the more specific match wins: OSM `key=value` over `key=*`, a longer Amap type-code
   prefix (`080111` over `0801`), a deeper Baidu tag or Tencent category path (`美食;咖啡厅` over `美食`,
   `购物:便利店` over `购物`), a longer keyword (`便利超市` over `超市`). A Tianditu class matches whole.
3. The rule's `priority` breaks remaining ties (higher wins), then the order of the rules files.
Between explicit kinds (a record with both OSM tags and a type code) priority, then file order decides.
A rule with code `-` (NOT_A_FACILITY, e.g. amenity=parking) is an explicit match to "no category": the
record stays unclassified and its name is not searched (原幼儿园停车场 is a car park, not a kindergarten).
Multi-valued OSM tags (`shop=convenience;hairdresser`), Amap codes (`070000|060000`) and Baidu tags are
split and every value is tried.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsProcessingFeedback

from fifteen_min_plugin.core.facilities.categories import (
    AMAP_TYPECODE,
    BAIDU_TAG,
    NAME_KEYWORD,
    NOT_A_FACILITY,
    OSM_AND,
    OSM_TAG,
    TENCENT_CATEGORY,
    TIANDITU_CLASS,
    Category,
    Rule,
    load_categories,
    load_rules,
)
from fifteen_min_plugin.core.language import Messages

#: fields every classified output adds, in this order
CATEGORY_FIELDS = ("category", "category_class", "category_zh", "matched_by")
#: record keys that are not OSM tags
TYPECODE_KEY = "typecode"
BAIDU_TAG_KEY = "baidu_tag"
TENCENT_CATEGORY_KEY = "tencent_category"
TIANDITU_CLASS_KEY = "tianditu_class"
NAME_KEY = "name"

#: (explicit?, specificity, priority, -rule order): larger is better
_Rank = tuple[int, int, int, int]


def normalise_text(text: str) -> str:
    """NFKC and lower case, the form name keywords are matched in."""
    return unicodedata.normalize("NFKC", text).lower()


class Classifier:
    """Rules compiled into dictionary lookups and one keyword regex; `classify` is O(tags + name length)."""

    def __init__(self, rules: Sequence[Rule], categories: Sequence[Category]) -> None:
        self.categories = {category.code: category for category in categories}
        self._osm_exact: dict[tuple[str, str], tuple[_Rank, str, str]] = {}
        self._osm_any: dict[str, tuple[_Rank, str, str]] = {}
        self._osm_all: list[tuple[tuple[tuple[str, str], ...], tuple[_Rank, str, str]]] = []
        self._amap: dict[str, tuple[_Rank, str, str]] = {}
        self._baidu: dict[str, tuple[_Rank, str, str]] = {}
        self._tencent: dict[str, tuple[_Rank, str, str]] = {}
        self._tianditu: dict[str, tuple[_Rank, str, str]] = {}
        self._keywords: dict[str, tuple[_Rank, str, str]] = {}
        for order, rule in enumerate(rules):
            if rule.kind == OSM_TAG and OSM_AND in rule.pattern:
                parts = (part.split("=", 1) for part in rule.pattern.split(OSM_AND))
                pairs = tuple((key, value) for key, value in parts)
                winner = ((1, 3, rule.priority, -order), rule.code, f"osm:{rule.pattern}")
                self._osm_all.append((pairs, winner))
            elif rule.kind == OSM_TAG:
                key, value = rule.pattern.split("=", 1)
                if value == "*":
                    self._osm_any[key] = ((1, 1, rule.priority, -order), rule.code, f"osm:{key}=*")
                else:
                    self._osm_exact[(key, value)] = ((1, 2, rule.priority, -order), rule.code, f"osm:{rule.pattern}")
            elif rule.kind == AMAP_TYPECODE:
                label = "amap:" + rule.pattern.ljust(6, "x")
                self._amap[rule.pattern] = ((1, len(rule.pattern), rule.priority, -order), rule.code, label)
            elif rule.kind == BAIDU_TAG:
                depth = rule.pattern.count(";") + 1
                self._baidu[rule.pattern] = ((1, depth, rule.priority, -order), rule.code, f"baidu:{rule.pattern}")
            elif rule.kind == TENCENT_CATEGORY:
                depth = rule.pattern.count(":") + 1
                rank = (1, depth, rule.priority, -order)
                self._tencent[rule.pattern] = (rank, rule.code, f"tencent:{rule.pattern}")
            elif rule.kind == TIANDITU_CLASS:
                rank = (1, 1, rule.priority, -order)
                self._tianditu[rule.pattern] = (rank, rule.code, f"tianditu:{rule.pattern}")
            elif rule.kind == NAME_KEYWORD:
                rank = (0, len(rule.pattern), rule.priority, -order)
                self._keywords[rule.pattern] = (rank, rule.code, f"name:{rule.pattern}")
        all_keys = [key for pairs, _ in self._osm_all for key, _ in pairs]
        self.osm_keys = frozenset([key for key, _ in self._osm_exact] + list(self._osm_any) + all_keys)
        #: every OSM key=value rule (the first tag of a rule needing several) and every key=* rule's key, for queries
        self.osm_tags = tuple(sorted(set(self._osm_exact) | {pairs[0] for pairs, _ in self._osm_all}))
        self.osm_any_keys = frozenset(self._osm_any)
        self._amap_lengths = sorted({len(prefix) for prefix in self._amap}, reverse=True)
        alternatives = "|".join(re.escape(word) for word in sorted(self._keywords, key=len, reverse=True))
        # a lookahead finds overlapping keywords too (菜鸟驿站 and 驿站 both start somewhere)
        self._keyword_regex = re.compile(f"(?=({alternatives}))") if alternatives else None

    @classmethod
    def default(cls, rule_files: Iterable[Path | str] = (), category_files: Iterable[Path | str] = ()) -> Classifier:
        """The bundled categories and rules, extended by user files (later rules override earlier ones)."""
        categories = load_categories(extensions=category_files)
        return cls(load_rules(extensions=rule_files, categories=categories), categories)

    def classify(self, record: Mapping[str, Any]) -> tuple[Optional[str], str]:
        """(category code or None, what matched e.g. "osm:shop=convenience", "amap:0602xx", "name:便利店").

        `record` holds OSM tags as keys, plus optionally `typecode` (Amap), `baidu_tag`, `tencent_category`,
        `tianditu_class` and `name`.
        """
        winners = [
            self._best_osm(record),
            self._best_amap(record),
            self._best_path(record, BAIDU_TAG_KEY, ";", self._baidu),
            self._best_path(record, TENCENT_CATEGORY_KEY, ":", self._tencent),
            self._best_tianditu(record),
        ]
        explicit = [winner for winner in winners if winner is not None]
        # within a kind specificity ranked first; across kinds only priority, then rule order
        best = max(explicit, key=lambda winner: (winner[0][2], winner[0][3])) if explicit else None
        named = self._best_keyword(record)
        # a name keyword decides when nothing explicit matched, or when it has a higher priority than the explicit
        # category (a provider's 诊所 class named 社区卫生服务站); an explicit "not a facility" always stands
        if named is not None and (best is None or (best[1] != NOT_A_FACILITY and named[0][2] > best[0][2])):
            best = named
        if best is None:
            return None, ""
        return (None if best[1] == NOT_A_FACILITY else best[1]), best[2]

    def _best_keyword(self, record: Mapping[str, Any]) -> Optional[tuple[_Rank, str, str]]:
        name = record.get(NAME_KEY)
        if not name or self._keyword_regex is None:
            return None
        best = None
        for found in self._keyword_regex.finditer(normalise_text(str(name))):
            candidate = self._keywords[found.group(1)]
            if best is None or candidate[0] > best[0]:
                best = candidate
        return best

    def _best_osm(self, record: Mapping[str, Any]) -> Optional[tuple[_Rank, str, str]]:
        best = None
        for key in self.osm_keys:
            value = record.get(key)
            if not value:
                continue
            candidates = [self._osm_any.get(key)]
            candidates += [self._osm_exact.get((key, part.strip())) for part in str(value).split(";")]
            for candidate in candidates:
                if candidate is not None and (best is None or candidate[0] > best[0]):
                    best = candidate
        for pairs, candidate in self._osm_all:
            if (best is None or candidate[0] > best[0]) and all(
                value in (part.strip() for part in str(record.get(key) or "").split(";")) for key, value in pairs
            ):
                best = candidate
        return best

    def _best_amap(self, record: Mapping[str, Any]) -> Optional[tuple[_Rank, str, str]]:
        best = None
        for code in str(record.get(TYPECODE_KEY) or "").split("|"):
            code = code.strip()
            for length in self._amap_lengths:
                candidate = self._amap.get(code[:length]) if len(code) >= length else None
                if candidate is not None:
                    if best is None or candidate[0] > best[0]:
                        best = candidate
                    break
        return best

    @staticmethod
    def _best_path(
        record: Mapping[str, Any], key: str, separator: str, rules: Mapping[str, tuple[_Rank, str, str]]
    ) -> Optional[tuple[_Rank, str, str]]:
        """The deepest rule matching a prefix of any of the record's category paths (Baidu tags, Tencent)."""
        best = None
        for path in re.split(r"[,|，]", str(record.get(key) or "")):
            segments = [segment.strip() for segment in path.split(separator)]
            for depth in range(len(segments), 0, -1):
                candidate = rules.get(separator.join(segments[:depth]))
                if candidate is not None:
                    if best is None or candidate[0] > best[0]:
                        best = candidate
                    break
        return best

    def _best_tianditu(self, record: Mapping[str, Any]) -> Optional[tuple[_Rank, str, str]]:
        best = None
        for name in re.split(r"[,|，]", str(record.get(TIANDITU_CLASS_KEY) or "")):
            candidate = self._tianditu.get(name.strip())
            if candidate is not None and (best is None or candidate[0] > best[0]):
                best = candidate
        return best

    def attributes(self, record: Mapping[str, Any]) -> list[Optional[str]]:
        """Values of CATEGORY_FIELDS for `record` (category fields None when unmatched; matched_by may be set)."""
        code, matched_by = self.classify(record)
        category = self.categories.get(code) if code else None
        if category is None:
            return [None, None, None, matched_by or None]
        return [category.code, category.category_class, category.name_zh, matched_by]


class AttributeRecords:
    """What the classifier reads from a feature: its `other_tags`, its OSM tag columns and the chosen fields."""

    def __init__(self, names: Sequence[str], chosen: Mapping[str, int], osm_keys: Iterable[str]) -> None:
        """`names` are the layer's field names; `chosen` maps a record key (NAME_KEY…) to a field index."""
        keys = set(osm_keys)
        self.tag_columns = [(name, i) for i, name in enumerate(names) if name in keys]
        self.other_tags = list(names).index("other_tags") if "other_tags" in names else -1
        self.chosen = dict(chosen)

    def record(self, attributes: Sequence[Any]) -> dict[str, Any]:
        """The classifier's record of one feature's `attributes`."""
        from fifteen_min_plugin.core.facilities.osm_reader import parse_other_tags  # it imports this module

        record: dict[str, Any] = parse_other_tags(attributes[self.other_tags]) if self.other_tags >= 0 else {}
        for name, index in self.tag_columns:
            if attributes[index] not in (None, ""):
                record[name] = str(attributes[index])
        for key, index in self.chosen.items():
            value = attributes[index]
            record[key] = "" if value is None else str(value)
        return record


class ClassificationLog(Messages):
    """Writes classification counts to a run's log; the class name is the translation context."""

    @classmethod
    def push(cls, feedback: QgsProcessingFeedback, classifier: Classifier, counts: Counter, total: int) -> None:
        """Per-category counts in table order, then how many features were classified and unclassified."""
        from fifteen_min_plugin.core.labels import category_label  # labels reads the categories table too

        for code, category in classifier.categories.items():
            if counts[code]:
                feedback.pushInfo(f"  {category_label(code, [category])}: {counts[code]}")
        feedback.pushInfo(
            ClassificationLog.tr(
                "{matched} of {total} features classified; {unmatched} unclassified (empty category)."
            ).format(matched=total - counts[None], total=total, unmatched=counts[None])
        )
