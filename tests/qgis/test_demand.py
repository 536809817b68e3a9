"""Demand per circle (coverage NEEDS) and demand-weighted repurposing, through processing.run on real GeoPackages.

The oracles are plain Python: sums of the imported needs read with sqlite3, or of the input CSV read with the csv
module, per community (and, for reported points, by their distance to the community's circle centre).
"""

from __future__ import annotations

import csv
import math
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.values import is_null
from tests.qgis import test_analysis_page
from tests.qgis.test_colocation import to_gpkg

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NEEDS_GBK = RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"
NAMES_ZH = {category.code: category.name_zh for category in load_categories()}
RADIUS_M = 1000.0
#: the Analysis page's fixtures: a workspace of the sample with circles and facilities, a project and a canvas
template, workspace = test_analysis_page.template, test_analysis_page.workspace
project, canvas = test_analysis_page.project, test_analysis_page.canvas


def sample(layer: str) -> QgsVectorLayer:
    found = QgsVectorLayer(f"{SAMPLE}|layername={layer}", layer, "ogr")
    assert found.isValid()
    return found


def gpkg(path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), path.stem, "ogr")
    assert layer.isValid(), path
    return layer


@pytest.fixture(scope="module")
def haidian(qgis_app, qgis_processing, tmp_path_factory):
    """Sample communities, their 1,000 m circles, the classified sample POIs and the imported sample needs."""
    from qgis import processing
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("fifteenmin")
    added = provider is None
    if added:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    folder = tmp_path_factory.mktemp("demand")
    circles, facilities, needs = (folder / name for name in ("circles.gpkg", "facilities.gpkg", "needs.gpkg"))
    communities = sample("communities")
    processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "1000",
            "MINUTES": "15",
            "OUTPUT": str(circles),
        },
    )
    processing.run("fifteenmin:classifyfacilities", {"INPUT": sample("haidian_pois"), "OUTPUT": str(facilities)})
    processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": str(NEEDS_GBK),
            "TEXT_FIELD": "诉求内容",
            "COMMUNITY_FIELD": "社区",
            "WEIGHT_FIELD": "人数",
            "COMMUNITIES": communities,
            "OUTPUT": str(needs),
        },
    )
    # paths, not layers: a GeoPackage layer kept by a module fixture crashes QGIS when it is torn down
    try:
        yield processing, folder, circles, facilities, needs
    finally:
        if added:
            registry.removeProvider(provider)


def coverage(processing, circles, facilities, needs=None, satisfaction=None) -> list[QgsFeature]:
    parameters = {"CIRCLES": str(circles), "FACILITIES": str(facilities), "OUTPUT": "memory:"}
    if needs is not None:
        parameters["NEEDS"] = str(needs)
    if satisfaction is not None:
        parameters["SATISFACTION"] = satisfaction
    return list(processing.run("fifteenmin:coverage", parameters)["OUTPUT"].getFeatures())


def pairs(totals: Counter, keep=lambda code: True, top: int = 0) -> tuple[str, str]:
    order = sorted(((code, weight) for code, weight in totals.items() if keep(code)), key=lambda i: (-i[1], i[0]))
    order = order[:top] if top else order
    return (
        ",".join(f"{code}:{weight:g}" for code, weight in order),
        "、".join(f"{NAMES_ZH[code]}:{weight:g}" for code, weight in order),
    )


def test_demand_per_circle_matches_sums_of_the_imported_sample_needs(haidian):
    processing, _folder, circles, facilities, needs = haidian
    with sqlite3.connect(needs) as connection:
        table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        rows = connection.execute(
            f"SELECT community_id, category, weight FROM \"{table}\" WHERE category IS NOT NULL AND category <> ''"
        ).fetchall()
    assert len(rows) > 100
    expected: dict[str, Counter] = {}
    for community, category, weight in rows:
        expected.setdefault(community, Counter())[category] += weight
    found = coverage(processing, circles, facilities, needs)
    assert len(found) == 12
    checked_unmet = 0
    for row in found:
        totals = expected.get(row["community_id"], Counter())
        assert (row["demand_top"], row["demand_top_zh"]) == pairs(totals, top=5)
        unmet = pairs(totals, keep=lambda code, row=row: row[f"n_{code}"] == 0)
        assert (row["unmet_demand"], row["unmet_demand_zh"]) == unmet
        checked_unmet += bool(unmet[0])
    assert checked_unmet > 0  # some circle lacks something residents asked for
    # without needs the fields are empty, the rest of the coverage the same
    plain = coverage(processing, circles, facilities)
    assert all(is_null(row["demand_top"]) and is_null(row["unmet_demand"]) for row in plain)
    assert [row["grade"] for row in plain] == [row["grade"] for row in found]


