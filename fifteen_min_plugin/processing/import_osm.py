"""fifteenmin:importosm — OpenStreetMap POIs from a local .osm/.pbf file or the Overpass API, classified."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY, new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.classify import CATEGORY_FIELDS, ClassificationLog, Classifier
from fifteen_min_plugin.core.facilities.osm_reader import POI_FIELDS, OsmReader, build_query, format_other_tags
from fifteen_min_plugin.core.facilities.overpass import DEFAULT_URL, OverpassClient, qgis_proxies
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm, advanced

WGS84 = "EPSG:4326"


def default_cache_dir() -> Path:
    """Where Overpass answers are kept when no cache folder is given (inside the QGIS profile)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "fifteen_min_plugin" / "overpass_cache"


class ImportOsmAlgorithm(FifteenMinAlgorithm):
    """Reads OSM POIs (points and polygons as points on surface) and classifies them."""

    ID = "importosm"
    GROUP_ID = "import"
    REQUIRES = ("requests",)
    INPUT = "INPUT"
    EXTENT = "EXTENT"
    CIRCLES = "CIRCLES"
    OVERPASS_URL = "OVERPASS_URL"
    TIMEOUT = "TIMEOUT"
    CACHE_DIR = "CACHE_DIR"
    RULES = "RULES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Import OpenStreetMap facilities")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Imports OpenStreetMap points of interest — tagged nodes, and areas (closed ways, multipolygon "
            "relations) reduced to a point on their surface — and classifies them into facility categories.<br>"
            "<b>OSM file</b>: a local .osm or .pbf file, read with GDAL's OSM driver. Give either this or an "
            "area for the Overpass API, not both.<br>"
            "<b>Extent</b>: download the POIs of this extent from the Overpass API.<br>"
            "<b>Circles</b> (optional, instead of the extent): download the POIs inside these polygons (each "
            "part's convex hull is sent).<br>"
            "<b>Overpass API URL</b>, <b>Timeout</b>: the server and how long to wait for each answer. Busy "
            "(HTTP 429) and failing (5xx) answers are retried up to 3 times with growing waits, honouring the "
            "server's Retry-After. HTTP goes through the proxy set in Settings ▸ Options ▸ Network.<br>"
            "<b>Cache folder</b> (optional): answers are stored here, keyed by the query, so running the same "
            "import again downloads nothing. Default: a folder in the QGIS profile. Delete its files to force a "
            "fresh download.<br>"
            "<b>Extra rules file</b> (optional): more classification rules, as for Classify facilities.<br>"
            "A POI is an element with an amenity, shop, leisure, healthcare, office, tourism or craft tag, or a "
            "tag a classification rule uses (e.g. highway=bus_stop).<br>"
            "<b>Output</b>: points in EPSG:4326 with <i>osm_id</i>, <i>osm_type</i> (node, way or relation), "
            "<i>name</i>, <i>amenity</i>, <i>shop</i>, <i>leisure</i>, <i>healthcare</i>, <i>office</i>, "
            "<i>tourism</i>, <i>craft</i>, <i>building</i>, <i>other_tags</i> (all other tags, in GDAL's "
            '"key"=>"value" form), <i>footprint_m2</i> (ellipsoidal area of an area POI, empty for nodes), '
            "and the classification fields <i>category</i>, <i>category_class</i>, <i>category_zh</i>, "
            "<i>matched_by</i>.<br>"
            "Data © OpenStreetMap contributors, ODbL 1.0: derived layers must carry this attribution."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, self.tr("OSM file (.osm or .pbf)"), fileFilter="OSM (*.osm *.pbf)", optional=True
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent (Overpass)"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES,
                self.tr("Circles (Overpass, instead of the extent)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        extra = [
            QgsProcessingParameterString(self.OVERPASS_URL, self.tr("Overpass API URL"), defaultValue=DEFAULT_URL),
            QgsProcessingParameterNumber(
                self.TIMEOUT,
                self.tr("Timeout (seconds)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=180.0,
                minValue=0.1,
            ),
            QgsProcessingParameterFile(
                self.CACHE_DIR,
                self.tr("Cache folder"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                optional=True,
            ),
            QgsProcessingParameterFile(self.RULES, self.tr("Extra rules file"), extension="csv", optional=True),
        ]
        for parameter in advanced(*extra):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("OSM facilities"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        has_file = bool(self.parameterAsFile(parameters, self.INPUT, context))
        has_area = parameters.get(self.EXTENT) not in (None, "") or parameters.get(self.CIRCLES) not in (None, "")
        if has_file == has_area:
            return False, self.tr(
                "Give either an OSM file, or an extent or circles to download from the Overpass API (not both)."
            )
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        rules_file = self.parameterAsFile(parameters, self.RULES, context)
        try:
            classifier = Classifier.default(rule_files=[rules_file] if rules_file else [])
            reader = OsmReader(classifier, context.transformContext())
            path = self.parameterAsFile(parameters, self.INPUT, context)
            if path:
                feedback.pushInfo(self.tr("Reading {path} with GDAL's OSM driver…").format(path=path))
                pois = list(reader.read_file(path, feedback.isCanceled))
            else:
                data = self._download(parameters, context, feedback, classifier)
                pois = list(reader.read_overpass(data, feedback.isCanceled))
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50.0)

        fields = QgsFields()
        fields.append(new_field("osm_id", "int64"))
        for name in ("osm_type", "name", *POI_FIELDS, "other_tags"):
            fields.append(new_field(name, "text"))
        fields.append(new_field("footprint_m2", "double"))
        for name in CATEGORY_FIELDS:
            fields.append(new_field(name, "text"))
        wkb_type, crs = QgsWkbTypes.Type.Point, QgsCoordinateReferenceSystem(WGS84)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, wkb_type, crs)

        counts: Counter = Counter()
        kept_keys = {"name", *POI_FIELDS}
        for number, poi in enumerate(pois):
            if feedback.isCanceled():
                break
            values = classifier.attributes(poi.tags)
            counts[values[0]] += 1
            other = {key: value for key, value in poi.tags.items() if key not in kept_keys}
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(poi.point))
            feature.setAttributes(
                [poi.osm_id, poi.osm_type, poi.tags.get("name")]
                + [poi.tags.get(key) for key in POI_FIELDS]
                + [format_other_tags(other) or None, poi.footprint_m2, *values]
            )
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(50.0 + 50.0 * (number + 1) / max(len(pois), 1))
        ClassificationLog.push(feedback, classifier, counts, sum(counts.values()))
        feedback.pushInfo(self.tr("Data © OpenStreetMap contributors, ODbL 1.0."))
        return {self.OUTPUT: dest_id}

    def _download(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        classifier: Classifier,
    ) -> dict[str, Any]:
        """The Overpass answer for the extent or circles, from the cache when the same query ran before."""
        timeout = self.parameterAsDouble(parameters, self.TIMEOUT, context)
        wgs84 = QgsCoordinateReferenceSystem(WGS84)
        circles = self.parameterAsSource(parameters, self.CIRCLES, context)
        if circles is not None and QgsWkbTypes.geometryType(circles.wkbType()) != POLYGON_GEOMETRY:
            raise FifteenMinError(
                self.tr("The circles layer holds no polygons; choose a layer of circle boundaries, or give an extent.")
            )
        if circles is not None:
            to_wgs84 = QgsCoordinateTransform(circles.sourceCrs(), wgs84, context.transformContext())
            geometries = []
            for feature in circles.getFeatures():
                geometry = QgsGeometry(feature.geometry())
                if not geometry.isEmpty() and geometry.transform(to_wgs84) == 0:
                    geometries.append(geometry)
            rings = []
            for part in QgsGeometry.unaryUnion(geometries).asGeometryCollection() if geometries else []:
                hull = part.convexHull().asPolygon()
                if hull:
                    rings.append([(point.x(), point.y()) for point in hull[0][:-1]])
            if not rings:
                raise FifteenMinError(self.tr("The circles layer has no polygon to download POIs for."))
            query = build_query(classifier, polygons=rings, timeout_s=int(max(timeout, 25)))
        else:
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if extent.isEmpty():
                raise FifteenMinError(self.tr("The extent is empty; draw or choose an area to download."))
            bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
            query = build_query(classifier, bbox=bbox, timeout_s=int(max(timeout, 25)))
        url = self.parameterAsString(parameters, self.OVERPASS_URL, context) or DEFAULT_URL
        cache_dir = self.parameterAsFile(parameters, self.CACHE_DIR, context) or default_cache_dir()
        client = OverpassClient(
            url, cache_dir, timeout_s=timeout, proxies=qgis_proxies(url), is_canceled=feedback.isCanceled
        )
        data = client.fetch(query)
        if client.requests_sent:
            feedback.pushInfo(
                self.tr("Downloaded {count} elements from {url}.").format(count=len(data["elements"]), url=url)
            )
        else:
            feedback.pushInfo(
                self.tr("Used the cached answer in {folder}; nothing was downloaded.").format(folder=cache_dir)
            )
        return data
