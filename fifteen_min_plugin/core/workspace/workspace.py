"""The workspace: one store per planning area holding the plugin's layers, reached only through QGIS providers.

`Workspace` is the one interface analysis code uses for layer access. Storage details live in a backend with one
small method set: `GeoPackageBackend` (a .gpkg file, the default) or `postgis.PostgisBackend` (a schema on a
bureau's PostgreSQL server). A location is a GeoPackage path or a `PostgisLocation` (text form
``postgres:<connection>/<schema>``); `Workspace.create`, `open` and `from_project` take either.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Optional, Union

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDefaultValue,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMessageLog,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.__about__ import RESOURCES_DIR, __title__
from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError, WorkspaceError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace import concurrency, integrity
from fifteen_min_plugin.core.workspace.layer_io import WriteGuard, workspace_transaction
from fifteen_min_plugin.core.workspace.postgis import PostgisBackend, PostgisLocation
from fifteen_min_plugin.core.workspace.schema import (
    APPLICATION,
    DEFAULT_CRS,
    HISTORY,
    INDEXES,
    META,
    META_TABLE,
    SCHEMA_VERSION,
    Addition,
    FieldSpec,
    IndexSpec,
    LayerSpec,
    display_name,
    legend_label,
    upgrade_plan,
    workspace_layers,
)

PathLike = Union[str, os.PathLike]
#: where a workspace lives: a GeoPackage path, a PostgisLocation or its text form "postgres:<connection>/<schema>"
Location = Union[PathLike, PostgisLocation]

STYLES_DIR = RESOURCES_DIR / "styles"
#: custom property marking the layer-tree group of a workspace (value: the workspace path)
GROUP_PROPERTY = "fifteenmin/workspace"

_GEOMETRY_TYPES = {
    None: QgsWkbTypes.Type.NoGeometry,
    "Point": QgsWkbTypes.Type.Point,
    "MultiPolygon": QgsWkbTypes.Type.MultiPolygon,
}


def _qgs_fields(specs: Sequence[FieldSpec]) -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(new_field(spec.name, spec.kind))
    return fields


class GeoPackageBackend:
    """Workspace storage in one GeoPackage file, through the QGIS OGR provider only."""

    provider_key = "ogr"

    def __init__(self, path: Path) -> None:
        self.path = path

    def uri(self, layer_name: str) -> str:
        """Data source of one layer for `provider_key`."""
        return f"{self.path}|layername={layer_name}"

    def _sublayers(self) -> list:
        metadata = QgsProviderRegistry.instance().providerMetadata(self.provider_key)
        return metadata.querySublayers(str(self.path))

    def is_container(self) -> bool:
        """True if the file is a GeoPackage holding at least one table (checked without writing)."""
        return self.path.is_file() and any(item.driverName() == "GPKG" for item in self._sublayers())

    def layer_names(self) -> list[str]:
        """Names of all vector tables in the file."""
        return [item.name() for item in self._sublayers()]

    def columns(self, names: Sequence[str]) -> dict[str, list[str]]:
        """{table: field names} of the tables `names`."""
        return {name: self.vector_layer(name, read_only=True).fields().names() for name in names}

    def index_sql(self, spec: IndexSpec) -> str:
        """The CREATE INDEX statement of `spec` (SQLite)."""
        return spec.sql()

    def check_new(self) -> None:
        """WorkspaceError if the file exists already (a new workspace never touches an existing file)."""
        if self.path.exists():
            raise WorkspaceError(
                Workspace.tr("The file {path} already exists. Choose another file name, or open it instead.").format(
                    path=self.path
                )
            )

    def check_existing(self) -> None:
        """WorkspaceError unless the file is a GeoPackage (checked without writing)."""
        if not self.path.is_file():
            raise WorkspaceError(Workspace.tr("The workspace file {path} does not exist.").format(path=self.path))
        if not self.is_container():
            raise WorkspaceError(
                Workspace.tr("The file {path} is not a GeoPackage, so it cannot be opened as a workspace.").format(
                    path=self.path
                )
            )

    def not_a_workspace(self) -> str:
        """The sentence for a GeoPackage without the workspace information table."""
        message = Workspace.tr("The GeoPackage {path} is not a workspace of this plugin (it has no “{table}” table).")
        return message.format(path=self.path, table=META_TABLE)

    def create_all(self, layers: Sequence[LayerSpec], crs: QgsCoordinateReferenceSystem) -> None:
        """Create the file with every table of `layers` and the unique indexes; `discard` undoes a failure."""
        for spec in layers:
            self.create_layer(spec, crs)
        _add_indexes(self, INDEXES)

    def vector_layer(self, layer_name: str, name: str = "", read_only: bool = False) -> QgsVectorLayer:
        """A layer on one table; `read_only` opens it without write access."""
        options = QgsVectorLayer.LayerOptions(QgsCoordinateTransformContext())
        options.loadDefaultStyle = False
        options.forceReadOnly = read_only
        return QgsVectorLayer(self.uri(layer_name), name or layer_name, self.provider_key, options)

    def layer_name_of(self, layer: QgsMapLayer) -> Optional[str]:
        """Table name if `layer` reads from this workspace, else None."""
        if layer.providerType() != self.provider_key:
            return None
        parts = QgsProviderRegistry.instance().decodeUri(self.provider_key, layer.source())
        path = parts.get("path")
        if not path or Path(path).resolve() != self.path.resolve():
            return None
        return parts.get("layerName") or None

    def create_layer(self, spec: LayerSpec, crs: QgsCoordinateReferenceSystem) -> None:
        """Create an empty table (and the file if needed); never replaces an existing table."""
        new_file = not self.path.exists()
        if not new_file and spec.name in self.layer_names():
            raise WorkspaceError(
                Workspace.tr("The layer “{layer}” already exists in {path}.").format(layer=spec.name, path=self.path)
            )
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = spec.name
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
            if new_file
            else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        )
        writer = QgsVectorFileWriter.create(
            str(self.path),
            _qgs_fields(spec.fields),
            _GEOMETRY_TYPES[spec.geometry],
            crs if spec.geometry else QgsCoordinateReferenceSystem(),
            QgsCoordinateTransformContext(),
            options,
        )
        error, message = writer.hasError(), writer.errorMessage()
        del writer
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise WorkspaceError(
                Workspace.tr("The layer “{layer}” could not be created in {path}.").format(
                    layer=spec.name, path=self.path
                ),
                details=message,
            )

    def add_fields(self, layer_name: str, specs: Sequence[FieldSpec]) -> None:
        """Append fields to an existing table; existing fields and rows are kept."""
        layer = self.vector_layer(layer_name)
        if not layer.isValid() or not layer.dataProvider().addAttributes(list(_qgs_fields(specs))):
            raise WorkspaceError(
                Workspace.tr("The fields {fields} could not be added to the layer “{layer}” in {path}.").format(
                    fields=", ".join(spec.name for spec in specs), layer=layer_name, path=self.path
                ),
                details="; ".join(layer.dataProvider().errors()) if layer.isValid() else layer.error().summary(),
            )

    def discard(self) -> None:
        """Delete the file and its SQLite side files (only used on a file this backend just created)."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


