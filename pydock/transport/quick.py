"""One-shot GETs without the HTTP stack, for shell completion: a TAB must never wait for httpx's import
(about 60 ms) nor for a slow engine.

`QuickTransport` offers the reading part of `Transport`'s interface (`get_json`), so that the api/
endpoints run on it unchanged: `APIClient(QuickTransport(host, timeout=1.0)).containers.list(all=True)`.
Each call is one HTTP/1.0 request on a new connection (the engine answers HTTP/1.0 without chunking and
closes the connection), over the unix socket or tcp (TLS through the standard ssl module); ssh hosts
are left to the full transport. The whole exchange is bounded by `timeout` seconds.
"""
from __future__ import annotations

import json
import socket
from urllib.parse import urlencode

from .errors import DaemonUnreachable, EngineTimeout, error_for_status
from .hosts import Host
from .params import encode_params

MAX_BODY = 64 * 1024 * 1024  # bytes: a completion never needs more; a larger answer is refused


class QuickTransport:
    """GET-only transport for `host` (unix or tcp), unversioned paths (the engine's own API version).

    `tls` is a transport.tls.TLSOptions (or None), `timeout` the bound in seconds of each whole
    request, `headers` extra request headers (config.json's HttpHeaders).
    Raises DaemonUnreachable when the engine cannot be reached, EngineTimeout past the bound,
    EngineError (by status) when it answers an error, ValueError for a host scheme it cannot serve.
    """

    def __init__(self, host: Host, *, tls=None, timeout: float = 1.0, headers: dict | None = None):
        if host.scheme not in ("unix", "tcp"):
            raise ValueError(f"no quick transport for {host.scheme}:// hosts")
        self.host, self.tls, self.timeout = host, tls, timeout
        self.headers = dict(headers or {})

    def get_json(self, path: str, params=None):
        """GET `path` (with `params` encoded as the engine expects) and decode its JSON answer."""
        query = encode_params(params)
        target = (self.host.path or "") + path + (f"?{urlencode(query)}" if query else "")
        status, body = self._exchange(target)
        if status >= 300:
            raise error_for_status(status, _message(body))
        return json.loads(body)

    def close(self) -> None:
        """Nothing is kept open between requests."""

    def _exchange(self, target: str) -> tuple[int, bytes]:
        host_header = "localhost" if self.host.scheme == "unix" else self.host.address
        lines = [f"GET {target} HTTP/1.0", f"Host: {host_header}", "User-Agent: pydock-completion"]
        lines += [f"{key}: {value}" for key, value in self.headers.items()]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode()
        try:
            with self._connect() as conn:
                conn.sendall(request)
                raw = _read_all(conn)
        except socket.timeout:
            raise EngineTimeout(self.host.url) from None
        except OSError as exc:
            raise DaemonUnreachable(self.host.url, str(exc)) from None
        head, _, body = raw.partition(b"\r\n\r\n")
        status_line = head.split(b"\r\n", 1)[0].split()
        if len(status_line) < 2 or not status_line[1].isdigit():
            raise DaemonUnreachable(self.host.url, "malformed HTTP response")
        return int(status_line[1]), body

    def _connect(self) -> socket.socket:
        if self.host.scheme == "unix":
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.settimeout(self.timeout)
            try:
                conn.connect(self.host.address)
            except OSError:
                conn.close()
                raise
            return conn
        address, _, port = self.host.address.rpartition(":")
        conn = socket.create_connection((address.strip("[]"), int(port)), timeout=self.timeout)
        if self.tls is not None and self.tls.enabled:
            return self.tls.ssl_context().wrap_socket(conn, server_hostname=address.strip("[]"))
        return conn


def _read_all(conn: socket.socket) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY:
            raise OSError("answer too large")


def _message(body: bytes) -> str:
    try:
        return json.loads(body).get("message") or body.decode(errors="replace").strip()
    except (ValueError, AttributeError):
        return body.decode(errors="replace").strip()
