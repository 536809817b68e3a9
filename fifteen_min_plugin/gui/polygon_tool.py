"""Map tool drawing a polygon boundary vertex by vertex; the result is always topology-valid."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QKeyEvent

from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY
from fifteen_min_plugin.gui.circle_tool import crs_refusal

MIN_VERTICES = 3


def valid_polygon(points: list[QgsPointXY]) -> Optional[QgsGeometry]:
    """The polygon through `points`, repaired if it crosses itself (a bow-tie becomes a multipolygon).

    None if nothing with an area is left.
    """
    geometry = QgsGeometry.fromPolygonXY([[*points, points[0]]])
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
        if geometry.wkbType() == QgsWkbTypes.Type.GeometryCollection and not (
            geometry.convertGeometryCollectionToSubclass(POLYGON_GEOMETRY)
        ):
            return None
    if geometry.isEmpty() or geometry.type() != POLYGON_GEOMETRY or geometry.area() <= 0:
        return None
    return geometry


class PolygonMapTool(QgsMapTool):
    """Left-click vertices, right-click to finish, Backspace removes the last vertex, Esc cancels."""

    #: the finished boundary, valid, in the canvas CRS
    polygon_drawn = pyqtSignal(QgsGeometry)
    #: a sentence for the user when a boundary is refused
    message = pyqtSignal(str)

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.points: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, POLYGON_GEOMETRY)
        self.band.setColor(QColor(189, 0, 38, 200))
        self.band.setFillColor(QColor(189, 0, 38, 40))
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def refusal(self) -> str:
        """Why the tool cannot start on its canvas now, "" when it can."""
        return crs_refusal(self.canvas())

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Let the band follow the mouse."""
        if self.points:
            self._redraw(event.mapPoint())

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Left click adds a vertex, right click finishes."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(QgsPointXY(event.mapPoint()))
            self._redraw(None)
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - QGIS API
        """Esc cancels, Backspace removes the last vertex."""
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._redraw(None)
        else:
            event.ignore()
            return
        event.accept()

    def finish(self) -> None:
        """Emit the boundary if it has at least three vertices and an area; otherwise say why."""
        if len(self.points) < MIN_VERTICES:
            self.message.emit(
                self.tr(
                    "A boundary needs at least {count} vertices; keep clicking, then right-click to finish."
                ).format(count=MIN_VERTICES)
            )
            return
        geometry = valid_polygon(self.points)
        if geometry is None:
            self.message.emit(self.tr("The boundary encloses no area; draw it again."))
            self.reset()
            return
        self.reset()
        self.polygon_drawn.emit(geometry)

    def deactivate(self) -> None:
        """Drop the boundary in progress when another tool takes over."""
        self.reset()
        super().deactivate()

    def reset(self) -> None:
        """Forget the vertices and hide the band."""
        self.points = []
        self.band.reset(POLYGON_GEOMETRY)

    def teardown(self) -> None:
        """Remove the band from the canvas (before the tool is dropped)."""
        self.reset()
        self.canvas().scene().removeItem(self.band)

    def _redraw(self, mouse: Optional[QgsPointXY]) -> None:
        self.band.reset(POLYGON_GEOMETRY)
        points = [*self.points, mouse] if mouse is not None else self.points
        for index, point in enumerate(points):
            self.band.addPoint(point, index == len(points) - 1)
