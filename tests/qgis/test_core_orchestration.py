"""The core functions the algorithms call, run without Processing: points, codes, coverage, radius circles."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.analysis.coverage import circle_coverage
from fifteen_min_plugin.core.circles.radius import radius_circles
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.category_codes import report_unknown_codes
from fifteen_min_plugin.core.facilities.classify import NAME_KEY, TYPECODE_KEY, AttributeRecords, Classifier
from fifteen_min_plugin.core.network.origins import read_points
from tests.qgis.recording import RecordingFeedback

UTM = "EPSG:32650"  # Beijing, metres
#: an L-shaped block in Haidian whose centroid lies outside it
L_SHAPE = (
    "POLYGON((116.350 40.000, 116.354 40.000, 116.354 40.001, 116.351 40.001, 116.351 40.004, 116.350 40.004, "
    "116.350 40.000))"
)


def layer(uri: str, rows: list[tuple[str | None, list]]) -> QgsVectorLayer:
    """A memory layer from (WKT or None, attributes) rows."""
    result = QgsVectorLayer(uri, "test", "memory")
    assert result.isValid()
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(result.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert result.dataProvider().addFeatures(features)
    return result


def test_read_points_keeps_points_puts_polygons_inside_and_leaves_empty_features_without_a_point():
    source = layer(
        "MultiPolygon?crs=EPSG:4326&field=name:string",
        [(f"MULTI{L_SHAPE.replace('POLYGON', 'POLYGON(')})", ["l"]), (None, ["none"])],
    )
    points = layer("Point?crs=EPSG:4326", [("POINT(116.352 40.002)", [])])
    crs, context = QgsCoordinateReferenceSystem(UTM), QgsCoordinateTransformContext()
    to_utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context)

    placed = read_points(source, crs, context)
    single = read_points(points, crs, context)

    inside = QgsGeometry.fromWkt(L_SHAPE)
    assert inside.transform(to_utm) == 0
    assert placed.points[0] is not None and inside.contains(QgsGeometry.fromPointXY(QgsPointXY(*placed.points[0])))
    assert not inside.contains(inside.centroid())  # so a centroid would have been wrong
    assert placed.points[1] is None and placed.unplaced_ids() == [placed.features[1].id()]
    expected = to_utm.transform(QgsPointXY(116.352, 40.002))
    assert single.points[0] == pytest.approx((expected.x(), expected.y()), abs=1e-6)


def test_unknown_codes_are_reported_most_common_first_and_no_known_code_is_refused():
    feedback = RecordingFeedback()
    report_unknown_codes(Counter({"x": 1, "shop": 3, "": 2}), known=5, total=11, field="category", feedback=feedback)
    assert feedback.warnings == [
        "6 facilities have no known category code and were left out: “shop” (3), empty (2), “x” (1)."
    ]
    with pytest.raises(FifteenMinError, match=r"None of the 2 facilities .* field “kind” \(found: “shop” \(2\)\)"):
        report_unknown_codes(Counter({"shop": 2}), known=0, total=2, field="kind", feedback=RecordingFeedback())


@pytest.mark.parametrize(
    ("pair", "label"),
    [
        ((1, 0), "GCJ-02→WGS84 (exact inverse)"),
        ((2, 0), "BD-09→WGS84 (exact inverse)"),
        ((2, 1), "BD-09→GCJ-02 (exact inverse)"),
        ((0, 1), "WGS84→GCJ-02 (public formula)"),
        ((0, 2), "WGS84→BD-09 (public formula)"),
    ],
)
def test_the_stored_conversion_label_names_the_systems_in_option_order(pair, label):
    assert chinacoords.conversion_label(*pair) == label
    assert chinacoords.OTHER_SYSTEM == len(chinacoords.SYSTEM_LABELS) == len(chinacoords.SYSTEMS)


def test_attribute_records_read_other_tags_tag_columns_and_the_chosen_fields():
    classifier = Classifier.default()
    names = ["title", "amenity", "other_tags", "code"]
    records = AttributeRecords(names, {NAME_KEY: 0, TYPECODE_KEY: 3}, classifier.osm_keys)
    record = records.record(["全家", None, '"shop"=>"convenience","opening_hours"=>"24/7"', "060200"])
    assert record == {"shop": "convenience", "opening_hours": "24/7", NAME_KEY: "全家", TYPECODE_KEY: "060200"}
    assert classifier.attributes(record)[0] == "convenience_store"


def test_circle_coverage_counts_what_each_circle_contains_without_processing():
    circles = layer(
        f"Polygon?crs={UTM}&field=circle_id:string&field=level_min:double",
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["a", 15]),
            ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", ["b", 15]),
            (None, ["c", 15]),
        ],
    )
    facility_rows = [("POINT(10 10)", ["pharmacy"]), ("POINT(100 50)", ["pharmacy"]), ("POINT(250 50)", ["park"])]
    facilities = layer(f"Point?crs={UTM}&field=category:string", [*facility_rows, ("POINT(50 50)", ["nonsense"])])
    feedback = RecordingFeedback()

    result = circle_coverage(circles, facilities, "category", None, QgsCoordinateTransformContext(), feedback)

    assert [feature["circle_id"] for feature in result.features] == ["a", "b"]
    for feature, row in zip(result.features, result.rows):
        inside = Counter(
            code for wkt, (code,) in facility_rows if feature.geometry().intersects(QgsGeometry.fromWkt(wkt))
        )
        assert (row["n_pharmacy"], row["n_park"]) == (inside["pharmacy"], inside["park"])
    assert any("“nonsense” (1)" in text for text in feedback.warnings)
    assert any("no geometry and get no row" in text for text in feedback.warnings)


def test_radius_circles_have_the_area_of_a_true_circle_and_name_origins_without_geometry():
    origins = layer(
        "Point?crs=EPSG:4326&field=community_id:string",
        [("POINT(116.352 40.002)", ["c1"]), (None, ["c2"])],
    )
    feedback = RecordingFeedback()
    batches = list(
        radius_circles(origins, "community_id", [(300, 5), (1000, 15)], QgsCoordinateTransformContext(), feedback)
    )

    assert len(batches) == 1
    assert [(c.origin_id, c.radius_m, c.minutes) for c in batches[0]] == [("c1", 1000, 15), ("c1", 300, 5)]
    for circle in batches[0]:
        assert circle.area_m2 == pytest.approx(math.pi * circle.radius_m**2, rel=1e-3)
    assert feedback.warnings == ["1 origins have no geometry and got no circle: c2"]
