"""True-metre buffers in any CRS: each feature is buffered in an equidistant projection centred on itself."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SEGMENTS_PER_QUARTER = 32  # 128-gon: area within 0.05 % of the true circle
#: the (name, kind) fields every radius circle gains beside its origin's own
OUTPUT_FIELDS = (("origin_id", "text"), ("minutes", "double"), ("radius_m", "double"), ("area_m2", "double"))


def local_equidistant_crs(lon: float, lat: float) -> QgsCoordinateReferenceSystem:
    """Azimuthal equidistant CRS centred on (lon, lat): distances from the centre are true."""
    return QgsCoordinateReferenceSystem.fromProj(
        f"+proj=aeqd +lat_0={lat:.9f} +lon_0={lon:.9f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    )


class RadiusBuffer(Messages):
    """Buffers geometries of one CRS by distances in metres, whatever that CRS's units are."""

    def __init__(self, source_crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext) -> None:
        self.source_crs = source_crs
        self.context = context
        self.to_wgs84 = QgsCoordinateTransform(source_crs, WGS84, context)
        self.area = QgsDistanceArea()
        self.area.setSourceCrs(source_crs, context)
        if not self.area.setEllipsoid("EPSG:7030"):
            raise FifteenMinError(RadiusBuffer.tr("The WGS84 ellipsoid is not available in this QGIS installation."))

    def centre(self, geometry: QgsGeometry) -> QgsGeometry:
        """The point a radius is measured from: the point itself, or a point inside a polygon."""
        if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart():
            return geometry
        return geometry.pointOnSurface()

    def buffers(self, geometry: QgsGeometry, radii_m: list[float]) -> list[QgsGeometry]:
        """One buffer per radius, in the source CRS; polygons are buffered from their outline."""
        anchor = self.to_wgs84.transform(self.centre(geometry).asPoint())
        local = local_equidistant_crs(anchor.x(), anchor.y())
        forward = QgsCoordinateTransform(self.source_crs, local, self.context)
        backward = QgsCoordinateTransform(local, self.source_crs, self.context)
        projected = QgsGeometry(geometry)
        if projected.transform(forward) != Qgis.GeometryOperationResult.Success:
            raise FifteenMinError(RadiusBuffer.tr("A geometry could not be projected to measure metres around it."))
        results = []
        for radius in radii_m:
            circle = projected.buffer(radius, SEGMENTS_PER_QUARTER)
            if circle.transform(backward) != Qgis.GeometryOperationResult.Success:
                raise FifteenMinError(RadiusBuffer.tr("A circle could not be projected back to the layer's CRS."))
            results.append(circle)
        return results

    def area_m2(self, geometry: QgsGeometry) -> float:
        """Ellipsoidal area (WGS84 ellipsoid) in square metres."""
        return self.area.measureArea(geometry)


@dataclass
class RadiusCircle:
    """One origin's circle of one level, in the origins' CRS."""

    origin: QgsFeature
    origin_id: str
    minutes: float
    radius_m: float
    area_m2: float
    geometry: QgsGeometry


def radius_circles(
    source: QgsFeatureSource,
    id_field: str,
    levels: Sequence[tuple[float, float]],
    context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Iterator[list[RadiusCircle]]:
    """The circles of every origin of `source` at every (radius m, minutes) level, origin by origin.

    Origins without a geometry are named in a warning at the end; FifteenMinError (naming the origin) when a
    circle cannot be made. The buffer is set up at once, the circles follow as the result is iterated.
    """
    buffer = RadiusBuffer(source.sourceCrs(), context)
    ordered = sorted(levels, reverse=True)

    def circles() -> Iterator[list[RadiusCircle]]:
        total = max(source.featureCount(), 1)
        skipped = []
        for done, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            origin_id = str(feature[id_field]) if id_field else str(feature.id())
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                skipped.append(origin_id)
                continue
            try:
                shapes = buffer.buffers(geometry, [radius for radius, _ in ordered])
            except FifteenMinError as error:
                raise FifteenMinError(f"{error.message} ({origin_id})", error.level, error.details) from error
            batch = []
            for (radius, minutes), shape in zip(ordered, shapes):
                if not shape.convertToMultiType():
                    raise FifteenMinError(RadiusBuffer.tr("A circle could not be made a multi-polygon."))
                batch.append(RadiusCircle(feature, origin_id, minutes, radius, buffer.area_m2(shape), shape))
            yield batch
            feedback.setProgress(100.0 * (done + 1) / total)
        if skipped:
            feedback.pushWarning(
                RadiusBuffer.tr("{count} origins have no geometry and got no circle: {ids}").format(
                    count=len(skipped), ids=named_ids(skipped)
                )
            )

    return circles()
