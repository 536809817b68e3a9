"""Writes into workspace layers: one guarded transaction, bulk copies by field name, reprojected, all or nothing.

Every workspace write goes through `workspace_transaction`. SQLite rolls a whole transaction back by itself on
some errors (a full disk, SQLITE_FULL), after which later statements would commit one by one; the transaction
therefore arms connection-local guard triggers that refuse any write to its tables once it is gone, stops at the
first failed write, and afterwards checks that a failed write left every table with exactly the rows it had.
A workspace another program is writing to is waited for (a busy timeout, then retries with backoff) before the
write is refused with a sentence. On a PostGIS workspace the same block is one PostgreSQL transaction (QgsTransaction
on the postgres provider); the SQLite guard and lock parts are left out, PostgreSQL rolls back a failed transaction
and a lost connection by itself.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Optional, TypeVar

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProviderRegistry,
    QgsTransaction,
    QgsVectorDataProvider,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

#: how long SQLite itself waits for another writer's lock, per attempt (milliseconds)
BUSY_TIMEOUT_MS = 1500
#: how long a write keeps retrying a workspace that another writer holds before it is refused (seconds)
BUSY_RETRY_S = 6.0
_GUARD_TABLE = "fifteenmin_write_guard"
T = TypeVar("T")
_LOCKED = ("database is locked", "database table is locked", "busy")
#: how the postgres provider and libpq report a server that went away
_CONNECTION_LOST = (
    "connection to the database not available",
    "server closed the connection",
    "no connection to the server",
    "terminating connection",
    "could not connect to server",
    "connection refused",
)


class LayerWriter(Messages):
    """Translation context of this module's messages."""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _is_postgres(layer: QgsVectorLayer) -> bool:
    return layer.providerType() == "postgres"


def _table(layer: QgsVectorLayer) -> str:
    if _is_postgres(layer):
        uri = QgsDataSourceUri(layer.source())
        return f"{uri.schema()}.{uri.table()}"
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return str(parts.get("layerName") or layer.name())


def _connection(layer: QgsVectorLayer) -> str:
    """The connection string QgsTransaction uses for `layer`: its source without the layer part."""
    if _is_postgres(layer):
        return QgsDataSourceUri(layer.source()).connectionInfo(False)
    return re.sub(r"\|layer(name|id)=[^|]*", "", layer.source())


def _fids(provider: QgsVectorDataProvider) -> set[int]:
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setNoAttributes()
    return {feature.id() for feature in provider.getFeatures(request)}


def _is_busy(error: str) -> bool:
    return any(word in error.lower() for word in _LOCKED)


def retry_busy(write: Callable[[], T]) -> T:
    """Run `write` (a whole guarded transaction, reads included) again while another writer holds the workspace.

    Waits with growing pauses for up to BUSY_RETRY_S seconds; then, or on any other failure, the error propagates.
    """
    deadline = time.monotonic() + BUSY_RETRY_S
    pause = 0.05
    while True:
        try:
            return write()
        except FifteenMinError as error:
            if not _is_busy(error.details) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, 0.8)


