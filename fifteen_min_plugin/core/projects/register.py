"""The project register: the workspace `projects` layer and its `project_events` history.

Every change (add, attribute, site, status) writes the project in one database transaction in which the database
bumps its row `version` and appends one `project_events` row per changed field (core/workspace/integrity, the same
for a change made in QGIS's attribute table or in SQL) with the note the register gives: if an event cannot be
written, the change is rolled back and the project stays as it was. A change based on a `version` another editor
has changed since is refused with a ConflictError saying who changed what. Nothing is deleted: a project that will
not be built is cancelled. A polygon site (a drawn plot) is kept whole in `project_sites` and as its point on
surface in `projects`, written in the same transaction; a replaced polygon stays in the history as WKT.

Status workflow (`PROJECT_STATUSES`)::

    planned → approved → under_construction → open → evaluated
    any status except evaluated → cancelled
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    Qgis,
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

from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import join_labels, project_status_label
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.values import parse_date
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.history import HistoryRegister
from fifteen_min_plugin.core.workspace.layer_io import WriteGuard, retry_busy
from fifteen_min_plugin.core.workspace.schema import PROJECT_SITE_KINDS, PROJECT_STATUSES
from fifteen_min_plugin.core.workspace.workspace import Workspace

#: the one move forward from each status (cancelled is reachable from every status but evaluated)
NEXT_STATUS: dict[str, str] = {
    "planned": "approved",
    "approved": "under_construction",
    "under_construction": "open",
    "open": "evaluated",
}
#: attributes `update` may change (the status has its own workflow, project_id and version never change)
EDITABLE_FIELDS = (
    "name",
    "circle_id",
    "community_id",
    "category",
    "site_kind",
    "asset_id",
    "facility_id",
    "floor_area_m2",
    "investment_wan",
    "implementer",
    "funding",
    "start",
    "deadline",
    "lead_unit",
    "note",
)
_NUMBERS = ("floor_area_m2", "investment_wan")
_DATES = ("start", "deadline")
#: the history's field name of a polygon site (its value is the polygon as WKT)
SITE_POLYGON = "site_polygon"


class ProjectMessages(Messages):
    """Translation context of the project register's sentences."""


@dataclass(frozen=True)
class ProjectEvent:
    """One row of a project's history; `kind` is created, changed or status."""

    project_id: str
    time: QDateTime
    kind: str
    field: str
    old_value: Any
    new_value: Any
    note: str
    user: str
    fid: int
    #: the project's row version this change made (None in history written before schema 7)
    version: Optional[int] = None


def check_transition(old: str, new: str) -> None:
    """Raise FifteenMinError with a sentence unless a project may go from `old` to `new`."""
    if new not in PROJECT_STATUSES:
        raise FifteenMinError(
            ProjectMessages.tr("“{status}” is not a project status; use one of {statuses}.").format(
                status=new, statuses=", ".join(PROJECT_STATUSES)
            )
        )
    if new == old:
        raise FifteenMinError(
            ProjectMessages.tr("The project is already “{status}”.").format(status=project_status_label(new))
        )
    allowed = allowed_statuses(old)
    if new in allowed:
        return
    if not allowed:
        raise FifteenMinError(
            ProjectMessages.tr("A project that is “{old}” cannot change its status any more.").format(
                old=project_status_label(old)
            )
        )
    raise FifteenMinError(
        ProjectMessages.tr("A project cannot go from “{old}” to “{new}”; from “{old}” it can go to: {allowed}.").format(
            old=project_status_label(old),
            new=project_status_label(new),
            allowed=join_labels([project_status_label(status) for status in allowed]),
        )
    )


def allowed_statuses(old: str) -> tuple[str, ...]:
    """The statuses a project that is `old` can move to."""
    if old in ("evaluated", "cancelled"):
        return ()
    return (*([NEXT_STATUS[old]] if old in NEXT_STATUS else []), "cancelled")


