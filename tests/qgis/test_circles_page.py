"""The Circles page: draw → form → workspace, and background computations written all or nothing."""

from __future__ import annotations

import math
import shutil
import time
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.circles_page import CirclesPage

COMMUNITIES = [("C1", "Qinghua Yuan", 116.350, 40.003), ("C2", "Dongwangzhuang", 116.356, 40.006)]


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "haidian.gpkg").path


@pytest.fixture()
def workspace(empty_workspace, tmp_path):
    path = shutil.copy(empty_workspace, tmp_path / "haidian.gpkg")
    communities = QgsVectorLayer(f"{path}|layername=communities", "c", "ogr")
    features = []
    for code, name, lon, lat in COMMUNITIES:
        feature = QgsFeature(communities.fields())
        feature["community_id"] = code
        feature["name"] = name
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    assert communities.dataProvider().addFeatures(features)[0]
    del communities
    return Workspace.open(path)


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    yield project
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.isEditable():
            assert layer.rollBack()
    project.removeAllMapLayers()


@pytest.fixture()
def canvas(qgis_canvas):
    qgis_canvas.window().show()  # a hidden canvas keeps its initial 98×28 px map size
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    qgis_canvas.setExtent(QgsRectangle(116.340, 39.995, 116.365, 40.012))
    return qgis_canvas


def _page(canvas, project, workspace) -> tuple[CirclesPage, QgsMessageBar]:
    bar = QgsMessageBar()
    page = CirclesPage(canvas=canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    return page, bar


def _messages(bar: QgsMessageBar) -> list[tuple[str, Qgis.MessageLevel]]:
    return [(item.text(), item.level()) for item in bar.items()]


def _on_file(workspace: Workspace) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{workspace.path}|layername=circles", "check", "ogr")
    assert layer.isValid()
    return layer


def _wait(page: CirclesPage, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while page.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the computation did not finish in time"
        QCoreApplication.processEvents()


def _origins(project: QgsProject) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string&field=name:string", "origins", "memory")
    features = []
    for code, name, lon, lat in COMMUNITIES:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    assert project.addMapLayer(layer) is layer
    return layer


def _click(tool, canvas, point: QgsPointXY) -> QgsPointXY:
    """Click the pixel nearest `point`; return the map point of that pixel."""
    pixel = canvas.getCoordinateTransform().transform(point)
    x, y = round(pixel.x()), round(pixel.y())
    tool.canvasReleaseEvent(
        QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), Qt.MouseButton.LeftButton)
    )
    return canvas.getCoordinateTransform().toMapCoordinates(x, y)


