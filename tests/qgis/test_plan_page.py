"""The Plan page on a real workspace GeoPackage: needs import, unclassified queue, lists, map, project list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.layer_io import copy_features
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.plan_page import PlanPage
from fifteen_min_plugin.gui.project_form import ProjectForm
from tests.qgis.page_helpers import (
    answer,
    cleared_project,
    click,
    messages,
    one_circle_coverage,
    open_page,
    pixel,
    query,
    shown_canvas,
    wait,
)

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NEEDS_CSV = RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"
NORTH = QgsRectangle(116.340, 40.003, 116.365, 40.012)
EXTENT = QgsRectangle(116.340, 39.995, 116.365, 40.012)


def _iso(text: str) -> str | None:
    """The sample file's date forms (2025-05-23, 2025/5/23, 2025年5月23日, an Excel day number) as ISO, else None."""
    import re
    from datetime import date, timedelta

    if text.isdigit():
        return (date(1899, 12, 30) + timedelta(days=int(text))).isoformat()
    parts = re.fullmatch(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?", text)
    return date(*map(int, parts.groups())).isoformat() if parts else None


def _csv_rows() -> list[list[str]]:
    """The sample needs file read with Python's csv module (GBK), header first."""
    import csv

    with NEEDS_CSV.open(encoding="gb18030", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def template(tmp_path_factory, qgis_app) -> Path:
    """A workspace with the sample communities and one 15-minute circle called N15."""
    workspace = Workspace.create(tmp_path_factory.mktemp("plan") / "haidian.gpkg")
    communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
    copy_features(communities, workspace.layer("communities"), QgsProject.instance().transformContext())
    circles = QgsVectorLayer(f"{workspace.path}|layername=circles", "c", "ogr")
    feature = QgsFeature(circles.fields())
    feature["circle_id"] = "N15"
    feature["name"] = "North"
    feature["level_min"] = 15
    feature.setGeometry(QgsGeometry.fromRect(NORTH))
    assert circles.dataProvider().addFeatures([feature])[0]
    del circles
    return workspace.path


@pytest.fixture()
def workspace(template, tmp_path) -> Workspace:
    return Workspace.open(shutil.copy(template, tmp_path / "haidian.gpkg"))


@pytest.fixture()
def canvas(qgis_canvas):
    yield from shown_canvas(qgis_canvas, EXTENT)


@pytest.fixture()
def project(qgis_app):
    yield from cleared_project()


@pytest.fixture()
def page(canvas, project, workspace):
    yield from open_page(PlanPage, canvas, project, workspace)


def _import(page: PlanPage) -> None:
    page.needs_file.setFilePath(str(NEEDS_CSV))
    assert page.text_field.currentText() == "诉求内容"  # guessed from the GBK header
    assert (page.community_field.currentText(), page.weight_field.currentText()) == ("社区", "人数")
    assert (page.list_field.currentText(), page.priority_field.currentText()) == ("清单", "紧急程度")
    assert page.date_field.currentText() == "提交时间"
    page.import_button.click()
    assert page.task is not None and not page.progress.isHidden() and not page.import_button.isEnabled()
    wait(page)
    assert page.progress.isHidden() and page.import_button.isEnabled()


def test_needs_are_imported_through_the_runner_and_the_queue_resolves_rows_with_the_same_text(
    page, workspace, processing
):
    page, bar = page
    _import(page)
    by_number = dict(enumerate(_csv_rows()[1:], start=2))  # the spreadsheet's row numbers, header = row 1
    stored = query(workspace.path, "select text, weight, list, source, row, need_id from needs order by row")
    assert [(text, weight, kind) for text, weight, kind, _s, number, _id in stored] == [
        (by_number[number][3], float(by_number[number][4]), by_number[number][5]) for *_rest, number, _id in stored
    ]
    assert {row[3] for row in stored} == {"haidian_needs_synthetic_gbk.csv"}
    dates = dict(query(workspace.path, "select row, date from needs"))
    assert dates == {number: _iso(by_number[number][1]) for number in dates}
    assert None in dates.values() and len(set(dates.values())) > 30  # 三月初 is no date; the others are
    assert len({row[5] for row in stored}) == len(stored)  # every need has its own id
    (skipped,) = set(by_number) - {row[4] for row in stored}  # the one row placed in no community, and said so
    communities = {
        name for pair in query(workspace.path, "select community_id, name from communities") for name in pair
    }
    assert by_number[skipped][2] not in communities
    assert any("skipped" in text for text in messages(bar))
    waiting = query(workspace.path, "select text from needs where category is null or category = ''")
    assert len(page.queue) == len(waiting) > 0
    assert any(f"{len(waiting)} wait for a category" in text for text in messages(bar))

    lift = [row for row, need in enumerate(page.queue) if need.text == "希望加装电梯"]
    assert len(lift) == 8
    page.choose_category(lift[0], "repair")
    assert {page.queue_table.cellWidget(row, 3).currentData() for row in lift} == {"repair"}
    page.save_queue_button.click()
    assert query(workspace.path, "select distinct category, classified_by from needs where text = '希望加装电梯'") == [
        ("repair", f"manual ({QgsApplication.userLoginName()})")
    ]
    assert len(page.queue) == len(waiting) - 8
    assert "希望加装电梯" not in {need.text for need in page.queue}
    # the rows the import classified keep their classifier's verdict
    assert query(workspace.path, "select distinct classified_by from needs where text = '希望增加菜市场'") == [
        ("import",)
    ]


def test_a_cancelled_import_adds_nothing(page, workspace, processing):
    page, bar = page
    page.needs_file.setFilePath(str(NEEDS_CSV))
    page.import_button.click()
    page.cancel_button.click()
    wait(page)
    assert query(workspace.path, "select count(*) from needs") == [(0,)]
    assert any("cancelled; nothing was written" in text for text in messages(bar))


def test_lists_are_edited_and_the_needs_map_is_coloured_and_filtered(page, workspace, project, processing):
    page, bar = page
    _import(page)
    page.add_list()
    for column, text in enumerate(("红色清单", "#d62728", "居家养老服务站点位", "")):
        page.lists_table.item(0, column).setText(text)
    page.add_list()
    for column, text in enumerate(("黄色清单", "not a colour", "服务内容", "")):
        page.lists_table.item(1, column).setText(text)
    page.save_lists_button.click()
    assert any("cannot be read" in text for text in messages(bar))
    assert query(workspace.path, "select count(*) from need_lists") == [(0,)]
    page.lists_table.item(1, 1).setText("gold")
    page.save_lists_button.click()
    assert query(workspace.path, "select name, colour, meaning from need_lists order by name") == [
        ("红色清单", "#d62728", "居家养老服务站点位"),
        ("黄色清单", "gold", "服务内容"),
    ]
    page.lists_table.item(1, 2).setText("养老服务内容")  # edited in place, not added again
    page.save_lists_button.click()
    assert query(workspace.path, "select name, meaning from need_lists where name = '黄色清单'") == [
        ("黄色清单", "养老服务内容")
    ]

    page.list_filter.setCurrentIndex(page.list_filter.findData("红色清单"))
    page.show_button.click()
    layer = page._workspace_layer("needs")
    red = query(workspace.path, "select count(*) from needs where list = '红色清单'")[0][0]
    assert layer.featureCount() == red > 0
    colours = {category.value(): category.symbol().color().name() for category in layer.renderer().categories()}
    assert colours == {"红色清单": "#d62728"}
    page.list_filter.setCurrentIndex(0)
    page.community_filter.setCurrentIndex(page.community_filter.findData("HD-C05"))
    page.colour_combo.setCurrentIndex(page.colour_combo.findData("category"))
    page.show_button.click()
    assert (
        layer.featureCount() == query(workspace.path, "select count(*) from needs where community_id = 'HD-C05'")[0][0]
    )
    assert layer.renderer().classAttribute() == "category"


def _form(page: PlanPage) -> ProjectForm:
    page.add_button.click()
    form = page.form
    assert isinstance(form, ProjectForm)
    return form


def test_a_project_is_added_changes_status_with_a_note_and_the_table_filters(page, workspace):
    page, _bar = page
    form = _form(page)
    form.name_edit.setText("大闸社区老年食堂")
    form.category_combo.setCurrentIndex(form.category_combo.findData("elderly_care"))
    form.circle_combo.setCurrentIndex(form.circle_combo.findData("N15"))
    form.investment_edit.setText("120.5")
    form.funding_combo.setCurrentIndex(form.funding_combo.findData("财政资金"))
    form.start_edit.setText("2026/3/1")
    form.deadline_edit.setText("2026年12月31日")
    form.lead_edit.setText("区民政局")
    form.accept()
    assert page.form is None
    assert query(
        workspace.path, "select project_id, circle_id, investment_wan, funding, start, deadline from projects"
    ) == [("PJ-00001", "N15", 120.5, "财政资金", "2026-03-01", "2026-12-31")]
    assert page.selected_id() == "PJ-00001"

    register = ProjectRegister.from_workspace(workspace, user="setup")
    other = register.add({"name": "便民菜店", "category": "greengrocer", "circle_id": "S15"})
    page.refresh()
    page.select_id("PJ-00001")
    assert page.approved_button.isEnabled() and not page.open_button.isEnabled()
    page.approved_button.click()
    answer(page, "区政府常务会通过")
    assert query(workspace.path, "select status, version from projects where project_id = 'PJ-00001'") == [
        ("approved", 2)
    ]
    assert query(workspace.path, "select kind, old_value, new_value, note from project_events order by fid")[-1] == (
        "status",
        "planned",
        "approved",
        "区政府常务会通过",
    )
    history = [page.history.item(row, 4).text() for row in range(page.history.rowCount())]
    assert history == ["", "区政府常务会通过"]

    def show(circle: str = "", status: str = "", category: str = "") -> list[str]:
        for combo, value in (
            (page.circle_filter, circle),
            (page.status_filter, status),
            (page.category_filter, category),
        ):
            combo.setCurrentIndex(combo.findData(value))
        return page.visible_ids()

    assert show() == ["PJ-00001", other]
    assert show(circle="S15") == [other]
    assert show(status="approved") == ["PJ-00001"]
    assert show(category="greengrocer", status="approved") == []
    assert show(category="elderly_care") == ["PJ-00001"]


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        ({"name_edit": ""}, "Give the project a name."),
        ({"deadline_edit": "2026-01-31"}, "The deadline 2026-01-31 comes before the start 2026-03-01"),
        ({"start_edit": "03/01/2026"}, "The start date “03/01/2026” is not a date"),
        ({"deadline_edit": "明年底"}, "The deadline “明年底” is not a date"),
        ({"investment_edit": "很多"}, "must be a number"),
    ],
)
def test_bad_inputs_give_a_sentence_and_change_nothing(page, workspace, changes, sentence):
    page, _bar = page
    form = _form(page)
    form.name_edit.setText("社区食堂")
    form.category_combo.setCurrentIndex(form.category_combo.findData("community_canteen"))
    form.start_edit.setText("2026年3月1日")
    form.deadline_edit.setText("2026/12/31")
    assert form.validate() == ""
    for name, text in changes.items():
        getattr(form, name).setText(text)
    assert sentence in form.message_label.text()
    assert not form.buttons.buttons()[0].isEnabled()
    form.accept()
    assert page.form is form and form.isVisible()
    assert query(workspace.path, "select count(*) from projects") == [(0,)]
    assert query(workspace.path, "select count(*) from project_events") == [(0,)]


