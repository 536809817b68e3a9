"""Writing living circles into the workspace `circles` layer.

A hand-drawn circle goes into the layer's edit buffer as one undoable edit command (the layer stays in edit
mode, as QGIS digitising does). Circles computed by an algorithm are written all-or-nothing through the data
provider, so the user's pending edits are neither committed nor lost.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from fifteen_min_plugin.core.circles.radius import RadiusBuffer
from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY, is_text_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing

#: GB 50180-2018 walking distances: upper radius of each level (the 15-minute level takes the rest)
LEVEL_LIMITS_M = ((300.0, 5), (500.0, 10))
LEVELS_MIN = (5, 10, 15)
METHOD_DRAWN_CIRCLE = "drawn_circle"
METHOD_DRAWN_POLYGON = "drawn_polygon"
METHOD_RADIUS = "radius"
#: circles field -> result field, where the names differ
RESULT_ALIASES = {"community_id": "origin_id"}
#: circles fields the writer fills itself
COMPUTED_FIELDS = ("circle_id", "level_min", "area_m2", "created")


class CircleWriter(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class CircleAttributes:
    """What the planner says about one hand-drawn circle."""

    name: str = ""
    community_id: str = ""
    level_min: int = 15
    note: str = ""


def level_for_radius(radius_m: float) -> int:
    """The GB 50180 level (minutes) a walking radius belongs to: ≤300 m → 5, ≤500 m → 10, else 15."""
    for limit, minutes in LEVEL_LIMITS_M:
        if radius_m <= limit:
            return minutes
    return LEVELS_MIN[-1]


def new_circle_id() -> str:
    """A short unique circle id."""
    return uuid.uuid4().hex[:12]


def circle_polygon(
    centre: QgsPointXY, radius_m: float, crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext
) -> QgsGeometry:
    """A circle of `radius_m` true metres around `centre`, both in `crs`."""
    if radius_m <= 0:
        raise FifteenMinError(CircleWriter.tr("A circle needs a radius greater than 0 m."))
    return RadiusBuffer(crs, context).buffers(QgsGeometry.fromPointXY(centre), [radius_m])[0]


def ellipsoid_measure(crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext) -> QgsDistanceArea:
    """Distances and areas on the WGS84 ellipsoid for geometries in `crs`."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, context)
    if not measure.setEllipsoid("EPSG:7030"):
        raise FifteenMinError(
            CircleWriter.tr("The WGS84 ellipsoid is unknown to QGIS; distances and areas cannot be measured.")
        )
    return measure


def _to_layer(geometry: QgsGeometry, transform: QgsCoordinateTransform, what: str) -> QgsGeometry:
    """`geometry` as a valid MultiPolygon in the layer CRS, or a FifteenMinError naming `what`."""
    no_area = CircleWriter.tr("{what} has no area, so nothing was written.").format(what=what)
    if geometry is None or geometry.isNull() or geometry.isEmpty() or geometry.type() != POLYGON_GEOMETRY:
        raise FifteenMinError(no_area)
    result = QgsGeometry(geometry)
    try:
        transformed, details = result.transform(transform) == Qgis.GeometryOperationResult.Success, ""
    except QgsCsException as error:
        transformed, details = False, str(error)
    if not transformed:
        outside = CircleWriter.tr(
            "{what} lies outside the coordinate system of the circles layer; nothing was written."
        )
        raise FifteenMinError(outside.format(what=what), details=details)
    if not result.isGeosValid():
        result = result.makeValid()
    if result.wkbType() == QgsWkbTypes.Type.GeometryCollection and not result.convertGeometryCollectionToSubclass(
        POLYGON_GEOMETRY
    ):
        raise FifteenMinError(no_area)
    if result.isEmpty() or result.type() != POLYGON_GEOMETRY or not result.convertToMultiType():
        raise FifteenMinError(no_area)
    return result


def valid_extent(crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext) -> QgsRectangle:
    """The area where `crs` is valid, in `crs` units (its whole plane when QGIS knows no bounds)."""
    bounds = crs.bounds()
    if bounds.isEmpty():
        return QgsRectangle(-math.inf, -math.inf, math.inf, math.inf)
    try:
        extent = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context).transformBoundingBox(
            bounds
        )
    except QgsCsException:
        return QgsRectangle(-math.inf, -math.inf, math.inf, math.inf)
    margin = 1e-6 * max(extent.width(), extent.height(), 1.0)
    return extent.buffered(margin)