def validate_project(values: Mapping[str, Any], require: tuple[str, ...] = ()) -> dict[str, Any]:
    """Checked and trimmed project values; FifteenMinError with a sentence for a bad number or site kind."""
    clean: dict[str, Any] = {}
    for name in require:
        if not str(plain(values.get(name)) or "").strip():
            raise FifteenMinError(ProjectMessages.tr("The project needs a value for “{field}”.").format(field=name))
    for name, raw in values.items():
        if name not in EDITABLE_FIELDS:
            continue
        value = plain(raw)
        empty = value is None or not str(value).strip()
        if name in _NUMBERS:
            clean[name] = None if empty else _number(name, value)
        elif name in _DATES:
            clean[name] = None if empty else _date(name, value)
        elif name == "site_kind" and not empty and str(value).strip() not in PROJECT_SITE_KINDS:
            raise FifteenMinError(
                ProjectMessages.tr("“{value}” is not a kind of site; use one of {kinds}.").format(
                    value=value, kinds=", ".join(PROJECT_SITE_KINDS)
                )
            )
        else:
            clean[name] = None if empty else str(value).strip()
    return clean


def _date(name: str, value: Any) -> str:
    """The ISO date of a start or deadline written as 2026-03-01, 2026/3/1, 2026年3月1日 or 20260301."""
    try:
        return parse_date(str(value)) or ""
    except ValueError as error:
        label = ProjectMessages.tr("The start date") if name == "start" else ProjectMessages.tr("The deadline")
        sentence = ProjectMessages.tr(
            "{field} “{value}” is not a date; write it as 2026-03-01, 2026/3/1 or 2026年3月1日."
        )
        raise FifteenMinError(sentence.format(field=label, value=value)) from error


def check_schedule(start: Optional[str], deadline: Optional[str]) -> None:
    """Raise FifteenMinError with a sentence when the deadline (ISO) comes before the start (ISO)."""
    if start and deadline and deadline < start:
        raise FifteenMinError(
            ProjectMessages.tr("The deadline {deadline} comes before the start {start}; correct one of them.").format(
                deadline=deadline, start=start
            )
        )


def _number(name: str, value: Any) -> float:
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError as error:
        raise FifteenMinError(
            ProjectMessages.tr("{field} must be a number of 0 or more, not “{value}”.").format(field=name, value=value)
        ) from error
    if number < 0:
        raise FifteenMinError(
            ProjectMessages.tr("{field} cannot be negative ({value}).").format(field=name, value=value)
        )
    return number