class WriteGuard:
    """The writes of one `workspace_transaction`; each stops the transaction at its first failure."""

    def __init__(self, failed: str, transaction: QgsTransaction) -> None:
        self.failed = failed
        self._transaction = transaction

    def _refuse(self, provider: QgsVectorDataProvider, failed: Optional[str]) -> FifteenMinError:
        return FifteenMinError(failed or self.failed, details=provider.errors())

    def add(self, layer: QgsVectorLayer, features: list[QgsFeature], failed: Optional[str] = None) -> list[QgsFeature]:
        """Add `features` to `layer`'s table; returns them with their new ids."""
        if not features:
            return []
        provider = layer.dataProvider()  # it numbers copies of the features: a retry adds them afresh
        ok, added = provider.addFeatures(features)
        if not ok:
            raise self._refuse(provider, failed)
        return added

    def change(
        self,
        layer: QgsVectorLayer,
        attributes: Optional[dict[int, dict[int, Any]]] = None,
        geometries: Optional[dict[int, QgsGeometry]] = None,
        failed: Optional[str] = None,
    ) -> None:
        """Change attribute values ({fid: {field index: value}}) and geometries ({fid: geometry})."""
        provider = layer.dataProvider()
        if attributes and not provider.changeAttributeValues(attributes):
            raise self._refuse(provider, failed)
        if geometries and not provider.changeGeometryValues(geometries):
            raise self._refuse(provider, failed)

    def delete(self, layer: QgsVectorLayer, fids: Sequence[int], failed: Optional[str] = None) -> None:
        """Delete the features `fids`."""
        provider = layer.dataProvider()
        if fids and not provider.deleteFeatures(list(fids)):
            raise self._refuse(provider, failed)

    def execute(self, statement: str, failed: Optional[str] = None) -> None:
        """Run one SQL statement in the transaction (schema changes such as an index)."""
        ok, error = self._transaction.executeSql(statement)
        if not ok:
            raise FifteenMinError(failed or self.failed, details=error)


class _Transaction:
    """The SQL side of one guarded transaction on the database of `layers`."""

    def __init__(self, layers: Sequence[QgsVectorLayer], failed: str) -> None:
        self.layers = list(layers)
        self.failed = failed
        #: PostgreSQL needs no guard: a transaction it aborts refuses every later statement until rolled back
        self.sqlite = not any(_is_postgres(layer) for layer in self.layers)
        self.tables = sorted({_table(layer) for layer in self.layers})
        # GDAL may defer a bulk insert's R-tree entries and write them later: the R-tree's tables are guarded too
        self.indexes = sorted(
            f"rtree_{_table(layer)}_{layer.dataProvider().geometryColumnName()}_{part}"
            for layer in self.layers
            if self.sqlite and layer.isSpatial() and layer.dataProvider().geometryColumnName()
            for part in ("node", "parent", "rowid")
        )
        self.transaction: Optional[QgsTransaction] = None

    def sql(self, statement: str) -> tuple[bool, str]:
        assert self.transaction is not None
        ok, error = self.transaction.executeSql(statement)
        return ok, error or ""

    def arm(self) -> None:
        """Create the guard table and the connection-local triggers that refuse writes once it is empty."""
        if not self.sqlite:
            return
        statements = [
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            f"CREATE TEMP TABLE IF NOT EXISTS {_GUARD_TABLE} (open INTEGER)",
            f"DELETE FROM temp.{_GUARD_TABLE}",
        ]
        for statement in statements:
            ok, error = self.sql(statement)
            if not ok:
                raise FifteenMinError(self.failed, details=error)
        for number, table in enumerate(self.tables + self.indexes):
            for event in ("INSERT", "UPDATE", "DELETE"):
                ok, error = self.sql(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS {_GUARD_TABLE}_{number}_{event.lower()} BEFORE {event} "
                    f"ON main.{_quoted(table)} WHEN NOT EXISTS (SELECT 1 FROM temp.{_GUARD_TABLE}) "
                    "BEGIN SELECT RAISE(ABORT, 'the write transaction was lost'); END"
                )
                if not ok and table in self.tables:  # a table without a spatial index has no R-tree to guard
                    raise FifteenMinError(self.failed, details=error)

    def undo(self) -> None:
        """Undo the block's writes but keep the transaction and its lock (nothing to do if SQLite ended it)."""
        self.sql(f"ROLLBACK TO {_GUARD_TABLE}")

    def disarm(self) -> None:
        """Drop the guard (best effort: a connection that closes drops it anyway)."""
        if not self.sqlite:
            return
        for number in range(len(self.tables) + len(self.indexes)):
            for event in ("insert", "update", "delete"):
                self.sql(f"DROP TRIGGER IF EXISTS temp.{_GUARD_TABLE}_{number}_{event}")
        self.sql(f"DROP TABLE IF EXISTS temp.{_GUARD_TABLE}")

    def begin(self) -> None:
        """Begin, take the write lock at once and open the guard; waits for another writer, then refuses."""
        assert self.transaction is not None
        if not self.sqlite:
            begun, error = self.transaction.begin()
            if begun:
                begun, error = self.sql(f"SAVEPOINT {_GUARD_TABLE}")
            if not begun:
                raise FifteenMinError(self.failed, details=error)
            return
        deadline = time.monotonic() + BUSY_RETRY_S
        pause = 0.05
        # a write statement that changes nothing: it takes the write lock before anything is read
        lock = f"DELETE FROM main.{_quoted(self.tables[0])} WHERE 0"
        while True:
            begun, error = self.transaction.begin()
            if begun:
                locked, error = self.sql(lock)
                if locked:
                    opened, error = self.sql(f"INSERT INTO temp.{_GUARD_TABLE} VALUES (1)")
                    if opened:
                        opened, error = self.sql(f"SAVEPOINT {_GUARD_TABLE}")
                    if opened:
                        return
                self.transaction.rollback()
            if not _is_busy(error or "") or time.monotonic() + pause > deadline:
                break
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 0.8)
        if _is_busy(error or ""):
            raise FifteenMinError(
                LayerWriter.tr(
                    "Another program or QGIS window is writing to the workspace and did not finish within {seconds} "
                    "seconds, so nothing was changed. Try again in a moment."
                ).format(seconds=round(BUSY_RETRY_S + BUSY_TIMEOUT_MS / 1000)),
                details=error,
            )
        raise FifteenMinError(self.failed, details=error)


