"""Merge the same facility reported by two sources (e.g. OSM and Amap).

Two records are the same facility when they have the same category, their names are equal after
`normalise_name`, they come from different sources and lie within the tolerance (default 30 m,
Settings.dedup_tolerance_m). Records without a name or category are never merged. Candidates are found
through a grid of tolerance-sized cells, so the work grows with the number of records, not its square.
Coordinates are WGS84 longitude/latitude; distances use a local equirectangular approximation, exact to
well under a centimetre at this scale.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from fifteen_min_plugin.core.settings import DEDUP_TOLERANCE_M

EARTH_RADIUS_M = 6371008.8
#: bracketed parts are branch markers: 罗森(中关村店), 物美【学院路】, Wumart [Haidian branch]
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|「[^「」]*」")
#: trailing branch words, removed once brackets and punctuation are gone
_SUFFIXES = ("分店", "总店", "门店", "直营店", "加盟店", "branch")


@dataclass(frozen=True)
class Facility:
    """One facility record: `key` identifies it in its source, `source` names the source (e.g. "osm")."""

    key: str
    lon: float
    lat: float
    category: str
    name: str
    source: str


def normalise_name(name: str) -> str:
    """NFKC, lower case, bracketed branch markers, spaces, punctuation and branch suffixes removed."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text


def _metres(a: Facility, b: Facility) -> float:
    lat0 = math.radians((a.lat + b.lat) / 2.0)
    dx = math.radians(b.lon - a.lon) * math.cos(lat0)
    dy = math.radians(b.lat - a.lat)
    return EARTH_RADIUS_M * math.hypot(dx, dy)


def duplicate_groups(records: Sequence[Facility], tolerance_m: float = DEDUP_TOLERANCE_M) -> list[list[int]]:
    """Indices of records that are one facility, each group in input order; singletons are left out."""
    if tolerance_m < 0:
        raise ValueError(tolerance_m)
    cell_deg = max(tolerance_m, 1e-6) / (EARTH_RADIUS_M * math.pi / 180.0)
    grid: dict[tuple[str, str, int, int], list[int]] = defaultdict(list)
    names = [normalise_name(record.name) for record in records]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # one longitude cell width for all records, wide enough at the highest latitude present
    top_lat = max((abs(record.lat) for record in records), default=0.0)
    lon_cell = cell_deg / max(math.cos(math.radians(min(top_lat, 89.9))), 1e-6)
    for index, record in enumerate(records):
        if not names[index] or not record.category:
            continue
        cx, cy = math.floor(record.lon / lon_cell), math.floor(record.lat / cell_deg)
        for nx in (cx - 1, cx, cx + 1):
            for ny in (cy - 1, cy, cy + 1):
                for other in grid.get((record.category, names[index], nx, ny), ()):
                    if records[other].source != record.source and _metres(record, records[other]) <= tolerance_m:
                        parent[find(index)] = find(other)
        grid[(record.category, names[index], cx, cy)].append(index)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(records)):
        groups[find(index)].append(index)
    return sorted((group for group in groups.values() if len(group) > 1), key=lambda group: group[0])


def merge_duplicates(records: Sequence[Facility], tolerance_m: float = DEDUP_TOLERANCE_M) -> list[Facility]:
    """Records with each duplicate group merged into its first record, whose `source` lists every source.

    Sources are joined with ";" in input order, without repeats (e.g. "osm;amap"); order is preserved.
    """
    merged_into: dict[int, Facility] = {}
    dropped: set[int] = set()
    for group in duplicate_groups(records, tolerance_m):
        sources: list[str] = []
        for index in group:
            for source in records[index].source.split(";"):
                if source and source not in sources:
                    sources.append(source)
        merged_into[group[0]] = replace(records[group[0]], source=";".join(sources))
        dropped.update(group[1:])
    return [merged_into.get(index, record) for index, record in enumerate(records) if index not in dropped]
