"""Build resources/sample/sample.gpkg from the bundled OpenStreetMap extracts (© OpenStreetMap contributors, ODbL 1.0).

Reads the two extracts of data/osm/ (or of --data DIR, as .osm or .osm.gz) with GDAL's OSM driver through QGIS
and writes, in EPSG:4326:
haidian_roads, haidian_pois, haidian_parking_and_buildings (real OSM), communities and idle_assets_seed
(synthetic, seed 15, placed on real OSM residential areas, parking lots and buildings), shanghai_roads
(real OSM, only while the GeoPackage stays under 3 MB) and the sample_info key/value table.
The output is deterministic: same inputs give the same features, attributes and file bytes.

Usage: .venv/bin/python scripts/make_sample.py [--data DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayerMetadata,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

sys.path.insert(0, str(Path(__file__).resolve().parent))
from osm_extracts import osm_extract

SCRIPT_VERSION = "1.0.0"
SEED = 15
REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "data" / "osm"
DEFAULT_OUTPUT = REPO / "resources" / "sample" / "sample.gpkg"
HAIDIAN_OSM = "beijing_haidian_cau.osm"
SHANGHAI_OSM = "shanghai_center.osm"
MAX_BYTES = 3 * 1024 * 1024
# Fixed GeoPackage change/metadata dates keep the file bytes identical between runs.
FIXED_CHANGE_DATE = "2026-03-22T00:00:00Z"

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
ODBL_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
SYNTHETIC_SOURCE = f"synthetic (make_sample.py, seed {SEED})"
CRS = QgsCoordinateReferenceSystem("EPSG:4326")

POI_KEYS = ("amenity", "shop", "leisure", "healthcare", "office", "tourism", "craft")
NEVER_WALKABLE = {"construction", "proposed", "raceway", "abandoned", "disused", "razed", "bus_guideway", "busway"}
MOTOR_ONLY = {"motorway", "motorway_link", "trunk", "trunk_link"}
NO_SIDEWALK = {"no", "none", "separate"}
FOOT_ALLOWED = {"yes", "designated", "permissive"}
RESIDENTIAL_BUILDINGS = {"residential", "apartments", "dormitory", "house"}
IDLE_LANDUSE = {"brownfield", "greenfield", "construction"}
IDLE_BUILDINGS = {"bunker", "warehouse", "industrial"}
COMMUNITY_COUNT = 12
COMMUNITY_SPACING_M = 250.0

_OTHER_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_UNESCAPE = re.compile(r"\\(.)")

TYPES = {"str": QVariant.Type.String, "int": QVariant.Type.LongLong, "float": QVariant.Type.Double}
ROAD_FIELDS = [
    ("osm_id", "int"),
    ("highway", "str"),
    ("name", "str"),
    ("foot", "str"),
    ("sidewalk", "str"),
    ("bridge", "str"),
    ("tunnel", "str"),
    ("layer", "str"),
    ("oneway", "str"),
]
SHANGHAI_FIELDS = [(n, t) for n, t in ROAD_FIELDS if n != "sidewalk"]
SHANGHAI_MINIMAL_FIELDS = [("osm_id", "int"), ("highway", "str")]
POI_FIELDS = [
    ("osm_id", "int"),
    ("osm_type", "str"),
    ("name", "str"),
    ("amenity", "str"),
    ("shop", "str"),
    ("leisure", "str"),
    ("healthcare", "str"),
    ("office", "str"),
    ("tourism", "str"),
    ("craft", "str"),
    ("building", "str"),
    ("other_tags", "str"),
    ("footprint_m2", "float"),
]
IDLE_POLYGON_FIELDS = [
    ("osm_id", "int"),
    ("osm_type", "str"),
    ("name", "str"),
    ("matched_tags", "str"),
    ("amenity", "str"),
    ("building", "str"),
    ("landuse", "str"),
    ("military", "str"),
    ("parking", "str"),
    ("capacity", "str"),
    ("access", "str"),
    ("area_m2", "float"),
]
COMMUNITY_FIELDS = [
    ("community_id", "str"),
    ("name", "str"),
    ("population", "int"),
    ("households", "int"),
    ("osm_ref", "str"),
    ("synthetic", "int"),
    ("source", "str"),
]
ASSET_FIELDS = [
    ("asset_id", "str"),
    ("asset_type", "str"),
    ("name", "str"),
    ("area_m2", "float"),
    ("capacity", "int"),
    ("idle_windows", "str"),
    ("status", "str"),
    ("osm_ref", "str"),
    ("synthetic", "int"),
    ("source", "str"),
]
INFO_FIELDS = [("key", "str"), ("value", "str")]


@dataclass
class OsmFeature:
    """One feature of a GDAL OSM layer with its tags merged from columns and other_tags."""

    osm_id: int
    osm_type: str
    tags: dict[str, str]
    other_tags: str | None
    geometry: QgsGeometry

    @property
    def ref(self) -> str:
        return f"{self.osm_type}/{self.osm_id}"


@dataclass
class LayerSpec:
    """A layer to write: name, geometry type, field schema, rows and metadata."""

    name: str
    wkb_type: QgsWkbTypes.Type
    fields: list[tuple[str, str]]
    rows: list[tuple[dict, QgsGeometry | None]]
    title: str
    abstract: str
    synthetic: bool = False
    extra_rights: list[str] = field(default_factory=list)


def parse_other_tags(text: str | None) -> dict[str, str]:
    """Parse GDAL's other_tags HSTORE-like string (`"k"=>"v","k2"=>"v2"`) into a dict."""
    if not text:
        return {}
    return {_UNESCAPE.sub(r"\1", k): _UNESCAPE.sub(r"\1", v) for k, v in _OTHER_TAG.findall(text)}


