"""Fixtures for tests that run inside a real (offscreen) QGIS."""

from __future__ import annotations

import contextlib
import gc
import inspect
import os
import sqlite3
import types
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import pytest
from qgis.PyQt.QtWidgets import QMenu

from scripts.osm_extracts import osm_extract
from scripts.pg_cluster import PgCluster, remove_qgis_connection, save_qgis_connection

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def osm_file(name: str) -> Path:
    """The bundled OSM extract `name` (data/osm/<name>.gz) as a readable .osm path, decompressed once per session."""
    return osm_extract(name)


class _MenuAndOptionsMixin:
    """The parts of QgisInterface pytest-qgis leaves as MagicMocks, made real."""

    def _plugins_menu(self) -> QMenu:
        existing = self.__dict__.get("plugins_menu")  # the stub's __getattr__ answers anything with a MagicMock
        if existing is None:
            existing = self._mainWindow.menuBar().addMenu("&Plugins")
            self.__dict__["plugins_menu"] = existing
        return existing

    def pluginMenu(self) -> QMenu:
        return self._plugins_menu()

    def addPluginToMenu(self, name: str, action) -> None:
        menu = next((m for m in self._plugins_menu().findChildren(QMenu) if m.title() == name), None)
        if menu is None:
            menu = self._plugins_menu().addMenu(name)
        menu.addAction(action)

    def removePluginMenu(self, name: str, action) -> None:
        for menu in self._plugins_menu().findChildren(QMenu):
            if menu.title() == name:
                menu.removeAction(action)
                if not menu.actions():
                    self._plugins_menu().removeAction(menu.menuAction())
                    menu.setParent(None)
                    menu.deleteLater()

    def addDockWidget(self, area, dock_widget) -> None:
        self._mainWindow.addDockWidget(area, dock_widget)

    def removeDockWidget(self, dock_widget) -> None:
        self._mainWindow.removeDockWidget(dock_widget)

    def registerOptionsWidgetFactory(self, factory) -> None:
        self.options_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory) -> None:
        self.options_factories.remove(factory)


@pytest.fixture()
def iface(qgis_iface, qgis_app):
    """pytest-qgis' iface with working plugin menus, docks and options pages."""
    cls = type(qgis_iface)
    for name, member in vars(_MenuAndOptionsMixin).items():
        if callable(member) and not name.startswith("__"):
            setattr(cls, name, member)
    if not hasattr(qgis_iface, "options_factories") or not isinstance(qgis_iface.options_factories, list):
        qgis_iface.__dict__["options_factories"] = []
    return qgis_iface


@pytest.fixture()
def processing(qgis_processing):
    """The `processing` module, initialised, with the plugin provider registered for the test."""
    from qgis import processing as processing_module
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("fifteenmin")
    added = provider is None
    if added:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    yield processing_module
    if added:
        registry.removeProvider(provider)


@pytest.fixture(scope="session", autouse=True)
def english_interface_to_start(qgis_app):
    """Every run starts with QGIS in its default language, whatever an earlier, interrupted run left stored."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", False)
    settings.setValue("locale/userLocale", "")
    yield


#: the master password of the test runs' authentication database (test_facilities_page_poi uses the same)
AUTH_MASTER_PASSWORD = "fifteen-min-test-master"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL + PostGIS cluster the run starts itself (loopback, free port), removed at the end.

    Attributes: host, port, dbname (has PostGIS), superuser, password; `psql(sql)`, `create_role`, `stop`/`start`.
    """
    cluster = PgCluster.start_new()
    yield cluster
    cluster.remove()


@dataclass(frozen=True)
class PgConnection:
    """A saved QGIS PostgreSQL connection `name` to `cluster`, its credentials in Auth Manager config `authcfg`."""

    name: str
    authcfg: str
    cluster: PgCluster


