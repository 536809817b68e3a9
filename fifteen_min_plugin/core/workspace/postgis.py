"""The PostGIS workspace backend: one schema per planning area on a bureau's PostgreSQL server.

A location is a `PostgisLocation`: a QGIS saved PostgreSQL connection (Settings ▸ Data Source Manager ▸
PostgreSQL) or a ``pg_service.conf`` service, plus the schema name. Its text form, kept in settings and
projects, is ``postgres:<connection>/<schema>`` or ``postgres:service=<service>/<schema>``; it never holds a
credential. The saved connection must take its credentials from QGIS's Auth Manager (an ``authcfg``) or from
outside QGIS (a service file, ``.pgpass``): a connection that keeps a password in the QGIS settings is refused,
because every layer source made from it would carry the password into the project file.

`PostgisBackend` has the small method set `Workspace` uses on `GeoPackageBackend` (uri, is_container,
layer_names, columns, vector_layer, layer_name_of, create_all, create_layer, add_fields, index_sql, discard) plus
the checks that run before anything is written (`check_new`, `check_existing`, `not_a_workspace`). Every table has
the primary key ``fid`` (serial: it is the QGIS feature id) and, when spatial, the column ``geom`` typed with the
workspace's SRID and a GiST index; the schema's lookup columns get btree indexes (`schema.lookup_indexes`). `sql`
runs SQL on the workspace's server (PG-INTEGRITY's triggers and roles build on it).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsAbstractDatabaseProviderConnection,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import WorkspaceError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.workspace.schema import (
    INDEXES,
    META_TABLE,
    FieldSpec,
    IndexSpec,
    LayerSpec,
    lookup_indexes,
)

#: how a PostGIS location starts in its text form
PREFIX = "postgres:"
_SERVICE = "service="
#: schema names the plugin creates: lower-case letters, digits and "_", as PostgreSQL folds unquoted names
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
GEOMETRY_COLUMN = "geom"
KEY_COLUMN = "fid"
#: SQL type of each FieldSpec kind
SQL_TYPES = {
    "text": "text",
    "int": "integer",
    "int64": "bigint",
    "double": "double precision",
    "datetime": "timestamp",
    "bool": "boolean",
}


class PostgisMessages(Messages):
    """Translation context of the PostGIS backend's sentences."""


def quoted(name: str) -> str:
    """An SQL identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class PostgisLocation:
    """Where a PostGIS workspace lives: a saved QGIS connection name or a service name, and a schema."""

    schema: str
    connection: str = ""
    service: str = ""

    def __str__(self) -> str:
        source = f"{_SERVICE}{self.service}" if self.service else self.connection
        return f"{PREFIX}{source}/{self.schema}"

    @property
    def source(self) -> str:
        """The connection in words: the saved connection's name or "service <name>"."""
        return PostgisMessages.tr("service {name}").format(name=self.service) if self.service else self.connection

    @classmethod
    def parse(cls, text: str) -> Optional[PostgisLocation]:
        """The location written as ``postgres:<connection>/<schema>`` or ``postgres:service=<name>/<schema>``.

        None when `text` is not of that form (e.g. a GeoPackage path).
        """
        if not text.startswith(PREFIX) or "/" not in text:
            return None
        source, schema = text[len(PREFIX) :].rsplit("/", 1)
        if not source or not schema:
            return None
        if source.startswith(_SERVICE):
            return cls(schema=schema, service=source[len(_SERVICE) :])
        return cls(schema=schema, connection=source)

    def check(self) -> None:
        """WorkspaceError with a sentence when the schema name or the connection is missing or unusable."""
        if not (self.connection or self.service):
            raise WorkspaceError(PostgisMessages.tr("Choose a saved PostgreSQL connection or a service."))
        if not _SCHEMA_NAME.match(self.schema):
            raise WorkspaceError(
                PostgisMessages.tr(
                    "The schema name “{schema}” cannot be used: write it with lower-case Latin letters, digits and "
                    "“_”, starting with a letter, at most 63 characters (e.g. haidian_2026)."
                ).format(schema=self.schema)
            )


def is_postgis_location(text: str) -> bool:
    """Whether a stored workspace location names a PostGIS schema (rather than a GeoPackage file)."""
    return PostgisLocation.parse(text) is not None


