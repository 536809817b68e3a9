"""Fixtures for tests that run inside a real (offscreen) QGIS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from qgis.PyQt.QtWidgets import QMenu

from scripts.osm_extracts import osm_extract

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
