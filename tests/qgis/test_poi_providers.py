"""Tencent, Baidu and Tianditu POI clients against real HTTP servers on loopback answering in each service's
documented shape (Amap's own suite is test_poi_api.py): paging, splitting at the cap, rate limits, quota and
resume, broken answers, timeouts and key redaction, parametrised over the providers."""

from __future__ import annotations

import json
import math
import random
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.classify import Classifier
from fifteen_min_plugin.core.facilities.importer import append_facilities
from fifteen_min_plugin.core.facilities.poi_api.baidu import BaiduProvider
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ApiRejectedError,
    Cell,
    HttpResponse,
    ImportState,
    PoiClient,
    PoiQuery,
    TransientApiError,
    fingerprint,
)
from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.facilities.poi_api.providers import (
    KEY_PARAMETERS,
    PROVIDERS,
    classification_record,
    make_provider,
)
from fifteen_min_plugin.core.facilities.poi_api.tencent import TencentProvider
from fifteen_min_plugin.core.facilities.poi_api.tianditu import TiandituProvider
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.loopback import Reply, loopback_server

KEY = "TqZ7e-9Xk2P-f15k3-yAkTK-0123456789ab"
#: a block of Haidian, Beijing (WGS84)
BOX = (116.344, 39.998, 116.360, 40.009)
#: longest a fault holds a request open (bounds the timeout test)
MAX_DELAY_S = 1.0
DAY_S = 86400.0


class FakeService:
    """Serves one provider's search over its POIs (in the provider's system), capped, with scripted faults."""

    name = ""
    system = chinacoords.WGS84

    def __init__(self, count: int, cap: int, seed: int = 11) -> None:
        rng = random.Random(seed)
        self.truth = {
            f"{self.name[:2]}{number:07d}": (rng.uniform(BOX[0], BOX[2]), rng.uniform(BOX[1], BOX[3]))
            for number in range(count)
        }
        ids = list(self.truth)
        lon, lat = chinacoords.convert(
            [self.truth[i][0] for i in ids], [self.truth[i][1] for i in ids], chinacoords.WGS84, self.system
        )
        self.served = dict(zip(ids, zip(lon.tolist(), lat.tolist())))
        self.names: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self.on_answer = None
        self.cap = cap
        self.faults: list[tuple] = []
        self.hits: Counter = Counter()
        self.answered: Counter = Counter()
        self.lock = threading.Lock()

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, bytes, float]:
        tile = self.tile(query)
        with self.lock:
            self.hits[tile] += 1
            fault = self.faults.pop(0) if self.faults else None
        if fault is not None:
            kind = fault[0]
            if kind == "delay":
                return 200, self.encode(self.page(query)), min(fault[1], MAX_DELAY_S)
            if kind == "http":
                return fault[1], fault[2], 0.0
            return 200, self.encode(getattr(self, kind)(query)), 0.0
        if self.key(query) != KEY:
            return 200, self.encode(self.bad_key()), 0.0
        with self.lock:
            self.answered[tile] += 1
        if self.on_answer is not None:
            self.on_answer()
        return 200, self.encode(self.page(query)), 0.0

    @staticmethod
    def encode(payload: dict) -> bytes:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")

    def page(self, query: dict[str, str]) -> dict:
        xmin, ymin, xmax, ymax = self.bounds(query)
        inside = sorted(i for i, (x, y) in self.served.items() if xmin <= x <= xmax and ymin <= y <= ymax)
        first, size = self.window(query)
        chunk = inside[: self.cap][first : first + size]
        return self.body(chunk, min(len(inside), self.cap))

    def tile(self, query: dict[str, str]) -> tuple:
        return (tuple(round(v, 6) for v in self.bounds(query)), self.window(query)[0])


class FakeTencent(FakeService):
    name = "tencent"
    system = chinacoords.GCJ02

    def key(self, query):
        return query.get("key")

    def bounds(self, query):
        inner = query["boundary"][len("rectangle(") : -1]
        lat1, lng1, lat2, lng2 = map(float, inner.split(","))
        return lng1, lat1, lng2, lat2

    def window(self, query):
        size = int(query["page_size"])
        return (int(query["page_index"]) - 1) * size, size

    def body(self, ids, total):
        data = [
            {
                "id": poi_id,
                "title": self.names.get(poi_id, f"便利蜂({poi_id[-4:]}店)"),
                "address": "北京市海淀区学院路",
                "tel": "",
                "category": self.classes.get(poi_id, "购物:便利店"),
                "type": 0,
                "location": {"lat": self.served[poi_id][1], "lng": self.served[poi_id][0]},
                "ad_info": {"adcode": 110108, "province": "北京市", "city": "北京市", "district": "海淀区"},
            }
            for poi_id in ids
        ]
        return {"status": 0, "message": "query ok", "count": total, "request_id": "1", "data": data}

    def rate(self, query):
        return {"status": 120, "message": "此key每秒请求量已达到上限"}

    def quota(self, query):
        return {"status": 121, "message": "此key每日调用量已达到上限"}

    def bad_key(self):
        return {"status": 311, "message": "key格式错误"}

    def echo(self, query):
        return {"status": 310, "message": f"请求参数信息有误 key={query['key']} ({query['key']})"}


