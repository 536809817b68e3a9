"""importtable: a 100,000-row GBK CSV of GCJ-02 POIs to a GeoPackage, against QGIS's delimited-text provider."""

from __future__ import annotations

import csv
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from session import processing_session

ROWS = 100_000
TARGET_ROWS_PER_S = 20_000
#: (name keyword, Amap type text, Amap type code) for the generated POIs
KINDS = [
    ("便利店", "购物服务;便民商店/便利店;便民商店/便利店", "060200"),
    ("超市", "购物服务;超级市场;超市", "060400"),
    ("菜市场", "购物服务;综合市场;农副产品市场", "060705"),
    ("大药房", "医疗保健服务;医药保健销售店;药房", "090601"),
    ("早餐", "餐饮服务;快餐厅;快餐厅", "050300"),
    ("快递驿站", "生活服务;物流速递;物流速递", "070500"),
    ("幼儿园", "科教文化服务;学校;幼儿园", "141204"),
    ("养老驿站", "生活服务;生活服务场所;生活服务场所", "070000"),
    ("洗衣店", "生活服务;洗衣店;洗衣店", "071600"),
    ("咖啡", "餐饮服务;咖啡厅;咖啡厅", "050500"),
]
STREETS = ["学院路", "清华东路", "成府路", "中关村大街", "北四环西路", "知春路", "五道口", "西土城路"]


def write_csv(path: Path, seed: int, rows: int = ROWS) -> None:
    """A seeded Amap-style POI export of Beijing (GCJ-02, GBK, Chinese headers)."""
    rng = np.random.default_rng(seed)
    lon = rng.uniform(116.20, 116.50, rows)
    lat = rng.uniform(39.85, 40.05, rows)
    kind = rng.integers(0, len(KINDS), rows)
    street = rng.integers(0, len(STREETS), rows)
    number = rng.integers(1, 300, rows)
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["名称", "类型", "类型编码", "经度", "纬度", "地址", "电话"])
        for i in range(rows):
            keyword, type_text, code = KINDS[kind[i]]
            writer.writerow(
                [
                    f"{STREETS[street[i]]}{keyword}{i}号店",
                    type_text,
                    code,
                    f"{lon[i]:.6f}",
                    f"{lat[i]:.6f}",
                    f"北京市海淀区{STREETS[street[i]]}{number[i]}号",
                    f"010-{62000000 + i}",
                ]
            )


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _import(processing, path: Path, output: Path) -> str:
    return processing.run("fifteenmin:importtable", {"INPUT": str(path), "COORD_SYSTEM": 1, "OUTPUT": str(output)})[
        "OUTPUT"
    ]


def _native(processing, path: Path, output: Path) -> str:
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QUrl, QUrlQuery

    url = QUrl.fromLocalFile(str(path))
    query = QUrlQuery()
    for key, value in {
        "type": "csv",
        "delimiter": ",",
        "encoding": "GB18030",
        "xField": "经度",
        "yField": "纬度",
        "crs": "EPSG:4326",
        "detectTypes": "no",
        "spatialIndex": "no",
        "subsetIndex": "no",
        "watchFile": "no",
    }.items():
        query.addQueryItem(key, value)
    url.setQuery(query)
    layer = QgsVectorLayer(url.toString(), "native", "delimitedtext")
    if not layer.isValid():
        raise RuntimeError("the delimited-text provider could not open the benchmark CSV")
    return processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(output)})["OUTPUT"]


def _layer(path: str):
    from qgis.core import QgsVectorLayer

    return QgsVectorLayer(path, "check", "ogr")


def _count(path: str) -> int:
    return _layer(path).featureCount()


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _traced_import(processing, path: Path, output: Path) -> float:
    """Peak Python allocations (MB) while importing one file."""
    gc.collect()
    tracemalloc.start()
    try:
        _import(processing, path, output)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    processing = processing_session()
    with tempfile.TemporaryDirectory(prefix="bench_import_") as folder:
        work = Path(folder)
        first, second = work / "pois_a.csv", work / "pois_b.csv"
        write_csv(first, seed=15, rows=ROWS)
        write_csv(second, seed=16, rows=ROWS)
        size_mb = first.stat().st_size / 1e6
        print(f"input: {ROWS:,} rows of GBK CSV, GCJ-02, {size_mb:.1f} MB each (seeded)")

        native_s, native_out = _timed(lambda: _native(processing, first, work / "native.gpkg"))
        ours_s, ours_out = _timed(lambda: _import(processing, first, work / "ours.gpkg"))
        if _count(ours_out) != ROWS or _count(native_out) != ROWS:
            raise RuntimeError("an import lost rows")
        rate = ROWS / ours_s
        verdict = "met" if rate >= TARGET_ROWS_PER_S else "NOT met"
        print(f"native delimitedtext → savefeatures (no conversion): {native_s:6.2f} s {ROWS / native_s:9,.0f} rows/s")
        print(f"importtable (GBK + exact GCJ-02→WGS84 + classify):   {ours_s:6.2f} s {rate:9,.0f} rows/s")
        classified = sum(1 for f in _layer(ours_out).getFeatures() if f["category"])
        print(f"classified on import: {classified:,} of {ROWS:,} rows")
        print(f"ratio ours / native: {ours_s / native_s:.2f}×; target ≥ {TARGET_ROWS_PER_S:,} rows/s: {verdict}")

        rss_before = _maxrss_mb()
        peak_a = _traced_import(processing, first, work / "traced_a.gpkg")
        rss_a = _maxrss_mb()
        peak_b = _traced_import(processing, second, work / "traced_b.gpkg")
        rss_b = _maxrss_mb()
        print(f"peak Python allocations (tracemalloc): file A {peak_a:6.1f} MB, second file B {peak_b:6.1f} MB")
        print(
            f"process ru_maxrss: before {rss_before:6.1f} MB, after A {rss_a:6.1f} MB, after B {rss_b:6.1f} MB "
            f"(growth with the second file: {rss_b - rss_a:+.1f} MB)"
        )


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