PROJECT_SCOPE = "fifteenmin"
PROJECT_KEY = "workspace"


Backend = Union[GeoPackageBackend, PostgisBackend]


def backend_for(location: Location) -> Backend:
    """The backend of a location: PostGIS for a PostgisLocation or its "postgres:" text form, else a GeoPackage.

    WorkspaceError when a PostGIS location's connection is not saved, keeps a password, or the schema name is bad.
    """
    if isinstance(location, PostgisLocation):
        return PostgisBackend(location)
    parsed = PostgisLocation.parse(str(location))
    if parsed is not None:
        return PostgisBackend(parsed)
    return GeoPackageBackend(Path(location))


class Workspace(Messages):
    """A workspace opened at the current schema version; get one with `create` or `open`."""

    def __init__(
        self,
        backend: Backend,
        schema_version: int,
        categories: Sequence[Category],
        upgrades: Sequence[Addition] = (),
        notes: Sequence[str] = (),
    ) -> None:
        self._backend = backend
        self._schema_version = schema_version
        self.categories: tuple[Category, ...] = tuple(categories)
        #: what opening added to bring the file to the current schema (empty if nothing)
        self.upgrades: tuple[Addition, ...] = tuple(upgrades)
        #: sentences on what the upgrade did to existing rows (e.g. repeated facilities merged), for the user
        self.notes: tuple[str, ...] = tuple(notes)
        self._specs = {spec.name: spec for spec in workspace_layers(self.categories)}

    @property
    def path(self) -> Union[Path, str]:
        """The GeoPackage file; for a PostGIS workspace the location's text form ``postgres:<connection>/<schema>``."""
        return self._backend.path

    @property
    def location(self) -> Union[Path, PostgisLocation]:
        """Where the workspace lives: the GeoPackage path or the PostgisLocation."""
        backend = self._backend
        return backend.location if isinstance(backend, PostgisBackend) else backend.path

    @property
    def backend(self) -> Backend:
        """The storage backend (GeoPackageBackend or PostgisBackend), for code that needs SQL or table names."""
        return self._backend

    @property
    def is_postgis(self) -> bool:
        """Whether the workspace is a PostGIS schema."""
        return isinstance(self._backend, PostgisBackend)

    def processing_source(self, name: str) -> str:
        """Table `name` as a Processing layer parameter that resolves on either backend, in a project or not.

        A PostGIS source carries QGIS's ``postgres://`` provider prefix: Processing would otherwise find it only
        among the project's layers.
        """
        uri = self._backend.uri(name)
        return f"postgres://{uri}" if self.is_postgis else uri

    def owns(self, layer: QgsMapLayer) -> bool:
        """Whether `layer` reads one of this workspace's tables."""
        return self._backend.layer_name_of(layer) is not None

    @property
    def schema_version(self) -> int:
        """Schema version stored in the workspace."""
        return self._schema_version

    @property
    def name(self) -> str:
        """Name of the workspace, shown as its layer-tree group (the file's stem or the schema)."""
        backend = self._backend
        return backend.schema if isinstance(backend, PostgisBackend) else backend.path.stem

    @classmethod
    def create(
        cls,
        path: Location,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        categories: Optional[Sequence[Category]] = None,
    ) -> Workspace:
        """Create a new workspace with every layer empty at `path` (a GeoPackage file or a PostGIS location).

        Refuses to touch an existing file or schema; a failure leaves nothing behind.
        """
        backend = backend_for(path)
        backend.check_new()
        path = backend.path
        crs = crs if crs is not None else QgsCoordinateReferenceSystem(DEFAULT_CRS)
        if not crs.isValid():
            raise WorkspaceError(Workspace.tr("The chosen coordinate reference system is not valid."))
        table = _categories(categories)
        try:
            backend.create_all((META, *workspace_layers(table)), crs)
            _write_meta(backend, {"schema_version": str(SCHEMA_VERSION), "application": APPLICATION})
            integrity.install(backend.vector_layer(META_TABLE))
        except WorkspaceError as error:
            backend.discard()
            raise WorkspaceError(
                Workspace.tr("The workspace {path} could not be created. {reason}").format(
                    path=path, reason=error.message
                ),
                details=error.details,
            ) from error
        return cls(backend, SCHEMA_VERSION, table)

    @classmethod
    def open(cls, path: Location, categories: Optional[Sequence[Category]] = None) -> Workspace:
        """Open a workspace (a GeoPackage file or a PostGIS location), upgrading an older schema in place.

        An upgrade only adds layers, fields and indexes.

        Files or schemas that are missing, unreachable, not GeoPackages, not workspaces or from a newer plugin are
        refused with a WorkspaceError before anything is written.
        """
        backend = backend_for(path)
        backend.check_existing()
        path = backend.path
        names = backend.layer_names()
        if META_TABLE not in names:
            raise WorkspaceError(backend.not_a_workspace())
        version = _read_version(backend)
        if version > SCHEMA_VERSION:
            message = Workspace.tr(
                "The workspace {path} needs a newer {plugin} (schema {found}, this one reads {supported})."
            )
            raise WorkspaceError(message.format(path=path, plugin=__title__, found=version, supported=SCHEMA_VERSION))
        table = _categories(categories)
        layers = workspace_layers(table)
        existing = backend.columns(names)
        plan = upgrade_plan(existing, version, layers)
        notes: list[str] = []
        if plan or version < SCHEMA_VERSION:
            try:
                _apply(backend, plan, layers, existing)
                notes = _add_indexes(backend, _new_indexes(version))
                if isinstance(backend, PostgisBackend):
                    backend.add_lookup_indexes(layers)
                integrity.install(backend.vector_layer(META_TABLE))
                if version < SCHEMA_VERSION:
                    _write_meta(backend, {"schema_version": str(SCHEMA_VERSION)})
            except WorkspaceError as error:
                message = Workspace.tr(
                    "The workspace {path} could not be upgraded to schema {version}; no data was lost."
                )
                raise WorkspaceError(
                    f"{message.format(path=path, version=SCHEMA_VERSION)} {error.message}", details=error.details
                ) from error
        return cls(backend, SCHEMA_VERSION, table, plan, notes)

    def layer_names(self) -> list[str]:
        """Names of the workspace layers (spatial and tables) in display order."""
        return list(self._specs)

    def layer(self, name: str) -> QgsVectorLayer:
        """A new, valid layer on one workspace table, with its translated name and field defaults."""
        spec = self._specs[name]
        layer = self._backend.vector_layer(name, display_name(name))
        if not layer.isValid():
            raise WorkspaceError(
                Workspace.tr("The layer “{layer}” of the workspace {path} cannot be read.").format(
                    layer=name, path=self.path
                ),
                details=layer.error().summary(),
            )
        for field in spec.fields:
            index = layer.fields().lookupField(field.name)
            if field.default is not None and index >= 0:
                layer.setDefaultValueDefinition(index, QgsDefaultValue(field.default, field.default_on_update))
        self.guard(layer)
        return layer

    def guard(self, layer: QgsVectorLayer) -> Optional[concurrency.VersionGuard]:
        """The VersionGuard of a layer on a versioned table of this workspace (attached if missing), else None."""
        name = self._backend.layer_name_of(layer)
        if name not in concurrency.GUARDED:
            return None
        existing = concurrency.version_guard(layer)
        if existing is not None:
            return existing
        events = concurrency.GUARDED[name][1]
        backend = self._backend

        def history() -> QgsVectorLayer:
            return backend.vector_layer(events, read_only=True)

        return concurrency.guard_layer(layer, name, history if events in self._specs else None)

    def add_to_project(self, project: QgsProject) -> list[QgsVectorLayer]:
        """Add every workspace layer, styled, to a group named after the workspace; layers already there are reused."""
        present = {}
        for layer in project.mapLayers().values():
            name = self._backend.layer_name_of(layer)
            if name in self._specs and name not in present:
                present[name] = layer
        group = self._group(project)
        result = []
        for name in self.layer_names():
            layer = present.get(name)
            if layer is None:
                layer = self.layer(name)
                _apply_style(layer, name)
                if project.addMapLayer(layer, False) is None:
                    raise WorkspaceError(
                        Workspace.tr("The layer “{layer}” could not be added to the project.").format(
                            layer=layer.name()
                        )
                    )
                group.addLayer(layer)
            result.append(layer)
        return result

    def remember_in(self, project: QgsProject) -> None:
        """Record this workspace in the project.

        A GeoPackage relative to the project file when QGIS stores relative paths, a PostGIS workspace as
        ``postgres:<connection>/<schema>`` (never a credential).
        """
        if self.is_postgis:
            project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, str(self.path))
        else:
            project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, project.writePath(str(self.path)))

    @classmethod
    def from_project(cls, project: QgsProject) -> Optional[Workspace]:
        """The workspace a project remembers, opened; None when it remembers none.

        When the remembered file is gone but a file of that name sits beside the project file, that one is used:
        a project folder moved or copied as a whole keeps working.
        """
        stored, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if not found or not stored:
            return None
        location = PostgisLocation.parse(stored)
        if location is not None:
            return cls.open(location)
        path = Path(project.readPath(stored))
        beside = Path(project.absolutePath()) / path.name
        if not path.exists() and project.absolutePath() and beside.exists():
            path = beside
        return cls.open(path)

    def _group(self, project: QgsProject) -> QgsLayerTreeGroup:
        root = project.layerTreeRoot()
        for group in root.findGroups(True):
            if group.customProperty(GROUP_PROPERTY) == str(self.path):
                return group
        group = root.insertGroup(0, self.name)
        group.setCustomProperty(GROUP_PROPERTY, str(self.path))
        return group


