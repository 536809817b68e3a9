"""The Idle assets page on a real workspace GeoPackage: flag → form → register, workflow, history, filters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QAbstractButton, QMessageBox

from fifteen_min_plugin.core.assets.register import AssetRegister, check_transition
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.workspace.schema import legend_label
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.assets_page import AssetsPage, CandidatesDialog
from tests.qgis.page_helpers import (
    answer,
    cleared_project,
    click,
    messages,
    one_circle_coverage,
    open_page,
    press,
    query,
    shown_canvas,
    wait,
)

NORTH = QgsRectangle(116.340, 40.003, 116.365, 40.012)
SOUTH = QgsRectangle(116.340, 39.995, 116.365, 40.003)
PARKING = [(116.345, 40.005), (116.348, 40.005), (116.348, 40.007), (116.345, 40.007)]
BUNKER = (116.356, 39.999)


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "haidian.gpkg").path


@pytest.fixture()
def workspace(empty_workspace, tmp_path) -> Workspace:
    path = shutil.copy(empty_workspace, tmp_path / "haidian.gpkg")
    circles = QgsVectorLayer(f"{path}|layername=circles", "c", "ogr")
    features = []
    for code, name, box in (("N15", "North", NORTH), ("S15", "South", SOUTH)):
        feature = QgsFeature(circles.fields())
        feature["circle_id"] = code
        feature["name"] = name
        feature["level_min"] = 15
        feature.setGeometry(QgsGeometry.fromRect(box))
        features.append(feature)
    assert circles.dataProvider().addFeatures(features)[0]
    del circles
    return Workspace.open(path)


@pytest.fixture()
def project(qgis_app):
    yield from cleared_project()


@pytest.fixture()
def canvas(qgis_canvas):
    yield from shown_canvas(qgis_canvas, QgsRectangle(116.340, 39.995, 116.365, 40.012))


@pytest.fixture()
def osm(project, canvas, workspace):
    polygons = QgsVectorLayer(
        "Polygon?crs=EPSG:4326&field=name:string&field=amenity:string&field=other_tags:string", "osm polygons", "memory"
    )
    points = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=building:string", "osm points", "memory")
    parking = QgsFeature(polygons.fields())
    parking.setAttributes(["物美停车场", "parking", '"capacity"=>"100"'])
    parking.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in [*PARKING, PARKING[0]]]]))
    bunker = QgsFeature(points.fields())
    bunker.setAttributes(["防空洞", "bunker"])
    bunker.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*BUNKER)))
    assert polygons.dataProvider().addFeatures([parking])[0]
    assert points.dataProvider().addFeatures([bunker])[0]
    assert len(project.addMapLayers([polygons, points])) == 2
    own = workspace.add_to_project(project)
    # the workspace's circles lie on top of everything: the flag tool must look through them
    canvas.setLayers([layer for layer in own if layer.isSpatial()] + [points, polygons])
    return polygons, points


@pytest.fixture()
def page(canvas, project, workspace):
    yield from open_page(AssetsPage, canvas, project, workspace)


def _add(workspace: Workspace, values: dict, lon: float, lat: float, status: str = "") -> str:
    register = AssetRegister.from_workspace(workspace, user="setup")
    asset_id = register.add(values, QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
    if status:
        register.set_status(asset_id, status, confirmed=True)
    return asset_id


def test_flagged_feature_goes_through_the_form_into_the_register(page, canvas, osm, workspace):
    page, bar = page
    polygons, _points = osm
    page.flag_action.trigger()
    assert canvas.mapTool() is page.flag_tool
    click(page.flag_tool, canvas, 116.3465, 40.006)
    form = page.form
    assert form is not None
    assert (form.type_combo.currentData(), form.name_edit.text(), form.capacity_edit.text()) == (
        "parking",
        "物美停车场",
        "100",
    )
    form.owner_edit.setText("物美集团")
    form.windows_edit.setPlainText("Mon-Fri 20:00-07:00")
    form.accept()
    QCoreApplication.processEvents()
    parking_fid = next(polygons.getFeatures()).id()
    assert query(
        workspace.path, "select asset_id, asset_type, name, owner, capacity, source_layer, source_fid from idle_assets"
    ) == [("IA-00001", "parking", "物美停车场", "物美集团", 100, "osm polygons", parking_fid)]
    assert query(workspace.path, "select field, note from asset_events") == [
        ("created", f"Flagged from “osm polygons”, feature {parking_fid}: recognised by amenity=parking")
    ]
    stored = next(workspace.layer("idle_assets").getFeatures()).geometry()
    assert QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in PARKING]]).contains(stored)
    assert page.visible_ids() == ["IA-00001"]
    assert page.selected_id() == "IA-00001"
    assert page.model.rows[0].circles == ("N15",)
    assert "Mon-Fri 20:00-07:00" in page.windows_label.text()
    assert "55 h per week" in page.windows_label.text()  # 5 nights × 11 h

    click(page.flag_tool, canvas, 116.3465, 40.006)  # the same feature again: no second asset
    assert page.form is None
    assert any("already in the register as IA-00001" in text for text in messages(bar))
    assert query(workspace.path, "select count(*) from idle_assets") == [(1,)]


def test_add_by_drawing_and_flag_selected(page, canvas, osm, workspace):
    page, _bar = page
    _polygons, points = osm
    page.draw_action.trigger()
    assert canvas.mapTool() is page.point_tool
    click(page.point_tool, canvas, 116.350, 40.010)
    form = page.form
    assert form.name_edit.text() == "" and not form.buttons.buttons()[0].isEnabled()
    form.name_edit.setText("校园操场")
    form.type_combo.setCurrentIndex(form.type_combo.findData("school_playground"))
    form.accept()
    points.selectAll()
    canvas.setCurrentLayer(points)
    page.flag_selected()
    assert page.form.type_combo.currentData() == "civil_defence"
    page.form.accept()
    QCoreApplication.processEvents()
    assert query(
        workspace.path, "select asset_id, asset_type, name, source_layer from idle_assets order by asset_id"
    ) == [
        ("IA-00001", "school_playground", "校园操场", None),
        ("IA-00002", "civil_defence", "防空洞", "osm points"),
    ]
    assert page.model.rows[1].circles == ("S15",)


def _history(page: AssetsPage) -> list[tuple[str, ...]]:
    table = page.history
    return [tuple(table.item(row, column).text() for column in (1, 2, 3, 4)) for row in range(table.rowCount())]


def test_status_buttons_walk_the_lifecycle_and_history_shows_each_event(page, workspace):
    page, bar = page
    asset_id = _add(workspace, {"asset_type": "civil_defence", "name": "示例人防工程"}, 116.35, 40.0)
    page.refresh()
    assert page.select_id(asset_id)
    steps = ["under_review", "approved", "in_use", "retired"]
    for status in steps:
        page.status_buttons[status].click()
        answer(page, f"note for {status}")
        assert query(workspace.path, "select status from idle_assets") == [(status,)]
    events = query(workspace.path, "select field, old_value, new_value, note from asset_events order by time, fid")
    assert [event[0] for event in events] == ["created", "status", "status", "status", "status"]
    assert [event[1:3] for event in events[1:]] == list(zip(["candidate", *steps[:-1]], steps))
    label = {None: ""} | {status: legend_label("status", status) for status in ["candidate", *steps]}
    assert events[0][2] == "civil_defence: 示例人防工程"  # the register stores the code; the page shows its label
    expected = [("Created", "", "Civil-defence works (tunnel, shelter): 示例人防工程", "")] + [
        ("Status", label[old], label[new], note) for _field, old, new, note in events[1:]
    ]
    assert page.selected_id() == asset_id
    assert _history(page) == expected
    assert page.model.rows[0].status == "retired"
    assert any("is now" in text for text in messages(bar))


def test_illegal_transition_is_refused_with_the_registers_sentence(page, workspace):
    page, bar = page
    asset_id = _add(workspace, {"asset_type": "parking", "name": "集贸市场停车场"}, 116.35, 40.0, status="retired")
    page.refresh()
    page.select_id(asset_id)
    before = (
        query(workspace.path, "select * from asset_events"),
        query(workspace.path, "select * from idle_assets"),
    )
    with pytest.raises(FifteenMinError) as refused:
        check_transition("retired", "in_use")
    page.status_buttons["in_use"].click()
    assert page.dialog is None  # nothing to ask: the move is not allowed at all
    assert refused.value.message in messages(bar)
    after = (
        query(workspace.path, "select * from asset_events"),
        query(workspace.path, "select * from idle_assets"),
    )
    assert after == before


def test_skipping_a_step_needs_a_confirmation(page, workspace):
    page, _bar = page
    asset_id = _add(workspace, {"asset_type": "parking", "name": "集贸市场停车场"}, 116.35, 40.0)
    page.refresh()
    page.select_id(asset_id)
    with pytest.raises(FifteenMinError) as skip:
        check_transition("candidate", "in_use")
    page.status_buttons["in_use"].click()
    assert press(page, QMessageBox.StandardButton.No) == skip.value.message
    assert page.dialog is None
    assert query(workspace.path, "select status from idle_assets") == [("candidate",)]
    page.status_buttons["in_use"].click()
    press(page, QMessageBox.StandardButton.Yes)
    answer(page, "night sharing agreed with the market")
    assert query(workspace.path, "select status from idle_assets") == [("in_use",)]
    assert query(workspace.path, "select old_value, new_value, note from asset_events where field = 'status'") == [
        ("candidate", "in_use", "night sharing agreed with the market")
    ]


def test_filters_narrow_the_table(page, workspace):
    page, _bar = page
    north = _add(workspace, {"asset_type": "parking", "name": "north parking"}, 116.350, 40.008)
    south = _add(workspace, {"asset_type": "civil_defence", "name": "south tunnel"}, 116.350, 39.998, "approved")
    outside = _add(workspace, {"asset_type": "vacant_shop", "name": "far shop"}, 116.400, 40.050)
    both = _add(workspace, {"asset_type": "parking", "name": "edge parking"}, 116.350, 40.003)
    page.refresh()
    assert page.visible_ids() == [north, south, outside, both]

    def show(status="", kind="", circle=""):
        for combo, value in ((page.status_filter, status), (page.type_filter, kind), (page.circle_filter, circle)):
            combo.setCurrentIndex(combo.findData(value))
        return page.visible_ids()

    assert show(status="approved") == [south]
    assert show(kind="parking") == [north, both]
    assert show(circle="N15") == [north, both]  # the edge point lies on both circles' shared side
    assert show(circle="S15") == [south, both]
    assert show(circle="\x00none") == [outside]
    assert show(kind="parking", circle="S15") == [both]
    assert show(status="in_use") == []
    assert show() == [north, south, outside, both]


def test_the_page_offers_no_delete_and_retiring_keeps_the_asset_with_its_history(page, workspace):
    page, _bar = page
    asset_id = _add(workspace, {"asset_type": "other", "name": "停用仓库"}, 116.35, 40.0, status="in_use")
    page.refresh()
    page.select_id(asset_id)
    # the database keeps every asset that has history, so a delete button could only lead to a refusal
    assert not [button.text() for button in page.findChildren(QAbstractButton) if "Delete" in button.text()]
    retire = page.status_buttons["retired"]
    assert not retire.isHidden() and retire.isEnabled() and "never deleted" in retire.toolTip()
    retire.click()
    answer(page, "no longer used")
    assert query(workspace.path, "select asset_id, status from idle_assets") == [(asset_id, "retired")]
    changes = query(workspace.path, "select new_value, note from asset_events where field = 'status' order by fid")
    assert changes[-1] == ("retired", "no longer used")
    assert page.visible_ids() == [asset_id]


def test_find_candidates_and_register_the_ticked_ones(page, osm, workspace, processing):
    page, _bar = page
    polygons, points = osm
    page.scan([polygons, points])
    wait(page)
    dialog = page.dialog
    assert isinstance(dialog, CandidatesDialog)
    kinds = sorted(str(feature["asset_type"]) for feature in dialog.features)
    assert kinds == ["civil_defence", "parking"]
    tunnel_row = next(row for row, f in enumerate(dialog.features) if f["asset_type"] == "civil_defence")
    dialog.table.item(tunnel_row, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert query(workspace.path, "select asset_type, name, source_layer from idle_assets") == [
        ("parking", "物美停车场", "osm polygons")
    ]
    page.scan([polygons, points])
    wait(page)
    again = page.dialog
    ticked = [str(again.features[row]["asset_type"]) for row in again.ticked()]
    assert ticked == ["civil_defence"]  # the registered parking is shown, not ticked
    again.reject()


def test_suggestions_for_the_selected_asset_fill_its_circles_gaps(page, workspace, processing):
    page, _bar = page
    shop = _add(workspace, {"asset_type": "vacant_shop", "name": "临街空置商铺", "area_m2": 150}, 116.350, 40.008)
    outside = _add(workspace, {"asset_type": "vacant_shop", "name": "far shop", "area_m2": 150}, 116.400, 40.050)
    one_circle_coverage(workspace, NORTH, {"pharmacy"})
    page.refresh()
    page.select_id(shop)
    page.suggest()
    assert page.task is not None and not page.progress.isHidden()
    wait(page)
    assert page.progress.isHidden()
    table = page.suggestions
    rows = [[table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())]
    pharmacy = next(category.name_en for category in load_categories() if category.code == "pharmacy")
    # the circle's only gap is a basic category: base 1.0 × weight 3 × 8,000 residents / 1000 × size fit 1 (≥ ideal)
    assert [row[:3] for row in rows] == [["1", pharmacy, "24.00"]]
    assert "8,000" in rows[0][3] and "North" in rows[0][3]
    page.select_id(outside)
    assert page.suggestions.rowCount() == 1
    assert "not in any living circle" in page.suggestions.item(0, 3).text()

    one_circle_coverage(
        workspace, NORTH, {"pharmacy", "elderly_care"}
    )  # the circle's gaps change, so do the suggestions
    page.select_id(shop)
    page.suggest()
    wait(page)
    uses = [page.suggestions.item(row, 1).text() for row in range(page.suggestions.rowCount())]
    assert uses == [pharmacy, "Elderly care"]  # basic gap (weight 3) before quality gap (weight 2, smaller fit)


def test_suggestions_follow_the_residents_needs(page, workspace, processing):
    from qgis.core import QgsPointXY

    from fifteen_min_plugin.core.needs.needs_import import Need
    from fifteen_min_plugin.core.needs.store import append_needs

    page, _bar = page
    shop = _add(workspace, {"asset_type": "vacant_shop", "name": "临街空置商铺", "area_m2": 150}, 116.350, 40.008)
    one_circle_coverage(workspace, NORTH, {"pharmacy", "elderly_care"})
    pharmacy = next(category.name_en for category in load_categories() if category.code == "pharmacy")
    # 60 residents of the circle ask for elderly care: ×(1 + 0.02 × 60) lifts it above the pharmacy
    centre = QgsPointXY(NORTH.center())
    need = Need("", "elderly_care", 60.0, None, None, "老人没地方去", "survey", 2, None, centre, "column", "inside")
    append_needs(workspace.layer("needs"), [need])
    page.refresh()
    page.select_id(shop)
    page.suggest()
    wait(page)
    uses = [page.suggestions.item(row, 1).text() for row in range(page.suggestions.rowCount())]
    assert uses == ["Elderly care", pharmacy]
    assert "60 residents asked for elderly care." in page.suggestions.item(0, 3).text()


def test_cancelled_suggestions_change_nothing(page, workspace, processing):
    page, bar = page
    shop = _add(workspace, {"asset_type": "vacant_shop", "name": "临街空置商铺", "area_m2": 150}, 116.350, 40.008)
    one_circle_coverage(workspace, NORTH, {"pharmacy"})
    page.refresh()
    page.select_id(shop)
    before = (
        query(workspace.path, "select * from idle_assets"),
        query(workspace.path, "select * from asset_events"),
    )
    page.suggest()
    page.cancel_button.click()
    wait(page)
    assert page.suggestions_by_asset == {}
    assert page.suggestions.rowCount() == 0
    assert any("cancelled" in text for text in messages(bar))
    after = (
        query(workspace.path, "select * from idle_assets"),
        query(workspace.path, "select * from asset_events"),
    )
    assert after == before
