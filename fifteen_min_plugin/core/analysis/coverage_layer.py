"""A coverage result written into the workspace `coverage` layer, replacing the rows of the same circles."""

from __future__ import annotations

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeatureSource, QgsVectorLayer

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.layer_io import placed_features, retry_busy, workspace_transaction


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
    features = placed_features(result, target, context)
    circle_ids = {value_text(feature["circle_id"]) for feature in features} - {""}
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