def _categories(categories: Optional[Sequence[Category]]) -> list[Category]:
    if categories is not None:
        return list(categories)
    try:
        return load_categories()
    except FifteenMinError as error:
        raise WorkspaceError(error.message, details=error.details) from error


def _read_meta(backend: Backend) -> dict[str, str]:
    layer = backend.vector_layer(META_TABLE, read_only=True)
    if not layer.isValid():
        return {}
    return {str(feature["key"]): str(feature["value"]) for feature in layer.getFeatures()}


def _read_version(backend: Backend) -> int:
    meta = _read_meta(backend)
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError:
        version = 0
    if meta.get("application") != APPLICATION or version < 1:
        message = Workspace.tr("The workspace information in {path} is damaged or was not written by this plugin.")
        raise WorkspaceError(message.format(path=backend.path))
    return version


def _write_meta(backend: Backend, values: dict[str, str]) -> None:
    layer = backend.vector_layer(META_TABLE)
    failed = Workspace.tr("The workspace information in {path} could not be saved.").format(path=backend.path)
    value_index = layer.fields().lookupField("value")
    try:
        with workspace_transaction([layer], failed) as guard:
            rows = {str(feature["key"]): feature.id() for feature in layer.getFeatures()}
            guard.change(layer, {rows[key]: {value_index: value} for key, value in values.items() if key in rows})
            added = []
            for key, value in values.items():
                if key not in rows:
                    feature = QgsFeature(layer.fields())
                    feature["key"] = key
                    feature["value"] = value
                    added.append(feature)
            guard.add(layer, added)
    except FifteenMinError as error:
        raise WorkspaceError(error.message, details=error.details) from error


