"""Write the sample bureau survey spreadsheet: GCJ-02 coordinates, GBK encoding, Chinese headers.

A street survey as a bureau exports it from an Amap-based tool: the facilities OSM lacks (breakfast, laundry,
hair, housekeeping, repair, parcel lockers, vegetable stalls), placed reproducibly (seed 15) along the sample's
Haidian streets, plus two rows that duplicate OSM facilities 8-12 m away (to exercise deduplication) and two
rows with broken coordinates (to show that bad rows are reported by row number). Every row is synthetic and
says so in the 数据说明 column. Streets: © OpenStreetMap contributors, ODbL 1.0.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from fifteen_min_plugin.core.facilities.chinacoords import wgs84_to_gcj02  # noqa: E402

SEED = 15
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
OUTPUT = ROOT / "resources" / "sample" / "haidian_survey_gcj02_gbk.csv"
NOTE = "合成示例数据（make_sample_spreadsheet.py，种子 15）"
# (type as the survey writes it, name stems)
KINDS = [
    ("早餐", ["老北京早点", "庆丰包子铺", "张记豆浆油条", "和合谷早餐"]),
    ("洗衣", ["福奈特洗衣", "荣昌洗衣店", "象王干洗"]),
    ("美发", ["丝域美发", "小李理发", "东田造型"]),
    ("家政服务", ["好帮手家政", "社区家政服务站"]),
    ("维修", ["便民修鞋配钥匙", "家电维修部", "自行车维修点"]),
    ("快递", ["菜鸟驿站", "丰巢快递柜", "妈妈驿站"]),
    ("菜店", ["社区菜店", "每日优鲜菜站", "平价蔬菜"]),
    ("药店", ["金象大药房", "同仁堂药店"]),
    ("养老服务", ["社区养老服务驿站", "日间照料中心"]),
]
ROWS_PER_KIND = 3
AREA = (116.3445, 39.9985, 116.3595, 40.0085)  # inside the OSM extract (lon/lat min, max)


def _street_points(rng: random.Random, count: int) -> list[tuple[float, float]]:
    roads = QgsVectorLayer(f"{SAMPLE}|layername=haidian_roads", "roads", "ogr")
    lines = [f.geometry() for f in roads.getFeatures() if f["highway"] in {"residential", "tertiary", "secondary"}]
    lines.sort(key=lambda g: g.asWkt(7))
    points = []
    while len(points) < count:
        line = rng.choice(lines)
        point = line.interpolate(rng.random() * line.length()).asPoint()
        if not (AREA[0] < point.x() < AREA[2] and AREA[1] < point.y() < AREA[3]):
            continue  # streets run on beyond the extract: keep the survey inside it
        # a shop stands beside the street, not on its centre line: 10-25 m off, in degrees at 40°N
        angle, offset = rng.random() * 2 * math.pi, 10 + rng.random() * 15
        points.append((point.x() + offset * math.cos(angle) / 85_300, point.y() + offset * math.sin(angle) / 111_000))
    return points


def _duplicates_of_osm(rng: random.Random) -> list[tuple[str, str, float, float]]:
    pois = QgsVectorLayer(f"{SAMPLE}|layername=haidian_pois", "pois", "ogr")
    wanted = {"convenience": "便利店", "pharmacy": "药店"}
    rows = []
    for feature in sorted(pois.getFeatures(), key=lambda f: str(f["osm_id"])):
        tag = feature["shop"] if feature["shop"] in wanted else feature["amenity"]
        if tag in wanted and feature["name"] and all(r[1] != wanted[tag] for r in rows):
            point = feature.geometry().asPoint()
            metres = 8 + rng.random() * 4
            rows.append((str(feature["name"]), wanted[tag], point.x() + metres / 85_300, point.y()))
    return rows


def build(output: Path = OUTPUT) -> int:
    rng = random.Random(SEED)
    rows = []
    points = _street_points(rng, len(KINDS) * ROWS_PER_KIND)
    for index, (kind, names) in enumerate(k for k in KINDS for _ in range(ROWS_PER_KIND)):
        name = f"{names[index % len(names)]}（{['学院路', '清华东路', '成府路', '双清路'][index % 4]}店）"
        rows.append((name, kind, *points[index]))
    rows.extend(_duplicates_of_osm(rng))
    lon, lat = wgs84_to_gcj02([r[2] for r in rows], [r[3] for r in rows])
    with output.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["名称", "类型", "地址", "经度", "纬度", "数据说明"])
        for (name, kind, _, _), x, y in zip(rows, lon, lat):
            writer.writerow([name, kind, "北京市海淀区", f"{x:.6f}", f"{y:.6f}", NOTE])
        writer.writerow(["坐标缺失的调查点", "早餐", "北京市海淀区", "", "", NOTE])
        writer.writerow(["坐标写错的调查点", "洗衣", "北京市海淀区", "东经116度", "40.0", NOTE])
    return len(rows) + 2


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    print(f"{build(args.output)} rows written to {args.output}")
    app.exitQgis()
