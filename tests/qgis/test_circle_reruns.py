"""Re-running radius circles or isochrones replaces, keeps both or cancels; it never silently appends."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.report.layout import _method_expression
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.circles_page import CirclesPage

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
COMMUNITIES = [("C1", "Qinghua Yuan", 116.350, 40.003), ("C2", "Dongwangzhuang", 116.356, 40.006)]


@pytest.fixture()
def page(qgis_canvas, tmp_path, processing):
    project = QgsProject.instance()
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    origins = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string&field=name:string", "origins", "memory")
    features = []
    for code, name, lon, lat in COMMUNITIES:
        feature = QgsFeature(origins.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    assert origins.dataProvider().addFeatures(features)[0]
    roads = QgsVectorLayer(f"{SAMPLE}|layername=haidian_roads", "roads", "ogr")
    assert project.addMapLayer(origins) and project.addMapLayer(roads)
    bar = QgsMessageBar()
    widget = CirclesPage(canvas=qgis_canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    widget.origins_combo.setLayer(origins)
    widget.roads_combo.setLayer(roads)
    yield widget, workspace, bar
    widget.teardown()
    project.removeAllMapLayers()


class Answer:
    """Answers the re-run question with one button when (and only if) it appears; remembers what was asked."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.asked: list[str] = []
        self.active = True
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.active:
            return
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "rerunQuestion":
            self.asked.append(box.text())
            box.findChild(QAbstractButton, self.button).click()
        QTimer.singleShot(10, self._poll)


def _run(widget: CirclesPage, button: QAbstractButton, answer: str = "cancel") -> Answer:
    answering = Answer(answer)
    button.click()
    deadline = time.monotonic() + 60
    while widget.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the computation did not finish in time"
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    answering.active = False
    return answering


def _saved(workspace: Workspace) -> list[tuple[str, str, int, int]]:
    layer = QgsVectorLayer(f"{workspace.path}|layername=circles", "c", "ogr")
    return sorted((f["method"], f["community_id"], f["level_min"], f.id()) for f in layer.getFeatures())


def test_a_rerun_asks_and_replace_leaves_one_set_of_circles(page):
    widget, workspace, _bar = page
    first = _run(widget, widget.radius_run_button)
    assert first.asked == []  # nothing to replace yet: no question
    before = _saved(workspace)
    assert len(before) == 6

    again = _run(widget, widget.radius_run_button, "replace")
    assert len(again.asked) == 1 and "6" in again.asked[0]
    after = _saved(workspace)
    assert [row[:3] for row in after] == [row[:3] for row in before]  # 6, not 12: replaced
    assert not {row[3] for row in after} & {row[3] for row in before}  # by the new ones


def test_keep_both_appends_a_named_run_that_coverage_tells_apart_and_cancel_writes_nothing(page, processing):
    widget, workspace, bar = page
    _run(widget, widget.radius_run_button)
    kept = _run(widget, widget.radius_run_button, "keepBoth")
    assert len(kept.asked) == 1
    assert len(_saved(workspace)) == 12
    circles = QgsVectorLayer(f"{workspace.path}|layername=circles", "c", "ogr")
    names = sorted(str(f["name"]) for f in circles.getFeatures())
    assert names == sorted(
        [name for _, name, _, _ in COMMUNITIES] * 3 + [f"{n} (run 2)" for _, n, _, _ in COMMUNITIES] * 3
    )
    facilities = QgsVectorLayer(f"{SAMPLE}|layername=haidian_pois", "pois", "ogr")
    classified = processing.run("fifteenmin:classifyfacilities", {"INPUT": facilities, "OUTPUT": "memory:"})["OUTPUT"]
    coverage = processing.run(
        "fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": classified, "OUTPUT": "memory:"}
    )["OUTPUT"]
    keys = [(f["name"], f["method"], f["level_min"]) for f in coverage.getFeatures()]
    assert len(keys) == 12 and len(set(keys)) == 12  # no two coverage rows look alike
    third = _run(widget, widget.radius_run_button, "keepBoth")
    assert len(third.asked) == 1
    circles = QgsVectorLayer(f"{workspace.path}|layername=circles", "c", "ogr")
    assert sum(str(f["name"]).endswith("(run 3)") for f in circles.getFeatures()) == 6
    cancelled = _run(widget, widget.radius_run_button, "cancel")
    assert len(cancelled.asked) == 1
    assert len(_saved(workspace)) == 18
    assert any("unchanged" in item.text() for item in bar.items())


def test_isochrones_after_radius_circles_are_another_method_and_need_no_question(page):
    widget, workspace, _bar = page
    _run(widget, widget.radius_run_button)
    walking = _run(widget, widget.network_run_button)
    assert walking.asked == []
    methods = {row[0] for row in _saved(workspace)}
    assert methods == {"radius", "network"}
    again = _run(widget, widget.network_run_button, "replace")
    assert len(again.asked) == 1
    assert sum(row[0] == "radius" for row in _saved(workspace)) == 6  # replacing isochrones keeps the radius circles


def test_the_report_names_the_method_of_each_circle():
    fields = QgsFields()
    fields.append(new_field("method", "text"))
    labels = {}
    for code in ("radius", "network", "drawn_circle", "drawn_polygon"):
        feature = QgsFeature(fields)
        feature["method"] = code
        context = QgsExpressionContext()
        context.setFeature(feature)
        labels[code] = QgsExpression(_method_expression()).evaluate(context)
    assert labels["network"] == "Walking isochrone" and labels["radius"] == "GB 50180 radius circle"
    assert len(set(labels.values())) == 4 and not any("_" in label for label in labels.values())
