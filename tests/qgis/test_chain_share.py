"""Chain-store share (2025 indicator, target ≥ 30 %) on the real Haidian OSM brands and on synthetic Chinese names."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.brands import BRANDS_PATH, BrandMatcher, load_brands, other_tags
from tests.qgis.conftest import osm_file
from tests.qgis.test_coverage import BASIC, ORIGIN, UTM, T, by_circle, point, run, square, write_gpkg

OSM = osm_file("beijing_haidian_cau.osm")


def _oracle_is_chain(tags: dict[str, str]) -> bool:
    """An independent reading of brands.csv: exact brand/name, Wikidata id, or a name pattern inside the name."""
    with BRANDS_PATH.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    names = {n.lower() for row in table for n in row["brand"].split("|")}
    ids = {row["wikidata"] for row in table if row["wikidata"]}
    patterns = {p.lower() for row in table for p in row["name_patterns"].split("|") if p}
    brand, name = tags.get("brand", "").lower(), tags.get("name", "").lower()
    if tags.get("brand:wikidata") in ids or brand in names - {""} or name in names - {""}:
        return True
    return any(p in brand or p in name for p in patterns if brand or name)


def test_chain_share_on_the_real_haidian_brands(processing, default_settings):
    classified = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": f"{OSM}|layername=points", "OUTPUT": "memory:"}
    )["OUTPUT"]
    basic_ids = {int(f["osm_id"]) for f in classified.getFeatures() if f["category"] in BASIC}
    elements = {int(e.get("id")): e for e in ET.parse(OSM).getroot() if e.tag == "node"}
    tags = {i: {t.get("k"): t.get("v") for t in elements[i].findall("tag")} for i in basic_ids}
    chain_ids = {i for i in basic_ids if _oracle_is_chain(tags[i])}
    by_brand = {tags[i].get("brand") for i in chain_ids}
    assert {"物美", "同仁堂"} <= by_brand  # the supermarket and the pharmacy tagged with their brand in the extract

    extent = classified.extent()
    extent.grow(0.01)
    circles = QgsVectorLayer("Polygon?crs=EPSG:4326&field=circle_id:string", "circles", "memory")
    feature = QgsFeature(circles.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(extent)))
    feature["circle_id"] = "all"
    circles.dataProvider().addFeatures([feature])

    out = by_circle(run(processing, CIRCLES=circles, FACILITIES=classified))["all"]

    assert len(basic_ids) > 20 and 0 < len(chain_ids) < len(basic_ids)
    assert out["chain_share"] == pytest.approx(len(chain_ids) / len(basic_ids))


def _synthetic(tmp_path):
    gpkg = tmp_path / "chains.gpkg"
    x0, y0 = ORIGIN
    circles = write_gpkg(
        gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, [("circle_id", T.String)],
        [(square(x0, y0, 1000), {"circle_id": "mixed"}), (square(x0 + 5000, y0, 1000), {"circle_id": "quality"})],
    )  # fmt: skip
    shops = [
        ("物美超市（学院路店）", "", "supermarket"),  # pattern 物美
        ("7-11便利店", "", "convenience_store"),  # pattern 7-11
        ("社区便民店", "罗森", "convenience_store"),  # brand field
        ("全家福理发店", "", "hair_beauty"),  # 全家 alone is not a pattern: 全家福 is no FamilyMart
        ("张记早餐", "", "breakfast"),
        ("老王修鞋", "", "repair"),
        ("星巴克（五道口店）", "", "cafe"),  # a chain, but a quality category: not in the basic share
    ]
    rows = [
        (point(x0 + 20 + 40 * i, y0 + 500), {"name": name, "brand": brand or None, "category": code})
        for i, (name, brand, code) in enumerate(shops)
    ]
    rows.append((point(x0 + 5500, y0 + 500), {"name": "瑞幸咖啡", "brand": None, "category": "cafe"}))
    fields = [("name", T.String), ("brand", T.String), ("category", T.String)]
    facilities = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, fields, rows)
    return circles, facilities


def test_chain_share_on_synthetic_chinese_names_and_a_user_table(processing, default_settings, tmp_path):
    circles, facilities = _synthetic(tmp_path)
    out = by_circle(run(processing, CIRCLES=circles, FACILITIES=facilities))
    assert out["mixed"]["chain_share"] == pytest.approx(3 / 6)
    assert out["quality"]["chain_share"] == NULL  # no basic-category facility at all

    mine = tmp_path / "local_brands.csv"
    mine.write_text("brand,wikidata,name_patterns,source\n张记,,张记早餐,区商务局 2025 名录\n", encoding="utf-8")
    extended = by_circle(run(processing, CIRCLES=circles, FACILITIES=facilities, BRANDS=str(mine)))
    assert extended["mixed"]["chain_share"] == pytest.approx(4 / 6)


def test_brand_tags_in_ogr_other_tags_are_read():
    matcher = BrandMatcher(load_brands())
    tags = '"brand"=>"同仁堂","brand:wikidata"=>"Q842099","healthcare"=>"pharmacy"'
    assert other_tags(tags)["brand:wikidata"] == "Q842099"
    assert matcher.is_chain({"name": "某某药房", "other_tags": tags})
    assert matcher.is_chain({"name": "x", "brand:wikidata": "Q37158"})
    assert not matcher.is_chain({"name": "全家福饭庄", "other_tags": None})


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (",,物美,x", ["Line 2", "brand"]),
        ("物美,,物美,", ["Line 2", "source"]),
        ("物美,8039225,,x", ["Line 2", "8039225"]),
    ],
)
def test_a_bad_brand_row_is_refused_with_its_line(processing, default_settings, tmp_path, row, words):
    path = tmp_path / "bad.csv"
    path.write_text("brand,wikidata,name_patterns,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(FifteenMinError) as caught:
        load_brands(extensions=[path])
    assert all(word in str(caught.value) for word in words), str(caught.value)
    circles, facilities = _synthetic(tmp_path)
    with pytest.raises(QgsProcessingException, match="Line 2"):
        run(processing, CIRCLES=circles, FACILITIES=facilities, BRANDS=str(path))
