"""One error path: a FifteenMinError's details reach the page's message bar (Details button), the Processing log
and the plugin's tab of the QGIS log; partial outcomes are warnings that name their counts first; a file error
is shown once."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from fifteen_min_plugin.core.errors import LOG_TAG
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.dock import FifteenMinDock
from fifteen_min_plugin.gui.messages import DetailsDialog

RULES_HEADER = "kind,key,value,category,priority\n"


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "haidian.gpkg").path


@pytest.fixture()
def workspace(empty_workspace, tmp_path) -> Workspace:
    return Workspace.open(shutil.copy(empty_workspace, tmp_path / "haidian.gpkg"))


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    yield project
    project.removeAllMapLayers()


@pytest.fixture()
def log(qgis_app) -> list[tuple[str, Qgis.MessageLevel, str]]:
    """(tag, level, text) of every QGIS log message during the test."""
    received: list[tuple[str, Qgis.MessageLevel, str]] = []

    def keep(message: str, tag: str, level: Qgis.MessageLevel) -> None:
        received.append((tag, level, message))

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield received
    QgsApplication.messageLog().messageReceived.disconnect(keep)


@pytest.fixture()
def dock(qgis_canvas, project, workspace, processing):
    """The real dock on a real message bar, with the workspace open."""
    bar = QgsMessageBar()
    panel = FifteenMinDock(canvas=qgis_canvas, message_bar=bar, project=project)
    assert panel.open_workspace(workspace.path) is not None
    bar.clearWidgets()
    yield panel
    panel.teardown()
    panel.deleteLater()


def _gbk_rules(path: Path) -> tuple[Path, str]:
    """A rules file saved in GBK (not UTF-8), and the decoder's words on its first bad byte."""
    data = (RULES_HEADER + "name,,菜市场,fresh_market,5\n").encode("gbk")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_byte = f"can't decode byte 0x{data[error.start]:02x}"
    return path, bad_byte


def _shops(project: QgsProject) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=kind:string", "shops", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["张记菜店", "菜店"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert layer.dataProvider().addFeatures([feature])[0]
    assert project.addMapLayer(layer) is layer
    return layer


def _wait(page, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while page.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the run did not finish in time"
        QCoreApplication.processEvents()


def _open_details(bar: QgsMessageBar) -> str:
    """Click the Details button of the message on top and return what the dialog shows."""
    button = bar.currentItem().widget()
    assert isinstance(button, QPushButton) and button.text() == "Details…"
    before = set(bar.findChildren(DetailsDialog))
    button.click()
    (dialog,) = set(bar.findChildren(DetailsDialog)) - before
    assert dialog.isVisible()
    text = dialog.text.toPlainText()
    dialog.close()
    return text


def test_a_page_error_shows_its_level_and_opens_its_details_from_the_message_bar(dock, project, tmp_path, log):
    page = dock.pages["facilities"]
    page.rules_path, bad_byte = _gbk_rules(tmp_path / "profile" / "rules_user.csv")
    page.layer_combo.setLayer(_shops(project))
    page.type_combo.setField("kind")
    page.map_values()

    item = dock.message_bar.currentItem()
    assert item.level() == Qgis.MessageLevel.Critical
    assert item.text().endswith(f" {page.rules_path} is not a UTF-8 CSV file.")
    shown = _open_details(dock.message_bar)
    assert shown.startswith(item.text())
    assert bad_byte in shown
    assert any(
        tag == LOG_TAG and level == Qgis.MessageLevel.Critical and item.text() in text and bad_byte in text
        for tag, level, text in log
    )


def test_an_algorithm_error_keeps_its_sentence_and_reports_the_details_to_the_feedback(processing, tmp_path, log):
    rules, bad_byte = _gbk_rules(tmp_path / "rules.csv")
    feedback = QgsProcessingFeedback()
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "shops", "memory")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "fifteenmin:classifyfacilities",
            {"INPUT": layer, "RULES": str(rules), "OUTPUT": "memory:"},
            feedback=feedback,
        )
    sentence = str(raised.value)
    assert sentence.endswith(f" {rules} is not a UTF-8 CSV file.")
    details = [line for line in feedback.textLog().splitlines() if line.startswith("Details: ")]
    assert len(details) == 1 and bad_byte in details[0]
    assert any(tag == LOG_TAG and sentence in text and bad_byte in text for tag, _, text in log)


