"""POI web-API client against a real HTTP server on loopback that answers in Amap's documented shape."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsProcessingContext,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.poi_api.amap import AmapProvider
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ApiRejectedError,
    ImportState,
    PoiClient,
    PoiQuery,
    TransientApiError,
    fingerprint,
)
from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from tests.qgis.loopback import Reply, json_reply, loopback_server
from tests.qgis.recording import RecordingFeedback

KEY = "f15kEy0a1b2c3d4e5f60718293a4b5c6"
MASTER_PASSWORD = "fifteen-min-test-master"
#: a block of Haidian, Beijing (WGS84)
BOX = (116.344, 39.998, 116.360, 40.009)
#: longest a fault may hold a request open (bounds the timeout test)
MAX_DELAY_S = 1.0


def point_in_ring(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    """Even-odd ray casting, independent of the QGIS geometry engine."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


class FakeAmap:
    """Serves `place/polygon` pages of its POIs (GCJ-02), capped like the real service, with scripted faults."""

    def __init__(self, count: int, cap: int = 900, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.truth = {}
        for number in range(count):
            lon, lat = rng.uniform(BOX[0], BOX[2]), rng.uniform(BOX[1], BOX[3])
            self.truth[f"B0FF{number:06d}"] = (lon, lat)
        ids = list(self.truth)
        gcj_lon, gcj_lat = chinacoords.wgs84_to_gcj02([self.truth[i][0] for i in ids], [self.truth[i][1] for i in ids])
        self.gcj = dict(zip(ids, zip(gcj_lon.tolist(), gcj_lat.tolist())))
        self.cap = cap
        self.faults: list[tuple] = []
        self.hits: Counter = Counter()
        self.keys: list[str] = []
        self.valid_key = KEY
        self.lock = threading.Lock()

    def answer(self, query: dict[str, str]) -> tuple[int, dict, float]:
        with self.lock:
            self.keys.append(query.get("key", ""))
            self.hits[(query["polygon"], int(query["page"]))] += 1
            fault = self.faults.pop(0) if self.faults else None
        if fault and fault[0] == "http":
            return fault[1], {"status": "0"}, 0.0
        if fault and fault[0] == "delay":
            return 200, self.page(query), min(fault[1], MAX_DELAY_S)
        if fault and fault[0] == "amap":
            return 200, {"status": "0", "info": fault[2], "infocode": fault[1]}, 0.0
        if query.get("key") != self.valid_key:
            return 200, {"status": "0", "info": "INVALID_USER_KEY", "infocode": "10001"}, 0.0
        return 200, self.page(query), 0.0

    def page(self, query: dict[str, str]) -> dict:
        ring = [tuple(map(float, pair.split(","))) for pair in query["polygon"].split("|")]
        inside = sorted(i for i, (x, y) in self.gcj.items() if point_in_ring(x, y, ring))
        size, number = int(query["offset"]), int(query["page"])
        reachable = inside[: self.cap]
        chunk = reachable[(number - 1) * size : number * size]
        pois = [
            {
                "id": poi_id,
                "name": f"便利店{poi_id[-4:]}",
                "type": "购物服务;便民商店/便利店;便民商店/便利店",
                "typecode": "060200",
                "address": [] if int(poi_id[-1]) % 2 else "学院路1号",
                "location": f"{self.gcj[poi_id][0]:.6f},{self.gcj[poi_id][1]:.6f}",
                "pname": "北京市",
                "cityname": "北京市",
                "adname": "海淀区",
                "tel": [],
                "biz_type": [],
            }
            for poi_id in chunk
        ]
        count = str(min(len(inside), self.cap))
        return {"status": "1", "count": count, "info": "OK", "infocode": "10000", "suggestion": {}, "pois": pois}

    def page_hits(self) -> list[int]:
        return list(self.hits.values())


@pytest.fixture()
def fake_amap(qgis_app):
    """Start a loopback server; the test sets `server.amap` before sending requests."""

    def respond(server, _path: str, query: dict[str, str], _target: str) -> Reply:
        # with a delay the server is slow; the client's timeout must fire first
        return json_reply(*server.amap.answer(query))

    yield from loopback_server(respond)


class FakeClock:
    """Injected clock: `sleep` advances time instantly and is recorded."""

    def __init__(self, epoch: float = 1_764_400_000.0) -> None:
        self.epoch = epoch
        self.mono = 0.0
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.epoch + self.mono

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.mono += seconds


@pytest.fixture()
def message_log(qgis_app):
    """Every QGIS message-log line emitted during the test."""
    lines: list[str] = []

    def collect(message, tag, level):
        lines.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(collect)
    yield lines
    QgsApplication.messageLog().messageReceived.disconnect(collect)


def area() -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(*BOX))


