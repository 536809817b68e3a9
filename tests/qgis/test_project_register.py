"""The project register: history round-trip, all-or-nothing writes, the status workflow, projects from suggestions."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsFields, QgsGeometry, QgsPointXY

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.projects.register import ProjectRegister, project_from_suggestion
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.processing.repurpose import OUTPUT_FIELDS

SITE = QgsGeometry.fromPointXY(QgsPointXY(121.55, 29.87))
CANTEEN = {
    "name": "大闸社区食堂",
    "category": "community_canteen",
    "community_id": "C1",
    "investment_wan": "120.5",
    "lead_unit": "区民政局",
    "deadline": "2027-06-30",
}


def _sql(path: Path, statement: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


@pytest.fixture
def register(tmp_path, qgis_app) -> Iterator[ProjectRegister]:
    reg = ProjectRegister.from_workspace(Workspace.create(tmp_path / "ws.gpkg"), user="tester")
    yield reg
    # free the layers while QGIS still runs (caught tracebacks refer to them)
    reg.projects = reg.events = reg.sites = None
    gc.collect()


def test_every_change_is_in_the_history_in_order_and_the_file_agrees(register):
    project_id = register.add(CANTEEN, SITE, note="居民议事会提出")
    assert project_id == "PJ-00001"
    assert register.update(project_id, {"investment_wan": 150, "lead_unit": "区民政局"}, note="追加预算") == [
        "investment_wan"
    ]
    register.set_status(project_id, "approved", note="区政府常务会通过")
    register.set_status(project_id, "under_construction")

    rows = [(e.kind, e.field, e.old_value, e.new_value, e.note) for e in register.history(project_id)]
    assert rows == [
        ("created", "status", None, "planned", "居民议事会提出"),
        ("changed", "investment_wan", "120.5", "150.0", "追加预算"),
        ("status", "status", "planned", "approved", "区政府常务会通过"),
        ("status", "status", "approved", "under_construction", ""),
    ]
    path = Path(register.projects.source().split("|")[0])
    assert _sql(path, "SELECT status, investment_wan, version, lead_unit FROM projects") == [
        ("under_construction", 150.0, 4, "区民政局")
    ]
    assert _sql(path, "SELECT COUNT(*), MIN(user) FROM project_events") == [(4, "tester")]
    assert register.geometry(project_id).asWkt(2) == "Point (121.55 29.87)"


def test_a_failed_event_write_leaves_the_project_untouched(register):
    project_id = register.add(CANTEEN, SITE)
    path = Path(register.projects.source().split("|")[0])
    _sql(
        path,
        "CREATE TRIGGER refuse BEFORE INSERT ON project_events WHEN NEW.new_value = 'approved' "
        "BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    before = (_sql(path, "SELECT * FROM projects"), _sql(path, "SELECT * FROM project_events"))
    with pytest.raises(FifteenMinError, match="could not be written, so nothing was changed in the project list"):
        register.set_status(project_id, "approved", note="区政府常务会通过")
    assert (_sql(path, "SELECT * FROM projects"), _sql(path, "SELECT * FROM project_events")) == before
    assert register.get(project_id)["status"] == "planned" and register.get(project_id)["version"] == 1


@pytest.mark.parametrize(
    ("path", "target", "sentence"),
    [
        ((), "open", "A project cannot go from “Planned” to “Open”; from “Planned” it can go to: Approved, Cancelled."),
        (("approved",), "planned", "from “Approved” it can go to: Under construction, Cancelled."),
        (("approved", "under_construction", "open", "evaluated"), "cancelled", "cannot change its status any more"),
        (("cancelled",), "approved", "A project that is “Cancelled” cannot change its status any more."),
        ((), "finished", "“finished” is not a project status"),
        ((), "planned", "The project is already “Planned”."),
    ],
)
def test_illegal_moves_are_refused_with_a_sentence_and_change_nothing(register, path, target, sentence):
    project_id = register.add(CANTEEN, SITE)
    for status in path:
        register.set_status(project_id, status)
    events = len(register.history(project_id))
    with pytest.raises(FifteenMinError) as raised:
        register.set_status(project_id, target)
    assert sentence in raised.value.message
    assert len(register.history(project_id)) == events
    assert register.get(project_id)["status"] == (path[-1] if path else "planned")


def test_bad_values_are_refused_before_anything_is_written(register):
    with pytest.raises(FifteenMinError, match="investment_wan must be a number of 0 or more, not “很多”"):
        register.add({**CANTEEN, "investment_wan": "很多"}, SITE)
    with pytest.raises(FifteenMinError, match="cannot be negative"):
        register.add({**CANTEEN, "floor_area_m2": -5}, SITE)
    with pytest.raises(FifteenMinError, match="needs a value for “category”"):
        register.add({"name": "无类别"}, SITE)
    with pytest.raises(FifteenMinError, match="status buttons"):
        register.update("PJ-00001", {"status": "open"})
    assert register.project_ids() == [] and register.events.featureCount() == 0


def _suggestion(**values: object) -> QgsFeature:
    fields = QgsFields()
    for name, kind in OUTPUT_FIELDS:
        fields.append(new_field(name, kind))
    feature = QgsFeature(fields)
    for name, value in values.items():
        feature[name] = value
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(121.56, 29.88)))
    return feature


def test_a_suggestion_becomes_a_planned_project_linked_to_its_asset_once(register):
    row = _suggestion(
        asset_id="IA-00003",
        asset_name="闲置车库",
        use="community_canteen",
        use_zh="社区食堂",
        circle_id="HD-C01-15",
        reason_zh="填补15分钟圈社区食堂空缺",
    )
    project_id = project_from_suggestion(register, row, note="来自改造建议")
    project = register.get(project_id)
    assert (project["status"], project["site_kind"], project["asset_id"], project["category"]) == (
        "planned",
        "asset",
        "IA-00003",
        "community_canteen",
    )
    assert project["name"] == "闲置车库：社区食堂" and project["circle_id"] == "HD-C01-15"
    assert register.geometry(project_id).asWkt(2) == "Point (121.56 29.88)"
    assert [event.note for event in register.history(project_id)] == ["来自改造建议"]
    with pytest.raises(FifteenMinError, match="already plans this use on the asset “IA-00003”"):
        project_from_suggestion(register, row)
    register.set_status(project_id, "cancelled", note="产权未落实")
    assert project_from_suggestion(register, row) == "PJ-00002"
    with pytest.raises(FifteenMinError, match="not a repurposing suggestion"):
        project_from_suggestion(register, _suggestion(asset_id="IA-00004"))


PLOT = QgsGeometry.fromWkt("Polygon ((121.550 29.870, 121.552 29.870, 121.552 29.872, 121.550 29.872, 121.550 29.870))")


def _ogr_sites(path: Path) -> list[tuple[str, str]]:
    """project_sites read with GDAL's OGR, independently of the register: (project_id, WKT)."""
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    rows = [
        (feature.GetField("project_id"), feature.GetGeometryRef().ExportToIsoWkt())
        for feature in dataset.GetLayerByName("project_sites")
    ]
    dataset = None
    return rows


