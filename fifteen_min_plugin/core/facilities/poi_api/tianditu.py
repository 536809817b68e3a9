"""Tianditu (天地图) place-name search v2.0, view search (视野内搜索) in a rectangle.

Documented at http://lbs.tianditu.gov.cn/server/search2.html (地名搜索V2.0: 1.2 视野内搜索服务, 2.1 返回信息码);
the key (``tk``, a 服务端 key) is applied for at https://console.tianditu.gov.cn.

Request ``GET /v2/search?postStr=<JSON>&type=query&tk=<key>``, the JSON holding ``keyWord`` (required),
``queryType`` 2 (view search; 12 is the search in an administrative division, not a rectangle),
``mapBound`` "minx,miny,maxx,maxy", ``level`` (1-18), ``start`` (0-300) and ``count`` (1-300), optionally
``dataTypes`` (class names or codes, ``,``-separated) and ``show`` 2 (details with the class).
Answer: ``resultType`` (1 POIs), ``count`` (results of the query), ``pois``: objects with ``hotPointID``,
``name``, ``lonlat`` ("lon,lat"), ``address``, ``province``, ``city``, ``county``, ``typeName`` (the class,
kept as `type` and matched by the ``tianditu_class`` rules), ``typeCode``; ``status`` {``infocode`` (1000
success), ``cndesc``}.
Coordinates are CGCS2000, which carries no offset: they are used as WGS84 (they agree to well under a metre).
Paging reaches start 300 at most, so a rectangle reporting 300 results is split. The documentation lists no
separate code for an exhausted daily quota or for too many requests; an answer whose description says a limit
was exceeded (超限/超过…限) is taken as the daily quota and one saying requests are too frequent (频繁/并发)
as a rate limit, and any other non-1000 code is a refusal.
"""

from __future__ import annotations

import json
import re
from typing import Any

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
    excerpt,
    json_answer,
    page_of,
    record_reader,
    text_value,
)

DEFAULT_BASE_URL = "https://api.tianditu.gov.cn"
PATH = "/v2/search"
SUCCESS = 1000
_QUOTA_TEXT = re.compile(r"超限|超过.{0,8}限|配额")
_RATE_TEXT = re.compile(r"频繁|并发")


#: where a Tianditu answer puts each field of a record (its own class code is not an Amap type code)
FIELDS = {
    "source_id": "hotPointID",
    "name": "name",
    "type": "typeName",
    "address": "address",
    "province": "province",
    "city": "city",
    "district": "county",
    "location": "lonlat",
}
READ_RECORD = record_reader(FIELDS)


class TiandituProvider(PoiProvider):
    """Tianditu v2 view search: CGCS2000 (= WGS84, no offset) in and out, pages of 100, 300 per query."""

    name = "tianditu"
    coord_system = chinacoords.WGS84

    def __init__(self, base_url: str = DEFAULT_BASE_URL, result_cap: int = 300) -> None:
        self.base_url = base_url.rstrip("/")
        self.page_size = 100
        self.result_cap = result_cap

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("TiandituProvider", text)

    def request(self, key: str, cell: Cell, query: PoiQuery, page: int) -> tuple[str, dict[str, str]]:
        """The view search for one page of one cell, its parameters as the ``postStr`` JSON."""
        classes = [part for part in query.types.replace("|", ",").split(",") if part]
        post: dict[str, Any] = {
            "keyWord": query.keywords or (classes[0] if classes else ""),
            "queryType": 2,
            "mapBound": f"{cell.xmin:.6f},{cell.ymin:.6f},{cell.xmax:.6f},{cell.ymax:.6f}",
            "level": 18,
            "start": (page - 1) * self.page_size,
            "count": self.page_size,
            "show": 2,
        }
        if classes:
            post["dataTypes"] = ",".join(classes)
        post_str = json.dumps(post, ensure_ascii=False, separators=(",", ":"))
        return self.base_url + PATH, {"postStr": post_str, "type": "query", "tk": key}

    def parse(self, response: HttpResponse) -> Page:
        """Records in CGCS2000/WGS84 and the reported count, or the error the answer stands for."""
        if response.status in (403, 429) or response.status >= 500:
            text = excerpt(response.body)
            if _QUOTA_TEXT.search(text):
                raise QuotaExceededError(
                    self.tr("Tianditu reports the daily quota of this key is used up (HTTP {status}).").format(
                        status=response.status
                    ),
                    details=text,
                )
        data = json_answer(response, self.tr("Tianditu"))
        status: Any = data.get("status") if isinstance(data.get("status"), dict) else {}
        try:
            infocode = int(status.get("infocode", SUCCESS))
        except (TypeError, ValueError):
            infocode = -1
        if infocode != SUCCESS:
            raise self._error(infocode, text_value(status.get("cndesc")))
        reported = data.get("count") if data.get("resultType", 1) == 1 else None
        return page_of(data.get("pois"), READ_RECORD, reported)

    def _error(self, infocode: int, description: str) -> Exception:
        """The exception for a failed status; `description` is Tianditu's own sentence (the client redacts it)."""
        if _QUOTA_TEXT.search(description):
            return QuotaExceededError(
                self.tr("Tianditu reports the daily quota of this key is used up ({message}, {code}).").format(
                    message=description, code=infocode
                )
            )
        if _RATE_TEXT.search(description):
            return TransientApiError(
                self.tr("Tianditu reports too many requests ({message}, {code}).").format(
                    message=description, code=infocode
                )
            )
        return ApiRejectedError(
            self.tr("Tianditu refused the request: {message} ({code}); check the key (tk) and its permissions.").format(
                message=description or "?", code=infocode
            )
        )
