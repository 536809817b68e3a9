"""Chain brands: which facilities belong to a national or regional chain (2025 indicator 品牌连锁化率).

The 2025 notice (商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》) sets a chain-store share of
at least 30 %. The table resources/categories/brands.csv (plugin default, editable; a user's own table adds to it)
has the columns ``brand,wikidata,name_patterns,scope,note,source``:

- ``brand``: the OSM ``brand`` values and exact names of the chain (alternatives joined by “|”);
- ``wikidata``: its ``brand:wikidata`` id, when known;
- ``name_patterns``: parts of a name that mark the chain (“|”-joined, case-insensitive), e.g. 物美 in 物美超市.

A facility is a chain store when its ``brand`` or whole name equals a brand value, its ``brand:wikidata`` equals an
id, or its name contains a pattern. OSM layers read by OGR carry brand tags in ``other_tags``; they are read too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import is_null

PathLike = Union[str, os.PathLike]

BRANDS_PATH = RESOURCES_DIR / "categories" / "brands.csv"
BRAND_COLUMNS = ("brand", "wikidata", "name_patterns", "source")
#: facility fields read for the brand (OGR's OSM driver keeps the tags it has no column for in other_tags)
BRAND_FIELDS = ("brand", "brand:wikidata", "brand_wikidata", "name", "other_tags")
_HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


class BrandMessages(Messages):
    """Translation context of the brand table messages."""


@dataclass(frozen=True)
class Brand:
    """One chain: its brand values, Wikidata id, name patterns and source."""

    names: tuple[str, ...]
    wikidata: str
    patterns: tuple[str, ...]
    source: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def load_brands(path: Optional[PathLike] = None, extensions: Iterable[PathLike] = ()) -> list[Brand]:
    """The brand table (default: the bundled one) plus a user's tables; FifteenMinError naming a bad line.

    Refused: a row without a brand or without a source, and a Wikidata id that is not Q followed by digits.
    """
    brands = []
    for source_path in (Path(path) if path is not None else BRANDS_PATH, *map(Path, extensions)):
        for line, row in read_csv_table(source_path, BRAND_COLUMNS, BrandMessages.tr("brand table")):
            names = _split(row["brand"])
            if not names or not row["source"]:
                raise FifteenMinError(
                    BrandMessages.tr(
                        "Line {line} of {path}: a brand needs its name(s) in “brand” and a source (e.g. plugin "
                        "default, editable)."
                    ).format(line=line, path=source_path)
                )
            if row["wikidata"] and not _WIKIDATA.match(row["wikidata"]):
                raise FifteenMinError(
                    BrandMessages.tr("Line {line} of {path}: “{value}” is not a Wikidata id such as Q37158.").format(
                        line=line, path=source_path, value=row["wikidata"]
                    )
                )
            brands.append(Brand(names, row["wikidata"], _split(row["name_patterns"]), row["source"]))
    return brands


def other_tags(value: Any) -> dict[str, str]:
    """The key/value pairs of an OGR OSM ``other_tags`` hstore text ("k"=>"v",…)."""
    if is_null(value):
        return {}
    return {key.replace('\\"', '"'): val.replace('\\"', '"') for key, val in _HSTORE.findall(str(value))}


class BrandMatcher:
    """Tells whether a facility's brand, Wikidata id or name belongs to a chain of the table."""

    def __init__(self, brands: Iterable[Brand]) -> None:
        brands = list(brands)
        self._names = {name.casefold() for brand in brands for name in brand.names}
        self._wikidata = {brand.wikidata for brand in brands if brand.wikidata}
        self._patterns = tuple({pattern.casefold() for brand in brands for pattern in brand.patterns})

    def is_chain(self, tags: Mapping[str, Any]) -> bool:
        """True when `tags` (brand, brand:wikidata, name, other_tags, any present) name a chain of the table."""
        values = {key: str(value).strip() for key, value in tags.items() if key != "other_tags" and not is_null(value)}
        for key, value in other_tags(tags.get("other_tags")).items():
            values.setdefault(key, value.strip())
        wikidata = values.get("brand:wikidata") or values.get("brand_wikidata") or ""
        if wikidata and wikidata in self._wikidata:
            return True
        brand, name = values.get("brand", "").casefold(), values.get("name", "").casefold()
        if (brand and brand in self._names) or (name and name in self._names):
            return True
        return any(pattern in text for text in (brand, name) if text for pattern in self._patterns)
