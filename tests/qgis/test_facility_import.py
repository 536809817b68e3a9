"""core.facility_import on a real GeoPackage workspace: field matching, dedup, all or nothing, user rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import NAME_KEYWORD, Rule, load_categories
from fifteen_min_plugin.core.facilities.classify import Classifier
from fifteen_min_plugin.core.facilities.importer import (
    append_facilities,
    category_counts,
    guess_categories,
    name_keyword,
    save_user_rule,
    user_classifier,
    value_counts,
)
from fifteen_min_plugin.core.workspace.workspace import Workspace

CONTEXT = QgsCoordinateTransformContext()
METRE_DEG = 1.0 / 111_195.0


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "ws.gpkg").path


@pytest.fixture()
def facilities(empty_workspace, tmp_path, backend) -> QgsVectorLayer:
    """The facilities layer of an empty workspace, on each backend (GeoPackage, PostGIS)."""
    if backend.kind == "gpkg":
        return Workspace.open(shutil.copy(empty_workspace, tmp_path / "ws.gpkg")).layer("facilities")
    return backend.create().layer("facilities")


@pytest.fixture(scope="module")
def classifier(qgis_app) -> Classifier:
    return Classifier.default()


def _layer(spec: str, rows: list[dict], crs: str = "EPSG:4326") -> QgsVectorLayer:
    layer = QgsVectorLayer(
        f"{spec}?crs={crs}&" + "&".join(f"field={name}:string" for name in rows[0]["attrs"]), "src", "memory"
    )
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row["attrs"].values()))
        feature.setGeometry(row["geometry"])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _point(lon: float, lat: float) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(lon, lat))


def _saved(facilities: QgsVectorLayer) -> list[QgsFeature]:
    return list(QgsVectorLayer(facilities.source(), "check", facilities.providerType()).getFeatures())


def test_fields_by_name_and_alias_polygons_as_points_reprojected_with_the_crs_recorded(facilities, classifier):
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"), CONTEXT
    )
    square = QgsGeometry.fromWkt("POLYGON((116.35 40.0, 116.351 40.0, 116.351 40.001, 116.35 40.001, 116.35 40.0))")
    assert square.transform(to_mercator) == 0
    source = _layer(
        "Polygon",
        [{"attrs": {"名称": "同仁堂大药房", "地址": "学院路1号", "shop": None}, "geometry": square}],
        "EPSG:3857",
    )
    summary = append_facilities(source, facilities, CONTEXT, "layer:src", classifier)

    assert (summary.added, summary.merged, summary.unclassified) == (1, 0, 0)
    [row] = _saved(facilities)
    assert (row["name"], row["address"], row["category"], row["matched_by"]) == (
        "同仁堂大药房",
        "学院路1号",
        "pharmacy",
        "name:大药房",
    )
    assert (row["source"], row["source_id"]) == ("layer:src", "1")
    crs_field = "coord_src" if row.fields().lookupField("coord_src") >= 0 else "source_crs"
    assert row[crs_field] == "EPSG:3857"
    lonlat = row.geometry().asPoint()
    assert 116.35 < lonlat.x() < 116.351 and 40.0 < lonlat.y() < 40.001


def test_duplicates_within_the_tolerance_merge_others_stay_and_reimports_are_skipped(facilities, classifier):
    osm = _layer(
        "Point",
        [
            {
                "attrs": {"osm_type": "node", "osm_id": "1", "name": "罗森(学院路店)", "shop": "convenience"},
                "geometry": _point(116.35, 40.0),
            },
            {
                "attrs": {"osm_type": "node", "osm_id": "2", "name": "物美超市", "shop": "supermarket"},
                "geometry": _point(116.36, 40.0),
            },
        ],
    )
    assert append_facilities(osm, facilities, CONTEXT, "osm", classifier).added == 2
    near = 20 * METRE_DEG
    far = 45 * METRE_DEG
    measure = QgsDistanceArea()
    assert measure.setEllipsoid("WGS84")
    assert 19 < measure.measureLine(QgsPointXY(116.35, 40.0), QgsPointXY(116.35, 40.0 + near)) < 21
    table = _layer(
        "Point",
        [
            {"attrs": {"name": "罗森【学院路店】"}, "geometry": _point(116.35, 40.0 + near)},  # same shop, 20 m
            {"attrs": {"name": "物美超市"}, "geometry": _point(116.36, 40.0 + far)},  # same name, 45 m: another one
            {"attrs": {"name": "罗森便利店"}, "geometry": _point(116.35, 40.0 - near)},  # another name
        ],
    )
    summary = append_facilities(table, facilities, CONTEXT, "table:a.csv", classifier, tolerance_m=30.0)

    assert (summary.added, summary.merged) == (2, 1)
    rows = {(f["name"], f["source"], f["source_id"], f["category"]) for f in _saved(facilities)}
    assert rows == {
        ("罗森(学院路店)", "osm;table:a.csv", "node/1;1", "convenience_store"),
        ("物美超市", "osm", "node/2", "supermarket"),
        ("物美超市", "table:a.csv", "2", "supermarket"),
        ("罗森便利店", "table:a.csv", "3", "convenience_store"),
    }
    again = append_facilities(osm, facilities, CONTEXT, "osm", classifier)
    assert (again.added, again.already_present) == (0, 2)
    assert category_counts(facilities) == {"convenience_store": 2, "supermarket": 2}


def test_a_cancelled_append_writes_nothing_not_even_the_merges(facilities, classifier):
    osm = _layer("Point", [{"attrs": {"name": "罗森", "shop": "convenience"}, "geometry": _point(116.35, 40.0)}])
    append_facilities(osm, facilities, CONTEXT, "osm", classifier)
    table = _layer(
        "Point",
        [
            {"attrs": {"name": name}, "geometry": _point(116.35, 40.0 + 5 * METRE_DEG * i)}
            for i, name in enumerate(["罗森", "菜鸟驿站", "早餐铺"])
        ],
    )
    calls = []

    def cancel_late() -> bool:
        calls.append(1)
        return len(calls) > 3  # after every row was read: cancelled while writing

    with pytest.raises(FifteenMinError, match="cancelled"):
        append_facilities(table, facilities, CONTEXT, "amap", classifier, is_canceled=cancel_late)
    assert [(f["name"], f["source"]) for f in _saved(facilities)] == [("罗森", "osm")]


def test_an_import_into_a_layer_being_edited_keeps_the_pending_edits_pending(facilities, classifier):
    osm = _layer("Point", [{"attrs": {"name": "罗森", "shop": "convenience"}, "geometry": _point(116.35, 40.0)}])
    append_facilities(osm, facilities, CONTEXT, "osm", classifier)
    assert facilities.startEditing()
    drawn = QgsFeature(facilities.fields())
    drawn["name"] = "手绘药店"
    drawn.setGeometry(_point(116.40, 40.0))
    assert facilities.addFeature(drawn)
    # the same shop again 5 m away, and one beside the pending (unsaved) feature: only saved rows are merged into
    table = _layer(
        "Point",
        [
            {"attrs": {"name": "罗森"}, "geometry": _point(116.35, 40.0 + 5 * METRE_DEG)},
            {"attrs": {"name": "手绘药店"}, "geometry": _point(116.40, 40.0 + 5 * METRE_DEG)},
        ],
    )
    summary = append_facilities(table, facilities, CONTEXT, "amap", classifier)
    assert (summary.added, summary.merged) == (1, 1)
    assert facilities.isEditable() and len(facilities.editBuffer().addedFeatures()) == 1
    assert sorted((f["name"], f["source"]) for f in _saved(facilities)) == [("手绘药店", "amap"), ("罗森", "osm;amap")]
    assert facilities.commitChanges(), facilities.commitErrors()
    assert len(_saved(facilities)) == 3


def test_value_counts_and_the_classifiers_guess_for_a_type_field(classifier):
    source = _layer(
        "Point",
        [{"attrs": {"shop": value}, "geometry": _point(116.35, 40.0)} for value in ("convenience", "convenience", "x")],
    )
    assert value_counts(source, "shop") == [("convenience", 2), ("x", 1)]
    assert guess_categories("shop", ["convenience", "x"], classifier) == {"convenience": "convenience_store", "x": None}
    assert guess_categories("typecode", ["060200", "便利店", ""], classifier) == {
        "060200": "convenience_store",
        "便利店": "convenience_store",
        "": None,
    }


def test_user_rules_are_saved_replaced_and_loaded(tmp_path):
    categories = load_categories()
    path = tmp_path / "profile" / "rules_user.csv"
    assert name_keyword("老王修车(五道口店)") == "老王修车"
    save_user_rule(path, Rule("repair", NAME_KEYWORD, "老王修车"), categories)
    save_user_rule(path, Rule("housekeeping", NAME_KEYWORD, "阿姨帮"), categories)
    save_user_rule(path, Rule("fitness", NAME_KEYWORD, "老王修车"), categories)  # re-assigned: replaces
    before = path.read_text("utf-8")
    with pytest.raises(FifteenMinError):
        save_user_rule(path, Rule("no_such_code", NAME_KEYWORD, "x"), categories)
    assert path.read_text("utf-8") == before

    classifier = user_classifier(path)
    assert classifier.classify({"name": "老王修车铺"}) == ("fitness", "name:老王修车")
    assert classifier.classify({"name": "阿姨帮(海淀)"})[0] == "housekeeping"
    assert user_classifier(tmp_path / "missing.csv").classify({"name": "老王修车铺"}) == (None, "")
