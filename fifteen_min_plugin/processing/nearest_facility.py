"""fifteenmin:nearestfacility — walking minutes and straight-line metres from every origin to every category."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY, new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm
from fifteen_min_plugin.processing.parameter_checks import MAX_SPEED_KMH, MAX_WALK_MINUTES
from fifteen_min_plugin.processing.walking_graph import (
    exclusion_parameters,
    roads_help,
    topology_parameter,
    walking_graph,
)

#: ids listed in the log for origins or facilities beyond the snapping tolerance
MAX_LISTED_IDS = 200
#: features handed to the sink at once
WRITE_BATCH = 1000


class NearestFacilityAlgorithm(FifteenMinAlgorithm):
    """Walking minutes to the nearest facility of every category, plus the straight-line distance."""

    ID = "nearestfacility"
    GROUP_ID = "analysis"
    REQUIRES = ("numpy", "scipy", "shapely")
    ROADS = "ROADS"
    ORIGINS = "ORIGINS"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SPEED_KMH = "SPEED_KMH"
    MAX_MINUTES = "MAX_MINUTES"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Walking time to the nearest facility")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "For every origin, the walking time along the streets to the nearest facility of every category, and "
                "the straight-line distance, so you see where straight buffers overstate coverage (rivers, railways, "
                "walls).<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Origins</b>: community points or polygons, or residential buildings (a point inside each polygon "
                "is used).<br>"
                "<b>Facilities</b>: points whose category field holds codes of the categories table (run Classify "
                "facilities first); other values are listed in the log and ignored.<br>"
                "<b>Category field</b>: default <i>category</i>.<br>"
                "<b>Walking speed</b>: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).<br>"
                "<b>Maximum minutes</b>: the search stops here (default 15); farther facilities count as none.<br>"
                "<b>Snapping tolerance</b>: origins and facilities join the nearest street within this many metres "
                "(default 100) and the straight walk to it counts toward the time; those farther away are listed in "
                "the log by feature id (such facilities still count for the straight-line distance).<br>"
                "<b>Output</b>: the origins with their own fields plus, for every category code of the table, "
                "<i>min_&lt;code&gt;</i> (walking minutes to the nearest facility, NULL when none is within the "
                "maximum minutes or the origin is off the network) and <i>euc_&lt;code&gt;</i> (straight-line metres "
                "to the nearest facility, NULL when the category has none), and <i>snap_m</i> (metres from the origin "
                "to the street it joins, NULL when beyond the snapping tolerance)."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ROADS, self.tr("Roads"), [QgsProcessing.SourceType.TypeVectorLine])
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ORIGINS,
                self.tr("Origins (communities or buildings)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, self.tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                self.tr("Category field"),
                defaultValue="category",
                parentLayerParameterName=self.FACILITIES,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPEED_KMH,
                self.tr("Walking speed (km/h)"),
                QgsProcessingParameterNumber.Type.Double,
                4.0,
                maxValue=MAX_SPEED_KMH,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_MINUTES,
                self.tr("Maximum minutes"),
                QgsProcessingParameterNumber.Type.Double,
                15.0,
                maxValue=MAX_WALK_MINUTES,
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
        self.addParameter(topology_parameter(self.TOPOLOGY_TOLERANCE_M))
        for parameter in exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Nearest facility"), QgsProcessing.SourceType.TypeVectorAnyGeometry
            )
        )

    def _points(
        self,
        source: QgsFeatureSource,
        crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        feedback: QgsProcessingFeedback,
        field_index: int = -1,
    ) -> tuple[list[QgsFeature], list[tuple[float, float] | None], list[Any]]:
        """Every feature, its point in `crs` (None without geometry) and, if asked, one attribute."""
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context)
        wkb_type = source.wkbType()
        points_only = QgsWkbTypes.geometryType(wkb_type) == POINT_GEOMETRY and not QgsWkbTypes.isMultiType(wkb_type)
        features, points, values = [], [], []
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            features.append(feature)
            values.append(feature.attribute(field_index) if field_index >= 0 else None)
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                points.append(None)
                continue
            if not points_only or geometry.isMultipart():
                geometry = geometry.pointOnSurface()
                if geometry.isEmpty():
                    points.append(None)
                    continue
            try:
                point = transform.transform(geometry.asPoint())
            except QgsCsException as error:
                raise QgsProcessingException(
                    self.tr("Feature {fid} could not be transformed to {crs}. Nothing was written.").format(
                        fid=feature.id(), crs=crs.authid()
                    )
                ) from error
            points.append((point.x(), point.y()))
        return features, points, values

    def _listed(self, ids: list[int]) -> str:
        text = ", ".join(str(fid) for fid in ids[:MAX_LISTED_IDS])
        if len(ids) <= MAX_LISTED_IDS:
            return text
        return self.tr("{ids} and {count} more").format(ids=text, count=len(ids) - MAX_LISTED_IDS)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        import numpy as np  # the scientific stack is imported here: canExecute() has checked it

        from fifteen_min_plugin.core.network.isochrone import Snap, snap_origins
        from fifteen_min_plugin.core.network.nearest import NearestSearch, euclidean_distances

        nothing = self.tr("Nothing was written.")
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        if roads is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ROADS))
        origins = self.parameterAsSource(parameters, self.ORIGINS, context)
        if origins is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ORIGINS))
        facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
        if facilities is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FACILITIES))
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category"
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        if not speed > 0:
            raise QgsProcessingException(self.tr("The walking speed must be greater than 0 km/h.") + " " + nothing)
        max_minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
        if not max_minutes > 0:
            raise QgsProcessingException(self.tr("The maximum minutes must be greater than 0.") + " " + nothing)
        tolerance = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context)
        exclude_field = self.parameterAsString(parameters, self.EXCLUDE_FIELD, context)
        exclude_values = self.parameterAsString(parameters, self.EXCLUDE_VALUES, context)
        metres_per_minute = speed * 1000.0 / 60.0
        limit = max_minutes * metres_per_minute
        category_index = facilities.fields().lookupField(category_field)
        if category_index < 0:
            raise QgsProcessingException(
                self.tr(
                    "The facilities layer has no field named “{field}”. Run Classify facilities first, or choose "
                    "the field holding the category codes."
                ).format(field=category_field)
                + " "
                + nothing
            )
        try:
            categories = load_categories()
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        codes = [category.code for category in categories]

        carried = CarriedFields(origins.fields())
        fields = QgsFields(carried.fields)
        added = [(f"min_{code}", "double") for code in codes] + [(f"euc_{code}", "double") for code in codes]
        added.append(("snap_m", "double"))
        for name, kind in added:
            if fields.lookupField(name) >= 0:
                raise QgsProcessingException(
                    self.tr("The origins layer already has a field named {name}; rename it first.").format(name=name)
                    + " "
                    + nothing
                )
            fields.append(new_field(name, kind))

        topology = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
        walkable = walking_graph(roads, exclude_field, exclude_values, context, feedback, nothing, topology)
        if walkable is None:
            return {}
        graph, crs = walkable.graph, walkable.crs
        transform_context = context.transformContext()
        feedback.setProgress(10.0)

        origin_features, origin_points, _ = self._points(origins, crs, transform_context, feedback)
        facility_features, facility_points, values = self._points(
            facilities, crs, transform_context, feedback, category_index
        )
        if feedback.isCanceled():
            return {}
        if not origin_features:
            raise QgsProcessingException(self.tr("The origins layer has no features.") + " " + nothing)
        unplaced = [feature.id() for feature, point in zip(origin_features, origin_points) if point is None]
        if unplaced:
            feedback.pushWarning(
                self.tr("{count} origins have no geometry and get no row (feature ids): {ids}").format(
                    count=len(unplaced), ids=self._listed(unplaced)
                )
            )
        if len(unplaced) == len(origin_features):
            raise QgsProcessingException(self.tr("No origin has a geometry.") + " " + nothing)
        unplaced_facilities = [
            feature.id() for feature, point in zip(facility_features, facility_points) if point is None
        ]
        if unplaced_facilities:
            feedback.pushWarning(
                self.tr("{count} facilities have no geometry and are not reached (feature ids): {ids}").format(
                    count=len(unplaced_facilities), ids=self._listed(unplaced_facilities)
                )
            )
        if not facility_features:
            raise QgsProcessingException(
                self.tr("The facilities layer has no features, so there is nothing to walk to.") + " " + nothing
            )
        facility_code = np.array(
            ["" if value is None or value == NULL else str(value).strip().lower() for value in values], dtype=str
        )
        position = {code: i for i, code in enumerate(codes)}
        facility_category = np.array([position.get(code, -1) for code in facility_code], dtype=np.int64)
        located = np.array([point is not None for point in facility_points], dtype=bool)
        known = (facility_category >= 0) & located
        unknown, counts = np.unique(facility_code[facility_category < 0], return_counts=True)
        found = ", ".join(
            f"“{code}” ({count})" if code else self.tr("empty ({count})").format(count=count)
            for code, count in zip(unknown[:20], counts[:20])
        )
        if not known.any():
            raise QgsProcessingException(
                self.tr(
                    "None of the {count} facilities has a point and a category code of the categories table in the "
                    "field “{field}” (found: {found}). Run Classify facilities first, or choose the right field."
                ).format(count=len(facility_features), field=category_field, found=found)
                + " "
                + nothing
            )
        if len(unknown):
            feedback.pushWarning(
                self.tr("{count} facilities have no known category code and were ignored: {found}.").format(
                    count=int(counts.sum()), found=found
                )
            )

        def as_array(points: list[tuple[float, float] | None]) -> np.ndarray:
            return np.array([point if point is not None else (np.nan, np.nan) for point in points]).reshape(-1, 2)

        origin_xy, facility_xy = as_array(origin_points), as_array(facility_points)
        origin_located = np.isfinite(origin_xy).all(axis=1)
        # one spatial index for origins and facilities together
        usable = np.concatenate([origin_located, known])
        snap = snap_origins(graph, np.where(usable[:, None], np.vstack([origin_xy, facility_xy]), 0.0), tolerance)
        snap.edge[~usable] = -1
        count = len(origin_xy)
        origin_snap = Snap(snap.edge[:count], snap.offset[:count], snap.distance[:count], snap.point[:count])
        facility_snap = Snap(snap.edge[count:], snap.offset[count:], snap.distance[count:], snap.point[count:])
        far_origins = [origin_features[i].id() for i in np.flatnonzero(origin_located & ~origin_snap.snapped)]
        if far_origins:
            feedback.pushWarning(
                self.tr(
                    "{count} origins are farther than {tolerance} m from any road and get no walking time "
                    "(feature ids): {ids}"
                ).format(count=len(far_origins), tolerance=tolerance, ids=self._listed(far_origins))
            )
        far_facilities = [facility_features[i].id() for i in np.flatnonzero(known & ~facility_snap.snapped)]
        if far_facilities:
            feedback.pushWarning(
                self.tr(
                    "{count} facilities are farther than {tolerance} m from any road and are not reached on foot "
                    "(feature ids): {ids}"
                ).format(count=len(far_facilities), tolerance=tolerance, ids=self._listed(far_facilities))
            )
        if not origin_snap.snapped.any():
            raise QgsProcessingException(
                self.tr("No origin lies within {tolerance} m of a road: nothing to compute.").format(
                    tolerance=tolerance
                )
                + " "
                + nothing
            )
        feedback.setProgress(20.0)

        feedback.setProgressText(
            self.tr("Searching the nearest facility of {count} categories…").format(count=len(codes))
        )
        search = NearestSearch(graph, origin_snap)
        walk = np.full((len(origin_features), len(codes)), np.inf)
        straight = np.full((len(origin_features), len(codes)), np.inf)
        for column in range(len(codes)):
            if feedback.isCanceled():
                return {}
            members = np.flatnonzero(known & (facility_category == column))
            if len(members):
                walk[:, column] = search.distances(facility_snap, members, limit)
                straight[origin_located, column] = euclidean_distances(origin_xy[origin_located], facility_xy[members])
            feedback.setProgress(20.0 + 60.0 * (column + 1) / len(codes))

        snap_m = np.where(origin_snap.snapped, origin_snap.distance, np.inf)
        table = np.hstack([walk / metres_per_minute, straight, snap_m[:, None]])
        added_values = table.astype(object)
        added_values[~np.isfinite(table)] = None
        added_rows = added_values.tolist()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, origins.wkbType(), origins.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feedback.setProgressText(self.tr("Writing {count} origins…").format(count=len(origin_features)))
        batch: list[QgsFeature] = []
        last = int(np.flatnonzero(origin_located)[-1])
        for row, feature in enumerate(origin_features):
            if not origin_located[row]:
                continue  # no geometry: named above; an all-NULL row would read as "nothing within reach"
            output = QgsFeature(fields)
            output.setGeometry(feature.geometry())
            output.setAttributes(carried.values(feature) + added_rows[row])
            batch.append(output)
            if len(batch) == WRITE_BATCH or row == last:
                if feedback.isCanceled():
                    break
                if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
                batch = []
                feedback.setProgress(80.0 + 20.0 * (row + 1) / len(origin_features))
        feedback.setProgress(100.0)
        return {self.OUTPUT: dest_id}
