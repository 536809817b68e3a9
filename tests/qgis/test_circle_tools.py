"""The draw tools, driven with synthetic mouse and key events on a real canvas."""

from __future__ import annotations

import re

import pytest
from qgis.core import (
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
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent

from fifteen_min_plugin.gui.circle_tool import CircleMapTool
from fifteen_min_plugin.gui.polygon_tool import PolygonMapTool

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# Haidian, Beijing: about 2 km across
LON, LAT = 116.352, 40.003
EXTENTS = {
    "EPSG:4326": QgsRectangle(LON - 0.012, LAT - 0.009, LON + 0.012, LAT + 0.009),
    "EPSG:3857": QgsRectangle(12951800, 4869500, 12954200, 4871900),
}


@pytest.fixture(params=sorted(EXTENTS))
def canvas(request, qgis_canvas):
    qgis_canvas.window().show()  # a hidden canvas keeps its initial 98×28 px map size
    QCoreApplication.processEvents()
    assert qgis_canvas.mapSettings().outputSize().width() > 500
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(request.param))
    qgis_canvas.setExtent(EXTENTS[request.param])
    return qgis_canvas


def _map_point(canvas, x: int, y: int) -> QgsPointXY:
    return canvas.getCoordinateTransform().toMapCoordinates(x, y)


def _click(tool, canvas, x: int, y: int, button=Qt.MouseButton.LeftButton) -> None:
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button))


def _move(tool, canvas, x: int, y: int) -> None:
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, QPoint(x, y), Qt.MouseButton.NoButton))


def _key(tool, key, text: str = "") -> None:
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))


def _ellipsoidal(canvas, a: QgsPointXY, b: QgsPointXY) -> float:
    """Oracle: geodesic distance on WGS84, computed from geographic coordinates."""
    to_wgs84 = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), WGS84, QgsProject.instance())
    measure = QgsDistanceArea()
    measure.setSourceCrs(WGS84, QgsProject.instance().transformContext())
    assert measure.setEllipsoid("WGS84")
    return measure.measureLine(to_wgs84.transform(a), to_wgs84.transform(b))


def _recorder(signal) -> list:
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_radius_is_true_metres_in_any_canvas_crs(canvas):
    tool = CircleMapTool(canvas)
    drawn = _recorder(tool.circle_drawn)
    _click(tool, canvas, 200, 250)
    _move(tool, canvas, 420, 330)
    expected = _ellipsoidal(canvas, _map_point(canvas, 200, 250), _map_point(canvas, 420, 330))
    assert 300 < expected < 1200
    label = tool.label.text()
    assert label.endswith(" m")
    assert float(re.search(r"([\d,]+) m", label).group(1).replace(",", "")) == pytest.approx(expected, abs=0.5)
    assert tool.band.asGeometry().area() > 0

    _click(tool, canvas, 420, 330)
    assert len(drawn) == 1
    centre, radius, community = drawn[0]
    assert centre.distance(_map_point(canvas, 200, 250)) == pytest.approx(0, abs=1e-9)
    assert radius == pytest.approx(expected, rel=1e-6)
    planar = _map_point(canvas, 200, 250).distance(_map_point(canvas, 420, 330))
    assert abs(planar - radius) > 0.05 * radius  # degrees, or Mercator metres stretched by 1/cos(40°)
    assert community == ""
    assert not tool.label.isVisible()
    tool.teardown()


def test_typed_radius_wins_over_the_mouse(canvas):
    tool = CircleMapTool(canvas)
    drawn = _recorder(tool.circle_drawn)
    _click(tool, canvas, 300, 300)
    _move(tool, canvas, 500, 500)
    for digit in "4507":
        _key(tool, getattr(Qt.Key, f"Key_{digit}"), digit)
    _key(tool, Qt.Key.Key_Backspace)
    assert "450" in tool.label.text()
    _move(tool, canvas, 320, 310)
    _key(tool, Qt.Key.Key_Return)
    assert [(radius, community) for _, radius, community in drawn] == [(450.0, "")]
    tool.teardown()


def test_fixed_radius_places_a_circle_per_click(canvas):
    tool = CircleMapTool(canvas)
    drawn = _recorder(tool.circle_drawn)
    tool.set_radius(500)
    _click(tool, canvas, 100, 100)
    _click(tool, canvas, 400, 400)
    assert [radius for _, radius, _ in drawn] == [500.0, 500.0]
    assert drawn[1][0].distance(_map_point(canvas, 400, 400)) == pytest.approx(0, abs=1e-9)
    tool.set_radius(0)
    _click(tool, canvas, 100, 100)
    assert len(drawn) == 2  # back to measuring: the click only placed a centre
    tool.teardown()


def test_escape_cancels_without_emitting(canvas):
    tool = CircleMapTool(canvas)
    drawn = _recorder(tool.circle_drawn)
    _click(tool, canvas, 300, 300)
    _move(tool, canvas, 400, 300)
    _key(tool, Qt.Key.Key_Escape)
    assert tool.centre is None
    assert tool.band.asGeometry().isEmpty()
    _click(tool, canvas, 400, 300)  # a new centre, not the end of the cancelled circle
    assert drawn == []
    assert tool.centre is not None
    tool.teardown()


