"""Cross-source deduplication (no QGIS application needed)."""

from __future__ import annotations

import math
import random

import pytest

from fifteen_min_plugin.core.facilities.dedup import (
    Facility,
    duplicate_groups,
    merge_duplicates,
    normalise_name,
)
from fifteen_min_plugin.core.settings import DEDUP_TOLERANCE_M

LAT0 = 40.0
M_PER_DEG_LAT = 6371008.8 * math.pi / 180.0


def _shift(lon: float, lat: float, east_m: float, north_m: float) -> tuple[float, float]:
    return lon + east_m / (M_PER_DEG_LAT * math.cos(math.radians(lat))), lat + north_m / M_PER_DEG_LAT


def _facility(key, east_m, north_m, name="罗森", category="convenience_store", source="osm"):
    lon, lat = _shift(116.35, LAT0, east_m, north_m)
    return Facility(key, lon, lat, category, name, source)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("罗森(中关村店)", "罗森"),
        ("罗森（中关村店）", "罗 森"),
        ("物美超市【学院路】", "物美超市"),
        ("物美超市分店", "物美超市"),
        ("Wumart [Haidian]", "wumart"),
        ("7-Eleven", "７ｅｌｅｖｅｎ"),
        ("同仁堂·大药房", "同仁堂大药房"),
    ],
)
def test_names_equal_after_normalisation(a, b):
    assert normalise_name(a) == normalise_name(b) != ""


def test_different_names_stay_different():
    assert normalise_name("罗森") != normalise_name("全家")
    assert normalise_name("便利店") == "便利店"  # a bare 店 suffix is part of the name
    assert normalise_name("(分店)") == ""


def test_same_facility_from_two_sources_is_merged_with_both_sources():
    records = [
        _facility("osm/1", 0, 0, "罗森(中关村店)", source="osm"),
        _facility("amap/B1", 20, 10, "罗森", source="amap"),
        _facility("amap/B2", 0, 0, "全家", source="amap"),
    ]
    merged = merge_duplicates(records)
    assert [f.key for f in merged] == ["osm/1", "amap/B2"]
    assert merged[0].source == "osm;amap"
    assert (merged[0].lon, merged[0].lat, merged[0].name) == (records[0].lon, records[0].lat, records[0].name)


@pytest.mark.parametrize(
    ("distance_m", "category", "source", "merged"),
    [
        (29.0, "convenience_store", "amap", True),
        (31.0, "convenience_store", "amap", False),
        (5.0, "supermarket", "amap", False),
        (5.0, "convenience_store", "osm", False),
    ],
)
def test_rule_needs_category_name_tolerance_and_two_sources(distance_m, category, source, merged):
    records = [
        _facility("a", 0, 0),
        _facility("b", distance_m * 0.6, distance_m * 0.8, category=category, source=source),
    ]
    assert (len(merge_duplicates(records, DEDUP_TOLERANCE_M)) == 1) is merged


def test_tolerance_is_a_parameter_and_nameless_records_never_merge():
    records = [_facility("a", 0, 0), _facility("b", 80, 0, source="amap")]
    assert len(merge_duplicates(records, 30.0)) == 2
    assert len(merge_duplicates(records, 100.0)) == 1
    nameless = [_facility("a", 0, 0, name=""), _facility("b", 0, 0, name="", source="amap")]
    assert len(merge_duplicates(nameless)) == 2
    with pytest.raises(ValueError):
        duplicate_groups(records, -1.0)


def test_grid_result_equals_brute_force_on_random_data():
    rng = random.Random(7)
    names = ["罗森", "物美", "药房", "菜市场"]
    records = [
        _facility(
            str(i),
            rng.uniform(0, 400),
            rng.uniform(0, 400),
            name=rng.choice(names),
            category=rng.choice(["a", "b"]),
            source=rng.choice(["osm", "amap", "baidu"]),
        )
        for i in range(600)
    ]
    # oracle: union-find over every pair, computed with the haversine distance
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def haversine(p, q):
        p1, p2 = math.radians(p.lat), math.radians(q.lat)
        dlon = math.radians(q.lon - p.lon)
        h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
        return 2 * 6371008.8 * math.asin(math.sqrt(h))

    for i, p in enumerate(records):
        for j in range(i):
            q = records[j]
            if p.category == q.category and p.name == q.name and p.source != q.source and haversine(p, q) <= 30.0:
                parent[find(i)] = find(j)
    expected: dict[int, list[int]] = {}
    for i in range(len(records)):
        expected.setdefault(find(i), []).append(i)
    oracle = sorted((g for g in expected.values() if len(g) > 1), key=lambda g: g[0])
    assert oracle  # the random data does contain duplicates
    assert duplicate_groups(records, 30.0) == oracle
