"""fifteenmin:idlecandidates — features of any layers that look like idle or shareable assets."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.assets.candidate_scan import OUTPUT_FIELDS, scan_candidates
from fifteen_min_plugin.core.assets.candidates import load_rules
from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm


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
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(new_field(name, kind))
        wkb_type, crs = QgsWkbTypes.Type.Point, layers[0].crs()
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, wkb_type, crs)
        circles = self.parameterAsSource(parameters, self.CIRCLES, context)
        try:
            for candidate in scan_candidates(layers, rules, circles, context.transformContext(), feedback):
                self.write_rows(sink, parameters, self.OUTPUT, fields, [candidate.point], [candidate.row], feedback)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        return {self.OUTPUT: dest_id}