def read_osm(path: Path, layer_name: str) -> Iterator[OsmFeature]:
    """Yield the features of one layer (points, lines, multipolygons) of an .osm file."""
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot read layer {layer_name} of {path}")
    names = [n for n in layer.fields().names() if n not in ("osm_id", "osm_way_id", "other_tags", "z_order")]
    for feature in layer.getFeatures():
        raw_other = feature["other_tags"] or None
        tags = parse_other_tags(raw_other)
        tags.update({n: str(feature[n]) for n in names if feature[n] not in (None, "")})
        if layer_name == "multipolygons":
            way_id = feature["osm_way_id"]
            osm_type, osm_id = ("way", way_id) if way_id else ("relation", feature["osm_id"])
        else:
            osm_type, osm_id = ("node" if layer_name == "points" else "way"), feature["osm_id"]
        yield OsmFeature(int(osm_id), osm_type, tags, raw_other, QgsGeometry(feature.geometry()))


def is_walkable(tags: dict[str, str]) -> bool:
    """Whether a highway way can be walked: motor-only roads need a sidewalk or explicit foot access."""
    highway = tags.get("highway")
    if not highway or highway in NEVER_WALKABLE or tags.get("foot") == "no":
        return False
    if highway in MOTOR_ONLY:
        sidewalks = [v for k, v in tags.items() if k == "sidewalk" or k.startswith("sidewalk:")]
        has_sidewalk = any(v not in NO_SIDEWALK for v in sidewalks)
        return has_sidewalk or tags.get("foot") in FOOT_ALLOWED
    return True


def _row(tags: dict[str, str], fields: list[tuple[str, str]], **values) -> dict:
    return {name: values[name] if name in values else tags.get(name) for name, _ in fields}


def roads(path: Path, fields: list[tuple[str, str]]) -> list[tuple[dict, QgsGeometry]]:
    """Walkable highway ways of an extract, sorted by OSM id."""
    rows = [(_row(f.tags, fields, osm_id=f.osm_id), f.geometry) for f in read_osm(path, "lines") if is_walkable(f.tags)]
    return sorted(rows, key=lambda r: r[0]["osm_id"])


def _area(measure: QgsDistanceArea, geometry: QgsGeometry) -> float:
    return round(measure.measureArea(geometry), 1)


