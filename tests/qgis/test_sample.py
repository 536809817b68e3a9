"""The bundled sample GeoPackage: present, small, attributed, and faithful to the raw OpenStreetMap extracts."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyproj import Geod
from qgis.core import QgsVectorLayer, QgsWkbTypes
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from tests.qgis.conftest import ROOT, osm_file

OSM_DIR = ROOT / "data" / "osm"
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
HAIDIAN = osm_file("beijing_haidian_cau.osm")
SHANGHAI = osm_file("shanghai_center.osm")
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
MAX_BYTES = 3 * 1024 * 1024

GEOMETRY = {
    "haidian_roads": QgsWkbTypes.Type.LineString,
    "haidian_pois": QgsWkbTypes.Type.Point,
    "haidian_parking_and_buildings": QgsWkbTypes.Type.Polygon,
    "communities": QgsWkbTypes.Type.Point,
    "idle_assets_seed": QgsWkbTypes.Type.Point,
    "shanghai_roads": QgsWkbTypes.Type.LineString,
    "sample_info": QgsWkbTypes.Type.NoGeometry,
}
SYNTHETIC_LAYERS = ("communities", "idle_assets_seed")
POI_KEYS = ("amenity", "shop", "leisure", "healthcare", "office", "tourism", "craft")
# GDAL's default osmconf.ini: closed ways carrying these keys become multipolygons, not lines.
GDAL_POLYGON_KEYS = {
    "aeroway", "amenity", "boundary", "building", "craft", "geological", "historic", "landuse",
    "leisure", "military", "natural", "office", "place", "shop", "sport", "tourism",
}  # fmt: skip
GEOD = Geod(ellps="WGS84")


@dataclass
class Osm:
    """An .osm file parsed with xml.etree, independently of GDAL."""

    nodes: dict[int, tuple[float, float]]
    node_tags: dict[int, dict[str, str]]
    ways: dict[int, tuple[list[int], dict[str, str]]]
    relations: dict[int, tuple[list[tuple[str, int, str]], dict[str, str]]]
    bounds: tuple[float, float, float, float] | None

    def way_polygon(self, way_id: int) -> Polygon:
        return Polygon([self.nodes[ref] for ref in self.ways[way_id][0]])

    def polygon(self, ref: str) -> Polygon:
        kind, osm_id = ref.split("/")
        if kind == "way":
            return self.way_polygon(int(osm_id))
        members = self.relations[int(osm_id)][0]
        return unary_union([self.way_polygon(m) for t, m, role in members if t == "way" and role == "outer"])

    def tags(self, ref: str) -> dict[str, str]:
        kind, osm_id = ref.split("/")
        table = {"node": self.node_tags, "way": self.ways, "relation": self.relations}[kind]
        entry = table[int(osm_id)]
        return entry if kind == "node" else entry[1]

    def polygon_elements(self) -> dict[tuple[str, int], dict[str, str]]:
        """Closed ways and complete multipolygon relations GDAL turns into areas, with their tags."""
        out = {("way", i): tags for i, (refs, tags) in self.ways.items() if becomes_polygon(refs, tags)}
        for rid, (members, tags) in self.relations.items():
            if tags.get("type") == "multipolygon" and all(m in self.ways for t, m, _ in members if t == "way"):
                out[("relation", rid)] = tags
        return out


def _tags(element: ET.Element) -> dict[str, str]:
    return {t.get("k"): t.get("v") for t in element.findall("tag")}


def parse_osm(path: Path) -> Osm:
    root = ET.parse(path).getroot()
    b = root.find("bounds")
    bounds = None if b is None else tuple(float(b.get(k)) for k in ("minlon", "minlat", "maxlon", "maxlat"))
    nodes, node_tags, ways, relations = {}, {}, {}, {}
    for n in root.iter("node"):
        nodes[int(n.get("id"))] = (float(n.get("lon")), float(n.get("lat")))
        node_tags[int(n.get("id"))] = _tags(n)
    for w in root.iter("way"):
        ways[int(w.get("id"))] = ([int(nd.get("ref")) for nd in w.findall("nd")], _tags(w))
    for r in root.iter("relation"):
        members = [(m.get("type"), int(m.get("ref")), m.get("role")) for m in r.findall("member")]
        relations[int(r.get("id"))] = (members, _tags(r))
    return Osm(nodes, node_tags, ways, relations, bounds)


def becomes_polygon(refs: list[int], tags: dict[str, str]) -> bool:
    if len(refs) < 4 or refs[0] != refs[-1] or tags.get("area") == "no":
        return False
    platform = "platform" in (tags.get("highway"), tags.get("public_transport"))
    return tags.get("area") == "yes" or platform or any(k in GDAL_POLYGON_KEYS for k in tags)


def walkable(tags: dict[str, str]) -> bool:
    """The sample's walkability rule, restated from the README."""
    highway = tags.get("highway")
    never = {"construction", "proposed", "raceway", "abandoned", "disused", "razed", "bus_guideway", "busway"}
    if highway is None or highway in never or tags.get("foot") == "no":
        return False
    if highway in {"motorway", "motorway_link", "trunk", "trunk_link"}:
        sidewalk = any(
            v not in {"no", "none", "separate"} for k, v in tags.items() if k == "sidewalk" or k.startswith("sidewalk:")
        )
        return sidewalk or tags.get("foot") in {"yes", "designated", "permissive"}
    return True


