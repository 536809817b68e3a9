"""Provider-neutral POI web-API client: paging, cell splitting, QPS and quota limits, retries, resume.

What a provider must implement (`PoiProvider`), so Baidu and Tencent fit beside Amap:

* ``name`` (the `source` field value, e.g. "amap"), ``coord_system`` (the `chinacoords` system its results and its
  search geometry use: Amap and Tencent GCJ-02, Baidu BD-09), ``page_size`` (the largest page it serves) and
  ``result_cap`` (the most results one query can reach by paging; a cell reporting that many is split in four);
* ``request(key, cell, query, page)`` → the URL and query parameters of one page. Cells are WGS84 rectangles;
  ``cell.ring(coord_system)`` gives their corners in the provider's system. Amap sends the ring as a polygon;
  Baidu ``place/v2/search`` would send the ring's bounding box as ``bounds=lat,lng,lat,lng`` with ``page_num``
  counted from 0; Tencent ``place/v1/search`` a ``boundary=rectangle(...)``;
* ``parse(response)`` → a `Page` of `PoiRecord`s whose ``src_lon``/``src_lat`` are in ``coord_system``, and
  ``total`` (the result count the service reports). It raises `TransientApiError` for what a later retry can
  cure (QPS exceeded, server busy, HTTP 5xx/429), `QuotaExceededError` when the daily quota is used up and
  `ApiRejectedError` for everything else (bad key, missing permission, malformed answer).

`PoiClient` does the rest for every provider: converts results to WGS84 on arrival (exact inverse), keeps only
those inside the search area, de-duplicates them by provider id, honours a QPS token bucket, counts requests
per Beijing day, retries transient failures with exponential backoff, and checkpoints its progress after every
page in `ImportState` (a small JSON file) so an interrupted import resumes without repeating a request.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import os
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Optional, Protocol
from urllib.parse import quote, quote_plus

import numpy as np
from qgis.core import QgsFeedback, QgsGeometry, QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities import chinacoords

STATE_VERSION = 1
#: quotas of Chinese map services reset at midnight Beijing time
BEIJING = datetime.timezone(datetime.timedelta(hours=8))


#: what stands in for a key removed from a text
MASK = "***"
#: a key passed as a query parameter (Amap/Tencent `key`, Baidu `ak`, Tianditu `tk`), whoever's key it is
_KEY_PARAMETER = re.compile(r"(?<![A-Za-z0-9_])((?:key|ak|tk)=)[^&\s\"'<>]+", re.IGNORECASE)


def redact(text: str, key: str) -> str:
    """`text` without `key` (also URL-encoded) and without the value of any key query parameter."""
    if not text:
        return text
    if key:
        for form in {key, quote(key, safe=""), quote_plus(key)}:
            text = text.replace(form, MASK)
    return _KEY_PARAMETER.sub(lambda match: match.group(1) + MASK, text)


class PoiApiError(FifteenMinError):
    """A POI service request failed; the message never contains the key or the request URL."""

    def redacted(self, key: str) -> PoiApiError:
        """The same error with `key` removed from its message and details, wherever the text came from."""
        return type(self)(redact(self.message, key), self.level, redact(self.details, key))


class TransientApiError(PoiApiError):
    """A failure a later retry can cure: timeout, network error, QPS exceeded, server busy, HTTP 5xx."""


class QuotaExceededError(PoiApiError):
    """The key's daily quota is used up; the service accepts requests again after midnight (Beijing time)."""


