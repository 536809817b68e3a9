"""Which workspace a QGIS project belongs to: the one it remembers, checked against the one its layers read.

A project remembers its workspace relative to the project file, as QGIS stores relative layer sources, so a
copied project folder ("方案B") works on its own copy. Projects saved before that remember an absolute path:
when that path and the project's layers name different files, the planner is asked which one to use instead of
the plugin silently writing to the original. A PostGIS workspace is remembered as ``postgres:<connection>/<schema>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry

from fifteen_min_plugin.core.workspace.postgis import PostgisLocation
from fifteen_min_plugin.core.workspace.schema import (
    ASSET_EVENTS,
    CIRCLES,
    COMMUNITIES,
    CONSULTATION_NEEDS,
    CONSULTATIONS,
    FACILITIES,
    IDLE_ASSETS,
    META_TABLE,
    NEED_LISTS,
    NEEDS,
    PROJECT_EVENTS,
    PROJECT_SITES,
    PROJECTS,
    SATISFACTION,
)
from fifteen_min_plugin.core.workspace.workspace import (
    GROUP_PROPERTY,
    PROJECT_KEY,
    PROJECT_SCOPE,
    GeoPackageBackend,
    Workspace,
)

#: tables of a workspace: a project layer on one of them in a GeoPackage is a workspace layer
WORKSPACE_TABLES = frozenset(
    {COMMUNITIES.name, CIRCLES.name, FACILITIES.name, IDLE_ASSETS.name, ASSET_EVENTS.name, META_TABLE, "coverage"}
    | {
        spec.name
        for spec in (NEEDS, NEED_LISTS, CONSULTATIONS, CONSULTATION_NEEDS, PROJECTS, PROJECT_EVENTS, PROJECT_SITES)
    }
    | {SATISFACTION.name}
)


@dataclass(frozen=True)
class ProjectWorkspace:
    """What a project says about its workspace."""

    #: the file the project remembers (resolved against the project file), None when it remembers none
    remembered: Optional[Path]
    #: other workspace files the project's layers read from, existing ones only
    layer_files: tuple[Path, ...]
    #: the PostGIS workspace the project remembers (then `remembered` is None), else None
    postgis: Optional[PostgisLocation] = None

    @property
    def conflict(self) -> Optional[Path]:
        """The workspace the layers read from when it is not the remembered one, else None."""
        return self.layer_files[0] if self.remembered is not None and self.layer_files else None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)


def layer_source(layer: QgsMapLayer) -> tuple[Optional[Path], str]:
    """(GeoPackage file, table) a layer reads, (None, "") when it is not a GeoPackage table."""
    if layer.providerType() != "ogr":
        return None, ""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path or not str(path).lower().endswith(".gpkg"):
        return None, ""
    return Path(path), str(parts.get("layerName") or "")


def workspace_layers_of(project: QgsProject, path: Path) -> list[QgsMapLayer]:
    """The project's layers that read a workspace table of the file `path`."""
    found = []
    for layer in project.mapLayers().values():
        source, table = layer_source(layer)
        if source is not None and table in WORKSPACE_TABLES and _same(source, path):
            found.append(layer)
    return found


def is_workspace_file(path: Path) -> bool:
    """True when `path` is a GeoPackage this plugin made (it has the workspace information table)."""
    return path.is_file() and META_TABLE in GeoPackageBackend(path).layer_names()


def read_project(project: QgsProject) -> ProjectWorkspace:
    """The remembered workspace file and any other workspace file the project's layers read from.

    A layer counts when it reads a workspace table of a GeoPackage made by this plugin: a bureau's own
    GeoPackage with a "communities" table is not a workspace.
    """
    stored, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    location = PostgisLocation.parse(stored) if found and stored else None
    if location is not None:
        return ProjectWorkspace(None, (), location)
    remembered = Path(project.readPath(stored)) if found and stored else None
    if remembered is not None and not remembered.exists() and project.absolutePath():
        beside = Path(project.absolutePath()) / remembered.name
        if beside.exists():  # an old project whose folder was moved as a whole
            remembered = beside
    others: list[Path] = []
    for layer in project.mapLayers().values():
        source, table = layer_source(layer)
        if source is None or table not in WORKSPACE_TABLES or not source.exists():
            continue
        if remembered is not None and _same(source, remembered):
            continue
        if not any(_same(source, other) for other in others) and is_workspace_file(source):
            others.append(source)
    return ProjectWorkspace(remembered, tuple(others))


def adopt_layers(project: QgsProject, workspace: Workspace, others: tuple[Path, ...]) -> int:
    """Point the project's layers on the workspace tables of `others` at `workspace`; return how many moved.

    Used when the planner keeps the remembered workspace: its layers are reused instead of added twice.
    """
    moved = 0
    for other in others:
        for layer in workspace_layers_of(project, other):
            table = layer_source(layer)[1]
            if table in workspace.layer_names() or table == META_TABLE:
                layer.setDataSource(f"{workspace.path}|layername={table}", layer.name(), "ogr")
                moved += 1
    claim_group(project, workspace)
    return moved


def claim_group(project: QgsProject, workspace: Workspace) -> None:
    """Mark the layer-tree group holding the workspace's layers as that workspace's (it may name an old path)."""
    own = {layer.id() for layer in project.mapLayers().values() if workspace.owns(layer)}
    for group in project.layerTreeRoot().findGroups(True):
        if group.customProperty(GROUP_PROPERTY) is None:
            continue
        if any(node.layerId() in own for node in group.findLayers()):
            group.setCustomProperty(GROUP_PROPERTY, str(workspace.path))