class FakeBaidu(FakeService):
    name = "baidu"
    system = chinacoords.BD09

    def key(self, query):
        return query.get("ak")

    def bounds(self, query):
        lat1, lng1, lat2, lng2 = map(float, query["bounds"].split(","))
        return lng1, lat1, lng2, lat2

    def window(self, query):
        size = int(query["page_size"])
        return int(query["page_num"]) * size, size

    def body(self, ids, total):
        results = [
            {
                "uid": poi_id,
                "name": self.names.get(poi_id, f"罗森(学院路{poi_id[-4:]}店)"),
                "location": {"lat": self.served[poi_id][1], "lng": self.served[poi_id][0]},
                "address": "学院路35号",
                "province": "北京市",
                "city": "北京市",
                "area": "海淀区",
                "detail": 1,
                "detail_info": {"tag": self.classes.get(poi_id, "购物;便利店"), "type": "shopping"},
            }
            for poi_id in ids
        ]
        return {"status": 0, "message": "ok", "total": total, "results": results}

    def rate(self, query):
        return {"status": 401, "message": "当前并发量已经超过约定并发配额，限制访问"}

    def quota(self, query):
        return {"status": 302, "message": "天配额超限，限制访问"}

    def bad_key(self):
        return {"status": 5, "message": "AK Failure"}

    def echo(self, query):
        return {"status": 2, "message": f"Parameter Invalid ak={query['ak']} {query['ak']}"}


class FakeTianditu(FakeService):
    name = "tianditu"
    system = chinacoords.WGS84

    def key(self, query):
        return query.get("tk")

    def post(self, query):
        return json.loads(query["postStr"])

    def bounds(self, query):
        return tuple(map(float, self.post(query)["mapBound"].split(",")))

    def window(self, query):
        post = self.post(query)
        return int(post["start"]), int(post["count"])

    def body(self, ids, total):
        pois = [
            {
                "hotPointID": poi_id,
                "name": self.names.get(poi_id, f"物美便利超市(学院路{poi_id[-4:]}店)"),
                "lonlat": f"{self.served[poi_id][0]},{self.served[poi_id][1]}",
                "address": "学院路",
                "province": "北京市",
                "city": "北京市",
                "county": "海淀区",
                "typeName": self.classes.get(poi_id, "便利店"),
                "typeCode": "",
                "poiType": "101",
            }
            for poi_id in ids
        ]
        return {
            "resultType": 1,
            "count": total,
            "keyWord": "便利店",
            "pois": pois,
            "status": {"infocode": 1000, "cndesc": "服务正常"},
        }

    def rate(self, query):
        return {"status": {"infocode": 2001, "cndesc": "访问过于频繁"}}

    def quota(self, query):
        return {"status": {"infocode": 2002, "cndesc": "今日访问量超限"}}

    def bad_key(self):
        return {"status": {"infocode": 2003, "cndesc": "权限验证失败"}}

    def echo(self, query):
        return {"status": {"infocode": 2004, "cndesc": f"参数错误 tk={query['tk']} {query['tk']}"}}


FAKES = {"tencent": FakeTencent, "baidu": FakeBaidu, "tianditu": FakeTianditu}
NAMES = list(FAKES)


@pytest.fixture()
def server(qgis_app):
    """A loopback server; the test sets `server.fake` before sending requests."""

    def respond(server, path: str, query: dict[str, str], _target: str) -> Reply:
        status, body, delay = server.fake.answer(path, query)
        kind = "application/json" if body[:1] in (b"{", b"[") else "text/html"
        # with a delay the server is slow; the client's timeout fires first
        return Reply(status, body, f"{kind};charset=UTF-8", delay=delay)

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


def area() -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(*BOX))


def setup(server, name: str, count: int, cap: int = 0):
    provider = make_provider(name, server.base_url)
    server.fake = FAKES[name](count, cap or provider.result_cap)
    return provider


