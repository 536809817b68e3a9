"""What the dock-page tests share: a cleared project, a shown canvas, a page on a workspace, and the user's hands.

The fixtures of a test module stay in the module (their scope and data differ); they call these generators
(`yield from cleared_project()`), so the setup is written once. The hands answer the page's non-blocking
questions (`page.dialog`), click on the canvas and wait for the page's background task.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox

from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.workspace.workspace import Workspace


def cleared_project() -> Iterator[QgsProject]:
    """The QGIS project, its layers removed after the test."""
    project = QgsProject.instance()
    yield project
    project.removeAllMapLayers()


def shown_canvas(canvas: QgsMapCanvas, extent: QgsRectangle, crs: str = "EPSG:4326") -> Iterator[QgsMapCanvas]:
    """The test canvas shown (a hidden canvas keeps its initial tiny map size) at `extent`; no layers after."""
    canvas.window().show()
    QCoreApplication.processEvents()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    canvas.setExtent(extent)
    yield canvas
    canvas.setLayers([])


def open_page(page_class: type, canvas: QgsMapCanvas, project: QgsProject, workspace: Workspace) -> Iterator[tuple]:
    """(page, its message bar) of a dock page on `workspace`; torn down after the test."""
    bar = QgsMessageBar()
    page = page_class(canvas=canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    yield page, bar
    page.teardown()


def query(path: Any, sql: str, *args: Any) -> list[tuple]:
    """Read the GeoPackage with sqlite3, independently of QGIS."""
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


def one_circle_coverage(workspace: Workspace, box: QgsRectangle, gaps: set[str]) -> None:
    """Replace the workspace coverage by one 15-minute circle N15 ("North", 8,000 people) on `box` lacking `gaps`."""
    coverage = QgsVectorLayer(f"{workspace.path}|layername=coverage", "cov", "ogr")
    assert coverage.dataProvider().deleteFeatures([feature.id() for feature in coverage.getFeatures()])
    feature = QgsFeature(coverage.fields())
    feature["circle_id"] = "N15"
    feature["name"] = "North"
    feature["level_min"] = 15
    feature["population"] = 8000
    for category in load_categories():
        feature[f"n_{category.code}"] = 0 if category.code in gaps else 2
    feature.setGeometry(QgsGeometry.fromRect(box))
    assert coverage.dataProvider().addFeatures([feature])[0]


def messages(bar: QgsMessageBar) -> list[str]:
    """The texts of the message bar's messages."""
    return [item.text() for item in bar.items()]


def wait(page: Any, seconds: float = 60.0) -> None:
    """Let the page's background task (and any other QGIS task) finish, failing after `seconds`."""
    deadline = time.monotonic() + seconds
    while page.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the background task did not finish in time"
        QCoreApplication.processEvents()


def answer(page: Any, note: str) -> None:
    """Type `note` into the page's open text question and press OK."""
    dialog = page.dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(note)
    dialog.accept()


def press(page: Any, button: QMessageBox.StandardButton) -> str:
    """Press `button` of the page's open yes/no question; its text."""
    box = page.dialog
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.button(button).click()
    return text


def pixel(canvas: QgsMapCanvas, lon: float, lat: float) -> QPoint:
    """The canvas pixel of a map point."""
    point = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    return QPoint(round(point.x()), round(point.y()))


def click(tool: Any, canvas: QgsMapCanvas, lon: float, lat: float, button=Qt.MouseButton.LeftButton) -> None:
    """Release `button` of the mouse on a map point, as a click on the canvas gives a map tool."""
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, pixel(canvas, lon, lat), button)
    tool.canvasReleaseEvent(event)