def _storage_crs(backend: Backend, layers: Sequence[LayerSpec], names: Sequence[str]) -> QgsCoordinateReferenceSystem:
    for spec in layers:
        if spec.geometry and spec.name in names:
            crs = backend.vector_layer(spec.name, read_only=True).crs()
            if crs.isValid():
                return crs
    return QgsCoordinateReferenceSystem(DEFAULT_CRS)


def _apply(
    backend: Backend, plan: Sequence[Addition], layers: Sequence[LayerSpec], existing: dict[str, list[str]]
) -> None:
    specs = {spec.name: spec for spec in layers}
    crs = _storage_crs(backend, layers, list(existing))
    new_fields: dict[str, list[FieldSpec]] = {}
    for addition in plan:
        if addition.field is None:
            backend.create_layer(specs[addition.layer], crs)
        else:
            new_fields.setdefault(addition.layer, []).append(specs[addition.layer].field(addition.field))
    for name, fields in new_fields.items():
        backend.add_fields(name, fields)


def _new_indexes(version: int) -> list[IndexSpec]:
    names = {name for change in HISTORY if change.version > version for name in change.indexes}
    return [spec for spec in INDEXES if spec.name in names]


def _add_indexes(backend: Backend, indexes: Sequence[IndexSpec]) -> list[str]:
    """Build the unique indexes, first merging rows that repeat an indexed key; returns what was merged, as sentences.

    Each index is built in one transaction with its merge: a failure leaves the table as it was.
    """
    merged_note = Workspace.tr(
        "Merged {merged} rows of “{layer}” that repeated an imported record ({columns}) into {kept}."
    )
    notes = []
    for spec in indexes:
        layer = backend.vector_layer(spec.layer)
        if not layer.isValid():
            continue
        failed = Workspace.tr("The unique index “{index}” could not be added to the layer “{layer}”.").format(
            index=spec.name, layer=spec.layer
        )
        try:
            with workspace_transaction([layer], failed) as guard:
                merged, kept = _merge_repeats(layer, spec, guard)
                guard.execute(backend.index_sql(spec))
        except FifteenMinError as error:
            raise WorkspaceError(error.message, details=error.details) from error
        if merged:
            notes.append(
                merged_note.format(
                    merged=merged, layer=display_name(spec.layer), columns=" + ".join(spec.columns), kept=kept
                )
            )
    return notes