def _communities(canvas) -> tuple[QgsVectorLayer, QgsPointXY]:
    """One community in WGS84 at pixel (300, 300) of the canvas, whatever the canvas CRS."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string&field=name:string", "communities", "memory")
    to_wgs84 = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), WGS84, QgsProject.instance())
    where = to_wgs84.transform(_map_point(canvas, 300, 300))
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["C042", "Huaqing Jiayuan"])
    feature.setGeometry(QgsGeometry.fromPointXY(where))
    assert layer.dataProvider().addFeatures([feature])[0]
    return layer, _map_point(canvas, 300, 300)


def test_centre_snaps_to_a_community_within_tolerance_only(canvas):
    layer, community = _communities(canvas)
    tool = CircleMapTool(canvas, snap_layer=layer, snap_pixels=12)
    drawn = _recorder(tool.circle_drawn)
    _click(tool, canvas, 306, 305)  # 7.8 px away
    assert tool.community_id == "C042"
    _click(tool, canvas, 500, 300)
    centre, radius, community_id = drawn[0]
    assert community_id == "C042"
    assert centre.distance(community) == pytest.approx(0, abs=1e-6 * canvas.mapUnitsPerPixel())
    assert radius == pytest.approx(_ellipsoidal(canvas, community, _map_point(canvas, 500, 300)), rel=1e-6)

    _click(tool, canvas, 320, 300)  # 20 px away: no snap
    _click(tool, canvas, 500, 300)
    centre, _, community_id = drawn[1]
    assert community_id == ""
    assert centre.distance(_map_point(canvas, 320, 300)) == pytest.approx(0, abs=1e-9)
    tool.teardown()


# --- polygon tool ---------------------------------------------------------------------------------------------


def test_polygon_from_vertices_and_right_click(canvas):
    tool = PolygonMapTool(canvas)
    drawn, messages = _recorder(tool.polygon_drawn), _recorder(tool.message)
    pixels = [(100, 100), (400, 120), (380, 420), (120, 380)]
    for x, y in pixels:
        _click(tool, canvas, x, y)
    _move(tool, canvas, 90, 250)
    assert tool.band.asGeometry().constGet().vertexCount() >= len(pixels) + 1  # follows the mouse
    _click(tool, canvas, 90, 250, Qt.MouseButton.RightButton)
    assert messages == []
    (geometry,) = drawn[0]
    expected = QgsGeometry.fromPolygonXY([[_map_point(canvas, x, y) for x, y in [*pixels, pixels[0]]]])
    assert geometry.isGeosValid()
    assert geometry.area() == pytest.approx(expected.area(), rel=1e-9)
    assert geometry.symDifference(expected).area() == pytest.approx(0, abs=1e-9 * expected.area())
    assert tool.points == []
    tool.teardown()


def test_fewer_than_three_vertices_are_refused(canvas):
    tool = PolygonMapTool(canvas)
    drawn, messages = _recorder(tool.polygon_drawn), _recorder(tool.message)
    _click(tool, canvas, 100, 100)
    _click(tool, canvas, 300, 100)
    _click(tool, canvas, 300, 100, Qt.MouseButton.RightButton)
    assert drawn == []
    assert len(messages) == 1
    assert "3" in messages[0][0]
    _click(tool, canvas, 200, 300)  # the two vertices were kept: a third one completes the boundary
    _click(tool, canvas, 200, 300, Qt.MouseButton.RightButton)
    assert len(drawn) == 1
    tool.teardown()


def test_bow_tie_becomes_a_valid_multipolygon(canvas):
    tool = PolygonMapTool(canvas)
    drawn = _recorder(tool.polygon_drawn)
    for x, y in [(100, 100), (400, 400), (400, 100), (100, 400)]:
        _click(tool, canvas, x, y)
    _click(tool, canvas, 100, 400, Qt.MouseButton.RightButton)
    (geometry,) = drawn[0]
    assert geometry.isGeosValid()
    assert geometry.isMultipart()
    assert len(geometry.asMultiPolygon()) == 2
    side = _map_point(canvas, 400, 100).x() - _map_point(canvas, 100, 100).x()
    assert geometry.area() == pytest.approx(side * side / 2, rel=1e-6)  # two triangles, each a quarter


def test_escape_cancels_the_polygon(canvas):
    tool = PolygonMapTool(canvas)
    drawn, messages = _recorder(tool.polygon_drawn), _recorder(tool.message)
    for x, y in [(100, 100), (400, 100), (400, 400)]:
        _click(tool, canvas, x, y)
    _key(tool, Qt.Key.Key_Escape)
    assert tool.points == []
    _click(tool, canvas, 400, 400, Qt.MouseButton.RightButton)
    assert drawn == []
    assert len(messages) == 1
    tool.teardown()
