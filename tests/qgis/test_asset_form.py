"""The asset form: prefill from source features (rules, true ellipsoidal area, names) and live validation."""

from __future__ import annotations

import pytest
from pyproj import Geod
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialogButtonBox
from shapely.geometry import Polygon

from fifteen_min_plugin.core.assets import time_windows
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.gui.asset_form import AssetForm, prefill_values

# a market's surface car park in Haidian, about 170 m × 110 m, slightly skewed
PARKING = [(116.3450, 40.0000), (116.3470, 40.0001), (116.3469, 40.0011), (116.3451, 40.0010)]


def _osm_layer(geometry: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        f"{geometry}?crs=EPSG:4326&field=osm_id:string&field=name:string&field=amenity:string"
        "&field=building:string&field=other_tags:string",
        "osm",
        "memory",
    )
    assert layer.isValid()
    return layer


def _add(layer: QgsVectorLayer, attributes: list, geometry: QgsGeometry) -> QgsFeature:
    feature = QgsFeature(layer.fields())
    feature.setAttributes(attributes)
    feature.setGeometry(geometry)
    ok, added = layer.dataProvider().addFeatures([feature])
    assert ok
    return layer.getFeature(added[0].id())


def _ok(form: AssetForm):
    return form.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_parking_polygon_prefills_type_name_capacity_and_true_area(qgis_app):
    layer = _osm_layer("Polygon")
    ring = [QgsPointXY(x, y) for x, y in [*PARKING, PARKING[0]]]
    feature = _add(
        layer,
        ["w42", "物美停车场", "parking", None, '"capacity"=>"120","operator"=>"物美集团","fee"=>"yes"'],
        QgsGeometry.fromPolygonXY([ring]),
    )
    prefill = prefill_values(layer, feature, QgsProject.instance().transformContext())
    oracle, _perimeter = Geod(ellps="WGS84").geometry_area_perimeter(Polygon(PARKING))
    assert abs(oracle) > 15000
    values = prefill.values
    assert values["asset_type"] == "parking"
    assert prefill.why == "amenity=parking"
    assert values["area_m2"] == pytest.approx(abs(oracle), rel=0.01)
    planar_deg2 = feature.geometry().area()
    assert planar_deg2 < 1e-5  # square degrees: a planar area would be nonsense
    assert (values["name"], values["owner"], values["capacity"]) == ("物美停车场", "物美集团", 120)
    assert (values["source_layer"], values["source_fid"]) == ("osm", feature.id())

    form = AssetForm(values, hint=prefill.why)
    assert form.type_combo.currentData() == "parking"
    assert float(form.area_edit.text()) == pytest.approx(abs(oracle), rel=0.01)
    assert form.capacity_edit.text() == "120"
    assert _ok(form).isEnabled()
    assert form.values()["source_fid"] == feature.id()


