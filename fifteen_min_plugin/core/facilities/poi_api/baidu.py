"""Baidu (百度地图) Place API v2 search in a rectangle.

Documented at https://lbsyun.baidu.com/index.php?title=webapi/guide/webservice-placeapi (地点检索, 矩形区域检索)
with status codes at https://lbsyun.baidu.com/index.php?title=webapi/appendix (服务状态码).

Request ``GET /place/v2/search``: ``ak``; ``query`` (required; a category such as 美食 may be the query);
``tag`` (category preference, ``,``-separated); ``bounds=lat,lng,lat,lng`` south-west then north-east corner;
``coord_type`` (of ``bounds``: 2 gcj02ll, 3 bd09ll); ``ret_coordtype=gcj02ll`` asks for GCJ-02 answers (BD-09
otherwise); ``scope=2`` (``detail_info`` with ``tag``); ``page_size`` (at most 20); ``page_num`` (from 0);
``output=json``.
Answer: ``status`` (0 success), ``message``, ``total`` (results of the query; the service pages through at most
a capped number of them: example answers show 400, the current page says at most 150 per request, so the
default cap here is 150 and a rectangle reporting it is split), ``results``: objects with ``uid``, ``name``,
``location`` {``lat``, ``lng``}, ``address``, ``province``, ``city``, ``area``, ``detail_info`` {``tag``
such as "购物;便利店", ``type``}.
Status codes used here: 1 server error, 401/402 concurrency over the agreed quota (retried); 4 quota check
failed, 302 daily quota exceeded and other 3xx quota codes (stop until tomorrow); 301 permanent quota
exceeded; 2 invalid parameters; 3/5/101 bad or missing ak; 102 and 2xx not whitelisted or no permission.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ApiRejectedError,
    Cell,
    HttpResponse,
    Page,
    PoiProvider,
    PoiQuery,
    QuotaExceededError,
    TransientApiError,
    json_answer,
    page_of,
    record_reader,
    text_value,
)

DEFAULT_BASE_URL = "https://api.map.baidu.com"
PATH = "/place/v2/search"
TRANSIENT_CODES = frozenset({1, 401, 402})
KEY_CODES = frozenset({3, 5, 101})
#: Baidu's coord_type numbers and ret_coordtype names per coordinate system
_COORD_TYPE = {chinacoords.BD09: ("3", "bd09ll"), chinacoords.GCJ02: ("2", "gcj02ll")}


#: where a Baidu answer puts each field of a record
FIELDS = {
    "source_id": "uid",
    "name": "name",
    "type": "detail_info.tag",
    "address": "address",
    "province": "province",
    "city": "city",
    "district": "area",
    "location": "location",
}
READ_RECORD = record_reader(FIELDS)


class BaiduProvider(PoiProvider):
    """Baidu ``place/v2/search`` with ``bounds``: BD-09 (or GCJ-02 when asked) in and out, pages of 20."""

    name = "baidu"
    coord_system = chinacoords.BD09

    def __init__(
        self, base_url: str = DEFAULT_BASE_URL, result_cap: int = 150, coord_system: str = chinacoords.BD09
    ) -> None:
        if coord_system not in _COORD_TYPE:
            raise ValueError(coord_system)
        self.base_url = base_url.rstrip("/")
        self.page_size = 20
        self.result_cap = result_cap
        self.coord_system = coord_system

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("BaiduProvider", text)

    def request(self, key: str, cell: Cell, query: PoiQuery, page: int) -> tuple[str, dict[str, str]]:
        """The bounds search for one page (``page_num`` = page - 1) of one cell."""
        ring = cell.ring(self.coord_system)
        lons, lats = [lon for lon, _ in ring], [lat for _, lat in ring]
        tags = [part for part in query.types.replace("|", ",").split(",") if part]
        coord_type, ret_coordtype = _COORD_TYPE[self.coord_system]
        params = {
            "ak": key,
            "query": query.keywords or (tags[0] if tags else ""),
            "bounds": f"{min(lats):.6f},{min(lons):.6f},{max(lats):.6f},{max(lons):.6f}",
            "coord_type": coord_type,
            "ret_coordtype": ret_coordtype,
        }
        if tags:
            params["tag"] = ",".join(tags)
        params.update(scope="2", page_size=str(self.page_size), page_num=str(page - 1), output="json")
        return self.base_url + PATH, params

    def parse(self, response: HttpResponse) -> Page:
        """Records in this provider's system and the reported total, or the error the status stands for."""
        data = json_answer(response, self.tr("Baidu"))
        try:
            status = int(data["status"])
        except (KeyError, TypeError, ValueError):
            raise ApiRejectedError(self.tr("The answer is not Baidu JSON: it has no status.")) from None
        if status != 0:
            raise self._error(status, text_value(data.get("message")))
        return page_of(data.get("results"), READ_RECORD, data.get("total"))

    def _error(self, status: int, message: str) -> Exception:
        """The exception for a failed status; `message` is Baidu's own sentence (the client redacts it)."""
        if status in TRANSIENT_CODES:
            return TransientApiError(
                self.tr("Baidu reports too many concurrent requests or a server error ({message}, {code}).").format(
                    message=message, code=status
                )
            )
        if status == 4 or (300 <= status < 400 and status != 301):
            return QuotaExceededError(
                self.tr("Baidu reports the daily quota of this ak is used up ({message}, {code}).").format(
                    message=message, code=status
                )
            )
        if status in KEY_CODES:
            return ApiRejectedError(
                self.tr(
                    "Baidu does not accept the ak ({code}): it is wrong or missing. Check the key in the "
                    "authentication configuration."
                ).format(code=status)
            )
        if status == 102 or 200 <= status < 300:
            return ApiRejectedError(
                self.tr(
                    "This ak may not use the Baidu Place API from this computer ({message}, {code}); create a "
                    "server-side (服务端) ak and check its IP whitelist in the Baidu console."
                ).format(message=message, code=status)
            )
        return ApiRejectedError(
            self.tr("Baidu refused the request: {message} ({code}).").format(message=message or "?", code=status)
        )
