"""fifteenmin:buffercircles draws true-metre circles in any CRS."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

# Harbin, Beijing, Shanghai, Guangzhou, Sanya: the spread of latitudes planners work at.
CITIES = [
    ("harbin", 126.63, 45.75),
    ("beijing", 116.35, 40.0),
    ("shanghai", 121.47, 31.23),
    ("guangzhou", 113.26, 23.13),
    ("sanya", 109.51, 18.25),
]


def _points(crs: str = "EPSG:4326") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}&field=code:string&field=population:integer", "communities", "memory")
    features = []
    for code, lon, lat in CITIES:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, 5000])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _ellipsoid() -> QgsDistanceArea:
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    assert measure.setEllipsoid("EPSG:7030")
    return measure


def test_geographic_input_gives_true_metre_circles(processing):
    result = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": _points(), "ORIGIN_ID_FIELD": "code", "RADII_M": "300,500,1000", "OUTPUT": "memory:"},
    )
    out = result["OUTPUT"]
    assert out.featureCount() == len(CITIES) * 3
    measure = _ellipsoid()
    centres = {code: QgsPointXY(lon, lat) for code, lon, lat in CITIES}
    for feature in out.getFeatures():
        radius = feature["radius_m"]
        expected = math.pi * radius**2
        assert measure.measureArea(feature.geometry()) == pytest.approx(expected, rel=0.01)
        assert feature["area_m2"] == pytest.approx(expected, rel=0.01)
        assert feature["population"] == 5000  # origin attributes are kept
        distances = [
            measure.measureLine(centres[feature["origin_id"]], QgsPointXY(v)) for v in feature.geometry().vertices()
        ]
        assert min(distances) == pytest.approx(radius, rel=0.005)
        assert max(distances) == pytest.approx(radius, rel=0.005)
    levels = sorted({(f["radius_m"], f["minutes"]) for f in out.getFeatures()})
    assert levels == [(300.0, 5.0), (500.0, 10.0), (1000.0, 15.0)]


def test_levels_are_nested(processing):
    out = processing.run("fifteenmin:buffercircles", {"ORIGINS": _points(), "OUTPUT": "memory:"})["OUTPUT"]
    by_origin: dict[str, dict[float, QgsGeometry]] = {}
    for feature in out.getFeatures():
        by_origin.setdefault(feature["origin_id"], {})[feature["minutes"]] = feature.geometry()
    for levels in by_origin.values():
        assert levels[10.0].contains(levels[5.0])
        assert levels[15.0].contains(levels[10.0])


def test_projected_polygon_origins_buffer_from_the_outline(processing):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32650&field=name:string", "blocks", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["block"])
    feature.setGeometry(
        QgsGeometry.fromWkt("POLYGON((440000 4428000, 440200 4428000, 440200 4428100, 440000 4428100, 440000 4428000))")
    )
    layer.dataProvider().addFeatures([feature])
    out = processing.run(
        "fifteenmin:buffercircles", {"ORIGINS": layer, "RADII_M": "300", "MINUTES": "5", "OUTPUT": "memory:"}
    )["OUTPUT"]
    (circle,) = list(out.getFeatures())
    # A 200 x 100 m block grown by 300 m: rectangle + edge strips + a full circle at the corners.
    expected = 200 * 100 + 2 * 300 * (200 + 100) + math.pi * 300**2
    assert circle.geometry().area() == pytest.approx(expected, rel=0.005)
    assert circle["origin_id"] == str(next(layer.getFeatures()).id())


@pytest.mark.parametrize(
    ("radii", "minutes", "message"),
    [
        ("300,abc", "5,10", "positive numbers"),
        ("300,500", "5", "one level in minutes for each radius"),
        ("-300", "5", "positive numbers"),
    ],
)
def test_bad_levels_are_refused_and_write_nothing(processing, tmp_path, radii, minutes, message):
    target = tmp_path / "circles.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(
            "fifteenmin:buffercircles",
            {"ORIGINS": _points(), "RADII_M": radii, "MINUTES": minutes, "OUTPUT": str(target)},
        )
    assert not target.exists()


def test_geopackage_origins_write_to_a_geopackage(processing, tmp_path):
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.gpkg"
    origins = QgsVectorLayer(f"{sample}|layername=communities", "communities", "ogr")
    target = tmp_path / "circles.gpkg"
    processing.run("fifteenmin:buffercircles", {"ORIGINS": origins, "OUTPUT": str(target)})
    written = QgsVectorLayer(str(target), "circles", "ogr")
    assert written.featureCount() == 3 * origins.featureCount()
    assert written.fields().names()[1:4] == ["community_id", "name", "population"]


def test_an_origin_field_that_clashes_with_an_output_field_is_refused(processing, tmp_path):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=radius_m:double", "origins", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes([1.0])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert layer.dataProvider().addFeatures([feature])[0]
    target = tmp_path / "circles.gpkg"
    with pytest.raises(QgsProcessingException, match="already has a field named radius_m"):
        processing.run("fifteenmin:buffercircles", {"ORIGINS": layer, "OUTPUT": str(target)})
    assert not target.exists()