def pois(path: Path, measure: QgsDistanceArea) -> list[tuple[dict, QgsGeometry]]:
    """POI nodes and polygon footprints (as points on surface) carrying a POI key."""
    rows = []
    for layer_name in ("points", "multipolygons"):
        for f in read_osm(path, layer_name):
            if not any(k in f.tags for k in POI_KEYS):
                continue
            is_polygon = layer_name == "multipolygons"
            footprint = _area(measure, f.geometry) if is_polygon else None
            point = f.geometry.pointOnSurface() if is_polygon else f.geometry
            attributes = _row(
                f.tags,
                POI_FIELDS,
                osm_id=f.osm_id,
                osm_type=f.osm_type,
                other_tags=f.other_tags,
                footprint_m2=footprint,
            )
            rows.append((attributes, point))
    order = {"node": 0, "way": 1, "relation": 2}
    return sorted(rows, key=lambda r: (order[r[0]["osm_type"]], r[0]["osm_id"]))


def idle_asset_tags(tags: dict[str, str]) -> list[str]:
    """The tags that make an OSM polygon an idle-asset candidate (empty if none)."""
    matched = []
    for key, value in sorted(tags.items()):
        if (
            (key == "amenity" and value == "parking")
            or (key == "building" and value in IDLE_BUILDINGS)
            or (key == "military" and value == "bunker")
            or key == "bunker_type"
            or (key == "landuse" and value in IDLE_LANDUSE)
            or key.startswith(("disused:", "abandoned:"))
            or (key in ("disused", "abandoned", "vacant") and value != "no")
            or value == "vacant"
        ):
            matched.append(f"{key}={value}")
    return matched


def idle_polygons(path: Path, measure: QgsDistanceArea) -> list[tuple[dict, QgsGeometry]]:
    """OSM polygons that may be idle assets: parking, bunkers, disused/vacant objects, idle land, warehouses."""
    rows = []
    for f in read_osm(path, "multipolygons"):
        matched = idle_asset_tags(f.tags)
        if not matched:
            continue
        geometry = QgsGeometry(f.geometry)
        if not geometry.convertToSingleType():
            raise SystemExit(f"{f.ref} is a multi-part polygon; the layer holds single polygons")
        attributes = _row(
            f.tags,
            IDLE_POLYGON_FIELDS,
            osm_id=f.osm_id,
            osm_type=f.osm_type,
            matched_tags=";".join(matched),
            area_m2=_area(measure, f.geometry),
        )
        rows.append((attributes, geometry))
    return sorted(rows, key=lambda r: (r[0]["osm_type"], r[0]["osm_id"]))


def osm_bounds(path: Path) -> QgsRectangle:
    """The <bounds> element of an .osm file."""
    for _, element in ET.iterparse(path, events=("start",)):
        if element.tag == "bounds":
            b = element.attrib
            return QgsRectangle(float(b["minlon"]), float(b["minlat"]), float(b["maxlon"]), float(b["maxlat"]))
    raise SystemExit(f"{path} has no <bounds> element")


def osm_date(path: Path) -> str:
    """The extract's data date: Overpass' osm_base, else the newest element timestamp."""
    newest = ""
    for _, element in ET.iterparse(path, events=("start",)):
        if element.tag == "meta" and element.get("osm_base"):
            return f"osm_base {element.get('osm_base')}"
        newest = max(newest, element.get("timestamp", ""))
    return f"newest edit {newest}" if newest else "unknown"


def _far_enough(point: QgsGeometry, chosen: list[QgsGeometry], measure: QgsDistanceArea) -> bool:
    here = point.asPoint()
    return all(measure.measureLine(here, other.asPoint()) >= COMMUNITY_SPACING_M for other in chosen)


