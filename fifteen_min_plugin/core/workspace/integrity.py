"""Integrity kept by the database itself: status checks, history keys, append-only history, row versions.

The same rules on both backends, as SQL the workspace installs with its schema (and re-installs on upgrade):

* a status outside `ASSET_STATUSES` / `PROJECT_STATUSES` is refused (PostgreSQL CHECK constraints; triggers in
  the GeoPackage, where SQLite cannot add a constraint to an existing table);
* an event must name an existing asset / project, and an asset or project with history can be neither deleted
  nor renumbered (PostgreSQL foreign keys; triggers in the GeoPackage);
* every change of an asset or project, whoever makes it (the plugin, QGIS's attribute table, SQL), appends one
  event per changed field, with the user (PostgreSQL's current_user; in a GeoPackage the user the plugin
  declares, as SQLite knows none) and the note of the session (`session_statements`);
* the event tables are append-only: updates and deletes are refused (and revoked from PUBLIC on PostgreSQL);
* `idle_assets`, `projects` and `circles` carry a row `version`, incremented by every update. An update that
  sets `base_version` (the version it was based on) is refused when the row has moved on since
  (`STALE_MARKER` in the error), so the second of two concurrent editors cannot overwrite the first; the
  database then clears `base_version` again. An update that leaves `base_version` empty is not checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from fifteen_min_plugin.core.errors import FifteenMinError, WorkspaceError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.workspace.layer_io import workspace_transaction
from fifteen_min_plugin.core.workspace.schema import (
    ASSET_STATUSES,
    CIRCLES,
    IDLE_ASSETS,
    META_TABLE,
    PROJECT_STATUSES,
    PROJECTS,
    LayerSpec,
)

#: words every refusal of a stale update carries, on both backends
STALE_MARKER = "fifteenmin: stale row version"
#: words of the refusals of a change to the history
HISTORY_MARKER = "fifteenmin: the history is append-only"
#: words of the refusal of an event whose asset or project does not exist
ORPHAN_MARKER = "fifteenmin: the event names no existing row"
#: words of the refusal to delete or renumber a row that has history
KEPT_MARKER = "fifteenmin: a row with history is kept"
#: words of the refusal of an unknown status
STATUS_MARKER = "fifteenmin: not a status"
#: keys of the session rows a GeoPackage transaction writes into the meta table (and removes before commit)
SESSION_NOTE = "session_note"
SESSION_USER = "session_user"
#: PostgreSQL setting (transaction-local) that carries the note of the change
PG_NOTE_SETTING = "fifteenmin.note"
#: columns that are bookkeeping, never recorded as a change
_UNTRACKED = ("created", "updated", "version", "base_version")


@dataclass(frozen=True)
class Versioned:
    """A table whose rows carry a version checked at commit."""

    table: str
    key: str


@dataclass(frozen=True)
class Audited:
    """A table whose changes the database records in `events`, keyed by `key`."""

    spec: LayerSpec
    key: str
    events: str
    statuses: tuple[str, ...]
    #: the events table has a `kind` column (created, changed, status)
    kinds: bool

    @property
    def table(self) -> str:
        """The audited table's name."""
        return self.spec.name

    def tracked(self) -> list[str]:
        """The fields whose changes become events."""
        return [field.name for field in self.spec.fields if field.name not in (self.key, *_UNTRACKED)]


AUDITED = (
    Audited(IDLE_ASSETS, "asset_id", "asset_events", ASSET_STATUSES, kinds=False),
    Audited(PROJECTS, "project_id", "project_events", PROJECT_STATUSES, kinds=True),
)
VERSIONED = (
    Versioned("idle_assets", "asset_id"),
    Versioned("projects", "project_id"),
    Versioned(CIRCLES.name, "circle_id"),
)
EVENT_TABLES = tuple(audited.events for audited in AUDITED)


def literal(value: Optional[str]) -> str:
    """`value` as an SQL string literal (NULL for None), for statements run without parameters."""
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def _statuses(values: Sequence[str]) -> str:
    return ", ".join(literal(value) for value in values)


# SQLite (GeoPackage) ---------------------------------------------------------------------------------------------


def _sqlite_session(key: str) -> str:
    return f'(SELECT "value" FROM "{META_TABLE}" WHERE "key" = {literal(key)})'