def client(provider, clock, **options) -> PoiClient:
    options.setdefault("qps", 1000.0)
    return PoiClient(provider, QgisTransport(timeout_s=0.3), KEY, clock=clock, **options)


def state(tmp_path, name: str, query: PoiQuery) -> ImportState:
    return ImportState.load(str(tmp_path / f"{name}.json"), fingerprint(name, query, area()))


def assert_matches_truth(records, fake: FakeService) -> None:
    assert sorted(r.source_id for r in records) == sorted(fake.truth)
    for record in records:
        lon, lat = fake.truth[record.source_id]
        # served at full precision and inverted exactly: well under a millimetre
        assert abs(record.lon - lon) < 1e-8 and abs(record.lat - lat) < 1e-8


def test_every_provider_is_registered():
    assert list(PROVIDERS) == ["amap", "tencent", "baidu", "tianditu"]
    assert TencentProvider.coord_system == chinacoords.GCJ02
    assert BaiduProvider().coord_system == chinacoords.BD09
    assert TiandituProvider.coord_system == chinacoords.WGS84


@pytest.mark.parametrize("name", NAMES)
def test_pages_through_one_cell(server, tmp_path, name):
    provider = setup(server, name, 45)
    query = PoiQuery(keywords="便利店")
    clock = FakeClock()
    result = client(provider, clock).run(query, area(), state(tmp_path, name, query))

    assert result.complete and result.message == "" and result.truncated == 0
    assert_matches_truth(result.records, server.fake)
    pages = math.ceil(45 / provider.page_size)
    assert result.requests == pages == sum(server.fake.hits.values())
    assert sorted(first for _, first in server.fake.hits) == [n * provider.page_size for n in range(pages)]
    assert clock.slept == 0.0


@pytest.mark.parametrize("name", NAMES)
def test_splits_a_cell_at_the_cap(server, tmp_path, name):
    provider = setup(server, name, 0)
    cap = provider.result_cap
    server.fake = FAKES[name](cap + 40, cap)
    query = PoiQuery(keywords="便利店")
    result = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))

    assert result.complete and result.truncated == 0
    assert_matches_truth(result.records, server.fake)
    assert all(count == 1 for count in server.fake.hits.values())
    first_pages = [tile for tile, first in server.fake.hits if first == 0]
    assert len(first_pages) == 5  # the root reported the cap and its four quadrants were searched
    per_cell = Counter(bounds for bounds, _ in server.fake.hits)
    for (xmin, ymin, xmax, ymax), pages in per_cell.items():
        inside = sum(xmin <= x <= xmax and ymin <= y <= ymax for x, y in server.fake.served.values())
        # a cell at the cap is split after its first page; any other is paged to its end
        assert pages == (1 if inside >= cap else max(1, math.ceil(inside / provider.page_size)))


@pytest.mark.parametrize("name", NAMES)
def test_rate_limit_then_success(server, tmp_path, name):
    provider = setup(server, name, 30)
    server.fake.faults = [("rate",), ("rate",)]
    query = PoiQuery(keywords="便利店")
    clock = FakeClock()
    result = client(provider, clock, backoff_s=2.0).run(query, area(), state(tmp_path, name, query))

    assert result.complete
    assert_matches_truth(result.records, server.fake)
    assert clock.slept == pytest.approx(2.0 + 4.0)  # exponential backoff on the two refusals
    assert result.requests == sum(server.fake.answered.values()) + 2


@pytest.mark.parametrize("name", NAMES)
def test_quota_then_resume_requests_every_tile_once(server, tmp_path, name):
    provider = setup(server, name, 0)
    cap = provider.result_cap
    server.fake = FAKES[name](cap + 40, cap)
    query = PoiQuery(keywords="便利店")
    clock = FakeClock()
    first = client(provider, clock).run(query, area(), state(tmp_path, name, query), max_requests=3)
    assert not first.complete
    server.fake.faults = [("quota",)]
    second = client(provider, clock).run(query, area(), state(tmp_path, name, query))
    assert not second.complete and "quota" in second.message
    assert second.requests == 1
    again = client(provider, clock).run(query, area(), state(tmp_path, name, query))
    assert again.requests == 0  # the same Beijing day: nothing is sent
    clock.mono += DAY_S
    final = client(provider, clock).run(query, area(), state(tmp_path, name, query))

    assert final.complete
    assert_matches_truth(final.records, server.fake)
    assert all(count == 1 for count in server.fake.answered.values())
    assert sum(server.fake.hits.values()) == sum(server.fake.answered.values()) + 1


