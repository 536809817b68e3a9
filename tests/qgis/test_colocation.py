"""fifteenmin:colocation and repurpose's circles served, through processing.run on real GeoPackages.

Communities, facilities and sites are laid out in UTM metres, so the straight-line reach of every profile item
(minutes × 4 km/h) can be checked with plain arithmetic: the oracle below recomputes which gaps a site closes
from the profile CSVs (csv module) and the coordinates, independently of core/analysis/colocation.py.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.analysis.profiles import PROFILES_DIR
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.values import is_null

CRS = "EPSG:32650"
X0, Y0 = 440000.0, 4428000.0
PER_MINUTE = 4.0 * 1000.0 / 60.0
PROFILES = ("mofcom_convenience", "elderly_care", "complete_community")
#: community id, x offset (m), population
COMMUNITIES = (("C1", 0.0, 1000), ("C2", 600.0, 2000), ("C3", 5000.0, 3000))
#: the site: a vacant shop between C1 and C2, 300 m from each, big enough for a canteen and an elderly-care station
SHOP = ("S1", "沿街空置商铺", "vacant_shop", 200.0, 300.0)


def to_gpkg(layer: QgsVectorLayer, path: Path) -> QgsVectorLayer:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    written = QgsVectorLayer(f"{path}|layername={layer.name()}", layer.name(), "ogr")
    assert written.isValid()
    return written


def points(name: str, fields: str, rows: list[tuple[float, list]]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={CRS}&{fields}", name, "memory")
    features = []
    for x, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0)))
        feature.setAttributes(values)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def communities(tmp_path: Path) -> QgsVectorLayer:
    rows = [(x, [cid, f"社区{cid}", population]) for cid, x, population in COMMUNITIES]
    layer = points("communities", "field=community_id:string&field=name:string&field=population:integer", rows)
    return to_gpkg(layer, tmp_path / "communities.gpkg")


def facilities(tmp_path: Path, extra: list[tuple[float, str]] = ()) -> QgsVectorLayer:
    rows = [(20000.0, ["convenience_store"])] + [(x, [code]) for x, code in extra]
    layer = points("facilities", "field=category:string", rows)
    return to_gpkg(layer, tmp_path / f"facilities_{len(rows)}.gpkg")


def assets(tmp_path: Path) -> QgsVectorLayer:
    """The shop, and the same shop already in use (no longer idle, so never a site)."""
    asset_id, name, kind, area, x = SHOP
    fields = "field=asset_id:string&field=name:string&field=asset_type:string&field=area_m2:double&field=status:string"
    rows = [(x, [asset_id, name, kind, area, "candidate"]), (x, ["S2", "已开业商铺", kind, area, "in_use"])]
    layer = points("idle_assets", fields, rows)
    return to_gpkg(layer, tmp_path / "assets.gpkg")


def projects(tmp_path: Path) -> QgsVectorLayer:
    fields = "field=project_id:string&field=name:string&field=category:string&field=status:string"
    rows = [
        (50.0, ["P1", "社区食堂项目", "community_canteen", "planned"]),
        (60.0, ["P2", "已撤销的食堂", "community_canteen", "cancelled"]),
    ]
    return to_gpkg(points("projects", fields, rows), tmp_path / "projects.gpkg")


def fuse(processing, tmp_path: Path, facility_layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    out = str(tmp_path / f"{name}.gpkg")
    processing.run(
        "fifteenmin:fusion",
        {
            "COMMUNITIES": communities(tmp_path),
            "FACILITIES": facility_layer,
            "PROFILES": ",".join(PROFILES),
            "SPEED_KMH": 4.0,
            "OUTPUT": out,
        },
    )
    return QgsVectorLayer(out, name, "ogr")


def colocate(processing, fusion: QgsVectorLayer, **parameters) -> list[QgsFeature]:
    result = processing.run("fifteenmin:colocation", {"FUSION": fusion, "OUTPUT": "memory:", **parameters})
    return list(result["OUTPUT"].getFeatures())


def profile_items(name: str) -> list[tuple[set[str], float]]:
    """(codes, reach in metres) of a shipped profile, read with the csv module."""
    with (PROFILES_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return [
            (set(row["item"].split("|")), float(row["reach"]) * (PER_MINUTE if row["reach_unit"] == "min" else 1.0))
            for row in csv.DictReader(handle)
        ]


def oracle(site_x: float, codes: set[str], present: dict[str, list[float]]) -> tuple[set[str], int, float]:
    """(profiles served, residents gaining, score) by plain arithmetic: a gap is an item with no facility of its
    codes within reach of the community; the site closes it when it offers a code and is within reach too."""
    served: set[str] = set()
    residents, score = 0, 0.0
    for _cid, x, population in COMMUNITIES:
        closed_here = set()
        for profile in PROFILES:
            for item_codes, reach in profile_items(profile):
                met = any(abs(fx - x) <= reach for code in item_codes for fx in present.get(code, []))
                if not met and codes & item_codes and abs(site_x - x) <= reach:
                    closed_here.add(profile)
        served |= closed_here
        if closed_here:
            residents += population
            score += population * len(closed_here) / 1000.0
    return served, residents, score


def test_a_canteen_serves_two_circles_and_closing_one_profiles_gap_lowers_the_score(processing, tmp_path):
    before = fuse(processing, tmp_path, facilities(tmp_path), "fusion_before")
    rows = colocate(processing, before, ASSETS=assets(tmp_path))
    assert {row["site_id"] for row in rows} == {"S1"}  # the asset in use is not a site
    by_use = {row["use"]: row for row in rows}
    site_x = SHOP[4]
    for use in ("community_canteen", "elderly_care"):
        served, residents, score = oracle(site_x, {use}, {"convenience_store": [20000.0]})
        assert set(by_use[use]["circles_served"].split(",")) == served
        assert by_use[use]["residents_gain"] == residents == 3000  # C1 and C2, not C3 5 km away
        assert by_use[use]["score"] == pytest.approx(score)
        assert by_use[use]["n_circles_served"] == len(served)
    # the canteen fills the convenience and the elderly-care circle; the elderly-care station elderly care and
    # the complete community: both serve two circles, and the sentence names them
    assert by_use["community_canteen"]["circles_served"] == "mofcom_convenience,elderly_care"
    assert "便民生活圈、养老服务圈" in by_use["community_canteen"]["reason_zh"]
    assert "convenience circle, elderly-care circle" in by_use["community_canteen"]["reason_en"]
    assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
    assert all(a["n_circles_served"] >= b["n_circles_served"] for a, b in zip(rows, rows[1:]))
    assert all(row["reach_method"] == "straight_line" for row in rows)

    # an elderly-care facility 800 m from C1 and 200 m from C2 closes the elderly-care circle's 15-minute item for
    # both, but not the complete community's 10-minute (667 m) item of C1
    after = fuse(processing, tmp_path, facilities(tmp_path, [(800.0, "elderly_care")]), "fusion_after")
    again = {row["use"]: row for row in colocate(processing, after, ASSETS=assets(tmp_path))}
    served, residents, score = oracle(
        site_x, {"elderly_care"}, {"convenience_store": [20000.0], "elderly_care": [800.0]}
    )
    assert again["elderly_care"]["score"] == pytest.approx(score)
    assert again["elderly_care"]["score"] < by_use["elderly_care"]["score"]
    assert again["elderly_care"]["circles_served"] == "complete_community" == ",".join(sorted(served))
    assert again["elderly_care"]["residents_gain"] == residents == 1000
    assert again["community_canteen"]["score"] == pytest.approx(by_use["community_canteen"]["score"])


def test_planned_project_sites_count_and_cancelled_ones_do_not(processing, tmp_path):
    fusion = fuse(processing, tmp_path, facilities(tmp_path), "fusion")
    rows = colocate(processing, fusion, PROJECTS=projects(tmp_path))
    assert [(row["site_kind"], row["site_id"], row["use"]) for row in rows] == [("project", "P1", "community_canteen")]
    served, residents, score = oracle(50.0, {"community_canteen"}, {"convenience_store": [20000.0]})
    assert rows[0]["n_circles_served"] == len(served) == 2
    assert rows[0]["residents_gain"] == residents
    assert rows[0]["score"] == pytest.approx(score)
    assert math.isclose(rows[0].geometry().asPoint().x(), X0 + 50.0)


def test_bad_inputs_get_sentences(processing, tmp_path):
    fusion = fuse(processing, tmp_path, facilities(tmp_path), "fusion")
    with pytest.raises(QgsProcessingException, match="idle assets, the projects or both"):
        processing.run("fifteenmin:colocation", {"FUSION": fusion, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="no <profile>_missing field for fitness"):
        processing.run(
            "fifteenmin:colocation",
            {"FUSION": fusion, "ASSETS": assets(tmp_path), "PROFILES": "fitness", "OUTPUT": "memory:"},
        )
    with pytest.raises(QgsProcessingException, match="not project statuses"):
        processing.run(
            "fifteenmin:colocation",
            {"FUSION": fusion, "PROJECTS": projects(tmp_path), "STATUSES": "built", "OUTPUT": "memory:"},
        )


def coverage_circle(tmp_path: Path, lacking: set[str]) -> QgsVectorLayer:
    """One 15-minute circle around C1 and C2 lacking `lacking`, everything else present twice."""
    codes = [category.code for category in load_categories()]
    fields = "&".join(
        ["field=circle_id:string", "field=name:string", "field=level_min:integer", "field=population:integer"]
        + [f"field=n_{code}:integer" for code in codes]
    )
    layer = QgsVectorLayer(f"MultiPolygon?crs={CRS}&{fields}", "coverage", "memory")
    feature = QgsFeature(layer.fields())
    circle = QgsGeometry.fromPointXY(QgsPointXY(X0 + 300.0, Y0)).buffer(1000.0, 16)
    assert circle.convertToMultiType()
    feature.setGeometry(circle)
    feature.setAttributes(["K1", "示例圈", 15, 3000] + [0 if code in lacking else 2 for code in codes])
    assert layer.dataProvider().addFeatures([feature])[0]
    return to_gpkg(layer, tmp_path / "coverage.gpkg")


def test_repurpose_ranks_uses_by_the_circles_they_serve_and_names_them(processing, tmp_path):
    cover = coverage_circle(tmp_path, {"pharmacy", "community_canteen"})
    shop = assets(tmp_path)
    plain = processing.run(
        "fifteenmin:repurpose", {"ASSETS": shop, "COVERAGE": cover, "TOP_N": 5, "OUTPUT": "memory:"}
    )["OUTPUT"]
    before = [(row["use"], row["score"]) for row in plain.getFeatures() if row["asset_id"] == "S1"]
    # a pharmacy fills a basic gap (weight 3), the canteen a public one (weight 1): the pharmacy ranks first
    assert [use for use, _ in before] == ["pharmacy", "community_canteen"]
    assert all(is_null(row["n_circles_served"]) for row in plain.getFeatures())
    processing.run(
        "fifteenmin:fusion",
        {
            "COMMUNITIES": communities(tmp_path),
            "FACILITIES": facilities(tmp_path),
            "PROFILES": "mofcom_convenience,elderly_care",
            "OUTPUT": str(tmp_path / "fusion.gpkg"),
        },
    )
    fusion = QgsVectorLayer(str(tmp_path / "fusion.gpkg"), "fusion", "ogr")
    ranked = list(
        processing.run(
            "fifteenmin:repurpose",
            {"ASSETS": shop, "COVERAGE": cover, "TOP_N": 5, "FUSION": fusion, "OUTPUT": "memory:"},
        )["OUTPUT"].getFeatures()
    )
    ranked = [row for row in ranked if row["asset_id"] == "S1"]
    # the canteen closes the convenience and the elderly-care circle's gaps, the pharmacy only the convenience one
    assert [(row["use"], row["n_circles_served"], row["rank"]) for row in ranked] == [
        ("community_canteen", 2, 1),
        ("pharmacy", 1, 2),
    ]
    assert ranked[0]["circles_served"] == "mofcom_convenience,elderly_care"
    assert ranked[0]["circles_served_zh"] == "便民生活圈、养老服务圈"
    assert "社区食堂可同时补齐便民生活圈、养老服务圈共 2 个生活圈的缺项" in ranked[0]["reason_zh"]
    assert "closes gaps of 2 circles at once (convenience circle, elderly-care circle)" in ranked[0]["reason_en"]
    # the scores themselves do not change, only the order
    assert {row["use"]: row["score"] for row in ranked} == pytest.approx(dict(before))
