"""The plugin loads into and unloads from a QGIS session without leaving anything behind."""

from __future__ import annotations

import sys

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import fifteen_min_plugin


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _state(iface) -> dict:
    window = iface.mainWindow()
    plugin_menus = [m for m in iface.pluginMenu().findChildren(QMenu) if m.actions()]
    return {
        "toolbars": [t.objectName() for t in window.findChildren(QToolBar) if t.objectName() == "FifteenMinToolbar"],
        "docks": [d.objectName() for d in window.findChildren(QgsDockWidget) if d.objectName() == "FifteenMinDock"],
        "menus": [m.title() for m in plugin_menus],
        "provider": QgsApplication.processingRegistry().providerById("fifteenmin") is not None,
        "options": len(iface.options_factories),
    }


def test_load_unload_three_times_leaves_nothing(iface, qgis_processing):
    before = _state(iface)
    assert before == {"toolbars": [], "docks": [], "menus": [], "provider": False, "options": 0}
    for _ in range(3):
        plugin = fifteen_min_plugin.classFactory(iface)
        plugin.initGui()
        loaded = _state(iface)
        assert loaded["toolbars"] == ["FifteenMinToolbar"]
        assert loaded["docks"] == ["FifteenMinDock"]
        assert loaded["menus"] == [plugin.menu_name]
        assert loaded["provider"] is True
        assert loaded["options"] == 1
        algorithm_ids = {a.id() for a in QgsApplication.processingRegistry().providerById("fifteenmin").algorithms()}
        assert "fifteenmin:buffercircles" in algorithm_ids
        plugin.unload()
        _flush_deletes()
        assert _state(iface) == before


def test_dock_has_a_page_per_workflow_step(iface, qgis_processing):
    plugin = fifteen_min_plugin.classFactory(iface)
    plugin.initGui()
    try:
        pages = plugin.dock.ui.pages
        assert [pages.widget(i).objectName() for i in range(pages.count())] == [
            "circlesPage",
            "facilitiesPage",
            "analysisPage",
            "assetsPage",
            "planPage",
        ]
        assert all(pages.widget(i).isEnabled() for i in range(pages.count()))
        assert plugin.dock.ui.newWorkspaceButton.isEnabled()
    finally:
        plugin.unload()
        _flush_deletes()


def test_missing_package_still_loads_and_says_how_to_install(iface, qgis_processing, monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)  # makes `import scipy` fail, as on a machine without it
    iface.messageBar().clear_messages()
    plugin = fifteen_min_plugin.classFactory(iface)
    plugin.initGui()
    try:
        errors = iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert len(errors) == 1
        assert "scipy" in errors[0]
        assert "install" in errors[0]
        pages = plugin.dock.ui.pages
        enabled = {pages.widget(i).objectName(): pages.widget(i).isEnabled() for i in range(pages.count())}
        assert enabled == {
            "circlesPage": False,
            "facilitiesPage": True,
            "analysisPage": False,
            "assetsPage": True,
            "planPage": True,  # needs and projects need no scipy
        }
        assert QgsApplication.processingRegistry().providerById("fifteenmin") is not None
    finally:
        plugin.unload()
        _flush_deletes()


@pytest.mark.parametrize("module", ["shapely", "pyproj", "numpy", "scipy", "requests"])
def test_each_required_package_is_checked(module, monkeypatch):
    from fifteen_min_plugin.core.dependencies import missing_dependencies

    assert missing_dependencies() == []
    monkeypatch.setitem(sys.modules, module, None)
    assert [item.module for item in missing_dependencies()] == [module]


def test_chinese_locale_shows_chinese_ui(iface, qgis_processing):
    from qgis.core import QgsSettings

    from fifteen_min_plugin.__about__ import RESOURCES_DIR

    assert (RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.qm").exists(), "run `make translations` first"
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        plugin = fifteen_min_plugin.classFactory(iface)
        plugin.initGui()
        try:
            assert plugin.menu_name == "一刻钟生活圈"
            pages = plugin.dock.ui.pages
            titles = [pages.tabText(i) for i in range(pages.count())]
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in titles), titles
            assert QgsApplication.processingRegistry().providerById("fifteenmin").name() == "一刻钟生活圈"
        finally:
            plugin.unload()
            _flush_deletes()
        assert QCoreApplication.translate("FifteenMinPlugin", "15-Minute Living Circle") == "15-Minute Living Circle"
    finally:
        settings.setValue("locale/overrideFlag", saved[0] or False)
        settings.setValue("locale/userLocale", saved[1] or "")


def test_every_algorithm_is_grouped_documented_and_instantiable(processing):
    from qgis.core import QgsApplication

    algorithms = QgsApplication.processingRegistry().providerById("fifteenmin").algorithms()
    assert len(algorithms) >= 10
    for algorithm in algorithms:
        assert algorithm.groupId() in {"circles", "import", "analysis", "assets"}, algorithm.id()
        assert algorithm.group(), algorithm.id()
        help_text = algorithm.shortHelpString()
        assert len(help_text) > 200, algorithm.id()
        for parameter in algorithm.parameterDefinitions():
            assert parameter.description(), (algorithm.id(), parameter.name())
        copy = algorithm.create()
        assert copy is not None and copy.id() == algorithm.id()


def test_an_algorithm_whose_package_is_missing_refuses_to_run_and_says_why(processing, monkeypatch):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    monkeypatch.setitem(sys.modules, "scipy", None)
    roads = QgsVectorLayer("LineString?crs=EPSG:32650", "roads", "memory")
    origins = QgsVectorLayer("Point?crs=EPSG:32650", "origins", "memory")
    with pytest.raises(QgsProcessingException, match="scipy"):
        processing.run("fifteenmin:networkcircles", {"ROADS": roads, "ORIGINS": origins, "OUTPUT": "memory:"})


@pytest.mark.parametrize("module", ["scipy", "shapely", "pyproj", "requests"])
def test_the_provider_loads_every_algorithm_without_optional_packages(module, monkeypatch):
    from fifteen_min_plugin.processing import registry

    for name, _ in registry.ALGORITHMS:
        monkeypatch.delitem(sys.modules, f"fifteen_min_plugin.processing.{name}", raising=False)
    monkeypatch.setitem(sys.modules, module, None)
    assert {cls.__name__ for cls in registry.algorithm_classes()} == {name for _, name in registry.ALGORITHMS}
