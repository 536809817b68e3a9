"""Roles of a PostGIS workspace (scripts/postgis_roles.sql) on the run's own cluster, and a read-only GeoPackage.

A read-only role sees every row, cannot write (the register is refused with a sentence, SQL with permission
denied) and the plugin says why; an editor edits but cannot change or delete the history.
"""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsPointXY

from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.access import read_only_reason
from fifteen_min_plugin.core.workspace.workspace import Workspace
from scripts.pg_cluster import PgClusterError, remove_qgis_connection, save_qgis_connection

ROLES_SQL = Path(__file__).resolve().parents[2] / "scripts" / "postgis_roles.sql"
POINT = QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0))
TUNNEL = {"asset_type": "civil_defence", "name": "示例人防工程"}


def _run_roles_script(cluster, schema: str, readers: str, editors: str) -> None:
    """scripts/postgis_roles.sql run with psql, as a bureau's administrator would."""
    psql = cluster._bin / "psql"
    command = [str(psql) if psql.exists() else "psql", "-X", "-q", "-h", str(cluster.root), "-p", str(cluster.port)]
    command += ["-U", cluster.superuser, "-d", cluster.dbname, "-v", f"schema={schema}"]
    command += ["-v", f"readers={readers}", "-v", f"editors={editors}", "-f", str(ROLES_SQL)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture()
def roles(pg_cluster, pg_connection):
    """A workspace with one asset, the roles script applied, and saved QGIS connections of a reader and an editor."""
    workspace = Workspace.create(f"postgres:{pg_connection.name}/roles_{uuid.uuid4().hex[:8]}")
    owner = AssetRegister.from_workspace(workspace, user="owner")
    asset_id = owner.add(TUNNEL, POINT, note="survey")
    schema = workspace.backend.schema
    tag = uuid.uuid4().hex[:6]
    readers, editors = f"read_{tag}", f"edit_{tag}"
    _run_roles_script(pg_cluster, schema, readers, editors)
    saved = []
    logins = {}
    for kind, group in (("reader", readers), ("editor", editors)):
        login = f"{kind}_{tag}"
        pg_cluster.create_role(login, "secret-" + tag)
        pg_cluster.psql(f'GRANT "{group}" TO "{login}"')
        name = f"fifteenmin-{login}"
        saved.append((name, save_qgis_connection(pg_cluster, name, login, "secret-" + tag)))
        logins[kind] = (name, login)
    yield workspace, asset_id, schema, logins
    owner.rows = owner.events = None
    gc.collect()
    for name, authcfg in saved:
        remove_qgis_connection(name, authcfg)


def test_a_reader_sees_everything_cannot_write_and_is_told_why(pg_cluster, roles):
    _workspace, asset_id, schema, logins = roles
    name, login = logins["reader"]
    as_reader = Workspace.open(f"postgres:{name}/{schema}")
    register = AssetRegister.from_workspace(as_reader)
    assert register.asset_ids() == [asset_id]
    assert [event.field for event in register.history(asset_id)] == ["created"]
    sentence = read_only_reason([as_reader.layer("idle_assets")])
    assert sentence is not None and f"“{login}”" in sentence and "editor role" in sentence
    with pytest.raises(FifteenMinError):
        register.set_status(asset_id, "under_review")
    for sql in (
        f"UPDATE \"{schema}\".idle_assets SET status = 'under_review'",
        f'DELETE FROM "{schema}".asset_events',
        f"INSERT INTO \"{schema}\".idle_assets (asset_id) VALUES ('IA-99')",
    ):
        with pytest.raises(PgClusterError, match="permission denied"):
            pg_cluster.psql(sql, user=login)
    assert pg_cluster.psql(f'SELECT status, version FROM "{schema}".idle_assets') == "candidate|1"
    register.rows = register.events = None
    gc.collect()


def test_an_editor_edits_and_the_history_names_the_role_but_cannot_be_deleted(pg_cluster, roles):
    _workspace, asset_id, schema, logins = roles
    name, login = logins["editor"]
    as_editor = Workspace.open(f"postgres:{name}/{schema}")
    assert read_only_reason([as_editor.layer(layer) for layer in ("idle_assets", "projects", "circles")]) is None
    register = AssetRegister.from_workspace(as_editor)
    register.set_status(asset_id, "under_review", note="ready")
    added = register.add({"asset_type": "parking", "name": "夜间停车场"}, POINT)
    last = register.history(asset_id)[-1]
    assert (last.field, last.new_value, last.note, last.user) == ("status", "under_review", "ready", login)
    assert [event.user for event in register.history(added)] == [login]
    for sql in (f'DELETE FROM "{schema}".asset_events', f"UPDATE \"{schema}\".asset_events SET note = 'x'"):
        with pytest.raises(PgClusterError, match="permission denied"):
            pg_cluster.psql(sql, user=login)
    # not even the owner can rewrite the history: the triggers refuse it
    with pytest.raises(PgClusterError, match="append-only"):
        pg_cluster.psql(f'DELETE FROM "{schema}".asset_events')
    assert pg_cluster.psql(f'SELECT count(*) FROM "{schema}".asset_events') == "3"
    register.rows = register.events = None
    gc.collect()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write a read-only file")
def test_a_read_only_geopackage_is_told_why(tmp_path):
    path = tmp_path / "shared.gpkg"
    Workspace.create(path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    workspace = Workspace.open(path)
    assert "read-only" in read_only_reason([workspace.layer("idle_assets")])


@pytest.mark.parametrize("kind", ["reader", "editor"])
def test_the_assets_and_plan_pages_show_edit_buttons_only_to_an_editor(roles, kind):
    from qgis.core import QgsProject
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    from fifteen_min_plugin.gui.assets_page import AssetsPage
    from fifteen_min_plugin.gui.plan_page import PlanPage

    _workspace, asset_id, schema, logins = roles
    name, login = logins[kind]
    workspace = Workspace.open(f"postgres:{name}/{schema}")
    canvas, project = QgsMapCanvas(), QgsProject()
    for page_class in (AssetsPage, PlanPage):
        page = page_class(canvas=canvas, message_bar=QgsMessageBar(), workspace=lambda: workspace, project=project)
        hidden = [widget.isHidden() for widget in page.edit_widgets()]
        if kind == "reader":
            assert all(hidden), page_class.__name__
            assert not page.read_only_label.isHidden() and f"“{login}”" in page.read_only_label.text()
        else:
            assert not any(hidden), page_class.__name__
            assert page.read_only_label.isHidden()
        if page_class is AssetsPage:  # either role sees the register
            assert [row.asset_id for row in page.model.rows] == [asset_id]
        page.teardown()
        page.deleteLater()
    gc.collect()
