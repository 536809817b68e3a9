"""Amap geocoding of needs addresses against a real HTTP server on loopback answering in Amap's documented shape.

The oracle is the fake server's own truth: WGS84 points it serves in GCJ-02 (converted with the forward formula)
and the sample's community points read straight from the GeoPackage.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport
from fifteen_min_plugin.core.needs.geocode import AmapGeocoder
from tests.qgis import test_poi_api
from tests.qgis.loopback import Reply, json_reply, loopback_server
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_poi_api import KEY, FakeClock

#: the POI tests' fixtures: the key stored in the real authentication database, and the QGIS message log
auth_key = test_poi_api.auth_key
message_log = test_poi_api.message_log

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
COMMUNITIES = f"{SAMPLE}|layername=communities"
#: about 60 m north-east of a community point, in degrees
NUDGE = 0.0005


def community_points() -> dict[str, tuple[float, float]]:
    layer = QgsVectorLayer(COMMUNITIES, "communities", "ogr")
    points = {f["community_id"]: f.geometry().asPoint() for f in layer.getFeatures()}
    return {key: (point.x(), point.y()) for key, point in points.items()}


class FakeGeocoder:
    """Answers `v3/geocode/geo` for the addresses it knows (WGS84 truth served in GCJ-02), with scripted faults."""

    def __init__(self, truth: dict[str, tuple[float, float]], valid_key: str = KEY) -> None:
        self.truth = truth
        self.valid_key = valid_key
        self.faults: list[tuple[int, dict]] = []
        self.quota_after: int | None = None
        self.addresses: list[str] = []
        self.keys: list[str] = []
        self.answered = 0

    def answer(self, query: dict[str, str]) -> tuple[int, dict]:
        self.addresses.append(query.get("address", ""))
        self.keys.append(query.get("key", ""))
        if self.faults:
            return self.faults.pop(0)
        if query.get("key") != self.valid_key:
            return 200, {"status": "0", "info": "INVALID_USER_KEY", "infocode": "10001"}
        if self.quota_after is not None and self.answered >= self.quota_after:
            return 200, {"status": "0", "info": "DAILY_QUERY_OVER_LIMIT", "infocode": "10003"}
        self.answered += 1
        found = self.truth.get(query.get("address", ""))
        if found is None:
            return 200, {"status": "1", "info": "OK", "infocode": "10000", "count": "0", "geocodes": []}
        lon, lat = chinacoords.convert(np.array([found[0]]), np.array([found[1]]), "WGS84", "GCJ02")
        result = {"formatted_address": query["address"], "level": "门牌号", "location": f"{lon[0]:.6f},{lat[0]:.6f}"}
        return 200, {"status": "1", "info": "OK", "infocode": "10000", "count": "1", "geocodes": [result]}


@pytest.fixture()
def server(qgis_app):
    """A loopback server; the test sets `server.fake` first."""

    def respond(server, path: str, query: dict[str, str], _target: str) -> Reply:
        return json_reply(*(server.fake.answer(query) if path == "/v3/geocode/geo" else (404, {"error": "path"})))

    yield from loopback_server(respond)


def write_orders(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A 12345 work-order table (content, address, community text), UTF-8."""
    lines = ["诉求内容,地址,社区"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(processing, server, authcfg, table: Path, output, feedback):
    return processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": str(table),
            "TEXT_FIELD": "诉求内容",
            "COMMUNITY_FIELD": "社区",
            "GEOCODE": "地址",
            "COMMUNITIES": COMMUNITIES,
            "AUTHCFG": authcfg,
            "QPS": 1000.0,
            "BASE_URL": server.base_url,
            "OUTPUT": str(output),
        },
        feedback=feedback,
    )


def test_addresses_are_geocoded_placed_and_the_key_is_written_nowhere(
    processing, server, auth_key, message_log, tmp_path
):
    points = community_points()
    near_c01 = (points["HD-C01"][0] + NUDGE, points["HD-C01"][1] + NUDGE)
    near_c07 = (points["HD-C07"][0] - NUDGE, points["HD-C07"][1] + NUDGE)
    server.fake = FakeGeocoder({"学院路35号": near_c01, "成府路20号": near_c07})
    table = write_orders(
        tmp_path / "orders.csv",
        [
            ("楼下没有早餐店", "学院路35号", ""),  # geocoded: near HD-C01
            ("希望增加菜市场", "成府路20号", "某小区"),  # geocoded: near HD-C07 (no community of that name)
            ("附近没有药店", "清华东路1号", "HD-C02"),  # a community id: no request spent
            ("理发店太少", "学院路35号", ""),  # the same address: asked once
            ("附近缺便利店", "无名路999号", "示例社区05东门"),  # Amap finds nothing: matched by the name in the text
        ],
    )
    feedback = RecordingFeedback()
    result = run_import(processing, server, auth_key, table, tmp_path / "needs.gpkg", feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "needs", "ogr")
    rows = {f["row"]: f for f in layer.getFeatures()}
    assert {row: f["community_id"] for row, f in rows.items()} == {
        2: "HD-C01",
        3: "HD-C07",
        4: "HD-C02",
        5: "HD-C01",
        6: "HD-C05",
    }
    for row, truth in ((2, near_c01), (3, near_c07), (5, near_c01)):
        point = rows[row].geometry().asPoint()
        # served GCJ-02 rounded to 6 decimals (≈0.1 m), inverted exactly
        assert math.hypot(point.x() - truth[0], point.y() - truth[1]) < 2e-6
    assert rows[4].geometry().isEmpty() and rows[6].geometry().isEmpty()
    assert sorted(server.fake.addresses) == sorted(["学院路35号", "成府路20号", "无名路999号"])
    assert server.fake.keys == [KEY] * 3
    assert any("2 addresses found by Amap, 1 not found, 3 requests" in text for text in feedback.lines)

    settings = QgsSettings()
    settings.sync()
    places = {
        "output": Path(result["OUTPUT"].split("|")[0]).read_bytes(),
        "feedback": "\n".join(feedback.lines).encode(),
        "message log": "\n".join(message_log).encode(),
        "settings": Path(settings.fileName()).read_bytes(),
        **{f"file {path.name}": path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()},
    }
    for place, content in places.items():
        assert KEY.encode() not in content, place