def test_a_failed_run_on_a_page_puts_the_run_log_behind_details(dock, project, tmp_path):
    page = dock.pages["facilities"]
    page.rules_path, bad_byte = _gbk_rules(tmp_path / "profile" / "rules_user.csv")
    page.layer_combo.setLayer(_shops(project))
    page.layer_button.click()
    _wait(page)
    item = dock.message_bar.currentItem()
    assert item.level() == Qgis.MessageLevel.Critical
    assert item.text().endswith(
        f" {page.rules_path} is not a UTF-8 CSV file. Layer import could not be computed; nothing was written."
    )
    assert bad_byte in _open_details(dock.message_bar)


def _table(path: Path, bad_rows: set[int], count: int) -> Path:
    """A CSV with `count` data rows (file rows 2…count+1); rows in `bad_rows` have an X that is no number."""
    lines = ["名称,经度,纬度"]
    for row in range(2, count + 2):
        x = "东经116度" if row in bad_rows else f"{116.30 + row * 0.001:.6f}"
        lines.append(f"店铺{row},{x},{40.0 + row * 0.0005:.6f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_spreadsheet_import_that_skipped_rows_is_a_warning_naming_the_counts_first(dock, workspace, tmp_path):
    page = dock.pages["facilities"]
    page.table_file.setFilePath(str(_table(tmp_path / "shops.csv", {31, 32}, 31)))
    page.system_combo.setCurrentIndex(0)  # WGS84
    page.table_button.click()
    _wait(page)

    item = dock.message_bar.currentItem()
    assert item.level() == Qgis.MessageLevel.Warning
    assert item.text().startswith("29 rows imported, 2 skipped because of their coordinates (rows 31, 32). 29 ")
    assert len(dock.message_bar.items()) == 1
    details = _open_details(dock.message_bar).splitlines()
    assert [line.split(":")[0] for line in details if line.startswith("Row ")] == ["Row 31", "Row 32"]
    saved = QgsVectorLayer(f"{workspace.path}|layername=facilities", "check", "ogr")
    assert saved.featureCount() == 29


def test_a_file_that_cannot_be_read_is_reported_once(dock, tmp_path):
    page = dock.pages["facilities"]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    page.table_file.setFilePath(str(empty))
    assert [item.level() for item in dock.message_bar.items()] == [Qgis.MessageLevel.Critical]
    said = dock.message_bar.currentItem().text()
    page.table_button.click()
    _wait(page)
    assert page.task is None
    assert [(item.text(), item.level()) for item in dock.message_bar.items()] == [(said, Qgis.MessageLevel.Critical)]


def _line(layer: QgsVectorLayer, points: list[tuple[float, float]]) -> None:
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["footway"])
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in points]))
    assert layer.dataProvider().addFeatures([feature])[0]


def test_a_community_far_from_any_road_makes_the_isochrone_run_a_warning_that_names_it(
    dock, project, qgis_canvas, workspace
):
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    qgis_canvas.setExtent(QgsRectangle(116.340, 39.995, 116.365, 40.012))
    roads = QgsVectorLayer("LineString?crs=EPSG:4326&field=highway:string", "roads", "memory")
    _line(roads, [(116.340, 40.003), (116.345, 40.003), (116.350, 40.003), (116.355, 40.003), (116.360, 40.003)])
    _line(roads, [(116.350, 40.003), (116.350, 40.000)])
    origins = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string", "origins", "memory")
    for code, y in (("HD-C01", 40.0031), ("HD-C05", 40.0100)):  # HD-C05 is about 770 m from the road
        feature = QgsFeature(origins.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.352, y)))
        assert origins.dataProvider().addFeatures([feature])[0]
    for layer in (roads, origins):
        assert project.addMapLayer(layer) is layer
    page = dock.pages["circles"]
    page.roads_combo.setLayer(roads)
    page.origins_combo.setLayer(origins)
    page.minutes_edit.setText("5")
    page.network_run_button.click()
    _wait(page)

    item = dock.message_bar.currentItem()
    assert item.level() == Qgis.MessageLevel.Warning
    assert item.text().startswith("1 origins are farther than")
    lead, written = item.text().split(" 1 circles written")
    assert "HD-C05" in lead and written
    assert "HD-C05" in _open_details(dock.message_bar)
    circles = QgsVectorLayer(f"{workspace.path}|layername=circles", "check", "ogr")
    assert [feature["community_id"] for feature in circles.getFeatures()] == ["HD-C01"]
