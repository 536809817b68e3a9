"""OpenStreetMap POIs from a local .osm/.pbf file (GDAL OSM driver) or an Overpass JSON answer.

A POI is a node, closed way or multipolygon relation carrying one of POI_KEYS or a tag a classification
rule uses. Polygons become a point on their surface and keep their ellipsoidal area in `footprint_m2`.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Optional
from xml.parsers import expat

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.classify import Classifier
from fifteen_min_plugin.core.language import Messages

#: tags kept as their own output fields (the rest go to `other_tags`), as in the sample's haidian_pois
POI_FIELDS = ("amenity", "shop", "leisure", "healthcare", "office", "tourism", "craft", "building")
#: keys that make an element a POI whatever their value
POI_KEYS = ("amenity", "shop", "leisure", "healthcare", "office", "tourism", "craft")
_OTHER_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_UNESCAPE = re.compile(r"\\(.)")
#: GDAL multipolygons columns that are not tags
_NOT_TAGS = frozenset({"osm_id", "osm_way_id", "other_tags", "z_order", "type"})
#: bytes read at a time while an .osm file is checked
_CHUNK = 1 << 20
#: the largest blob header and blob the PBF format allows (OSM wiki, PBF Format: 64 KiB and 32 MiB)
_MAX_BLOB_HEADER = 64 * 1024
_MAX_BLOB = 32 * 1024 * 1024


@dataclass(frozen=True)
class OsmPoi:
    """One OSM element reduced to a point in EPSG:4326."""

    osm_id: int
    osm_type: str  # node, way or relation
    tags: dict[str, str]
    point: QgsPointXY
    footprint_m2: Optional[float]


def parse_other_tags(text: Optional[str]) -> dict[str, str]:
    """Tags from GDAL's `other_tags` text (`"key"=>"value"` pairs separated by commas, quotes escaped)."""
    if not text:
        return {}
    return {_UNESCAPE.sub(r"\1", key): _UNESCAPE.sub(r"\1", value) for key, value in _OTHER_TAG.findall(str(text))}