@pytest.mark.parametrize("name", NAMES)
def test_malformed_json_is_refused_with_an_excerpt(server, tmp_path, name):
    provider = setup(server, name, 5)
    server.fake.faults = [("http", 200, b'{"status": 0, "count": 3, "data": [{"id": "1"')]
    query = PoiQuery(keywords="便利店")
    with pytest.raises(ApiRejectedError) as caught:
        client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    assert "JSON" in caught.value.message
    assert caught.value.details.startswith('{"status": 0')


@pytest.mark.parametrize("name", NAMES)
def test_html_error_pages(server, tmp_path, name):
    provider = setup(server, name, 5)
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    server.fake.faults = [("http", 502, page)]
    query = PoiQuery(keywords="便利店")
    result = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    assert result.complete  # a gateway's HTML 502 is retried
    assert_matches_truth(result.records, server.fake)

    server.fake.faults = [("http", 200, b"<html><body>Portal login required</body></html>")]
    (tmp_path / f"{name}.json").unlink()
    with pytest.raises(ApiRejectedError) as caught:
        client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    assert "Portal login" in caught.value.details


@pytest.mark.parametrize("name", NAMES)
def test_timeout_is_retried(server, tmp_path, name):
    provider = setup(server, name, 5)
    server.fake.faults = [("delay", MAX_DELAY_S)]
    query = PoiQuery(keywords="便利店")
    started = time.monotonic()
    result = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    assert result.complete
    assert_matches_truth(result.records, server.fake)
    assert sum(server.fake.hits.values()) == 2
    assert time.monotonic() - started < MAX_DELAY_S + 5.0


@pytest.mark.parametrize("name", NAMES)
def test_retries_are_bounded(server, tmp_path, name):
    provider = setup(server, name, 5)
    server.fake.faults = [("rate",)] * 5
    query = PoiQuery(keywords="便利店")
    with pytest.raises(TransientApiError):
        client(provider, FakeClock(), max_retries=2).run(query, area(), state(tmp_path, name, query))
    assert sum(server.fake.hits.values()) == 3