def make_client(server, clock, **options) -> PoiClient:
    options.setdefault("qps", 1000.0)
    return PoiClient(AmapProvider(server.base_url), QgisTransport(timeout_s=0.3), KEY, clock=clock, **options)


def new_state(tmp_path: Path, query: PoiQuery) -> ImportState:
    return ImportState.load(str(tmp_path / "state.json"), fingerprint("amap", query, area()))


def assert_matches_truth(records, server: FakeAmap) -> None:
    assert sorted(r.source_id for r in records) == sorted(server.truth)
    for record in records:
        lon, lat = server.truth[record.source_id]
        # served GCJ-02 rounded to 6 decimals (≈0.1 m), then inverted exactly
        assert abs(record.lon - lon) < 2e-6 and abs(record.lat - lat) < 2e-6


def test_pages_and_splits_a_capped_cell(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(1000)
    clock = FakeClock()
    query = PoiQuery(keywords="便利店")
    result = make_client(fake_amap, clock).run(query, area(), new_state(tmp_path, query))

    assert result.complete and result.message == "" and result.truncated == 0
    assert_matches_truth(result.records, fake_amap.amap)
    hits = fake_amap.amap.hits
    assert all(count == 1 for count in hits.values())
    root_polygons = [polygon for polygon, page in hits if page == 1]
    # the root reported the cap (900 < 1000) and was split into four quadrants, each paged to its end
    assert len(root_polygons) == 5
    per_cell = Counter(polygon for polygon, _ in hits)
    for polygon, pages in per_cell.items():
        inside = sum(
            point_in_ring(x, y, [tuple(map(float, p.split(","))) for p in polygon.split("|")])
            for x, y in fake_amap.amap.gcj.values()
        )
        if inside < 900:
            assert pages == -(-inside // 25)
    assert result.requests == sum(hits.values())
    assert clock.slept == 0.0


def test_polygon_is_sent_in_gcj02_closed(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(10)
    query = PoiQuery(types="060200")
    make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query))
    ((polygon, page),) = fake_amap.amap.hits
    pairs = [tuple(map(float, pair.split(","))) for pair in polygon.split("|")]
    assert page == 1 and len(pairs) == 5 and pairs[0] == pairs[-1]
    expected = chinacoords.wgs84_to_gcj02(BOX[0], BOX[1])
    assert abs(pairs[0][0] - expected[0]) < 1e-6 and abs(pairs[0][1] - expected[1]) < 1e-6
    assert abs(pairs[0][0] - BOX[0]) > 1e-3  # really shifted, not WGS84


def test_token_bucket_spaces_requests(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(100)  # 4 pages
    clock = FakeClock()
    query = PoiQuery(keywords="便利店")
    result = make_client(fake_amap, clock, qps=1.0).run(query, area(), new_state(tmp_path, query))
    assert result.complete and result.requests == 4
    # burst of one, then one token per second: three waits of one second on the injected clock
    assert clock.slept == pytest.approx(3.0)


def test_qps_errors_are_retried_with_backoff(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(30)  # 2 pages
    fake_amap.amap.faults = [
        ("amap", "10004", "ACCESS_TOO_FREQUENT"),
        ("amap", "10021", "CUQPS_HAS_EXCEEDED_THE_LIMIT"),
    ]
    clock = FakeClock()
    feedback = RecordingFeedback()
    query = PoiQuery(keywords="便利店")
    client = make_client(fake_amap, clock, backoff_s=2.0)
    result = client.run(query, area(), new_state(tmp_path, query), feedback=feedback)
    assert result.complete and result.requests == 4
    assert_matches_truth(result.records, fake_amap.amap)
    assert sorted(fake_amap.amap.hits.values()) == [1, 3]
    assert clock.slept == pytest.approx(2.0 + 4.0)
    assert sum("ACCESS_TOO_FREQUENT" in text for text in feedback.lines) == 1


def test_retries_are_bounded(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(5)
    fake_amap.amap.faults = [("http", 503)] * 3
    query = PoiQuery(keywords="便利店")
    state = new_state(tmp_path, query)
    with pytest.raises(TransientApiError, match="HTTP 503"):
        make_client(fake_amap, FakeClock(), max_retries=2).run(query, area(), state)
    assert sum(fake_amap.amap.hits.values()) == 3
    assert json.loads(Path(state.path).read_text(encoding="utf-8"))["requests"] == 3


def test_http_500_then_success(fake_amap, tmp_path, message_log):
    fake_amap.amap = FakeAmap(5)
    fake_amap.amap.faults = [("http", 500)]
    query = PoiQuery(keywords="便利店")
    feedback = RecordingFeedback()
    result = make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query), feedback=feedback)
    assert result.complete and result.requests == 2
    assert_matches_truth(result.records, fake_amap.amap)
    assert any("HTTP 500" in text for text in feedback.lines)
    assert not any(KEY in line for line in message_log + feedback.lines)


def test_timeout_is_retried(fake_amap, tmp_path, message_log):
    fake_amap.amap = FakeAmap(5)
    fake_amap.amap.faults = [("delay", MAX_DELAY_S)]
    query = PoiQuery(keywords="便利店")
    feedback = RecordingFeedback()
    started = time.monotonic()
    result = make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query), feedback=feedback)
    waited = time.monotonic() - started
    assert result.complete and result.requests == 2
    assert_matches_truth(result.records, fake_amap.amap)
    assert any("did not answer within 0.3 s" in text for text in feedback.lines)
    assert waited < MAX_DELAY_S  # the client gave up before the server answered
    assert not any(KEY in line for line in message_log + feedback.lines)