def test_a_drawn_polygon_site_is_kept_whole_and_its_point_lies_inside_it(register):
    project_id = register.add({**CANTEEN, "site_kind": "drawn"}, PLOT, note="按地块红线绘制")
    path = Path(register.projects.source().split("|")[0])
    ((stored_id, wkt),) = _ogr_sites(path)
    assert stored_id == project_id and wkt.startswith("MULTIPOLYGON")
    assert QgsGeometry.fromWkt(wkt).isGeosEqual(PLOT)
    point = register.geometry(project_id)
    assert point.type() == QgsGeometry.fromPointXY(QgsPointXY(0, 0)).type() and PLOT.contains(point)
    assert register.site_polygon(project_id).isGeosEqual(PLOT)
    fields = [(event.kind, event.field) for event in register.history(project_id)]
    assert fields == [("created", "status"), ("created", "site_polygon")]


def test_a_replaced_polygon_stays_in_the_history_and_a_failed_write_keeps_the_old_one(register):
    project_id = register.add({**CANTEEN, "site_kind": "drawn"}, PLOT)
    bigger = QgsGeometry.fromWkt("Polygon ((121.550 29.870, 121.554 29.870, 121.554 29.873, 121.550 29.870))")
    assert register.update(project_id, {}, note="用地调整", geometry=bigger) == ["geometry", "site_polygon"]
    path = Path(register.projects.source().split("|")[0])
    ((_, wkt),) = _ogr_sites(path)
    assert QgsGeometry.fromWkt(wkt).isGeosEqual(bigger)
    last = register.history(project_id)[-1]
    assert (last.field, last.note) == ("site_polygon", "用地调整")
    assert QgsGeometry.fromWkt(last.old_value).isGeosEqual(PLOT)
    assert QgsGeometry.fromWkt(last.new_value).isGeosEqual(bigger)

    _sql(
        path,
        "CREATE TRIGGER refuse BEFORE INSERT ON project_events WHEN NEW.field = 'site_polygon' "
        "BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    before = (_sql(path, "SELECT * FROM projects"), _ogr_sites(path), len(register.history(project_id)))
    with pytest.raises(FifteenMinError, match="nothing was changed in the project list"):
        register.update(project_id, {}, geometry=PLOT)
    assert (_sql(path, "SELECT * FROM projects"), _ogr_sites(path), len(register.history(project_id))) == before


def test_dates_in_several_formats_are_stored_as_iso_and_bad_ones_are_refused(register):
    project_id = register.add({**CANTEEN, "start": "2026/3/1", "deadline": "2026年12月31日"}, SITE)
    assert (register.get(project_id)["start"], register.get(project_id)["deadline"]) == ("2026-03-01", "2026-12-31")
    with pytest.raises(FifteenMinError, match="The deadline 2026-01-31 comes before the start 2026-03-01"):
        register.update(project_id, {"deadline": "2026.1.31"})
    with pytest.raises(FifteenMinError, match="The start date “03/01/2026” is not a date"):
        register.add({**CANTEEN, "start": "03/01/2026"}, SITE)
    with pytest.raises(FifteenMinError, match="comes before the start"):
        register.add({**CANTEEN, "start": "2027-01-01", "deadline": "20261231"}, SITE)
    assert register.project_ids() == [project_id] and len(register.history(project_id)) == 1