@pytest.mark.parametrize("name", NAMES)
def test_key_echoed_by_the_server_is_redacted(server, tmp_path, name):
    provider = setup(server, name, 5)
    server.fake.faults = [("echo",)]
    query = PoiQuery(keywords="便利店")
    with pytest.raises(ApiRejectedError) as caught:
        client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    error = caught.value
    assert "***" in error.message
    assert KEY not in error.message and KEY not in error.details and KEY not in str(error)
    assert KEY not in (tmp_path / f"{name}.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_wrong_key_is_fatal_and_not_retried(server, tmp_path, name):
    provider = setup(server, name, 5)
    query = PoiQuery(keywords="便利店")
    with pytest.raises(ApiRejectedError) as caught:
        PoiClient(provider, QgisTransport(timeout_s=0.3), "wrong-key", clock=FakeClock(), qps=1000.0).run(
            query, area(), state(tmp_path, name, query)
        )
    assert sum(server.fake.hits.values()) == 1
    assert "wrong-key" not in caught.value.message


# Public vectors (the same as tests/unit/test_chinacoords.py): eviltransform's Beijing WGS84/GCJ-02 pair, and
# wandergis/coordtransform's GCJ-02 (116.404, 39.915) → BD-09 with its one-step GCJ-02 → WGS84 approximation.
EVIL_WGS = (116.377817, 39.911954)
EVIL_GCJ = (116.38404722455657, 39.91334545536069)
WANDERGIS_GCJ = (116.404, 39.915)
WANDERGIS_BD = (116.41036949371029, 39.92133699351021)
WANDERGIS_ONE_STEP_WGS = (116.39775550083061, 39.91359571849836)


def served_at(server, name: str, position: tuple[float, float]):
    """A provider whose fake serves one POI at `position` (in the provider's system), and a search area around it."""
    provider = setup(server, name, 0)
    server.fake.served = {"P1": position}
    server.fake.truth = {"P1": position}
    x, y = position
    return provider, QgsGeometry.fromRect(QgsRectangle(x - 0.03, y - 0.03, x + 0.03, y + 0.03))


def run_one(server, tmp_path, name, position):
    provider, search_area = served_at(server, name, position)
    query = PoiQuery(keywords="便利店")
    fresh = ImportState.load("", fingerprint(name, query, search_area))
    (record,) = client(provider, FakeClock()).run(query, search_area, fresh).records
    assert (record.src_lon, record.src_lat) == position
    return record


def test_tencent_gcj02_is_inverted_to_the_public_wgs84(server, tmp_path):
    record = run_one(server, tmp_path, "tencent", EVIL_GCJ)
    assert abs(record.lon - EVIL_WGS[0]) < 1e-7 and abs(record.lat - EVIL_WGS[1]) < 1e-7  # ≈1 cm


def test_baidu_bd09_is_inverted_to_wgs84(server, tmp_path):
    record = run_one(server, tmp_path, "baidu", WANDERGIS_BD)
    # going forward again reproduces the published GCJ-02 point, to the precision of the published BD-09 value
    gcj_lon, gcj_lat = chinacoords.convert(record.lon, record.lat, chinacoords.WGS84, chinacoords.GCJ02)
    assert abs(gcj_lon - WANDERGIS_GCJ[0]) < 1e-7 and abs(gcj_lat - WANDERGIS_GCJ[1]) < 1e-7
    # and the exact inverse lies within a few metres of the published one-step approximation
    assert abs(record.lon - WANDERGIS_ONE_STEP_WGS[0]) < 5e-5 and abs(record.lat - WANDERGIS_ONE_STEP_WGS[1]) < 5e-5


def test_baidu_asked_for_gcj02_is_inverted_as_gcj02(server, tmp_path):
    provider = BaiduProvider(server.base_url, coord_system=chinacoords.GCJ02)
    _, params = provider.request(KEY, Cell("r", *BOX), PoiQuery("便利店"), 1)
    gcj = Cell("r", *BOX).ring(chinacoords.GCJ02)
    lat1, lng1, lat2, lng2 = map(float, params["bounds"].split(","))
    assert (lng1, lat1) == pytest.approx((min(x for x, _ in gcj), min(y for _, y in gcj)), abs=1e-6)
    assert (lng2, lat2) == pytest.approx((max(x for x, _ in gcj), max(y for _, y in gcj)), abs=1e-6)
    assert params["ret_coordtype"] == "gcj02ll" and params["coord_type"] == "2"


def test_tianditu_cgcs2000_is_left_untouched(server, tmp_path):
    record = run_one(server, tmp_path, "tianditu", EVIL_WGS)
    assert (record.lon, record.lat) == EVIL_WGS


def serve(fake: FakeService, shops: dict[str, tuple[str, float, float]]) -> None:
    """Let `fake` serve exactly `shops` (id → name, WGS84 lon, lat), converted to its own system."""
    ids = list(shops)
    lon, lat = chinacoords.convert(
        [shops[i][1] for i in ids], [shops[i][2] for i in ids], chinacoords.WGS84, fake.system
    )
    fake.truth = {i: shops[i][1:] for i in ids}
    fake.served = dict(zip(ids, zip(lon.tolist(), lat.tolist())))
    fake.names = {i: shops[i][0] for i in ids}


def offset(lon: float, lat: float, east_m: float, north_m: float) -> tuple[float, float]:
    return lon + east_m / (111_195.0 * math.cos(math.radians(lat))), lat + north_m / 111_195.0


def records_layer(records, tag_field: str) -> QgsVectorLayer:
    """The client's records as a WGS84 point layer with the fields a POI import writes."""
    fields = ["source_id", "name", "address", tag_field]
    layer = QgsVectorLayer("Point?crs=EPSG:4326&" + "&".join(f"field={f}:string" for f in fields), "poi", "memory")
    features = []
    for record in records:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([record.source_id, record.name, record.address, record.type])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(record.lon, record.lat)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_the_same_shop_from_two_providers_becomes_one_facility(server, tmp_path):
    """Synthetic truth: 8 shops both services list (each with its own geocoding error of up to 12 m and its own
    spelling of the branch), 3 only Tencent lists, 3 only Baidu lists, a chain's two branches 70 m apart and
    two different shops at one address. Only the 8 true pairs merge, each keeping both ids."""
    rng = random.Random(5)
    tencent, baidu, pairs = {}, {}, {}
    for number in range(8):
        lon, lat = rng.uniform(116.346, 116.358), rng.uniform(39.999, 40.008)
        chain = ["罗森", "全家", "便利蜂", "物美", "好邻居", "7-ELEVEn", "美宜佳", "快客"][number]
        t_id, b_id = f"T{number:03d}", f"b{number:03d}"
        east, north = rng.uniform(-8, 8), rng.uniform(-8, 8)
        tencent[t_id] = (f"{chain}便利店(学院路{number}号店)", *offset(lon, lat, east, north))
        baidu[b_id] = (f"{chain}便利店（学院路{number}号店）", *offset(lon, lat, -east / 2, -north / 2))
        pairs[t_id] = b_id
    for number in range(3):
        tencent[f"T1{number:02d}"] = (f"腾讯独有便利店{number}", rng.uniform(116.346, 116.358), 40.0 + number * 1e-3)
        baidu[f"b1{number:02d}"] = (f"百度独有便利店{number}", rng.uniform(116.346, 116.358), 40.002 + number * 1e-3)
    tencent["T200"] = ("联华便利店(东门店)", 116.350, 40.005)
    baidu["b200"] = ("联华便利店(西门店)", *offset(116.350, 40.005, 70.0, 0.0))
    tencent["T300"] = ("每日优鲜便利店", 116.352, 40.001)
    baidu["b300"] = ("盒马便利店", 116.352, 40.001)

    results = {}
    for name, shops in (("tencent", tencent), ("baidu", baidu)):
        provider = setup(server, name, 0)
        serve(server.fake, shops)
        query = PoiQuery(keywords="便利店")
        results[name] = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query)).records
        assert len(results[name]) == len(shops)

    workspace = Workspace.create(tmp_path / "ws.gpkg")
    facilities = workspace.layer("facilities")
    classifier = Classifier.default()
    context = QgsCoordinateTransformContext()
    first = append_facilities(
        records_layer(results["tencent"], "tencent_category"), facilities, context, "tencent", classifier
    )
    second = append_facilities(records_layer(results["baidu"], "baidu_tag"), facilities, context, "baidu", classifier)

    assert (first.added, first.merged) == (len(tencent), 0)
    assert (second.added, second.merged) == (len(baidu) - len(pairs), len(pairs))
    rows = list(QgsVectorLayer(facilities.source(), "check", "ogr").getFeatures())
    merged = {row["source_id"] for row in rows if row["source"] == "tencent;baidu"}
    assert merged == {f"{t_id};{b_id}" for t_id, b_id in pairs.items()}
    assert len(rows) == len(tencent) + len(baidu) - len(pairs)