def _merge_repeats(layer: QgsVectorLayer, spec: IndexSpec, guard: WriteGuard) -> tuple[int, int]:
    """Merge rows sharing the key of `spec` into the oldest (lowest fid) one; returns (rows merged, rows left).

    The kept row takes a value from a merged row for each field it has empty.
    """
    indices = [layer.fields().lookupField(column) for column in spec.columns]
    groups: dict[tuple, list[QgsFeature]] = {}
    for feature in layer.getFeatures(QgsFeatureRequest().addOrderBy("$id")):
        key = tuple(value_text(feature.attribute(index)) for index in indices)
        if all(key):
            groups.setdefault(key, []).append(feature)
    repeats = [group for group in groups.values() if len(group) > 1]
    keys = set(layer.primaryKeyAttributes())
    changes: dict[int, dict[int, object]] = {}
    geometries = {}
    removed = []
    for keeper, *others in repeats:
        values = {}
        for index in range(layer.fields().count()):
            if index in keys or value_text(keeper.attribute(index)):
                continue
            value = next((other.attribute(index) for other in others if value_text(other.attribute(index))), None)
            if value is not None:
                values[index] = value
        if values:
            changes[keeper.id()] = values
        if not keeper.hasGeometry():
            geometry = next((other.geometry() for other in others if other.hasGeometry()), None)
            if geometry is not None:
                geometries[keeper.id()] = geometry
        removed.extend(other.id() for other in others)
    guard.delete(layer, removed)
    guard.change(layer, changes, geometries)
    return len(removed) + len(repeats), len(repeats)


def _apply_style(layer: QgsVectorLayer, name: str) -> None:
    style = STYLES_DIR / f"{name}.qml"
    message, ok = layer.loadNamedStyle(str(style))
    if not ok:
        QgsMessageLog.logMessage(
            Workspace.tr("The style {style} could not be loaded: {message}").format(style=style, message=message),
            __title__,
            Qgis.MessageLevel.Warning,
        )
        return
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            label = legend_label(renderer.classAttribute(), category.value())
            if label:
                renderer.updateCategoryLabel(index, label)