def test_transport_timeout_message_has_no_url(fake_amap):
    fake_amap.amap = FakeAmap(1)
    fake_amap.amap.faults = [("delay", MAX_DELAY_S)]
    cell_query = {"key": KEY, "polygon": "1,1|2,2", "offset": "25", "page": "1"}
    with pytest.raises(TransientApiError) as raised:
        QgisTransport(timeout_s=0.2).get(fake_amap.base_url + "/v3/place/polygon", cell_query)
    assert "0.2 s" in raised.value.message and KEY not in str(raised.value) and "polygon" not in str(raised.value)


def test_daily_quota_stops_saves_and_resumes_next_day(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(60)  # 3 pages
    fake_amap.amap.faults = [None, ("amap", "10003", "DAILY_QUERY_OVER_LIMIT")]
    clock = FakeClock()
    query = PoiQuery(keywords="便利店")
    client = make_client(fake_amap, clock)

    first = client.run(query, area(), new_state(tmp_path, query))
    assert not first.complete and "quota" in first.message and len(first.records) == 25
    saved = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert saved["quota_day"] and saved["queue"][0]["page"] == 2 and len(saved["records"]) == 25

    again = client.run(query, area(), new_state(tmp_path, query))  # same Beijing day: not a single request
    assert again.requests == 0 and "quota" in again.message

    clock.mono += 86_400
    last = client.run(query, area(), new_state(tmp_path, query))
    assert last.complete
    assert_matches_truth(last.records, fake_amap.amap)
    pages = sorted(page for _, page in fake_amap.amap.hits.elements())
    assert pages == [1, 2, 2, 3]  # page 2 hit once by the quota reply, once by its retry the next day


def test_rejected_key_is_fatal_and_not_retried(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(5)
    fake_amap.amap.valid_key = "another"
    query = PoiQuery(keywords="便利店")
    with pytest.raises(ApiRejectedError, match="INVALID_USER_KEY") as raised:
        make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query))
    assert KEY not in str(raised.value)
    assert sum(fake_amap.amap.hits.values()) == 1


def test_state_file_of_another_import_is_refused(fake_amap, tmp_path):
    fake_amap.amap = FakeAmap(5)
    query = PoiQuery(keywords="便利店")
    make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query))
    with pytest.raises(Exception, match="different import"):
        new_state(tmp_path, PoiQuery(keywords="超市"))


@pytest.fixture()
def auth_key(qgis_app):
    """The key stored in the real QGIS authentication database of the test profile."""
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    authcfg = ApiKeys.store("Amap test key", KEY)
    yield authcfg
    manager.removeAuthenticationConfig(authcfg)


