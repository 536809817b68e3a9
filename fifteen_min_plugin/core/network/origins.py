"""The point a walk starts from (or ends at) for every feature of a layer, in the walking graph's CRS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureSource,
    QgsFeedback,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages


class OriginPoints(Messages):
    """Translation context of this module's messages."""


@dataclass
class PlacedFeatures:
    """Every feature read, its point (None without geometry) and, if asked, one attribute value."""

    features: list[QgsFeature]
    points: list[Optional[tuple[float, float]]]
    values: list[Any]

    def unplaced_ids(self) -> list[int]:
        """Ids of the features without a point."""
        return [feature.id() for feature, point in zip(self.features, self.points) if point is None]


def read_points(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    feedback: Optional[QgsFeedback] = None,
    field_index: int = -1,
) -> PlacedFeatures:
    """Every feature of `source` with its point in `crs`: a single point as is, else a point on its surface.

    Reading stops early when `feedback` is cancelled. FifteenMinError when a point cannot be transformed.
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context)
    wkb_type = source.wkbType()
    points_only = QgsWkbTypes.geometryType(wkb_type) == POINT_GEOMETRY and not QgsWkbTypes.isMultiType(wkb_type)
    placed = PlacedFeatures([], [], [])
    for feature in source.getFeatures():
        if feedback is not None and feedback.isCanceled():
            break
        placed.features.append(feature)
        placed.values.append(feature.attribute(field_index) if field_index >= 0 else None)
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isEmpty() and (not points_only or geometry.isMultipart()):
            geometry = geometry.pointOnSurface()
        if geometry.isNull() or geometry.isEmpty():
            placed.points.append(None)
            continue
        try:
            point = transform.transform(geometry.asPoint())
        except QgsCsException as error:
            message = OriginPoints.tr("Feature {fid} could not be transformed to {crs}.")
            raise FifteenMinError(message.format(fid=feature.id(), crs=crs.authid())) from error
        placed.points.append((point.x(), point.y()))
    return placed
