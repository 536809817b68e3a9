"""Classifier and deduplication throughput on 100,000 synthetic POI records."""

from __future__ import annotations

import random
import time


def main() -> None:
    from fifteen_min_plugin.core.facilities.classify import Classifier
    from fifteen_min_plugin.core.facilities.dedup import Facility, merge_duplicates

    rng = random.Random(15)
    names = [
        "学院路农贸市场",
        "同仁堂大药房(学院路店)",
        "老王早餐",
        "菜鸟驿站",
        "某某服装",
        "好邻居便利超市",
        "无名小店",
    ]
    kinds = [
        lambda: {"shop": rng.choice(["convenience", "clothes", "supermarket"]), "name": rng.choice(names)},
        lambda: {"typecode": rng.choice(["060200", "090601", "050100", "061101", "141204|120302"])},
        lambda: {"baidu_tag": rng.choice(["购物;便利店", "美食;中餐厅", "丽人;美发"])},
        lambda: {"name": rng.choice(names)},
    ]
    records = [rng.choice(kinds)() for _ in range(100_000)]
    classifier = Classifier.default()
    start = time.perf_counter()
    matched = sum(1 for record in records if classifier.classify(record)[0])
    seconds = time.perf_counter() - start
    print(f"classify 100,000 records: {seconds:.2f} s ({100_000 / seconds:,.0f} records/s), {matched:,} matched")

    facilities = [
        Facility(
            str(i),
            116.30 + rng.uniform(0, 0.1),
            39.95 + rng.uniform(0, 0.1),
            rng.choice(["convenience_store", "pharmacy"]),
            rng.choice(names),
            rng.choice(["osm", "amap"]),
        )
        for i in range(100_000)
    ]
    start = time.perf_counter()
    merged = merge_duplicates(facilities, 30.0)
    seconds = time.perf_counter() - start
    print(f"deduplicate 100,000 facilities (30 m): {seconds:.2f} s, {len(facilities) - len(merged):,} merged away")


if __name__ == "__main__":
    main()
