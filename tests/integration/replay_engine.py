"""A stand-in engine on a unix socket that replays progress streams recorded from the real engine.

docker and pydock are pointed at it with -H, so both read the very same bytes: their outputs can be
compared byte for byte where the real engine's stream differs from one pull to the next (concurrent
downloads). It records every request (method, path, query, headers) so tests can compare what both
clients send, e.g. X-Registry-Auth. It answers /_ping as an Engine 20.10 (API 1.41) does.
"""
from __future__ import annotations

import json
import os
import socket
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit


class Route:
    """What to answer for a request whose path ends with `suffix`: `status`, and `lines` (JSON
    messages) sent as one chunk each, `delay` seconds apart, then `tail` (raw bytes: a message cut
    short, or something that is not JSON) as a last chunk; `unfinished` closes the connection without
    the chunked body's end, as an engine that dies mid-answer."""

    def __init__(self, suffix: str, lines: list[dict] | None = None, status: int = 200, body: dict | None = None,
                 delay: float = 0.0, tail: bytes = b"", unfinished: bool = False):
        self.suffix, self.lines, self.status, self.body, self.delay = suffix, lines or [], status, body, delay
        self.tail, self.unfinished = tail, unfinished


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


class ReplayEngine:
    def __init__(self, directory: str, routes: list[Route]):
        self.path = os.path.join(directory, "replay.sock")
        self.routes = routes
        self.requests: list[dict] = []
        self.server = None

    @property
    def host(self) -> str:
        return f"unix://{self.path}"

    def __enter__(self) -> "ReplayEngine":
        engine = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def address_string(self):
                return "replay"

            def _common_headers(self):
                self.send_header("Api-Version", "1.41")
                self.send_header("Ostype", "linux")
                self.send_header("Docker-Experimental", "false")
                self.send_header("Server", "Docker/20.10.24 (linux)")

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":  # a build context, a load
                    body = self._chunked_body()
                url = urlsplit(self.path)
                engine.requests.append({"method": self.command, "path": url.path, "query": url.query,
                                        "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
                if url.path.endswith("/_ping"):
                    self.send_response(200)
                    self._common_headers()
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(b"OK")
                    return
                for route in engine.routes:
                    if url.path.endswith(route.suffix):
                        return self._answer(route)
                self._json(404, {"message": f"page not found: {url.path}"})

            def _chunked_body(self) -> bytes:
                """Read a chunked request body to its end, as the engine does before it answers."""
                body = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if not size:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                            pass
                        return body
                    body += self.rfile.read(size)
                    self.rfile.readline()

            def _json(self, status: int, data: dict):
                payload = json.dumps(data).encode()
                self.send_response(status)
                self._common_headers()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _answer(self, route: Route):
                if route.body is not None:
                    return self._json(route.status, route.body)
                self.send_response(route.status)
                self._common_headers()
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for message in route.lines:
                        chunk = (json.dumps(message, separators=(",", ":")) + "\r\n").encode()
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                        self.wfile.flush()
                        if route.delay:
                            time.sleep(route.delay)
                    if route.tail:
                        self.wfile.write(f"{len(route.tail):x}\r\n".encode() + route.tail + b"\r\n")
                    if route.unfinished:
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    self.wfile.write(b"0\r\n\r\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):  # the client went away (Ctrl-C)
                    self.close_connection = True

            do_GET = do_POST = do_HEAD = do_DELETE = _handle

        self.server = _Server(self.path, Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        try:
            os.unlink(self.path)
        except OSError:
            pass


def record(method: str, path: str, headers: dict | None = None, socket_path: str = "/var/run/docker.sock"
           ) -> tuple[int, list[dict]]:
    """Send one request to the real engine and return (status, the JSON messages it streamed)."""
    import http.client

    class UnixConnection(http.client.HTTPConnection):
        def connect(self):
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(socket_path)

    connection = UnixConnection("localhost", timeout=120)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    data = response.read().decode()
    connection.close()
    decoder = json.JSONDecoder()
    messages, pos = [], 0
    while True:
        while pos < len(data) and data[pos] in " \r\n\t":
            pos += 1
        if pos >= len(data):
            break
        message, pos = decoder.raw_decode(data, pos)
        messages.append(message)
    return response.status, messages
