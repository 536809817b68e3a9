"""The idle-asset register: the workspace `idle_assets` layer and its `asset_events` history.

Every change (add, status, attribute, location) writes the asset in one database transaction in which the
database itself appends one `asset_events` row per changed field (core/workspace/integrity, the same for a change
made in QGIS's attribute table or in SQL) with the note the register gives: if an event cannot be written, the
change is rolled back and the asset stays as it was. A change based on a `version` another editor has changed since
is refused with a ConflictError saying who changed what.

Status workflow (`ASSET_STATUSES`)::

    candidate → under_review → approved → in_use
    under_review → candidate          (sent back)
    approved → under_review           (reopened)
    in_use → approved                 (use ended, approval kept)
    any status except retired → retired
    retired → candidate               (reactivated)

Skipping ahead (candidate → approved, candidate → in_use, under_review → in_use) needs `confirmed=True`;
any other move is refused with a FifteenMinError. Assets are retired, never deleted: the database keeps every row
that has history, and `delete` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime

from fifteen_min_plugin.core.assets import ASSET_TYPES, asset_type, time_windows
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import join_labels, status_label
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.history import HistoryRegister
from fifteen_min_plugin.core.workspace.layer_io import retry_busy
from fifteen_min_plugin.core.workspace.schema import ASSET_STATUSES
from fifteen_min_plugin.core.workspace.workspace import Workspace

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
    "level",
    "wartime_duty",
    "notes",
    "links",
    "source_layer",
    "source_fid",
    "synthetic",
)


class AssetRegister(HistoryRegister, Messages):
    """Add, change and retire idle assets; the database records every change in the history."""

    KEY = "asset_id"
    PREFIX = "IA"

    @classmethod
    def from_workspace(cls, workspace: Workspace, user: str = "") -> AssetRegister:
        """A register on a workspace's own `idle_assets` and `asset_events` layers."""
        return cls(workspace.layer("idle_assets"), workspace.layer("asset_events"), user)

    @property
    def assets(self) -> QgsVectorLayer:
        """The `idle_assets` layer."""
        return self.rows

    @assets.setter
    def assets(self, layer: QgsVectorLayer) -> None:
        self.rows = layer

    # reading

    def asset_ids(self) -> list[str]:
        """Every asset id in the register."""
        return self.ids()

    def history(self, asset_id: str) -> list[AssetEvent]:
        """The events of one asset, oldest first."""
        return [
            AssetEvent(
                str(feature["asset_id"]),
                feature["time"] if isinstance(feature["time"], QDateTime) else QDateTime(),
                str(plain(feature["field"]) or ""),
                plain(feature["old_value"]),
                plain(feature["new_value"]),
                str(plain(feature["note"]) or ""),
                str(plain(feature["user"]) or ""),
                feature.id(),
                plain(feature["version"]),
            )
            for feature in self._event_rows(asset_id)
        ]

    # changing

    def add(
        self,
        values: Mapping[str, Any],
        geometry: QgsGeometry,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        note: str = "",
    ) -> str:
        """Add an asset (the database records its "created" event); returns its asset_id (IA-00001… unless given).

        `values` uses the idle_assets field names; asset_type and name are required, status defaults to
        candidate. A polygon or line becomes its point on surface; `crs` is the geometry's CRS (default: the
        layer's).
        """
        clean = validate_asset(values, require=("asset_type", "name"))
        status = str(values.get("status") or "candidate")
        if status not in ASSET_STATUSES:
            raise FifteenMinError(_status_message(status))
        point = self._point(geometry, crs)

        def write() -> str:
            with self._transaction(note) as guard:
                # the id is chosen and checked under the write lock, so two writers cannot take the same one
                asset_id = str(values.get("asset_id") or "").strip() or self._next_id()
                if self._find(asset_id) is not None:
                    raise FifteenMinError(
                        self.tr("The register already has an asset “{asset_id}”; choose another id.").format(
                            asset_id=asset_id
                        )
                    )
                now = QDateTime.currentDateTime()
                feature = QgsFeature(self.assets.fields())
                feature.setGeometry(point)
                given = {**clean, "asset_id": asset_id, "status": status, "created": now, "updated": now}
                for name, value in given.items():
                    feature[name] = value
                if feature.fieldNameIndex("synthetic") >= 0 and "synthetic" not in clean:
                    feature["synthetic"] = 0
                guard.add(self.assets, [feature], self._failed_layer(self.assets))
            return asset_id

        return retry_busy(write)

    def set_status(
        self,
        asset_id: str,
        status: str,
        note: str = "",
        confirmed: bool = False,
        base_version: Optional[int] = None,
    ) -> None:
        """Move an asset along the workflow (see the module docstring); skipping a step needs `confirmed`.

        `base_version` (the `version` the user saw) refuses the move with a ConflictError if the asset changed since.
        """

        def write() -> None:
            with self._transaction(note) as guard:
                # read under the write lock: the check and the history see the status this change replaces
                feature = self._feature(asset_id)
                old = str(plain(feature["status"]) or "candidate")
                if base_version is None or plain(feature["version"]) == base_version:
                    check_transition(old, status, confirmed)
                self._write(guard, feature, {"status": status}, base_version=base_version)

        retry_busy(write)

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
        base_version: Optional[int] = None,
    ) -> list[str]:
        """Change attributes (and optionally the location); one event per changed field. Returns the changed fields.

        Only `EDITABLE_FIELDS` can change here; the status goes through `set_status`. `base_version` (the `version`
        the user saw) refuses the change with a ConflictError if the asset changed since.
        """
        refused = [name for name in changes if name not in EDITABLE_FIELDS]
        if refused:
            raise FifteenMinError(
                self.tr(
                    "The field(s) {fields} cannot be changed here; use the status buttons for the status, and the "
                    "asset id never changes."
                ).format(fields=", ".join(refused))
            )
        clean = validate_asset(changes)
        point = self._point(geometry, crs) if geometry is not None else None

        def write() -> list[str]:
            point_now = point
            with self._transaction(note) as guard:
                feature = self._feature(asset_id)
                differing = {name: value for name, value in clean.items() if plain(feature[name]) != value}
                if point_now is not None and point_now.equals(feature.geometry()):
                    point_now = None
                if differing or point_now is not None:
                    self._write(guard, feature, differing, point_now, base_version)
            return [*differing, *(["geometry"] if point_now is not None else [])]

        return retry_busy(write)

    def delete(self, asset_id: str, note: str = "", confirmed: bool = False) -> None:
        """Refused with a sentence: the database keeps every asset that has history (all have), so retire it."""
        self._feature(asset_id)
        raise FifteenMinError(
            self.tr(
                "“{asset_id}” keeps its place in the register because its history is kept for good; retire the "
                "asset instead of deleting it."
            ).format(asset_id=asset_id)
        )

    # sentences

    def _missing(self, row_id: str) -> str:
        return self.tr("The register has no asset “{asset_id}”.").format(asset_id=row_id)

    def _unchanged(self) -> str:
        return self.tr("The change could not be saved; the register is unchanged.")

    def _failed_layer(self, layer: QgsVectorLayer) -> str:
        return self.tr("“{layer}” could not be written, so nothing was changed in the register.").format(
            layer=layer.name()
        )

    def _label(self) -> str:
        return self.tr("The asset")

    def _point(self, geometry: QgsGeometry, crs: Optional[QgsCoordinateReferenceSystem]) -> QgsGeometry:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            raise FifteenMinError(self.tr("The asset has no location; draw or pick it on the map."))
        message = self.tr("The asset's location cannot be converted to the register's coordinate system.")
        return self._converted(geometry, crs, message)


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
    #: the asset's row version this change made (None in history written before schema 7)
    version: Optional[int] = None


class RegisterMessages(Messages):
    """Translation context of the module-level validation messages."""


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
        if not str(plain(values.get(name)) or "").strip():
            raise FifteenMinError(RegisterMessages.tr("The asset needs a value for “{field}”.").format(field=name))
    for name, raw in values.items():
        value = plain(raw)
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
