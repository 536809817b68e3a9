"""Shared behaviour of every fifteenmin algorithm: translation, icon, dependency gate."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.dependencies import missing_dependencies, missing_message
from fifteen_min_plugin.core.errors import FifteenMinError, log_error
from fifteen_min_plugin.processing.parameter_checks import explain_refusal, missing_field

#: features handed to a sink at once
WRITE_BATCH = 1000


def processing_error(
    error: FifteenMinError, feedback: Optional[QgsProcessingFeedback], after: str = "", source: str = ""
) -> QgsProcessingException:
    """The exception that ends a run on `error`: the same sentence, followed by `after`.

    The details (a database's or a server's own words) go to the run's log through `feedback`, and the whole
    to the plugin's tab of the QGIS log, prefixed by `source` (the algorithm's name).
    """
    message = f"{error.message} {after}".strip()
    if error.details and feedback is not None:
        feedback.reportError(
            QCoreApplication.translate("FifteenMinAlgorithm", "Details: {details}").format(details=error.details)
        )
    log_error(FifteenMinError(message, error.level, error.details), source)
    return QgsProcessingException(message)


class FifteenMinAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set `ID`, `REQUIRES` and implement the QGIS algorithm API."""

    ID = ""
    #: one of GROUPS: where the algorithm sits in the Processing toolbox
    GROUP_ID = ""
    #: import names this algorithm cannot run without
    REQUIRES: tuple[str, ...] = ()

    def tr(self, text: str) -> str:
        """Translate in the context of the concrete class, as pylupdate5 records it."""
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:  # noqa: D102
        return self.ID

    def groupId(self) -> str:  # noqa: D102, N802
        return self.GROUP_ID

    def group(self) -> str:  # noqa: D102
        names = {
            "circles": QCoreApplication.translate("FifteenMinAlgorithm", "Living circles"),
            "import": QCoreApplication.translate("FifteenMinAlgorithm", "Import and conversion"),
            "analysis": QCoreApplication.translate("FifteenMinAlgorithm", "Analysis"),
            "assets": QCoreApplication.translate("FifteenMinAlgorithm", "Idle assets"),
        }
        return names[self.GROUP_ID]

    def createInstance(self) -> FifteenMinAlgorithm:  # noqa: D102, N802
        return type(self)()

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(str(RESOURCES_DIR / "icons" / "plugin.svg"))

    def canExecute(self) -> tuple[bool, str]:  # noqa: D102, N802
        missing = [item for item in missing_dependencies() if item.module in self.REQUIRES]
        if missing:
            return False, missing_message(missing)
        return True, ""

    def refuse(
        self, error: FifteenMinError, feedback: Optional[QgsProcessingFeedback], after: str = ""
    ) -> QgsProcessingException:
        """The exception to raise on `error`, its details reported to `feedback` (see processing_error)."""
        return processing_error(error, feedback, after, self.displayName())

    def source(self, parameters: dict[str, Any], name: str, context: QgsProcessingContext) -> QgsFeatureSource:
        """The feature source of parameter `name`; QgsProcessingException when it cannot be read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def sink(
        self,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        fields: QgsFields,
        wkb_type: QgsWkbTypes.Type,
        crs: QgsCoordinateReferenceSystem,
    ) -> tuple[QgsFeatureSink, str]:
        """The sink of output `name` and its destination id; QgsProcessingException when it cannot be made."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id

    def write_rows(
        self,
        sink: QgsFeatureSink,
        parameters: dict[str, Any],
        name: str,
        fields: QgsFields,
        geometries: Sequence[QgsGeometry],
        rows: Iterable[list],
        feedback: QgsProcessingFeedback,
        progress_from: Optional[float] = None,
    ) -> bool:
        """Write each of `geometries` with its row of attributes, in batches; False when cancelled.

        With `progress_from`, the progress runs from there to 100 as the features are written.
        """
        batch: list[QgsFeature] = []
        for number, (geometry, row) in enumerate(zip(geometries, rows), start=1):
            output = QgsFeature(fields)
            output.setGeometry(geometry)
            output.setAttributes(row)
            batch.append(output)
            if len(batch) == WRITE_BATCH or number == len(geometries):
                if feedback.isCanceled():
                    return False
                if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, name))
                batch = []
                if progress_from is not None:
                    feedback.setProgress(progress_from + (100.0 - progress_from) * number / len(geometries))
        return True

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple[bool, str]:  # noqa: D102, N802
        # processing.run and qgis_process do not ask canExecute; they do ask this, before anything is written
        ready, message = self.canExecute()
        if not ready:
            return False, message
        valid, message = super().checkParameterValues(parameters, context)
        if not valid:
            return False, explain_refusal(self, parameters, context, message) or message
        reason = missing_field(self, parameters, context)
        return (False, reason) if reason else (True, message)


