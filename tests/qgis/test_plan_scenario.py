"""fifteenmin:planscenario: coverage now and with the projects built, checked against fifteenmin:coverage."""

from __future__ import annotations

import gc
import sqlite3

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.test_coverage import default_settings, write_gpkg  # noqa: F401

T = QVariant.Type
METRES = "EPSG:3857"
BASIC = [category.code for category in load_categories() if category.category_class == "basic"]


def _square(x0: float) -> QgsGeometry:
    return QgsGeometry.fromWkt(f"MULTIPOLYGON((({x0} 0, {x0 + 1000} 0, {x0 + 1000} 1000, {x0} 1000, {x0} 0)))")


def _point(x: float, y: float) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


@pytest.fixture
def world(tmp_path, default_settings) -> dict[str, str]:  # noqa: F811
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