def test_key_is_read_back_after_a_restart(auth_key):
    """A separate QGIS process opening the same authentication database reads the key."""
    database = QgsApplication.authManager().authenticationDatabasePath()
    script = (
        "import sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "assert QgsApplication.authManager().setMasterPassword(sys.argv[1], True)\n"
        "from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys\n"
        "print(ApiKeys.read(sys.argv[2]) == sys.argv[3])\n"
    )
    env = {"QGIS_AUTH_DB_DIR_PATH": str(Path(database).parent) + "/", "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script, MASTER_PASSWORD, auth_key, KEY],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=root,
        env={**env, "PYTHONPATH": str(root), "HOME": str(Path.home()), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip().splitlines()[-1] == "True", out.stderr[-2000:]
    assert KEY not in Path(database).read_bytes().decode("latin-1")


def run_import(processing, server, authcfg, state, output, feedback, max_requests=0):
    context = QgsProcessingContext()
    return processing.run(
        "fifteenmin:importpoiapi",
        {
            "PROVIDER": 0,
            "AUTHCFG": authcfg,
            "EXTENT": f"{BOX[0]},{BOX[2]},{BOX[1]},{BOX[3]} [EPSG:4326]",
            "KEYWORDS": "便利店",
            "TYPES": "",
            "STATE_FILE": str(state) if state else "",
            "MAX_REQUESTS": max_requests,
            "QPS": 1000.0,
            "BASE_URL": server.base_url,
            "OUTPUT": str(output),
        },
        context=context,
        feedback=feedback,
    )


def test_algorithm_resumes_and_never_writes_the_key(processing, fake_amap, auth_key, tmp_path, message_log):
    fake_amap.amap = FakeAmap(60)  # 3 pages of 25
    state = tmp_path / "amap_state.json"
    feedback = RecordingFeedback()

    first = run_import(processing, fake_amap, auth_key, state, tmp_path / "first.gpkg", feedback, max_requests=2)
    assert first["COMPLETE"] is False and first["REQUESTS"] == 2
    assert QgsVectorLayer(first["OUTPUT"], "first", "ogr").featureCount() == 50
    assert any("Stopped after 2 requests" in text for text in feedback.lines)

    second = run_import(processing, fake_amap, auth_key, state, tmp_path / "all.gpkg", feedback)
    assert second["COMPLETE"] is True and second["REQUESTS"] == 1
    assert sorted(fake_amap.amap.hits.values()) == [1, 1, 1]  # no page requested twice across both runs
    assert fake_amap.amap.keys == [KEY] * 3  # sent as the `key` query parameter

    layer = QgsVectorLayer(second["OUTPUT"], "pois", "ogr")
    features = list(layer.getFeatures())
    assert layer.crs().authid() == "EPSG:4326" and len(features) == 60
    truth = fake_amap.amap.truth
    for feature in features:
        point = feature.geometry().asPoint()
        lon, lat = truth[feature["source_id"]]
        assert abs(point.x() - lon) < 2e-6 and abs(point.y() - lat) < 2e-6
        assert feature["source"] == "amap" and feature["coord_src"] == "GCJ-02"
        assert feature["coord_conv"] == "GCJ-02→WGS84 (exact inverse)"
        assert feature["district"] == "海淀区" and feature["typecode"] == "060200"
        assert feature["category"] == "convenience_store" and feature["category_class"] == "basic"

    project = QgsProject()
    assert project.addMapLayer(layer) is not None
    project_path = tmp_path / "project.qgs"
    assert project.write(str(project_path))
    settings = QgsSettings()
    settings.sync()
    assert ApiKeys.remembered("amap") == auth_key
    places = {
        "output layer": Path(second["OUTPUT"].split("|")[0]).read_bytes(),
        "first output": (tmp_path / "first.gpkg").read_bytes(),
        "metadata": "\n".join(
            [layer.metadata().title(), layer.metadata().abstract(), *layer.metadata().history()]
        ).encode(),
        "project": project_path.read_bytes(),
        "settings": Path(settings.fileName()).read_bytes(),
        "state file": state.read_bytes(),
        "feedback": "\n".join(feedback.lines).encode(),
        "message log": "\n".join(message_log).encode(),
    }
    for place, content in places.items():
        assert KEY.encode() not in content, place


def test_algorithm_without_resume_file(processing, fake_amap, auth_key, tmp_path):
    fake_amap.amap = FakeAmap(30)
    result = run_import(processing, fake_amap, auth_key, "", tmp_path / "out.gpkg", RecordingFeedback())
    assert result["COMPLETE"] is True and result["REQUESTS"] == 2
    assert QgsVectorLayer(result["OUTPUT"], "pois", "ogr").featureCount() == 30
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.gpkg"]


def test_algorithm_failure_message_hides_the_key(processing, fake_amap, auth_key, tmp_path):
    fake_amap.amap = FakeAmap(5)
    fake_amap.amap.valid_key = "another"
    feedback = RecordingFeedback()
    with pytest.raises(Exception) as raised:
        run_import(processing, fake_amap, auth_key, tmp_path / "s.json", tmp_path / "out.gpkg", feedback)
    assert "INVALID_USER_KEY" in str(raised.value) and KEY not in str(raised.value)
    assert not (tmp_path / "out.gpkg").exists()
    assert KEY not in "\n".join(feedback.lines)
