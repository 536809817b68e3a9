"""Features without a geometry are counted, named and left out of the output, the same way in every algorithm.

buffercircles set the rule: a warning (not an error) gives the count and the ids, and no output row stands
for the feature, so nothing looks like a real result ("nothing within reach", an empty circle graded 未达标).
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from tests.qgis.recording import RecordingFeedback

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NULL_IDS = ("NG-1", "NG-2")


def _with_null_geometries(source: str, id_field: str, name: str) -> QgsVectorLayer:
    """The first three features of `source` in memory, plus two features without geometry (ids NG-1, NG-2)."""
    layer = QgsVectorLayer(source, name, "ogr")
    assert layer.isValid()
    copy = layer.materialize(QgsFeatureRequest().setLimit(3))
    for value in NULL_IDS:
        feature = QgsFeature(copy.fields())
        feature[id_field] = value
        feature.setGeometry(QgsGeometry())
        assert copy.dataProvider().addFeature(feature)
    return copy


@pytest.fixture()
def communities(qgis_app) -> QgsVectorLayer:
    return _with_null_geometries(f"{SAMPLE}|layername=communities", "community_id", "communities")


def _check(
    output: QgsVectorLayer, feedback: RecordingFeedback, id_field: str, expected_ids: set[str], named=NULL_IDS
) -> None:
    ids = {str(feature[id_field]) for feature in output.getFeatures()}
    assert ids == expected_ids, "only the features with a geometry have rows"
    told = [text for text in feedback.warnings if all(str(value) in text for value in named)]
    assert len(told) == 1 and "2" in told[0], feedback.warnings
    assert not any(str(value) in text for text in feedback.errors for value in named), "a warning, not an error"


def _null_fids(layer: QgsVectorLayer, id_field: str) -> list[int]:
    return [feature.id() for feature in layer.getFeatures() if feature[id_field] in NULL_IDS]


def test_buffercircles(processing, communities):
    feedback = RecordingFeedback()
    output = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "300",
            "MINUTES": "5",
            "OUTPUT": "memory:",
        },
        feedback=feedback,
    )["OUTPUT"]
    real = {f["community_id"] for f in communities.getFeatures() if not f.geometry().isNull()}
    _check(output, feedback, "origin_id", real)


def test_networkcircles(processing, communities):
    feedback = RecordingFeedback()
    output = processing.run(
        "fifteenmin:networkcircles",
        {
            "ROADS": f"{SAMPLE}|layername=haidian_roads",
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "MINUTES": "5",
            "SNAP_TOLERANCE_M": 1000,
            "OUTPUT": "memory:",
        },
        feedback=feedback,
    )["OUTPUT"]
    real = {f["community_id"] for f in communities.getFeatures() if not f.geometry().isNull()}
    _check(output, feedback, "origin_id", real)


def test_nearestfacility(processing, communities):
    facilities = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"}
    )["OUTPUT"]
    feedback = RecordingFeedback()
    output = processing.run(
        "fifteenmin:nearestfacility",
        {
            "ROADS": f"{SAMPLE}|layername=haidian_roads",
            "ORIGINS": communities,
            "FACILITIES": facilities,
            "CATEGORY_FIELD": "category",
            "SNAP_TOLERANCE_M": 1000,
            "OUTPUT": "memory:",
        },
        feedback=feedback,
    )["OUTPUT"]
    real = {f["community_id"] for f in communities.getFeatures() if not f.geometry().isNull()}
    _check(output, feedback, "community_id", real, named=_null_fids(communities, "community_id"))
    # every origin that has a row was really searched: it has a snap distance
    assert all(feature["snap_m"] is not None for feature in output.getFeatures())


def test_coverage(processing, communities):
    circles = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "500",
            "MINUTES": "10",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    for value in NULL_IDS:
        feature = QgsFeature(circles.fields())
        feature["origin_id"] = value
        feature["minutes"] = 10
        assert circles.dataProvider().addFeature(feature)
    facilities = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"}
    )["OUTPUT"]
    feedback = RecordingFeedback()
    output = processing.run(
        "fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"}, feedback=feedback
    )["OUTPUT"]
    real = {f["origin_id"] for f in circles.getFeatures() if not f.geometry().isNull()}
    _check(output, feedback, "origin_id", real, named=_null_fids(circles, "origin_id"))
    assert not any(feature.geometry().isEmpty() for feature in output.getFeatures())


def test_idlecandidates(processing):
    parking = QgsVectorLayer(f"{SAMPLE}|layername=haidian_parking_and_buildings", "parking", "ogr")
    copy = parking.materialize(QgsFeatureRequest().setFilterExpression("\"amenity\" = 'parking'").setLimit(3))
    for _ in NULL_IDS:
        feature = QgsFeature(copy.fields())
        feature["amenity"] = "parking"
        assert copy.dataProvider().addFeature(feature)
    null_fids = [f.id() for f in copy.getFeatures() if f.geometry().isNull()]
    feedback = RecordingFeedback()
    output = processing.run("fifteenmin:idlecandidates", {"INPUT": [copy], "OUTPUT": "memory:"}, feedback=feedback)[
        "OUTPUT"
    ]
    assert sorted(feature["source_fid"] for feature in output.getFeatures()) == sorted(
        f.id() for f in copy.getFeatures() if not f.geometry().isNull()
    )
    told = [text for text in feedback.warnings if all(f"#{fid}" in text for fid in null_fids)]
    assert len(told) == 1 and told[0].startswith("2 "), feedback.warnings
    assert not feedback.errors


def test_repurpose_names_coverage_circles_without_geometry(processing, communities):
    circles = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "500",
            "MINUTES": "10",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    facilities = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"}
    )["OUTPUT"]
    coverage = processing.run(
        "fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"}
    )["OUTPUT"]
    for value in NULL_IDS:
        feature = QgsFeature(coverage.fields())
        feature["origin_id"] = value
        assert coverage.dataProvider().addFeature(feature)
    feedback = RecordingFeedback()
    processing.run(
        "fifteenmin:repurpose",
        {"ASSETS": f"{SAMPLE}|layername=idle_assets_seed", "COVERAGE": coverage, "OUTPUT": "memory:"},
        feedback=feedback,
    )
    _check_told = [text for text in feedback.warnings if "coverage circles have no geometry" in text]
    fids = _null_fids(coverage, "origin_id")
    assert len(_check_told) == 1 and all(str(fid) in _check_told[0] for fid in fids), feedback.warnings
    assert not feedback.errors