DATA = Path(__file__).resolve().parents[1] / "data" / "poi_api"
#: recorded answers written from each service's documentation, and the category a planner gives each POI by hand;
#: None where the service's class is ambiguous (a mall, a "school", "other shops", a hospital, a car park)
RECORDED = {
    "tencent": (
        "tencent_place_search.json",
        {
            "5326149474883523091": "convenience_store",
            "13418259287373185372": "supermarket",
            "2788620155373843221": None,
            "10877162924426587317": "pharmacy",
            "6133871553190946416": "cafe",
            "7960528263719186945": "dining",  # 美食:火锅 is everyday dining, not 特色餐饮
            "1472209346107530711": "bus_stop",
            "16243930165781263458": "kindergarten",
            "3357713029925040013": None,
            "11209765540823710934": None,
            "8861027345092268834": None,
        },
    ),
    "baidu": (
        "baidu_place_search.json",
        {
            "c6b2e8d3a9f14a1b2c3d4e5f": "convenience_store",
            "3f4a9e0c1d2b7a8e6c5d4f3a": "supermarket",
            "b8e7d6c5a4f3e2d1c0b9a8f7": "fresh_market",
            "0a1b2c3d4e5f60718293a4b5": "laundry",
            "91e2d3c4b5a6978877665544": "post_express",
            "f1e2d3c4b5a69788a7b6c5d4": None,
            "5a6b7c8d9e0f1a2b3c4d5e6f": None,
            "6c7d8e9f0a1b2c3d4e5f6a7b": "cafe",
            "7e8f9a0b1c2d3e4f5a6b7c8d": "clinic",  # 学院路社区卫生服务站, classed 医疗;诊所
            "8f9a0b1c2d3e4f5a6b7c8d9e": None,
        },
    ),
    "tianditu": (
        "tianditu_search_v2.json",
        {
            "2A4F7D2E8B3C1A09": "convenience_store",
            "3B5E8F3F9C4D2B1A": "supermarket",
            "4C6F9A4A0D5E3C2B": "pharmacy",
            "5D7A0B5B1E6F4D3C": "primary_school",
            "6E8B1C6C2F7A5E4D": "park",
            "7F9C2D7D3A8B6F5E": "public_toilet",
            "8A0D3E8E4B9C7A6F": None,
            "9B1E4F9F5C0D8B7A": None,
        },
    ),
}


