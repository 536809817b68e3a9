"""Integrity kept by the database on both backends: history written by triggers for any client, append-only history,
status checks, history keys, and row versions that refuse the second of two concurrent edits with a sentence.

Edits "outside the plugin" go through an independent client (sqlite3 for a GeoPackage, psycopg2 for PostGIS).
"""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import pytest
from qgis.core import QgsGeometry, QgsPointXY

from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.concurrency import ConflictError, version_guard
from fifteen_min_plugin.core.workspace.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
TUNNEL = {"asset_type": "civil_defence", "name": "示例人防工程", "area_m2": "800"}
POINT = QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0))


def _sqlite(path) -> sqlite3.Connection:
    """A plain sqlite3 connection; the GeoPackage spatial-index triggers need two of GDAL's SQL functions."""
    connection = sqlite3.connect(path)
    connection.create_function("ST_IsEmpty", 1, lambda blob: 0 if blob else 1)
    for name in ("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        connection.create_function(name, 1, lambda blob: 0.0)
    return connection


def _outside(backend, workspace, sql: str) -> Optional[str]:
    """Run one write statement as a client outside the plugin; its error message if refused, else None."""
    if backend.connection is None:
        connection = _sqlite(workspace.path)
        try:
            with connection:
                connection.execute(sql)
        except sqlite3.DatabaseError as error:
            return str(error)
        finally:
            connection.close()
        return None
    import psycopg2

    cluster = backend.connection.cluster
    connection = psycopg2.connect(
        host=cluster.host, port=cluster.port, dbname=cluster.dbname, user=cluster.superuser, password=cluster.password
    )
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{workspace.backend.schema}", public')
            cursor.execute(sql)
    except psycopg2.Error as error:
        return str(error)
    finally:
        connection.close()
    return None


_BOB = """
import sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.workspace.workspace import Workspace
bob = AssetRegister.from_workspace(Workspace.open(sys.argv[1]), user="bob")
bob.update(sys.argv[2], {"capacity": 30}, note="counted")
"""


def _bob_in_another_process(path, asset_id: str) -> None:
    """Bob's register edit, made by another QGIS process on the same GeoPackage."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _BOB, str(path), asset_id], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture()
def freed():
    """Registers to free while QGIS still runs (caught tracebacks refer to their layers)."""
    registers = []
    yield registers
    for register in registers:
        register.rows = register.events = None
    gc.collect()


def test_sql_edits_outside_the_plugin_are_recorded_and_the_history_cannot_be_changed(backend, freed):
    workspace = backend.create()
    register = AssetRegister.from_workspace(workspace, user="planner")
    freed.append(register)
    asset_id = register.add(TUNNEL, POINT, note="survey")
    assert (
        _outside(backend, workspace, f"UPDATE idle_assets SET status = 'under_review' WHERE asset_id = '{asset_id}'")
        is None
    )
    assert _outside(backend, workspace, f"UPDATE idle_assets SET capacity = 12 WHERE asset_id = '{asset_id}'") is None
    events = backend.rows(
        workspace, 'SELECT field, old_value, new_value, note, "user", version FROM asset_events ORDER BY fid'
    )
    sql_user = None if backend.kind == "gpkg" else backend.connection.cluster.superuser
    plugin_user = "planner" if backend.kind == "gpkg" else backend.connection.cluster.superuser
    assert events == [
        ("created", None, "civil_defence: 示例人防工程", "survey", plugin_user, 1),
        ("status", "candidate", "under_review", None, sql_user, 2),
        ("capacity", None, "12", None, sql_user, 3),
    ]
    assert backend.rows(workspace, "SELECT status, version, base_version FROM idle_assets") == [
        ("under_review", 3, None)
    ]
    refusals = {
        "an unknown status": f"UPDATE idle_assets SET status = 'demolished' WHERE asset_id = '{asset_id}'",
        "an event of no asset": "INSERT INTO asset_events (asset_id, field) VALUES ('IA-99999', 'status')",
        "a changed event": "UPDATE asset_events SET note = 'rewritten'",
        "a deleted event": "DELETE FROM asset_events",
        "a deleted asset with history": "DELETE FROM idle_assets",
        "a renumbered asset with history": "UPDATE idle_assets SET asset_id = 'IA-00077'",
        "a stale edit": f"UPDATE idle_assets SET name = 'x', base_version = 1 WHERE asset_id = '{asset_id}'",
    }
    for what, sql in refusals.items():
        assert _outside(backend, workspace, sql) is not None, what
    assert backend.rows(workspace, "SELECT count(*) FROM asset_events") == [(3,)]
    assert backend.rows(workspace, "SELECT asset_id, name, status, version FROM idle_assets") == [
        (asset_id, "示例人防工程", "under_review", 3)
    ]
    # an edit that names the version it was based on goes through and moves the version on
    sql = f"UPDATE idle_assets SET name = '人防工程甲', base_version = 3 WHERE asset_id = '{asset_id}'"
    assert _outside(backend, workspace, sql) is None
    assert backend.rows(workspace, "SELECT name, version, base_version FROM idle_assets") == [("人防工程甲", 4, None)]


def test_the_project_history_is_written_by_the_database_for_any_client(backend, freed):
    workspace = backend.create()
    register = ProjectRegister.from_workspace(workspace, user="planner")
    freed.append(register)
    project_id = register.add({"name": "社区食堂", "category": "community_canteen"}, POINT, note="listed")
    register.set_status(project_id, "approved", note="批复")
    assert (
        _outside(backend, workspace, f"UPDATE projects SET status = 'open' WHERE project_id = '{project_id}'") is None
    )
    assert _outside(backend, workspace, "UPDATE projects SET status = 'finished'") is not None
    assert _outside(backend, workspace, "DELETE FROM project_events") is not None
    history = [
        (event.kind, event.field, event.old_value, event.new_value, event.note)
        for event in register.history(project_id)
    ]
    assert history == [
        ("created", "status", None, "planned", "listed"),
        ("status", "status", "planned", "approved", "批复"),
        ("status", "status", "approved", "open", ""),
    ]
    assert register.get(project_id)["version"] == 3


def test_the_second_of_two_concurrent_register_edits_is_refused_with_who_when_and_what(backend, freed):
    workspace = backend.create()
    alice = AssetRegister.from_workspace(workspace, user="alice")
    bob = AssetRegister.from_workspace(Workspace.open(workspace.location), user="bob")
    freed.extend([alice, bob])
    asset_id = alice.add(TUNNEL, POINT)
    seen_by_alice, seen_by_bob = alice.get(asset_id)["version"], bob.get(asset_id)["version"]
    assert seen_by_alice == seen_by_bob == 1
    alice.update(asset_id, {"area_m2": 950}, note="re-measured", base_version=seen_by_alice)
    with pytest.raises(ConflictError) as refused:
        bob.set_status(asset_id, "under_review", note="ready for review", base_version=seen_by_bob)
    who = "alice" if backend.kind == "gpkg" else backend.connection.cluster.superuser
    sentence = refused.value.message
    assert f"The asset “{asset_id}” was changed by {who} at " in sentence
    assert "area_m2: 800" in sentence and "950" in sentence and "your edits are kept" in sentence
    # nothing of bob's was written; both registers read the same, intact history
    assert bob.get(asset_id)["status"] == "candidate" and bob.get(asset_id)["version"] == 2
    fields = [(event.field, event.user) for event in alice.history(asset_id)]
    assert fields == [("created", who), ("area_m2", who)]
    assert [(event.field, event.user) for event in bob.history(asset_id)] == fields
    # re-applied on the version now shown, bob's change goes through
    bob.set_status(asset_id, "under_review", note="ready for review", base_version=2)
    assert [event.note for event in alice.history(asset_id)][-1] == "ready for review"
    assert alice.get(asset_id)["version"] == 3


def test_an_attribute_table_commit_over_a_newer_row_is_refused_and_keeps_the_edit_buffer(backend, freed):
    workspace = backend.create()
    bob = AssetRegister.from_workspace(workspace, user="bob")
    freed.append(bob)
    asset_id = bob.add(TUNNEL, POINT)
    layer = Workspace.open(workspace.location).layer("idle_assets")
    guard = version_guard(layer)
    assert guard is not None
    sentences: list[str] = []
    guard.refused.connect(sentences.append)
    (feature,) = layer.getFeatures()
    owner = layer.fields().indexOf("owner")
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), owner, "街道办")
    if backend.kind == "gpkg":
        # a second QGIS process: in one process, a GeoPackage layer being edited holds the file for the others
        _bob_in_another_process(workspace.path, asset_id)
    else:
        bob.update(asset_id, {"capacity": 30}, note="counted")
    assert not layer.commitChanges(False)
    who = "bob" if backend.kind == "gpkg" else backend.connection.cluster.superuser
    assert len(sentences) == 1 and f"was changed by {who}" in sentences[0] and "capacity: (empty) → 30" in sentences[0]
    assert layer.isEditable() and layer.editBuffer().changedAttributeValues()[feature.id()][owner] == "街道办"
    assert backend.rows(workspace, "SELECT owner, capacity, version FROM idle_assets") == [(None, 30, 2)]
    # told once, the user commits the kept edit again: it is applied over bob's change, which stays
    assert layer.commitChanges(), layer.commitErrors()
    assert backend.rows(workspace, "SELECT owner, capacity, version FROM idle_assets") == [("街道办", 30, 3)]
    fields = [event.field for event in bob.history(asset_id)]
    assert fields == ["created", "capacity", "owner"]
    del layer
    gc.collect()


def test_an_unguarded_edit_of_a_circle_is_counted_and_a_stale_one_refused(backend):
    workspace = backend.create()
    circles = workspace.layer("circles")
    square = QgsGeometry.fromWkt("MultiPolygon (((116.3 40, 116.31 40, 116.31 40.01, 116.3 40.01, 116.3 40)))")
    feature = circles.dataProvider().fields()
    from qgis.core import QgsFeature

    row = QgsFeature(feature)
    row["circle_id"] = "C1"
    row.setGeometry(square)
    assert circles.dataProvider().addFeatures([row])[0]
    assert backend.rows(workspace, "SELECT version FROM circles") == [(1,)]
    assert _outside(backend, workspace, "UPDATE circles SET name = 'a'") is None
    assert _outside(backend, workspace, "UPDATE circles SET name = 'b', base_version = 1") is not None
    assert backend.rows(workspace, "SELECT name, version FROM circles") == [("a", 2)]
    del circles
    gc.collect()


def test_the_dock_shows_why_a_commit_of_a_workspace_layer_was_refused(qgis_iface, qgis_new_project, tmp_path):
    from qgis.core import Qgis, QgsProject

    from fifteen_min_plugin.gui.dock import FifteenMinDock

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    dock = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=bar)
    try:
        workspace = dock.new_workspace(tmp_path / "team.gpkg")
        register = AssetRegister.from_workspace(workspace, user="alice")
        asset_id = register.add(TUNNEL, POINT)
        register.rows = register.events = None
        (layer,) = [item for item in QgsProject.instance().mapLayers().values() if item.name() == "Idle assets"]
        (feature,) = layer.getFeatures()
        assert layer.startEditing()
        assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("owner"), "街道办")
        _bob_in_another_process(workspace.path, asset_id)
        assert not layer.commitChanges(False)
        warnings = bar.get_messages(Qgis.MessageLevel.Warning)
        assert any(f"The asset “{asset_id}” was changed by bob" in text for text in warnings), warnings
        assert layer.isEditable()
        assert layer.rollBack()
    finally:
        dock.teardown()
        dock.deleteLater()
        gc.collect()


def test_a_version_6_geopackage_gets_the_rules_in_place_and_keeps_its_rows_and_history(tmp_path):
    from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION, Addition
    from tests.qgis.older_workspace import make_older, sql

    path = tmp_path / "v6.gpkg"
    # as schema 6 left it: no integrity triggers, no row versions, and a history that names a deleted asset
    removed = {
        "idle_assets": ("version", "base_version"),
        "circles": ("version", "base_version"),
        "projects": ("base_version",),
        "asset_events": ("version",),
        "project_events": ("version",),
    }
    make_older(path, 6, fields=removed)
    connection = _sqlite(path)
    with connection:
        connection.execute(
            "INSERT INTO idle_assets (asset_id, name, asset_type, status) VALUES ('A1', '车库', 'parking', 'approved')"
        )
        connection.execute(
            "INSERT INTO asset_events (asset_id, field, old_value, new_value) VALUES "
            "('A1', 'status', 'under_review', 'approved'), ('GONE', 'deleted', NULL, NULL)"
        )
    connection.close()
    before = sql(path, "SELECT asset_id, field, old_value, new_value FROM asset_events ORDER BY fid")

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION
    assert {Addition(table, name) for table, names in removed.items() for name in names} <= set(workspace.upgrades)
    installed = {name for (name,) in sql(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in ("idle_assets", "projects"):
        assert {f"fifteenmin_{table}_{rule}" for rule in ("status_update", "history", "stale", "version")} <= installed
    assert {"fifteenmin_asset_events_no_delete", "fifteenmin_circles_stale"} <= installed
    assert sql(path, "SELECT asset_id, field, old_value, new_value FROM asset_events ORDER BY fid") == before
    register = AssetRegister.from_workspace(workspace, user="planner")
    register.set_status("A1", "in_use", note="opened")
    assert register.get("A1")["version"] == 1
    last = register.history("A1")[-1]
    assert (last.field, last.old_value, last.new_value, last.note, last.user, last.version) == (
        "status",
        "approved",
        "in_use",
        "opened",
        "planner",
        1,
    )
    assert _sqlite(path).execute("SELECT count(*) FROM asset_events").fetchall() == [(3,)]
    register.rows = register.events = None
    gc.collect()


#: per register page: (register, a new row's values, another editor's change, the status moved to, the words
#: of that change in the refusal, the status before)
PAGE_CONFLICTS = {
    "assets": (
        AssetRegister,
        TUNNEL,
        {"owner": "街道办"},
        "under_review",
        "owner: (empty) → 街道办",
        "candidate",
    ),
    "plan": (
        ProjectRegister,
        {"name": "社区食堂", "category": "community_canteen"},
        {"lead_unit": "区商务局"},
        "approved",
        "lead_unit",
        "planned",
    ),
}


@pytest.mark.parametrize("page_name", PAGE_CONFLICTS)
def test_a_status_change_on_a_register_page_over_a_newer_row_is_refused_and_shows_the_change(
    page_name, tmp_path, qgis_app
):
    from qgis.core import QgsProject
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    from fifteen_min_plugin.gui.assets_page import AssetsPage
    from fifteen_min_plugin.gui.plan_page import PlanPage
    from tests.qgis.page_helpers import answer, messages

    register_class, values, change, status, words, before = PAGE_CONFLICTS[page_name]
    page_class = {"assets": AssetsPage, "plan": PlanPage}[page_name]
    workspace = Workspace.create(tmp_path / "team.gpkg")
    bar = QgsMessageBar()
    page = page_class(canvas=QgsMapCanvas(), message_bar=bar, workspace=lambda: workspace, project=QgsProject())
    alice = register_class.from_workspace(Workspace.open(workspace.path), user="alice")
    try:
        row_id = alice.add(values, POINT)
        page.refresh()
        assert page.select_id(row_id)
        alice.update(row_id, change, note="found")  # after the page showed the row
        page.status_buttons[status].click()
        answer(page, "ready")
        assert any(f"“{row_id}” was changed by alice" in text and words in text for text in messages(bar))
        assert alice.get(row_id)["status"] == before
        assert [event.field for event in alice.history(row_id)][-1] == next(iter(change))
        # the page now shows the row as it is, and the same move goes through
        page.status_buttons[status].click()
        answer(page, "ready")
        assert alice.get(row_id)["status"] == status and alice.history(row_id)[-1].note == "ready"
    finally:
        page.teardown()
        alice.rows = alice.events = None
        if hasattr(alice, "sites"):
            alice.sites = None
        gc.collect()


_WAITING_EDITOR = """
import sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.workspace.concurrency import ConflictError
from fifteen_min_plugin.core.workspace.workspace import Workspace
register = AssetRegister.from_workspace(Workspace.open(sys.argv[1]))
try:
    register.set_status(sys.argv[2], "under_review", note="late", base_version=1)
except ConflictError as error:
    print("refused:", error.message, flush=True)
else:
    print("written", flush=True)
"""


def test_a_stale_update_racing_a_commit_on_postgis_is_refused_by_the_database(pg_cluster, tmp_path, monkeypatch):
    import psycopg2

    service = tmp_path / "pg_service.conf"
    service.write_text(
        f"[fifteenmin_race]\nhost={pg_cluster.host}\nport={pg_cluster.port}\ndbname={pg_cluster.dbname}\n"
        f"user={pg_cluster.superuser}\npassword={pg_cluster.password}\n",
        encoding="utf-8",
    )
    service.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    location = f"postgres:service=fifteenmin_race/race_{os.getpid()}_{id(service) % 10000}"
    workspace = Workspace.create(location)
    register = AssetRegister.from_workspace(workspace)
    asset_id = register.add(TUNNEL, POINT)
    schema = workspace.backend.schema
    # the first editor's change is written but not committed yet: it holds the row
    first = psycopg2.connect(
        host=pg_cluster.host,
        port=pg_cluster.port,
        dbname=pg_cluster.dbname,
        user=pg_cluster.superuser,
        password=pg_cluster.password,
    )
    cursor = first.cursor()
    cursor.execute(
        f"UPDATE \"{schema}\".idle_assets SET owner = '街道办', base_version = 1 WHERE asset_id = %s", (asset_id,)
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, "-c", _WAITING_EDITOR, location, asset_id], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        # the second editor read version 1 too, and its update now waits for the first one's row lock
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%idle_assets%'"
        deadline = time.monotonic() + 120
        while pg_cluster.psql(waiting) == "0":
            assert second.poll() is None, second.stdout.read()
            assert time.monotonic() < deadline, "the second editor never waited for the row"
            time.sleep(0.05)
        first.commit()
        out, _ = second.communicate(timeout=120)
    finally:
        first.close()
        if second.poll() is None:
            second.kill()
    # the plugin's own check saw version 1; the database saw version 2 when the lock was released, and refused
    assert out.startswith("refused:") and f"“{asset_id}” was changed by {pg_cluster.superuser}" in out
    assert "owner: (empty) → 街道办" in out
    assert register.get(asset_id)["status"] == "candidate" and register.get(asset_id)["version"] == 2
    assert [event.field for event in register.history(asset_id)] == ["created", "owner"]
    register.rows = register.events = None
    gc.collect()