def communities(
    residential: list[OsmFeature], bounds: QgsRectangle, measure: QgsDistanceArea, rng: random.Random
) -> list[tuple[dict, QgsGeometry]]:
    """Synthetic communities on residential areas, then on residential buildings, inside the extract bounds."""
    box = QgsGeometry.fromRect(bounds)
    areas = sorted((f for f in residential if f.tags.get("landuse") == "residential"), key=lambda f: f.osm_id)
    buildings = sorted(
        (f for f in residential if f.tags.get("building") in RESIDENTIAL_BUILDINGS), key=lambda f: f.osm_id
    )
    rng.shuffle(buildings)
    chosen: list[tuple[OsmFeature, QgsGeometry]] = []
    for f in areas + buildings:
        if len(chosen) == COMMUNITY_COUNT:
            break
        inside = f.geometry.intersection(box)
        if inside.isEmpty():
            continue
        point = inside.pointOnSurface()
        if _far_enough(point, [p for _, p in chosen], measure):
            chosen.append((f, point))
    rows = []
    for number, (f, point) in enumerate(chosen, start=1):
        population = rng.randrange(2000, 12001, 10)
        households = round(population / rng.uniform(2.4, 2.9))
        attributes = {
            "community_id": f"HD-C{number:02d}",
            "name": f"示例社区{number:02d}",
            "population": population,
            "households": households,
            "osm_ref": f.ref,
            "synthetic": 1,
            "source": SYNTHETIC_SOURCE,
        }
        rows.append((attributes, point))
    return rows


def idle_assets(
    polygons: list[OsmFeature], bounds: QgsRectangle, measure: QgsDistanceArea
) -> list[tuple[dict, QgsGeometry]]:
    """A few synthetic idle-asset records, each anchored on a real OSM polygon inside the extract bounds."""
    inside = sorted(
        (f for f in polygons if bounds.contains(f.geometry.pointOnSurface().asPoint())), key=lambda f: f.osm_id
    )

    def capacity(f: OsmFeature) -> int:
        tag = f.tags.get("capacity", "")
        return int(tag) if tag.isdigit() else max(1, round(measure.measureArea(f.geometry) / 25.0))

    parking = sorted(
        (f for f in inside if f.tags.get("amenity") == "parking"), key=lambda f: (abs(capacity(f) - 100), f.osm_id)
    )
    homes = sorted(
        (f for f in inside if f.tags.get("building") in RESIDENTIAL_BUILDINGS),
        key=lambda f: (-measure.measureArea(f.geometry), f.osm_id),
    )
    shops = [f for f in inside if f.tags.get("building") in ("retail", "commercial")]
    land = [f for f in inside if f.tags.get("landuse") in IDLE_LANDUSE]
    plan = [
        ("parking_lot", "示例市场停车场（夜间共享）", parking[:1], None, "19:00-07:00"),
        ("parking_lot", "示例小区停车场（日间共享）", parking[1:2], None, "08:30-17:30"),
        ("civil_defence_tunnel", "示例人防工程出入口", homes[:1], 1200.0, "00:00-24:00"),
        ("vacant_shop", "示例空置商铺", shops[:1], 150.0, "00:00-24:00"),
        ("idle_land", "示例闲置地块", land[:1], None, "00:00-24:00"),
    ]
    rows = []
    for asset_type, name, anchors, area, window in plan:
        if not anchors:
            continue
        anchor = anchors[0]
        attributes = {
            "asset_id": f"HD-A{len(rows) + 1:02d}",
            "asset_type": asset_type,
            "name": name,
            "area_m2": area if area is not None else _area(measure, anchor.geometry),
            "capacity": capacity(anchor) if asset_type == "parking_lot" else None,
            "idle_windows": window,
            "status": "candidate",
            "osm_ref": anchor.ref,
            "synthetic": 1,
            "source": SYNTHETIC_SOURCE,
        }
        rows.append((attributes, anchor.geometry.pointOnSurface()))
    return rows


def metadata(spec: LayerSpec) -> QgsLayerMetadata:
    """Layer metadata carrying the ODbL attribution (and the synthetic notice where it applies)."""
    md = QgsLayerMetadata()
    md.setIdentifier(spec.name)
    md.setTitle(spec.title)
    md.setAbstract(spec.abstract)
    md.setType("dataset")
    md.setLanguage("zh")
    md.setCrs(CRS)
    md.setRights([ATTRIBUTION, *spec.extra_rights])
    md.setLicenses([f"Open Database License (ODbL) 1.0, {ODBL_URL}"])
    md.setKeywords({"fifteen_min_plugin": ["sample", "synthetic" if spec.synthetic else "OpenStreetMap"]})
    return md