@pytest.mark.parametrize("name", NAMES)
def test_recorded_answers_map_to_categories_through_the_provider_rules(name):
    filename, expected = RECORDED[name]
    page = make_provider(name).parse(HttpResponse(200, (DATA / filename).read_bytes()))
    assert page.total == len(page.records) == len(expected) and not page.bad_locations
    classifier = Classifier.default()
    got = {}
    for record in page.records:
        code, matched_by = classifier.classify(classification_record(name, record))
        got[record.source_id] = code
        # every category comes from the provider's own class, never from guessing on the name, except that a
        # public station's name (priority 1) outranks the ambiguous class 诊所, which is private_clinic otherwise
        station = (code, matched_by) == ("clinic", "name:社区卫生服务")
        assert matched_by.startswith(f"{name}:") or code is None or station
    assert got == expected


def test_recorded_answers_name_no_key():
    for filename, _ in RECORDED.values():
        text = (DATA / filename).read_text(encoding="utf-8")
        assert "key=" not in text and "ak=" not in text and "tk=" not in text


@pytest.mark.parametrize("name", NAMES)
def test_cancel_stops_and_the_next_run_resumes(server, tmp_path, name):
    provider = setup(server, name, 0)
    server.fake = FAKES[name](provider.page_size * 3 - 1, provider.result_cap)
    query = PoiQuery(keywords="便利店")
    feedback = QgsFeedback()
    server.fake.on_answer = feedback.cancel  # the user cancels while the first page is on its way
    first = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query), feedback=feedback)
    server.fake.on_answer = None
    assert not first.complete and "Cancelled" in first.message
    assert first.requests == 1
    second = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query))
    assert second.complete
    assert_matches_truth(second.records, server.fake)
    # a page whose answer the cancel cut off is asked again; one that arrived whole is not
    assert second.requests in (2, 3)
    assert sum(server.fake.hits.values()) == 1 + second.requests


#: one street's shops as each service classes them: (neutral name, Tencent category, Baidu tag, Tianditu class)
STREET = [
    ("便利店", "购物:便利店", "购物;便利店", "便利店"),
    ("便利店", "购物:便利店", "购物;便利店", "便利店"),
    ("便利店", "购物:便利店", "购物;便利店", "便利店"),
    ("超市", "购物:超市", "购物;超市", "超市"),
    ("超市", "购物:超市", "购物;超市", "超市"),
    ("药店", "医疗保健:药房", "医疗;药店", "药店"),
    ("诊所", "医疗保健:诊所", "医疗;诊所", "诊所"),
    ("幼儿园", "教育学校:幼儿园", "教育培训;幼儿园", "幼儿园"),
    ("商场", "购物:综合商场", "购物;购物中心", "商场"),
    ("学校", "教育学校:其它", "教育培训;其他", "学校"),
]

#: the street's category counts by hand (the mall and the school are ambiguous: unclassified; a 诊所 without a
#: public station's name is a private clinic, not the 社区卫生服务站 of GB 50180)
STREET_COUNTS = Counter(
    {"convenience_store": 3, "supermarket": 2, "pharmacy": 1, "private_clinic": 1, "kindergarten": 1, None: 2}
)


def test_the_same_street_gives_the_same_counts_from_every_provider(server, tmp_path):
    """One query over the same shops gives the same category counts whichever service answers it; the
    ambiguous mall and school stay unclassified everywhere."""
    rng = random.Random(3)
    spots = [(rng.uniform(116.346, 116.358), rng.uniform(39.999, 40.008)) for _ in STREET]
    classifier = Classifier.default()
    counts = {}
    for column, name in enumerate(NAMES, start=1):
        provider = setup(server, name, 0)
        shops = {f"{name[:2]}{i:03d}": (f"门店{i}号", *spots[i]) for i in range(len(STREET))}
        serve(server.fake, shops)
        server.fake.classes = {poi_id: STREET[i][column] for i, poi_id in enumerate(shops)}
        query = PoiQuery(keywords="门店")
        records = client(provider, FakeClock()).run(query, area(), state(tmp_path, name, query)).records
        counts[name] = Counter(classifier.classify(classification_record(name, r))[0] for r in records)
    assert counts == {name: STREET_COUNTS for name in NAMES}


