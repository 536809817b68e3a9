"""Amap (高德) geocoding of needs rows that have an address but no coordinates.

Documented at https://lbs.amap.com/api/webservice/guide/api/georegeo (地理编码, ``GET /v3/geocode/geo``), status
codes at https://lbs.amap.com/api/webservice/guide/tools/info.

Request: ``key``, ``address`` (structured text, e.g. 北京市海淀区学院路35号), optional ``city`` (a city name or
adcode that narrows the search), ``output=JSON``. Answer: ``status`` ("1" success), ``info``, ``infocode``,
``count`` and ``geocodes``: objects with ``formatted_address``, ``level`` and ``location`` ("lng,lat" in GCJ-02).

The key is read from the QGIS Authentication Manager and travels only in the request (the transport and the
messages never carry the URL). Requests are paced by the POI client's token bucket; "too many requests" and
HTTP 5xx answers are retried with exponential backoff; when Amap reports the daily quota used up, or the
request limit of the run is reached, geocoding stops for the rest of the import and the remaining rows are
matched by community name as without geocoding. The point is converted from GCJ-02 to WGS84 with the exact
inverse, as the POI import does.
"""

from __future__ import annotations

import math
from typing import Optional

import numpy as np
from qgis.core import QgsFeedback, QgsPointXY

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.poi_api.amap import DEFAULT_BASE_URL, QUOTA_CODES, amap_data, amap_error
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ApiRejectedError,
    Clock,
    HttpResponse,
    PoiApiError,
    QuotaExceededError,
    SystemClock,
    TokenBucket,
    TransientApiError,
    Transport,
    location,
    redact,
    wait_unless_cancelled,
)
from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.language import Messages

PATH = "/v3/geocode/geo"
#: the provider name under which the geocoding key is remembered (the Amap POI key serves both)
PROVIDER = "amap"


class GeocodeMessages(Messages):
    """Translation context of the geocoding sentences."""


class AmapGeocoder:
    """Geocodes addresses one request each (the same address only once per import), GCJ-02 in, WGS84 out.

    `stopped` holds the sentence saying why geocoding stopped early ("" while it runs); `requests` counts the
    requests sent, retries included; `found` and `not_found` the addresses with and without a result.
    """

    def __init__(
        self,
        key: str,
        transport: Optional[Transport] = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        city: str = "",
        qps: float = 3.0,
        max_requests: int = 0,
        max_retries: int = 5,
        backoff_s: float = 2.0,
        clock: Optional[Clock] = None,
    ) -> None:
        self._key = key
        self.transport = transport or QgisTransport()
        self.url = (base_url or DEFAULT_BASE_URL).rstrip("/") + PATH
        self.city = city.strip()
        self.max_requests = max_requests
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.clock = clock or SystemClock()
        self._bucket = TokenBucket(qps, max(1.0, qps), self.clock)
        self._cache: dict[str, Optional[QgsPointXY]] = {}
        self.requests = 0
        self.found = 0
        self.not_found = 0
        self.stopped = ""

    def locate(self, address: str, feedback: Optional[QgsFeedback] = None) -> Optional[QgsPointXY]:
        """The WGS84 point of `address`, None when Amap finds none or geocoding has stopped.

        Raises a FifteenMinError (without the key) when Amap refuses the key or the request for good.
        """
        address = address.strip()
        if not address or self.stopped:
            return None
        if address in self._cache:
            return self._cache[address]
        try:
            point = self._fetch(address, feedback)
        except QuotaExceededError as error:
            self.stopped = error.message
            return None
        except PoiApiError as error:
            raise error.redacted(self._key) from None
        self._cache[address] = point
        if point is None:
            self.not_found += 1
        else:
            self.found += 1
        return point

    def summary(self) -> list[str]:
        """The sentences telling what geocoding did (never the key)."""
        lines = [
            GeocodeMessages.tr(
                "Geocoding: {found} addresses found by Amap, {missing} not found, {requests} requests."
            ).format(found=self.found, missing=self.not_found, requests=self.requests)
        ]
        if self.stopped:
            lines.append(self.stopped)
        return [redact(line, self._key) for line in lines]

    def _fetch(self, address: str, feedback: Optional[QgsFeedback]) -> Optional[QgsPointXY]:
        params = {"key": self._key, "address": address, "output": "JSON"}
        if self.city:
            params["city"] = self.city
        for attempt in range(self.max_retries + 1):
            if self.max_requests and self.requests >= self.max_requests:
                raise QuotaExceededError(
                    GeocodeMessages.tr(
                        "{count} geocoding requests sent, the maximum set for this import; the remaining rows "
                        "are matched by community name."
                    ).format(count=self.requests)
                )
            self._wait(self._bucket.wait_time(), feedback)
            self.requests += 1
            try:
                try:
                    return parse_geocode(self.transport.get(self.url, params, feedback))
                except PoiApiError as error:
                    raise error.redacted(self._key) from None
            except TransientApiError as error:
                if feedback is not None and feedback.isCanceled():
                    return None
                if attempt == self.max_retries:
                    raise
                delay = self.backoff_s * 2**attempt
                if feedback is not None:
                    feedback.pushWarning(
                        GeocodeMessages.tr("{reason} Retrying in {seconds:g} s.").format(
                            reason=error.message, seconds=delay
                        )
                    )
                self._wait(delay, feedback)
        raise AssertionError("unreachable")

    def _wait(self, seconds: float, feedback: Optional[QgsFeedback]) -> None:
        wait_unless_cancelled(self.clock, seconds, feedback)


def parse_geocode(response: HttpResponse) -> Optional[QgsPointXY]:
    """The first result of an Amap geocoding answer in WGS84, None when there is none; PoiApiError on failure."""
    data = amap_data(response, GeocodeMessages.tr("Amap geocoding"), _error)
    for result in data.get("geocodes") or []:
        try:
            lon, lat = location(result.get("location") if isinstance(result, dict) else None, "")
        except ValueError:
            continue
        x, y = chinacoords.convert(np.array([lon]), np.array([lat]), chinacoords.GCJ02, chinacoords.WGS84)
        if math.isfinite(float(x[0])) and math.isfinite(float(y[0])):
            return QgsPointXY(float(x[0]), float(y[0]))
    return None


def _error(infocode: str, info: str) -> PoiApiError:
    """The exception a failed geocoding status stands for; `info` is Amap's code name (never the key)."""
    if infocode in QUOTA_CODES:
        return QuotaExceededError(
            GeocodeMessages.tr(
                "Amap reports the daily quota of this key is used up ({info}, {code}); the remaining rows are "
                "matched by community name."
            ).format(info=info, code=infocode)
        )
    common = amap_error(infocode, info)
    if common is not None:
        return common
    return ApiRejectedError(
        GeocodeMessages.tr(
            "Amap refused the geocoding request: {info} ({code}). The key must be of type “Web服务” with "
            "geocoding allowed."
        ).format(info=info or "?", code=infocode or "?")
    )


def make_geocoder(authcfg: str, base_url: str = "", city: str = "", qps: float = 3.0) -> AmapGeocoder:
    """A geocoder with the Amap key of authentication configuration `authcfg` (a sentence when it cannot be read)."""
    if not authcfg:
        raise FifteenMinError(
            GeocodeMessages.tr(
                "Geocoding needs the Amap key: choose the authentication configuration that holds it, or leave "
                "the address field empty to match rows by community name."
            )
        )
    key = ApiKeys.read(authcfg)
    return AmapGeocoder(key, base_url=base_url, city=city, qps=qps)