def _write_layer(spec: LayerSpec, output: Path, first: bool) -> None:
    geometry = QgsWkbTypes.displayString(spec.wkb_type) if spec.wkb_type != QgsWkbTypes.Type.NoGeometry else "None"
    uri = geometry + ("?crs=EPSG:4326" if spec.wkb_type != QgsWkbTypes.Type.NoGeometry else "")
    layer = QgsVectorLayer(uri, spec.name, "memory")
    layer.dataProvider().addAttributes([QgsField(name, TYPES[kind]) for name, kind in spec.fields])
    layer.updateFields()
    features = []
    for attributes, geom in spec.rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([attributes[name] for name, _ in spec.fields])
        if geom is not None:
            feature.setGeometry(geom)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.fileEncoding = "UTF-8"
    options.layerName = spec.name
    options.layerMetadata = metadata(spec)
    options.saveMetadata = True
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        if first
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    )
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(output), QgsCoordinateTransformContext(), options
    )
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise SystemExit(f"writing {spec.name} failed: {message}")


def write_gpkg(specs: list[LayerSpec], output: Path) -> int:
    """Write all layers into a fresh GeoPackage, compact it and return its size in bytes."""
    if output.exists():
        output.unlink()
    previous = os.environ.get("OGR_CURRENT_DATE")
    os.environ["OGR_CURRENT_DATE"] = FIXED_CHANGE_DATE
    try:
        for index, spec in enumerate(specs):
            _write_layer(spec, output, first=index == 0)
    finally:
        if previous is None:
            os.environ.pop("OGR_CURRENT_DATE")
        else:
            os.environ["OGR_CURRENT_DATE"] = previous
    connection = sqlite3.connect(output)
    try:
        with connection:
            connection.execute("UPDATE gpkg_metadata_reference SET timestamp = ?", (FIXED_CHANGE_DATE,))
        connection.execute("VACUUM")
    finally:
        connection.close()
    return output.stat().st_size


def shanghai_variants(path: Path) -> Iterator[tuple[str, list[LayerSpec]]]:
    """The Shanghai layer with all fields, then with id and class only, then no layer at all."""
    for fields in (SHANGHAI_FIELDS, SHANGHAI_MINIMAL_FIELDS):
        spec = LayerSpec(
            "shanghai_roads",
            QgsWkbTypes.Type.LineString,
            fields,
            roads(path, fields),
            "Central Shanghai walkable ways",
            f"Walkable highway ways of {SHANGHAI_OSM}, unsimplified. Derived from OpenStreetMap data.",
        )
        yield "included, fields " + ",".join(name for name, _ in fields), [spec]
    yield "omitted: the GeoPackage would exceed 3 MB; read the .osm directly", []


def _bbox_text(bounds: QgsRectangle) -> str:
    return ",".join(f"{v:.7f}" for v in (bounds.xMinimum(), bounds.yMinimum(), bounds.xMaximum(), bounds.yMaximum()))


def sample_info(haidian: Path, shanghai: Path, bounds: QgsRectangle, shanghai_note: str) -> LayerSpec:
    """The key/value table describing sources, dates, attribution and script version."""
    items = [
        ("attribution", ATTRIBUTION),
        ("license", ODBL_URL),
        ("script", "scripts/make_sample.py"),
        ("script_version", SCRIPT_VERSION),
        ("seed", str(SEED)),
        ("source_haidian", HAIDIAN_OSM),
        ("source_haidian_date", osm_date(haidian)),
        ("source_haidian_bounds", _bbox_text(bounds)),
        ("source_shanghai", SHANGHAI_OSM),
        ("source_shanghai_date", osm_date(shanghai)),
        ("shanghai_roads", shanghai_note),
        ("synthetic_layers", "communities, idle_assets_seed"),
    ]
    rows = [({"key": k, "value": v}, None) for k, v in items]
    return LayerSpec(
        "sample_info",
        QgsWkbTypes.Type.NoGeometry,
        INFO_FIELDS,
        rows,
        "Sample data information",
        "Sources, data dates, attribution and the version of the script that built this GeoPackage.",
    )