_SQLITE_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _sqlite_audited(audited: Audited) -> list[str]:
    table, key, events = audited.table, audited.key, audited.events
    prefix = f"fifteenmin_{table}"
    note, user = _sqlite_session(SESSION_NOTE), _sqlite_session(SESSION_USER)
    version = 'COALESCE(OLD."version", 0) + 1'
    statuses = _statuses(audited.statuses)
    refuse_status = f"SELECT RAISE(ABORT, '{STATUS_MARKER} ({table}.status)');"
    kind_column = '"kind", ' if audited.kinds else ""
    columns = f'"{key}", "time", {kind_column}"field", "old_value", "new_value", "note", "user", "version"'
    changes = []
    for field in audited.tracked():
        kind = ("'status', " if field == "status" else "'changed', ") if audited.kinds else ""
        changes.append(
            f'INSERT INTO "{events}" ({columns}) SELECT NEW."{key}", {_SQLITE_NOW}, {kind}\'{field}\', '
            f'CAST(OLD."{field}" AS TEXT), CAST(NEW."{field}" AS TEXT), {note}, {user}, {version} '
            f'WHERE OLD."{field}" IS NOT NEW."{field}";'
        )
    if audited.kinds:
        created = (
            f"INSERT INTO \"{events}\" ({columns}) VALUES (NEW.\"{key}\", {_SQLITE_NOW}, 'created', 'status', NULL, "
            f'NEW."status", {note}, {user}, COALESCE(NEW."version", 1));'
        )
    else:
        created = (
            f'INSERT INTO "{events}" ({columns}) VALUES (NEW."{key}", {_SQLITE_NOW}, \'created\', NULL, '
            f"COALESCE(NEW.\"asset_type\", '') || ': ' || COALESCE(NEW.\"name\", ''), {note}, {user}, "
            f'COALESCE(NEW."version", 1));'
        )
    has_history = f'EXISTS (SELECT 1 FROM "{events}" WHERE "{key}" = OLD."{key}")'
    identified = f"COALESCE(NEW.\"{key}\", '') <> ''"
    return [
        f'CREATE TRIGGER "{prefix}_status_insert" BEFORE INSERT ON "{table}" '
        f'WHEN NEW."status" IS NOT NULL AND NEW."status" NOT IN ({statuses}) BEGIN {refuse_status} END',
        f'CREATE TRIGGER "{prefix}_status_update" BEFORE UPDATE OF "status" ON "{table}" '
        f'WHEN NEW."status" IS NOT NULL AND NEW."status" NOT IN ({statuses}) BEGIN {refuse_status} END',
        f'CREATE TRIGGER "{prefix}_keep_deleted" BEFORE DELETE ON "{table}" WHEN {has_history} '
        f"BEGIN SELECT RAISE(ABORT, '{KEPT_MARKER}'); END",
        f'CREATE TRIGGER "{prefix}_keep_key" BEFORE UPDATE OF "{key}" ON "{table}" '
        f'WHEN OLD."{key}" IS NOT NEW."{key}" AND {has_history} BEGIN SELECT RAISE(ABORT, \'{KEPT_MARKER}\'); END',
        # a row without an id (added in the attribute table and not numbered yet) has no history to key
        f'CREATE TRIGGER "{prefix}_created" AFTER INSERT ON "{table}" WHEN {identified} BEGIN {created} END',
        f'CREATE TRIGGER "{prefix}_history" AFTER UPDATE ON "{table}" WHEN {identified} BEGIN {" ".join(changes)} END',
        f'CREATE TRIGGER "fifteenmin_{events}_orphan" BEFORE INSERT ON "{events}" '
        f'WHEN NOT EXISTS (SELECT 1 FROM "{table}" WHERE "{key}" = NEW."{key}") '
        f"BEGIN SELECT RAISE(ABORT, '{ORPHAN_MARKER}'); END",
        f'CREATE TRIGGER "fifteenmin_{events}_no_update" BEFORE UPDATE ON "{events}" '
        f"BEGIN SELECT RAISE(ABORT, '{HISTORY_MARKER}'); END",
        f'CREATE TRIGGER "fifteenmin_{events}_no_delete" BEFORE DELETE ON "{events}" '
        f"BEGIN SELECT RAISE(ABORT, '{HISTORY_MARKER}'); END",
    ]


def _sqlite_versioned(versioned: Versioned) -> list[str]:
    table = versioned.table
    prefix = f"fifteenmin_{table}"
    statements = [
        f'CREATE TRIGGER "{prefix}_stale" BEFORE UPDATE ON "{table}" '
        f'WHEN NEW."base_version" IS NOT NULL AND NEW."base_version" IS NOT OLD."version" '
        f"BEGIN SELECT RAISE(ABORT, '{STALE_MARKER}'); END",
        # SQLite cannot change NEW: the version is set by an update of the row just written. An update that neither
        # claims a base version nor changes the version (SQL, the attribute table without the plugin) is counted too;
        # one that sets the version itself (a copy) keeps it. Recursive triggers are off, and the inner update would
        # not match this WHEN clause anyway.
        f'CREATE TRIGGER "{prefix}_version" AFTER UPDATE ON "{table}" '
        f'WHEN NEW."base_version" IS NOT NULL OR NEW."version" IS OLD."version" '
        f'BEGIN UPDATE "{table}" SET "version" = COALESCE(OLD."version", 0) + 1, "base_version" = NULL '
        "WHERE rowid = NEW.rowid; END",
        f'CREATE TRIGGER "{prefix}_first_version" AFTER INSERT ON "{table}" WHEN NEW."version" IS NULL '
        f'BEGIN UPDATE "{table}" SET "version" = 1 WHERE rowid = NEW.rowid; END',
    ]
    return statements


