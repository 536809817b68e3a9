"""Every way QGIS spells Simplified Chinese gives the Chinese plugin; Traditional falls back to English."""

from __future__ import annotations

import importlib
import pkgutil
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import fifteen_min_plugin
from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.language import Messages, catalogue_name, catalogue_path, interface_locale, is_chinese

SIMPLIFIED_SPELLINGS = ("zh-Hans", "zh_CN", "zh-CN", "zh_SG", "zh", "zh-Hans-CN", "zh_CN.UTF-8")
OTHER_SPELLINGS = ("zh_TW", "zh-Hant", "zh_HK", "en_US", "en", "de_DE", "")


@pytest.fixture()
def user_locale():
    """Set QGIS's locale override as the Options dialog does; restore the previous values afterwards."""
    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}

    def choose(locale: str) -> None:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)

    yield choose
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.mark.parametrize("locale", SIMPLIFIED_SPELLINGS)
def test_simplified_spellings_get_the_simplified_catalogue(locale):
    assert catalogue_name(locale) == "zh_CN"
    assert catalogue_path(locale).name == "fifteen_min_plugin_zh_CN.qm"
    assert is_chinese(locale)


@pytest.mark.parametrize("locale", OTHER_SPELLINGS)
def test_traditional_and_other_languages_get_english_without_their_catalogue(locale):
    assert catalogue_name(locale) is None
    assert catalogue_path(locale) is None
    assert not is_chinese(locale)


def test_traditional_gets_a_traditional_catalogue_when_one_ships(tmp_path):
    (tmp_path / "fifteen_min_plugin_zh_TW.qm").write_bytes(b"")
    assert catalogue_name("zh-Hant", tmp_path) == "zh_TW"
    assert catalogue_name("zh_TW", tmp_path) == "zh_TW"
    assert catalogue_name("zh-Hans", tmp_path) == "zh_CN"


LOADED = [*((spelling, "一刻钟生活圈") for spelling in SIMPLIFIED_SPELLINGS[:5]), ("zh_TW", None)]


@pytest.mark.parametrize(("locale", "title"), LOADED)
def test_the_loaded_plugin_speaks_the_language_qgis_stored(iface, qgis_processing, user_locale, locale, title):
    """The plugin as QGIS loads it, with the locale exactly as QGIS's Options dialog stores it."""
    user_locale(locale)
    assert interface_locale() == locale
    english = "15-Minute Living Circle"
    assert QCoreApplication.translate("FifteenMinPlugin", english) == english  # no catalogue before loading
    plugin = fifteen_min_plugin.classFactory(iface)
    try:
        assert plugin.menu_name == (title or english)
        plugin.initGui()
        assert plugin.dock.windowTitle() == (title or english)
    finally:
        plugin.unload()
    assert QCoreApplication.translate("FifteenMinPlugin", english) == english


def test_a_workspace_created_in_chinese_qgis_has_chinese_layer_names_and_legends(
    iface, qgis_processing, qgis_new_project, user_locale, tmp_path
):
    user_locale("zh-Hans")
    plugin = fifteen_min_plugin.classFactory(iface)
    plugin.initGui()
    try:
        workspace = plugin.dock.new_workspace(tmp_path / "海淀.gpkg")
        layers = dict(zip(workspace.layer_names(), workspace.add_to_project(QgsProject.instance())))
        assert layers["circles"].name() == "生活圈" and layers["idle_assets"].name() == "闲置资源"
        legend = [category.label() for category in layers["circles"].renderer().categories()]
        assert legend[:3] == ["5 分钟生活圈", "10 分钟生活圈", "15 分钟生活圈"]
        statuses = [category.label() for category in layers["idle_assets"].renderer().categories()]
        assert "使用中" in statuses and not any(label.isascii() for label in statuses)
    finally:
        plugin.unload()
        QgsProject.instance().removeAllMapLayers()


def _subclasses(base: type) -> set[type]:
    found = set()
    for cls in base.__subclasses__():
        found |= {cls, *_subclasses(cls)}
    return found


def test_every_messages_class_translates_in_its_own_context(qgis_app):
    """Each subclass of core.language.Messages finds its catalogue entries, filed by pylupdate5 under its name."""
    for module in pkgutil.walk_packages(fifteen_min_plugin.__path__, "fifteen_min_plugin."):
        if ".gui" not in module.name:
            importlib.import_module(module.name)
    catalogue: dict[str, list[tuple[str, str]]] = {}
    for context in ET.parse(RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.ts").getroot().iter("context"):
        catalogue[context.findtext("name")] = [
            (message.findtext("source"), message.findtext("translation")) for message in context.iter("message")
        ]
    classes = _subclasses(Messages)
    assert {"CsvTableMessages", "RoadMessages", "ErrorMessages", "CircleWriter"} <= {cls.__name__ for cls in classes}
    translator = QTranslator()
    assert translator.load(str(RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.qm")), "run `make translations`"
    QCoreApplication.installTranslator(translator)
    try:
        for cls in classes:
            entries = catalogue.get(cls.__name__, [])
            assert entries, f"{cls.__name__} has no entry in the catalogue"
            for source, translation in entries:
                assert cls.tr(source) == translation, (cls.__name__, source)
    finally:
        QCoreApplication.removeTranslator(translator)
