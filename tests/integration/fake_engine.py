"""A scripted engine on a unix socket: canned answers per route, every request recorded.

Both CLIs can be pointed at it (`-H unix://…`), so their output for the same engine answers (events with
odd attributes, a build cache this engine never has, prune reports) and the requests they send (the
`since`/`until` docker computes, prune filters) can be compared without touching the shared engine.
"""
from __future__ import annotations

import http.server
import json
import re
import socketserver
import threading
from urllib.parse import parse_qs, urlsplit


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def _forward(socket_path: str, method: str, path: str, body: bytes) -> tuple[int, bytes]:
    """Send one request to the engine at `socket_path`; its status and body."""
    import http.client
    import socket

    class UnixConnection(http.client.HTTPConnection):
        def connect(self):
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(socket_path)

    connection = UnixConnection("docker", timeout=120)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class FakeEngine:
    """`routes` maps a regular expression on the path (without /vX.Y) to a JSON-able answer, or to
    bytes sent as is (a stream of JSON lines for /events), a (status, answer) pair, or a function of
    the request's headers returning that pair. Unknown routes answer 404, or with
    `forward_to` (an engine's socket) are passed on to that engine: a filter in front of the real one."""

    def __init__(self, path: str, routes: dict, forward_to: str | None = None):
        self.path, self.routes, self.requests = path, routes, []
        engine = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                sent = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                route = re.sub(r"^/v[0-9.]+", "", url.path)
                engine.requests.append((self.command, route, {k: v[0] for k, v in parse_qs(url.query).items()}))
                status, body = 200, b"OK" if route == "/_ping" else None
                if body is None:
                    answer = next((a for pattern, a in engine.routes.items() if re.fullmatch(pattern, route)), None)
                    if answer is None and forward_to:
                        status, answer = _forward(forward_to, self.command, self.path, sent)
                    elif answer is None:
                        status, answer = 404, {"message": f"page not found: {route}"}
                    elif callable(answer):  # answer(request headers) -> (status, answer)
                        status, answer = answer(self.headers)
                    elif isinstance(answer, tuple):  # (status, answer)
                        status, answer = answer
                    body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("API-Version", "1.41")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD" and body:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):  # the client has seen enough
                        pass

            do_GET = do_POST = do_HEAD = do_DELETE = _answer  # noqa: N815 - http.server's naming

            def log_message(self, *args):
                pass

            def address_string(self):
                return "fake-engine"

        self.server = _Server(path, Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def host(self) -> str:
        return f"unix://{self.path}"

    def calls(self, route_prefix: str = "") -> list[tuple[str, str, dict]]:
        """The recorded requests other than pings, optionally only those under a route."""
        return [r for r in self.requests if r[1] != "/_ping" and r[1].startswith(route_prefix)]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
