"""GB 50180 tiers each within their own reach (walking or radius), tier green space, idle assets in the floor area."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.analysis.tiers import TierItem, tier_texts
from fifteen_min_plugin.core.workspace.schema import TIER_FIELDS
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.older_workspace import columns, make_older
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_coverage import FACILITY_FIELDS, ORIGIN, UTM, T, by_circle, point, square, write_gpkg

CIRCLE_FIELDS = [("circle_id", T.String), ("community_id", T.String), ("level_min", T.Int)]
COMMUNITY_FIELDS = [("community_id", T.String), ("population", T.Int), ("households", T.Double)]
ROAD_FIELDS = [("highway", T.String)]
ASSET_FIELDS = [("asset_id", T.String), ("status", T.String), ("area_m2", T.Double)]


def line(*points: tuple[float, float]) -> QgsGeometry:
    return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in points])


def tiers_of(feature: QgsFeature) -> dict[str, list[str]]:
    """missing_tiers as {tier: [items]}."""
    found = {}
    for part in str(feature["missing_tiers"]).split(";"):
        if part:
            tier, items = part.split(":", 1)
            found[tier] = items.split(",")
    return found


def _three_communities(tmp_path):
    """Communities 2 km apart, each with only a 15-minute circle (2 km square) and one kindergarten.

    far: 900 m east along its street; near: 200 m east; detour: 250 m north in a straight line, but its street
    runs 600 m east, 250 m north and 600 m back west (a river between): 1,450 m on foot.
    """
    gpkg = tmp_path / "tiers.gpkg"
    x0, y0 = ORIGIN
    places = {"far": (x0, y0), "near": (x0 + 5000, y0), "detour": (x0 + 10000, y0)}
    circles = [
        (square(x - 1000, y - 1000, 2000), {"circle_id": f"{cid}15", "community_id": cid, "level_min": 15})
        for cid, (x, y) in places.items()
    ]
    communities = [
        (point(x, y), {"community_id": cid, "population": 3000, "households": 1000.0}) for cid, (x, y) in places.items()
    ]
    (fx, fy), (nx, ny), (dx, dy) = places.values()
    kindergartens = [(point(fx + 900, fy), {}), (point(nx + 200, ny), {}), (point(dx, dy + 250), {})]
    roads = [
        (line((fx, fy), (fx + 1200, fy)), {"highway": "residential"}),
        (line((nx, ny), (nx + 1200, ny)), {"highway": "residential"}),
        (line((dx, dy), (dx + 600, dy), (dx + 600, dy + 250), (dx, dy + 250)), {"highway": "residential"}),
    ]
    return {
        "CIRCLES": write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles),
        "COMMUNITIES": write_gpkg(gpkg, "communities", QgsWkbTypes.Type.Point, UTM, COMMUNITY_FIELDS, communities),
        "FACILITIES": write_gpkg(
            gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS,
            [(geometry, {"name": "幼儿园", "category": "kindergarten"}) for geometry, _ in kindergartens],
        ),
        "roads": write_gpkg(gpkg, "roads", QgsWkbTypes.Type.LineString, UTM, ROAD_FIELDS, roads),
    }  # fmt: skip


def test_kindergarten_900_m_away_is_unmet_at_5_minutes_in_a_straight_line(processing, default_settings, tmp_path):
    layers = _three_communities(tmp_path)
    log = RecordingFeedback()
    inputs = {name: layers[name] for name in ("CIRCLES", "COMMUNITIES", "FACILITIES")}
    out = by_circle(processing.run("fifteenmin:coverage", {**inputs, "OUTPUT": "memory:"}, feedback=log)["OUTPUT"])

    # the 15-minute circle holds the kindergarten, but the 5-minute tier reaches 300 m only (GB 50180 2.0.2–2.0.4)
    assert out["far15"]["n_kindergarten"] == 1
    assert "kindergarten" in tiers_of(out["far15"])["5"]
    assert "kindergarten" in out["far15"]["missing_required"].split(",")
    assert "5分钟：" in out["far15"]["missing_tiers_zh"] and "幼儿园" in out["far15"]["missing_tiers_zh"].split("；")[0]
    assert "kindergarten" not in tiers_of(out["near15"]).get("5", [])
    assert "kindergarten" not in tiers_of(out["detour15"]).get("5", [])  # 250 m in a straight line: within 300 m
    assert {out[c]["tier_reach"] for c in out} == {"5:radius;10:radius;15:circle"}
    assert any("tier_reach “radius”" in text for text in log.lines), log.lines


def test_kindergarten_900_m_away_is_unmet_at_5_minutes_on_foot(processing, default_settings, tmp_path):
    layers = _three_communities(tmp_path)
    inputs = {name: layers[name] for name in ("CIRCLES", "COMMUNITIES", "FACILITIES")}
    out = by_circle(
        processing.run("fifteenmin:coverage", {**inputs, "ROADS": layers["roads"], "OUTPUT": "memory:"})["OUTPUT"]
    )
    # the same walks as fifteenmin:nearestfacility measures them (the oracle of the network walk: its own tests)
    nearest = processing.run(
        "fifteenmin:nearestfacility",
        {
            "ROADS": layers["roads"], "ORIGINS": layers["COMMUNITIES"], "FACILITIES": layers["FACILITIES"],
            "CATEGORY_FIELD": "category", "MAX_MINUTES": 30, "OUTPUT": "memory:",
        },
    )["OUTPUT"]  # fmt: skip
    walk = {f["community_id"]: f["min_kindergarten"] for f in nearest.getFeatures()}
    assert walk["far"] == pytest.approx(900 / (4000 / 60), abs=0.01)  # 13.5 min
    assert walk["near"] == pytest.approx(3.0, abs=0.01)
    assert walk["detour"] == pytest.approx(1450 / (4000 / 60), abs=0.01)  # 21.75 min around the river

    assert "kindergarten" in tiers_of(out["far15"])["5"]
    assert "kindergarten" not in tiers_of(out["near15"]).get("5", [])
    assert "kindergarten" in tiers_of(out["detour15"])["5"]  # the straight line met it; the streets do not
    assert {out[c]["tier_reach"] for c in out} == {"5:network;10:network;15:circle"}


def test_a_tier_circle_of_the_community_wins_and_without_communities_the_circle_checks_itself(
    processing, default_settings, tmp_path
):
    layers = _three_communities(tmp_path)
    log = RecordingFeedback()
    out = by_circle(
        processing.run(
            "fifteenmin:coverage",
            {"CIRCLES": layers["CIRCLES"], "FACILITIES": layers["FACILITIES"], "OUTPUT": "memory:"},
            feedback=log,
        )["OUTPUT"]
    )
    assert "kindergarten" not in tiers_of(out["far15"]).get("5", [])  # no community point: checked in itself
    assert out["far15"]["tier_reach"] == "5:own;10:own;15:circle"
    assert any("tier_reach “own”" in text and "far15" in text for text in log.lines), log.lines


def test_park_area_and_green_are_checked_for_each_tier_circle_of_the_community(processing, default_settings, tmp_path):
    # GB 50180 Table 4.0.4: 5-min park ≥ 0.4 hm², 15-min park ≥ 5.0 hm²; green 1.0 / 2.0 m² per resident
    gpkg = tmp_path / "green.gpkg"
    x, y = ORIGIN
    circles = [
        (square(x - 300, y - 300, 600), {"circle_id": "c5", "community_id": "c", "level_min": 5}),
        (square(x - 1000, y - 1000, 2000), {"circle_id": "c15", "community_id": "c", "level_min": 15}),
    ]
    fields = [*FACILITY_FIELDS, ("footprint_m2", T.Double)]
    parks = [(point(x + 10, y), 3000.0), (point(x + 800, y), 60000.0)]  # 0.3 hm² in the 5-min circle; 6 hm² outside
    rows = [(geometry, {"name": "公园", "category": "park", "footprint_m2": area}) for geometry, area in parks]
    communities = [(point(x, y), {"community_id": "c", "population": 10000, "households": 3000.0})]
    out = by_circle(
        processing.run(
            "fifteenmin:coverage",
            {
                "CIRCLES": write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles),
                "FACILITIES": write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, fields, rows),
                "COMMUNITIES": write_gpkg(gpkg, "comm", QgsWkbTypes.Type.Point, UTM, COMMUNITY_FIELDS, communities),
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
    )
    assert (out["c5"]["park_ok"], out["c15"]["park_ok"]) == (0, 1)
    # green: 3,000 m² / 10,000 residents = 0.3 m² (< 1.0) at 5 min; 63,000 m² / 10,000 = 6.3 m² (≥ 2.0) at 15 min
    assert out["c5"]["green_m2_per_resident"] == pytest.approx(0.3)
    assert out["c15"]["green_m2_per_resident"] == pytest.approx(6.3) and out["c15"]["green_ok"] == 1
    assert {"park_area", "green_per_resident"} <= set(tiers_of(out["c15"])["5"])
    assert "park_area" not in tiers_of(out["c15"]).get("15", [])
    assert (
        "居住区公园≥0.4公顷" in out["c15"]["missing_tiers_zh"]
        and "人均公共绿地≥1平方米" in out["c15"]["missing_tiers_zh"]
    )
    assert out["c15"]["tier_reach"] == "5:circle;10:radius;15:circle"


def test_approved_idle_assets_count_in_the_floor_area(processing, default_settings, tmp_path):
    # 国办发〔2021〕56号: 30 m² per 100 households → 1,000 households need 300 m²
    gpkg = tmp_path / "floor.gpkg"
    x, y = ORIGIN
    circles = [(square(x, y, 1000), {"circle_id": "c", "community_id": "c", "level_min": 15})]
    fields = [*FACILITY_FIELDS, ("floor_area_m2", T.Double)]
    centre = [(point(x + 100, y + 100), {"name": "社区服务站", "category": "community_centre", "floor_area_m2": 100.0})]
    assets = [
        (point(x + 200, y + 200), {"asset_id": "A-approved", "status": "approved", "area_m2": 150.0}),
        (point(x + 300, y + 300), {"asset_id": "A-candidate", "status": "candidate", "area_m2": 500.0}),
        (point(x + 400, y + 400), {"asset_id": "A-no-area", "status": "in_use", "area_m2": None}),
        (point(x + 5000, y), {"asset_id": "A-outside", "status": "in_use", "area_m2": 900.0}),
    ]
    communities = [(point(x + 500, y + 500), {"community_id": "c", "population": 2620, "households": 1000.0})]
    inputs = {
        "CIRCLES": write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles),
        "FACILITIES": write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, fields, centre),
        "COMMUNITIES": write_gpkg(gpkg, "comm", QgsWkbTypes.Type.Point, UTM, COMMUNITY_FIELDS, communities),
        "OUTPUT": "memory:",
    }
    (before,) = processing.run("fifteenmin:coverage", inputs)["OUTPUT"].getFeatures()
    assets_uri = write_gpkg(gpkg, "assets", QgsWkbTypes.Type.Point, UTM, ASSET_FIELDS, assets)
    log = RecordingFeedback()
    (after,) = processing.run("fifteenmin:coverage", {**inputs, "ASSETS": assets_uri}, feedback=log)[
        "OUTPUT"
    ].getFeatures()

    assert (before["floor_area_m2"], before["floor_area_shortfall_m2"]) == (100.0, 200.0)
    assert (after["floor_area_m2"], after["floor_area_shortfall_m2"]) == (250.0, 50.0)
    counted = [text for text in log.lines if "A-approved" in text]
    assert counted and "150 m²" in counted[0]
    assert not any(name in text for text in log.lines for name in ("A-candidate", "A-no-area", "A-outside"))


def test_an_assets_layer_without_status_is_refused_with_a_sentence(processing, default_settings, tmp_path):
    gpkg = tmp_path / "bad.gpkg"
    x, y = ORIGIN
    circles = write_gpkg(
        gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS,
        [(square(x, y, 1000), {"circle_id": "c", "level_min": 15})],
    )  # fmt: skip
    facilities = write_gpkg(
        gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, [(point(x + 5, y + 5), {"category": "cafe"})]
    )
    assets = QgsVectorLayer(f"Point?crs={UTM}&field=asset_id:string", "assets", "memory")
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="status"):
        processing.run(
            "fifteenmin:coverage",
            {"CIRCLES": circles, "FACILITIES": facilities, "ASSETS": assets, "OUTPUT": str(output)},
        )
    assert not output.exists()


def test_tier_texts_group_items_by_tier_in_order():
    items = [TierItem(10, "primary_school", "小学"), TierItem(5, "kindergarten", "幼儿园"), TierItem(5, "x", "某项")]
    assert tier_texts(items) == ("5:kindergarten,x;10:primary_school", "5分钟：幼儿园、某项；10分钟：小学")


def test_a_version_6_workspace_gains_the_tier_fields_in_place(tmp_path):
    path = tmp_path / "v6.gpkg"
    names = [spec.name for spec in TIER_FIELDS]
    make_older(path, 6, (), {"coverage": names})
    assert not set(columns(path, "coverage")) & set(names)
    Workspace.open(path)
    assert set(names) <= set(columns(path, "coverage"))


def test_radius_circles_find_their_community_by_origin_id(processing, default_settings, tmp_path):
    layers = _three_communities(tmp_path)
    circles = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": layers["COMMUNITIES"], "ORIGIN_ID_FIELD": "community_id", "RADII_M": "1000", "MINUTES": "15",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]  # fmt: skip
    inputs = {"CIRCLES": circles, "COMMUNITIES": layers["COMMUNITIES"], "FACILITIES": layers["FACILITIES"]}
    out = {
        f["origin_id"]: f
        for f in processing.run("fifteenmin:coverage", {**inputs, "OUTPUT": "memory:"})["OUTPUT"].getFeatures()
    }
    assert out["far"]["n_kindergarten"] == 1 and "kindergarten" in tiers_of(out["far"])["5"]
    assert "kindergarten" not in tiers_of(out["near"]).get("5", [])
    assert out["far"]["tier_reach"] == "5:radius;10:radius;15:circle"