class ApiRejectedError(PoiApiError):
    """The service refused the request for a reason retrying cannot cure (wrong key, permission, bad answer)."""


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP answer: status code and raw body."""

    status: int
    body: bytes


class Transport(Protocol):
    """Performs one GET; raises `TransientApiError` when no HTTP answer arrives (timeout, network down)."""

    def get(self, url: str, params: dict[str, str], feedback: Optional[QgsFeedback] = None) -> HttpResponse:
        """Send the request and return the answer."""


class Clock(Protocol):
    """Time source of the client; tests inject one whose `sleep` only advances `monotonic` and `time`."""

    def monotonic(self) -> float:
        """Seconds on a monotonic clock."""

    def time(self) -> float:
        """Seconds since the epoch (for the Beijing date of quota accounting)."""

    def sleep(self, seconds: float) -> None:
        """Wait."""


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        """`time.monotonic`."""
        return time.monotonic()

    def time(self) -> float:
        """`time.time`."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        """`time.sleep`."""
        time.sleep(seconds)


@dataclass(frozen=True)
class Cell:
    """A WGS84 rectangle searched as one query; `path` names its place in the quadtree ("r", "r0", "r03"…)."""

    path: str
    xmin: float
    ymin: float
    xmax: float
    ymax: float

    def children(self) -> list[Cell]:
        """The four quadrants: 0 south-west, 1 south-east, 2 north-west, 3 north-east."""
        xmid, ymid = (self.xmin + self.xmax) / 2.0, (self.ymin + self.ymax) / 2.0
        return [
            Cell(self.path + "0", self.xmin, self.ymin, xmid, ymid),
            Cell(self.path + "1", xmid, self.ymin, self.xmax, ymid),
            Cell(self.path + "2", self.xmin, ymid, xmid, self.ymax),
            Cell(self.path + "3", xmid, ymid, self.xmax, self.ymax),
        ]

    def ring(self, system: str) -> list[tuple[float, float]]:
        """The closed corner ring (counter-clockwise from south-west) converted to `system`."""
        lon = np.array([self.xmin, self.xmax, self.xmax, self.xmin, self.xmin])
        lat = np.array([self.ymin, self.ymin, self.ymax, self.ymax, self.ymin])
        out_lon, out_lat = chinacoords.convert(lon, lat, chinacoords.WGS84, system)
        return list(zip(out_lon.tolist(), out_lat.tolist()))

    def geometry(self) -> QgsGeometry:
        """The rectangle as a WGS84 polygon."""
        return QgsGeometry.fromRect(QgsRectangle(self.xmin, self.ymin, self.xmax, self.ymax))

    @property
    def size(self) -> float:
        """The longer side in degrees."""
        return max(self.xmax - self.xmin, self.ymax - self.ymin)


@dataclass(frozen=True)
class PoiQuery:
    """What to search: keywords and/or provider type codes, each `|`-separated as the services expect."""

    keywords: str = ""
    types: str = ""


@dataclass(frozen=True)
class PoiRecord:
    """One POI: provider fields, its position as served (`src_*`) and in WGS84 (`lon`/`lat`)."""

    source_id: str
    name: str
    type: str
    typecode: str
    address: str
    province: str
    city: str
    district: str
    src_lon: float
    src_lat: float
    lon: float = math.nan
    lat: float = math.nan


@dataclass(frozen=True)
class Page:
    """One parsed page: its records, the total the service reports, and the POIs whose location is unreadable."""

    records: list[PoiRecord]
    total: int
    #: "id name" of each POI left out because its location is missing or not "lng,lat"
    bad_locations: list[str] = field(default_factory=list)


#: characters of an unexpected answer kept in an error's details
EXCERPT_CHARS = 500


def excerpt(body: bytes) -> str:
    """The start of an unexpected answer (an HTML error page, a proxy's notice) for an error's details."""
    return body[: EXCERPT_CHARS * 4].decode("utf-8", errors="replace")[:EXCERPT_CHARS]


def json_answer(response: HttpResponse, label: str, required: str = "") -> dict[str, Any]:
    """The JSON object of a 200 answer from service `label`; HTTP 429/5xx are transient, anything else refused.

    Shared by every provider and the Amap geocoder: an HTML error page, a proxy's notice, truncated JSON or an
    object without the `required` key becomes an `ApiRejectedError` whose details hold the start of the body
    (the client redacts the key from it).
    """
    if response.status == 429 or response.status >= 500:
        raise TransientApiError(
            QCoreApplication.translate("PoiProvider", "{service} answered HTTP {status}.").format(
                service=label, status=response.status
            ),
            details=excerpt(response.body),
        )
    if response.status != 200:
        raise ApiRejectedError(
            QCoreApplication.translate(
                "PoiProvider", "{service} refused the request with HTTP {status}; check the base URL and the key."
            ).format(service=label, status=response.status),
            details=excerpt(response.body),
        )
    try:
        data = json.loads(response.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or (required and required not in data):
        raise ApiRejectedError(
            QCoreApplication.translate(
                "PoiProvider", "The answer is not {service} JSON; check the base URL and the proxy settings."
            ).format(service=label),
            details=excerpt(response.body),
        )
    return data


def text_value(value: Any) -> str:
    """A text field of an answer; absent values (None, [] as Amap serves them, numbers) become "" or their text."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


class UnreadableLocationError(ValueError):
    """A POI whose location cannot be read; its message names the POI (id and name)."""


def location(value: Any, label: str) -> tuple[float, float]:
    """(lon, lat) from a ``{"lng": …, "lat": …}`` mapping or a "lon,lat" / "lon lat" text; `label` names the POI."""
    try:
        if isinstance(value, dict):
            return float(value["lng"]), float(value["lat"])
        lon_text, lat_text = re.split(r"[,\s]+", text_value(value).strip())
        return float(lon_text), float(lat_text)
    except (KeyError, TypeError, ValueError):
        raise UnreadableLocationError(label.strip()) from None


def record_reader(paths: dict[str, str]) -> Callable[[dict[str, Any]], PoiRecord]:
    """A reader of one POI of an answer into a record.

    `paths` names, per `PoiRecord` text field and "location", where the provider puts it: a key, or "outer.inner"
    for a key of a nested object.
    """

    def value(poi: dict[str, Any], path: str) -> Any:
        for key in path.split("."):
            poi = poi.get(key) if isinstance(poi, dict) else None
        return poi

    def read(poi: dict[str, Any]) -> PoiRecord:
        texts = {name: text_value(value(poi, path)) for name, path in paths.items() if name != "location"}
        lon, lat = location(value(poi, paths["location"]), f"{texts.get('source_id', '')} {texts.get('name', '')}")
        return PoiRecord(**{"typecode": "", **texts}, src_lon=lon, src_lat=lat)

    return read


def page_of(items: Any, read: Callable[[dict[str, Any]], PoiRecord], reported: Any = None) -> Page:
    """A page of the answer's `items`, each read into a record by `read`.

    A POI whose location cannot be read is named instead. `reported` is the provider's total; the number of
    records stands in when it is missing or unreadable.
    """
    records: list[PoiRecord] = []
    bad_locations: list[str] = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        try:
            records.append(read(item))
        except UnreadableLocationError as error:
            bad_locations.append(str(error))
    try:
        total = len(records) if reported is None else int(reported)
    except (TypeError, ValueError):
        total = len(records)
    return Page(records, total, bad_locations)


class PoiProvider(ABC):
    """One POI web service; see the module docstring for the contract."""

    name: ClassVar[str]
    coord_system: ClassVar[str]
    page_size: int
    result_cap: int

    @abstractmethod
    def request(self, key: str, cell: Cell, query: PoiQuery, page: int) -> tuple[str, dict[str, str]]:
        """URL and query parameters of page `page` (from 1) of `query` inside `cell`."""

    @abstractmethod
    def parse(self, response: HttpResponse) -> Page:
        """The page in `response`, or one of the `PoiApiError` subclasses."""


def fingerprint(provider: str, query: PoiQuery, area: QgsGeometry) -> str:
    """Identity of an import, so a state file is never resumed for a different search."""
    text = "\n".join((provider, query.keywords, query.types, area.asWkt(7)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def beijing_day(epoch_seconds: float) -> str:
    """The date in Beijing, when Chinese map services reset their daily quotas."""
    return datetime.datetime.fromtimestamp(epoch_seconds, BEIJING).date().isoformat()


@dataclass
class ImportState:
    """Progress of one import, saved as JSON after every page (never holds the key or a URL).

    `queue` is a stack of cells still to search, each with the next page to fetch; `records` the POIs collected
    so far by provider id; `requests_today` counts requests on Beijing date `day`; `quota_day` is the date the
    daily quota ran out (no request is sent again that day).
    """

    path: str
    fingerprint: str
    queue: list[dict[str, Any]] = field(default_factory=list)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    started: bool = False
    requests: int = 0
    day: str = ""
    requests_today: int = 0
    quota_day: str = ""
    truncated: list[str] = field(default_factory=list)
    cells_done: int = 0
    bad_locations: list[str] = field(default_factory=list)

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("ImportState", text)

    @classmethod
    def load(cls, path: str, fingerprint: str) -> ImportState:
        """The state saved at `path` for this import, or a fresh one if the file does not exist (or `path` is "")."""
        if not path or not Path(path).exists():
            return cls(path=path, fingerprint=fingerprint)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                raise ValueError(data.get("version"))
            state = cls(path=path, **{k: v for k, v in data.items() if k not in ("version", "complete")})
        except (OSError, ValueError, TypeError) as error:
            raise FifteenMinError(
                ImportState.tr("The resume file {path} cannot be read ({reason}); choose another file.").format(
                    path=path, reason=type(error).__name__
                )
            ) from None
        if state.fingerprint != fingerprint:
            raise FifteenMinError(
                ImportState.tr(
                    "The resume file {path} belongs to a different import (other provider, keywords, types or "
                    "area). Choose another file, or delete it to start this import afresh."
                ).format(path=path)
            )
        return state

    @property
    def complete(self) -> bool:
        """True once every cell has been searched."""
        return self.started and not self.queue

    def save(self) -> None:
        """Write atomically (a crash mid-write leaves the previous state intact); no-op without a path."""
        if not self.path:
            return
        data = {"version": STATE_VERSION, "complete": self.complete}
        data.update({k: v for k, v in asdict(self).items() if k != "path"})
        target = Path(self.path)
        temporary = target.with_name(target.name + ".tmp")
        try:
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, target)
        except OSError as error:
            raise FifteenMinError(
                ImportState.tr("The resume file {path} cannot be written: {reason}.").format(
                    path=self.path, reason=error.strerror or type(error).__name__
                )
            ) from None


@dataclass(frozen=True)
class RunResult:
    """Outcome of `PoiClient.run`: every record collected so far (this run and earlier ones) in WGS84."""

    records: list[PoiRecord]
    complete: bool
    #: why the run stopped early (translated), "" when complete
    message: str
    #: HTTP requests sent by this run, retries included
    requests: int
    #: cells still at the result cap at the smallest cell size: some POIs there may be missing
    truncated: int
    #: "id name" of the POIs left out because their location could not be read (this run and earlier ones)
    bad_locations: tuple[str, ...] = ()


class _StopRunError(Exception):
    """Internal: end the run early with a message, keeping the state."""


class TokenBucket:
    """Allows `rate` requests per second on average and bursts of up to `capacity`."""

    def __init__(self, rate: float, capacity: float, clock: Clock) -> None:
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.tokens = capacity
        self.stamp = clock.monotonic()

    def wait_time(self) -> float:
        """Seconds to wait before the next request may go (0 when a token is available); takes the token."""
        now = self.clock.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0.0 else -self.tokens / self.rate


def wait_unless_cancelled(clock: Clock, seconds: float, feedback: Optional[QgsFeedback]) -> bool:
    """Sleep `seconds` in quarter-second slices so a cancel is honoured at once; False when `feedback` cancels."""
    end = clock.monotonic() + seconds
    while not (feedback is not None and feedback.isCanceled()):
        remaining = end - clock.monotonic()
        if remaining <= 0:
            return True
        clock.sleep(min(remaining, 0.25))
    return False


class PoiClient:
    """Drives one provider over an area: quadtree cells, paging, limits, retries and checkpoints."""

    def __init__(
        self,
        provider: PoiProvider,
        transport: Transport,
        key: str,
        *,
        qps: float = 3.0,
        max_retries: int = 5,
        backoff_s: float = 2.0,
        min_cell_deg: float = 0.0005,
        daily_quota: int = 0,
        clock: Optional[Clock] = None,
    ) -> None:
        self.provider = provider
        self.transport = transport
        self._key = key
        self.qps = qps
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.min_cell_deg = min_cell_deg
        self.daily_quota = daily_quota
        self.clock = clock or SystemClock()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("PoiClient", text)

    def run(
        self,
        query: PoiQuery,
        area: QgsGeometry,
        state: ImportState,
        *,
        max_requests: int = 0,
        feedback: Optional[QgsFeedback] = None,
    ) -> RunResult:
        """Search `area` (a WGS84 polygon) and return every record collected so far.

        Stops early when `max_requests` (0: no limit) are sent, the quota runs out or `feedback` is cancelled.
        Raises `PoiApiError` for failures retries cannot cure; `state` is saved
        either way, so running again with it continues where this run stopped.
        """
        engine = QgsGeometry.createGeometryEngine(area.constGet())
        engine.prepareGeometry()
        if not state.started:
            box = area.boundingBox()
            root = Cell("r", box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            state.queue = [{"cell": asdict(root), "page": 1}]
            state.started = True
        bucket = TokenBucket(self.qps, max(1.0, self.qps), self.clock)
        counter = {"sent": 0}
        message = ""
        try:
            while state.queue:
                self._check_cancel(feedback)
                entry = state.queue[-1]
                cell = Cell(**entry["cell"])
                page = self._fetch(cell, query, entry["page"], state, bucket, counter, max_requests, feedback)
                self._absorb(page, engine, state)
                self._advance(cell, entry, page, area, state)
                state.save()
                if feedback is not None:
                    feedback.setProgress(100.0 * state.cells_done / (state.cells_done + len(state.queue)))
        except _StopRunError as stop:
            message = str(stop)
        finally:
            state.save()
        records = [PoiRecord(**data) for data in state.records.values()]
        return RunResult(
            records,
            state.complete,
            redact(message, self._key),
            counter["sent"],
            len(state.truncated),
            tuple(redact(text, self._key) for text in state.bad_locations),
        )

    def _check_cancel(self, feedback: Optional[QgsFeedback]) -> None:
        if feedback is not None and feedback.isCanceled():
            raise _StopRunError(self.tr("Cancelled; run again with the same resume file to continue."))

    def _wait(self, seconds: float, feedback: Optional[QgsFeedback]) -> None:
        """Sleep in short slices; a cancel ends the run within a quarter of a second."""
        if not wait_unless_cancelled(self.clock, seconds, feedback):
            self._check_cancel(feedback)

    def _fetch(
        self,
        cell: Cell,
        query: PoiQuery,
        page: int,
        state: ImportState,
        bucket: TokenBucket,
        counter: dict[str, int],
        max_requests: int,
        feedback: Optional[QgsFeedback],
    ) -> Page:
        """One page with rate limiting, quota accounting and retries of transient failures."""
        url, params = self.provider.request(self._key, cell, query, page)
        for attempt in range(self.max_retries + 1):
            today = beijing_day(self.clock.time())
            if state.day != today:
                state.day, state.requests_today = today, 0
            if state.quota_day == today:
                raise _StopRunError(
                    self.tr(
                        "The daily quota of this key is used up until midnight Beijing time; run again tomorrow "
                        "with the same resume file to continue."
                    )
                )
            if self.daily_quota and state.requests_today >= self.daily_quota:
                raise _StopRunError(
                    self.tr(
                        "{count} requests sent today, the daily quota set for this key; run again tomorrow with "
                        "the same resume file to continue."
                    ).format(count=state.requests_today)
                )
            if max_requests and counter["sent"] >= max_requests:
                raise _StopRunError(
                    self.tr(
                        "Stopped after {count} requests (the maximum for one run); run again with the same "
                        "resume file to continue."
                    ).format(count=counter["sent"])
                )
            self._wait(bucket.wait_time(), feedback)
            counter["sent"] += 1
            state.requests += 1
            state.requests_today += 1
            try:
                try:
                    return self.provider.parse(self.transport.get(url, params, feedback))
                except PoiApiError as error:
                    raise error.redacted(self._key) from None
            except QuotaExceededError as error:
                state.quota_day = today
                raise _StopRunError(error.message) from None
            except TransientApiError as error:
                self._check_cancel(feedback)
                if attempt == self.max_retries:
                    raise
                delay = self.backoff_s * 2**attempt
                if feedback is not None:
                    feedback.pushWarning(
                        self.tr("{reason} Retrying in {seconds:g} s.").format(reason=error.message, seconds=delay)
                    )
                self._wait(delay, feedback)
        raise AssertionError("unreachable")

    def _absorb(self, page: Page, engine: Any, state: ImportState) -> None:
        """Convert the page to WGS84 and keep new records inside the area; note those without a location."""
        for text in page.bad_locations:
            text = redact(text, self._key)  # the service's own words: they may echo the key
            if text not in state.bad_locations:
                state.bad_locations.append(text)
        if not page.records:
            return
        lon, lat = chinacoords.convert(
            np.array([r.src_lon for r in page.records], dtype=float),
            np.array([r.src_lat for r in page.records], dtype=float),
            self.provider.coord_system,
            chinacoords.WGS84,
        )
        for record, x, y in zip(page.records, lon.tolist(), lat.tolist()):
            if record.source_id in state.records:
                continue
            if not (math.isfinite(x) and math.isfinite(y)):
                text = redact(f"{record.source_id} {record.name}".strip(), self._key)
                if text not in state.bad_locations:
                    state.bad_locations.append(text)
                continue
            record = self._without_key(record)
            point = QgsGeometry.fromPointXY(QgsPointXY(x, y))  # kept alive while the engine reads it
            if engine.intersects(point.constGet()):
                state.records[record.source_id] = asdict(replace(record, lon=x, lat=y))

    def _without_key(self, record: PoiRecord) -> PoiRecord:
        """`record` with the key removed from its texts, should the service ever echo it in a POI."""
        texts = {name: value for name, value in asdict(record).items() if isinstance(value, str)}
        cleaned = {name: redact(value, self._key) for name, value in texts.items()}
        return replace(record, **cleaned) if cleaned != texts else record

    def _advance(self, cell: Cell, entry: dict[str, Any], page: Page, area: QgsGeometry, state: ImportState) -> None:
        """Next page, or split a cell at the cap into the quadrants that touch the area, or finish the cell."""
        size = self.provider.page_size
        capped = page.total >= self.provider.result_cap
        if entry["page"] == 1 and capped and cell.size / 2.0 >= self.min_cell_deg:
            state.queue.pop()
            state.cells_done += 1
            children = [child for child in cell.children() if child.geometry().intersects(area)]
            state.queue.extend({"cell": asdict(child), "page": 1} for child in reversed(children))
            return
        reachable = min(page.total, self.provider.result_cap)
        # a POI left out for its location still filled a place on the page: a full page has a next one
        if len(page.records) + len(page.bad_locations) >= size and entry["page"] * size < reachable:
            entry["page"] += 1
            return
        state.queue.pop()
        state.cells_done += 1
        if capped:
            state.truncated.append(cell.path)
