"""Idle-asset candidates in any layers: the orchestration of fifteenmin:idlecandidates.

The rules and their matching are core/assets/candidates.py; here every feature of every layer is matched,
placed as a point in one CRS, measured, and given the living circles it touches.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsSpatialIndex,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.assets.candidates import CandidateRule, match_feature
from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain

#: the (name, kind) fields of every candidate
OUTPUT_FIELDS = (
    ("source_layer", "text"),
    ("source_fid", "int64"),
    ("asset_type", "text"),
    ("why", "text"),
    ("area_m2", "double"),
    ("name", "text"),
    ("circle_ids", "text"),
    ("source_attrs", "text"),
)


class CandidateScanMessages(Messages):
    """Translation context of this module's messages."""


@dataclass
class Candidate:
    """One matching feature: its point in the output CRS and its OUTPUT_FIELDS values."""

    point: QgsGeometry
    row: list[Any]


def _json_value(value: Any) -> Any:
    value = plain(value)
    return value if value is None or isinstance(value, (int, float, str, bool)) else str(value)


class _Circles:
    """The living circles in the output CRS, indexed, to name those a candidate touches."""

    def __init__(
        self,
        source: Optional[QgsFeatureSource],
        crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
    ) -> None:
        self.index = QgsSpatialIndex()
        self.shapes: dict[int, tuple[str, QgsGeometry]] = {}
        if source is None:
            return
        id_field = source.fields().lookupField("circle_id")
        for feature in source.getFeatures(QgsFeatureRequest().setDestinationCrs(crs, context)):
            if feature.geometry().isNull():
                continue
            circle_id = str(feature[id_field]) if id_field >= 0 and feature[id_field] is not None else str(feature.id())
            self.shapes[feature.id()] = (circle_id, feature.geometry())
            if not self.index.addFeature(feature):
                raise FifteenMinError(CandidateScanMessages.tr("The living circles could not be indexed."))

    def ids(self, geometry: QgsGeometry) -> str:
        """The ids of the circles `geometry` intersects, sorted, comma-separated."""
        hits = [self.shapes[fid] for fid in self.index.intersects(geometry.boundingBox())]
        return ",".join(sorted({circle_id for circle_id, shape in hits if shape.intersects(geometry)}))


def _area(layer: QgsVectorLayer, context: QgsCoordinateTransformContext) -> QgsDistanceArea:
    area = QgsDistanceArea()
    area.setSourceCrs(layer.crs(), context)
    if not area.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7030"):
        raise FifteenMinError(
            CandidateScanMessages.tr("The ellipsoid of “{layer}” is unknown, so areas cannot be measured.").format(
                layer=layer.name()
            )
        )
    return area


def scan_candidates(
    layers: Sequence[QgsVectorLayer],
    rules: Sequence[CandidateRule],
    circles: Optional[QgsFeatureSource],
    context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> Iterator[Candidate]:
    """Every feature of `layers` a rule matches, as a point in the first layer's CRS, layer by layer.

    Matching features without a geometry are named in a warning, the count found is logged at the end;
    FifteenMinError when a candidate cannot be placed or measured.
    """
    crs = layers[0].crs()
    touched = _Circles(circles, crs, context)
    total = max(sum(layer.featureCount() for layer in layers), 1)
    done = found = 0
    unplaced = []
    for layer in layers:
        transform = QgsCoordinateTransform(layer.crs(), crs, context)
        area = _area(layer, context)
        names = layer.fields().names()
        for feature in layer.getFeatures():
            if feedback.isCanceled():
                return
            done += 1
            feedback.setProgress(100.0 * done / total)
            match = match_feature(rules, names, feature.attributes())
            geometry = feature.geometry()
            if match is None:
                continue
            if geometry.isNull() or geometry.isEmpty():
                unplaced.append(f"{layer.name()} #{feature.id()}")
                continue
            point, outline = QgsGeometry(geometry).pointOnSurface(), QgsGeometry(geometry)
            message = CandidateScanMessages.tr("Feature {fid} of “{layer}” cannot be placed in the output CRS.")
            message = message.format(fid=feature.id(), layer=layer.name())
            try:
                results = {point.transform(transform), outline.transform(transform)}
            except QgsCsException as error:
                raise FifteenMinError(message) from error
            if results != {Qgis.GeometryOperationResult.Success}:
                raise FifteenMinError(message)
            attributes = {name: _json_value(value) for name, value in zip(names, feature.attributes())}
            polygon = geometry.type() == POLYGON_GEOMETRY
            row = [
                layer.name(),
                feature.id(),
                match.asset_type,
                match.why,
                area.measureArea(geometry) if polygon else None,
                attributes.get("name"),
                touched.ids(outline),
                json.dumps(attributes, ensure_ascii=False),
            ]
            yield Candidate(point, row)
            found += 1
    if unplaced:
        feedback.pushWarning(
            CandidateScanMessages.tr("{count} matching features have no geometry and are not candidates: {ids}").format(
                count=len(unplaced), ids=named_ids(unplaced)
            )
        )
    feedback.pushInfo(CandidateScanMessages.tr("{count} candidates found.").format(count=found))
