"""A real HTTP server on loopback for the tests of the web clients (POI providers, geocoding, basemap tiles).

A test module's fixture says how to answer a request and yields from `loopback_server` (`yield from
loopback_server(respond)`), so starting, addressing and stopping the server is written once. `respond` gets the
server (where the test keeps its fake service and records), the request's path, its query (first value of each
parameter) and its whole target (path and query string, as the client sent it).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    """What the server answers: status, body, its content type, more headers, and a delay before answering."""

    status: int
    body: bytes
    content_type: str = "application/json;charset=UTF-8"
    headers: dict[str, str] = field(default_factory=dict)
    #: seconds the server waits before answering (a slow server whose client times out first)
    delay: float = 0.0


def json_reply(status: int, payload: Any, delay: float = 0.0) -> Reply:
    """A JSON answer (UTF-8, Chinese as it is), after `delay` seconds."""
    return Reply(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), delay=delay)


Respond = Callable[[ThreadingHTTPServer, str, dict[str, str], str], Reply]


def loopback_server(respond: Respond, **state: Any) -> Iterator[ThreadingHTTPServer]:
    """A server on 127.0.0.1 answering every GET with `respond`, stopped after the test.

    `base_url` is its address; `state` gives it attributes from the start (e.g. a list recording requests).
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(parts.query).items()}
            reply = respond(self.server, parts.path, query, self.path)
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up (its timeout) before the answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    for name, value in state.items():
        setattr(server, name, value)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)