def test_points_lines_and_chinese_name_fields(qgis_app):
    points = _osm_layer("Point")
    bunker = _add(points, ["n7", None, None, "bunker", None], QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    prefill = prefill_values(points, bunker, QgsProject.instance().transformContext())
    assert prefill.values["asset_type"] == "civil_defence"
    assert "area_m2" not in prefill.values
    assert "name" not in prefill.values

    cadastre = QgsVectorLayer("Polygon?crs=EPSG:4326&field=编号:string&field=名称:string", "cadastre", "memory")
    ring = [QgsPointXY(x, y) for x, y in [*PARKING, PARKING[0]]]
    shop = _add(cadastre, ["A-1", "临街商铺（招租）"], QgsGeometry.fromPolygonXY([ring]))
    prefill = prefill_values(cadastre, shop, QgsProject.instance().transformContext())
    assert prefill.values["asset_type"] == "vacant_shop"
    assert prefill.values["name"] == "临街商铺（招租）"
    assert prefill.why == "name “招租”"

    plain = _add(cadastre, ["A-2", "办公楼"], QgsGeometry.fromPolygonXY([ring]))
    prefill = prefill_values(cadastre, plain, QgsProject.instance().transformContext())
    assert (prefill.values["asset_type"], prefill.why) == ("other", "")


@pytest.mark.parametrize(
    "text",
    ["Mon-Fri 25:00-07:00", "Mon-Fri 19:00-07:00\nMon 20:00-22:00", "Funday 19:00-21:00", "weekdays evening"],
)
def test_invalid_windows_disable_ok_with_the_parsers_sentence(qgis_app, text):
    with pytest.raises(FifteenMinError) as raised:
        time_windows.validate(text)
    form = AssetForm({"asset_type": "parking", "name": "夜间闲置停车场"})
    accepted = []
    form.accepted.connect(lambda: accepted.append(True))
    assert _ok(form).isEnabled()
    form.windows_edit.setPlainText(text)
    assert not _ok(form).isEnabled()
    assert form.message_label.text() == raised.value.message
    assert "color" in form.windows_edit.styleSheet()
    form.accept()
    assert accepted == []

    form.windows_edit.setPlainText("Mon-Fri 19:00-07:00\n周末 08:00-18:00")
    assert _ok(form).isEnabled()
    assert form.message_label.text() == ""
    assert form.windows_edit.styleSheet() == ""
    hours = 5 * 12 + 2 * 10  # five nights of 12 h, two weekend days of 10 h
    assert f"{hours:g} h" in form.windows_label.text()
    assert time_windows.validate("Mon-Fri 19:00-07:00; 周末 08:00-18:00") in form.windows_label.text()
    form.accept()
    assert accepted == [True]


def test_empty_form_for_drawing_needs_a_name_and_valid_numbers(qgis_app):
    form = AssetForm()
    assert form.type_combo.currentData() == "other"
    assert not _ok(form).isEnabled()
    assert "name" in form.message_label.text()
    form.name_edit.setText("闲置仓库")
    assert _ok(form).isEnabled()
    form.area_edit.setText("-20")
    assert not _ok(form).isEnabled()
    assert "negative" in form.message_label.text()
    form.area_edit.setText("1,200")
    form.capacity_edit.setText("3.5")
    assert "whole number" in form.message_label.text()
    form.capacity_edit.setText("")
    assert _ok(form).isEnabled()
    values = form.values()
    assert (values["name"], values["area_m2"], values["status"]) == ("闲置仓库", "1,200", "candidate")
    assert "source_layer" not in values


def test_the_windows_hint_offers_the_typical_windows_of_the_type_with_their_basis(qgis_app):
    form = AssetForm({"asset_type": "parking"})
    shared = time_windows.template_for("parking")
    assert shared is not None
    hint = form.windows_edit.placeholderText()
    assert "国办函〔2021〕46号" in hint and shared.text.replace("; ", "\n") in hint
    form.type_combo.setCurrentIndex(form.type_combo.findData("market_space"))
    assert "16:30-19:30" in form.windows_edit.placeholderText()
    form.type_combo.setCurrentIndex(form.type_combo.findData("civil_defence"))
    assert "Mon-Fri 19:00-07:00" in form.windows_edit.placeholderText()  # the general example again
    assert form.windows_edit.toPlainText() == ""  # a hint only: nothing is filled in for the user


def test_the_storey_and_wartime_duty_are_edited_and_stored_in_the_register(qgis_app, tmp_path):
    from fifteen_min_plugin.core.assets.register import AssetRegister
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    form = AssetForm({"asset_type": "civil_defence", "name": "人防工程", "level": "B1", "wartime_duty": "人员掩蔽"})
    assert (form.level_combo.currentText(), form.wartime_edit.text()) == ("B1", "人员掩蔽")
    form.level_combo.setCurrentText("夹层")  # not a storey: refused with a sentence, not guessed
    assert not _ok(form).isEnabled() and "夹层" in form.message_label.text()
    form.level_combo.setCurrentText("b2")
    assert _ok(form).isEnabled()
    values = form.values()
    assert (values["level"], values["wartime_duty"]) == ("B2", "人员掩蔽")

    register = AssetRegister.from_workspace(Workspace.create(tmp_path / "ws.gpkg"))
    asset_id = register.add(values, QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    stored = register.get(asset_id)
    assert (stored["level"], stored["wartime_duty"]) == ("B2", "人员掩蔽")
    register.update(asset_id, {"level": "B1"})
    assert register.get(asset_id)["level"] == "B1"
    assert AssetForm(register.get(asset_id)).level_combo.currentText() == "B1"