def _check_measured(geometry: QgsGeometry, area_m2: float, extent: QgsRectangle, what: str) -> None:
    """Refuse a circle whose area is not a finite positive number or whose extent leaves the CRS's valid area."""
    if not math.isfinite(area_m2) or area_m2 <= 0:
        raise FifteenMinError(
            CircleWriter.tr(
                "{what} has no measurable area (is the map's coordinate system right?); nothing was written."
            ).format(what=what)
        )
    box = geometry.boundingBox()
    if not all(map(math.isfinite, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))) or not (
        extent.contains(box)
    ):
        raise FifteenMinError(
            CircleWriter.tr(
                "{what} reaches beyond the valid area of the circles layer's coordinate system; nothing was written."
            ).format(what=what)
        )


def _check_layer(layer: QgsVectorLayer) -> None:
    if layer is None or not layer.isValid():
        raise FifteenMinError(
            CircleWriter.tr("The circles layer of the workspace cannot be opened, so nothing was written.")
        )
    missing = [name for name in (*COMPUTED_FIELDS, "community_id", "method") if layer.fields().lookupField(name) < 0]
    if missing:
        raise FifteenMinError(
            CircleWriter.tr(
                "The circles layer lacks the fields {fields}; open it as a workspace to upgrade it."
            ).format(fields=", ".join(missing))
        )


def add_drawn_circle(
    layer: QgsVectorLayer,
    geometry: QgsGeometry,
    crs: QgsCoordinateReferenceSystem,
    attributes: CircleAttributes,
    context: QgsCoordinateTransformContext,
    method: str = METHOD_DRAWN_CIRCLE,
    radius_m: Optional[float] = None,
) -> QgsFeature:
    """Add one hand-drawn circle (geometry in `crs`) to the layer's edit buffer as one undoable command.

    The layer is put into edit mode if needed and left there; committing is the user's decision.
    """
    _check_layer(layer)
    what = CircleWriter.tr("The drawn circle")
    geometry = _to_layer(geometry, QgsCoordinateTransform(crs, layer.crs(), context), what)
    area_m2 = ellipsoid_measure(layer.crs(), context).measureArea(geometry)
    _check_measured(geometry, area_m2, valid_extent(layer.crs(), context), what)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry)
    values = {
        "circle_id": new_circle_id(),
        "name": attributes.name,
        "community_id": attributes.community_id,
        "level_min": int(attributes.level_min),
        "method": method,
        "radius_m": radius_m,
        "area_m2": area_m2,
        "note": attributes.note,
        "created": QDateTime.currentDateTime(),
    }
    for name, value in values.items():
        if layer.fields().lookupField(name) >= 0 and value is not None:
            feature[name] = value
    if not layer.isEditable() and not layer.startEditing():
        raise FifteenMinError(CircleWriter.tr("The circles layer cannot be edited (is the workspace file read-only?)."))
    layer.beginEditCommand(CircleWriter.tr("Add living circle"))
    if not layer.addFeature(feature):
        layer.destroyEditCommand()
        raise FifteenMinError(CircleWriter.tr("The circle could not be added to the circles layer."))
    layer.endEditCommand()
    return feature


def _value(feature: QgsFeature, index: int) -> Any:
    return plain(feature.attribute(index))


