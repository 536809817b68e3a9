"""Amap (高德) Web Service v3 place search by polygon.

Documented at https://lbs.amap.com/api/webservice/guide/api/search (多边形搜索, ``GET /v3/place/polygon``)
with the status codes at https://lbs.amap.com/api/webservice/guide/tools/info (错误码说明).

Request: ``key``; ``polygon`` as ``lng,lat`` pairs in GCJ-02 separated by ``|``, first pair repeated last;
``keywords`` and/or ``types`` (6-digit type codes), each ``|``-separated; ``offset`` (page size, at most 25
is advised); ``page`` (from 1); ``extensions`` (``base``/``all``); ``output=JSON``.
Answer: ``status`` ("1" success, "0" failure), ``info`` (a code name such as ``OK`` or
``DAILY_QUERY_OVER_LIMIT``), ``infocode`` ("10000" success), ``count`` (results of the query, as a string),
``pois``: objects with ``id``, ``name``, ``type``, ``typecode``, ``address``, ``location`` ("lng,lat" GCJ-02),
``pname``, ``cityname``, ``adname``; a missing text value is served as an empty list ``[]``.
The count the service reports, and so what paging can reach, is capped; a cell reporting the cap is split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Optional

from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ApiRejectedError,
    Cell,
    HttpResponse,
    Page,
    PoiApiError,
    PoiProvider,
    PoiQuery,
    QuotaExceededError,
    TransientApiError,
    json_answer,
    page_of,
    record_reader,
    text_value,
)

DEFAULT_BASE_URL = "https://restapi.amap.com"
PATH = "/v3/place/polygon"
#: daily quota exhausted (per key, per IP, abroad, per user)
QUOTA_CODES = frozenset({"10003", "10010", "10029", "10044", "10045"})
#: too many requests per second/minute, gateway timeout, server busy, resource unavailable
TRANSIENT_CODES = frozenset({"10004", "10014", "10015", "10016", "10017", "10019", "10020", "10021"})


def amap_data(response: HttpResponse, label: str, error: Callable[[str, str], PoiApiError]) -> dict[str, Any]:
    """The JSON of a successful Amap answer (`label` names the service in the sentences).

    HTTP 429/5xx are transient, other failures refused (see json_answer); a failed `status` raises what
    `error(infocode, info)` makes of it (Amap's code name, never the key).
    """
    data = json_answer(response, label, required="status")
    if str(data["status"]) != "1":
        raise error(str(data.get("infocode", "")), text_value(data.get("info")))
    return data


#: where an Amap answer puts each field of a record
FIELDS = {
    "source_id": "id",
    "name": "name",
    "type": "type",
    "typecode": "typecode",
    "address": "address",
    "province": "pname",
    "city": "cityname",
    "district": "adname",
    "location": "location",
}
READ_RECORD = record_reader(FIELDS)


class AmapProvider(PoiProvider):
    """Amap v3 ``place/polygon``: GCJ-02 in and out, pages of 25, at most `result_cap` results per query."""

    name: ClassVar[str] = "amap"
    coord_system: ClassVar[str] = chinacoords.GCJ02

    def __init__(self, base_url: str = DEFAULT_BASE_URL, result_cap: int = 900) -> None:
        self.base_url = base_url.rstrip("/")
        self.page_size = 25
        self.result_cap = result_cap

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("AmapProvider", text)

    def request(self, key: str, cell: Cell, query: PoiQuery, page: int) -> tuple[str, dict[str, str]]:
        """The polygon search for one page of one cell."""
        polygon = "|".join(f"{lon:.6f},{lat:.6f}" for lon, lat in cell.ring(self.coord_system))
        params = {"key": key, "polygon": polygon}
        if query.keywords:
            params["keywords"] = query.keywords
        if query.types:
            params["types"] = query.types
        params.update(offset=str(self.page_size), page=str(page), extensions="all", output="JSON")
        return self.base_url + PATH, params

    def parse(self, response: HttpResponse) -> Page:
        """Records in GCJ-02 and the reported count, or the error the status code stands for."""
        data = amap_data(response, self.tr("Amap"), self._error)
        return page_of(data.get("pois"), READ_RECORD, data.get("count"))

    def _error(self, infocode: str, info: str) -> PoiApiError:
        """The exception for a failed status; `info` is Amap's code name (never the key)."""
        common = amap_error(infocode, info)
        if common is not None:
            return common
        if infocode in ("10002", "10009"):
            return ApiRejectedError(
                self.tr(
                    "This key may not use the Amap place search ({info}); create a key of type “Web服务” in the "
                    "Amap console."
                ).format(info=info)
            )
        return ApiRejectedError(
            self.tr("Amap refused the request: {info} ({code}).").format(info=info or "?", code=infocode or "?")
        )


def amap_error(infocode: str, info: str) -> Optional[PoiApiError]:
    """The exception a failed status stands for in every Amap service (quota, busy, key, IP); None for others."""
    if infocode in QUOTA_CODES:
        return QuotaExceededError(
            AmapProvider.tr("Amap reports the daily quota of this key is used up ({info}, {code}).").format(
                info=info, code=infocode
            )
        )
    if infocode in TRANSIENT_CODES:
        return TransientApiError(
            AmapProvider.tr("Amap reports too many requests or a busy server ({info}, {code}).").format(
                info=info, code=infocode
            )
        )
    if infocode == "10001":
        return ApiRejectedError(
            AmapProvider.tr(
                "Amap does not accept the key (INVALID_USER_KEY): it is wrong or expired. Check the key in "
                "the authentication configuration."
            )
        )
    if infocode == "10005":
        return ApiRejectedError(
            AmapProvider.tr(
                "Amap refuses requests from this computer's IP address (INVALID_USER_IP); add it to the "
                "key's IP whitelist in the Amap console."
            )
        )
    return None