class ProjectRegister(HistoryRegister, Messages):
    """Add and change projects and move them along the workflow; the database records every change."""

    KEY = "project_id"
    PREFIX = "PJ"

    def __init__(
        self,
        projects: QgsVectorLayer,
        events: QgsVectorLayer,
        user: str = "",
        sites: Optional[QgsVectorLayer] = None,
    ) -> None:
        super().__init__(projects, events, user)
        #: the polygon sites (`project_sites`); without it a polygon site is kept as its point only
        self.sites = sites

    @classmethod
    def from_workspace(cls, workspace: Workspace, user: str = "") -> ProjectRegister:
        """A register on a workspace's own `projects`, `project_events` and `project_sites` layers."""
        sites = workspace.layer("project_sites") if "project_sites" in workspace.layer_names() else None
        return cls(workspace.layer("projects"), workspace.layer("project_events"), user, sites)

    @property
    def projects(self) -> QgsVectorLayer:
        """The `projects` layer."""
        return self.rows

    @projects.setter
    def projects(self, layer: QgsVectorLayer) -> None:
        self.rows = layer

    def _layers(self) -> list[QgsVectorLayer]:
        return [self.projects, self.events, *([self.sites] if self.sites is not None else [])]

    # reading

    def project_ids(self) -> list[str]:
        """Every project id in the register."""
        return self.ids()

    def site_polygon(self, project_id: str) -> QgsGeometry:
        """The project's polygon site in the `project_sites` CRS (null when its site is a point or none)."""
        found = self._site_feature(project_id)
        return found.geometry() if found is not None else QgsGeometry()

    def history(self, project_id: str) -> list[ProjectEvent]:
        """The events of one project, oldest first."""
        return [
            ProjectEvent(
                str(feature["project_id"]),
                feature["time"] if isinstance(feature["time"], QDateTime) else QDateTime(),
                str(plain(feature["kind"]) or ""),
                str(plain(feature["field"]) or ""),
                plain(feature["old_value"]),
                plain(feature["new_value"]),
                str(plain(feature["note"]) or ""),
                str(plain(feature["user"]) or ""),
                feature.id(),
                plain(feature["version"]),
            )
            for feature in self._event_rows(project_id)
        ]

    # changing

    def add(
        self,
        values: Mapping[str, Any],
        geometry: Optional[QgsGeometry] = None,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        note: str = "",
    ) -> str:
        """Add a planned project (the database records its "created" event); returns its project_id (PJ-00001…).

        `values` uses the projects field names; name and category are required. A polygon site is kept as its
        point on surface; `crs` is the geometry's CRS (default: the layer's).
        """
        clean = validate_project(values, require=("name", "category"))
        check_schedule(clean.get("start"), clean.get("deadline"))
        point = self._point(geometry, crs)
        polygon = self._polygon(geometry, crs)

        def write() -> str:
            with self._transaction(note) as guard:
                project_id = str(values.get("project_id") or "").strip() or self._next_id()
                if self._find(project_id) is not None:
                    raise FifteenMinError(
                        self.tr("The project list already has a project “{project_id}”; choose another id.").format(
                            project_id=project_id
                        )
                    )
                now = QDateTime.currentDateTime()
                feature = QgsFeature(self.projects.fields())
                if point is not None:
                    feature.setGeometry(point)
                given = {**clean, "project_id": project_id, "status": "planned", "version": 1}
                for name, value in {**given, "created": now, "updated": now}.items():
                    feature[name] = value
                guard.add(self.projects, [feature], self._failed_layer(self.projects))
                if polygon is not None:
                    self._write_site(guard, project_id, polygon, "created", 1)
            return project_id

        return retry_busy(write)

    def update(
        self,
        project_id: str,
        changes: Mapping[str, Any],
        note: str = "",
        geometry: Optional[QgsGeometry] = None,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        base_version: Optional[int] = None,
    ) -> list[str]:
        """Change attributes (and optionally the site); one event per changed field. Returns the changed fields.

        `base_version` (the `version` the user saw) refuses the change with a ConflictError if the project changed
        since.
        """
        refused = [name for name in changes if name not in EDITABLE_FIELDS]
        if refused:
            raise FifteenMinError(
                self.tr(
                    "The field(s) {fields} cannot be changed here; use the status buttons for the status, and the "
                    "project id never changes."
                ).format(fields=", ".join(refused))
            )
        clean = validate_project(changes)
        point = self._point(geometry, crs)
        polygon = self._polygon(geometry, crs)

        def write() -> list[str]:
            site = point
            with self._transaction(note) as guard:
                feature = self._feature(project_id)
                if base_version is None or plain(feature["version"]) == base_version:
                    check_schedule(
                        clean.get("start", plain(feature["start"])), clean.get("deadline", plain(feature["deadline"]))
                    )
                differing = {name: value for name, value in clean.items() if plain(feature[name]) != value}
                if site is not None and site.equals(feature.geometry()):
                    site = None
                old_site = self._site_feature(project_id) if polygon is not None else None
                replaced = polygon is not None and (old_site is None or not polygon.equals(old_site.geometry()))
                if differing or site is not None or replaced:
                    self._write(guard, feature, differing, site, base_version)
                if replaced:
                    version = int(plain(feature["version"]) or 0) + 1
                    self._write_site(guard, project_id, polygon, "changed", version, old_site)
            return [*differing, *(["geometry"] if site is not None else []), *([SITE_POLYGON] if replaced else [])]

        return retry_busy(write)

    def set_status(self, project_id: str, status: str, note: str = "", base_version: Optional[int] = None) -> None:
        """Move a project along the workflow (see the module docstring); a refused move says which are allowed.

        `base_version` (the `version` the user saw) refuses the move with a ConflictError if the project changed
        since.
        """

        def write() -> None:
            with self._transaction(note) as guard:
                feature = self._feature(project_id)
                if base_version is None or plain(feature["version"]) == base_version:
                    check_transition(str(plain(feature["status"]) or "planned"), status)
                self._write(guard, feature, {"status": status}, base_version=base_version)

        retry_busy(write)

    # internals

    def _write_site(
        self,
        guard: WriteGuard,
        project_id: str,
        polygon: QgsGeometry,
        kind: str,
        version: int,
        old: Optional[QgsFeature] = None,
    ) -> None:
        """Store the project's polygon site (replacing `old`) and its event; the old polygon stays in the event."""
        assert self.sites is not None
        if old is not None:
            guard.delete(self.sites, [old.id()], self._failed_layer(self.sites))
        site = QgsFeature(self.sites.fields())
        site["project_id"] = project_id
        site.setGeometry(polygon)
        guard.add(self.sites, [site], self._failed_layer(self.sites))
        old_wkt = old.geometry().asWkt(8) if old is not None and old.hasGeometry() else None
        self._add_event(guard, project_id, SITE_POLYGON, old_wkt, polygon.asWkt(8), version, kind)

    def _site_feature(self, project_id: str) -> Optional[QgsFeature]:
        if self.sites is None:
            return None
        request = QgsFeatureRequest().setFilterExpression(
            QgsExpression.createFieldEqualityExpression("project_id", project_id)
        )
        return next(self.sites.dataProvider().getFeatures(request), None)

    # sentences

    def _missing(self, row_id: str) -> str:
        return self.tr("The project list has no project “{project_id}”.").format(project_id=row_id)

    def _unchanged(self) -> str:
        return self.tr("The change could not be saved; the project list is unchanged.")

    def _failed_layer(self, layer: QgsVectorLayer) -> str:
        return self.tr("“{layer}” could not be written, so nothing was changed in the project list.").format(
            layer=layer.name()
        )

    def _label(self) -> str:
        return self.tr("The project")

    def _point(
        self, geometry: Optional[QgsGeometry], crs: Optional[QgsCoordinateReferenceSystem]
    ) -> Optional[QgsGeometry]:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None
        message = self.tr("The project's site cannot be converted to the project list's coordinate system.")
        return self._converted(geometry, crs, message)

    def _polygon(
        self, geometry: Optional[QgsGeometry], crs: Optional[QgsCoordinateReferenceSystem]
    ) -> Optional[QgsGeometry]:
        """A polygon site as a multipolygon in the `project_sites` CRS; None for a point or no site."""
        if geometry is None or geometry.isNull() or geometry.isEmpty() or geometry.type() != POLYGON_GEOMETRY:
            return None
        if self.sites is None:
            return None
        polygon = QgsGeometry(geometry)
        if not polygon.isMultipart() and not polygon.convertToMultiType():
            raise FifteenMinError(self.tr("The project's site is not a polygon that can be stored."))
        if crs is not None and crs.isValid() and crs != self.sites.crs():
            message = self.tr("The project's site cannot be converted to the project list's coordinate system.")
            try:
                result = polygon.transform(QgsCoordinateTransform(crs, self.sites.crs(), QgsProject.instance()))
            except QgsCsException as error:
                raise FifteenMinError(message) from error
            if result != Qgis.GeometryOperationResult.Success:
                raise FifteenMinError(message)
        return polygon


