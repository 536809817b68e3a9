"""POIs from a Chinese map web service to classified WGS84 rows: the orchestration of fifteenmin:importpoiapi.

The service clients (paging, quadtree cells, retries, resume state) are core/facilities/poi_api; here the key
is read from QGIS's authentication database, the run is made, and its records become output rows.
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from typing import Optional, Union

from qgis.core import QgsFeedback, QgsGeometry, QgsPointXY, QgsProcessingFeedback

from fifteen_min_plugin.core.facilities import chinacoords
from fifteen_min_plugin.core.facilities.chinacoords import conversion_label
from fifteen_min_plugin.core.facilities.classify import CATEGORY_FIELDS, Classifier
from fifteen_min_plugin.core.facilities.poi_api.base import (
    ImportState,
    PoiApiError,
    PoiClient,
    PoiProvider,
    PoiQuery,
    RunResult,
    fingerprint,
    redact,
)
from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.facilities.poi_api.providers import classification_record
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages

TEXT_FIELDS = ("source", "source_id", "name", "type", "typecode", "address", "province", "city", "district")
#: the (name, kind) fields of every POI row
OUTPUT_FIELDS = (
    *((name, "text") for name in TEXT_FIELDS),
    ("src_lon", "double"),
    ("src_lat", "double"),
    *((name, "text") for name in ("coord_src", "coord_conv", *CATEGORY_FIELDS)),
)
#: the system Amap and Tencent serve and the conversion their POIs get
SOURCE_SYSTEM = "GCJ-02"
CONVERSION = conversion_label(1, 0)
#: what Tianditu serves: CGCS2000, used as WGS84 without any offset
CGCS2000 = "CGCS2000"
NO_OFFSET = "CGCS2000→WGS84 (no offset)"


def source_system(provider: PoiProvider) -> tuple[str, str]:
    """The `coord_src` and `coord_conv` values of the POIs `provider` serves (Baidu's system is per instance)."""
    if provider.coord_system == chinacoords.WGS84:
        return CGCS2000, NO_OFFSET
    index = chinacoords.SYSTEMS.index(provider.coord_system)
    return chinacoords.SYSTEM_LABELS[index], conversion_label(index, 0)


class PoiImportMessages(Messages):
    """Translation context of this module's messages."""


def fetch_pois(
    provider: PoiProvider,
    query: PoiQuery,
    area: QgsGeometry,
    authcfg: str,
    state_path: Optional[Union[str, os.PathLike]],
    qps: float,
    max_requests: int,
    feedback: Optional[QgsFeedback] = None,
) -> RunResult:
    """Search `area` with the key of configuration `authcfg`; the result's message never holds the key.

    PoiApiError (without the key) when a request fails, FifteenMinError when the key cannot be read. The
    configuration is remembered for the provider once a run succeeds.
    """
    key = ""
    try:
        key = ApiKeys.read(authcfg)
        state = ImportState.load(state_path, fingerprint(provider.name, query, area))
        client = PoiClient(provider, QgisTransport(), key, qps=qps)
        result = client.run(query, area, state, max_requests=max_requests, feedback=feedback)
    except PoiApiError as error:
        raise error.redacted(key) from None  # the client removed it already; a second pass costs nothing
    ApiKeys.remember(provider.name, authcfg)
    return replace(result, message=redact(result.message, key))


def poi_rows(result: RunResult, provider: PoiProvider) -> tuple[list[QgsGeometry], list[list]]:
    """The point and the OUTPUT_FIELDS values of every record, by source id, each classified by its provider's class.

    `source` is the provider's name; `coord_src`/`coord_conv` record the system it served and the conversion.
    """
    classifier = Classifier.default()
    coord_src, coord_conv = source_system(provider)
    geometries, rows = [], []
    for record in sorted(result.records, key=lambda r: r.source_id):
        code, matched = classifier.classify(classification_record(provider.name, record))
        category = classifier.categories.get(code) if code else None
        geometries.append(QgsGeometry.fromPointXY(QgsPointXY(record.lon, record.lat)))
        rows.append(
            [
                provider.name,
                record.source_id,
                record.name,
                record.type,
                record.typecode,
                record.address,
                record.province,
                record.city,
                record.district,
                record.src_lon,
                record.src_lat,
                coord_src,
                coord_conv,
                code or "",
                category.category_class if category else "",
                category.name_zh if category else "",
                matched,
            ]
        )
    return geometries, rows


def report_run(result: RunResult, feedback: QgsProcessingFeedback) -> None:
    """Log what the run fetched, and warn about capped cells, unreadable locations and an unfinished run."""
    feedback.pushInfo(
        PoiImportMessages.tr("{count} POIs, {requests} requests in this run.").format(
            count=len(result.records), requests=result.requests
        )
    )
    if result.truncated:
        feedback.pushWarning(
            PoiImportMessages.tr(
                "{cells} cells still reach the service's result cap at the smallest cell size; a few POIs "
                "there may be missing. Narrow the keywords or types."
            ).format(cells=result.truncated)
        )
    if result.bad_locations:
        feedback.pushWarning(
            PoiImportMessages.tr("{count} POIs skipped because their location cannot be read: {pois}.").format(
                count=len(result.bad_locations), pois=named_ids(list(result.bad_locations))
            )
        )
    if not result.complete:
        feedback.pushWarning(result.message)


#: the POI density the request estimate assumes, per km² and per keyword or type (a rough urban figure)
ASSUMED_DENSITY_PER_KM2 = 30.0


def estimate_requests(
    provider: PoiProvider, area_km2: float, terms: int, density: float = ASSUMED_DENSITY_PER_KM2
) -> int:
    """A rough count of the requests a search of `area_km2` for `terms` keywords/types takes with `provider`.

    Assumes `density` POIs per km² per term, spread evenly: the bounding cell is split in four (one request per
    split cell) until each cell holds fewer than the provider's result cap, and each of those is paged through.
    """
    expected = max(0.0, area_km2) * density * max(1, terms)
    depth = 0
    while expected / 4**depth >= provider.result_cap:
        depth += 1
    leaves = 4**depth
    splits = (leaves - 1) // 3
    pages = max(1, math.ceil(expected / leaves / provider.page_size))
    return splits + leaves * pages