def _trigger_names(statements: Sequence[str]) -> list[str]:
    return [statement.split('"')[1] for statement in statements]


def sqlite_statements() -> list[str]:
    """Statements that (re)install the integrity triggers in a GeoPackage; run them in one transaction."""
    created = [statement for audited in AUDITED for statement in _sqlite_audited(audited)]
    created += [statement for versioned in VERSIONED for statement in _sqlite_versioned(versioned)]
    dropped = [f'DROP TRIGGER IF EXISTS "{name}"' for name in _trigger_names(created)]
    return dropped + created


# PostgreSQL ------------------------------------------------------------------------------------------------------


def _pg(schema: str, name: str) -> str:
    return '"' + schema.replace('"', '""') + '"."' + name.replace('"', '""') + '"'


def _pg_audited(schema: str, audited: Audited) -> list[str]:
    table, key, events = audited.table, audited.key, audited.events
    qualified, qualified_events = _pg(schema, table), _pg(schema, events)
    note = f"NULLIF(current_setting('{PG_NOTE_SETTING}', true), '')"
    kind_column = '"kind", ' if audited.kinds else ""
    columns = f'"{key}", "time", {kind_column}"field", "old_value", "new_value", "note", "user", "version"'
    changes = []
    for field in audited.tracked():
        kind = ("'status', " if field == "status" else "'changed', ") if audited.kinds else ""
        changes.append(
            f'IF OLD."{field}" IS DISTINCT FROM NEW."{field}" THEN INSERT INTO {qualified_events} ({columns}) '
            f'VALUES (NEW."{key}", now(), {kind}\'{field}\', OLD."{field}"::text, NEW."{field}"::text, {note}, '
            f'current_user, NEW."version"); END IF;'
        )
    if audited.kinds:
        created = "'created', 'status', NULL, NEW.\"status\""
    else:
        created = "'created', NULL, COALESCE(NEW.\"asset_type\", '') || ': ' || COALESCE(NEW.\"name\", '')"
    function = _pg(schema, f"fifteenmin_{table}_history")
    return [
        f'ALTER TABLE {qualified} DROP CONSTRAINT IF EXISTS "{table}_status_check"',
        f'ALTER TABLE {qualified} ADD CONSTRAINT "{table}_status_check" '
        f'CHECK ("status" IS NULL OR "status" IN ({_statuses(audited.statuses)}))',
        f'ALTER TABLE {qualified_events} DROP CONSTRAINT IF EXISTS "{events}_{key}_fkey"',
        f'ALTER TABLE {qualified} DROP CONSTRAINT IF EXISTS "{table}_{key}_key"',
        f'ALTER TABLE {qualified} ADD CONSTRAINT "{table}_{key}_key" UNIQUE ("{key}")',
        # history written before this version may name rows deleted since: only new events are checked
        f'ALTER TABLE {qualified_events} ADD CONSTRAINT "{events}_{key}_fkey" FOREIGN KEY ("{key}") '
        f'REFERENCES {qualified} ("{key}") ON UPDATE RESTRICT ON DELETE RESTRICT NOT VALID',
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN "
        f"IF COALESCE(NEW.\"{key}\", '') = '' THEN RETURN NULL; END IF; "
        f"IF TG_OP = 'INSERT' THEN INSERT INTO {qualified_events} ({columns}) VALUES (NEW.\"{key}\", now(), "
        f'{created}, {note}, current_user, NEW."version"); '
        f"ELSE {' '.join(changes)} END IF; RETURN NULL; END $fn$",
        f'DROP TRIGGER IF EXISTS "fifteenmin_history" ON {qualified}',
        f'CREATE TRIGGER "fifteenmin_history" AFTER INSERT OR UPDATE ON {qualified} '
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f'DROP TRIGGER IF EXISTS "fifteenmin_append_only" ON {qualified_events}',
        f'CREATE TRIGGER "fifteenmin_append_only" BEFORE UPDATE OR DELETE ON {qualified_events} '
        f"FOR EACH ROW EXECUTE FUNCTION {_pg(schema, 'fifteenmin_refuse_history_change')}()",
        f'DROP TRIGGER IF EXISTS "fifteenmin_append_only_truncate" ON {qualified_events}',
        f'CREATE TRIGGER "fifteenmin_append_only_truncate" BEFORE TRUNCATE ON {qualified_events} '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {_pg(schema, 'fifteenmin_refuse_history_change')}()",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {qualified_events} FROM PUBLIC",
    ]


