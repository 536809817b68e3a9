"""fifteenmin:idlecandidates — features of any layers that look like idle or shareable assets."""

from __future__ import annotations

import json
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.assets.candidates import load_rules, match_feature
from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY, new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm, named_ids

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


def _json_value(value: Any) -> Any:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value if isinstance(value, (int, float, str, bool)) else str(value)


class IdleCandidatesAlgorithm(FifteenMinAlgorithm):
    """Every feature of the input layers matching a candidate rule, as a point with its type and reason."""

    ID = "idlecandidates"
    GROUP_ID = "assets"
    REQUIRES = ()
    INPUT = "INPUT"
    RULES = "RULES"
    CIRCLES = "CIRCLES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Find idle asset candidates")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Scans one or more layers (OSM extracts, cadastre, the bureau's own) for features that look like idle or "
            "shareable assets: parking, civil-defence works, idle factories and warehouses, idle land, vacant shops, "
            "markets, school playgrounds.<br>"
            "<b>Input layers</b>: any vector layers; OSM layers read by GDAL are searched in their fields and in "
            "<i>other_tags</i>.<br>"
            "<b>Rules</b>: optional CSV of candidate rules (default: the bundled resources/assets/candidate_rules.csv; "
            "columns asset_type, match, pattern, requires, excludes, why). The first matching row decides.<br>"
            "<b>Circles</b>: optional living-circle polygons; their <i>circle_id</i> (else the feature id) is "
            "listed for each candidate they intersect.<br>"
            "<b>Output</b>: one point per candidate (point on surface of polygons and lines), in the CRS of the "
            "first input layer, with <i>source_layer</i>, <i>source_fid</i>, <i>asset_type</i>, <i>why</i> "
            "(the tag, attribute or keyword that matched, e.g. amenity=parking), <i>area_m2</i> (ellipsoidal "
            "area of polygons, m²; empty otherwise), <i>name</i>, <i>circle_ids</i> (comma-separated) and "
            "<i>source_attrs</i> (the source feature's own attributes as JSON, since the layers' fields differ)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, self.tr("Input layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(self.RULES, self.tr("Candidate rules (CSV)"), extension="csv", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES,
                self.tr("Living circles"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Idle asset candidates"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        layers = [layer for layer in self.parameterAsLayerList(parameters, self.INPUT, context) if layer is not None]
        layers = [layer for layer in layers if isinstance(layer, QgsVectorLayer)]
        if not layers:
            raise QgsProcessingException(self.tr("Choose at least one vector layer to scan."))
        rules_path = self.parameterAsFile(parameters, self.RULES, context)
        try:
            rules = load_rules(rules_path or None)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        crs = layers[0].crs()
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(new_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        circles = self._circles(parameters, context, crs)

        total = max(sum(layer.featureCount() for layer in layers), 1)
        done = 0
        found = 0
        unplaced = []
        for layer in layers:
            transform = QgsCoordinateTransform(layer.crs(), crs, context.transformContext())
            area = QgsDistanceArea()
            area.setSourceCrs(layer.crs(), context.transformContext())
            if not area.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7030"):
                raise QgsProcessingException(
                    self.tr("The ellipsoid of “{layer}” is unknown, so areas cannot be measured.").format(
                        layer=layer.name()
                    )
                )
            names = layer.fields().names()
            for feature in layer.getFeatures():
                if feedback.isCanceled():
                    return {self.OUTPUT: dest_id}
                done += 1
                feedback.setProgress(100.0 * done / total)
                match = match_feature(rules, names, feature.attributes())
                geometry = feature.geometry()
                if match is None:
                    continue
                if geometry.isNull() or geometry.isEmpty():
                    unplaced.append(f"{layer.name()} #{feature.id()}")
                    continue
                polygon = geometry.type() == POLYGON_GEOMETRY
                point = QgsGeometry(geometry).pointOnSurface()
                outline = QgsGeometry(geometry)
                message = self.tr("Feature {fid} of “{layer}” cannot be placed in the output CRS.").format(
                    fid=feature.id(), layer=layer.name()
                )
                try:
                    results = {point.transform(transform), outline.transform(transform)}
                except QgsCsException as error:
                    raise QgsProcessingException(message) from error
                if results != {Qgis.GeometryOperationResult.Success}:
                    raise QgsProcessingException(message)
                attributes = {name: _json_value(value) for name, value in zip(names, feature.attributes())}
                out = QgsFeature(fields)
                out.setGeometry(point)
                out.setAttributes(
                    [
                        layer.name(),
                        feature.id(),
                        match.asset_type,
                        match.why,
                        area.measureArea(geometry) if polygon else None,
                        attributes.get("name"),
                        ",".join(self._circle_ids(circles, outline)),
                        json.dumps(attributes, ensure_ascii=False),
                    ]
                )
                if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
                found += 1
        if unplaced:
            feedback.pushWarning(
                self.tr("{count} matching features have no geometry and are not candidates: {ids}").format(
                    count=len(unplaced), ids=named_ids(unplaced)
                )
            )
        feedback.pushInfo(self.tr("{count} candidates found.").format(count=found))
        return {self.OUTPUT: dest_id}

    def _circles(
        self, parameters: dict[str, Any], context: QgsProcessingContext, crs: QgsCoordinateReferenceSystem
    ) -> tuple[QgsSpatialIndex, dict[int, tuple[str, QgsGeometry]]]:
        source = self.parameterAsSource(parameters, self.CIRCLES, context)
        index = QgsSpatialIndex()
        circles: dict[int, tuple[str, QgsGeometry]] = {}
        if source is None:
            return index, circles
        id_field = source.fields().lookupField("circle_id")
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        for feature in source.getFeatures(request):
            if feature.geometry().isNull():
                continue
            circle_id = str(feature[id_field]) if id_field >= 0 and feature[id_field] is not None else str(feature.id())
            circles[feature.id()] = (circle_id, feature.geometry())
            if not index.addFeature(feature):
                raise QgsProcessingException(self.tr("The living circles could not be indexed."))
        return index, circles

    @staticmethod
    def _circle_ids(
        circles: tuple[QgsSpatialIndex, dict[int, tuple[str, QgsGeometry]]], geometry: QgsGeometry
    ) -> list[str]:
        index, shapes = circles
        hits = [shapes[fid] for fid in index.intersects(geometry.boundingBox())]
        return sorted({circle_id for circle_id, shape in hits if shape.intersects(geometry)})
