"""fifteenmin:importpoiapi — POIs from a Chinese map web service (Amap, Tencent, Baidu, Tianditu), in WGS84."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.poi_api.base import (
    PoiApiError,
    PoiQuery,
)
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.facilities.poi_api.providers import PROVIDERS, make_provider
from fifteen_min_plugin.core.facilities.poi_import import OUTPUT_FIELDS, fetch_pois, poi_rows, report_run, source_system
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm, advanced

#: the PROVIDER options, in PROVIDERS order (Amap first: option 0 is the default of existing calls)
PROVIDER_LABELS = ("Amap (高德)", "Tencent (腾讯)", "Baidu (百度)", "Tianditu (天地图)")
PROVIDER_NAMES = tuple(PROVIDERS)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


class ImportPoiApiAlgorithm(FifteenMinAlgorithm):
    """Searches an area with a POI web service page by page and writes the POIs as WGS84 points."""

    ID = "importpoiapi"
    GROUP_ID = "import"
    REQUIRES = ("numpy",)
    PROVIDER = "PROVIDER"
    AUTHCFG = "AUTHCFG"
    EXTENT = "EXTENT"
    AREA = "AREA"
    KEYWORDS = "KEYWORDS"
    TYPES = "TYPES"
    STATE_FILE = "STATE_FILE"
    MAX_REQUESTS = "MAX_REQUESTS"
    QPS = "QPS"
    BASE_URL = "BASE_URL"
    OUTPUT = "OUTPUT"
    COMPLETE = "COMPLETE"
    REQUESTS = "REQUESTS"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Import POIs from a web map service (Amap, Tencent, Baidu, Tianditu)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Downloads points of interest inside an area from a Chinese web map service's place search and "
            "writes them as WGS84 points. The area is searched in rectangular cells; a cell whose result count "
            "reaches the service's cap (Amap 900, Tencent 200, Baidu 150, Tianditu 300) is split in four until "
            "every POI can be paged.<br>"
            "<b>Service</b>: Amap (高德 Web服务 place/polygon, GCJ-02), Tencent (腾讯位置服务 place search, "
            "GCJ-02), Baidu (百度地图 Place API, BD-09) or Tianditu (天地图 search API, CGCS2000 without offset).<br>"
            "<b>Key</b>: an authentication configuration holding the service's key (Amap and Tencent <i>key</i>, "
            "Baidu <i>ak</i>, Tianditu <i>tk</i>): method “API Header” with one header whose value is the key, or "
            "“Basic” with the key as password. The key stays encrypted in the QGIS authentication database; it is "
            "never written to the project, the output, the log or the resume file.<br>"
            "<b>Extent</b> or <b>Area</b>: where to search; with an area layer only POIs inside its polygons "
            "are kept.<br>"
            "<b>Keywords</b> and/or <b>Types</b>: what to search, several separated by |, e.g. 便利店|超市. At "
            "least one is required. What Types means depends on the service: Amap 6-digit type codes such as "
            "060200|090601; Tencent category words such as 便利店 (sent as its category filter); Baidu tags such "
            "as 超市 (the tag preference; without keywords the first tag is the query); Tianditu class names or "
            "codes (its data types).<br>"
            "<b>Resume file</b>: a JSON file recording progress after every page (never the key). If a run "
            "stops (maximum requests reached, daily quota used up, cancelled, network down), run again with "
            "the same file, service and search: it continues where it stopped without repeating a request, and "
            "its output holds every POI of both runs.<br>"
            "<b>Maximum requests</b>: a guard on the key's daily quota; the run stops after this many requests "
            "(0: no limit).<br>"
            "<b>Requests per second</b> (advanced): stay below the key's QPS limit; too-frequent and server-busy "
            "answers are retried with growing waits.<br>"
            "<b>Base URL</b> (advanced): the service address; empty for the service's own (https://restapi.amap.com, "
            "https://apis.map.qq.com, https://api.map.baidu.com, https://api.tianditu.gov.cn).<br>"
            "<b>Output</b>: points in EPSG:4326 with <i>source</i> (amap, tencent, baidu or tianditu), "
            "<i>source_id</i> (the service's POI id), <i>name</i>, <i>type</i> (the service's class text), "
            "<i>typecode</i> (Amap type code), <i>address</i>, <i>province</i>, <i>city</i>, <i>district</i>, "
            "<i>src_lon</i>/<i>src_lat</i> (the position as served), <i>coord_src</i> (GCJ-02, BD-09 or CGCS2000), "
            "<i>coord_conv</i> (e.g. GCJ-02→WGS84 (exact inverse)) and the facility category from the service's "
            "class and the name: <i>category</i>, <i>category_class</i>, <i>category_zh</i>, <i>matched_by</i> "
            "(empty when no rule matches; an ambiguous class stays unclassified). <b>Complete</b> tells whether "
            "the whole area was searched; <b>Requests</b> counts the requests of this run."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterEnum(self.PROVIDER, self.tr("Service"), options=list(PROVIDER_LABELS), defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG, self.tr("Key (authentication configuration)"), defaultValue=ApiKeys.remembered("amap")
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA, self.tr("Area"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.KEYWORDS, self.tr("Keywords"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.TYPES, self.tr("Types (type codes)"), optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.STATE_FILE,
                self.tr("Resume file"),
                self.tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_REQUESTS,
                self.tr("Maximum requests (0: no limit)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=1000,
                minValue=0,
            )
        )
        extra = [
            QgsProcessingParameterNumber(
                self.QPS,
                self.tr("Requests per second"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=3.0,
                minValue=0.01,
            ),
            QgsProcessingParameterString(self.BASE_URL, self.tr("Base URL"), defaultValue="", optional=True),
        ]
        for parameter in advanced(*extra):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("POIs"), QgsProcessing.SourceType.TypeVectorPoint)
        )
        self.addOutput(QgsProcessingOutputBoolean(self.COMPLETE, self.tr("Complete")))
        self.addOutput(QgsProcessingOutputNumber(self.REQUESTS, self.tr("Requests")))

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        has_area = parameters.get(self.AREA) not in (None, "")
        has_extent = parameters.get(self.EXTENT) not in (None, "")
        if not has_area and not has_extent:
            return False, self.tr("Give an extent or an area layer to search in.")
        if not (
            self.parameterAsString(parameters, self.KEYWORDS, context).strip()
            or self.parameterAsString(parameters, self.TYPES, context).strip()
        ):
            return False, self.tr("Give keywords or type codes to search for.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        area = self._area(parameters, context)
        query = PoiQuery(
            self.parameterAsString(parameters, self.KEYWORDS, context).strip(),
            self.parameterAsString(parameters, self.TYPES, context).strip(),
        )
        provider = make_provider(
            PROVIDER_NAMES[self.parameterAsEnum(parameters, self.PROVIDER, context)],
            self.parameterAsString(parameters, self.BASE_URL, context).strip(),
        )
        state_path = self.parameterAsFileOutput(parameters, self.STATE_FILE, context)
        try:
            result = fetch_pois(
                provider,
                query,
                area,
                self.parameterAsString(parameters, self.AUTHCFG, context),
                state_path,
                self.parameterAsDouble(parameters, self.QPS, context),
                self.parameterAsInt(parameters, self.MAX_REQUESTS, context),
                feedback,
            )
        except PoiApiError as error:
            resume = self.tr(" Progress is saved; run again with the same resume file to continue.")
            raise self.refuse(error, feedback, resume.strip() if state_path else "") from None
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from None
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(new_field(name, kind))
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, WGS84)
        geometries, rows = poi_rows(result, provider)
        self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback)
        report_run(result, feedback)
        del sink
        layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
        if layer is not None:
            metadata = layer.metadata()
            metadata.addHistoryItem(
                self.tr("Imported from the {service} place search; coordinates converted {conversion}.").format(
                    service=PROVIDER_LABELS[PROVIDER_NAMES.index(provider.name)], conversion=source_system(provider)[1]
                )
            )
            layer.setMetadata(metadata)
        return {self.OUTPUT: dest_id, self.COMPLETE: result.complete, self.REQUESTS: result.requests}

    def _area(self, parameters: dict[str, Any], context: QgsProcessingContext) -> QgsGeometry:
        """The search area as one WGS84 polygon geometry."""
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is None:
            area = self.parameterAsExtentGeometry(parameters, self.EXTENT, context, WGS84)
        else:
            transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
            parts = []
            for feature in source.getFeatures():
                geometry = QgsGeometry(feature.geometry())
                if geometry.isEmpty():
                    continue
                if geometry.transform(transform) != Qgis.GeometryOperationResult.Success:
                    raise QgsProcessingException(self.tr("The area cannot be transformed to WGS84."))
                parts.append(geometry)
            area = QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
        if area.isNull() or area.isEmpty():
            raise QgsProcessingException(self.tr("The search area is empty."))
        return area