def test_a_project_is_created_from_a_repurpose_output_feature(page, workspace, project, processing):
    page, bar = page
    assets = AssetRegister.from_workspace(workspace, user="setup")
    shop = assets.add(
        {"asset_type": "vacant_shop", "name": "临街空置商铺", "area_m2": 150},
        QgsGeometry.fromPointXY(QgsPointXY(116.350, 40.008)),
    )
    one_circle_coverage(workspace, NORTH, {"pharmacy"})
    suggestions = processing.run(
        "fifteenmin:repurpose",
        {"ASSETS": workspace.layer("idle_assets"), "COVERAGE": workspace.layer("coverage"), "OUTPUT": "memory:"},
    )["OUTPUT"]
    suggestions.setName("改造建议")
    assert project.addMapLayer(suggestions) is not None
    page.suggestion_layer.setLayer(suggestions)
    page.suggestion_button.click()
    assert any("Select the suggestion rows" in text for text in messages(bar))
    assert query(workspace.path, "select count(*) from projects") == [(0,)]

    pharmacy = next(feature for feature in suggestions.getFeatures() if feature["use"] == "pharmacy")
    suggestions.selectByIds([pharmacy.id()])
    page.suggestion_button.click()
    assert query(
        workspace.path, "select project_id, asset_id, category, site_kind, status, circle_id from projects"
    ) == [("PJ-00001", shop, "pharmacy", "asset", "planned", "N15")]
    assert page.selected_id() == "PJ-00001"
    page.suggestion_button.click()  # the same suggestion again: refused, nothing added
    assert any("already plans this use" in text for text in messages(bar))
    assert query(workspace.path, "select count(*) from projects") == [(1,)]