def format_other_tags(tags: dict[str, str]) -> str:
    """The `other_tags` text GDAL would write for `tags` (empty string when there are none)."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return ",".join(f"{quoted(key)}=>{quoted(value)}" for key, value in tags.items())


def is_poi(tags: dict[str, str], classifier: Classifier) -> bool:
    """True when the element has a POI key or a tag some classification rule uses."""
    return any(tags.get(key) for key in POI_KEYS) or classifier.classify(tags)[1].startswith("osm:")


class OsmReader(Messages):
    """Reads POIs; the class name is the translation context of its messages."""

    def __init__(self, classifier: Classifier, transform_context: Optional[QgsCoordinateTransformContext] = None):
        self.classifier = classifier
        self.area = QgsDistanceArea()
        self.area.setSourceCrs(
            QgsCoordinateReferenceSystem("EPSG:4326"), transform_context or QgsCoordinateTransformContext()
        )
        if not self.area.setEllipsoid("EPSG:7030"):
            raise FifteenMinError(self.tr("The WGS 84 ellipsoid is not available to measure footprint areas."))

    def _poi(self, osm_id: int, osm_type: str, tags: dict[str, str], geometry: QgsGeometry) -> Optional[OsmPoi]:
        if geometry.isNull() or geometry.isEmpty():
            return None
        if geometry.type() == POINT_GEOMETRY:
            return OsmPoi(osm_id, osm_type, tags, geometry.asPoint(), None)
        point = geometry.pointOnSurface()
        if point.isNull():
            return None
        return OsmPoi(osm_id, osm_type, tags, point.asPoint(), self.area.measureArea(geometry))

    def read_file(self, path: Path | str, is_canceled: Callable[[], bool] = lambda: False) -> Iterator[OsmPoi]:
        """POIs of an .osm or .pbf file: tagged nodes, then closed ways and multipolygon relations."""
        path = Path(path)
        if path.suffix.lower() not in (".osm", ".pbf") or not path.is_file():
            raise FifteenMinError(
                self.tr("{path} is not an OpenStreetMap file (.osm or .pbf) that exists.").format(path=path)
            )
        self.check_file(path, is_canceled)
        for layer_name in ("points", "multipolygons"):
            layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
            if not layer.isValid():
                raise FifteenMinError(
                    self.tr("GDAL could not read the {layer} of {path}; is it a complete OSM file?").format(
                        layer=layer_name, path=path
                    )
                )
            names = layer.fields().names()
            columns = [name for name in names if name not in _NOT_TAGS]
            for feature in layer.getFeatures(QgsFeatureRequest()):
                if is_canceled():
                    return
                tags = parse_other_tags(feature["other_tags"]) if "other_tags" in names else {}
                for name in columns:
                    value = feature[name]
                    if value is not None and str(value) != "NULL" and value != "":
                        tags[name] = str(value)
                if not is_poi(tags, self.classifier):
                    continue
                if layer_name == "points":
                    osm_type, osm_id = "node", feature["osm_id"]
                elif feature["osm_way_id"]:
                    osm_type, osm_id = "way", feature["osm_way_id"]
                else:
                    osm_type, osm_id = "relation", feature["osm_id"]
                poi = self._poi(int(osm_id), osm_type, tags, QgsGeometry(feature.geometry()))
                if poi is not None:
                    yield poi

    def check_file(self, path: Path, is_canceled: Callable[[], bool] = lambda: False) -> None:
        """Refuse a truncated or malformed file before anything is read from it.

        GDAL's OSM driver reads up to the first fault and stops without an error, so a file cut in half would
        import half of its POIs as if it were complete. An .osm file must be well-formed XML with an `osm`
        root element that is closed; a .pbf file must be a sequence of whole blocks, each of which inflates
        to its announced size, starting with the OSMHeader block.
        """
        try:
            with path.open("rb") as handle:
                if path.suffix.lower() == ".pbf":
                    fault = self._pbf_fault(handle, is_canceled)
                else:
                    fault = self._xml_fault(handle, is_canceled)
        except OSError as error:
            raise FifteenMinError(
                self.tr("{path} cannot be read: {reason}.").format(path=path, reason=error.strerror or error)
            ) from None
        if fault:
            raise FifteenMinError(
                self.tr(
                    "{path} is not a complete OpenStreetMap file: {fault}. Download or export it again; "
                    "nothing was imported."
                ).format(path=path, fault=fault)
            )

    def _xml_fault(self, handle: BinaryIO, is_canceled: Callable[[], bool]) -> str:
        """Why the .osm XML in `handle` is not whole and well-formed, or ""."""
        parser = expat.ParserCreate()
        roots: list[str] = []
        parser.StartElementHandler = lambda name, attributes: roots.append(name) if not roots else None
        try:
            while chunk := handle.read(_CHUNK):
                if is_canceled():
                    return ""
                parser.Parse(chunk, False)
        except expat.ExpatError as error:
            return self.tr("the XML is broken at line {line}, column {column} ({reason})").format(
                line=error.lineno, column=error.offset + 1, reason=expat.errors.messages[error.code]
            )
        try:
            parser.Parse(b"", True)
        except expat.ExpatError:
            return self.tr("the XML ends before its closing </osm> tag (the file is cut off)")
        if roots != ["osm"]:
            return self.tr("its root element is <{name}>, not <osm>").format(name=roots[0] if roots else "")
        return ""

    def _pbf_fault(self, handle: BinaryIO, is_canceled: Callable[[], bool]) -> str:
        """Why the .pbf in `handle` is not a sequence of whole, readable blocks, or ""."""
        number = 0
        while True:
            if is_canceled():
                return ""
            size_bytes = handle.read(4)
            if not size_bytes:
                return "" if number else self.tr("the file is empty")
            number += 1
            cut_off = self.tr("block {number} is cut off (the file ends inside it)").format(number=number)
            if len(size_bytes) < 4:
                return cut_off
            (header_size,) = struct.unpack(">I", size_bytes)
            if header_size > _MAX_BLOB_HEADER:
                return self.tr("block {number} has an impossible header size").format(number=number)
            header = handle.read(header_size)
            if len(header) < header_size:
                return cut_off
            fields = _protobuf_fields(header)
            if fields is None or 1 not in fields or 3 not in fields:
                return self.tr("the header of block {number} is damaged").format(number=number)
            kind, data_size = fields[1], fields[3]
            if number == 1 and kind != b"OSMHeader":
                return self.tr("it does not start with an OSMHeader block")
            if not isinstance(data_size, int) or data_size > _MAX_BLOB:
                return self.tr("the header of block {number} is damaged").format(number=number)
            blob = handle.read(data_size)
            if len(blob) < data_size:
                return cut_off
            if not _blob_is_whole(blob):
                return self.tr("block {number} is damaged (its data do not inflate to the announced size)").format(
                    number=number
                )

    def read_overpass(self, data: dict[str, Any], is_canceled: Callable[[], bool] = lambda: False) -> Iterator[OsmPoi]:
        """POIs of an Overpass JSON answer produced with `out geom` (see `build_query`)."""
        for element in data.get("elements", ()):
            if is_canceled():
                return
            tags = {str(key): str(value) for key, value in (element.get("tags") or {}).items()}
            if not is_poi(tags, self.classifier):
                continue
            kind = element.get("type")
            if kind == "node" and "lat" in element:
                geometry = QgsGeometry.fromPointXY(QgsPointXY(float(element["lon"]), float(element["lat"])))
            elif kind == "way":
                ring = _points(element.get("geometry"))
                if len(ring) < 4 or ring[0] != ring[-1]:
                    continue  # open ways are lines, as the local-file reader ignores them too
                geometry = QgsGeometry.fromPolygonXY([ring])
            elif kind == "relation" and tags.get("type") in ("multipolygon", "boundary"):
                geometry = _relation_polygon(element.get("members") or ())
            else:
                continue
            poi = self._poi(int(element["id"]), kind, tags, geometry)
            if poi is not None:
                yield poi


def _varint(data: bytes, position: int) -> tuple[int, int]:
    """The protobuf varint at `position` and the position after it; IndexError past the end."""
    value = shift = 0
    while True:
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def _protobuf_fields(data: bytes) -> Optional[dict[int, Any]]:
    """Field number → value (int for varints, bytes for length-delimited) of a protobuf message; None if damaged."""
    fields: dict[int, Any] = {}
    position = 0
    try:
        while position < len(data):
            key, position = _varint(data, position)
            number, wire = key >> 3, key & 7
            if wire == 0:
                fields[number], position = _varint(data, position)
            elif wire == 2:
                length, position = _varint(data, position)
                if position + length > len(data):
                    return None
                fields[number] = data[position : position + length]
                position += length
            elif wire in (1, 5):
                position += 8 if wire == 1 else 4
            else:
                return None
    except (IndexError, ValueError):
        return None
    return fields if position == len(data) else None


def _blob_is_whole(blob: bytes) -> bool:
    """True when a PBF Blob's raw or zlib data has its announced raw size (other compressions are trusted)."""
    fields = _protobuf_fields(blob)
    if fields is None:
        return False
    if 1 in fields:  # raw
        return isinstance(fields[1], bytes)
    if 3 in fields:  # zlib_data
        try:
            inflater = zlib.decompressobj()
            data = inflater.decompress(fields[3], _MAX_BLOB + 1)
        except zlib.error:
            return False
        return inflater.eof and not inflater.unconsumed_tail and len(data) == fields.get(2)
    return any(number in fields for number in (4, 5, 6, 7))  # lzma, bzip2 (obsolete), lz4, zstd


