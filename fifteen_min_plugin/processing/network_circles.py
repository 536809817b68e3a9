"""fifteenmin:networkcircles — exact walking isochrone polygons on the road network."""

from __future__ import annotations

import math
import os
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.network import METHOD, WALK_OFF_M
from fifteen_min_plugin.core.values import parse_numbers
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, named_ids
from fifteen_min_plugin.processing.parameter_checks import MAX_SPEED_KMH, MAX_WALK_MINUTES
from fifteen_min_plugin.processing.walking_graph import (
    exclusion_parameters,
    roads_help,
    topology_parameter,
    walking_graph,
)


class NetworkCirclesAlgorithm(FifteenMinAlgorithm):
    """Walking isochrones: reachable streets cut exactly at the time limit, buffered by a walk-off distance."""

    ID = "networkcircles"
    GROUP_ID = "circles"
    REQUIRES = ("numpy", "scipy", "shapely")
    ROADS = "ROADS"
    ORIGINS = "ORIGINS"
    ORIGIN_ID_FIELD = "ORIGIN_ID_FIELD"
    MINUTES = "MINUTES"
    SPEED_KMH = "SPEED_KMH"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    WALK_OFF_M = "WALK_OFF_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Walking network circles (isochrones)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "Computes, for every origin, the area a pedestrian reaches along the streets within each time "
                "level.<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Origins</b>: community points or polygons (a point inside each polygon is used).<br>"
                "<b>Origin id field</b>: optional; the feature id is used when empty.<br>"
                "<b>Minutes</b>: time levels, default 5,10,15.<br>"
                "<b>Walking speed</b>: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).<br>"
                "<b>Snapping tolerance</b>: an origin farther than this from every road is listed in the log and gets "
                "no polygon; the straight walk to the road counts toward the time.<br>"
                "<b>Walk-off distance</b>: the reachable streets are buffered by this many metres (default 25).<br>"
                "<b>Output</b>: one polygon per origin and level in the origins' CRS, nested, with the origin's own "
                "fields plus <i>origin_id</i>, <i>minutes</i>, <i>reach_m</i> (walking distance of the level), "
                "<i>area_m2</i>, <i>street_m</i> (reachable street length, edges cut exactly where time runs out) "
                "and <i>method</i>."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ROADS, self.tr("Roads"), [QgsProcessing.SourceType.TypeVectorLine])
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ORIGINS,
                self.tr("Origins (communities)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ORIGIN_ID_FIELD, self.tr("Origin id field"), parentLayerParameterName=self.ORIGINS, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.MINUTES, self.tr("Minutes"), defaultValue="5,10,15"))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPEED_KMH,
                self.tr("Walking speed (km/h)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=4.0,
                maxValue=MAX_SPEED_KMH,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE_M,
                self.tr("Snapping tolerance (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=100.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WALK_OFF_M,
                self.tr("Walk-off distance (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=WALK_OFF_M,
                minValue=0.1,
            )
        )
        self.addParameter(topology_parameter(self.TOPOLOGY_TOLERANCE_M))
        for parameter in exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Network circles"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def _minutes(self, text: str) -> list[float]:
        try:
            values = sorted(set(parse_numbers(text)))
        except ValueError:
            values = []
        if not values or values[0] <= 0 or not math.isfinite(values[-1]):
            raise QgsProcessingException(
                self.tr("Minutes must be positive numbers separated by commas, e.g. 5,10,15 (got “{text}”).").format(
                    text=text
                )
            )
        if values[-1] > MAX_WALK_MINUTES:
            raise QgsProcessingException(
                self.tr(
                    "A walk of {minutes:,.10g} minutes is beyond the {limit:,.10g} minutes this tool accepts "
                    "(GB 50180-2018's largest level is 15 minutes)."
                ).format(minutes=values[-1], limit=MAX_WALK_MINUTES)
            )
        return values

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        import numpy as np
        import shapely

        from fifteen_min_plugin.core.network.isochrone import isochrones, snap_origins

        roads = self.parameterAsSource(parameters, self.ROADS, context)
        origins = self.parameterAsSource(parameters, self.ORIGINS, context)
        if roads is None or origins is None:
            raise QgsProcessingException(self.tr("The roads or origins layer could not be read."))
        minutes = self._minutes(self.parameterAsString(parameters, self.MINUTES, context))
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        if not speed > 0:
            raise QgsProcessingException(self.tr("The walking speed must be greater than 0 km/h."))
        tolerance = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context)
        walk_off = self.parameterAsDouble(parameters, self.WALK_OFF_M, context)
        id_field = self.parameterAsString(parameters, self.ORIGIN_ID_FIELD, context)
        exclude_field = self.parameterAsString(parameters, self.EXCLUDE_FIELD, context)
        exclude_values = self.parameterAsString(parameters, self.EXCLUDE_VALUES, context)
        cutoffs = [value * speed * 1000.0 / 60.0 for value in minutes]

        topology = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
        walkable = walking_graph(roads, exclude_field, exclude_values, context, feedback, topology_tolerance=topology)
        if walkable is None:
            return {}
        graph, crs = walkable.graph, walkable.crs
        transform_context = context.transformContext()

        features, points, no_geometry = [], [], []
        to_metric = QgsCoordinateTransform(origins.sourceCrs(), crs, transform_context)
        for feature in origins.getFeatures(QgsFeatureRequest()):
            if feedback.isCanceled():
                return {}
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                no_geometry.append(str(feature[id_field]) if id_field else str(feature.id()))
                continue
            anchor = geometry if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart() else None
            anchor = QgsGeometry(anchor) if anchor is not None else geometry.pointOnSurface()
            if anchor.transform(to_metric) != Qgis.GeometryOperationResult.Success:
                raise QgsProcessingException(
                    self.tr("Origin {fid} could not be transformed to {crs}.").format(
                        fid=feature.id(), crs=crs.authid()
                    )
                )
            point = anchor.asPoint()
            features.append(feature)
            points.append((point.x(), point.y()))
        if no_geometry:
            feedback.pushWarning(
                self.tr("{count} origins have no geometry and get no polygon: {ids}").format(
                    count=len(no_geometry), ids=named_ids(no_geometry)
                )
            )
        if not features:
            raise QgsProcessingException(self.tr("The origins layer has no origin with a geometry."))
        xy = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        origin_ids = [str(f[id_field]) if id_field else str(f.id()) for f in features]
        snap = snap_origins(graph, xy, tolerance)
        missing = [origin_ids[i] for i in np.flatnonzero(~snap.snapped)]
        if missing:
            feedback.pushWarning(
                self.tr(
                    "{count} origins are farther than {tolerance} m from any road and get no polygon: {ids}"
                ).format(count=len(missing), tolerance=tolerance, ids=named_ids(missing))
            )
        if not snap.snapped.any():
            raise QgsProcessingException(
                self.tr("No origin lies within {tolerance} m of a road: nothing to compute.").format(
                    tolerance=tolerance
                )
            )

        carried = CarriedFields(origins.fields())
        fields = carried.with_outputs(
            (
                ("origin_id", "text"),
                ("minutes", "double"),
                ("reach_m", "double"),
                ("area_m2", "double"),
                ("street_m", "double"),
                ("method", "text"),
            )
        )
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, origins.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        to_output = QgsCoordinateTransform(crs, origins.sourceCrs(), transform_context)
        same_crs = crs == origins.sourceCrs()
        total = int(snap.snapped.sum())
        done = 0
        feedback.setProgressText(self.tr("Walking from {count} origins…").format(count=total))
        for batch in isochrones(graph, xy, snap, cutoffs, walk_off, workers=os.cpu_count() or 2, feedback=feedback):
            # 2 dimensions said explicitly: inside QGIS, shapely may call the GEOS that QGIS loaded, older than the
            # one it was built with, which refuses the 4-dimensional WKB shapely asks for by default
            polygons = [shapely.multipolygons(shapely.get_parts(item.polygon)) for item in batch]
            wkbs = shapely.to_wkb(polygons, output_dimension=2)
            areas = shapely.area([item.polygon for item in batch])
            for item, wkb, area in zip(batch, wkbs, areas):
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                if not same_crs and geometry.transform(to_output) != Qgis.GeometryOperationResult.Success:
                    raise QgsProcessingException(
                        self.tr("A circle could not be transformed to the origins' CRS {crs}.").format(
                            crs=origins.sourceCrs().authid()
                        )
                    )
                feature = QgsFeature(fields)
                feature.setGeometry(geometry)
                source = features[item.origin]
                feature.setAttributes(
                    [
                        *carried.values(source),
                        origin_ids[item.origin],
                        minutes[item.level],
                        cutoffs[item.level],
                        float(area),
                        item.street_m,
                        METHOD,
                    ]
                )
                if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            done += len({item.origin for item in batch})
            feedback.setProgress(100.0 * done / total)
        return {self.OUTPUT: dest_id}
