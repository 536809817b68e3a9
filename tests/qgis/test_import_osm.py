"""fifteenmin:importosm from the real Haidian .osm file and from a loopback Overpass server."""

from __future__ import annotations

import json
import socket
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from pyproj import Geod
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSettings

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.overpass import OverpassClient, qgis_proxies
from tests.qgis.conftest import osm_file

OSM = osm_file("beijing_haidian_cau.osm")
POI_KEYS = ("amenity", "shop", "leisure", "healthcare", "office", "tourism", "craft")

# Recorded shape of an Overpass `out geom` answer: a node, a closed way, a relation split in two ways,
# an open way (a line, ignored) and a node without POI tags (ignored).
OVERPASS_ANSWER = {
    "version": 0.6,
    "generator": "Overpass API 0.7.62",
    "osm3s": {
        "timestamp_osm_base": "2026-03-22T10:00:00Z",
        "copyright": "The data included in this document is from www.openstreetmap.org. "
        "The data is made available under ODbL.",
    },
    "elements": [
        {
            "type": "node",
            "id": 1785606323,
            "lat": 40.0041,
            "lon": 116.3502,
            "tags": {"shop": "convenience", "name": "好邻居"},
        },
        {
            "type": "node",
            "id": 1360087436,
            "lat": 40.0050,
            "lon": 116.3510,
            "tags": {"highway": "bus_stop", "name": "农大东校区"},
        },
        {"type": "node", "id": 7, "lat": 40.0, "lon": 116.35, "tags": {"name": "无用"}},
        {
            "type": "way",
            "id": 595098643,
            "bounds": {"minlat": 40.0, "minlon": 116.35, "maxlat": 40.001, "maxlon": 116.351},
            "geometry": [
                {"lat": 40.0, "lon": 116.35},
                {"lat": 40.0, "lon": 116.351},
                {"lat": 40.001, "lon": 116.351},
                {"lat": 40.001, "lon": 116.35},
                {"lat": 40.0, "lon": 116.35},
            ],
            "tags": {"leisure": "park", "name": "东区公园"},
        },
        {
            "type": "way",
            "id": 11,
            "geometry": [{"lat": 40.0, "lon": 116.35}, {"lat": 40.002, "lon": 116.352}],
            "tags": {"leisure": "track"},
        },
        {
            "type": "relation",
            "id": 99,
            "members": [
                {
                    "type": "way",
                    "ref": 1,
                    "role": "outer",
                    "geometry": [
                        {"lat": 40.003, "lon": 116.353},
                        {"lat": 40.003, "lon": 116.354},
                        {"lat": 40.004, "lon": 116.354},
                    ],
                },
                {
                    "type": "way",
                    "ref": 2,
                    "role": "outer",
                    "geometry": [
                        {"lat": 40.004, "lon": 116.354},
                        {"lat": 40.004, "lon": 116.353},
                        {"lat": 40.003, "lon": 116.353},
                    ],
                },
            ],
            "tags": {"type": "multipolygon", "amenity": "kindergarten", "name": "农大幼儿园"},
        },
    ],
}


class FakeOverpass:
    """A real HTTP server on 127.0.0.1 that plays a script of answers, then the recorded answer."""

    def __init__(self) -> None:
        self.script: list[tuple[int, dict[str, str], float]] = []
        self.hits = 0
        self.bodies: list[str] = []
        self.paths: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                fake.bodies.append(parse_qs(self.rfile.read(length).decode())["data"][0])
                fake.paths.append(self.path)
                fake.hits += 1
                status, headers, delay = fake.script.pop(0) if fake.script else (200, {}, 0.0)
                if delay:
                    time.sleep(delay)  # longer than the client's timeout; bounded
                body = json.dumps(OVERPASS_ANSWER).encode() if status == 200 else b"busy"
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/interpreter"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def overpass():
    server = FakeOverpass()
    yield server
    server.close()