def write_circles(
    layer: QgsVectorLayer,
    result: QgsFeatureSource,
    context: QgsCoordinateTransformContext,
    method: str = METHOD_RADIUS,
    name_suffix: str = "",
    replaced: Sequence[int] = (),
) -> list[int]:
    """Write every feature of an algorithm result into the circles layer, all or nothing; return the new ids.

    The circles `replaced` are deleted in the same transaction.

    Fields are matched by name (`origin_id` fills `community_id`, `minutes` fills `level_min`); `method` is
    used where the result has no `method` field; `area_m2` is measured on the ellipsoid in the layer CRS;
    `name_suffix` is appended to each circle's name (its community id when it has no name).
    """
    _check_layer(layer)
    transform = QgsCoordinateTransform(result.sourceCrs(), layer.crs(), context)
    measure = ellipsoid_measure(layer.crs(), context)
    extent = valid_extent(layer.crs(), context)
    source_fields = result.fields()
    mapping = {}
    keys = {layer.fields().at(index).name() for index in layer.primaryKeyAttributes()}
    for target in layer.fields().names():
        if target in COMPUTED_FIELDS or target in keys:
            continue
        index = source_fields.lookupField(target)
        if index < 0 and target in RESULT_ALIASES:
            index = source_fields.lookupField(RESULT_ALIASES[target])
        if index >= 0:
            mapping[target] = index
    minutes_index = source_fields.lookupField("level_min")
    if minutes_index < 0:
        minutes_index = source_fields.lookupField("minutes")
    if minutes_index < 0:
        raise FifteenMinError(
            CircleWriter.tr("The computed circles carry no level in minutes, so nothing was written.")
        )

    now = QDateTime.currentDateTime()
    features = []
    for number, source in enumerate(result.getFeatures(QgsFeatureRequest()), start=1):
        minutes = _value(source, minutes_index)
        if minutes is None:
            raise FifteenMinError(
                CircleWriter.tr("Computed circle {number} has no level in minutes, so nothing was written.").format(
                    number=number
                )
            )
        what = CircleWriter.tr("Computed circle {number}").format(number=number)
        geometry = _to_layer(source.geometry(), transform, what)
        area_m2 = measure.measureArea(geometry)
        _check_measured(geometry, area_m2, extent, what)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        for target, index in mapping.items():
            value = _value(source, index)
            if value is not None:
                feature[target] = str(value) if is_text_field(layer.fields().field(target)) else value
        if "method" not in mapping or _value(source, mapping["method"]) is None:
            feature["method"] = method
        if name_suffix:
            base = _value(feature, feature.fieldNameIndex("name")) or _value(
                feature, feature.fieldNameIndex("community_id")
            )
            feature["name"] = f"{base or ''}{name_suffix}"
        feature["circle_id"] = new_circle_id()
        feature["level_min"] = round(float(minutes))
        feature["area_m2"] = area_m2
        feature["created"] = now
        features.append(feature)
    failed = (
        CircleWriter.tr("The earlier circles could not be replaced; the circles layer is unchanged.")
        if replaced
        else ""
    )
    return add_all_or_nothing(layer, features, replaced, failed)


def result_keys(result: QgsFeatureSource, method: str) -> tuple[str, set[str]]:
    """(method, community ids) of an algorithm result, as `write_circles` will store them."""
    fields = result.fields()
    method_index = fields.lookupField("method")
    key_index = fields.lookupField("community_id")
    if key_index < 0:
        key_index = fields.lookupField(RESULT_ALIASES["community_id"])
    methods, ids = set(), set()
    for feature in result.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        methods.add(str(_value(feature, method_index) or method) if method_index >= 0 else method)
        if key_index >= 0 and _value(feature, key_index) is not None:
            ids.add(str(_value(feature, key_index)))
    return (methods.pop() if len(methods) == 1 else method), ids


def _same_method(layer: QgsVectorLayer, method: str, community_ids: set[str]) -> list[QgsFeature]:
    if not community_ids:
        return []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["method", "community_id", "level_min"], layer.fields())
    return [
        feature
        for feature in layer.dataProvider().getFeatures(request)
        if _value(feature, feature.fieldNameIndex("method")) == method
        and str(_value(feature, feature.fieldNameIndex("community_id"))) in community_ids
    ]


def existing_circles(layer: QgsVectorLayer, method: str, community_ids: set[str]) -> list[int]:
    """Ids of the saved circles of `method` for any of `community_ids` (what a re-run would duplicate)."""
    return [feature.id() for feature in _same_method(layer, method, community_ids)]


def next_run(layer: QgsVectorLayer, method: str, community_ids: set[str]) -> int:
    """The number a kept re-run gets: 1 + how many circles of `method` one community and level already has."""
    counts: dict[tuple[str, Any], int] = {}
    for feature in _same_method(layer, method, community_ids):
        key = (str(feature["community_id"]), _value(feature, feature.fieldNameIndex("level_min")))
        counts[key] = counts.get(key, 0) + 1
    return 1 + max(counts.values(), default=0)


def replace_circles(
    layer: QgsVectorLayer,
    result: QgsFeatureSource,
    context: QgsCoordinateTransformContext,
    method: str,
    replaced: Sequence[int],
    name_suffix: str = "",
) -> list[int]:
    """Write the result like `write_circles` and delete the circles `replaced`, in one transaction: all or nothing.

    `name_suffix` is appended to every new circle's name (its community when it has none), so a set kept
    beside an earlier one of the same method is told apart wherever circles are named: coverage, the report.
    """
    return write_circles(layer, result, context, method, name_suffix, replaced)