def test_busy_answers_are_retried_with_backoff(server, qgis_app):
    server.fake = FakeGeocoder({"学院路35号": (116.35, 40.0)})
    busy = {"status": "0", "info": "CUQPS_HAS_EXCEEDED_THE_LIMIT", "infocode": "10020"}
    server.fake.faults = [(200, busy), (503, {"error": "busy"})]
    clock = FakeClock()
    feedback = RecordingFeedback()
    geocoder = AmapGeocoder(KEY, QgisTransport(timeout_s=5), base_url=server.base_url, qps=1000.0, clock=clock)
    point = geocoder.locate("学院路35号", feedback)
    assert point is not None and math.hypot(point.x() - 116.35, point.y() - 40.0) < 2e-6
    assert geocoder.requests == 3 and clock.slept >= 2.0 + 4.0  # backoff 2 s, then 4 s
    assert sum("Retrying in" in text for text in feedback.lines) == 2
    assert KEY not in "\n".join(feedback.lines)


def test_retries_are_bounded(server, qgis_app):
    server.fake = FakeGeocoder({})
    server.fake.faults = [(500, {"error": "down"})] * 4
    geocoder = AmapGeocoder(
        KEY, QgisTransport(timeout_s=5), base_url=server.base_url, qps=1000.0, max_retries=2, clock=FakeClock()
    )
    with pytest.raises(Exception, match="HTTP 500") as raised:
        geocoder.locate("学院路35号")
    assert geocoder.requests == 3 and KEY not in str(raised.value)


def test_daily_quota_stops_geocoding_and_the_rest_is_matched_by_name(
    processing, server, auth_key, message_log, tmp_path
):
    points = community_points()
    server.fake = FakeGeocoder({"学院路35号": points["HD-C03"], "成府路20号": points["HD-C04"]})
    server.fake.quota_after = 1
    table = write_orders(
        tmp_path / "orders.csv",
        [
            ("楼下没有早餐店", "学院路35号", "示例社区09附近"),  # geocoded before the quota: HD-C03
            ("希望增加菜市场", "成府路20号", "示例社区10附近"),  # quota reached: matched by name
            ("附近没有药店", "双清路8号", "示例社区11附近"),  # no request after the quota
        ],
    )
    feedback = RecordingFeedback()
    result = run_import(processing, server, auth_key, table, tmp_path / "needs.gpkg", feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "needs", "ogr")
    assert {f["row"]: f["community_id"] for f in layer.getFeatures()} == {2: "HD-C03", 3: "HD-C10", 4: "HD-C11"}
    assert server.fake.addresses == ["学院路35号", "成府路20号"]
    assert any("daily quota of this key is used up" in text for text in feedback.lines)
    assert KEY not in "\n".join(feedback.lines + message_log)


def test_a_refused_key_is_a_sentence_and_nothing_is_written(processing, server, auth_key, tmp_path):
    server.fake = FakeGeocoder({}, valid_key="another")
    table = write_orders(tmp_path / "orders.csv", [("楼下没有早餐店", "学院路35号", "")])
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException, match="INVALID_USER_KEY") as raised:
        run_import(processing, server, auth_key, table, tmp_path / "needs.gpkg", feedback)
    assert KEY not in str(raised.value) and KEY not in "\n".join(feedback.lines)
    assert not (tmp_path / "needs.gpkg").exists()


def test_geocoding_without_a_key_is_refused(processing, server, tmp_path):
    server.fake = FakeGeocoder({})
    table = write_orders(tmp_path / "orders.csv", [("楼下没有早餐店", "学院路35号", "")])
    with pytest.raises(QgsProcessingException, match="Geocoding needs the Amap key"):
        run_import(processing, server, "", table, tmp_path / "needs.gpkg", RecordingFeedback())
    assert server.fake.addresses == []