def _extent_params(server, tmp_path, **extra):
    return {
        "EXTENT": "116.344,116.360,39.998,40.009 [EPSG:4326]",
        "OVERPASS_URL": server.url,
        "CACHE_DIR": str(tmp_path / "cache"),
        "TIMEOUT": 5.0,
        "OUTPUT": "memory:",
        **extra,
    }


def _rows(layer):
    return {(f["osm_type"], f["osm_id"]): f for f in layer.getFeatures()}


def test_local_file_matches_the_xml(processing):
    layer = processing.run("fifteenmin:importosm", {"INPUT": str(OSM), "OUTPUT": "memory:"})["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4326"
    names = layer.fields().names()
    for field in (
        "osm_id",
        "osm_type",
        "name",
        *POI_KEYS,
        "building",
        "other_tags",
        "footprint_m2",
        "category",
        "category_class",
        "category_zh",
        "matched_by",
    ):
        assert field in names
    rows = _rows(layer)

    root = ET.parse(OSM).getroot()
    coords = {n.get("id"): (float(n.get("lon")), float(n.get("lat"))) for n in root.iter("node")}
    expected_nodes = set()
    for node in root.iter("node"):
        tags = {t.get("k"): t.get("v") for t in node.findall("tag")}
        if any(tags.get(k) for k in POI_KEYS) or tags.get("highway") == "bus_stop":
            expected_nodes.add(("node", int(node.get("id"))))
    assert {key for key in rows if key[0] == "node"} == expected_nodes

    geod = Geod(ellps="WGS84")
    checked = 0
    for way in root.iter("way"):
        tags = {t.get("k"): t.get("v") for t in way.findall("tag")}
        if tags.get("leisure") != "park":
            continue
        ring = [coords[nd.get("ref")] for nd in way.findall("nd")]
        row = rows[("way", int(way.get("id")))]
        area, _ = geod.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
        assert row["footprint_m2"] == pytest.approx(abs(area), rel=1e-3)
        polygon = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]])
        assert polygon.contains(row.geometry())
        assert row["category"] == "park" and row["leisure"] == "park"
        checked += 1
    assert checked == 9
    node = rows[("node", 1785606323)]
    assert node["footprint_m2"] is None or str(node["footprint_m2"]) == "NULL"
    assert node["category"] == "convenience_store" and node["shop"] == "convenience"
    assert all(f["osm_id"] > 0 for f in layer.getFeatures())
    assert max(f["osm_id"] for f in layer.getFeatures()) > 2**31  # 64-bit ids survive


def test_overpass_import_is_classified_and_cached(processing, overpass, tmp_path):
    params = _extent_params(overpass, tmp_path)
    first = processing.run("fifteenmin:importosm", params)["OUTPUT"]
    assert overpass.hits == 1
    assert '"shop"' in overpass.bodies[0] and "(39.9980000,116.3440000,40.0090000,116.3600000)" in overpass.bodies[0]
    rows = _rows(first)
    assert set(rows) == {("node", 1785606323), ("node", 1360087436), ("way", 595098643), ("relation", 99)}
    assert rows[("node", 1360087436)]["category"] == "bus_stop"
    park = rows[("way", 595098643)]
    area, _ = Geod(ellps="WGS84").polygon_area_perimeter(
        [116.35, 116.351, 116.351, 116.35], [40.0, 40.0, 40.001, 40.001]
    )
    assert park["footprint_m2"] == pytest.approx(abs(area), rel=1e-3) and park["category"] == "park"
    kindergarten = rows[("relation", 99)]
    assert kindergarten["category"] == "kindergarten" and kindergarten["footprint_m2"] > 0
    assert kindergarten["other_tags"] == '"type"=>"multipolygon"'

    second = processing.run("fifteenmin:importosm", params)["OUTPUT"]
    assert overpass.hits == 1  # answered from the cache: no HTTP
    assert set(_rows(second)) == set(rows)


