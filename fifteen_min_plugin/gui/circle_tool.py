"""Map tool drawing a circle by centre and radius, measured in true metres whatever the canvas CRS."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QCoreApplication, QPointF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QKeyEvent
from qgis.PyQt.QtWidgets import QGraphicsSimpleTextItem

from fifteen_min_plugin.core.circles.radius import RadiusBuffer
from fifteen_min_plugin.core.circles.writer import ellipsoid_measure
from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY
from fifteen_min_plugin.gui.map_search import features_near

DEFAULT_SNAP_PIXELS = 12
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DrawTools:
    """Translation context of the messages both draw tools share."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("DrawTools", text)


def crs_refusal(canvas: QgsMapCanvas) -> str:
    """Why a draw tool cannot start on `canvas`, "" when it can: metres need a valid map coordinate system."""
    crs = canvas.mapSettings().destinationCrs()
    if crs.isValid() and crs.bounds().isFinite() and not crs.bounds().isEmpty():
        return ""
    return DrawTools.tr(
        "The map has no valid coordinate reference system, so distances and areas cannot be measured. "
        "Choose one in Project ▸ Properties ▸ CRS (e.g. EPSG:4548 or UTM), then draw again."
    )


class CircleMapTool(QgsMapTool):
    """Click the centre, move, click again (or type the radius and press Enter); Esc cancels.

    The centre snaps to the nearest point of the snap layer within `snap_pixels`; the tool then remembers
    that feature's id. Nothing is written: the result is emitted as `circle_drawn`.
    """

    #: centre (canvas CRS), radius in metres, community id of the snapped point or ""
    circle_drawn = pyqtSignal(QgsPointXY, float, str)

    def __init__(
        self,
        canvas: QgsMapCanvas,
        snap_layer: Optional[QgsVectorLayer] = None,
        id_field: str = "community_id",
        snap_pixels: int = DEFAULT_SNAP_PIXELS,
    ) -> None:
        super().__init__(canvas)
        self.snap_layer = snap_layer
        self.id_field = id_field
        self.snap_pixels = snap_pixels
        self.centre: Optional[QgsPointXY] = None
        self.community_id = ""
        self.radius_m = 0.0
        self.typed = ""
        self.fixed_radius_m = 0.0
        self.band = QgsRubberBand(canvas, POLYGON_GEOMETRY)
        self.band.setColor(QColor(189, 0, 38, 200))
        self.band.setFillColor(QColor(189, 0, 38, 40))
        self.band.setWidth(2)
        self.label = QGraphicsSimpleTextItem()
        font = QFont()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(QColor(189, 0, 38))
        self.label.setZValue(1000)
        canvas.scene().addItem(self.label)
        self.label.hide()
        self.setCursor(Qt.CursorShape.CrossCursor)

    def set_snap_layer(self, layer: Optional[QgsVectorLayer], id_field: str = "community_id") -> None:
        """Snap centres to the points of `layer` (None: no snapping)."""
        self.snap_layer = layer
        self.id_field = id_field

    def set_radius(self, radius_m: float) -> None:
        """Fix the radius: finishes a circle whose centre is placed, else the next click places one.

        0 or less returns to measuring the radius with the mouse.
        """
        self.fixed_radius_m = max(float(radius_m), 0.0)
        if self.fixed_radius_m > 0 and self.centre is not None:
            self._finish(self.fixed_radius_m)

    def refusal(self) -> str:
        """Why the tool cannot start on its canvas now, "" when it can."""
        return crs_refusal(self.canvas())

    def measure(self) -> QgsDistanceArea:
        """Ellipsoidal distances in the canvas CRS."""
        return ellipsoid_measure(self.canvas().mapSettings().destinationCrs(), QgsProject.instance().transformContext())

    def label_text(self) -> str:
        """What the live label shows: the typed radius or the measured one, in metres."""
        if self.typed:
            return self.tr("Radius: {typed} m (press Enter to confirm)").format(typed=self.typed)
        return self.tr("Radius: {radius:,.0f} m").format(radius=self.radius_m)

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Follow the mouse with the circle and its radius."""
        point = event.mapPoint()
        if self.centre is None:
            if self.fixed_radius_m > 0:
                self._show(self._snap(point)[0], self.fixed_radius_m, event.pos())
            return
        if not self.typed:
            self.radius_m = self.measure().measureLine(self.centre, point)
        self._show(self.centre, self.radius_m, event.pos())

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Left click: place the centre, then fix the radius; right click cancels."""
        if event.button() == Qt.MouseButton.RightButton:
            self.reset()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.mapPoint()
        if self.centre is None:
            self.centre, self.community_id = self._snap(point)
            if self.fixed_radius_m > 0:
                self._finish(self.fixed_radius_m)
            return
        radius = float(self.typed) if self.typed else self.measure().measureLine(self.centre, point)
        self._finish(radius)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - QGIS API
        """Digits type the radius, Enter confirms it, Backspace corrects, Esc cancels."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.reset()
            event.accept()
            return
        if self.centre is None:
            event.ignore()
            return
        text = event.text()
        if text.isdigit() or (text == "." and "." not in self.typed):
            self.typed += text
        elif key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
        elif key in _ENTER_KEYS and self.typed:
            self._finish(float(self.typed))
            event.accept()
            return
        else:
            event.ignore()
            return
        event.accept()
        if self.typed:
            self.radius_m = float(self.typed)
        self._show(self.centre, self.radius_m, None)

    def deactivate(self) -> None:
        """Drop any circle in progress when another tool takes over."""
        self.reset()
        super().deactivate()

    def reset(self) -> None:
        """Forget the circle in progress and hide its band and label."""
        self.centre = None
        self.community_id = ""
        self.radius_m = 0.0
        self.typed = ""
        self.band.reset(POLYGON_GEOMETRY)
        self.label.hide()

    def teardown(self) -> None:
        """Remove the band and label from the canvas (before the tool is dropped)."""
        self.reset()
        self.canvas().scene().removeItem(self.band)
        self.canvas().scene().removeItem(self.label)

    def _finish(self, radius_m: float) -> None:
        centre, community_id = self.centre, self.community_id
        self.reset()
        if centre is not None and radius_m > 0:
            self.circle_drawn.emit(centre, radius_m, community_id)

    def _show(self, centre: QgsPointXY, radius_m: float, pixel) -> None:
        if radius_m <= 0:
            self.band.reset(POLYGON_GEOMETRY)
        else:
            settings = self.canvas().mapSettings()
            buffer = RadiusBuffer(settings.destinationCrs(), QgsProject.instance().transformContext())
            self.band.setToGeometry(buffer.buffers(QgsGeometry.fromPointXY(centre), [radius_m])[0], None)
        self.radius_m = radius_m
        self.label.setText(self.label_text())
        if pixel is not None:
            self.label.setPos(QPointF(pixel.x() + 14, pixel.y() + 8))
        self.label.show()

    def _snap(self, point: QgsPointXY) -> tuple[QgsPointXY, str]:
        """The nearest snap-layer point within the tolerance and its id, else `point` and ""."""
        layer = self.snap_layer
        if layer is None or not layer.isValid():
            return point, ""
        id_index = layer.fields().lookupField(self.id_field)
        best: tuple[float, QgsPointXY, str] = (
            self.canvas().mapSettings().mapUnitsPerPixel() * self.snap_pixels,
            point,
            "",
        )
        for feature, geometry, _ in features_near(self.canvas(), layer, point, self.snap_pixels):
            candidate = geometry.closestVertex(point)[0]
            distance = candidate.distance(point)
            if distance <= best[0]:
                value = feature.attribute(id_index) if id_index >= 0 else feature.id()
                best = (distance, candidate, "" if value is None else str(value))
        return best[1], best[2]
