"""The flag tool, driven with synthetic mouse events on a real canvas with OSM-like memory layers."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from fifteen_min_plugin.gui.flag_tool import FlagMapTool, PointMapTool

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
LON, LAT = 116.352, 40.003
PARKING = [(116.345, 40.000), (116.348, 40.000), (116.348, 40.002), (116.345, 40.002)]
BUILDING = [(116.355, 40.004), (116.358, 40.004), (116.358, 40.006), (116.355, 40.006)]
BUNKER = (116.3565, 40.005)  # inside the ordinary building, on a layer drawn above it
EMPTY = (116.362, 39.997)


@pytest.fixture(params=["EPSG:4326", "EPSG:3857"])
def canvas(request, qgis_canvas):
    qgis_canvas.window().show()  # a hidden canvas keeps its initial tiny map size
    QCoreApplication.processEvents()
    crs = QgsCoordinateReferenceSystem(request.param)
    qgis_canvas.setDestinationCrs(crs)
    extent = QgsRectangle(LON - 0.012, LAT - 0.009, LON + 0.012, LAT + 0.009)
    qgis_canvas.setExtent(QgsCoordinateTransform(WGS84, crs, QgsProject.instance()).transformBoundingBox(extent))
    yield qgis_canvas
    qgis_canvas.setLayers([])


@pytest.fixture()
def layers(canvas):
    polygons = QgsVectorLayer(
        "Polygon?crs=EPSG:4326&field=osm_id:string&field=name:string&field=amenity:string&field=building:string",
        "osm polygons",
        "memory",
    )
    points = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=osm_id:string&field=name:string&field=building:string", "osm points", "memory"
    )
    parking = _feature(polygons, ["w1", "集贸市场停车场", "parking", None], QgsGeometry.fromPolygonXY([_ring(PARKING)]))
    building = _feature(polygons, ["w2", "办公楼", None, "yes"], QgsGeometry.fromPolygonXY([_ring(BUILDING)]))
    bunker = _feature(points, ["n1", "防空洞", "bunker"], QgsGeometry.fromPointXY(QgsPointXY(*BUNKER)))
    assert polygons.dataProvider().addFeatures([parking, building])[0]
    assert points.dataProvider().addFeatures([bunker])[0]
    canvas.setLayers([points, polygons])  # first is drawn on top
    fids = {str(feature["osm_id"]): feature.id() for layer in (polygons, points) for feature in layer.getFeatures()}
    return points, polygons, fids


def _ring(corners) -> list[QgsPointXY]:
    return [QgsPointXY(x, y) for x, y in [*corners, corners[0]]]


def _feature(layer: QgsVectorLayer, attributes: list, geometry: QgsGeometry) -> QgsFeature:
    feature = QgsFeature(layer.fields())
    feature.setAttributes(attributes)
    feature.setGeometry(geometry)
    return feature


def _pixel(canvas, lon: float, lat: float) -> QPoint:
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(to_canvas.transform(QgsPointXY(lon, lat)))
    return QPoint(round(pixel.x()), round(pixel.y()))


def _click(tool, canvas, pixel: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, pixel, button))


def _flagged(tool) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    tool.feature_flagged.connect(lambda layer, fid: seen.append((layer.id(), fid)))
    return seen


def test_click_flags_the_feature_under_the_mouse(canvas, layers):
    _points, polygons, fids = layers
    tool = FlagMapTool(canvas)
    seen = _flagged(tool)
    centre = _pixel(canvas, 116.3465, 40.001)
    _click(tool, canvas, centre)
    assert seen == [(polygons.id(), fids["w1"])]
    _click(tool, canvas, _pixel(canvas, *BUILDING[0]) + QPoint(8, -8))
    assert seen[-1] == (polygons.id(), fids["w2"])
    _click(tool, canvas, _pixel(canvas, *EMPTY))
    _click(tool, canvas, centre, Qt.MouseButton.RightButton)
    assert len(seen) == 2  # empty map and right clicks emit nothing


def test_topmost_layer_wins_within_the_pixel_tolerance(canvas, layers):
    points, polygons, fids = layers
    tool = FlagMapTool(canvas, tolerance_pixels=6)
    seen = _flagged(tool)
    bunker = _pixel(canvas, *BUNKER)
    _click(tool, canvas, bunker + QPoint(4, 3))  # near the point, inside the building below it
    assert seen == [(points.id(), fids["n1"])]
    _click(tool, canvas, bunker + QPoint(12, 0))  # beyond the tolerance: the building
    assert seen[-1] == (polygons.id(), fids["w2"])
    # just outside the parking polygon, within tolerance of its edge; further out nothing
    edge = _pixel(canvas, PARKING[0][0], 40.001)
    _click(tool, canvas, edge - QPoint(4, 0))
    assert seen[-1] == (polygons.id(), fids["w1"])
    _click(tool, canvas, edge - QPoint(15, 0))
    assert len(seen) == 3


def test_skipped_and_hidden_layers_are_not_flagged(canvas, layers):
    points, polygons, fids = layers
    tool = FlagMapTool(canvas)
    seen = _flagged(tool)
    tool.set_skipped_layers([points.id()])
    _click(tool, canvas, _pixel(canvas, *BUNKER))
    assert seen == [(polygons.id(), fids["w2"])]
    canvas.setLayers([points])  # the polygons are hidden, the points skipped
    _click(tool, canvas, _pixel(canvas, *BUNKER))
    _click(tool, canvas, _pixel(canvas, 116.3465, 40.001))
    assert len(seen) == 1


def test_flag_selected_uses_the_current_layer_then_the_visible_ones(canvas, layers):
    points, polygons, fids = layers
    tool = FlagMapTool(canvas)
    seen = _flagged(tool)
    assert tool.flag_selected() == 0
    polygons.selectByIds([fids["w1"], fids["w2"]])
    points.selectByIds([fids["n1"]])
    canvas.setCurrentLayer(points)
    assert tool.flag_selected() == 1
    assert seen == [(points.id(), fids["n1"])]
    canvas.setCurrentLayer(None)
    assert tool.flag_selected() == 3
    assert seen[1:] == [(points.id(), fids["n1"]), *sorted((polygons.id(), fids[k]) for k in ("w1", "w2"))]


def test_point_tool_emits_the_clicked_point(canvas):
    tool = PointMapTool(canvas)
    seen = []
    tool.point_clicked.connect(seen.append)
    pixel = _pixel(canvas, LON, LAT)
    _click(tool, canvas, pixel)
    _click(tool, canvas, pixel, Qt.MouseButton.RightButton)
    assert len(seen) == 1
    expected = canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y())
    assert seen[0].distance(expected) == pytest.approx(0, abs=1e-9)
