"""Features of a layer near a canvas point, with their geometry in the canvas CRS."""

from __future__ import annotations

from collections.abc import Iterator

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas


def features_near(
    canvas: QgsMapCanvas, layer: QgsVectorLayer, point: QgsPointXY, pixels: float, attributes: bool = True
) -> Iterator[tuple[QgsFeature, QgsGeometry, float]]:
    """Every feature in the box of `pixels` around `point` (canvas CRS).

    Yields (feature, its geometry in the canvas CRS, the tolerance in map units); features that cannot be
    placed in the canvas CRS are left out.
    """
    settings = canvas.mapSettings()
    tolerance = settings.mapUnitsPerPixel() * pixels
    to_layer = QgsCoordinateTransform(settings.destinationCrs(), layer.crs(), QgsProject.instance())
    box = QgsRectangle(point.x() - tolerance, point.y() - tolerance, point.x() + tolerance, point.y() + tolerance)
    try:
        request = QgsFeatureRequest(to_layer.transformBoundingBox(box))
    except QgsCsException:
        return
    if not attributes:
        request.setNoAttributes()
    for feature in layer.getFeatures(request):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        try:
            moved = geometry.transform(to_layer, QgsCoordinateTransform.TransformDirection.ReverseTransform)
        except QgsCsException:
            continue
        if moved == Qgis.GeometryOperationResult.Success:
            yield feature, geometry, tolerance