@contextmanager
def workspace_transaction(layers: Sequence[QgsVectorLayer], failed: str) -> Iterator[WriteGuard]:
    """Writes to `layers` (tables of one database) in the block are committed together or not at all.

    The block writes through the yielded WriteGuard and should read what it depends on inside the block (it then
    sees the state it will change: the write lock is held from the start). Anything raised in the block rolls the
    transaction back and propagates; a transaction that cannot begin or commit raises FifteenMinError(`failed`)
    with the database's reason as details. After a failure the tables are checked: if one does not hold exactly
    the rows it held before, FifteenMinError says so instead of `failed`.
    """
    try:
        with _guarded(layers, failed) as guard:
            yield guard
    except FifteenMinError as error:
        reason = _reason(error, layers)
        if reason:
            raise FifteenMinError(f"{error.message} {reason}", error.level, error.details) from error
        raise


@contextmanager
def _guarded(layers: Sequence[QgsVectorLayer], failed: str) -> Iterator[WriteGuard]:
    providers = [layer.dataProvider() for layer in layers]
    entered: list[QgsVectorDataProvider] = []
    state = _Transaction(layers, failed)
    try:
        for provider in providers:
            # the OGR provider only hands out a transaction on a dataset that is open for writing
            if not provider.enterUpdateMode():
                raise FifteenMinError(failed, details=provider.errors())
            entered.append(provider)
        # layers with pending edits join too (their edit buffers are left alone); QGIS then shares one connection
        state.transaction = QgsTransaction.create(_connection(layers[0]), layers[0].providerType())
        if state.transaction is None or not all(state.transaction.addLayer(layer, True) for layer in layers):
            raise FifteenMinError(failed)
        state.arm()
        state.begin()
        before = {table: _fids(provider) for table, provider in zip(map(_table, layers), providers)}
        try:
            yield WriteGuard(failed, state.transaction)
            committed, error = state.transaction.commit()
            if not committed:
                raise FifteenMinError(failed, details=[error, *(e for p in providers for e in p.errors())])
        except BaseException as error:
            # undone under the write lock when possible, so that the check sees no other writer's rows; when SQLite
            # ended the transaction itself (a full disk), the guard has refused every write since, and the check
            # runs at once
            state.undo()
            try:
                _check_unchanged(layers, before, error)
            finally:
                state.transaction.rollback()
            raise
    finally:
        if state.transaction is not None:
            state.disarm()
            state.transaction = None
        for provider in entered:
            provider.leaveUpdateMode()