def test_radius_circles_run_in_the_background_and_land_in_the_workspace(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    page.origins_combo.setLayer(_origins(project))
    assert page.radii_edit.text() == "300,500,1000"
    page.radius_run_button.click()
    assert page.task is not None
    assert page.cancel_button.isVisibleTo(page)
    assert not page.radius_run_button.isEnabled()
    _wait(page)

    saved = list(_on_file(workspace).getFeatures())
    assert sorted((f["community_id"], f["level_min"], f["radius_m"], f["name"]) for f in saved) == sorted(
        (code, level, radius, name)
        for code, name, _, _ in COMMUNITIES
        for level, radius in ((5, 300.0), (10, 500.0), (15, 1000.0))
    )
    assert {f["method"] for f in saved} == {"radius"}
    circles = next(layer for layer in project.mapLayers().values() if layer.source().endswith("layername=circles"))
    assert circles.featureCount() == 6
    renderer = circles.renderer()
    assert renderer.classAttribute() == "level_min"
    assert renderer.orderByEnabled()
    assert [level for _, level in _messages(bar)] == [Qgis.MessageLevel.Success]
    assert page.radius_run_button.isEnabled()
    page.teardown()


def test_a_cancelled_run_writes_nothing(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    page.origins_combo.setLayer(_origins(project))
    page.radius_run_button.click()
    page.cancel_button.click()
    _wait(page)
    assert _on_file(workspace).featureCount() == 0
    assert "cancelled" in _messages(bar)[-1][0]
    page.teardown()


def test_a_failed_run_says_why_and_writes_nothing(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    page.origins_combo.setLayer(_origins(project))
    page.radii_edit.setText("300,500")  # two radii for three levels
    page.radius_run_button.click()
    _wait(page)
    assert _on_file(workspace).featureCount() == 0
    text, level = _messages(bar)[-1]
    assert level == Qgis.MessageLevel.Critical
    assert "Give one level in minutes for each radius" in text
    page.teardown()


def test_without_a_workspace_nothing_is_written(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, None)
    page.origins_combo.setLayer(_origins(project))
    page.radius_run_button.click()
    assert page.task is None
    ((text, level),) = _messages(bar)
    assert level == Qgis.MessageLevel.Warning
    assert "workspace" in text
    bar.clearWidgets()
    page.circle_tool.circle_drawn.emit(QgsPointXY(116.35, 40.0), 400.0, "")
    assert page.form is None
    assert _messages(bar) == [(text, Qgis.MessageLevel.Warning)]
    assert _on_file(workspace).featureCount() == 0
    page.teardown()


def test_drawn_circle_goes_through_the_form_into_the_circles_layer(canvas, project, workspace):
    page, bar = _page(canvas, project, workspace)
    page.circle_button.click()
    assert canvas.mapTool() is page.circle_tool
    assert page.circle_action.isChecked()
    page.polygon_button.click()
    assert canvas.mapTool() is page.polygon_tool
    assert (page.circle_button.isChecked(), page.polygon_button.isChecked()) == (False, True)
    page.polygon_button.click()  # a second click puts the tool away
    assert canvas.mapTool() is None
    page.circle_action.trigger()  # the same action can sit on the plugin toolbar
    assert page.circle_button.isChecked()

    tool = page.circle_tool
    _click(tool, canvas, QgsPointXY(116.3502, 40.0031))  # a pixel or two off community C1: snaps
    edge = _click(tool, canvas, QgsPointXY(116.3550, 40.0031))
    measure = QgsDistanceArea()
    measure.setSourceCrs(canvas.mapSettings().destinationCrs(), project.transformContext())
    assert measure.setEllipsoid("WGS84")
    radius = measure.measureLine(QgsPointXY(116.350, 40.003), edge)  # from the snapped centre
    form = page.form
    assert form is not None
    assert form.community_combo.currentData() == "C1"
    assert form.name_edit.text() == "Qinghua Yuan"
    assert 300 < radius <= 500
    assert form.level_combo.currentData() == 10
    assert [form.community_combo.itemData(i) for i in range(form.community_combo.count())] == ["", "C1", "C2"]
    form.note_edit.setText("drawn at the street office")
    form.accept()

    circles = next(layer for layer in project.mapLayers().values() if layer.source().endswith("layername=circles"))
    assert circles.isEditable()
    (feature,) = list(circles.getFeatures())
    assert (feature["community_id"], feature["level_min"], feature["note"]) == ("C1", 10, "drawn at the street office")
    assert feature["radius_m"] == pytest.approx(radius, rel=1e-6)
    assert feature.geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(116.350, 40.003)))
    assert _messages(bar)[-1][1] == Qgis.MessageLevel.Success
    circles.undoStack().undo()
    assert circles.featureCount() == 0
    page.teardown()
    assert canvas.mapTool() is None


def test_drawn_polygon_gets_a_level_from_its_size(canvas, project, workspace):
    page, _ = _page(canvas, project, workspace)
    square = QgsGeometry.fromWkt(
        "Polygon ((116.345 40.0, 116.351 40.0, 116.351 40.0046, 116.345 40.0046, 116.345 40.0))"
    )
    page.polygon_tool.polygon_drawn.emit(square)  # about 510 m × 510 m: as large as a 290 m circle
    form = page.form
    assert form.level_combo.currentData() == 5
    assert form.community_combo.currentData() == ""
    form.reject()
    circles = next(layer for layer in project.mapLayers().values() if layer.source().endswith("layername=circles"))
    assert circles.featureCount() == 0  # a cancelled form writes nothing
    page.teardown()


def test_radius_spin_box_places_circles_of_that_radius(canvas, project, workspace):
    page, _ = _page(canvas, project, workspace)
    page.circle_action.trigger()
    page.radius_spin.setValue(500)
    _click(page.circle_tool, canvas, QgsPointXY(116.361, 40.009))  # far from any community: no snap
    form = page.form
    assert (form.level_combo.currentData(), form.community_combo.currentData()) == (10, "")
    form.accept()
    circles = next(layer for layer in project.mapLayers().values() if layer.source().endswith("layername=circles"))
    (feature,) = list(circles.getFeatures())
    assert feature["radius_m"] == 500.0
    assert feature["area_m2"] == pytest.approx(math.pi * 500**2, rel=0.01)
    assert feature["method"] == "drawn_circle"
    page.teardown()


def test_walking_isochrones_need_a_road_layer(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    page.origins_combo.setLayer(_origins(project))
    page.roads_combo.setLayer(None)
    page.network_run_button.click()
    assert page.task is None
    assert _messages(bar) == [("Choose the road layer to walk on first.", Qgis.MessageLevel.Warning)]
    assert _on_file(workspace).featureCount() == 0
    page.teardown()


@pytest.mark.parametrize(("tolerance", "joined"), [(0.0, False), (0.5, True)])
def test_the_topology_tolerance_box_reaches_the_isochrones(canvas, project, workspace, processing, tolerance, joined):
    """A side street digitised 0.4 m short of the main street is walked only with a tolerance of 0.4 m or more."""
    utm = QgsCoordinateReferenceSystem("EPSG:32650")
    to_utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), utm, project)
    _, _, lon, lat = COMMUNITIES[0]
    centre = to_utm.transform(QgsPointXY(lon, lat))
    x, y = centre.x(), centre.y() - 10.0
    roads = QgsVectorLayer("LineString?crs=EPSG:32650", "cad roads", "memory")
    lines = [[(x - 300, y), (x + 300, y)], [(x + 100, y + 0.4), (x + 100, y + 390)]]
    features = []
    for line in lines:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*xy) for xy in line]))
        features.append(feature)
    assert roads.dataProvider().addFeatures(features)[0]
    assert project.addMapLayer(roads) is roads
    page, _ = _page(canvas, project, workspace)
    assert page.topology_spin.value() == 0.0  # the Options page's default
    page.origins_combo.setLayer(_origins(project))
    page.roads_combo.setLayer(roads)
    page.minutes_edit.setText("10")
    page.topology_spin.setValue(tolerance)
    page.network_run_button.click()
    _wait(page)
    circle = next(f for f in _on_file(workspace).getFeatures() if f["community_id"] == "C1")
    up_the_side_street = QgsCoordinateTransform(utm, _on_file(workspace).crs(), project)
    point = QgsGeometry.fromPointXY(up_the_side_street.transform(QgsPointXY(x + 100, y + 300)))
    assert circle.geometry().contains(point) is joined
    page.teardown()