def test_demand_from_a_csv_and_reported_points(haidian):
    """Needs placed by community id (a CSV) and by a point inside a circle of another community (a layer)."""
    processing, folder, circles, facilities, _needs = haidian
    communities = sample("communities")
    table = folder / "counted.csv"
    rows = [
        ("HD-C01", "breakfast", 34),
        ("HD-C01", "fresh_market", 20),
        ("HD-C01", "breakfast", 8),
        ("HD-C02", "community_canteen", 42),
        ("HD-C02", "pharmacy", 5),
        ("HD-C03", "laundry", 2.5),
    ]
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["community_id", "category", "respondents"])
        writer.writerows(rows)
    counted = folder / "counted_needs.gpkg"
    processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": str(table),
            "COMMUNITY_FIELD": "community_id",
            "CATEGORY_FIELD": "category",
            "WEIGHT_FIELD": "respondents",
            "COMMUNITIES": communities,
            "OUTPUT": str(counted),
        },
    )
    # a reported point 200 m from HD-C04: inside its circle and maybe others' (clearly in or out of each)
    centre = {f["community_id"]: f.geometry().asPoint() for f in communities.getFeatures()}
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    to_wgs84 = QgsCoordinateTransform(communities.crs(), wgs84, QgsProject.instance())
    measure = QgsDistanceArea()
    measure.setSourceCrs(wgs84, QgsProject.instance().transformContext())
    assert measure.setEllipsoid("EPSG:7030")
    origin = to_wgs84.transform(centre["HD-C04"])
    metre_x, metre_y = 1.0 / (111320.0 * math.cos(math.radians(origin.y()))), 1.0 / 110570.0

    def clear(point: QgsPointXY) -> bool:  # clearly inside or outside every circle's polygon
        return all(abs(measure.measureLine(to_wgs84.transform(c), point) - RADIUS_M) > 30.0 for c in centre.values())

    offsets = [(dx, dy) for dx, dy in ((200, 0), (0, 200), (-200, 0), (0, -200), (150, 150), (-150, -150))]
    candidates = [QgsPointXY(origin.x() + dx * metre_x, origin.y() + dy * metre_y) for dx, dy in offsets]
    near = next(point for point in candidates if clear(point))
    points = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=category:string&field=weight:double&field=community_id:string", "pts", "memory"
    )
    reported = []
    for point, category, weight in ((near, "repair", 7.0),):
        feature = QgsFeature(points.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        feature.setAttributes([category, weight, ""])
        reported.append(feature)
    assert points.dataProvider().addFeatures(reported)[0]
    points_gpkg = to_gpkg(points, folder / "points.gpkg")
    located = folder / "located_needs.gpkg"
    processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": points_gpkg,
            "CATEGORY_FIELD": "category",
            "WEIGHT_FIELD": "weight",
            "COMMUNITIES": communities,
            "OUTPUT": str(located),
        },
    )
    merged = processing.run(
        "native:mergevectorlayers", {"LAYERS": [str(counted), str(located)], "OUTPUT": str(folder / "merged.gpkg")}
    )["OUTPUT"]
    found = {row["community_id"]: row for row in coverage(processing, circles, facilities, merged)}

    # oracle: plain sums over the CSV by community; the point counts for every circle within 1,000 m of it
    expected: dict[str, Counter] = {}
    for community, category, weight in rows:
        expected.setdefault(community, Counter())[category] += weight
    inside = []
    for community, point in centre.items():
        if measure.measureLine(to_wgs84.transform(point), near) < RADIUS_M:
            inside.append(community)
    assert "HD-C04" in inside
    # the reported point was placed in HD-C04 (nearest community) by importneeds, and lies in the circles of `inside`
    for community in inside:
        expected.setdefault(community, Counter())["repair"] += 7.0
    for community, row in found.items():
        assert row["demand_top"] == pairs(expected.get(community, Counter()), top=5)[0], community
    assert found["HD-C01"]["demand_top"].startswith("breakfast:42,fresh_market:20")
    assert len(inside) > 1  # the point also counts in another community's circle that holds it
    assert found["HD-C02"]["demand_top_zh"].startswith("社区食堂/老年助餐:42、")
    assert "laundry:2.5" in found["HD-C03"]["demand_top"]


