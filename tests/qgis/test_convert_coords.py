"""fifteenmin:convertcoords moves every vertex exactly as the core conversion (itself checked on public vectors)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.facilities import chinacoords

POINTS = [
    ("cau_gate", 116.3541, 40.0027),
    ("bund", 121.4905, 31.2397),
    ("tokyo", 139.6917, 35.6895),  # outside the China box: must stay where it is
]
# a two-part polygon whose first part has a hole, around Haidian; and a road crossing Shanghai
MULTIPOLYGON = (
    "MultiPolygon(((116.344 39.998, 116.360 39.998, 116.360 40.009, 116.344 40.009, 116.344 39.998),"
    "(116.350 40.001, 116.354 40.001, 116.354 40.005, 116.350 40.001)),"
    "((116.370 40.010, 116.375 40.010, 116.372 40.014, 116.370 40.010)))"
)
LINE = "MultiLineString((121.409 31.179, 121.45 31.20, 121.50 31.25, 121.552 31.279),(121.41 31.27, 121.42 31.26))"
SYSTEM_INDEX = {"WGS84": 0, "GCJ-02": 1, "BD-09": 2}
CORE = {"WGS84": chinacoords.WGS84, "GCJ-02": chinacoords.GCJ02, "BD-09": chinacoords.BD09}


def _memory_layer(kind: str, crs: str = "EPSG:4326") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs}&field=name:string&field=rank:integer", kind, "memory")
    features = []
    if kind == "Point":
        rows = [(name, QgsGeometry.fromPointXY(QgsPointXY(lon, lat))) for name, lon, lat in POINTS]
    elif kind == "MultiPolygon":
        rows = [("campus", QgsGeometry.fromWkt(MULTIPOLYGON))]
    else:
        rows = [("roads", QgsGeometry.fromWkt(LINE))]
    for rank, (name, geometry) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, rank])
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture()
def source_gpkg(tmp_path: Path) -> Path:
    """A real GeoPackage holding a point, a multipolygon-with-hole and a multiline layer."""
    path = tmp_path / "source.gpkg"
    for kind in ("Point", "MultiPolygon", "MultiLineString"):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = kind.lower()
        if path.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            _memory_layer(kind), str(path), QgsCoordinateTransformContext(), options
        )
        assert error == QgsVectorFileWriter.WriterError.NoError, message
    return path


def _vertices(layer: QgsVectorLayer) -> dict[str, np.ndarray]:
    return {f["name"]: np.array([(v.x(), v.y()) for v in f.geometry().vertices()]) for f in layer.getFeatures()}


def _run(processing, layer, from_label: str, to_label: str, output="memory:"):
    return processing.run(
        "fifteenmin:convertcoords",
        {
            "INPUT": layer,
            "FROM_SYSTEM": SYSTEM_INDEX[from_label],
            "TO_SYSTEM": SYSTEM_INDEX[to_label],
            "OUTPUT": output,
        },
    )["OUTPUT"]


@pytest.mark.parametrize(
    ("layer_name", "from_label", "to_label", "method"),
    [
        ("point", "GCJ-02", "WGS84", "exact inverse"),
        ("multipolygon", "BD-09", "WGS84", "exact inverse"),
        ("multilinestring", "WGS84", "BD-09", "public formula"),
        ("multipolygon", "GCJ-02", "BD-09", "public formula"),
    ],
)
def test_every_vertex_matches_core_and_fields_are_kept(
    processing, source_gpkg, tmp_path, layer_name, from_label, to_label, method
):
    source = QgsVectorLayer(f"{source_gpkg}|layername={layer_name}", layer_name, "ogr")
    assert source.isValid()
    output = _run(processing, source, from_label, to_label, str(tmp_path / "converted.gpkg"))
    out = QgsVectorLayer(output, "out", "ogr")
    assert out.isValid()
    assert out.crs().authid() == "EPSG:4326"
    assert out.featureCount() == source.featureCount()
    assert [f.name() for f in out.fields()][-4:] == ["name", "rank", "coord_src", "coord_conv"]
    assert QgsWkbTypes.flatType(out.wkbType()) == QgsWkbTypes.flatType(source.wkbType())

    before = {f["name"]: f for f in source.getFeatures()}
    expected_vertices = _vertices(source)
    got_vertices = _vertices(out)
    for feature in out.getFeatures():
        original = before[feature["name"]]
        assert feature["rank"] == original["rank"]
        assert feature["coord_src"] == from_label
        assert feature["coord_conv"] == f"{from_label}→{to_label} ({method})"
        assert feature.geometry().constGet().partCount() == original.geometry().constGet().partCount()
        src = expected_vertices[feature["name"]]
        lon, lat = chinacoords.convert(src[:, 0], src[:, 1], CORE[from_label], CORE[to_label])
        np.testing.assert_allclose(got_vertices[feature["name"]], np.column_stack([lon, lat]), rtol=0, atol=1e-9)
    moved = np.abs(np.concatenate(list(got_vertices.values())) - np.concatenate(list(expected_vertices.values())))
    assert moved.max() > 0.004  # really converted: GCJ-02/BD-09 shifts are hundreds of metres


def test_hole_and_parts_survive(processing):
    out = _run(processing, _memory_layer("MultiPolygon"), "GCJ-02", "WGS84")
    geometry = next(out.getFeatures()).geometry()
    assert geometry.isGeosValid()
    polygons = geometry.asMultiPolygon()
    assert [len(rings) for rings in polygons] == [2, 1]
    assert polygons[0][1][0] == polygons[0][1][-1]  # the hole is still closed


def test_out_of_china_point_is_unchanged(processing):
    out = _run(processing, _memory_layer("Point"), "GCJ-02", "WGS84")
    tokyo = next(f for f in out.getFeatures() if f["name"] == "tokyo").geometry().asPoint()
    assert (tokyo.x(), tokyo.y()) == (POINTS[2][1], POINTS[2][2])


@pytest.mark.parametrize("kind", ["Point", "MultiPolygon", "MultiLineString"])
def test_round_trip_wgs_gcj_wgs_within_half_a_metre(processing, kind):
    original = _memory_layer(kind)
    there = _run(processing, original, "WGS84", "GCJ-02")
    back = _run(processing, there, "GCJ-02", "WGS84")
    # the second run replaces coord_src/coord_conv instead of adding coord_src_2
    assert [f.name() for f in back.fields()] == ["name", "rank", "coord_src", "coord_conv"]
    assert next(back.getFeatures())["coord_conv"] == "GCJ-02→WGS84 (exact inverse)"
    measure = QgsDistanceArea()
    assert measure.setEllipsoid("EPSG:7030")
    start, end, shifted = _vertices(original), _vertices(back), _vertices(there)
    for name, vertices in start.items():
        for (x0, y0), (x1, y1), (xs, ys) in zip(vertices, end[name], shifted[name]):
            assert measure.measureLine(QgsPointXY(x0, y0), QgsPointXY(x1, y1)) < 0.5
            if name != "tokyo":
                assert measure.measureLine(QgsPointXY(x0, y0), QgsPointXY(xs, ys)) > 100


def test_batches_keep_every_feature_in_place(processing):
    layer = QgsVectorLayer("Point?crs=EPSG:4490&field=name:string&field=rank:integer", "many", "memory")
    rng = np.random.default_rng(7)
    coords = np.column_stack([rng.uniform(100, 125, 4500), rng.uniform(20, 45, 4500)])
    features = []
    for i, (lon, lat) in enumerate(coords):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"p{i}", i])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    out = _run(processing, layer, "BD-09", "GCJ-02")
    assert out.crs().authid() == "EPSG:4326"
    got = {f["rank"]: f.geometry().asPoint() for f in out.getFeatures()}
    assert len(got) == 4500
    lon, lat = chinacoords.bd09_to_gcj02(coords[:, 0], coords[:, 1])
    result = np.array([(got[i].x(), got[i].y()) for i in range(4500)])
    np.testing.assert_allclose(result, np.column_stack([lon, lat]), rtol=0, atol=1e-9)


def test_metadata_records_the_conversion(processing, source_gpkg, tmp_path):
    memory_out = _run(processing, _memory_layer("Point"), "BD-09", "WGS84")
    assert any("BD-09→WGS84 (exact inverse)" in item for item in memory_out.metadata().history())
    path = tmp_path / "with_metadata.gpkg"
    _run(processing, QgsVectorLayer(f"{source_gpkg}|layername=point", "p", "ogr"), "GCJ-02", "WGS84", str(path))
    reopened = QgsVectorLayer(str(path), "reopened", "ogr")
    assert any("GCJ-02→WGS84 (exact inverse)" in item for item in reopened.metadata().history())


def test_projected_input_is_refused_and_nothing_is_written(processing, tmp_path):
    layer = _memory_layer("Point", "EPSG:3857")
    target = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException, match=r"only exist in longitude/latitude.*EPSG:4326"):
        _run(processing, layer, "GCJ-02", "WGS84", str(target))
    assert not target.exists()


def test_same_system_is_refused_and_nothing_is_written(processing, tmp_path):
    target = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException, match="both GCJ-02; choose two different"):
        _run(processing, _memory_layer("Point"), "GCJ-02", "GCJ-02", str(target))
    assert not target.exists()


def test_cgcs2000_input_is_accepted_and_written_as_wgs84(processing):
    layer = _memory_layer("Point", "EPSG:4490")
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:4490")
    out = _run(processing, layer, "GCJ-02", "WGS84")
    assert out.crs().authid() == "EPSG:4326"
    bund = next(f for f in out.getFeatures() if f["name"] == "bund").geometry().asPoint()
    expected = chinacoords.gcj02_to_wgs84(POINTS[1][1], POINTS[1][2])
    assert (bund.x(), bund.y()) == pytest.approx(expected, abs=1e-9)
