"""The Amap key never leaves the plugin, even when the service echoes it back.

A loopback server answers every request by echoing the key it received: in Amap's `info` text (with the
request URL), in an HTML error page and in the Location of a redirect. The key must appear in no exception
message or details, no feedback text, no QGIS message-log line, no resume file and no output.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from fifteen_min_plugin.core.facilities.poi_api.base import PoiApiError, PoiQuery, redact
from tests.qgis.loopback import Reply, loopback_server
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_poi_api import (  # noqa: F401
    BOX,
    KEY,
    FakeClock,
    area,
    auth_key,
    make_client,
    message_log,
    new_state,
)

#: how the server answers; each echoes the key it was sent
ECHOES = {
    # Amap's failure JSON with the key and the URL in `info`, for a code the client does not know
    "info": lambda key, url: (
        200,
        "application/json",
        f'{{"status":"0","info":"INVALID_PARAMS key={key} url={url}","infocode":"20000"}}',
        {},
    ),
    # the quota code: the run stops with a message (not an exception) that quotes `info`
    "quota": lambda key, url: (
        200,
        "application/json",
        f'{{"status":"0","info":"DAILY_QUERY_OVER_LIMIT for {key}","infocode":"10003"}}',
        {},
    ),
    # a proxy's HTML error page that prints the URL it was asked for
    "html": lambda key, url: (
        403,
        "text/html",
        f"<html><body><h1>403 Forbidden</h1><p>Request {url} denied for key {key}</p></body></html>",
        {},
    ),
    # HTML served with HTTP 200 (a captive portal), the key in the page
    "html200": lambda key, url: (200, "text/html", f"<html><body>Login first: {url}</body></html>", {}),
    # a page whose only POI has no location and the key in its name (the import names such POIs)
    "poi": lambda key, url: (
        200,
        "application/json",
        f'{{"status":"1","count":"1","info":"OK","infocode":"10000","pois":[{{"id":"B0X","name":"{key}",'
        f'"location":[]}}]}}',
        {},
    ),
    # a redirect whose Location repeats the query string
    "redirect": lambda key, url: (302, "text/html", "", {"Location": f"http://127.0.0.1:9/moved?key={key}&x=1"}),
}


@pytest.fixture()
def echo_server(qgis_app):

    def respond(server, _path: str, query: dict[str, str], target: str) -> Reply:
        server.keys.append(query.get("key"))
        status, kind, body, headers = ECHOES[server.mode](query.get("key", ""), f"{server.base_url}{target}")
        return Reply(status, body.encode("utf-8"), kind, headers)

    yield from loopback_server(respond, keys=[])


def test_redact_removes_the_key_and_any_key_parameter():
    text = f"failed: {KEY}; url=http://x/v3/place/polygon?key={KEY}&page=1 and ?ak=other123&tk=zz"
    cleaned = redact(text, KEY)
    assert KEY not in cleaned and "other123" not in cleaned and "tk=zz" not in cleaned
    assert "page=1" in cleaned and "failed:" in cleaned


@pytest.mark.parametrize("mode", sorted(ECHOES))
def test_client_errors_never_carry_the_key(echo_server, tmp_path, mode):
    echo_server.mode = mode
    query = PoiQuery(keywords="便利店")
    state = new_state(tmp_path, query)
    try:
        result = make_client(echo_server, FakeClock(), max_retries=1).run(query, area(), state)
        texts = [result.message, *result.bad_locations]
    except PoiApiError as error:
        texts = [error.message, str(error), error.details]
    assert echo_server.keys and set(echo_server.keys) == {KEY}  # the key was sent, so it could be echoed
    assert any(texts), "the failure must be told"
    for text in texts:
        assert KEY not in text
    assert KEY not in (tmp_path / "state.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", sorted(ECHOES))
def test_algorithm_never_shows_logs_or_writes_the_key(processing, echo_server, auth_key, tmp_path, message_log, mode):  # noqa: F811
    echo_server.mode = mode
    feedback = RecordingFeedback()
    state = tmp_path / "state.json"
    output = tmp_path / "out.gpkg"
    texts = []
    try:
        processing.run(
            "fifteenmin:importpoiapi",
            {
                "PROVIDER": 0,
                "AUTHCFG": auth_key,
                "EXTENT": f"{BOX[0]},{BOX[2]},{BOX[1]},{BOX[3]} [EPSG:4326]",
                "KEYWORDS": "便利店",
                "STATE_FILE": str(state),
                "QPS": 1000.0,
                "BASE_URL": echo_server.base_url,
                "OUTPUT": str(output),
            },
            feedback=feedback,
        )
    except QgsProcessingException as error:
        texts.append(str(error))
    assert echo_server.keys and set(echo_server.keys) == {KEY}
    texts += feedback.lines + message_log
    assert texts, "the failure must be told"
    for text in texts:
        assert KEY not in text
    for path in tmp_path.iterdir():
        assert KEY.encode() not in path.read_bytes(), path.name