def _landing(canvas, corners: list[tuple[float, float]]) -> QgsGeometry:
    """The polygon through the map points the clicks land on (a click hits a whole pixel)."""
    transform = canvas.getCoordinateTransform()
    points = [transform.toMapCoordinates(pixel(canvas, lon, lat)) for lon, lat in corners]
    return QgsGeometry.fromPolygonXY([[*points, points[0]]])


def test_a_site_polygon_is_drawn_on_the_canvas_for_a_new_and_an_existing_project(page, canvas, workspace):
    page, _bar = page
    page.draw_action.trigger()
    assert canvas.mapTool() is page.polygon_tool
    corners = [(116.350, 40.005), (116.354, 40.005), (116.354, 40.008), (116.350, 40.008)]
    for lon, lat in corners:
        click(page.polygon_tool, canvas, lon, lat)
    click(page.polygon_tool, canvas, *corners[0], button=Qt.MouseButton.RightButton)
    form = page.form
    assert form is not None and form.site_combo.currentData() == "drawn"
    form.name_edit.setText("口袋公园")
    form.category_combo.setCurrentIndex(form.category_combo.findData("park"))
    form.accept()
    drawn = _landing(canvas, corners)
    sites = list(workspace.layer("project_sites").getFeatures())
    assert [site["project_id"] for site in sites] == ["PJ-00001"]
    assert sites[0].geometry().isGeosEqual(drawn)
    point = next(workspace.layer("projects").getFeatures()).geometry()
    assert drawn.contains(point)

    # with the project selected, a new drawing replaces its site after a note; the old one stays in the history
    assert page.selected_id() == "PJ-00001"
    smaller = [(116.351, 40.006), (116.353, 40.006), (116.352, 40.007)]
    for lon, lat in smaller:
        click(page.polygon_tool, canvas, lon, lat)
    page.polygon_tool.finish()
    answer(page, "按规划条件缩小用地")
    sites = list(workspace.layer("project_sites").getFeatures())
    assert len(sites) == 1 and sites[0].geometry().isGeosEqual(_landing(canvas, smaller))
    assert query(
        workspace.path, "select field, note from project_events where field = 'site_polygon' order by fid"
    ) == [
        ("site_polygon", None),
        ("site_polygon", "按规划条件缩小用地"),
    ]
    assert query(workspace.path, "select version from projects") == [(2,)]