def test_repurpose_ranks_change_with_demand_and_the_sentence_counts_who_asked(haidian):
    processing, folder, circles, facilities, _needs = haidian
    communities = sample("communities")
    cover = folder / "coverage.gpkg"
    processing.run(
        "fifteenmin:coverage", {"CIRCLES": str(circles), "FACILITIES": str(facilities), "OUTPUT": str(cover)}
    )
    assets = sample("idle_assets_seed")

    def suggestions(needs=None) -> list[QgsFeature]:
        parameters = {"ASSETS": assets, "COVERAGE": str(cover), "TOP_N": 20, "OUTPUT": "memory:"}
        if needs is not None:
            parameters["NEEDS"] = needs
        rows = processing.run("fifteenmin:repurpose", parameters)["OUTPUT"].getFeatures()
        return [row for row in rows if row["asset_id"] == "HD-A04"]

    before = suggestions()
    assert len(before) >= 2
    first, second = before[0], before[1]
    circle_ids = set(second["circle_id"].split(","))
    # the buffer circles have no circle_id, so repurpose names them by feature id
    community = next(f["community_id"] for f in gpkg(cover).getFeatures() if str(f.id()) in circle_ids)
    ratio = first["score"] / second["score"]
    asked = math.ceil((ratio - 1.0) / 0.02) + 12  # enough residents to lift the second use above the first
    table = folder / "asked.csv"
    with table.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows([["社区", "类别", "人数"], [community, second["use"], asked]])
    needs = folder / "asked_needs.gpkg"
    processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": str(table),
            "COMMUNITY_FIELD": "社区",
            "CATEGORY_FIELD": "类别",
            "WEIGHT_FIELD": "人数",
            "COMMUNITIES": communities,
            "OUTPUT": str(needs),
        },
    )
    after = suggestions(gpkg(needs))
    by_use = {row["use"]: row for row in after}
    assert after[0]["use"] == second["use"] and after[0]["rank"] == 1
    assert by_use[second["use"]]["score"] == pytest.approx(second["score"] * (1 + 0.02 * asked), rel=1e-3)
    assert by_use[first["use"]]["score"] == pytest.approx(first["score"], rel=1e-3)
    assert by_use[second["use"]]["residents_asked"] == asked
    name_zh = NAMES_ZH[second["use"]]
    assert f"{asked} 名居民提出需要{name_zh}" in after[0]["reason_zh"]
    assert f"{asked} residents asked for" in after[0]["reason_en"]
    assert [row["score"] for row in after] == sorted((row["score"] for row in after), reverse=True)
    # the weight is the user's to edit: 0 ignores demand and gives back the first ranking
    zero = processing.run(
        "fifteenmin:repurpose",
        {
            "ASSETS": assets,
            "COVERAGE": str(cover),
            "TOP_N": 20,
            "NEEDS": gpkg(needs),
            "DEMAND_WEIGHT": 0.0,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    ranked = [row["use"] for row in zero.getFeatures() if row["asset_id"] == "HD-A04"]
    assert ranked == [row["use"] for row in before]


def test_the_analysis_page_stores_demand_and_charts_it_against_supply(canvas, project, workspace, processing):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    from fifteen_min_plugin.core.needs.satisfaction import Survey, append_surveys
    from fifteen_min_plugin.core.needs.store import append_needs
    from tests.qgis.test_analysis_page import _on_file, _page, _run_coverage
    from tests.qgis.test_needs_store import _sample_needs

    needs = _sample_needs()
    append_needs(workspace.layer("needs"), needs)
    survey = Survey("HD-C06", None, None, 0.81, 150, "2025-06-30", "test", 2)
    append_surveys(workspace.layer("satisfaction"), [survey])
    page, _bar = _page(canvas, project, workspace)
    page.resize(600, 900)
    page.show()
    _run_coverage(page)
    stored = {f["circle_id"]: f for f in _on_file(workspace, "coverage")}
    expected: dict[str, Counter] = {}
    for need in needs:
        if need.category:
            expected.setdefault(need.community_id, Counter())[need.category] += need.weight
    for feature in stored.values():  # the workspace coverage table keeps the demand of every circle
        assert feature["demand_top"] == pairs(expected.get(feature["community_id"], Counter()), top=5)[0]
    wanted = next(key for key, f in stored.items() if f["community_id"] == "HD-C06" and f["level_min"] == 15)
    line = next(row for row in range(page.model.rowCount()) if page.model.index(row, 0).data() == wanted)
    index = page.model.index(line, 1)
    page.table.scrollTo(index)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    feature = stored[page.model.index(line, 0).data()]
    bars = page.demand_chart.bars()
    assert [(bar.code, bar.asked) for bar in bars] == [
        (code, weight) for code, weight in sorted(expected["HD-C06"].items(), key=lambda i: (-i[1], i[0]))[:5]
    ]
    assert [bar.count for bar in bars] == [feature[f"n_{bar.code}"] for bar in bars]
    assert feature["satisfaction"] == pytest.approx(0.81) and feature["satisfaction_ok"] == 0
    assert page.demand_chart.height() > 0
    # the city summary counts the surveyed circles against the target: HD-C06's circles, all below 90%
    summary = page.city_chart.summary()
    surveyed = [f for f in stored.values() if not is_null(f["satisfaction"])]
    assert {f["community_id"] for f in surveyed} == {"HD-C06"}
    assert (summary.surveyed, summary.satisfied) == (len(surveyed), 0)
    page.teardown()
