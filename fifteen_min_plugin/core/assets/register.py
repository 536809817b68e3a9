"""The idle-asset register: the workspace `idle_assets` layer and its `asset_events` history.

Every change (add, status, attribute, geometry, delete) writes the asset and one `asset_events` row per
changed field in one database transaction over both layers (they live in the same GeoPackage): if the event
cannot be written, the change is rolled back and the asset stays as it was.

Status workflow (`ASSET_STATUSES`)::

    candidate → under_review → approved → in_use
    under_review → candidate          (sent back)
    approved → under_review           (reopened)
    in_use → approved                 (use ended, approval kept)
    any status except retired → retired
    retired → candidate               (reactivated)

Skipping ahead (candidate → approved, candidate → in_use, under_review → in_use) needs `confirmed=True`;
any other move is refused with a FifteenMinError. Assets are retired rather than deleted; `delete` needs
`confirmed=True` and leaves a "deleted" event holding the asset's last attributes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
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
    QgsMessageLog,
    QgsProject,
    QgsTransaction,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QDateTime, Qt

from fifteen_min_plugin.__about__ import __title__
from fifteen_min_plugin.core.assets import ASSET_TYPES, asset_type, time_windows
from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import join_labels, status_label
from fifteen_min_plugin.core.schema import ASSET_STATUSES
from fifteen_min_plugin.core.workspace import Workspace

#: moves allowed without confirmation
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "candidate": ("under_review", "retired"),
    "under_review": ("approved", "candidate", "retired"),
    "approved": ("in_use", "under_review", "retired"),
    "in_use": ("approved", "retired"),
    "retired": ("candidate",),
}
#: moves that skip a step and need `confirmed=True`
SKIPS: dict[str, tuple[str, ...]] = {
    "candidate": ("approved", "in_use"),
    "under_review": ("in_use",),
}
#: attributes `update` may change (status has its own workflow, asset_id never changes)
EDITABLE_FIELDS = (
    "name",
    "asset_type",
    "owner",
    "area_m2",
    "capacity",
    "idle_windows",
    "condition",
    "notes",
    "links",
    "source_layer",
    "source_fid",
    "synthetic",
)
_ID_PATTERN = re.compile(r"^IA-(\d+)$")


class AssetRegister:
    """Add, change, retire and delete idle assets, recording every change in the history."""

    def __init__(self, assets: QgsVectorLayer, events: QgsVectorLayer, user: str = "") -> None:
        self.assets = assets
        self.events = events
        self.user = user or QgsApplication.userLoginName()

    @classmethod
    def from_workspace(cls, workspace: Workspace, user: str = "") -> AssetRegister:
        """A register on a workspace's own `idle_assets` and `asset_events` layers."""
        return cls(workspace.layer("idle_assets"), workspace.layer("asset_events"), user)

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("AssetRegister", text)

    # reading

    def asset_ids(self) -> list[str]:
        """Every asset id in the register."""
        return [str(feature["asset_id"]) for feature in self.assets.getFeatures()]

    def get(self, asset_id: str) -> dict[str, Any]:
        """The attributes of one asset (NULL as None); FifteenMinError if there is no such asset."""
        feature = self._feature(asset_id)
        return {name: _plain(feature[name]) for name in self.assets.fields().names()}

    def geometry(self, asset_id: str) -> QgsGeometry:
        """The asset's point in the layer's CRS."""
        return self._feature(asset_id).geometry()

    def history(self, asset_id: str) -> list[AssetEvent]:
        """The events of one asset, oldest first."""
        request = QgsFeatureRequest().setFilterExpression(
            QgsExpression.createFieldEqualityExpression("asset_id", asset_id)
        )
        events = [
            AssetEvent(
                str(feature["asset_id"]),
                feature["time"] if isinstance(feature["time"], QDateTime) else QDateTime(),
                str(_plain(feature["field"]) or ""),
                _plain(feature["old_value"]),
                _plain(feature["new_value"]),
                str(_plain(feature["note"]) or ""),
                str(_plain(feature["user"]) or ""),
                feature.id(),
            )
            for feature in self.events.getFeatures(request)
        ]
        return sorted(events, key=lambda event: (event.time.toMSecsSinceEpoch(), event.fid))

    # changing

    def add(
        self,
        values: Mapping[str, Any],
        geometry: QgsGeometry,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        note: str = "",
    ) -> str:
        """Add an asset and a "created" event; returns its asset_id (generated as IA-00001… unless given).

        `values` uses the idle_assets field names; asset_type and name are required, status defaults to
        candidate. A polygon or line becomes its point on surface; `crs` is the geometry's CRS (default: the
        layer's).
        """
        clean = validate_asset(values, require=("asset_type", "name"))
        status = str(values.get("status") or "candidate")
        if status not in ASSET_STATUSES:
            raise FifteenMinError(_status_message(status))
        asset_id = str(values.get("asset_id") or "").strip() or self._next_id()
        if self._find(asset_id) is not None:
            raise FifteenMinError(
                self.tr("The register already has an asset “{asset_id}”; choose another id.").format(asset_id=asset_id)
            )
        point = self._point(geometry, crs)
        now = QDateTime.currentDateTime()
        feature = QgsFeature(self.assets.fields())
        feature.setGeometry(point)
        for name, value in {**clean, "asset_id": asset_id, "status": status, "created": now, "updated": now}.items():
            feature[name] = value
        if feature.fieldNameIndex("synthetic") >= 0 and "synthetic" not in clean:
            feature["synthetic"] = 0
        summary = f"{clean['asset_type']}: {clean['name']}"
        with self._transaction():
            if not self.assets.addFeature(feature):
                raise self._write_error(self.assets)
            self._event(asset_id, "created", None, summary, note, now)
        return asset_id

    def set_status(self, asset_id: str, status: str, note: str = "", confirmed: bool = False) -> None:
        """Move an asset along the workflow (see the module docstring); skipping a step needs `confirmed`."""
        feature = self._feature(asset_id)
        old = str(_plain(feature["status"]) or "candidate")
        check_transition(old, status, confirmed)
        self._change(feature, {"status": status}, note)

    def retire(self, asset_id: str, note: str = "") -> None:
        """Retire an asset (kept in the register, out of use)."""
        self.set_status(asset_id, "retired", note)

    def update(
        self,
        asset_id: str,
        changes: Mapping[str, Any],
        note: str = "",
        geometry: Optional[QgsGeometry] = None,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
    ) -> list[str]:
        """Change attributes (and optionally the location); one event per changed field. Returns the changed fields.

        Only `EDITABLE_FIELDS` can change here; the status goes through `set_status`.
        """
        refused = [name for name in changes if name not in EDITABLE_FIELDS]
        if refused:
            raise FifteenMinError(
                self.tr(
                    "The field(s) {fields} cannot be changed here; use the status buttons for the status, and the "
                    "asset id never changes."
                ).format(fields=", ".join(refused))
            )
        feature = self._feature(asset_id)
        clean = validate_asset(changes)
        differing = {name: value for name, value in clean.items() if _plain(feature[name]) != value}
        point = self._point(geometry, crs) if geometry is not None else None
        if point is not None and point.equals(feature.geometry()):
            point = None
        if differing or point is not None:
            self._change(feature, differing, note, point)
        return [*differing, *(["geometry"] if point is not None else [])]

    def delete(self, asset_id: str, note: str = "", confirmed: bool = False) -> None:
        """Delete an asset for good, leaving a "deleted" event with its last attributes; needs `confirmed`.

        Prefer `retire`: a retired asset keeps its place in the register.
        """
        feature = self._feature(asset_id)
        if not confirmed:
            raise FifteenMinError(
                self.tr(
                    "Deleting “{asset_id}” removes it from the register for good; confirm the deletion, or retire "
                    "the asset instead."
                ).format(asset_id=asset_id)
            )
        last = {name: _json_value(feature[name]) for name in self.assets.fields().names()}
        last["geometry"] = feature.geometry().asWkt(8)
        with self._transaction():
            if not self.assets.deleteFeature(feature.id()):
                raise self._write_error(self.assets)
            self._event(asset_id, "deleted", json.dumps(last, ensure_ascii=False, default=str), None, note)

    # internals

    def _change(
        self, feature: QgsFeature, values: Mapping[str, Any], note: str, point: Optional[QgsGeometry] = None
    ) -> None:
        asset_id = str(feature["asset_id"])
        now = QDateTime.currentDateTime()
        fields = self.assets.fields()
        with self._transaction():
            for name, value in values.items():
                if not self.assets.changeAttributeValue(feature.id(), fields.indexOf(name), value, feature[name]):
                    raise self._write_error(self.assets)
                self._event(asset_id, name, _plain(feature[name]), value, note, now)
            if point is not None:
                if not self.assets.changeGeometry(feature.id(), point):
                    raise self._write_error(self.assets)
                self._event(asset_id, "geometry", feature.geometry().asWkt(8), point.asWkt(8), note, now)
            updated = fields.indexOf("updated")
            if updated >= 0 and not self.assets.changeAttributeValue(feature.id(), updated, now, feature["updated"]):
                raise self._write_error(self.assets)

    def _event(
        self, asset_id: str, field: str, old: Any, new: Any, note: str, when: Optional[QDateTime] = None
    ) -> None:
        event = QgsFeature(self.events.fields())
        event["asset_id"] = asset_id
        event["time"] = when or QDateTime.currentDateTime()
        event["field"] = field
        event["old_value"] = None if old is None else str(old)
        event["new_value"] = None if new is None else str(new)
        event["note"] = note or None
        event["user"] = self.user
        if not self.events.addFeature(event):
            raise self._write_error(self.events)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Both layers in one database transaction: committed if the block succeeds, rolled back otherwise."""
        for layer in (self.assets, self.events):
            if layer.isEditable():
                raise FifteenMinError(
                    self.tr("The layer “{layer}” is being edited; save or discard those edits first.").format(
                        layer=layer.name()
                    )
                )
        providers = [self.assets.dataProvider(), self.events.dataProvider()]
        for provider in providers:
            provider.enterUpdateMode()
        transaction = QgsTransaction.create({self.assets, self.events})
        try:
            begun, error = (False, "") if transaction is None else transaction.begin()
            if not begun:
                raise FifteenMinError(
                    self.tr("The register cannot be changed: {path} could not be opened for writing.").format(
                        path=self.assets.source().split("|")[0]
                    ),
                    details=error,
                )
            if not (self.assets.startEditing() and self.events.startEditing()):
                transaction.rollback()
                self._stop_editing(commit=False)
                raise FifteenMinError(self.tr("The register layers cannot be edited; nothing was changed."))
            try:
                yield
            except Exception:
                transaction.rollback()
                self._stop_editing(commit=False)
                raise
            committed, error = transaction.commit()
            if not committed:
                transaction.rollback()
                self._stop_editing(commit=False)
                raise FifteenMinError(
                    self.tr("The change could not be saved; the register is unchanged."), details=error
                )
            self._stop_editing(commit=True)
        finally:
            del transaction
            for provider in providers:
                provider.leaveUpdateMode()
        for layer in (self.assets, self.events):
            layer.reload()
        for layer in QgsProject.instance().mapLayers().values():
            if layer not in (self.assets, self.events) and layer.source() in (
                self.assets.source(),
                self.events.source(),
            ):
                layer.reload()

    def _stop_editing(self, commit: bool) -> None:
        """End the layers' edit sessions once the transaction is settled (their edits already went through it)."""
        for layer in (self.assets, self.events):
            if not layer.isEditable():
                continue
            ended = layer.commitChanges() if commit else layer.rollBack()
            if not ended:
                QgsMessageLog.logMessage(
                    self.tr("The edit session of “{layer}” did not close cleanly: {errors}").format(
                        layer=layer.name(), errors="; ".join(layer.commitErrors())
                    ),
                    __title__,
                    Qgis.MessageLevel.Warning,
                )

    def _write_error(self, layer: QgsVectorLayer) -> FifteenMinError:
        return FifteenMinError(
            self.tr("“{layer}” could not be written, so nothing was changed in the register.").format(
                layer=layer.name()
            ),
            details="; ".join(layer.dataProvider().errors()),
        )

    def _find(self, asset_id: str) -> Optional[QgsFeature]:
        request = QgsFeatureRequest().setFilterExpression(
            QgsExpression.createFieldEqualityExpression("asset_id", asset_id)
        )
        return next(self.assets.getFeatures(request), None)

    def _feature(self, asset_id: str) -> QgsFeature:
        feature = self._find(asset_id)
        if feature is None:
            raise FifteenMinError(self.tr("The register has no asset “{asset_id}”.").format(asset_id=asset_id))
        return feature

    def _next_id(self) -> str:
        numbers = [int(match.group(1)) for match in map(_ID_PATTERN.match, self.asset_ids()) if match]
        return f"IA-{max(numbers, default=0) + 1:05d}"

    def _point(self, geometry: QgsGeometry, crs: Optional[QgsCoordinateReferenceSystem]) -> QgsGeometry:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            raise FifteenMinError(self.tr("The asset has no location; draw or pick it on the map."))
        point = (
            QgsGeometry(geometry)
            if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart()
            else geometry.pointOnSurface()
        )
        if crs is not None and crs.isValid() and crs != self.assets.crs():
            message = self.tr("The asset's location cannot be converted to the register's coordinate system.")
            try:
                result = point.transform(QgsCoordinateTransform(crs, self.assets.crs(), QgsProject.instance()))
            except QgsCsException as error:
                raise FifteenMinError(message) from error
            if result != Qgis.GeometryOperationResult.Success:
                raise FifteenMinError(message)
        return point