def test_circles_are_sent_as_polygons(processing, overpass, tmp_path):
    circles = QgsVectorLayer("Polygon?crs=EPSG:3857", "circles", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(12952000, 4865000)).buffer(500, 16))
    assert circles.dataProvider().addFeatures([feature])[0]
    params = _extent_params(overpass, tmp_path, EXTENT=None, CIRCLES=circles)
    processing.run("fifteenmin:importosm", params)
    assert overpass.hits == 1 and 'poly:"' in overpass.bodies[0]


def test_429_with_retry_after_is_retried(processing, overpass, tmp_path):
    overpass.script = [(429, {"Retry-After": "1"}, 0.0)]
    start = time.monotonic()
    layer = processing.run("fifteenmin:importosm", _extent_params(overpass, tmp_path))["OUTPUT"]
    assert overpass.hits == 2
    assert time.monotonic() - start >= 1.0  # the client waited as asked
    assert layer.featureCount() == 4


def test_504_every_time_gives_up_with_a_message(processing, overpass, tmp_path):
    overpass.script = [(504, {"Retry-After": "0"}, 0.0)] * 4
    with pytest.raises(QgsProcessingException, match="HTTP 504"):
        processing.run("fifteenmin:importosm", _extent_params(overpass, tmp_path))
    assert overpass.hits == 4  # one try and three retries
    assert not list((tmp_path / "cache").glob("*.json"))  # a failure caches nothing


def test_timeout_is_reported(overpass, tmp_path):
    overpass.script = [(200, {}, 1.5), (200, {}, 1.5)]
    client = OverpassClient(overpass.url, tmp_path, timeout_s=0.3, retries=1, backoff_s=0.05)
    with pytest.raises(FifteenMinError, match=r"did not answer within 0\.3 seconds"):
        client.fetch("[out:json];node(1);out;")
    assert overpass.hits == 2


def test_connection_refused_says_offline(processing, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    params = {
        "EXTENT": "116.344,116.360,39.998,40.009 [EPSG:4326]",
        "OVERPASS_URL": f"http://127.0.0.1:{port}/api/interpreter",
        "CACHE_DIR": str(tmp_path),
        "OUTPUT": "memory:",
    }
    with pytest.raises(QgsProcessingException, match="offline"):
        processing.run("fifteenmin:importosm", params)


def test_requests_go_through_the_qgis_proxy(overpass, tmp_path):
    settings = QgsSettings(str(tmp_path / "proxy.ini"), QSettings.Format.IniFormat)
    target = "http://overpass.invalid/api/interpreter"
    assert qgis_proxies(target, settings) is None
    port = overpass.url.split(":")[2].split("/")[0]
    for key, value in {
        "proxyEnabled": "true",
        "proxyType": "HttpProxy",
        "proxyHost": "127.0.0.1",
        "proxyPort": port,
    }.items():
        settings.setValue(f"proxy/{key}", value)
    proxies = qgis_proxies(target, settings)
    assert proxies == {"http": f"http://127.0.0.1:{port}", "https": f"http://127.0.0.1:{port}"}
    data = OverpassClient(target, None, timeout_s=5, proxies=proxies).fetch("[out:json];node(1);out;")
    assert overpass.paths == [target]  # the proxy received the absolute URL
    assert len(data["elements"]) == len(OVERPASS_ANSWER["elements"])
    settings.setValue("proxy/proxyExcludedUrls", "http://overpass.invalid")
    assert qgis_proxies(target, settings) is None


def test_file_and_area_together_are_refused(processing, tmp_path):
    with pytest.raises(QgsProcessingException, match="either an OSM file"):
        processing.run(
            "fifteenmin:importosm",
            {"INPUT": str(OSM), "EXTENT": "116.344,116.360,39.998,40.009 [EPSG:4326]", "OUTPUT": "memory:"},
        )
