"""fifteenmin:repurpose on hand-built coverage circles and assets."""

from __future__ import annotations

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
    ("A1", "示例市场停车场", "parking", 2500.0, 100, "19:00-07:00", 116.35),
    ("A2", "示例人防工程", "civil_defence", 800.0, None, "每天 全天", 116.40),
    ("A3", "小人防", "civil_defence", 50.0, None, "每天 全天", 116.401),
    ("A4", "远处停车场", "parking", 2000.0, 80, "19:00-07:00", 116.60),
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
