"""The Facilities page: imports run as background tasks and land in the workspace all or nothing; review."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.facilities.importer import user_classifier
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.facilities_page import FacilitiesPage
from tests.qgis.conftest import osm_file

OSM = osm_file("beijing_haidian_cau.osm")
SHOP = "all day 24小时便利店"
CATEGORIES = {category.code: category for category in load_categories()}


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "haidian.gpkg").path


@pytest.fixture()
def workspace(empty_workspace, tmp_path) -> Workspace:
    return Workspace.open(shutil.copy(empty_workspace, tmp_path / "haidian.gpkg"))


@pytest.fixture()
def osm_pois(processing) -> dict[str, tuple[str, str, QgsPointXY]]:
    """Independent run of fifteenmin:importosm: source id -> (name, category, point)."""
    layer = processing.run("fifteenmin:importosm", {"INPUT": str(OSM), "OUTPUT": "memory:"})["OUTPUT"]
    return {
        f"{feature['osm_type']}/{feature['osm_id']}": (
            feature["name"] or "",
            feature["category"] or "",
            feature.geometry().asPoint(),
        )
        for feature in layer.getFeatures()
    }


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    yield project
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.isEditable():
            assert layer.rollBack()
    project.removeAllMapLayers()


@pytest.fixture()
def page(qgis_canvas, project, workspace, tmp_path, processing):
    bar = QgsMessageBar()
    page = FacilitiesPage(canvas=qgis_canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    page.rules_path = tmp_path / "profile" / "rules_user.csv"
    page.bar = bar
    yield page
    page.teardown()


def _wait(page: FacilitiesPage, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while page.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the import did not finish in time"
        QCoreApplication.processEvents()


def _on_file(workspace: Workspace) -> list[QgsFeature]:
    layer = QgsVectorLayer(f"{workspace.path}|layername=facilities", "check", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def _levels(page: FacilitiesPage) -> list[Qgis.MessageLevel]:
    return [item.level() for item in page.bar.items()]


def _table_counts(page: FacilitiesPage) -> dict[str, int]:
    table = page.counts_table
    return {table.item(row, page.EN).text(): int(table.item(row, page.COUNT).text()) for row in range(table.rowCount())}


def _import_osm(page: FacilitiesPage) -> None:
    page.osm_file.setFilePath(str(OSM))
    page.osm_button.click()
    assert page.task is not None and page.cancel_button.isVisibleTo(page)
    _wait(page)


def _csv(path: Path, rows: list[tuple[str, float, float]]) -> Path:
    path.write_text("名称,经度,纬度\n" + "".join(f"{name},{lon:.8f},{lat:.8f}\n" for name, lon, lat in rows), "utf-8")
    return path


def _import_table(page: FacilitiesPage, path: Path) -> None:
    page.table_file.setFilePath(str(path))
    assert (page.x_combo.currentText(), page.y_combo.currentText()) == ("经度", "纬度")  # guessed from the header
    page.system_combo.setCurrentIndex(0)  # WGS84
    page.table_button.click()
    _wait(page)


def test_osm_import_lands_classified_and_the_counts_table_matches_the_layer(page, workspace, osm_pois):
    _import_osm(page)

    saved = _on_file(workspace)
    assert {f["source_id"]: (f["name"] or "", f["category"] or "") for f in saved} == {
        key: (name, category) for key, (name, category, _) in osm_pois.items()
    }
    assert {(f["source"], f["coord_src"]) for f in saved} == {("osm", "EPSG:4326")}
    assert _levels(page) == [Qgis.MessageLevel.Success]

    direct = Counter(f["category"] or None for f in saved)
    expected = {CATEGORIES[code].name_en: count for code, count in direct.items() if code}
    expected["Unclassified"] = direct[None]
    assert _table_counts(page) == expected
    assert sum(_table_counts(page).values()) == len(osm_pois)


def test_a_cancelled_import_adds_nothing(page, workspace):
    page.osm_file.setFilePath(str(OSM))
    page.osm_button.click()
    page.cancel_button.click()
    _wait(page)

    assert _on_file(workspace) == []
    assert _levels(page) == [Qgis.MessageLevel.Info]
    assert "nothing was written" in page.bar.items()[0].text()
    assert page.osm_button.isEnabled() and not page.cancel_button.isVisibleTo(page)


def test_an_append_refused_halfway_adds_nothing_and_changes_nothing(page, workspace, osm_pois):
    _, (_, category, point) = next((k, v) for k, v in osm_pois.items() if v[0] == SHOP)
    layer = workspace.layer("facilities")
    existing = QgsFeature(layer.fields())
    existing.setAttributes([None] * layer.fields().count())
    for field, value in (("name", SHOP), ("category", category), ("source", "table:shops.csv"), ("source_id", "7")):
        existing[field] = value
    existing.setGeometry(QgsGeometry.fromPointXY(point))
    assert layer.dataProvider().addFeatures([existing])[0]
    del layer
    with sqlite3.connect(workspace.path) as connection:  # the GeoPackage itself refuses the 6th new row
        connection.execute(
            "CREATE TRIGGER refuse_sixth BEFORE INSERT ON facilities WHEN (SELECT count(*) FROM facilities) >= 6 "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
        )

    _import_osm(page)

    saved = _on_file(workspace)
    assert [(f["name"], f["source"], f["source_id"]) for f in saved] == [(SHOP, "table:shops.csv", "7")]
    assert _levels(page) == [Qgis.MessageLevel.Critical]
    assert "unchanged" in page.bar.items()[0].text()


def test_mapped_type_values_give_the_imported_rows_their_categories(page, workspace, project):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=名称:string&field=类型:string", "bureau POIs", "memory")
    rows = [("东门菜店", "菜店"), ("北门菜店", "菜店"), ("王师傅", "shoe fixing"), ("某单位", "unknown")]
    features = []
    for number, (name, kind) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, kind])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35 + number * 0.001, 40.0)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    assert project.addMapLayer(layer) is layer
    page.layer_combo.setLayer(layer)
    page.type_combo.setField("类型")

    page.map_values()
    dialog = page.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    counts = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert counts == {"菜店": "2", "shoe fixing": "1", "unknown": "1"}
    assert dialog.mapping() == {"菜店": "greengrocer", "shoe fixing": None, "unknown": None}  # the rules' guess
    dialog.set_category("shoe fixing", "repair")
    dialog.accept()
    page.layer_button.click()
    _wait(page)

    saved = {f["name"]: (f["category"], f["category_zh"], f["matched_by"], f["source"]) for f in _on_file(workspace)}
    assert saved == {
        "东门菜店": ("greengrocer", CATEGORIES["greengrocer"].name_zh, "map:类型=菜店", "layer:bureau POIs"),
        "北门菜店": ("greengrocer", CATEGORIES["greengrocer"].name_zh, "map:类型=菜店", "layer:bureau POIs"),
        "王师傅": ("repair", CATEGORIES["repair"].name_zh, "map:类型=shoe fixing", "layer:bureau POIs"),
        "某单位": (None, None, None, "layer:bureau POIs"),
    }


def test_the_same_shop_from_osm_and_a_spreadsheet_is_merged_with_both_sources(page, workspace, osm_pois, tmp_path):
    key, (_, category, point) = next((k, v) for k, v in osm_pois.items() if v[0] == SHOP)
    assert category == "convenience_store"
    north = QgsPointXY(point.x(), point.y() + 10.0 / 111_195.0)
    measure = QgsDistanceArea()
    assert measure.setEllipsoid("WGS84")
    assert 9.5 < measure.measureLine(point, north) < 10.5
    _import_osm(page)
    _import_table(page, _csv(tmp_path / "shops.csv", [(SHOP, north.x(), north.y()), ("李家铺子", 116.35, 40.0)]))

    saved = _on_file(workspace)
    assert len(saved) == len(osm_pois) + 1
    shops = [f for f in saved if f["name"] == SHOP]
    assert [(f["source"], f["source_id"], f["category"]) for f in shops] == [
        ("osm;table:shops.csv", f"{key};1", "convenience_store")
    ]
    assert shops[0].geometry().asPoint() == point  # the first source's position is kept
    assert "1 were already there from another source" in page.bar.items()[0].text()


def test_assigning_a_category_and_saving_the_rule_classifies_the_next_import(page, workspace, project, tmp_path):
    _import_table(
        page, _csv(tmp_path / "street.csv", [("张记小铺(五道口店)", 116.35, 40.0), ("李家铺子", 116.351, 40.0)])
    )
    assert {f["category"] or None for f in _on_file(workspace)} == {None}

    page.unclassified_button.click()
    layer = dict(zip(workspace.layer_names(), workspace.add_to_project(project)))["facilities"]
    assert layer.subsetString() and layer.featureCount() == 2
    layer.selectByExpression("\"name\" LIKE '张记%'")
    page.assign_combo.setCurrentIndex(page.assign_combo.findData("housekeeping"))
    page.save_rule_check.setChecked(True)
    page.assign_button.click()

    assert layer.isEditable() and layer.undoStack().count() == 1
    assert {f["name"]: f["category"] or None for f in layer.getFeatures()} == {
        "张记小铺(五道口店)": "housekeeping",
        "李家铺子": None,
    }
    layer.undoStack().undo()
    assert {f["category"] or None for f in layer.getFeatures()} == {None}
    layer.undoStack().redo()
    assert layer.commitChanges()
    page.unclassified_button.click()
    assert layer.subsetString() == ""

    assert page.rules_path.read_text("utf-8").splitlines()[1].startswith("housekeeping,name_keyword,张记小铺,")
    assert user_classifier(page.rules_path).classify({"name": "张记小铺(中关村店)"}) == (
        "housekeeping",
        "name:张记小铺",
    )
    _import_table(page, _csv(tmp_path / "more.csv", [("张记小铺(中关村店)", 116.36, 40.01)]))
    assert {f["name"]: f["category"] or None for f in _on_file(workspace)} == {
        "张记小铺(五道口店)": "housekeeping",
        "李家铺子": None,
        "张记小铺(中关村店)": "housekeeping",
    }


def test_without_a_workspace_nothing_runs(qgis_canvas, project, processing):
    bar = QgsMessageBar()
    page = FacilitiesPage(canvas=qgis_canvas, message_bar=bar, workspace=lambda: None, project=project)
    page.osm_file.setFilePath(str(OSM))
    page.osm_button.click()
    assert page.task is None
    page.unclassified_button.click()
    assert not page.unclassified_button.isChecked()
    assert [item.level() for item in bar.items()] == [Qgis.MessageLevel.Warning]  # the bar shows a repeat once
    assert "workspace" in bar.items()[0].text()
    assert project.mapLayers() == {}
    page.teardown()