def _reason(error: FifteenMinError, layers: Sequence[QgsVectorLayer]) -> str:
    """A sentence on the cause of a failed write the user can remedy (full disk, read-only file, busy), or ""."""
    details = error.details.lower()
    if _is_busy(details) and "writing to the workspace" not in error.message:
        return LayerWriter.tr("Another program or QGIS window was writing to the workspace; try again in a moment.")
    if any(words in details for words in _CONNECTION_LOST):
        return LayerWriter.tr(
            "The connection to the database server was lost: check that the server is running and reachable, then "
            "try again."
        )
    if "disk is full" in details or "disk full" in details:
        return LayerWriter.tr("The disk holding the workspace is full: free some space and try again.")
    paths = {
        QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path") for layer in layers
    }
    unwritable = any(path and os.path.exists(path) and not os.access(path, os.W_OK) for path in paths)
    if unwritable or "readonly database" in details:
        return LayerWriter.tr("The workspace file is read-only: ask for write access or save a copy of it.")
    return ""


def _check_unchanged(layers: Sequence[QgsVectorLayer], before: dict[str, set[int]], error: BaseException) -> None:
    """Raise a FifteenMinError naming what changed if a table does not hold the rows it held before `error`."""
    changed = []
    for layer in layers:
        after = _fids(layer.dataProvider())
        table = _table(layer)
        added, removed = len(after - before[table]), len(before[table] - after)
        if added or removed:
            changed.append(
                LayerWriter.tr("“{layer}” has {added} rows more and {removed} rows fewer than before").format(
                    layer=layer.name(), added=added, removed=removed
                )
            )
    if changed:
        raise FifteenMinError(
            LayerWriter.tr(
                "The write failed part way and could not be undone completely: {changes}. Restore the workspace from "
                "a copy, or check those rows."
            ).format(changes="; ".join(changed)),
            details=str(getattr(error, "details", "") or error),
        ) from error


def add_all_or_nothing(
    layer: QgsVectorLayer, features: list[QgsFeature], replaced: Sequence[int] = (), failed: str = ""
) -> list[int]:
    """Add `features` to the layer's table, deleting the features `replaced`, in one guarded transaction.

    On failure nothing changes and FifteenMinError(`failed`, or a generic sentence) is raised. Edits the user has
    pending in `layer` stay pending and untouched.
    """
    if not features and not replaced:
        return []
    failed = failed or LayerWriter.tr("The features could not be saved in “{layer}”; it is unchanged.").format(
        layer=layer.name()
    )

    def write() -> list[QgsFeature]:
        with workspace_transaction([layer], failed) as guard:
            added = guard.add(layer, features)
            guard.delete(layer, replaced)
        return added

    added = retry_busy(write)
    layer.triggerRepaint()
    return [feature.id() for feature in added]


def placed_features(
    source: QgsFeatureSource,
    layer: QgsVectorLayer,
    context: QgsCoordinateTransformContext,
    fixed: Optional[dict[str, Any]] = None,
) -> list[QgsFeature]:
    """The source features as features of `layer`: fields matched by name (not its keys), geometries reprojected.

    `fixed` sets fields to one value on every feature. FifteenMinError naming the feature when one cannot be
    reprojected into the layer's CRS.
    """
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
            message = LayerWriter.tr("Feature {number} cannot be placed in “{layer}”; nothing was written.").format(
                number=number, layer=layer.name()
            )
            try:
                moved = geometry.transform(transform) == Qgis.GeometryOperationResult.Success
            except QgsCsException as error:
                raise FifteenMinError(message) from error
            if not moved:
                raise FifteenMinError(message)
            out.setGeometry(geometry)
        for target, index in pairs:
            out.setAttribute(target, feature.attribute(index))
        for target, value in fixed_pairs:
            out.setAttribute(target, value)
        features.append(out)
    return features


def copy_features(
    source: QgsFeatureSource,
    layer: QgsVectorLayer,
    context: QgsCoordinateTransformContext,
    fixed: Optional[dict[str, Any]] = None,
) -> list[int]:
    """Copy every source feature into `layer`, matching fields by name and reprojecting; all or nothing."""
    return add_all_or_nothing(layer, placed_features(source, layer, context, fixed))