@dataclass(frozen=True)
class AssetEvent:
    """One row of an asset's history."""

    asset_id: str
    time: QDateTime
    field: str
    old_value: Any
    new_value: Any
    note: str
    user: str
    fid: int


class RegisterMessages:
    """Translation context of the module-level validation messages."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("RegisterMessages", text)


def _plain(value: Any) -> Any:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _json_value(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODateWithMs)
    return value


def _status_message(status: str) -> str:
    return RegisterMessages.tr("“{status}” is not a status; use one of {statuses}.").format(
        status=status, statuses=", ".join(ASSET_STATUSES)
    )


def check_transition(old: str, new: str, confirmed: bool = False) -> None:
    """Raise FifteenMinError with a sentence unless `old` → `new` is allowed (skips only when `confirmed`)."""
    if new not in ASSET_STATUSES:
        raise FifteenMinError(_status_message(new))
    if new == old:
        raise FifteenMinError(RegisterMessages.tr("The asset is already “{status}”.").format(status=status_label(new)))
    if new in TRANSITIONS.get(old, ()):
        return
    if new in SKIPS.get(old, ()):
        if confirmed:
            return
        raise FifteenMinError(
            RegisterMessages.tr(
                "Moving from “{old}” straight to “{new}” skips the review or approval step; confirm it to go ahead."
            ).format(old=status_label(old), new=status_label(new))
        )
    allowed = join_labels([status_label(status) for status in TRANSITIONS.get(old, ())])
    raise FifteenMinError(
        RegisterMessages.tr("An asset cannot go from “{old}” to “{new}”; from “{old}” it can go to: {allowed}.").format(
            old=status_label(old), new=status_label(new), allowed=allowed
        )
    )


def _number(name: str, value: Any, integer: bool) -> Optional[float]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip()) if integer else float(str(value).replace(",", "").strip())
    except ValueError as error:
        raise FifteenMinError(
            RegisterMessages.tr("{field} must be a whole number of 0 or more, not “{value}”.").format(
                field=name, value=value
            )
            if integer
            else RegisterMessages.tr("{field} must be a number of 0 or more, not “{value}”.").format(
                field=name, value=value
            )
        ) from error
    if number < 0:
        raise FifteenMinError(
            RegisterMessages.tr("{field} cannot be negative ({value}).").format(field=name, value=value)
        )
    return number


def validate_asset(values: Mapping[str, Any], require: tuple[str, ...] = ()) -> dict[str, Any]:
    """Checked and normalised register values (asset type code, numbers, canonical idle windows).

    FifteenMinError with a sentence for an unknown asset type, a negative or non-numeric area or capacity,
    bad idle windows, or a required field left empty.
    """
    clean: dict[str, Any] = {}
    for name in require:
        if not str(_plain(values.get(name)) or "").strip():
            raise FifteenMinError(RegisterMessages.tr("The asset needs a value for “{field}”.").format(field=name))
    for name, raw in values.items():
        value = _plain(raw)
        if name == "asset_type":
            found = asset_type(str(value or ""))
            if found is None:
                choices = ", ".join(f"{item.code} ({item.label_zh})" for item in ASSET_TYPES)
                raise FifteenMinError(
                    RegisterMessages.tr("“{value}” is not an asset type; use one of: {choices}.").format(
                        value=value, choices=choices
                    )
                )
            clean[name] = found.code
        elif name == "area_m2":
            clean[name] = _number(RegisterMessages.tr("The area (m²)"), value, integer=False)
        elif name == "capacity":
            number = _number(RegisterMessages.tr("The capacity (parking bays)"), value, integer=True)
            clean[name] = None if number is None else int(number)
        elif name == "source_fid":
            clean[name] = None if value is None else int(value)
        elif name == "synthetic":
            clean[name] = 1 if value else 0
        elif name == "idle_windows":
            clean[name] = time_windows.validate(value) if value and str(value).strip() else None
        elif name in EDITABLE_FIELDS:
            clean[name] = None if value is None or not str(value).strip() else str(value).strip()
    return clean
