"""fifteenmin:convertcoords — move every vertex between WGS84, GCJ-02 (Amap/Tencent) and BD-09 (Baidu)."""

from __future__ import annotations

from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.chinacoords import (
    CONVERSION_FIELD,
    SOURCE_FIELD,
    SYSTEM_LABELS,
    SYSTEMS,
    conversion_label,
)
from fifteen_min_plugin.core.labels import conversion_shown
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, record_history

#: lon/lat CRSs whose coordinates the offsets apply to (CGCS2000 differs from WGS84 by centimetres)
LONLAT_AUTHIDS = ("EPSG:4326", "EPSG:4490", "OGC:CRS84")
#: features whose vertices are converted in one vectorised call
BATCH_SIZE = 2000


class ConvertCoordsAlgorithm(FifteenMinAlgorithm):
    """Converts the vertices of any vector layer from one Chinese map coordinate system to another."""

    ID = "convertcoords"
    GROUP_ID = "import"
    REQUIRES = ("numpy",)
    INPUT = "INPUT"
    FROM_SYSTEM = "FROM_SYSTEM"
    TO_SYSTEM = "TO_SYSTEM"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Convert coordinates (WGS84 / GCJ-02 / BD-09)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Moves every vertex of every feature between the coordinate systems of Chinese web maps. Amap "
            "(Gaode) and Tencent publish GCJ-02 (“Mars”) coordinates, Baidu publishes BD-09; both are "
            "offset from true WGS84 positions by roughly 500 m to 1 km in most cities, so POIs copied from "
            "them land in the wrong street until converted.<br>"
            "<b>Input layer</b>: points, lines or polygons (multi-part, holes and curves included) in "
            "longitude/latitude: EPSG:4326 (WGS84) or EPSG:4490 (CGCS2000, treated as WGS84: the two differ "
            "by centimetres). The offsets only exist in longitude/latitude, so a layer in a projected CRS "
            "is refused; reproject it to EPSG:4326 first.<br>"
            "<b>From</b>: the system the input coordinates are really in (WGS84, GCJ-02 or BD-09), whatever "
            "CRS the layer declares.<br>"
            "<b>To</b>: the system wanted; it must differ from From. Conversions towards WGS84 are exact "
            "inverses solved by iteration (within a millimetre), not the usual one-step approximation that "
            "is off by up to 5 m.<br>"
            "Points outside the public China box (longitude 72.004–137.8347, latitude 0.8293–55.8271) are "
            "left unchanged, as every GCJ-02 implementation does.<br>"
            "<b>Output</b>: the same features in EPSG:4326 with all their fields, plus <i>coord_src</i> (the "
            "From system) and <i>coord_conv</i> (the conversion applied, e.g. “GCJ-02→WGS84 (exact "
            "inverse)”). Existing fields with these names are replaced. The conversion is also written to "
            "the output layer's metadata history."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Input layer"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.FROM_SYSTEM, self.tr("From"), options=list(SYSTEM_LABELS), defaultValue=1)
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.TO_SYSTEM, self.tr("To"), options=list(SYSTEM_LABELS), defaultValue=0)
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted")))

    def checkParameterValues(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        from_index = self.parameterAsEnum(parameters, self.FROM_SYSTEM, context)
        if from_index == self.parameterAsEnum(parameters, self.TO_SYSTEM, context):
            return False, self.tr("From and To are both {system}; choose two different coordinate systems.").format(
                system=SYSTEM_LABELS[from_index]
            )
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        source = self.source(parameters, self.INPUT, context)
        crs = source.sourceCrs()
        if crs.authid() not in LONLAT_AUTHIDS:
            raise QgsProcessingException(
                self.tr(
                    "The input layer is in {crs}, but GCJ-02 and BD-09 offsets only exist in longitude/latitude. "
                    "Reproject the layer to EPSG:4326 (WGS84) first, then convert it."
                ).format(crs=crs.userFriendlyIdentifier() or self.tr("an unknown CRS"))
            )
        from_index = self.parameterAsEnum(parameters, self.FROM_SYSTEM, context)
        to_index = self.parameterAsEnum(parameters, self.TO_SYSTEM, context)
        from_system, to_system = SYSTEMS[from_index], SYSTEMS[to_index]
        label = conversion_label(from_index, to_index)

        carried = CarriedFields(source.fields(), replaces=(SOURCE_FIELD, CONVERSION_FIELD))
        fields = carried.with_outputs(((SOURCE_FIELD, "text"), (CONVERSION_FIELD, "text")))
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, source.wkbType(), wgs84)

        extra = [SYSTEM_LABELS[from_index], label]
        total = max(source.featureCount(), 1)
        batch: list[QgsFeature] = []
        done = 0
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(carried.values(feature) + extra)
            batch.append(out)
            if len(batch) == BATCH_SIZE:
                done += self._write_batch(batch, from_system, to_system, sink, parameters)
                batch = []
                feedback.setProgress(100.0 * done / total)
        if batch and not feedback.isCanceled():
            done += self._write_batch(batch, from_system, to_system, sink, parameters)
        feedback.setProgress(100.0 * done / total)
        shown = conversion_shown(from_index, to_index)
        feedback.pushInfo(self.tr("{count} features converted: {conversion}.").format(count=done, conversion=shown))

        del sink  # closes the output so its metadata can be recorded
        history = self.tr("Coordinates converted {conversion} by fifteenmin:convertcoords.").format(conversion=shown)
        record_history(dest_id, history, context, feedback)
        return {self.OUTPUT: dest_id}

    def _write_batch(
        self,
        batch: list[QgsFeature],
        from_system: str,
        to_system: str,
        sink: QgsFeatureSink,
        parameters: dict[str, Any],
    ) -> int:
        """Convert the vertices of all features in one vectorised call and write them; returns the count."""
        xs: list[float] = []
        ys: list[float] = []
        counts = []
        for feature in batch:
            start = len(xs)
            geometry = feature.geometry()
            if not geometry.isNull():
                for vertex in geometry.vertices():
                    xs.append(vertex.x())
                    ys.append(vertex.y())
            counts.append(len(xs) - start)
        lon, lat = chinacoords.convert(np.asarray(xs), np.asarray(ys), from_system, to_system)
        lon_list, lat_list = lon.tolist(), lat.tolist()
        offset = 0
        for feature, count in zip(batch, counts):
            if count:
                geometry = feature.geometry()
                for number in range(count):
                    geometry.moveVertex(lon_list[offset + number], lat_list[offset + number], number)
                feature.setGeometry(geometry)
            offset += count
        if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        return len(batch)