def idle_match(tags: dict[str, str]) -> bool:
    """The idle-asset candidate rule, restated from the README."""
    return (
        tags.get("amenity") == "parking"
        or tags.get("building") in {"bunker", "warehouse", "industrial"}
        or tags.get("military") == "bunker"
        or "bunker_type" in tags
        or tags.get("landuse") in {"brownfield", "greenfield", "construction"}
        or any(k.startswith(("disused:", "abandoned:")) for k in tags)
        or any(tags.get(k, "no") != "no" for k in ("disused", "abandoned", "vacant"))
        or "vacant" in tags.values()
    )


def geodesic_area(polygon: Polygon) -> float:
    return abs(GEOD.geometry_area_perimeter(polygon)[0])


def open_layer(path: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def records(path: Path, name: str) -> list[dict]:
    layer = open_layer(path, name)
    out = []
    for feature in layer.getFeatures():
        row = {k: (None if v is None or v == None else v) for k, v in feature.attributeMap().items()}  # noqa: E711
        row["_geometry"] = feature.geometry()
        out.append(row)
    return out


def table_names(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return [r[0] for r in connection.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]


def info(path: Path) -> dict[str, str]:
    return {r["key"]: r["value"] for r in records(path, "sample_info")}


@pytest.fixture(scope="module")
def haidian() -> Osm:
    return parse_osm(HAIDIAN)


@pytest.fixture(scope="module")
def shanghai() -> Osm:
    return parse_osm(SHANGHAI)


@pytest.fixture(scope="module")
def make_sample():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name)


@pytest.fixture(scope="module")
def rebuilt(qgis_app, make_sample, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("sample") / "sample.gpkg"
    make_sample.build(OSM_DIR, output)  # the compressed extracts, as `make sample` reads them
    return output


def test_the_bundled_extracts_carry_their_attribution_and_source():
    readme = (OSM_DIR / "README.md").read_text(encoding="utf-8")
    assert ATTRIBUTION in readme and "opendatacommons.org/licenses/odbl/1-0" in readme
    bundled = sorted(path.name for path in OSM_DIR.glob("*.osm.gz"))
    assert bundled == ["beijing_haidian_cau.osm.gz", "shanghai_center.osm.gz"]
    assert all(f"`{name}`" in readme for name in bundled)
    assert "openstreetmap-cgimap" in HAIDIAN.read_text(encoding="utf-8")[:500]  # the readable copy is the OSM XML
    assert "ODbL" in SHANGHAI.read_text(encoding="utf-8")[:500]


def test_sample_is_committed_and_under_3_mb():
    assert SAMPLE.is_file()
    assert 0 < SAMPLE.stat().st_size < MAX_BYTES


def test_layers_have_expected_geometry_crs_and_rows(qgis_app):
    names = table_names(SAMPLE)
    shanghai_note = info(SAMPLE)["shanghai_roads"]
    expected = set(GEOMETRY) - (set() if shanghai_note.startswith("included") else {"shanghai_roads"})
    assert set(names) == expected
    for name in names:
        layer = open_layer(SAMPLE, name)
        assert layer.wkbType() == GEOMETRY[name], name
        assert layer.featureCount() > 0, name
        if layer.isSpatial():
            assert layer.crs().authid() == "EPSG:4326", name


def test_every_layer_carries_the_odbl_attribution(qgis_app):
    for name in table_names(SAMPLE):
        md = open_layer(SAMPLE, name).metadata()
        assert ATTRIBUTION in md.rights(), name
        assert any("ODbL" in text for text in md.licenses()), name
        synthetic = name in SYNTHETIC_LAYERS
        assert ("SYNTHETIC" in md.abstract()) == synthetic, name
        assert any("synthetic" in text.lower() for text in md.rights()) == synthetic, name
    assert info(SAMPLE)["attribution"] == ATTRIBUTION


def test_sample_info_names_sources_and_bounds(qgis_app, haidian):
    values = info(SAMPLE)
    assert values["source_haidian"] == HAIDIAN.name
    assert values["source_shanghai"] == SHANGHAI.name
    assert tuple(float(v) for v in values["source_haidian_bounds"].split(",")) == pytest.approx(haidian.bounds)
    assert values["source_shanghai_date"].startswith("osm_base 2025-")


@pytest.mark.parametrize("area", ["haidian", "shanghai"])
def test_roads_are_exactly_the_walkable_ways_with_exact_geometry(qgis_app, request, area):
    osm: Osm = request.getfixturevalue(area)
    if f"{area}_roads" not in table_names(SAMPLE):
        pytest.skip("shanghai_roads was left out of the sample to stay under 3 MB")
    expected = {
        i: (refs, tags) for i, (refs, tags) in osm.ways.items() if walkable(tags) and not becomes_polygon(refs, tags)
    }
    rows = records(SAMPLE, f"{area}_roads")
    assert sorted(r["osm_id"] for r in rows) == sorted(expected)
    assert len(rows) < sum("highway" in tags for _, tags in osm.ways.values())
    for row in rows:
        refs, tags = expected[row["osm_id"]]
        for key in ("highway", "name", "oneway", "bridge", "tunnel", "layer", "foot"):
            assert row[key] == tags.get(key), (row["osm_id"], key)
        vertices = [(p.x(), p.y()) for p in row["_geometry"].vertices()]
        assert vertices == [osm.nodes[ref] for ref in refs]


def test_motorways_and_construction_are_left_out_of_haidian(qgis_app, haidian):
    kept = {r["osm_id"] for r in records(SAMPLE, "haidian_roads")}
    dropped = {tags["highway"] for i, (_, tags) in haidian.ways.items() if "highway" in tags and i not in kept}
    assert {"motorway", "construction"} <= dropped
    assert {"footway", "path", "steps", "service", "residential"} <= {
        tags["highway"] for i, (_, tags) in haidian.ways.items() if i in kept
    }


def test_pois_are_every_tagged_node_and_footprint(qgis_app, haidian):
    rows = records(SAMPLE, "haidian_pois")
    got = {(r["osm_type"], r["osm_id"]): r for r in rows}
    assert len(got) == len(rows)
    nodes = {("node", i) for i, tags in haidian.node_tags.items() if any(k in tags for k in POI_KEYS)}
    areas = {key for key, tags in haidian.polygon_elements().items() if any(k in tags for k in POI_KEYS)}
    assert set(got) == nodes | areas
    pharmacies = {key for key in nodes | areas if haidian.tags(f"{key[0]}/{key[1]}").get("amenity") == "pharmacy"}
    assert len(pharmacies) >= 2
    assert all(got[key]["amenity"] == "pharmacy" for key in pharmacies)
    for (kind, osm_id), row in got.items():
        point = Point(row["_geometry"].asPoint().x(), row["_geometry"].asPoint().y())
        if kind == "node":
            assert row["footprint_m2"] is None
            assert (point.x, point.y) == haidian.nodes[osm_id]
        elif kind == "way":
            polygon = haidian.way_polygon(osm_id)
            assert polygon.covers(point)
            assert row["footprint_m2"] == pytest.approx(geodesic_area(polygon), rel=1e-4, abs=0.1)


def test_idle_polygons_match_the_osm_candidates_and_areas(qgis_app, haidian):
    rows = records(SAMPLE, "haidian_parking_and_buildings")
    expected = {key for key, tags in haidian.polygon_elements().items() if idle_match(tags)}
    assert {(r["osm_type"], r["osm_id"]) for r in rows} == expected
    parking = sum(r["amenity"] == "parking" for r in rows)
    assert parking == sum(tags.get("amenity") == "parking" for tags in haidian.polygon_elements().values())
    for row in rows:
        assert row["matched_tags"]
        if row["osm_type"] == "way":
            polygon = haidian.way_polygon(row["osm_id"])
            assert row["area_m2"] == pytest.approx(geodesic_area(polygon), rel=1e-4, abs=0.1)


def test_communities_are_synthetic_populated_and_inside_the_extract(qgis_app):
    rows = records(SAMPLE, "communities")
    xmin, ymin, xmax, ymax = (float(v) for v in info(SAMPLE)["source_haidian_bounds"].split(","))
    assert 8 <= len(rows) <= 16
    assert len({r["community_id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["synthetic"] == 1
        assert row["source"].startswith("synthetic")
        assert 2000 <= row["population"] <= 12000
        assert 2.0 <= row["population"] / row["households"] <= 3.5
        point = row["_geometry"].asPoint()
        assert xmin <= point.x() <= xmax and ymin <= point.y() <= ymax


def test_synthetic_points_sit_on_real_osm_features(qgis_app, haidian):
    residential = {"residential", "apartments", "dormitory", "house"}
    for row in records(SAMPLE, "communities"):
        tags = haidian.tags(row["osm_ref"])
        assert tags.get("landuse") == "residential" or tags.get("building") in residential
        point = row["_geometry"].asPoint()
        assert haidian.polygon(row["osm_ref"]).covers(Point(point.x(), point.y()))
    assets = records(SAMPLE, "idle_assets_seed")
    assert {"parking_lot", "civil_defence_tunnel", "vacant_shop", "idle_land"} <= {r["asset_type"] for r in assets}
    for row in assets:
        assert (row["synthetic"], row["status"]) == (1, "candidate")
        point = row["_geometry"].asPoint()
        assert haidian.polygon(row["osm_ref"]).covers(Point(point.x(), point.y()))
        if row["asset_type"] == "parking_lot":
            assert haidian.tags(row["osm_ref"])["amenity"] == "parking"
            assert row["capacity"] > 0
    night = [r for r in assets if r["asset_type"] == "parking_lot" and r["idle_windows"] == "19:00-07:00"]
    assert len(night) == 1 and 50 <= night[0]["capacity"] <= 200


def test_rebuild_gives_the_same_features(qgis_app, rebuilt):
    assert table_names(rebuilt) == table_names(SAMPLE)

    def content(path: Path, name: str) -> list[tuple]:
        rows = []
        for row in records(path, name):
            geometry = row.pop("_geometry")
            wkb = bytes(geometry.asWkb()) if not geometry.isNull() else b""
            rows.append((tuple(sorted(row.items(), key=lambda item: item[0])), wkb))
        return sorted(rows, key=repr)

    for name in table_names(SAMPLE):
        assert content(rebuilt, name) == content(SAMPLE, name), name
        assert open_layer(rebuilt, name).metadata().rights() == open_layer(SAMPLE, name).metadata().rights()


def test_failed_build_leaves_existing_sample_untouched(qgis_app, make_sample, tmp_path):
    output = tmp_path / "sample.gpkg"
    output.write_bytes(b"previous sample")
    with pytest.raises(SystemExit, match="missing source extract"):
        make_sample.build(tmp_path / "no_data", output)
    assert output.read_bytes() == b"previous sample"
