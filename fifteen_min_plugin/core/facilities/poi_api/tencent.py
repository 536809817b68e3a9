"""Tencent (腾讯位置服务) WebService place search in a rectangle.

Documented at https://lbs.qq.com/service/webService/webServiceGuide/webServiceSearch (地点搜索, formerly
https://lbs.qq.com/webservice_v1/guide-search.html), status codes at
https://lbs.qq.com/service/webService/webServiceGuide/status and limits at
https://lbs.qq.com/webservice_v1/guide.html (使用限制: 1万次/日/Key, 5次/秒/Key by default).

Request ``GET /ws/place/v1/search``: ``key``; ``keyword`` (required); ``boundary=rectangle(lat,lng,lat,lng)``
south-west then north-east corner in GCJ-02; ``filter=category=便利店,超市`` (at most five categories);
``page_size`` (at most 20); ``page_index`` (from 1); ``output=json``.
Answer: ``status`` (0 success), ``message``, ``count`` (results of the query; the service lets paging reach at
most 200 of them, so a rectangle reporting 200 is split), ``data``: objects with ``id``, ``title``,
``address``, ``tel``, ``category`` (a path such as "购物:便利店"), ``type``, ``location`` {``lat``, ``lng``}
in GCJ-02, ``ad_info`` {``adcode``, ``province``, ``city``, ``district``}.
Status codes used here: 120 "此key每秒请求量已达到上限" (retried), 121 "此key每日调用量已达到上限" (quota),
110/112 request source or IP not authorised, 111 signature, 113/199 feature not enabled for the key,
190/311/301 invalid or missing key.
"""

from __future__ import annotations

from typing import ClassVar

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

DEFAULT_BASE_URL = "https://apis.map.qq.com"
PATH = "/ws/place/v1/search"
RATE_CODES = frozenset({120})
QUOTA_CODES = frozenset({121})
KEY_CODES = frozenset({190, 301, 311})
PERMISSION_CODES = frozenset({110, 111, 112, 113, 199})


#: where a Tencent answer puts each field of a record
FIELDS = {
    "source_id": "id",
    "name": "title",
    "type": "category",
    "address": "address",
    "province": "ad_info.province",
    "city": "ad_info.city",
    "district": "ad_info.district",
    "location": "location",
}
READ_RECORD = record_reader(FIELDS)


class TencentProvider(PoiProvider):
    """Tencent ``place/v1/search`` with ``boundary=rectangle``: GCJ-02 in and out, pages of 20, 200 per query."""

    name: ClassVar[str] = "tencent"
    coord_system: ClassVar[str] = chinacoords.GCJ02

    def __init__(self, base_url: str = DEFAULT_BASE_URL, result_cap: int = 200) -> None:
        self.base_url = base_url.rstrip("/")
        self.page_size = 20
        self.result_cap = result_cap

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("TencentProvider", text)

    def request(self, key: str, cell: Cell, query: PoiQuery, page: int) -> tuple[str, dict[str, str]]:
        """The rectangle search for one page of one cell (corners of the cell's GCJ-02 ring)."""
        ring = cell.ring(self.coord_system)
        lons, lats = [lon for lon, _ in ring], [lat for _, lat in ring]
        boundary = f"rectangle({min(lats):.6f},{min(lons):.6f},{max(lats):.6f},{max(lons):.6f})"
        categories = [part for part in query.types.split("|") if part]
        # the keyword is required: a category search sends its first category as the keyword too
        keyword = query.keywords or (categories[0] if categories else "")
        params = {"key": key, "keyword": keyword, "boundary": boundary}
        if categories:
            params["filter"] = "category=" + ",".join(categories[:5])
        params.update(page_size=str(self.page_size), page_index=str(page), output="json")
        return self.base_url + PATH, params

    def parse(self, response: HttpResponse) -> Page:
        """Records in GCJ-02 and the reported count, or the error the status code stands for."""
        data = json_answer(response, self.tr("Tencent"))
        try:
            status = int(data["status"])
        except (KeyError, TypeError, ValueError):
            raise ApiRejectedError(self.tr("The answer is not Tencent JSON: it has no status.")) from None
        if status != 0:
            raise self._error(status, text_value(data.get("message")))
        return page_of(data.get("data"), READ_RECORD, data.get("count"))

    def _error(self, status: int, message: str) -> Exception:
        """The exception for a failed status; `message` is Tencent's own sentence (the client redacts it)."""
        if status in QUOTA_CODES:
            return QuotaExceededError(
                self.tr("Tencent reports the daily quota of this key is used up ({message}, {code}).").format(
                    message=message, code=status
                )
            )
        if status in RATE_CODES:
            return TransientApiError(
                self.tr("Tencent reports too many requests per second ({message}, {code}).").format(
                    message=message, code=status
                )
            )
        if status in KEY_CODES:
            return ApiRejectedError(
                self.tr(
                    "Tencent does not accept the key ({code}): it is wrong or missing. Check the key in the "
                    "authentication configuration."
                ).format(code=status)
            )
        if status in PERMISSION_CODES:
            return ApiRejectedError(
                self.tr(
                    "This key may not use the Tencent place search from this computer ({message}, {code}); "
                    "enable WebService API for the key and check its IP whitelist or signature in the Tencent "
                    "console."
                ).format(message=message, code=status)
            )
        return ApiRejectedError(
            self.tr("Tencent refused the request: {message} ({code}).").format(message=message or "?", code=status)
        )