def build(data: Path, output: Path) -> dict[str, int]:
    """Build the sample GeoPackage at `output` from the extracts in `data` (.osm or .osm.gz); return feature counts.

    QGIS must be initialised. The file is written beside `output` first and moved into place only when complete
    and under 3 MB, so a failed run leaves an existing sample untouched.
    """
    try:
        haidian, shanghai = osm_extract(HAIDIAN_OSM, data), osm_extract(SHANGHAI_OSM, data)
    except FileNotFoundError as error:
        raise SystemExit(f"missing source extract: {error} (use --data)") from None
    measure = QgsDistanceArea()
    measure.setSourceCrs(CRS, QgsCoordinateTransformContext())
    if not measure.setEllipsoid("EPSG:7030"):
        raise SystemExit("the WGS 84 ellipsoid is unknown to this QGIS installation")
    bounds = osm_bounds(haidian)
    polygons = list(read_osm(haidian, "multipolygons"))
    residential = [
        f for f in polygons if f.tags.get("landuse") == "residential" or f.tags.get("building") in RESIDENTIAL_BUILDINGS
    ]
    rng = random.Random(SEED)
    osm_note = "Derived from OpenStreetMap data."
    synthetic_note = "SYNTHETIC records (not real data), placed on OpenStreetMap features."
    specs = [
        LayerSpec(
            "haidian_roads",
            QgsWkbTypes.Type.LineString,
            ROAD_FIELDS,
            roads(haidian, ROAD_FIELDS),
            "Haidian walkable ways",
            f"Walkable highway ways of {HAIDIAN_OSM}. {osm_note}",
        ),
        LayerSpec(
            "haidian_pois",
            QgsWkbTypes.Type.Point,
            POI_FIELDS,
            pois(haidian, measure),
            "Haidian POIs",
            f"Nodes and polygon footprints (point on surface) with {', '.join(POI_KEYS)} tags. {osm_note}",
        ),
        LayerSpec(
            "haidian_parking_and_buildings",
            QgsWkbTypes.Type.Polygon,
            IDLE_POLYGON_FIELDS,
            idle_polygons(haidian, measure),
            "Haidian idle-asset candidate polygons",
            f"Parking, bunkers, disused/vacant objects, idle land and warehouses. {osm_note}",
        ),
        LayerSpec(
            "communities",
            QgsWkbTypes.Type.Point,
            COMMUNITY_FIELDS,
            communities(residential, bounds, measure, rng),
            "Synthetic communities (Haidian)",
            f"{synthetic_note} Populations are invented; positions come from OSM residential areas.",
            synthetic=True,
            extra_rights=[f"Synthetic data: {SYNTHETIC_SOURCE}"],
        ),
        LayerSpec(
            "idle_assets_seed",
            QgsWkbTypes.Type.Point,
            ASSET_FIELDS,
            idle_assets(polygons, bounds, measure),
            "Synthetic idle assets (Haidian)",
            f"{synthetic_note} Sizes, capacities and idle windows are invented.",
            synthetic=True,
            extra_rights=[f"Synthetic data: {SYNTHETIC_SOURCE}"],
        ),
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.with_name(output.stem + ".partial.gpkg")
    try:
        for note, shanghai_specs in shanghai_variants(shanghai):
            written = [*specs, *shanghai_specs]
            size = write_gpkg([*written, sample_info(haidian, shanghai, bounds, note)], staging)
            if size < MAX_BYTES:
                break
        else:
            raise SystemExit(f"sample is {size} bytes, over the 3 MB limit")
        os.replace(staging, output)
    finally:
        if staging.exists():
            staging.unlink()
    return {spec.name: len(spec.rows) for spec in written}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder holding the two extracts, .osm or .osm.gz"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="GeoPackage to write")
    args = parser.parse_args(argv)
    app = None
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
    try:
        counts = build(args.data.resolve(), args.output.resolve())
    finally:
        if app is not None:
            app.exitQgis()
    for name, count in counts.items():
        print(f"{name}: {count}")
    print(f"{args.output}: {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