def _points(geometry: Any) -> list[QgsPointXY]:
    return [QgsPointXY(float(p["lon"]), float(p["lat"])) for p in geometry or () if p]


def _relation_polygon(members: Sequence[dict[str, Any]]) -> QgsGeometry:
    """Outer rings minus inner rings, assembled from member way geometries (ways may be split)."""
    rings: dict[str, list[QgsGeometry]] = {"outer": [], "inner": []}
    for member in members:
        if member.get("type") == "way" and member.get("role") in rings:
            points = _points(member.get("geometry"))
            if len(points) >= 2:
                rings[member["role"]].append(QgsGeometry.fromPolylineXY(points))
    if not rings["outer"]:
        return QgsGeometry()
    outer = QgsGeometry.polygonize(rings["outer"])
    if rings["inner"]:
        outer = outer.difference(QgsGeometry.polygonize(rings["inner"]))
    return outer


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def build_query(
    classifier: Classifier,
    bbox: Optional[tuple[float, float, float, float]] = None,
    polygons: Sequence[Sequence[tuple[float, float]]] = (),
    timeout_s: int = 180,
) -> str:
    """Overpass QL for every POI in a bbox (west, south, east, north) or in lon/lat polygons, with geometry."""
    if bbox is not None:
        west, south, east, north = bbox
        areas = [f"({south:.7f},{west:.7f},{north:.7f},{east:.7f})"]
    else:
        areas = ['(poly:"' + " ".join(f"{lat:.7f} {lon:.7f}" for lon, lat in ring) + '")' for ring in polygons if ring]
    if not areas:
        raise ValueError("an area is required")
    selectors = [f'["{key}"]' for key in POI_KEYS]
    selectors += [f'["{_escape(key)}"="{_escape(value)}"]' for key, value in classifier.osm_tags if key not in POI_KEYS]
    selectors += [f'["{_escape(key)}"]' for key in sorted(classifier.osm_any_keys) if key not in POI_KEYS]
    body = "\n".join(f"  nwr{selector}{area};" for area in areas for selector in selectors)
    return f"[out:json][timeout:{int(timeout_s)}];\n(\n{body}\n);\nout geom;\n"
