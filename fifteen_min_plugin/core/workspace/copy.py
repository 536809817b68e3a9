"""Copy a whole workspace between backends (GeoPackage ↔ PostGIS), history included, and verify the copy.

The target is a new workspace, or an existing one that is empty; a non-empty one only when `replace` is asked,
and then its rows are replaced. Every row of every table is written in one transaction on the target with the
integrity triggers held off (the history is copied as it is, not written anew, and row versions are kept); a
failure leaves the target as it was. Afterwards both workspaces are read again and compared: the row counts and
every row's attributes and geometry (to the coordinate precision of the target's coordinate system).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from fifteen_min_plugin.core.errors import FifteenMinError, WorkspaceError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace import integrity
from fifteen_min_plugin.core.workspace.layer_io import placed_features, workspace_transaction
from fifteen_min_plugin.core.workspace.workspace import Location, Workspace, backend_for

#: at most this many differing rows are named per table
SHOWN_DIFFERENCES = 5
#: decimals geometries are compared to: geographic degrees (≈1 cm), projected metres (1 mm)
GEOGRAPHIC_DECIMALS = 7
PROJECTED_DECIMALS = 3


class CopyMessages(Messages):
    """Translation context of the copy's sentences."""


@dataclass
class CopyReport:
    """What a copy wrote and what the verification found (`differences` empty when the copy is equal)."""

    target: Workspace
    rows: dict[str, int] = field(default_factory=dict)
    differences: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Rows written over all tables."""
        return sum(self.rows.values())


def _non_empty(workspace: Workspace) -> list[str]:
    return [name for name in workspace.layer_names() if workspace.layer(name).featureCount() > 0]


def open_target(source: Workspace, location: Location, replace: bool) -> Workspace:
    """The target: created in the source's CRS, an existing empty one, or a non-empty one with `replace`.

    WorkspaceError with a sentence otherwise, or when the target is the source itself.
    """
    backend = backend_for(location)
    if str(backend.path) == str(source.path):
        raise WorkspaceError(CopyMessages.tr("The target is the source workspace itself; choose another target."))
    try:
        backend.check_new()
    except WorkspaceError:
        target = Workspace.open(location)
    else:
        crs = source.layer("circles").crs() if "circles" in source.layer_names() else None
        return Workspace.create(location, crs=crs, categories=source.categories)
    filled = _non_empty(target)
    if filled and not replace:
        raise WorkspaceError(
            CopyMessages.tr(
                "The target workspace {target} already holds rows (in {layers}); nothing was copied. Choose an empty "
                "or new target, or ask to replace its contents."
            ).format(target=target.path, layers=", ".join(filled))
        )
    return target


def _hold_statements(layer: QgsVectorLayer, hold: bool) -> list[str]:
    """Statements that hold the integrity triggers off (`hold`) or put them back, inside the copy's transaction."""
    schema = integrity.table_schema(layer)
    if schema is None:
        installed = integrity.sqlite_statements()
        return [statement for statement in installed if statement.startswith("DROP")] if hold else installed
    tables = sorted({*(audited.table for audited in integrity.AUDITED), *integrity.EVENT_TABLES})
    tables += sorted({versioned.table for versioned in integrity.VERSIONED} - set(tables))
    verb = "DISABLE" if hold else "ENABLE"
    return [f"ALTER TABLE {integrity._pg(schema, table)} {verb} TRIGGER USER" for table in tables]


def copy_workspace(
    source: Workspace,
    location: Location,
    replace: bool = False,
    progress: Optional[Callable[[float], None]] = None,
    canceled: Callable[[], bool] = lambda: False,
) -> CopyReport:
    """Copy every table of `source` into the workspace at `location` in one transaction, then verify it.

    FifteenMinError with a sentence when the target is refused or the write fails (the target is then unchanged);
    a copy that verifies unequal is reported in `CopyReport.differences`.
    """
    target = open_target(source, location, replace)
    names = [name for name in source.layer_names() if name in target.layer_names()]
    sources = {name: source.layer(name) for name in names}
    targets = {name: target.layer(name) for name in names}
    context = QgsCoordinateTransformContext()
    report = CopyReport(target)
    failed = CopyMessages.tr("The workspace could not be copied to {target}; the target is unchanged.").format(
        target=target.path
    )
    layers = [targets[name] for name in names]
    with workspace_transaction(layers, failed) as guard:
        for statement in _hold_statements(layers[0], hold=True):
            guard.execute(statement)
        # the history rows name their asset or project: those go first, the history after them
        order = sorted(names, key=lambda name: name in integrity.EVENT_TABLES)
        for number, name in enumerate(order):
            if canceled():
                raise FifteenMinError(CopyMessages.tr("The copy was cancelled; the target is unchanged."))
            layer = targets[name]
            if replace:
                guard.delete(layer, [feature.id() for feature in layer.dataProvider().getFeatures()])
            features = placed_features(sources[name], layer, context)
            guard.add(layer, features)
            report.rows[name] = len(features)
            if progress is not None:
                progress(90.0 * (number + 1) / len(order))
        for statement in _hold_statements(layers[0], hold=False):
            guard.execute(statement)
    for name in names:
        targets[name].reload()
        report.differences += compare_tables(sources[name], targets[name], name)
    return report


def _rounded(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, QDateTime):
        return value.toUTC().toString(Qt.DateFormat.ISODateWithMs) if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 9)
    if value == "":
        return None
    return value


def _row(feature: QgsFeature, names: Sequence[str], decimals: int) -> tuple:
    geometry = feature.geometry()
    shape = geometry.asWkt(decimals) if not geometry.isNull() and not geometry.isEmpty() else None
    return (*(_rounded(feature[name]) for name in names), shape)


def compare_tables(source: QgsVectorLayer, target: QgsVectorLayer, name: str) -> list[str]:
    """Sentences on how the table `name` differs between source and target (empty when equal).

    Rows are compared as a whole (every shared attribute but the key, and the geometry) without regard to order.
    """
    keys = {source.fields().at(index).name() for index in source.primaryKeyAttributes()}
    keys |= {target.fields().at(index).name() for index in target.primaryKeyAttributes()}
    names = [field for field in source.fields().names() if field in target.fields().names() and field not in keys]
    decimals = GEOGRAPHIC_DECIMALS if target.crs().isGeographic() else PROJECTED_DECIMALS
    before = sorted((_row(feature, names, decimals) for feature in source.getFeatures()), key=repr)
    after = sorted((_row(feature, names, decimals) for feature in target.getFeatures()), key=repr)
    if len(before) != len(after):
        return [
            CopyMessages.tr("“{layer}” has {source} rows in the source and {target} in the copy.").format(
                layer=name, source=len(before), target=len(after)
            )
        ]
    missing = [row for row in before if row not in after]
    if not missing:
        return []
    shown = "; ".join(str(row[: min(len(row), 3)]) for row in missing[:SHOWN_DIFFERENCES])
    return [
        CopyMessages.tr("{count} rows of “{layer}” differ in the copy, e.g. {rows}.").format(
            count=len(missing), layer=name, rows=shown
        )
    ]
