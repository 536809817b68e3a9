"""POIs from a Chinese map web service to classified WGS84 rows: the orchestration of fifteenmin:importpoiapi.

The service clients (paging, quadtree cells, retries, resume state) are core/facilities/poi_api; here the key
is read from QGIS's authentication database, the run is made, and its records become output rows.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Optional, Union

from qgis.core import QgsFeedback, QgsGeometry, QgsPointXY, QgsProcessingFeedback

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
#: the system the services serve and the conversion every POI gets
SOURCE_SYSTEM = "GCJ-02"
CONVERSION = conversion_label(1, 0)


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


def poi_rows(result: RunResult, source: str) -> tuple[list[QgsGeometry], list[list]]:
    """The point and the OUTPUT_FIELDS values of every record, by source id, each classified."""
    classifier = Classifier.default()
    geometries, rows = [], []
    for record in sorted(result.records, key=lambda r: r.source_id):
        code, matched = classifier.classify({"typecode": record.typecode, "name": record.name})
        category = classifier.categories.get(code) if code else None
        geometries.append(QgsGeometry.fromPointXY(QgsPointXY(record.lon, record.lat)))
        rows.append(
            [
                source,
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
                SOURCE_SYSTEM,
                CONVERSION,
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