def test_each_provider_keeps_its_own_key_in_the_auth_manager(qgis_app):
    """Keys of several services side by side in the real authentication database, each remembered by id only;
    an API Header configuration whose one header is named after the service's parameter (ak, tk) is read too."""
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("fifteen-min-test-master", True)
    stored = {}
    try:
        for name, parameter in KEY_PARAMETERS.items():
            secret = f"{name}-{KEY}"
            config = QgsAuthMethodConfig("APIHeader")
            config.setName(f"{name} key")
            config.setConfig(parameter, secret)
            assert manager.storeAuthenticationConfig(config)
            stored[name] = (config.id(), secret)
            ApiKeys.remember(name, config.id())
        for name, (authcfg, secret) in stored.items():
            assert ApiKeys.remembered(name) == authcfg
            assert ApiKeys.read(authcfg) == secret
            assert secret not in str(QgsSettings().value(f"fifteen_min_plugin/poi_api/{name}/authcfg", ""))
    finally:
        for name, (authcfg, _) in stored.items():
            manager.removeAuthenticationConfig(authcfg)
            ApiKeys.remember(name, "")


#: what the algorithm records per provider: its PROVIDER option, `coord_src` and `coord_conv`
ALGORITHM_SOURCES = {
    "tencent": (1, "GCJ-02", "GCJ-02→WGS84 (exact inverse)"),
    "baidu": (2, "BD-09", "BD-09→WGS84 (exact inverse)"),
    "tianditu": (3, "CGCS2000", "CGCS2000→WGS84 (no offset)"),
}


@pytest.fixture()
def stored_key(qgis_app):
    """KEY in the real QGIS authentication database of the test profile."""
    assert QgsApplication.authManager().setMasterPassword("fifteen-min-test-master", True)
    authcfg = ApiKeys.store("POI test key", KEY)
    yield authcfg
    QgsApplication.authManager().removeAuthenticationConfig(authcfg)


def run_algorithm(processing, server, name, authcfg, output, keywords="门店", types=""):
    return processing.run(
        "fifteenmin:importpoiapi",
        {
            "PROVIDER": ALGORITHM_SOURCES[name][0],
            "AUTHCFG": authcfg,
            "EXTENT": f"{BOX[0]},{BOX[2]},{BOX[1]},{BOX[3]} [EPSG:4326]",
            "KEYWORDS": keywords,
            "TYPES": types,
            "MAX_REQUESTS": 0,
            "QPS": 1000.0,
            "BASE_URL": server.base_url,
            "OUTPUT": str(output),
        },
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )


@pytest.mark.parametrize("name", NAMES)
def test_algorithm_imports_from_every_provider(processing, server, stored_key, tmp_path, name):
    """fifteenmin:importpoiapi with PROVIDER: the key goes in the provider's own parameter (the fake refuses any
    other), every POI lands at its WGS84 truth, the served system is recorded per feature and the category comes
    from the provider's class (the same counts as the street's hand classification)."""
    rng = random.Random(3)
    spots = [(rng.uniform(116.346, 116.358), rng.uniform(39.999, 40.008)) for _ in STREET]
    column = NAMES.index(name) + 1
    setup(server, name, 0)
    shops = {f"{name[:2]}{i:03d}": (f"门店{i}号", *spots[i]) for i in range(len(STREET))}
    serve(server.fake, shops)
    server.fake.classes = {poi_id: STREET[i][column] for i, poi_id in enumerate(shops)}

    result = run_algorithm(processing, server, name, stored_key, tmp_path / f"{name}.gpkg")

    assert result["COMPLETE"] is True and result["REQUESTS"] == 1
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    features = {feature["source_id"]: feature for feature in layer.getFeatures()}
    assert layer.crs().authid() == "EPSG:4326" and sorted(features) == sorted(shops)
    _, coord_src, coord_conv = ALGORITHM_SOURCES[name]
    for poi_id, feature in features.items():
        point = feature.geometry().asPoint()
        assert abs(point.x() - shops[poi_id][1]) < 1e-7 and abs(point.y() - shops[poi_id][2]) < 1e-7
        assert (feature["source"], feature["coord_src"], feature["coord_conv"]) == (name, coord_src, coord_conv)
        assert feature["type"] == server.fake.classes[poi_id]
    assert Counter(feature["category"] or None for feature in features.values()) == STREET_COUNTS
    assert features[f"{name[:2]}000"]["matched_by"]  # a rule of the provider class, not the name "门店0号"
    assert KEY.encode() not in Path(result["OUTPUT"].split("|")[0]).read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_algorithm_refuses_a_search_without_keywords_or_types_before_any_request(
    processing, server, stored_key, tmp_path, name
):
    setup(server, name, 5)
    with pytest.raises(QgsProcessingException, match="keywords or type"):
        run_algorithm(processing, server, name, stored_key, tmp_path / "out.gpkg", keywords="")
    assert not server.fake.hits and not (tmp_path / "out.gpkg").exists()
