"""Map tools of the Idle assets page: flag a feature of any layer, or click a point for a drawn asset."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal

from fifteen_min_plugin.gui.map_search import features_near

DEFAULT_TOLERANCE_PIXELS = 6


class FlagMapTool(QgsMapTool):
    """Click a feature of any visible vector layer to flag it as an idle asset.

    The topmost layer with a feature within `tolerance_pixels` of the click wins; within a layer the nearest
    feature wins (a click inside several polygons picks the smallest). Layers named in `set_skipped_layers`
    (the workspace's own) are ignored. Nothing is written: the feature is emitted as `feature_flagged`.
    """

    #: the layer and the id of the flagged feature
    feature_flagged = pyqtSignal(QgsVectorLayer, "qint64")

    def __init__(self, canvas: QgsMapCanvas, tolerance_pixels: int = DEFAULT_TOLERANCE_PIXELS) -> None:
        super().__init__(canvas)
        self.tolerance_pixels = tolerance_pixels
        self.skipped: frozenset[str] = frozenset()
        self.setCursor(Qt.CursorShape.WhatsThisCursor)

    def set_skipped_layers(self, layer_ids: Iterable[str]) -> None:
        """Ignore these layers (by id) when identifying and when flagging the selection."""
        self.skipped = frozenset(layer_ids)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Left click flags the feature under the mouse, if any."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.identify(event.mapPoint())
        if found is not None:
            self._flag(*found)

    def identify(self, point: QgsPointXY) -> Optional[tuple[QgsVectorLayer, int]]:
        """The topmost visible feature within the tolerance of `point` (canvas CRS), or None."""
        canvas = self.canvas()
        click = QgsGeometry.fromPointXY(point)
        for layer in self._candidate_layers():
            if layer.hasScaleBasedVisibility() and not layer.isInScaleRange(canvas.scale()):
                continue
            best: Optional[tuple[float, float, int]] = None
            for feature, geometry, tolerance in features_near(canvas, layer, point, self.tolerance_pixels, False):
                distance = geometry.distance(click)
                if distance < 0 or distance > tolerance:
                    continue
                key = (distance, geometry.area(), feature.id())
                if best is None or key < best:
                    best = key
            if best is not None:
                return layer, best[2]
        return None

    def flag_selected(self) -> int:
        """Flag the selected features of the canvas's current layer, else of every visible layer; returns the count.

        Skipped layers are never used.
        """
        current = self.canvas().currentLayer()
        if isinstance(current, QgsVectorLayer) and current.id() not in self.skipped and current.selectedFeatureCount():
            layers = [current]
        else:
            layers = [layer for layer in self._candidate_layers() if layer.selectedFeatureCount()]
        count = 0
        for layer in layers:
            for fid in sorted(layer.selectedFeatureIds()):
                self.feature_flagged.emit(layer, fid)
                count += 1
        return count

    def _candidate_layers(self) -> list[QgsVectorLayer]:
        return [
            layer
            for layer in self.canvas().layers(True)
            if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and layer.id() not in self.skipped
        ]

    def _flag(self, layer: QgsVectorLayer, fid: int) -> None:
        self.canvas().flashFeatureIds(layer, [fid])
        self.feature_flagged.emit(layer, fid)


class PointMapTool(QgsMapTool):
    """Click a point on the map (for an asset added by drawing); emits it in the canvas CRS."""

    point_clicked = pyqtSignal(QgsPointXY)

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        """Left click emits the point."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.point_clicked.emit(QgsPointXY(event.mapPoint()))
