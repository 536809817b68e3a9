"""In a Chinese QGIS, the codes the plugin stores never reach the user: each one is shown by its label."""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsSettings, QgsVectorLayer
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.coverage_rows import table_header
from fifteen_min_plugin.core.assets import ASSET_TYPE_ALIASES, ASSET_TYPES
from fifteen_min_plugin.core.assets.register import AssetRegister, check_transition
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import CLASSES, load_categories
from fifteen_min_plugin.core.labels import (
    asset_type_label,
    category_class_label,
    category_label,
    conversion_text,
    level_label,
    status_label,
)
from fifteen_min_plugin.core.workspace.schema import ASSET_STATUSES
from fifteen_min_plugin.core.workspace.workspace import Workspace

#: a stored code as it would leak: two or more lower-case ASCII letters (in_use, civil_defence, min, category)
CODE = re.compile(r"[a-z_]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese_only(text: str) -> None:
    assert CJK.search(text), text
    assert not CODE.search(text), text


@pytest.fixture()
def chinese(qgis_app):
    """The interface in Simplified Chinese, with the plugin's catalogue installed, as QGIS does at start."""
    catalogue = RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.qm"
    assert catalogue.exists(), "run `make translations` first"
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    translator = QTranslator()
    assert translator.load(str(catalogue))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    settings.setValue("locale/overrideFlag", saved[0] or False)
    settings.setValue("locale/userLocale", saved[1] or "")


@pytest.mark.parametrize("status", ASSET_STATUSES)
def test_each_status_has_a_chinese_label(chinese, status):
    _chinese_only(status_label(status))


@pytest.mark.parametrize("code", [item.code for item in ASSET_TYPES] + list(ASSET_TYPE_ALIASES))
def test_each_asset_type_and_alias_has_a_chinese_label(chinese, code):
    _chinese_only(asset_type_label(code))


@pytest.mark.parametrize("category", load_categories(), ids=lambda category: category.code)
def test_each_category_has_a_chinese_label(chinese, category):
    label = category_label(category.code)
    assert CJK.search(label) and category.code not in label, label


@pytest.mark.parametrize("category_class", CLASSES)
def test_each_category_class_has_a_chinese_label(chinese, category_class):
    _chinese_only(category_class_label(category_class))


@pytest.mark.parametrize("minutes", [5, 10, 15, "15", 15.0])
def test_each_level_has_a_chinese_label(chinese, minutes):
    _chinese_only(level_label(minutes))


@pytest.mark.parametrize("exact", [True, False])
def test_coordinate_conversions_are_in_chinese(chinese, exact):
    _chinese_only(conversion_text("GCJ-02", "WGS84", exact))


def test_labels_follow_an_english_interface(qgis_app):
    assert status_label("in_use") == "In use"
    assert asset_type_label("civil_defence") == "Civil-defence works (tunnel, shelter)"
    assert level_label(15) == "15-minute circle"
    assert conversion_text("GCJ-02", "WGS84", True) == "GCJ-02→WGS84 (exact inverse)"


def test_an_unknown_code_is_shown_as_it_is(chinese):
    assert asset_type_label("boat_house") == "boat_house"
    assert category_label("sauna") == "sauna"
    assert status_label(None) == ""


def test_a_skipped_step_names_the_statuses_in_chinese(chinese):
    with pytest.raises(FifteenMinError) as skipped:
        check_transition("candidate", "in_use")
    assert "候选" in skipped.value.message and "使用中" in skipped.value.message, skipped.value.message
    assert not CODE.search(skipped.value.message), skipped.value.message
    with pytest.raises(FifteenMinError) as refused:
        check_transition("retired", "approved")
    assert not CODE.search(refused.value.message), refused.value.message


def test_the_coverage_table_header_is_all_chinese(chinese):
    for title in table_header():
        _chinese_only(title)


def test_the_classification_log_names_categories_not_codes(chinese, processing):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=shop:string", "pois", "memory")
    features = []
    for name, shop in (("好邻居便利店", "convenience"), ("无名", None)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, shop])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    feedback = QgsProcessingFeedback()
    processing.run("fifteenmin:classifyfacilities", {"INPUT": layer, "OUTPUT": "memory:"}, feedback=feedback)
    log = feedback.textLog()
    assert "便利店" in log
    assert "convenience_store" not in log and "category" not in log, log


def test_the_asset_history_shows_types_and_statuses_in_chinese(chinese, qgis_canvas, tmp_path):
    from fifteen_min_plugin.gui.assets_page import AssetsPage

    workspace = Workspace.create(tmp_path / "ws.gpkg")
    register = AssetRegister.from_workspace(workspace)
    asset_id = register.add(
        {"asset_type": "parking", "name": "示例市场停车场"}, QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0))
    )
    register.set_status(asset_id, "in_use", confirmed=True)
    register.update(asset_id, {"asset_type": "civil_defence"})
    page = AssetsPage(canvas=qgis_canvas, message_bar=QgsMessageBar(), workspace=lambda: workspace)
    try:
        assert page.select_id(asset_id)
        history = page.history
        texts = [
            history.item(row, column).text()
            for row in range(history.rowCount())
            for column in range(1, 4)
            if history.item(row, column) is not None
        ]
        assert "停车场: 示例市场停车场" in texts, texts
        assert "使用中" in texts and "人防工程" in texts, texts
        assert not [text for text in texts if CODE.search(text)], texts
    finally:
        page.teardown()
        page.deleteLater()


def test_the_conversion_log_is_in_chinese(chinese, processing):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "pois", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["示例"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert layer.dataProvider().addFeatures([feature])[0]
    feedback = QgsProcessingFeedback()
    result = processing.run(
        "fifteenmin:convertcoords",
        {"INPUT": layer, "FROM_SYSTEM": 1, "TO_SYSTEM": 0, "OUTPUT": "memory:"},
        feedback=feedback,
    )
    log = feedback.textLog()
    assert "GCJ-02→WGS84（精确逆算）" in log, log
    assert "exact inverse" not in log
    (converted,) = result["OUTPUT"].getFeatures()
    assert converted["coord_conv"] == "GCJ-02→WGS84 (exact inverse)"  # the stored value stays the stable code