@pytest.fixture()
def pg_connection(pg_cluster, qgis_app) -> Iterator[PgConnection]:
    """A saved QGIS connection to the session cluster as its superuser (password only in the Auth Manager);
    the connection and its authentication configuration are removed afterwards."""
    from qgis.core import QgsApplication

    assert QgsApplication.authManager().setMasterPassword(AUTH_MASTER_PASSWORD, True)
    name = f"fifteenmin-test-{uuid.uuid4().hex[:8]}"
    authcfg = save_qgis_connection(pg_cluster, name)
    yield PgConnection(name, authcfg, pg_cluster)
    remove_qgis_connection(name, authcfg)


@dataclass
class BackendCase:
    """One workspace backend for a parametrised test: where to create workspaces and how to read them back.

    `rows` reads a workspace with an independent client (sqlite3 for a GeoPackage, psycopg2 for PostGIS, where
    the workspace schema is the search path), never through QGIS.
    """

    kind: str
    folder: Path
    connection: Optional[PgConnection] = None

    def location(self, name: str = "ws") -> Union[Path, str]:
        """A new location: a .gpkg path in the test's folder, or a fresh schema on the test cluster."""
        if self.connection is None:
            return self.folder / f"{name}.gpkg"
        return f"postgres:{self.connection.name}/{name}_{uuid.uuid4().hex[:8]}"

    def create(self, name: str = "ws", **options):
        """A new, empty workspace of this backend."""
        from fifteen_min_plugin.core.workspace.workspace import Workspace

        return Workspace.create(self.location(name), **options)

    def rows(self, workspace, sql: str, *args) -> list[tuple]:
        """Rows of `sql` (placeholders `?`) read from `workspace` by an independent client."""
        if self.connection is None:
            with sqlite3.connect(workspace.path) as db:
                return db.execute(sql, args).fetchall()
        import psycopg2

        cluster = self.connection.cluster
        db = psycopg2.connect(
            host=cluster.host,
            port=cluster.port,
            dbname=cluster.dbname,
            user=cluster.superuser,
            password=cluster.password,
        )
        try:
            with db.cursor() as cursor:
                cursor.execute(f'SET search_path TO "{workspace.backend.schema}", public')
                cursor.execute(sql.replace("?", "%s"), args)
                return cursor.fetchall()
        finally:
            db.close()


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request, tmp_path, qgis_app) -> BackendCase:
    """Each workspace backend in turn: a GeoPackage in the test's folder, then a schema on the test cluster."""
    if request.param == "gpkg":
        return BackendCase("gpkg", tmp_path)
    return BackendCase("postgis", tmp_path, request.getfixturevalue("pg_connection"))


@pytest.fixture()
def default_settings(qgis_app):
    """The plugin's settings at their defaults (its QgsSettings group removed), removed again after the test."""
    from qgis.core import QgsSettings

    from fifteen_min_plugin.__about__ import SETTINGS_PREFIX

    store = QgsSettings()
    store.remove(SETTINGS_PREFIX)
    yield store
    store.remove(SETTINGS_PREFIX)


@pytest.fixture(autouse=True, scope="session")
def release_finished_frames(qgis_app) -> Iterator[None]:
    """Before QGIS exits, free the layers that finished Python frames and leftover closures still hold.

    An exception a Python `processAlgorithm` raises is kept by QGIS's bindings with its traceback, so the frames
    of every failed algorithm run (and their parameter layers) would live until interpreter exit and be destroyed
    after `exitQgis`, where closing an OGR layer crashes (gdb: `QgsVectorLayer::~QgsVectorLayer` in
    `Py_FinalizeEx`). Clearing them here destroys those layers while QGIS still runs.
    """
    from qgis.core import QgsMapLayer

    yield
    gc.collect()
    generators = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
    for candidate in gc.get_objects():
        if isinstance(candidate, types.FrameType) and not candidate.f_code.co_flags & generators:
            with contextlib.suppress(RuntimeError):  # still executing: pytest's own stack
                candidate.clear()
    gc.collect()
    for layer in [item for item in gc.get_objects() if isinstance(item, QgsMapLayer)]:
        for holder in gc.get_referrers(layer):
            if isinstance(holder, types.CellType):  # a slot or callback defined in a test, captured by Qt
                holder.cell_contents = None
    gc.collect()
