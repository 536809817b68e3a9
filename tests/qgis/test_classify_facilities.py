"""fifteenmin:classifyfacilities on the real Haidian OSM extract and on synthetic Chinese names."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from tests.qgis.conftest import osm_file
from tests.qgis.recording import RecordingFeedback

OSM = osm_file("beijing_haidian_cau.osm")
#: tags whose category nothing else in this extract competes for
UNAMBIGUOUS = {
    ("shop", "convenience"): "convenience_store",
    ("amenity", "pharmacy"): "pharmacy",
    ("leisure", "park"): "park",
    ("amenity", "kindergarten"): "kindergarten",
    ("shop", "supermarket"): "supermarket",
    ("amenity", "marketplace"): "fresh_market",
    ("amenity", "toilets"): "public_toilet",
    ("highway", "bus_stop"): "bus_stop",
    ("amenity", "restaurant"): "dining",  # everyday dining; OSM has no tag for 特色餐饮
    ("amenity", "fast_food"): "dining",
}


def _oracle() -> dict[tuple[str, str], set[tuple[str, int]]]:
    """(osm type, id) of every element carrying each unambiguous tag, read with xml.etree."""
    found: dict[tuple[str, str], set[tuple[str, int]]] = {tag: set() for tag in UNAMBIGUOUS}
    for element in ET.parse(OSM).getroot():
        if element.tag not in ("node", "way", "relation"):
            continue
        tags = {tag.get("k"): tag.get("v") for tag in element.findall("tag")}
        for key, value in UNAMBIGUOUS:
            if value in [part.strip() for part in tags.get(key, "").split(";")]:
                found[(key, value)].add((element.tag, int(element.get("id"))))
    return found


def _classify(processing, source, **extra):
    feedback = RecordingFeedback()
    result = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": source, "OUTPUT": "memory:", **extra}, feedback=feedback
    )
    return result["OUTPUT"], feedback.infos


@pytest.fixture(scope="module")
def osm_outputs(qgis_app, qgis_processing):
    from qgis import processing
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("fifteenmin")
    added = provider is None
    if added:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    try:  # a failed setup must not leave its provider behind: the modules after it would run against it
        points, point_log = _classify(processing, f"{OSM}|layername=points")
        polygons, polygon_log = _classify(processing, f"{OSM}|layername=multipolygons")
        yield points, point_log, polygons, polygon_log
    finally:
        if added:
            registry.removeProvider(provider)


def _ids(points, polygons, matched_by):
    ids = {("node", int(f["osm_id"])) for f in points.getFeatures() if f["matched_by"] == matched_by}
    for feature in polygons.getFeatures():
        if feature["matched_by"] == matched_by:
            way = feature["osm_way_id"]
            ids.add(("way", int(way)) if way else ("relation", int(feature["osm_id"])))
    return ids


def test_tag_matches_equal_an_independent_xml_count(osm_outputs):
    points, _, polygons, _ = osm_outputs
    oracle = _oracle()
    counts = Counter(f["category"] for layer in (points, polygons) for f in layer.getFeatures())
    for (key, value), code in UNAMBIGUOUS.items():
        expected = oracle[(key, value)]
        assert expected, (key, value)
        assert _ids(points, polygons, f"osm:{key}={value}") == expected, (key, value)
        assert counts[code] >= len(expected), code
    assert len(oracle[("shop", "convenience")]) == 18  # 17 plus one shop=convenience;hairdresser
    assert len(oracle[("leisure", "park")]) == 9  # all closed ways: the polygon layer carries them


def test_output_keeps_input_fields_and_counts_unmatched_in_the_log(osm_outputs):
    points, point_log, polygons, polygon_log = osm_outputs
    source = QgsVectorLayer(f"{OSM}|layername=points", "points", "ogr")
    assert points.featureCount() == sum(1 for _ in source.getFeatures())
    assert points.fields().names() == [
        *source.fields().names(),
        "category",
        "category_class",
        "category_zh",
        "matched_by",
    ]
    for layer, log in ((points, point_log), (polygons, polygon_log)):
        unmatched = sum(1 for f in layer.getFeatures() if f["category"] in (None, ""))
        total = layer.featureCount()
        assert f"{total - unmatched} of {total} features classified; {unmatched} unclassified (empty category)." in log
        assert unmatched > 0
    convenience = sum(1 for f in points.getFeatures() if f["category"] == "convenience_store")
    assert f"  Convenience store: {convenience}" in point_log  # the label, not the code
    row = next(f for f in points.getFeatures() if f["matched_by"] == "osm:shop=convenience")
    assert (row["category_class"], row["category_zh"]) == ("basic", "便利店")


def _synthetic_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=名称:string&field=typecode:string&field=tag:string&field=shop:string"
        "&field=category:string",
        "synthetic",
        "memory",
    )
    rows = [
        ("学院路农贸市场", None, None, None),
        ("同仁堂大药房(学院路店)", None, None, None),
        ("老王早餐包子铺", None, None, None),
        ("菜鸟驿站(农大东校区)", None, None, None),
        ("清河街道日间照料中心", None, None, None),
        ("好邻居便利超市", None, None, None),
        ("某某服装", "061101", None, None),
        ("罗森", "060200", None, None),
        ("无名小店", None, "购物;便利店", None),
        ("水果摊", None, None, "greengrocer"),
        ("老街药铺", None, None, None),
        ("旧分类", None, None, None),
    ]
    features = []
    for number, (name, typecode, tag, shop) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35 + number * 1e-4, 40.0)))
        feature.setAttributes([name, typecode, tag, shop, "stale"])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_names_type_codes_and_tags_of_a_chinese_table(processing, tmp_path):
    rules = tmp_path / "extra.csv"
    rules.write_text("code,kind,pattern,priority,note\npharmacy,name_keyword,药铺,0,local\n", encoding="utf-8")
    output, log = _classify(processing, _synthetic_layer(), RULES=str(rules))
    got = [(f["名称"], f["category"], f["matched_by"]) for f in output.getFeatures()]
    assert got == [
        ("学院路农贸市场", "fresh_market", "name:农贸市场"),
        ("同仁堂大药房(学院路店)", "pharmacy", "name:大药房"),
        ("老王早餐包子铺", "breakfast", "name:早餐"),
        ("菜鸟驿站(农大东校区)", "post_express", "name:菜鸟驿站"),
        ("清河街道日间照料中心", "elderly_care", "name:日间照料"),
        ("好邻居便利超市", "convenience_store", "name:便利超市"),
        ("某某服装", None, None),
        ("罗森", "convenience_store", "amap:0602xx"),
        ("无名小店", "convenience_store", "baidu:购物;便利店"),
        ("水果摊", "greengrocer", "osm:shop=greengrocer"),
        ("老街药铺", "pharmacy", "name:药铺"),
        ("旧分类", None, None),
    ]
    assert output.fields().names().count("category") == 1  # the stale field was replaced
    assert "10 of 12 features classified; 2 unclassified (empty category)." in log
    assert "Field 名称 is read as name." in log


def test_a_broken_rules_file_fails_with_its_line(processing, tmp_path):
    from qgis.core import QgsProcessingException

    rules = tmp_path / "bad.csv"
    rules.write_text("code,kind,pattern\nnope,osm_tag,shop=x\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Line 2"):
        _classify(processing, _synthetic_layer(), RULES=str(rules))
