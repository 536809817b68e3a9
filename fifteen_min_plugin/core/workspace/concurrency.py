"""Optimistic concurrency: an edit says which row version it was based on, and a stale one is refused with a sentence.

The database refuses an update whose `base_version` is not the row's version any more (core/workspace/integrity).
`VersionGuard` gives the edits a user makes in QGIS's attribute table or with the editing tools that base: it notes
the version of every row when its first change enters the edit buffer and, before the commit, writes it as the
row's `base_version`. When another editor has changed the row since, the commit is refused by the database, the
edits stay in the edit buffer, and `refused` carries the sentence saying who changed the row, when and what. The
user can then reload the layer (the edit buffer is kept) and commit again: that second commit applies the kept
edits over the change the user was told about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeatureRequest,
    QgsMessageLog,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QObject, pyqtSignal

from fifteen_min_plugin.__about__ import __title__
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.integrity import STALE_MARKER


class ConflictMessages(Messages):
    """Translation context of the concurrency sentences."""


class ConflictError(FifteenMinError):
    """Another editor changed the row since the edit was based on it; nothing was written."""


def is_stale(details: str) -> bool:
    """Whether a database error is the refusal of a stale update."""
    return STALE_MARKER in (details or "")


def _value(value: object) -> str:
    value = plain(value)
    return ConflictMessages.tr("(empty)") if value is None or value == "" else str(value)


def conflict_sentence(
    label: str,
    row_id: str,
    base_version: Optional[int],
    events: Optional[QgsVectorLayer] = None,
    key: str = "",
) -> str:
    """Who changed the row `row_id` after `base_version`, when and what, read from its `events` (if it has any)."""
    changes, user, when = [], "", QDateTime()
    if events is not None:
        expression = QgsExpression.createFieldEqualityExpression(key, row_id)
        if base_version is not None:
            expression += f' AND "version" > {int(base_version)}'
        request = QgsFeatureRequest().setFilterExpression(expression)
        rows = sorted(events.getFeatures(request), key=lambda event: (plain(event["version"]) or 0, event.id()))
        for event in rows:
            field = str(plain(event["field"]) or "")
            if field and field != "created":
                changes.append(f"{field}: {_value(event['old_value'])} → {_value(event['new_value'])}")
            user = str(plain(event["user"]) or user)
            when = event["time"] if isinstance(event["time"], QDateTime) else when
    keep = ConflictMessages.tr(
        "Nothing of yours was saved and your edits are kept: reload, then apply them again where they still apply."
    )
    who = user or ConflictMessages.tr("another editor")
    if when.isValid():
        changed = ConflictMessages.tr("{label} “{id}” was changed by {user} at {time} after you opened it").format(
            label=label, id=row_id, user=who, time=when.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")
        )
    else:
        changed = ConflictMessages.tr("{label} “{id}” was changed by {user} after you opened it").format(
            label=label, id=row_id, user=who
        )
    what = f": {'; '.join(changes)}." if changes else "."
    return f"{changed}{what} {keep}"


class VersionGuard(QObject):
    """Checks the row versions of the edits committed from `layer`'s edit buffer (a child of the layer).

    `label` names a row of the layer in sentences ("The asset"); `key` is its id field and `events` opens its
    history layer when a refusal is to be explained (None for a layer without history). The guard holds no
    reference to the layer but its parent link, so the layer (and its connection) goes when its owner drops it.
    """

    #: the sentence of a commit refused because another editor changed a row first
    refused = pyqtSignal(str)

    def __init__(
        self, layer: QgsVectorLayer, label: str, key: str, events: Optional[Callable[[], QgsVectorLayer]] = None
    ) -> None:
        super().__init__(layer)
        self._label = label
        self._key = key
        self._events = events
        self._bases: dict[int, Optional[int]] = {}
        layer.attributeValueChanged.connect(self._noted)
        layer.geometryChanged.connect(self._noted)
        layer.beforeCommitChanges.connect(self._before_commit)
        layer.afterCommitChanges.connect(self._bases.clear)
        layer.afterRollBack.connect(self._bases.clear)

    @property
    def _layer(self) -> QgsVectorLayer:
        return self.parent()

    def _stored(self, fid: int) -> Optional[tuple[Optional[int], str]]:
        """(version, id) of the row as the database holds it now, None for a row not in the database."""
        fields = self._layer.fields()
        request = (
            QgsFeatureRequest(fid)
            .setFlags(QgsFeatureRequest.Flag.NoGeometry)
            .setSubsetOfAttributes([fields.indexOf("version"), fields.indexOf(self._key)])
        )
        # read to the end, so that no open read holds the file while other connections write
        found = list(self._layer.dataProvider().getFeatures(request))
        feature = found[0] if found else None
        if feature is None or not feature.isValid():
            return None
        version = plain(feature["version"])
        return (None if version is None else int(version)), str(plain(feature[self._key]) or fid)

    def _noted(self, fid: int, *_args: object) -> None:
        if fid < 0 or fid in self._bases:
            return
        stored = self._stored(fid)
        if stored is not None:
            self._bases[fid] = stored[0]

    def _before_commit(self, *_args: object) -> None:
        buffer = self._layer.editBuffer()
        index = self._layer.fields().indexOf("base_version")
        if buffer is None or index < 0:
            return
        changed = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        stale = []
        for fid in sorted(changed):
            if fid < 0 or fid in buffer.deletedFeatureIds():
                continue
            base = self._bases.get(fid)
            stored = self._stored(fid)
            if base is None or stored is None:
                continue
            if stored[0] != base:
                stale.append((stored[1], base))
                # told once: a second commit applies the kept edits over the other editor's change deliberately
                self._bases[fid] = stored[0]
            # written with the edit: the database refuses it if the row moved on, even after this check
            if not self._layer.changeAttributeValue(fid, index, base):
                QgsMessageLog.logMessage(
                    ConflictMessages.tr("The row version of feature {fid} could not be noted.").format(fid=fid),
                    __title__,
                    Qgis.MessageLevel.Warning,
                )
        for row_id, base in stale:
            history = self._events() if self._events is not None else None
            sentence = conflict_sentence(self._label, row_id, base, history, self._key)
            QgsMessageLog.logMessage(sentence, __title__, Qgis.MessageLevel.Warning)
            self.refused.emit(sentence)


def version_guard(layer: QgsVectorLayer) -> Optional[VersionGuard]:
    """The VersionGuard watching `layer`, if it has one."""
    return layer.findChild(VersionGuard)


#: workspace tables whose rows carry a version: their id field and their history table (None: no history)
GUARDED: dict[str, tuple[str, Optional[str]]] = {
    "idle_assets": ("asset_id", "asset_events"),
    "projects": ("project_id", "project_events"),
    "circles": ("circle_id", None),
}


def row_label(table: str) -> str:
    """How a sentence names one row of `table` ("The asset")."""
    labels = {
        "idle_assets": ConflictMessages.tr("The asset"),
        "projects": ConflictMessages.tr("The project"),
        "circles": ConflictMessages.tr("The circle"),
    }
    return labels.get(table, table)


def guard_layer(
    layer: QgsVectorLayer, table: str, events: Optional[Callable[[], QgsVectorLayer]]
) -> Optional[VersionGuard]:
    """Attach a VersionGuard to a layer on the versioned workspace table `table` (None for another table).

    `events` opens a layer on its history when a refused commit is to be explained.
    """
    if table not in GUARDED or layer.fields().indexOf("base_version") < 0:
        return None
    return VersionGuard(layer, row_label(table), GUARDED[table][0], events)
