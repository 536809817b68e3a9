"""Bulk writes into workspace layers: by field name, reprojected, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsTransaction,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.errors import FifteenMinError


class LayerWriter:
    """Translation context of this module's messages."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("LayerWriter", text)


@contextmanager
def provider_transaction(layers: Sequence[QgsVectorLayer], failed: str) -> Iterator[None]:
    """Data-provider writes to `layers` (one database) in the block are committed together or not at all.

    Anything raised in the block rolls the transaction back and propagates; a transaction that cannot begin
    or commit raises FifteenMinError(`failed`) with the database's reason as details.
    """
    providers = [layer.dataProvider() for layer in layers]
    entered = []
    try:
        for provider in providers:
            # the OGR provider only hands out a transaction on a dataset that is open for writing
            if not provider.enterUpdateMode():
                raise FifteenMinError(failed, details="; ".join(provider.errors()))
            entered.append(provider)
        transaction = QgsTransaction.create(set(layers))
        if transaction is None:
            raise FifteenMinError(failed)
        begun, error = transaction.begin()
        if not begun:
            raise FifteenMinError(failed, details=error)
        try:
            yield
        except BaseException:
            transaction.rollback()
            raise
        committed, error = transaction.commit()
        if not committed:
            transaction.rollback()
            raise FifteenMinError(failed, details=error)
    finally:
        for provider in entered:
            provider.leaveUpdateMode()


def add_all_or_nothing(layer: QgsVectorLayer, features: list[QgsFeature]) -> list[int]:
    """Add `features` through the data provider; on failure remove any that got in and raise.

    Not a transaction: a GeoPackage layer that the user is editing cannot join one, and this write must leave
    those pending edits alone.
    """
    if not features:
        return []
    provider = layer.dataProvider()
    before = {feature.id() for feature in provider.getFeatures(QgsFeatureRequest().setNoAttributes())}
    ok, added = provider.addFeatures(features)
    if not ok:
        after = {feature.id() for feature in provider.getFeatures(QgsFeatureRequest().setNoAttributes())}
        if after - before:
            provider.deleteFeatures(list(after - before))
        raise FifteenMinError(
            LayerWriter.tr("The features could not be saved in “{layer}”; it is unchanged.").format(layer=layer.name()),
            details="; ".join(provider.errors()),
        )
    layer.triggerRepaint()
    return [feature.id() for feature in added]


def copy_features(
    source: QgsFeatureSource,
    layer: QgsVectorLayer,
    context: QgsCoordinateTransformContext,
    fixed: Optional[dict[str, Any]] = None,
) -> list[int]:
    """Copy every source feature into `layer`, matching fields by name and reprojecting; all or nothing."""
    transform = QgsCoordinateTransform(source.sourceCrs(), layer.crs(), context)
    target_fields = layer.fields()
    keys = set(layer.primaryKeyAttributes())
    pairs = [
        (target_fields.indexOf(name), index)
        for index, name in enumerate(source.fields().names())
        if target_fields.indexOf(name) >= 0 and target_fields.indexOf(name) not in keys
    ]
    fixed_pairs = [(target_fields.indexOf(name), value) for name, value in (fixed or {}).items()]
    features = []
    for number, feature in enumerate(source.getFeatures(), start=1):
        out = QgsFeature(target_fields)
        geometry = feature.geometry()
        if not geometry.isNull():
            try:
                geometry.transform(transform)
            except QgsCsException as error:
                raise FifteenMinError(
                    LayerWriter.tr("Feature {number} cannot be placed in “{layer}”; nothing was written.").format(
                        number=number, layer=layer.name()
                    )
                ) from error
            out.setGeometry(geometry)
        for target, index in pairs:
            out.setAttribute(target, feature.attribute(index))
        for target, value in fixed_pairs:
            out.setAttribute(target, value)
        features.append(out)
    return add_all_or_nothing(layer, features)
