"""fifteenmin:planscenario: coverage now and with the projects built, checked against fifteenmin:coverage."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator

import numpy as np
import pytest
from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_coverage import write_gpkg

T = QVariant.Type
METRES = "EPSG:3857"
BASIC = [category.code for category in load_categories() if category.category_class == "basic"]


def is_null(value: object) -> bool:
    return value is None or value == NULL


def _square(x0: float) -> QgsGeometry:
    return QgsGeometry.fromWkt(f"MULTIPOLYGON((({x0} 0, {x0 + 1000} 0, {x0 + 1000} 1000, {x0} 1000, {x0} 0)))")


def _point(x: float, y: float) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


@pytest.fixture
def world(tmp_path, default_settings) -> dict[str, str]:
    """Circle A has every basic category but the pharmacy; circle B only a convenience store; asset IA-1 in A."""
    data = tmp_path / "data.gpkg"
    circle_fields = [("circle_id", T.String), ("community_id", T.String), ("level_min", T.Int), ("population", T.Int)]
    circles = write_gpkg(
        data,
        "circles",
        QgsWkbTypes.Type.MultiPolygon,
        METRES,
        circle_fields,
        [
            (_square(0), {"circle_id": "A", "community_id": "CA", "level_min": 15, "population": 8000}),
            (_square(2000), {"circle_id": "B", "community_id": "CB", "level_min": 15, "population": 5000}),
        ],
    )
    in_a = [(_point(50 + 60 * n, 100), {"category": code}) for n, code in enumerate(BASIC) if code != "pharmacy"]
    facilities = write_gpkg(
        data,
        "facilities",
        QgsWkbTypes.Type.Point,
        METRES,
        [("category", T.String)],
        [*in_a, (_point(2100, 100), {"category": "convenience_store"})],
    )
    assets = write_gpkg(
        data,
        "assets",
        QgsWkbTypes.Type.Point,
        METRES,
        [("asset_id", T.String)],
        [(_point(500, 500), {"asset_id": "IA-1"})],
    )
    workspace = Workspace.create(tmp_path / "ws.gpkg")  # projects stored in WGS84, circles in metres
    register = ProjectRegister.from_workspace(workspace, user="tester")
    metres = QgsCoordinateReferenceSystem(METRES)
    register.add(
        {"project_id": "P1", "name": "车库改药店", "category": "pharmacy", "asset_id": "IA-1", "site_kind": "asset"}
    )
    register.add({"project_id": "P2", "name": "菜市场", "category": "fresh_market"}, _point(2500, 500), metres)
    register.set_status("P2", "cancelled", note="选址不落实")
    register.add({"project_id": "P3", "name": "药店乙", "category": "pharmacy"}, _point(2600, 600), metres)
    for status in ("approved", "under_construction", "open"):
        register.set_status("P3", status)
    register.projects = register.events = None
    gc.collect()
    return {
        "circles": circles,
        "facilities": facilities,
        "assets": assets,
        "projects": f"{workspace.path}|layername=projects",
    }


def _run(processing, world: dict[str, str], output: str = "memory:", **extra) -> dict[str, dict]:
    result = processing.run(
        "fifteenmin:planscenario",
        {
            "CIRCLES": world["circles"],
            "FACILITIES": world["facilities"],
            "PROJECTS": world["projects"],
            "ASSETS": world["assets"],
            "OUTPUT": output,
            **extra,
        },
    )
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    return {
        feature["circle_id"]: {name: feature[name] for name in layer.fields().names()}
        for feature in layer.getFeatures()
    }


def _coverage_grade(processing, circles: str, facilities: QgsVectorLayer, circle_id: str) -> str:
    out = processing.run("fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"})
    return next(f["grade"] for f in out["OUTPUT"].getFeatures() if f["circle_id"] == circle_id)


def _coverage_required(processing, circles: str, facilities: str, circle_id: str) -> str:
    out = processing.run("fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"})
    return next(f["missing_required"] for f in out["OUTPUT"].getFeatures() if f["circle_id"] == circle_id)


def test_a_project_filling_the_only_missing_basic_type_raises_the_grade(processing, world):
    rows = _run(processing, world)

    a, b = rows["A"], rows["B"]
    assert (a["missing_before"], a["missing_after"], a["gained"]) == ("pharmacy", "", "pharmacy")
    assert (a["grade_before"], a["grade_after"]) == ("未达标", "基础型")
    assert a["residents_gaining"] == 8000
    assert a["closed_by"] == "pharmacy:P1"  # the asset IA-1 lies in A
    assert a["required_before"] == _coverage_required(processing, world["circles"], world["facilities"], "A")
    # the independent oracle: Coverage per circle on the facilities with a pharmacy at the asset's location
    with_pharmacy = QgsVectorLayer(world["facilities"]).materialize(QgsFeatureRequest())
    feature = QgsFeature(with_pharmacy.fields())
    feature["category"] = "pharmacy"
    feature.setGeometry(_point(500, 500))
    assert with_pharmacy.dataProvider().addFeature(feature)
    assert _coverage_grade(processing, world["circles"], with_pharmacy, "A") == a["grade_after"]
    assert _coverage_grade(processing, world["circles"], QgsVectorLayer(world["facilities"]), "A") == a["grade_before"]
    # B: its fresh market was cancelled and its pharmacy is already open (not a default status): nothing changes
    assert b["missing_before"] == b["missing_after"] and b["grade_before"] == b["grade_after"]
    assert (b["gained"], b["closed_by"], b["residents_gaining"]) == ("", "", 0)
    assert b["required_before"] == b["required_after"]
    # the tier-labelled gaps are Coverage per circle's, and a pharmacy is no GB 50180 tier item: they stay
    inputs = {"CIRCLES": world["circles"], "FACILITIES": world["facilities"], "OUTPUT": "memory:"}
    tiers = {
        f["circle_id"]: f["missing_tiers"]
        for f in processing.run("fifteenmin:coverage", inputs)["OUTPUT"].getFeatures()
    }
    assert (a["tiers_before"], b["tiers_before"]) == (tiers["A"], tiers["B"]) and a["tiers_before"].startswith("5:")


def test_a_cancelled_project_changes_nothing_and_cannot_be_asked_for(processing, world):
    rows = _run(processing, world, STATUSES="open")  # only P3 (open, a pharmacy in B) is built
    assert rows["B"]["gained"] == "pharmacy" and rows["B"]["residents_gaining"] == 5000
    assert rows["B"]["closed_by"] == "pharmacy:P3"
    assert "fresh_market" in rows["B"]["missing_after"].split(",")  # P2, cancelled, is never built
    assert rows["A"]["missing_after"] == "pharmacy" and rows["A"]["residents_gaining"] == 0
    with pytest.raises(QgsProcessingException, match="A cancelled project is never built"):
        _run(processing, world, STATUSES="planned,cancelled")
    with pytest.raises(QgsProcessingException, match="“finished” are not project statuses"):
        _run(processing, world, STATUSES="finished")


def test_a_projects_layer_without_a_status_is_refused_with_a_sentence(processing, world):
    with pytest.raises(QgsProcessingException, match="The projects layer has no field project_id, category, status"):
        _run(processing, {**world, "projects": world["assets"]})


def test_the_scenario_writes_a_geopackage(processing, world, tmp_path):
    output = tmp_path / "scenario.gpkg"
    rows = _run(processing, world, str(output))
    assert set(rows) == {"A", "B"}
    with sqlite3.connect(output) as connection:
        table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        stored = connection.execute(
            f'SELECT circle_id, grade_before, grade_after, gained, residents_gaining FROM "{table}" ORDER BY circle_id'
        ).fetchall()
    assert stored == [("A", "未达标", "基础型", "pharmacy", 8000), ("B", "未达标", "未达标", "", 0)]


# --- walking minutes on real Haidian streets, against networkx -------------------------------------------------------

SPEED, MAX_MINUTES, SNAP_M = 4.0, 30.0, 100.0
PER_MINUTE = SPEED * 1000.0 / 60.0


def _minutes(text: str) -> dict[str, float]:
    """code → minutes of a minutes_before / minutes_after text (">30": inf)."""
    found = {}
    for item in text.split(";"):
        code, value = item.split(":")
        found[code] = np.inf if value.startswith(">") else float(value)
    return found


@pytest.fixture(scope="module")
def haidian_plan(qgis_app, qgis_processing, tmp_path_factory) -> Iterator[dict]:
    """Real OSM streets, the sample communities each with a 15-minute circle, the sample POIs classified plus one
    synthetic facility of each basic category the extract lacks, and projects: P1 a planned pharmacy beside the
    community whose pharmacy walk is longest, P2 a cancelled fresh market beside another community."""
    from qgis import processing
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider
    from tests.qgis.test_nearest_facility import EXCLUDED, OSM, SAMPLE, UTM50, NetworkOracle, metric_points

    registry = QgsApplication.processingRegistry()
    provider = None if registry.providerById("fifteenmin") else FifteenMinProvider()
    if provider is not None:
        registry.addProvider(provider)
    roads = QgsVectorLayer(f"{OSM}|layername=lines", "roads", "ogr")
    assert roads.isValid() and roads.setSubsetString("highway IS NOT NULL")
    communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
    pois = QgsVectorLayer(f"{SAMPLE}|layername=haidian_pois", "pois", "ogr")
    classified = processing.run("fifteenmin:classifyfacilities", {"INPUT": pois, "OUTPUT": "memory:"})["OUTPUT"]
    to_utm = QgsCoordinateTransform(roads.crs(), UTM50, QgsProject.instance())
    polylines = []
    for feature in roads.getFeatures():
        if str(feature["highway"]) not in EXCLUDED:
            geometry = feature.geometry()
            assert geometry.transform(to_utm) == Qgis.GeometryOperationResult.Success
            polylines.extend(np.array([(p.x(), p.y()) for p in part.vertices()]) for part in geometry.parts())
    oracle = NetworkOracle(polylines)

    folder = tmp_path_factory.mktemp("haidian_plan")
    data = folder / "data.gpkg"
    community_xy, ids = metric_points(communities, "community_id")
    circles = write_gpkg(
        data,
        "circles",
        QgsWkbTypes.Type.MultiPolygon,
        "EPSG:32650",
        [("circle_id", T.String), ("community_id", T.String), ("level_min", T.Int)],
        [
            (_point(x, y).buffer(800, 16), {"circle_id": f"Q-{cid}", "community_id": cid, "level_min": 15})
            for (x, y), cid in zip(community_xy, ids)
        ],
    )
    poi_xy, poi_codes = metric_points(classified, "category")
    lacking = [code for code in BASIC if code not in set(poi_codes)]
    middle = community_xy.mean(axis=0)
    synthetic_xy = oracle.xy[np.argsort(np.hypot(*(oracle.xy - middle).T))[: len(lacking)]]  # street corners mid-town
    facility_rows = [(x, y, str(code) if code else "") for (x, y), code in zip(poi_xy, poi_codes)]
    facility_rows += [(x, y, code) for (x, y), code in zip(synthetic_xy, lacking)]
    facilities = write_gpkg(
        data,
        "facilities",
        QgsWkbTypes.Type.Point,
        "EPSG:32650",
        [("category", T.String)],
        [(_point(x, y), {"category": code}) for x, y, code in facility_rows],
    )
    facility_xy = np.array([(x, y) for x, y, _ in facility_rows])
    facility_codes = [code for _, _, code in facility_rows]

    def nearest(code: str, extra: tuple[float, float] | None = None) -> np.ndarray:
        members = facility_xy[[value == code for value in facility_codes]]
        if extra is not None:
            members = np.vstack([members, [extra]])
        return oracle.nearest(community_xy, members, MAX_MINUTES * PER_MINUTE, SNAP_M) / PER_MINUTE

    pharmacy = nearest("pharmacy")
    on_network = np.array([oracle.attach(point)[2] <= SNAP_M for point in community_xy])
    target = int(np.argmax(np.where(on_network, np.nan_to_num(pharmacy, posinf=1e9), -1)))
    other = next(i for i in range(len(ids)) if i != target and on_network[i])
    site = oracle.xy[np.argmin(np.hypot(*(oracle.xy - community_xy[target]).T))] + (3.0, 4.0)
    market_site = oracle.xy[np.argmin(np.hypot(*(oracle.xy - community_xy[other]).T))] + (3.0, 4.0)

    workspace = Workspace.create(folder / "ws.gpkg")
    register = ProjectRegister.from_workspace(workspace, user="tester")
    utm = QgsCoordinateReferenceSystem("EPSG:32650")
    register.add({"project_id": "P1", "name": "社区药店", "category": "pharmacy"}, _point(*site), utm)
    register.add({"project_id": "P2", "name": "菜市场", "category": "fresh_market"}, _point(*market_site), utm)
    register.set_status("P2", "cancelled", note="选址不落实")
    register.projects = register.events = None
    gc.collect()
    yield {
        "processing": processing,
        "inputs": {
            "CIRCLES": circles,
            "FACILITIES": facilities,
            "PROJECTS": f"{workspace.path}|layername=projects",
            "COMMUNITIES": communities,
            "ROADS": roads,
            "SPEED_KMH": SPEED,
            "MAX_MINUTES": MAX_MINUTES,
            "SNAP_TOLERANCE_M": SNAP_M,
        },
        "ids": ids,
        "on_network": on_network,
        "nearest": nearest,
        "target": target,
        "other": other,
        "site": tuple(site),
        "market_site": tuple(market_site),
    }
    if provider is not None:
        registry.removeProvider(provider)


def _walk(haidian_plan, output: str = "memory:", log=None, **extra) -> dict[str, dict]:
    inputs = {**haidian_plan["inputs"], "OUTPUT": output, **extra}
    result = haidian_plan["processing"].run("fifteenmin:planscenario", inputs, feedback=log)
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    return {
        feature["community_id"]: {name: feature[name] for name in layer.fields().names()}
        for feature in layer.getFeatures()
    }


def test_a_project_beside_a_community_cuts_its_walk_as_networkx_measures_it(haidian_plan):
    log = RecordingFeedback()
    rows = _walk(haidian_plan, log=log)
    ids, nearest, target = haidian_plan["ids"], haidian_plan["nearest"], haidian_plan["target"]
    before = {code: nearest(code) for code in BASIC}
    after = {**before, "pharmacy": nearest("pharmacy", haidian_plan["site"])}
    assert np.isfinite(after["pharmacy"][target]) and after["pharmacy"][target] < 2.0
    assert after["pharmacy"][target] < before["pharmacy"][target]
    compared = 0
    for k, community in enumerate(ids):
        row = rows[community]
        if not haidian_plan["on_network"][k]:
            assert all(is_null(row[name]) for name in ("minutes_before", "minutes_after", "worst_min_before"))
            continue
        for field, expected in (("minutes_before", before), ("minutes_after", after)):
            measured = _minutes(row[field])
            assert list(measured) == BASIC
            for code in BASIC:
                if np.isfinite(expected[code][k]):
                    assert measured[code] == pytest.approx(expected[code][k], abs=0.05 + 1e-9), (community, code)
                    compared += 1
                else:
                    assert measured[code] == np.inf, (community, code)
        for field, expected in (("worst_min_before", before), ("worst_min_after", after)):
            walks = np.array([expected[code][k] for code in BASIC])
            if np.isfinite(walks).all():
                assert row[field] == pytest.approx(walks.max(), rel=1e-6), community
            else:
                assert is_null(row[field]), community
    assert compared > 100
    target_row = rows[ids[target]]
    old, new = before["pharmacy"][target], after["pharmacy"][target]
    old_text = f"{old:.1f}" if np.isfinite(old) else ">30"
    assert f"pharmacy:{old_text}→{new:.1f}" in target_row["minutes_changed"].split(";")
    assert "fresh_market" not in target_row["minutes_changed"]  # P2, beside another community, is cancelled
    assert not is_null(target_row["worst_min_after"]), "the synthetic facilities give every basic category"
    off_network = [f"Q-{community}" for community, on in zip(ids, haidian_plan["on_network"]) if not on]
    assert off_network and any(
        "circles have no walking minutes" in line and all(name in line for name in off_network) for line in log.lines
    )
    # the roads are read once: one walking graph for the four searches
    assert sum("Walking graph:" in line for line in log.lines) == 1


def test_a_cancelled_project_changes_no_minutes(haidian_plan):
    everything_but_cancelled = "planned,approved,under_construction,open,evaluated"
    without_p1 = _walk(haidian_plan, STATUSES="open")  # nothing is open: nothing is built
    with_all = _walk(haidian_plan, STATUSES=everything_but_cancelled)
    other = haidian_plan["ids"][haidian_plan["other"]]
    assert any(not is_null(row["minutes_after"]) for row in without_p1.values())
    for row in without_p1.values():
        assert row["minutes_after"] == row["minutes_before"] and row["minutes_changed"] in ("", None)
        assert row["worst_min_after"] == row["worst_min_before"]
    # P2, a cancelled fresh market beside `other`, is never built whatever statuses are asked for
    built_anyway = haidian_plan["nearest"]("fresh_market", haidian_plan["market_site"])
    assert built_anyway[haidian_plan["other"]] < haidian_plan["nearest"]("fresh_market")[haidian_plan["other"]]
    for row in with_all.values():
        if is_null(row["minutes_after"]):  # a community off the network
            continue
        assert _minutes(row["minutes_after"])["fresh_market"] == _minutes(row["minutes_before"])["fresh_market"]
    assert "fresh_market" not in (with_all[other]["minutes_changed"] or "")


def test_walking_minutes_reach_a_geopackage_and_tiers_walk_as_coverage_does(haidian_plan, tmp_path):
    output = tmp_path / "walk.gpkg"
    rows = _walk(haidian_plan, str(output))
    with sqlite3.connect(output) as connection:
        table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        stored = connection.execute(
            "SELECT community_id, minutes_before, minutes_after, minutes_changed, worst_min_before, worst_min_after "
            f'FROM "{table}"'
        ).fetchall()
    assert len(stored) == len(rows) and any(changed for _, _, _, changed, _, _ in stored)
    for community, *values in stored:
        expected = [rows[community][name] for name in ("minutes_before", "minutes_after", "minutes_changed")]
        assert values[:3] == [None if is_null(value) else value for value in expected]
    inputs = {name: haidian_plan["inputs"][name] for name in ("CIRCLES", "FACILITIES", "COMMUNITIES", "ROADS")}
    coverage = haidian_plan["processing"].run("fifteenmin:coverage", {**inputs, "OUTPUT": "memory:"})["OUTPUT"]
    tiers = {feature["community_id"]: feature["missing_tiers"] for feature in coverage.getFeatures()}
    assert {community: row["tiers_before"] for community, row in rows.items()} == tiers


def test_without_roads_the_minutes_are_empty_and_the_log_says_why(processing, world):
    from tests.qgis.test_nearest_facility import line_layer

    log = RecordingFeedback()
    result = processing.run(
        "fifteenmin:planscenario",
        {name.upper(): world[name] for name in ("circles", "facilities", "projects", "assets")} | {"OUTPUT": "memory:"},
        feedback=log,
    )
    for feature in result["OUTPUT"].getFeatures():
        assert all(is_null(feature[name]) for name in ("minutes_before", "minutes_changed", "worst_min_after"))
    assert any("Walking minutes need roads and communities" in line for line in log.lines)
    # roads without communities: nothing to walk from, said in the log, and no graph is built
    roads = line_layer([[(0, 0), (3000, 0)]])
    log = RecordingFeedback()
    inputs = {name.upper(): world[name] for name in ("circles", "facilities", "projects", "assets")}
    result = processing.run("fifteenmin:planscenario", {**inputs, "ROADS": roads, "OUTPUT": "memory:"}, feedback=log)
    assert all(is_null(feature["minutes_after"]) for feature in result["OUTPUT"].getFeatures())
    assert any("Roads were given without a communities layer" in line for line in log.lines)
    assert not any("Walking graph:" in line for line in log.lines)