def _metadata():
    return QgsProviderRegistry.instance().providerMetadata("postgres")


def saved_connections() -> list[str]:
    """Names of QGIS's saved PostgreSQL connections."""
    return sorted(_metadata().connections())


class PostgisBackend:
    """Workspace storage in one PostgreSQL schema, through the QGIS postgres provider and connections API."""

    provider_key = "postgres"

    def __init__(self, location: PostgisLocation) -> None:
        location.check()
        self.location = location
        self.schema = location.schema
        self._base = self._base_uri()
        self._geometries: Optional[dict[str, tuple]] = None
        #: whether this backend created the schema (only then may `discard` drop it)
        self._created = False
        self._connection: QgsAbstractDatabaseProviderConnection = _metadata().createConnection(
            self._base.uri(False), {}
        )

    @property
    def path(self) -> str:
        """The location's text form (for sentences; never a credential)."""
        return str(self.location)

    def _base_uri(self) -> QgsDataSourceUri:
        if self.location.service:
            uri = QgsDataSourceUri()
            uri.setConnection(self.location.service, "", "", "")
            return uri
        saved = _metadata().findConnection(self.location.connection)
        if saved is None:
            raise WorkspaceError(
                PostgisMessages.tr(
                    "QGIS has no saved PostgreSQL connection called “{name}”. Add it in the Data Source Manager "
                    "(PostgreSQL), with its credentials in an authentication configuration."
                ).format(name=self.location.connection)
            )
        uri = QgsDataSourceUri(saved.uri())
        if uri.password():
            raise WorkspaceError(
                PostgisMessages.tr(
                    "The PostgreSQL connection “{name}” keeps its password in the QGIS settings, where it would be "
                    "copied into every layer and project. Edit the connection and store the credentials in an "
                    "authentication configuration instead."
                ).format(name=self.location.connection)
            )
        return uri

    # --- SQL ---------------------------------------------------------------------------------------------------

    def sql(self, statement: str, failed: Optional[str] = None) -> list[list]:
        """Run SQL on the server; several statements in one text run as one transaction.

        WorkspaceError (`failed`, or a sentence on the connection) with the server's words as details on failure.
        """
        try:
            return self._connection.executeSql(statement)
        except QgsProviderConnectionException as error:
            raise WorkspaceError(failed or self._unreachable(), details=str(error)) from error

    def _unreachable(self) -> str:
        return PostgisMessages.tr(
            "The PostgreSQL server of “{source}” cannot be reached or refused the request: check the connection, "
            "its authentication configuration and that the server is running. Nothing was changed."
        ).format(source=self.location.source)

    def check_server(self) -> None:
        """WorkspaceError when the server cannot be reached or has no PostGIS (reads only)."""
        rows = self.sql("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
        if not rows or int(rows[0][0]) == 0:
            raise WorkspaceError(
                PostgisMessages.tr(
                    "The database of “{source}” has no PostGIS extension; ask its administrator to run "
                    "CREATE EXTENSION postgis."
                ).format(source=self.location.source)
            )

    def schema_exists(self) -> bool:
        """Whether the schema exists."""
        return bool(self.sql(f"SELECT 1 FROM pg_namespace WHERE nspname = {literal(self.schema)}"))

    def check_new(self) -> None:
        """WorkspaceError unless the server is reachable and the schema does not exist yet."""
        self.check_server()
        if self.schema_exists():
            raise WorkspaceError(
                PostgisMessages.tr(
                    "The schema “{schema}” already exists on “{source}”. Choose another name, or open it instead."
                ).format(schema=self.schema, source=self.location.source)
            )

    def check_existing(self) -> None:
        """WorkspaceError unless the server is reachable and the schema exists (reads only)."""
        self.check_server()
        if not self.schema_exists():
            raise WorkspaceError(
                PostgisMessages.tr("The schema “{schema}” does not exist on “{source}”.").format(
                    schema=self.schema, source=self.location.source
                )
            )

    def not_a_workspace(self) -> str:
        """The sentence for a schema without the workspace information table."""
        return PostgisMessages.tr(
            "The schema “{schema}” on “{source}” is not a workspace of this plugin (it has no “{table}” table)."
        ).format(schema=self.schema, source=self.location.source, table=META_TABLE)

    def create_all(self, layers: Sequence[LayerSpec], crs: QgsCoordinateReferenceSystem) -> None:
        """Create the schema with every table of `layers` and their spatial, unique and lookup indexes.

        One transaction: a failure leaves no schema behind.
        """
        srid = self._srid(crs)
        statements = [f"CREATE SCHEMA {quoted(self.schema)}"]
        statements.extend(create_table_sql(self.schema, spec, srid) for spec in layers)
        statements.extend(spec.sql(self.schema) for spec in (*INDEXES, *lookup_indexes(layers)))
        failed = PostgisMessages.tr("The tables of the workspace could not be created in “{location}”.").format(
            location=self.location
        )
        self.sql(";\n".join(statements), failed)
        self._created = True
        self._geometries = None

    def _srid(self, crs: QgsCoordinateReferenceSystem) -> int:
        srid = crs.postgisSrid()
        if not srid:
            raise WorkspaceError(
                PostgisMessages.tr(
                    "The coordinate reference system {crs} has no PostGIS SRID; choose one with an EPSG code."
                ).format(crs=crs.authid() or crs.description())
            )
        return srid

    # --- what Workspace uses -----------------------------------------------------------------------------------

    def table(self, layer_name: str) -> str:
        """The schema-qualified, quoted table name."""
        return f"{quoted(self.schema)}.{quoted(layer_name)}"

    def uri(self, layer_name: str) -> str:
        """Data source of one table for `provider_key` (with the authcfg id, never a password)."""
        uri = QgsDataSourceUri(self._base.uri(False))
        geometry = self._geometry_of(layer_name)
        uri.setDataSource(self.schema, layer_name, GEOMETRY_COLUMN if geometry else "", "", KEY_COLUMN)
        if geometry:
            uri.setWkbType(geometry[0])
            uri.setSrid(str(geometry[1]))
        return uri.uri(False)

    def _geometry_of(self, layer_name: str) -> Optional[tuple]:
        """(WKB type, SRID) of the table's geometry column, None for a plain table; read once per table."""
        if self._geometries is None:
            rows = self.sql(
                "SELECT f_table_name, type, srid FROM geometry_columns "
                f"WHERE f_table_schema = {literal(self.schema)} AND f_geometry_column = {literal(GEOMETRY_COLUMN)}"
            )
            self._geometries = {str(name): (QgsWkbTypes.parseType(str(kind)), int(srid)) for name, kind, srid in rows}
        return self._geometries.get(layer_name)

    def is_container(self) -> bool:
        """True if the schema exists (checked without writing)."""
        return self.schema_exists()

    def layer_names(self) -> list[str]:
        """Names of the tables in the schema."""
        rows = self.sql(f"SELECT tablename FROM pg_tables WHERE schemaname = {literal(self.schema)} ORDER BY tablename")
        return [str(row[0]) for row in rows]

    def columns(self, names: Sequence[str]) -> dict[str, list[str]]:
        """{table: column names as QGIS shows them (key first, geometry left out)} for the tables `names`."""
        if not names:
            return {}
        rows = self.sql(
            "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = {literal(self.schema)} AND a.attnum > 0 AND NOT a.attisdropped "
            f"AND c.relname IN ({', '.join(literal(name) for name in names)}) "
            f"AND a.attname <> {literal(GEOMETRY_COLUMN)} ORDER BY c.relname, a.attnum"
        )
        found: dict[str, list[str]] = {str(name): [] for name in names}
        for table, column in rows:
            found[str(table)].append(str(column))
        return found

    def vector_layer(self, layer_name: str, name: str = "", read_only: bool = False) -> QgsVectorLayer:
        """A layer on one table; `read_only` opens it without write access."""
        options = QgsVectorLayer.LayerOptions(QgsCoordinateTransformContext())
        options.loadDefaultStyle = False
        options.forceReadOnly = read_only
        return QgsVectorLayer(self.uri(layer_name), name or layer_name, self.provider_key, options)

    def same_server(self, uri: QgsDataSourceUri) -> bool:
        """Whether `uri` points at this backend's database (host, port, database or service)."""
        base = self._base
        if base.service():
            return uri.service() == base.service()
        return (uri.host(), uri.port() or "5432", uri.database()) == (
            base.host(),
            base.port() or "5432",
            base.database(),
        )

    def layer_name_of(self, layer: QgsMapLayer) -> Optional[str]:
        """Table name if `layer` reads from this workspace's schema, else None."""
        if layer.providerType() != self.provider_key:
            return None
        uri = QgsDataSourceUri(layer.source())
        if uri.schema() != self.schema or not self.same_server(uri):
            return None
        return uri.table() or None

    def create_layer(self, spec: LayerSpec, crs: QgsCoordinateReferenceSystem) -> None:
        """Create an empty table (and the schema if needed) with its spatial index; never replaces a table."""
        srid = self._srid(crs) if spec.geometry else 0
        failed = PostgisMessages.tr("The table “{layer}” could not be created in “{location}”.").format(
            layer=spec.name, location=self.location
        )
        self.sql(create_table_sql(self.schema, spec, srid), failed)
        self._geometries = None

    def add_fields(self, layer_name: str, specs: Sequence[FieldSpec]) -> None:
        """Append columns to an existing table (one statement: all or none); rows are kept."""
        columns = ", ".join(f"ADD COLUMN {quoted(spec.name)} {SQL_TYPES[spec.kind]}" for spec in specs)
        failed = PostgisMessages.tr("The fields {fields} could not be added to the table “{layer}” in “{location}”.")
        self.sql(
            f"ALTER TABLE {self.table(layer_name)} {columns}",
            failed.format(fields=", ".join(spec.name for spec in specs), layer=layer_name, location=self.location),
        )

    def index_sql(self, spec: IndexSpec) -> str:
        """The CREATE INDEX statement of `spec` in this schema."""
        return spec.sql(self.schema)

    def add_lookup_indexes(self, layers: Sequence[LayerSpec]) -> None:
        """The btree indexes of `schema.lookup_indexes` on `layers` (harmless when they exist)."""
        statements = [spec.sql(self.schema) for spec in lookup_indexes(layers)]
        if statements:
            self.sql(";\n".join(statements))

    def discard(self) -> None:
        """Drop the schema and all it holds, if this backend created it.

        A schema someone else made between the checks and the creation is left alone.
        """
        if not self._created:
            return
        # when the server went away the creation failed anyway (one transaction), and the user is told so
        with contextlib.suppress(WorkspaceError):
            self.sql(f"DROP SCHEMA IF EXISTS {quoted(self.schema)} CASCADE")
        self._created = False


def create_table_sql(schema: str, spec: LayerSpec, srid: int) -> str:
    """CREATE TABLE (and GiST index) statements of one layer in `schema`."""
    table = f"{quoted(schema)}.{quoted(spec.name)}"
    # an integer key is the QGIS feature id itself; QGIS maps a bigint key to ids of its own, which change when a
    # deleted row comes back by a rollback
    columns = [f"{KEY_COLUMN} serial PRIMARY KEY"]
    if spec.geometry:
        columns.append(f"{GEOMETRY_COLUMN} geometry({spec.geometry}, {int(srid)})")
    columns.extend(f"{quoted(field.name)} {SQL_TYPES[field.kind]}" for field in spec.fields)
    statements = [f"CREATE TABLE {table} ({', '.join(columns)})"]
    if spec.geometry:
        index = quoted(f"{spec.name}_{GEOMETRY_COLUMN}_gist")
        statements.append(f"CREATE INDEX {index} ON {table} USING GIST ({GEOMETRY_COLUMN})")
    return ";\n".join(statements)


def workspace_schemas(connection: str) -> list[str]:
    """Schemas of a saved connection's database that hold a workspace (they have the workspace information table).

    WorkspaceError with a sentence when the connection is not saved, keeps a password, or cannot be reached.
    """
    backend = PostgisBackend(PostgisLocation(schema="public", connection=connection))
    rows = backend.sql(
        f"SELECT table_schema FROM information_schema.tables WHERE table_name = {literal(META_TABLE)} ORDER BY 1"
    )
    return [str(row[0]) for row in rows]
