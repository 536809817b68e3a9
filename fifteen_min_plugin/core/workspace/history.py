"""The base of the registers whose rows keep a history: idle assets (asset_events) and projects (project_events).

The database writes the history (core/workspace/integrity): one event per changed field, with the user and the
note of the session. A register only opens the transaction, gives it its note (`session_statements`), writes the
row and, for a moved location (which SQLite cannot put into words), the geometry event. An edit based on a row
version (`base_version`) that another editor has changed since is refused with a sentence (ConflictError).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.concurrency import ConflictError, conflict_sentence, is_stale
from fifteen_min_plugin.core.workspace.integrity import dialect_of, session_end_statements, session_statements
from fifteen_min_plugin.core.workspace.layer_io import WriteGuard, workspace_transaction


class HistoryMessages(Messages):
    """Translation context of the sentences every history register shares."""


class HistoryRegister:
    """Rows of `rows` keyed by `KEY` (ids `PREFIX`-00001…) with their history in `events`.

    Subclasses set KEY, PREFIX and the sentences (`_missing`, `_unchanged`, `_failed_layer`, `_label`), translated
    in their own context (they are also `Messages`).
    """

    KEY = ""
    PREFIX = ""

    def __init__(self, rows: QgsVectorLayer, events: QgsVectorLayer, user: str = "") -> None:
        self.rows = rows
        self.events = events
        #: the user the GeoPackage history names (PostgreSQL records its own current_user)
        self.user = user or QgsApplication.userLoginName()
        #: the note of the running transaction, and the row and base version it last wrote (for a refusal)
        self._note = ""
        self._stale_row: tuple[str, Optional[int]] = ("", None)

    # sentences of the subclass

    def _missing(self, row_id: str) -> str:
        raise NotImplementedError

    def _unchanged(self) -> str:
        raise NotImplementedError

    def _failed_layer(self, layer: QgsVectorLayer) -> str:
        raise NotImplementedError

    def _label(self) -> str:
        raise NotImplementedError

    # reading

    def ids(self) -> list[str]:
        """Every id in the register."""
        return [str(feature[self.KEY]) for feature in self.rows.getFeatures()]

    def get(self, row_id: str) -> dict[str, Any]:
        """The attributes of one row (NULL as None; `version` is the one to pass back as `base_version`)."""
        feature = self._feature(row_id)
        return {name: plain(feature[name]) for name in self.rows.fields().names()}

    def geometry(self, row_id: str) -> QgsGeometry:
        """The row's point in the layer's CRS (null when it has none)."""
        return self._feature(row_id).geometry()

    def _event_rows(self, row_id: str) -> list[QgsFeature]:
        """The events of one row, oldest first."""
        request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression(self.KEY, row_id))
        rows = list(self.events.getFeatures(request))

        def order(event: QgsFeature) -> tuple:
            time = event["time"] if isinstance(event["time"], QDateTime) else QDateTime()
            return (time.toMSecsSinceEpoch() if time.isValid() else 0, event.id())

        return sorted(rows, key=order)

    # writing

    def _write(
        self,
        guard: WriteGuard,
        feature: QgsFeature,
        values: Mapping[str, Any],
        point: Optional[QgsGeometry] = None,
        base_version: Optional[int] = None,
    ) -> None:
        """Change one row; the database records its field changes, the register a moved location."""
        row_id = str(feature[self.KEY])
        self._stale_row = (row_id, base_version)
        if base_version is not None and plain(feature["version"]) != base_version:
            raise ConflictError(conflict_sentence(self._label(), row_id, base_version, self.events, self.KEY))
        now = QDateTime.currentDateTime()
        fields = self.rows.fields()
        changed = {fields.indexOf(name): value for name, value in values.items()}
        if fields.indexOf("updated") >= 0:
            changed[fields.indexOf("updated")] = now
        if base_version is not None:
            changed[fields.indexOf("base_version")] = base_version
        geometries = {feature.id(): point} if point is not None else None
        guard.change(self.rows, {feature.id(): changed}, geometries, self._failed_layer(self.rows))
        if point is not None:
            old = feature.geometry().asWkt(8) if feature.hasGeometry() else None
            version = int(plain(feature["version"]) or 0) + 1
            self._add_event(guard, row_id, "geometry", old, point.asWkt(8), version)

    def _layers(self) -> list[QgsVectorLayer]:
        """Every layer the register writes in its transactions."""
        return [self.rows, self.events]

    def _add_event(
        self,
        guard: WriteGuard,
        row_id: str,
        field: str,
        old: Any,
        new: Any,
        version: int,
        kind: str = "changed",
    ) -> None:
        """Append one event the database cannot write itself (a moved location); note and user as the session's.

        Written after the row, and timed then, so that it follows the events the database wrote for that row.
        """
        event = QgsFeature(self.events.fields())
        event[self.KEY] = row_id
        event["time"] = QDateTime.currentDateTimeUtc()
        event["field"] = field
        event["old_value"] = None if old is None else str(old)
        event["new_value"] = None if new is None else str(new)
        event["note"] = self._note or None
        event["user"] = self.user
        event["version"] = version
        if event.fieldNameIndex("kind") >= 0:
            event["kind"] = kind
        guard.add(self.events, [event], self._failed_layer(self.events))

    @contextmanager
    def _transaction(self, note: str = "") -> Iterator[WriteGuard]:
        """Both layers in one guarded database transaction whose changes carry `note`: all of the block, or nothing.

        A stale base version refused by the database becomes a ConflictError saying who changed the row.
        """
        own = self._layers()
        for layer in own:
            if layer.isEditable():
                raise FifteenMinError(
                    HistoryMessages.tr(
                        "The layer “{layer}” is being edited; save or discard those edits first."
                    ).format(layer=layer.name())
                )
        dialect = dialect_of(self.rows.providerType())
        self._note = note
        try:
            with workspace_transaction(own, self._unchanged()) as guard:
                for statement in session_statements(dialect, note, self.user):
                    guard.execute(statement)
                yield guard
                for statement in session_end_statements(dialect):
                    guard.execute(statement)
        except ConflictError:
            raise
        except FifteenMinError as error:
            if is_stale(error.details):
                self.rows.reload()
                raise ConflictError(self._stale_sentence(), details=error.details) from error
            raise
        finally:
            self._note = ""
        sources = [layer.source() for layer in own]
        for layer in own:
            layer.reload()
        for layer in QgsProject.instance().mapLayers().values():
            if layer not in own and layer.source() in sources:
                layer.reload()
                layer.triggerRepaint()

    def _stale_sentence(self) -> str:
        """The sentence of the stale update the database refused: who changed the row last written, and what."""
        row_id, base = self._stale_row
        return conflict_sentence(self._label(), row_id, base, self.events, self.KEY)

    def _find(self, row_id: str) -> Optional[QgsFeature]:
        request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression(self.KEY, row_id))
        return next(self.rows.getFeatures(request), None)

    def _feature(self, row_id: str) -> QgsFeature:
        feature = self._find(row_id)
        if feature is None:
            # a read connection can fail to open while another program closes the file: read once more, afresh
            self.rows.reload()
            feature = self._find(row_id)
        if feature is None:
            raise FifteenMinError(self._missing(row_id))
        return feature

    def _next_id(self) -> str:
        pattern = re.compile(rf"^{self.PREFIX}-(\d+)$")
        numbers = [int(match.group(1)) for match in map(pattern.match, self.ids()) if match]
        return f"{self.PREFIX}-{max(numbers, default=0) + 1:05d}"

    def _converted(
        self, geometry: QgsGeometry, crs: Optional[QgsCoordinateReferenceSystem], message: str
    ) -> QgsGeometry:
        """`geometry` as a single point (a polygon's point on surface) in the layer's CRS; `message` if it cannot be."""
        point = (
            QgsGeometry(geometry)
            if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart()
            else geometry.pointOnSurface()
        )
        if crs is not None and crs.isValid() and crs != self.rows.crs():
            try:
                result = point.transform(QgsCoordinateTransform(crs, self.rows.crs(), QgsProject.instance()))
            except QgsCsException as error:
                raise FifteenMinError(message) from error
            if result != Qgis.GeometryOperationResult.Success:
                raise FifteenMinError(message)
        return point
