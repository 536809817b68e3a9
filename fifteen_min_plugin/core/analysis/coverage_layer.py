"""A coverage result written into the workspace `coverage` layer, replacing the rows of the same circles."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.layer_io import retry_busy, workspace_transaction


class CoverageLayer(Messages):
    """Translation context of the coverage layer's messages."""


def replace_coverage(
    layer: QgsVectorLayer, result: QgsFeatureSource, context: QgsCoordinateTransformContext
) -> list[str]:
    """Write a coverage result into the workspace `coverage` layer in one transaction; return the circle ids.

    Rows of the same circles (by circle_id) are replaced; other circles' rows stay. Fields are matched by name and
    geometries reprojected. On any failure nothing changes and a FifteenMinError says why.
    """
    if layer.isEditable():
        raise FifteenMinError(
            CoverageLayer.tr("Save or discard the edits of “{layer}” first; the coverage was not written.").format(
                layer=layer.name()
            )
        )
    target = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if not target.isValid():
        raise FifteenMinError(CoverageLayer.tr("The layer “{layer}” cannot be opened.").format(layer=layer.name()))
    features, circle_ids = _coverage_features(target, result, context)
    id_index = target.fields().lookupField("circle_id")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([id_index])
    failed = CoverageLayer.tr("The coverage could not be saved in “{layer}”; it is unchanged.").format(
        layer=layer.name()
    )

    def write() -> None:
        with workspace_transaction([target], failed) as guard:
            replaced = [f.id() for f in target.getFeatures(request) if value_text(f[id_index]) in circle_ids]
            guard.delete(target, replaced)
            guard.add(target, features)

    retry_busy(write)
    layer.dataProvider().reloadData()
    layer.triggerRepaint()
    return [value_text(feature[id_index]) for feature in features]


def _coverage_features(
    target: QgsVectorLayer, result: QgsFeatureSource, context: QgsCoordinateTransformContext
) -> tuple[list[QgsFeature], set[str]]:
    transform = QgsCoordinateTransform(result.sourceCrs(), target.crs(), context)
    fields = target.fields()
    keys = set(target.primaryKeyAttributes())
    pairs = [
        (fields.indexOf(name), index)
        for index, name in enumerate(result.fields().names())
        if fields.indexOf(name) >= 0 and fields.indexOf(name) not in keys
    ]
    features, circle_ids = [], set()
    for number, feature in enumerate(result.getFeatures(), start=1):
        out = QgsFeature(fields)
        geometry = feature.geometry()
        if not geometry.isNull():
            try:
                moved = geometry.transform(transform) == Qgis.GeometryOperationResult.Success
            except QgsCsException:
                moved = False
            if not moved:
                raise FifteenMinError(
                    CoverageLayer.tr(
                        "Circle {number} cannot be placed in the coverage layer; nothing was written."
                    ).format(number=number)
                )
            out.setGeometry(geometry)
        for target_index, index in pairs:
            out.setAttribute(target_index, feature.attribute(index))
        circle_id = value_text(out["circle_id"])
        if circle_id:
            circle_ids.add(circle_id)
        features.append(out)
    return features, circle_ids
