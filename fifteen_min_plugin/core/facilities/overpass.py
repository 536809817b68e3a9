"""A small Overpass API client: timeout, retries with backoff, QGIS proxy settings and an on-disk cache."""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from qgis.core import QgsSettings

from fifteen_min_plugin.__about__ import __version__
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

DEFAULT_URL = "https://overpass-api.de/api/interpreter"
#: answers worth retrying: rate limited, server errors and gateway timeouts
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_PROXY_SCHEMES = {"HttpProxy": "http", "HttpCachingProxy": "http", "Socks5Proxy": "socks5h"}


def qgis_proxies(url: str, settings: Optional[QgsSettings] = None) -> Optional[dict[str, str]]:
    """The `proxies=` mapping for requests from QGIS' proxy options (Settings ▸ Options ▸ Network).

    None when no proxy is enabled, the type is the system default (requests then reads the environment),
    or `url` starts with one of the excluded URLs.
    """
    store = settings or QgsSettings()
    enabled = str(store.value("proxy/proxyEnabled", False)).lower() in ("true", "1")
    scheme = _PROXY_SCHEMES.get(str(store.value("proxy/proxyType", "")))
    host = str(store.value("proxy/proxyHost", "") or "")
    if not enabled or scheme is None or not host:
        return None
    excluded = str(store.value("proxy/proxyExcludedUrls", "") or "")
    if any(prefix and url.startswith(prefix) for prefix in excluded.split("|")):
        return None
    port = str(store.value("proxy/proxyPort", "") or "")
    user = str(store.value("proxy/proxyUser", "") or "")
    password = str(store.value("proxy/proxyPassword", "") or "")
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    address = f"{scheme}://{credentials}{host}{':' + port if port else ''}"
    return {"http": address, "https": address}


def retry_after_seconds(value: Optional[str]) -> Optional[float]:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), None if absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class OverpassClient(Messages):
    """Runs Overpass QL queries, answering repeated queries from `cache_dir` without any HTTP request."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        cache_dir: Optional[Path | str] = None,
        timeout_s: float = 180.0,
        retries: int = 3,
        backoff_s: float = 2.0,
        max_wait_s: float = 120.0,
        proxies: Optional[dict[str, str]] = None,
        is_canceled: Optional[Callable[[], bool]] = None,
    ) -> None:
        self.url = url
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_wait_s = max_wait_s
        self.proxies = proxies
        self.is_canceled = is_canceled or (lambda: False)
        #: HTTP requests sent so far (0 when every answer came from the cache)
        self.requests_sent = 0

    def cache_path(self, query: str) -> Optional[Path]:
        """Where the answer to `query` at this URL is cached (None without a cache directory)."""
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(f"{self.url}\n{query}".encode()).hexdigest()
        return self.cache_dir / f"overpass_{digest}.json"

    def fetch(self, query: str) -> dict[str, Any]:
        """The Overpass JSON answer to `query`, from the cache when present; raises FifteenMinError."""
        cached = self.cache_path(query)
        if cached is not None and cached.is_file():
            try:
                return json.loads(cached.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                cached.unlink(missing_ok=True)
        data = self._download(query)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".part")
            partial.write_text(json.dumps(data), encoding="utf-8")
            os.replace(partial, cached)
        return data

    def _download(self, query: str) -> dict[str, Any]:
        import requests

        headers = {"User-Agent": f"fifteen_min_plugin/{__version__} (QGIS plugin)"}
        failure = ""
        for attempt in range(self.retries + 1):
            if self.is_canceled():
                raise FifteenMinError(self.tr("The Overpass download was cancelled."))
            wait: Optional[float] = None
            self.requests_sent += 1
            try:
                response = requests.post(
                    self.url, data={"data": query}, headers=headers, timeout=self.timeout_s, proxies=self.proxies
                )
            except requests.exceptions.Timeout:
                failure = self.tr("it did not answer within {seconds:g} seconds").format(seconds=self.timeout_s)
            except requests.exceptions.ConnectionError as error:
                raise FifteenMinError(
                    self.tr(
                        "Could not reach the Overpass API at {url}: this computer seems to be offline, or a proxy "
                        "or firewall blocks the connection. Check the network and the proxy in Settings ▸ Options "
                        "▸ Network, or import a downloaded .osm or .pbf file instead."
                    ).format(url=self.url),
                    details=str(error),
                ) from error
            else:
                if response.status_code == 200:
                    return self._parse(response)
                if response.status_code not in RETRY_STATUS:
                    raise FifteenMinError(
                        self.tr("The Overpass API at {url} refused the query (HTTP {status}).").format(
                            url=self.url, status=response.status_code
                        ),
                        details=response.text[:2000],
                    )
                failure = self.tr("it answered HTTP {status} (busy or failing)").format(status=response.status_code)
                wait = retry_after_seconds(response.headers.get("Retry-After"))
            if attempt < self.retries:
                self._sleep(min(self.backoff_s * 2**attempt if wait is None else wait, self.max_wait_s))
        raise FifteenMinError(
            self.tr(
                "The Overpass API at {url} failed after {attempts} attempts: {reason}. Try again later, choose a "
                "smaller extent, or import a downloaded .osm or .pbf file."
            ).format(url=self.url, attempts=self.retries + 1, reason=failure)
        )

    def _parse(self, response: Any) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
            raise FifteenMinError(
                self.tr("The Overpass API at {url} did not answer with Overpass JSON.").format(url=self.url),
                details=response.text[:2000],
            )
        remark = str(data.get("remark") or "")
        if "error" in remark.lower():
            raise FifteenMinError(
                self.tr("The Overpass API could not finish the query ({remark}). Choose a smaller extent.").format(
                    remark=remark.strip()
                )
            )
        return data

    def _sleep(self, seconds: float) -> None:
        """Wait, waking up early when the user cancels."""
        deadline = time.monotonic() + seconds
        while not self.is_canceled():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.1))
