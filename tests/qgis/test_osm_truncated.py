"""A truncated or damaged OpenStreetMap file is refused with a sentence, and nothing is written.

GDAL's OSM driver reads up to the first fault and stops quietly, so without a check a file cut in half
imports half of its POIs as if it were whole. The files are written here: XML by hand, and PBF by a
minimal encoder of the format (OSM wiki, "PBF Format"), which GDAL itself reads back as the oracle.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

#: POI nodes written to every test file: (id, lon, lat, shop value)
NODES = [(1000 + n, 116.344 + n * 1e-4, 39.998 + n * 1e-4, ("convenience", "supermarket")[n % 2]) for n in range(400)]


def osm_xml(path: Path) -> Path:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    for node_id, lon, lat, shop in NODES:
        lines.append(f'  <node id="{node_id}" lat="{lat:.7f}" lon="{lon:.7f}" version="1">')
        lines.append(f'    <tag k="shop" v="{shop}"/>')
        lines.append(f'    <tag k="name" v="店{node_id}"/>')
        lines.append("  </node>")
    lines.append("</osm>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 63)


def _field(number: int, payload: bytes | int) -> bytes:
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _packed(values: list[int]) -> bytes:
    return b"".join(_varint(value) for value in values)


def _block(kind: bytes, message: bytes) -> bytes:
    blob = _field(2, len(message)) + _field(3, zlib.compress(message))
    header = _field(1, kind) + _field(3, len(blob))
    return struct.pack(">I", len(header)) + header + blob


def osm_pbf(path: Path, per_block: int = 100) -> Path:
    """An OSMHeader block, then PrimitiveBlocks of dense nodes, `per_block` nodes each."""
    header = _field(4, b"OsmSchema-V0.6") + _field(4, b"DenseNodes")
    data = _block(b"OSMHeader", header)
    for start in range(0, len(NODES), per_block):
        nodes = NODES[start : start + per_block]
        strings = [b"", b"shop", b"convenience", b"supermarket", b"name"]
        names = [f"店{node_id}".encode() for node_id, *_ in nodes]
        table = strings + names
        ids, lats, lons, keys_vals = [], [], [], []
        previous = (0, 0, 0)
        for number, (node_id, lon, lat, shop) in enumerate(nodes):
            values = (node_id, round(lat * 1e7), round(lon * 1e7))
            ids.append(_zigzag(values[0] - previous[0]))
            lats.append(_zigzag(values[1] - previous[1]))
            lons.append(_zigzag(values[2] - previous[2]))
            previous = values
            keys_vals += [1, table.index(shop.encode()), 4, len(strings) + number, 0]
        dense = _field(1, _packed(ids)) + _field(8, _packed(lats)) + _field(9, _packed(lons))
        dense += _field(10, _packed(keys_vals))
        string_table = b"".join(_field(1, text) for text in table)
        block = _field(1, string_table) + _field(2, _field(2, dense))
        data += _block(b"OSMData", block)
    path.write_bytes(data)
    return path


def _run(processing, path: Path, output: Path):
    return processing.run("fifteenmin:importosm", {"INPUT": str(path), "OUTPUT": str(output)})


@pytest.mark.parametrize("make", [osm_xml, osm_pbf], ids=["osm", "pbf"])
def test_a_whole_file_imports_every_poi(processing, tmp_path, make):
    path = make(tmp_path / ("whole.osm" if make is osm_xml else "whole.pbf"))
    layer = QgsVectorLayer(_run(processing, path, tmp_path / "out.gpkg")["OUTPUT"], "out", "ogr")
    assert sorted(feature["osm_id"] for feature in layer.getFeatures()) == [node[0] for node in NODES]


@pytest.mark.parametrize(
    ("case", "damage", "says"),
    [
        ("half", lambda data: data[: len(data) // 2], "cut off"),
        ("last tag missing", lambda data: data.rstrip()[: -len("</osm>")], "cut off"),
        (
            "broken mid-file",
            lambda data: data.replace(b'<tag k="shop" v="convenience"/>', b'<tag k="shop" v=>', 1),
            "line",
        ),
        ("not osm", lambda data: b'<?xml version="1.0"?><gpx></gpx>', "<gpx>"),
    ],
)
def test_damaged_xml_is_refused_and_nothing_is_written(processing, tmp_path, case, damage, says):
    path = osm_xml(tmp_path / "pois.osm")
    path.write_bytes(damage(path.read_bytes()))
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="not a complete OpenStreetMap file") as raised:
        _run(processing, path, output)
    assert says in str(raised.value) and "nothing was imported" in str(raised.value)
    assert not output.exists()


def _block_ends(data: bytes) -> list[int]:
    """The offset after each block of a PBF file."""
    ends, position = [], 0
    while position < len(data):
        (header_size,) = struct.unpack(">I", data[position : position + 4])
        header = data[position + 4 : position + 4 + header_size]
        position += 4 + header_size + _blob_size(header)
        ends.append(position)
    return ends


def _flip_inside_second_block(data: bytes) -> bytes:
    """Two bytes of the second block's compressed data inverted (its length stays right)."""
    end = _block_ends(data)[1]
    damaged = bytearray(data)
    damaged[end - 20] ^= 0xFF
    damaged[end - 19] ^= 0xFF
    return bytes(damaged)


def _blob_size(header: bytes) -> int:
    position = header.index(b"\x18") + 1  # field 3 (datasize), a varint, comes last in our headers
    value = shift = 0
    while True:
        byte = header[position]
        value |= (byte & 0x7F) << shift
        position += 1
        if not byte & 0x80:
            return value
        shift += 7


@pytest.mark.parametrize(
    ("case", "damage", "says"),
    [
        ("half", lambda data: data[: len(data) // 2], "cut off"),
        ("one byte short", lambda data: data[:-1], "cut off"),
        ("bad block", _flip_inside_second_block, "damaged"),
    ],
)
def test_damaged_pbf_is_refused_and_nothing_is_written(processing, tmp_path, case, damage, says):
    path = osm_pbf(tmp_path / "pois.pbf")
    path.write_bytes(damage(path.read_bytes()))
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="not a complete OpenStreetMap file") as raised:
        _run(processing, path, output)
    assert says in str(raised.value)
    assert not output.exists()
