"""fifteenmin:repurpose on hand-built coverage circles and assets."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer

from fifteen_min_plugin.core.facilities.categories import load_categories

CODES = [category.code for category in load_categories()]


def _coverage(missing: dict[str, set[str]]) -> QgsVectorLayer:
    fields = "&".join(
        ["field=circle_id:string", "field=name:string", "field=level_min:integer", "field=population:integer"]
        + [f"field=n_{code}:integer" for code in CODES]
    )
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4326&{fields}", "coverage", "memory")
    features = []
    for circle_id, name, x, population in (("C1", "社区A", 116.35, 8000), ("C2", "社区B", 116.40, 5000)):
        for level, half in ((5, 0.003), (15, 0.009)):
            feature = QgsFeature(layer.fields())
            box = QgsGeometry.fromRect(QgsRectangle(x - half, 40 - half, x + half, 40 + half))
            assert box.convertToMultiType()
            feature.setGeometry(box)
            feature["circle_id"] = f"{circle_id}-{level}"
            feature["name"] = name
            feature["level_min"] = level
            feature["population"] = population
            for code in CODES:
                feature[f"n_{code}"] = 0 if code in missing.get(circle_id, set()) else 2
            features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


ASSETS = (
    ("A1", "示例市场停车场", "parking", 2500.0, 100, "16:00-08:30", 116.35),  # idle outside market hours
    ("A2", "示例人防工程", "civil_defence", 800.0, None, "每天 全天", 116.40),
    ("A3", "小人防", "civil_defence", 50.0, None, "每天 全天", 116.401),
    ("A4", "远处停车场", "parking", 2000.0, 80, "16:00-08:30", 116.60),
)


def _assets() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=asset_id:string&field=name:string&field=asset_type:string&field=area_m2:double"
        "&field=capacity:integer&field=idle_windows:string&field=owner:string",
        "idle_assets",
        "memory",
    )
    features = []
    for asset_id, name, kind, area, capacity, windows, x in ASSETS:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 40.0)))
        feature.setAttributes([asset_id, name, kind, area, capacity, windows, "街道办"])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _run(processing, missing, top_n=3) -> dict[str, list[QgsFeature]]:
    out = processing.run(
        "fifteenmin:repurpose",
        {"ASSETS": _assets(), "COVERAGE": _coverage(missing), "TOP_N": top_n, "OUTPUT": "memory:"},
    )["OUTPUT"]
    rows: dict[str, list[QgsFeature]] = {}
    for feature in out.getFeatures():
        rows.setdefault(feature["asset_id"], []).append(feature)
    for features in rows.values():
        features.sort(key=lambda f: f["rank"] or 0)
    return rows


def test_night_parking_in_a_circle_missing_a_fresh_market_becomes_a_tidal_stall_zone(processing):
    rows = _run(processing, {"C1": {"fresh_market"}, "C2": {"community_centre", "fitness"}})
    best = rows["A1"][0]
    assert (best["use"], best["rank"], best["residents_gain"], best["circle_id"]) == ("tidal_stalls", 1, 8000, "C1-15")
    assert abs(best["score"] - 1.2 * 3.0 * 8000 / 1000 * 1.0) < 1e-6  # base × basic gap × residents × full fit
    assert "菜市场" in best["reason_zh"] and "8,000" in best["reason_zh"] and "100 个车位" in best["reason_zh"]
    assert "fresh food market" in best["reason_en"] and "8,000 residents" in best["reason_en"]
    assert best["owner"] == "街道办" and best["asset_name"] == "示例市场停车场"
    assert [f["use"] for f in rows["A1"]] == ["tidal_stalls", "shared_parking"]
    assert best.geometry().asPoint() == QgsPointXY(116.35, 40.0)


def test_suggestions_follow_the_gaps_that_exist(processing):
    rows = _run(processing, {"C1": {"fresh_market"}, "C2": {"community_centre", "fitness"}}, top_n=10)
    tunnel = {f["use"] for f in rows["A2"]}
    assert tunnel == {"community_centre", "fitness", "storage"}  # elderly_care and education exist in C2
    assert [f["use"] for f in rows["A2"]][:2] == ["fitness", "community_centre"]  # quality gap > public gap
    activity = rows["A2"][1]
    assert "人防工程 800 m² 可改造为社区活动室" in activity["reason_zh"] and "社区服务中心" in activity["reason_zh"]
    assert "5,000 residents" in activity["reason_en"]
    rows = _run(processing, {"C2": {"elderly_care"}}, top_n=10)
    assert {f["use"] for f in rows["A2"]} == {"elderly_care", "storage"}
    assert [f["use"] for f in rows["A1"]] == ["shared_parking"]  # C1 now has its fresh market


def test_an_asset_too_small_for_a_use_does_not_get_it(processing):
    rows = _run(processing, {"C2": {"community_centre", "fitness"}}, top_n=10)
    assert [f["use"] for f in rows["A3"]] == ["storage"]


def test_an_asset_in_no_circle_says_so(processing):
    rows = _run(processing, {"C1": {"fresh_market"}})
    (row,) = rows["A4"]
    assert not row["use"] and not row["rank"]
    assert "not in any living circle" in row["reason_en"] and "不在任何生活圈内" in row["reason_zh"]


def test_a_civil_defence_work_is_never_suggested_for_childcare_and_every_suggestion_names_its_conditions(processing):
    # every circle lacks every category: childcare and kindergartens are gaps a civil-defence work must not fill
    rows = _run(processing, {"C2": set(CODES)}, top_n=20)
    uses = [f["use"] for f in rows["A2"]]
    assert uses and not {"childcare", "kindergarten"} & set(uses)
    assert set(uses) == {"community_centre", "fitness", "education", "elderly_care", "leisure", "storage"}
    for feature in rows["A2"]:
        assert "人防主管部门同意" in feature["reason_zh"] and "civil-defence authority" in feature["reason_en"]
        assert "依据：" in feature["reason_zh"] and "Basis: " in feature["reason_en"]
        assert "GB 50098-2009" in feature["reason_zh"]
    elderly = next(f for f in rows["A2"] if f["use"] == "elderly_care")
    # the register holds no storey for A2: the storey rule is stated and said to be unchecked
    assert "地下一层" in elderly["reason_zh"] and "≤ 30 人" in elderly["reason_zh"] and "未核查" in elderly["reason_zh"]
    assert "5.4.4B" in elderly["reason_en"] and "was not checked" in elderly["reason_en"]
    leisure = next(f for f in rows["A2"] if f["use"] == "leisure")
    assert "地下二层" in leisure["reason_zh"] and "5.4.9" in leisure["reason_zh"] and "200 m²" in leisure["reason_en"]


def test_the_ranking_refuses_childcare_in_a_civil_defence_work_even_from_a_table_that_allows_it():
    from dataclasses import replace

    from fifteen_min_plugin.core.assets.repurpose import AssetFacts, CircleGaps, rank_uses
    from fifteen_min_plugin.core.assets.suitability import load_suitability

    categories = load_categories()
    table = [
        replace(row, feasible=True, reason_zh="{use}", reason_en="{use}", fills=(row.use,))
        if row.use in ("childcare", "kindergarten")
        else row
        for row in load_suitability()
    ]
    circle = CircleGaps("c", "社区", 15, 3000, frozenset(CODES))
    works = AssetFacts("a", "人防", "civil_defence", 5000.0, None, "每天 全天")
    shop = AssetFacts("b", "空铺", "vacant_shop", 5000.0, None, "")
    assert not {"childcare", "kindergarten"} & {
        s.use for s in rank_uses(works, [circle], table, categories, 50).suggestions
    }
    assert "childcare" in {s.use for s in rank_uses(shop, [circle], table, categories, 50).suggestions}


def test_shared_parking_and_tidal_stalls_cite_their_basis(processing):
    rows = _run(processing, {"C1": {"fresh_market"}})
    shared = next(f for f in rows["A1"] if f["use"] == "shared_parking")
    assert "国办函〔2021〕46号" in shared["reason_zh"] and "19:00–次日 07:30" in shared["reason_zh"]
    assert "weekends and holidays all day" in shared["reason_en"]
    tidal = next(f for f in rows["A1"] if f["use"] == "tidal_stalls")
    assert (
        "学校大门 100 m" in tidal["reason_zh"]
        and "1.5–2 m" in tidal["reason_en"]
        and "local rules" in tidal["reason_en"]
    )


def _metres_east(metres: float) -> float:
    """Degrees of longitude for `metres` east at latitude 40° (haversine on a 6,371 km sphere, inverted)."""
    return math.degrees(2 * math.asin(math.sin(metres / 6_371_000 / 2) / math.cos(math.radians(40.0))))


def _schools_and_roads(school_metres: float, road_metres: float) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    schools = QgsVectorLayer("Point?crs=EPSG:4326&field=category:string&field=name:string", "facilities", "memory")
    rows = [("primary_school", "学院路小学", school_metres), ("pharmacy", "药店", 10.0)]
    features = []
    for category, name, metres in rows:
        feature = QgsFeature(schools.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35 + _metres_east(metres), 40.0)))
        feature.setAttributes([category, name])
        features.append(feature)
    assert schools.dataProvider().addFeatures(features)[0]
    roads = QgsVectorLayer("LineString?crs=EPSG:4326&field=highway:string&field=name:string", "roads", "memory")
    features = []
    for highway, name, metres in (("primary", "学院路", road_metres), ("residential", "小巷", 1.0)):
        x = 116.35 - _metres_east(metres)
        feature = QgsFeature(roads.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, 39.99), QgsPointXY(x, 40.01)]))
        feature.setAttributes([highway, name])
        features.append(feature)
    assert roads.dataProvider().addFeatures(features)[0]
    return schools, roads


@pytest.mark.parametrize(
    ("school_m", "road_m", "zh", "en"),
    [
        (60.0, 50.0, ["距学校“学院路小学”约 60 m", "已核查：不在主干道上"], ["about 60 m from the school"]),
        (150.0, 3.0, ["100 m 内无幼儿园、小学、初中", "位于主干道“学院路”上"], ["on the main road “学院路”"]),
    ],
)
def test_a_tidal_stall_zone_is_checked_against_schools_and_main_roads(processing, school_m, road_m, zh, en):
    schools, roads = _schools_and_roads(school_m, road_m)
    parameters = {
        "ASSETS": _assets(),
        "COVERAGE": _coverage({"C1": {"fresh_market"}}),
        "FACILITIES": schools,
        "ROADS": roads,
        "OUTPUT": "memory:",
    }
    out = processing.run("fifteenmin:repurpose", parameters)["OUTPUT"]
    tidal = next(f for f in out.getFeatures() if f["asset_id"] == "A1" and f["use"] == "tidal_stalls")
    assert all(text in tidal["reason_zh"] for text in zh), tidal["reason_zh"]
    assert all(text in tidal["reason_en"] for text in en), tidal["reason_en"]
    assert "人行通道宽度无数据" in tidal["reason_zh"]
    # the pharmacy 10 m away and the residential lane 1 m away are neither a school nor a main road
    assert "药店" not in tidal["reason_zh"] and "小巷" not in tidal["reason_zh"]


def test_without_the_layers_a_tidal_stall_zone_says_what_was_not_checked(processing):
    rows = _run(processing, {"C1": {"fresh_market"}})
    tidal = next(f for f in rows["A1"] if f["use"] == "tidal_stalls")
    assert "未核查与学校的距离" in tidal["reason_zh"] and "Main roads were not checked" in tidal["reason_en"]
    shared = next(f for f in rows["A1"] if f["use"] == "shared_parking")
    assert "学校" not in shared["reason_zh"]  # only tidal stalls carry the site check