def _pg_versioned(schema: str, versioned: Versioned) -> list[str]:
    qualified = _pg(schema, versioned.table)
    return [
        f'DROP TRIGGER IF EXISTS "fifteenmin_version" ON {qualified}',
        f'CREATE TRIGGER "fifteenmin_version" BEFORE INSERT OR UPDATE ON {qualified} '
        f"FOR EACH ROW EXECUTE FUNCTION {_pg(schema, 'fifteenmin_row_version')}()",
    ]


def postgres_statements(schema: str) -> list[str]:
    """Statements that (re)install constraints and triggers in a PostGIS workspace schema; one transaction."""
    version_function = (
        f"CREATE OR REPLACE FUNCTION {_pg(schema, 'fifteenmin_row_version')}() RETURNS trigger LANGUAGE plpgsql "
        'AS $fn$ BEGIN IF TG_OP = \'INSERT\' THEN NEW."version" := COALESCE(NEW."version", 1); '
        'ELSIF NEW."base_version" IS NOT NULL OR NEW."version" IS NOT DISTINCT FROM OLD."version" THEN '
        'IF NEW."base_version" IS DISTINCT FROM OLD."version" AND NEW."base_version" IS NOT NULL THEN '
        f"RAISE EXCEPTION '{STALE_MARKER}' USING ERRCODE = '40001'; END IF; "
        'NEW."version" := COALESCE(OLD."version", 0) + 1; END IF; NEW."base_version" := NULL; RETURN NEW; END $fn$'
    )
    refuse_function = (
        f"CREATE OR REPLACE FUNCTION {_pg(schema, 'fifteenmin_refuse_history_change')}() RETURNS trigger "
        f"LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION '{HISTORY_MARKER}' USING ERRCODE = '42501'; END $fn$"
    )
    statements = [version_function, refuse_function]
    for versioned in VERSIONED:
        statements += _pg_versioned(schema, versioned)
    for audited in AUDITED:
        statements += _pg_audited(schema, audited)
    return statements


# the session of one write ----------------------------------------------------------------------------------------


def session_statements(dialect: str, note: str, user: str) -> list[str]:
    """Statements that give the changes of the running transaction their note (and user, in a GeoPackage).

    Run them inside the transaction before the writes; in a GeoPackage run `session_end_statements` before it
    commits. `dialect` is "postgres" or "sqlite".
    """
    if dialect == "postgres":
        return [f"SELECT set_config('{PG_NOTE_SETTING}', {literal(note or '')}, true)"]
    return [
        *session_end_statements(dialect),
        f'INSERT INTO "{META_TABLE}" ("key", "value") VALUES ({literal(SESSION_NOTE)}, {literal(note or None)}), '
        f"({literal(SESSION_USER)}, {literal(user or None)})",
    ]


def session_end_statements(dialect: str) -> list[str]:
    """Statements that remove the session rows again before the transaction commits (none on PostgreSQL)."""
    if dialect == "postgres":
        return []
    return [f'DELETE FROM "{META_TABLE}" WHERE "key" IN ({literal(SESSION_NOTE)}, {literal(SESSION_USER)})']


def dialect_of(provider_type: str) -> str:
    """The SQL dialect of a QGIS provider key: "postgres" or "sqlite"."""
    return "postgres" if provider_type == "postgres" else "sqlite"


class IntegrityMessages(Messages):
    """Translation context of this module's sentences."""


def table_schema(layer: QgsVectorLayer) -> Optional[str]:
    """The PostgreSQL schema `layer` reads from (None for a GeoPackage layer)."""
    if layer.providerType() != "postgres":
        return None
    return QgsDataSourceUri(layer.source()).schema() or "public"


def install(meta: QgsVectorLayer) -> None:
    """(Re)install the constraints and triggers in the workspace of its `meta` table, in one transaction.

    WorkspaceError with the database's reason when they cannot be installed; nothing is changed then.
    """
    schema = table_schema(meta)
    statements = postgres_statements(schema) if schema is not None else sqlite_statements()
    failed = IntegrityMessages.tr(
        "The workspace's integrity rules (status checks, append-only history, row versions) could not be installed."
    )
    try:
        with workspace_transaction([meta], failed) as guard:
            for statement in statements:
                guard.execute(statement)
    except FifteenMinError as error:
        raise WorkspaceError(error.message, details=error.details) from error
