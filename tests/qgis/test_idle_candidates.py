"""fifteenmin:idlecandidates on the real Haidian OSM extract and the sample GeoPackage."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from pyproj import Geod
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from tests.qgis.conftest import ROOT, osm_file

OSM = osm_file("beijing_haidian_cau.osm")
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"


def _osm_parking_areas() -> dict[str, float]:
    """Closed ways tagged amenity=parking and their WGS 84 ellipsoidal area, read with xml.etree and pyproj."""
    root = ET.parse(OSM).getroot()
    nodes = {node.get("id"): (float(node.get("lon")), float(node.get("lat"))) for node in root.iter("node")}
    geod = Geod(ellps="WGS84")
    areas = {}
    for way in root.iter("way"):
        tags = {tag.get("k"): tag.get("v") for tag in way.iter("tag")}
        refs = [nd.get("ref") for nd in way.iter("nd")]
        if tags.get("amenity") == "parking" and len(refs) > 3 and refs[0] == refs[-1]:
            lons, lats = zip(*(nodes[ref] for ref in refs))
            areas[way.get("id")] = abs(geod.polygon_area_perimeter(lons, lats)[0])
    assert not [rel for rel in root.iter("relation") if any(t.get("v") == "parking" for t in rel.iter("tag"))]
    return areas


def _run(processing, layers, circles=None) -> list[QgsFeature]:
    params = {"INPUT": layers, "OUTPUT": "memory:"}
    if circles is not None:
        params["CIRCLES"] = circles
    return list(processing.run("fifteenmin:idlecandidates", params)["OUTPUT"].getFeatures())


def test_every_osm_parking_polygon_is_found_with_its_true_area(processing):
    expected = _osm_parking_areas()
    assert len(expected) == 17
    polygons = QgsVectorLayer(f"{OSM}|layername=multipolygons", "multipolygons", "ogr")
    sample = QgsVectorLayer(f"{SAMPLE}|layername=haidian_parking_and_buildings", "parking_sample", "ogr")
    assert polygons.isValid() and sample.isValid()
    out = _run(processing, [polygons, sample])
    from_osm = {
        json.loads(f["source_attrs"])["osm_way_id"]: f
        for f in out
        if f["source_layer"] == "multipolygons" and f["why"] == "amenity=parking"
    }
    assert set(from_osm) == set(expected)
    for way_id, area in expected.items():
        feature = from_osm[way_id]
        assert feature["asset_type"] == "parking"
        assert feature["area_m2"] == pytest.approx(area, rel=0.01)
        source = next(polygons.getFeatures(f"osm_way_id = '{way_id}'"))
        assert feature["source_fid"] == source.id()
        assert source.geometry().contains(feature.geometry())
    sample_types = sorted(f["asset_type"] for f in out if f["source_layer"] == "parking_sample")
    assert sample_types.count("parking") == 17
    assert sample_types.count("idle_land") == 9  # 7 greenfield, 1 brownfield, 1 construction
    assert "idle_factory" not in sample_types  # building=industrial without a disused/vacant hint is in use


def test_subway_tunnels_are_not_taken_for_civil_defence_works(processing):
    lines = QgsVectorLayer(f"{OSM}|layername=lines", "lines", "ogr")
    root = ET.parse(OSM).getroot()
    tunnels = [
        way for way in root.iter("way") if any(t.get("k") == "tunnel" and t.get("v") == "yes" for t in way.iter("tag"))
    ]
    assert tunnels and all(any(t.get("k") == "railway" for t in way.iter("tag")) for way in tunnels)
    assert [f for f in _run(processing, [lines]) if f["asset_type"] == "civil_defence"] == []


def test_circle_ids_list_the_circles_a_candidate_lies_in(processing):
    sample = QgsVectorLayer(f"{SAMPLE}|layername=haidian_parking_and_buildings", "parking_sample", "ogr")
    target = next(sample.getFeatures("amenity = 'parking'"))
    circles = QgsVectorLayer("Polygon?crs=EPSG:4326&field=circle_id:string", "circles", "memory")
    centre = target.geometry().pointOnSurface().asPoint()
    features = []
    for circle_id, dx in (("C-near", 0.0), ("C-far", 0.05)):
        feature = QgsFeature(circles.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(centre.x() + dx, centre.y())).buffer(0.0005, 16))
        feature["circle_id"] = circle_id
        features.append(feature)
    assert circles.dataProvider().addFeatures(features)[0]
    out = {f["source_fid"]: f for f in _run(processing, [sample], circles)}
    assert out[target.id()]["circle_ids"] == "C-near"
    outside = [f for fid, f in out.items() if not features[0].geometry().intersects(sample.getFeature(fid).geometry())]
    assert outside and all(f["circle_ids"] == "" for f in outside)