def project_from_suggestion(
    register: ProjectRegister,
    suggestion: QgsFeature,
    crs: Optional[QgsCoordinateReferenceSystem] = None,
    note: str = "",
) -> str:
    """Turn one repurposing suggestion (a `fifteenmin:repurpose` output row) into a planned project on its asset.

    The project takes the asset id, the use as its category, the first circle the use serves, the asset's
    location (in `crs`, the suggestion layer's CRS) and its area as floor area. Refused with a sentence when the
    row has no asset or use, or when a project of that use on that asset is already in the list (not cancelled).
    """
    fields = suggestion.fields().names()

    def value(name: str) -> str:
        return str(plain(suggestion[name]) or "").strip() if name in fields else ""

    asset_id, use = value("asset_id"), value("use")
    if not asset_id or not use:
        raise FifteenMinError(
            ProjectMessages.tr(
                "This row is not a repurposing suggestion: it needs an asset_id and a use (run Suggest repurposing "
                "of idle assets first)."
            )
        )
    for project_id in register.project_ids():
        existing = register.get(project_id)
        if existing["asset_id"] == asset_id and existing["category"] == use and existing["status"] != "cancelled":
            raise FifteenMinError(
                ProjectMessages.tr(
                    "The project “{project_id}” already plans this use on the asset “{asset_id}”."
                ).format(project_id=project_id, asset_id=asset_id)
            )
    circles = [item for item in re.split(r"[,，、|;\s]+", value("circle_id")) if item]
    name = f"{value('asset_name') or asset_id}：{value('use_zh') or use}"
    values = {
        "name": name,
        "category": use,
        "circle_id": circles[0] if circles else None,
        "site_kind": "asset",
        "asset_id": asset_id,
        "floor_area_m2": value("area_m2") or None,
        "note": value("reason_zh") or None,
    }
    return register.add(values, suggestion.geometry(), crs, note)