def advanced(*parameters: QgsProcessingParameterDefinition) -> tuple[QgsProcessingParameterDefinition, ...]:
    """`parameters`, flagged to show under the dialog's Advanced Parameters."""
    for parameter in parameters:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameters


def origin_parameters(origins: str, id_field: str) -> list[QgsProcessingParameterDefinition]:
    """The communities (points or polygons) circles are drawn around, and their optional id field."""
    return [
        QgsProcessingParameterFeatureSource(
            origins,
            QCoreApplication.translate("FifteenMinAlgorithm", "Origins (communities)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
        ),
        QgsProcessingParameterField(
            id_field,
            QCoreApplication.translate("FifteenMinAlgorithm", "Origin id field"),
            parentLayerParameterName=origins,
            optional=True,
        ),
    ]


def facility_parameters(
    facilities: str, category_field: str, optional_field: bool = False
) -> list[QgsProcessingParameterDefinition]:
    """The facilities point layer and its field of category codes (default `category`)."""
    return [
        QgsProcessingParameterFeatureSource(
            facilities,
            QCoreApplication.translate("FifteenMinAlgorithm", "Facilities"),
            [QgsProcessing.SourceType.TypeVectorPoint],
        ),
        QgsProcessingParameterField(
            category_field,
            QCoreApplication.translate("FifteenMinAlgorithm", "Category field"),
            defaultValue="category",
            parentLayerParameterName=facilities,
            optional=optional_field,
        ),
    ]


class CarriedFields:
    """The input fields an output keeps, without a GeoPackage input's `fid` and the fields it `replaces`.

    Every algorithm that carries input attributes builds its fields here. The `fid` is left out: a
    GeoPackage output numbers its own rows and refuses a repeated (several rows per input, several inputs)
    or non-integer fid.
    """

    def __init__(self, fields: QgsFields, replaces: Iterable[str] = ()) -> None:
        left_out = {"fid", *(name.lower() for name in replaces)}
        self.indices = [i for i, field in enumerate(fields) if field.name().lower() not in left_out]
        self.fields = QgsFields()
        for i in self.indices:
            self.fields.append(fields.at(i))

    def with_outputs(self, outputs: tuple[tuple[str, str], ...], after: str = "") -> QgsFields:
        """The kept fields followed by the algorithm's own (name, kind) fields; a name clash is refused.

        `after` follows the refusal's sentence (e.g. "Nothing was written.").
        """
        fields = QgsFields(self.fields)
        for name, kind in outputs:
            if fields.indexOf(name) >= 0:
                message = QCoreApplication.translate(
                    "CarriedFields", "The input layer already has a field named {name}; rename it first."
                )
                raise QgsProcessingException(f"{message.format(name=name)} {after}".strip())
            fields.append(new_field(name, kind))
        return fields

    def values(self, feature: QgsFeature) -> list:
        """The kept attribute values of `feature`."""
        attributes = feature.attributes()
        return [attributes[i] for i in self.indices]


class LazySink:
    """An output made when its first feature arrives, with that feature's fields.

    A run that ends without writing anything (cancelled, or refused) leaves no output behind.
    """

    def __init__(
        self,
        algorithm: FifteenMinAlgorithm,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        wkb_type: QgsWkbTypes.Type,
        crs: QgsCoordinateReferenceSystem,
    ) -> None:
        self.algorithm, self.parameters, self.name, self.context = algorithm, parameters, name, context
        self.wkb_type, self.crs = wkb_type, crs
        self.sink: Optional[QgsFeatureSink] = None
        self.dest_id = ""

    def add(self, feature: QgsFeature) -> None:
        """Write `feature` (the sink copies it); QgsProcessingException when the output refuses it."""
        if self.sink is None:
            self.sink, self.dest_id = self.algorithm.sink(
                self.parameters, self.name, self.context, feature.fields(), self.wkb_type, self.crs
            )
        if not self.sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.algorithm.writeFeatureError(self.sink, self.parameters, self.name))

    def close(self) -> None:
        """Close the output (e.g. before its metadata is recorded)."""
        self.sink = None


def record_history(dest_id: str, history: str, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> None:
    """Add `history` to the output layer's metadata history (saved with it when the format allows)."""
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None:
        return
    metadata = layer.metadata()
    metadata.addHistoryItem(history)
    layer.setMetadata(metadata)
    if layer.providerType() == "memory":
        return
    if layer.providerType() == "ogr":
        # a GeoPackage written from a bare path needs its table name for metadata to be stored
        sublayers = QgsProviderRegistry.instance().querySublayers(layer.source())
        if len(sublayers) == 1 and sublayers[0].uri() != layer.source():
            layer = QgsVectorLayer(sublayers[0].uri(), layer.name(), "ogr")
            layer.setMetadata(metadata)
    message, saved = layer.saveDefaultMetadata()
    if not saved:
        warning = QCoreApplication.translate(
            "FifteenMinAlgorithm", "The conversion is recorded in the coord_conv field only: {reason}"
        )
        feedback.pushWarning(warning.format(reason=message))
