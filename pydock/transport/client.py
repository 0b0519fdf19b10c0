"""The one place that talks to the engine: connection, API version, errors."""
from __future__ import annotations

import contextlib
import json as _json
import os
import threading
from typing import Any, Iterator, Mapping

from ._imports import httpx as _load_httpx
from .errors import BodyReadError, DaemonUnreachable, DockerError, EngineTimeout, error_for_status, read_failure
from .hosts import Host, parse_host
from .params import encode_params  # noqa: F401 - part of this module's interface
from .tls import TLSOptions

MIN_API_VERSION = "1.24"
MAX_API_VERSION = "1.47"
CONNECT_TIMEOUT = 10.0
PING_TIMEOUT = 15.0
USER_AGENT = "pydock/0.1.0"


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.lstrip("v").split("."))


def negotiate(server_version: str | None) -> str:
    """Pick the API version as docker does: the lower of the server's and ours."""
    if not server_version:
        return MIN_API_VERSION
    if version_tuple(server_version) < version_tuple(MAX_API_VERSION):
        return server_version
    return MAX_API_VERSION


class Transport:
    """A connection to one engine. Thread-safe: commands may call it from several threads."""

    def __init__(self, host: Host | str | None = None, *, tls: TLSOptions | None = None,
                 api_version: str | None = None, headers: Mapping[str, str] | None = None,
                 httpx_transport=None):
        self.tls = tls or TLSOptions()
        if not isinstance(host, Host):
            host = parse_host(host if host is not None else os.environ.get("DOCKER_HOST"), self.tls.enabled)
        self.host = host
        self._fixed_version = api_version or os.environ.get("DOCKER_API_VERSION") or None
        self._version: str | None = self._fixed_version
        self._ping_headers: Mapping[str, str] = {}
        self._headers = dict(headers or {})
        self._httpx_transport = httpx_transport
        self._client = None
        self._lock = threading.RLock()  # api_version -> ping -> client takes it again

    # -- connection -------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._build_client()
        return self._client

    def _build_client(self):
        httpx = _load_httpx()
        transport = self._httpx_transport or self._build_transport()
        headers = {"User-Agent": USER_AGENT, **self._headers}
        timeout = httpx.Timeout(connect=CONNECT_TIMEOUT, read=None, write=None, pool=None)
        return httpx.Client(transport=transport, base_url=self._base_url(), headers=headers, timeout=timeout)

    def _build_transport(self):
        from .pool import PoolTransport

        if self.host.scheme == "unix":
            return PoolTransport(uds=self.host.address)
        if self.host.scheme == "ssh":
            from .ssh import SSHBackend

            return PoolTransport(network_backend=SSHBackend(self.host))
        ssl_context = self.tls.ssl_context() if self.tls.enabled else None
        return PoolTransport(ssl_context=ssl_context)

    def _base_url(self) -> str:
        if self.host.scheme == "tcp":
            scheme = "https" if self.tls.enabled else "http"
            return f"{scheme}://{self.host.address}{self.host.path}"
        return "http://docker"

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- versions ---------------------------------------------------------------
    @property
    def api_version(self) -> str:
        if self._version is None:
            with self._lock:
                if self._version is None:
                    self._version = negotiate(self.ping().get("API-Version"))
        return self._version

    @property
    def current_version(self) -> str:
        """The API version in use now, without asking the engine: ours until negotiated (docker's CurrentVersion)."""
        return self._version or MAX_API_VERSION

    @property
    def negotiated(self) -> bool:
        return self._fixed_version is None

    def ping(self) -> Mapping[str, str]:
        """GET /_ping; returns its headers (API-Version, OSType, Docker-Experimental, Swarm …)."""
        httpx = _load_httpx()
        response = self._send("GET", "/_ping", timeout=httpx.Timeout(PING_TIMEOUT, connect=CONNECT_TIMEOUT))
        response.read()
        if response.status_code >= 400 and not response.headers.get("API-Version"):
            self._raise_for(response)
        self._ping_headers = response.headers  # case-insensitive: httpx lower-cases the keys of dict()
        return self._ping_headers

    def version_at_least(self, version: str) -> bool:
        return version_tuple(self.api_version) >= version_tuple(version)

    # -- requests ---------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"/v{self.api_version}{path}"

    def request(self, method: str, path: str, *, params=None, json=None, content=None,
                headers=None, timeout=None, ok=(200, 201, 204, 304)):
        """Send a request and read its whole answer; engine errors raise EngineError."""
        response = self._send(method, self.url(path), params=params, json=json, content=content,
                              headers=headers, timeout=timeout)
        response.read()
        if response.status_code not in ok and response.status_code >= 300:
            self._raise_for(response)
        return response

    def get_json(self, path: str, params=None) -> Any:
        return self.request("GET", path, params=params).json()

    def post_json(self, path: str, *, params=None, json=None) -> Any:
        response = self.request("POST", path, params=params, json=json)
        return response.json() if response.content else None

    @contextlib.contextmanager
    def stream(self, method: str, path: str, *, params=None, json=None, content=None,
               headers=None, timeout=None) -> Iterator[Any]:
        """Send a request and yield the response with its body unread (for streams)."""
        response = self._send(method, self.url(path), params=params, json=json, content=content,
                              headers=headers, timeout=timeout, stream=True)
        httpx = _load_httpx()
        try:
            if response.status_code >= 300 and response.status_code != 304:
                response.read()
                self._raise_for(response)
            yield response
        except httpx.TransportError as exc:  # the engine went away in the middle of a stream
            raise read_failure(exc, self.host.scheme, self.host.address) from exc
        finally:
            response.close()

    def upgrade(self, path: str, *, params=None, json=None):
        """POST with `Upgrade: tcp` and return (response, network stream) after HTTP 101."""
        headers = {"Connection": "Upgrade", "Upgrade": "tcp"}
        response = self._send("POST", self.url(path), params=params, json=json, headers=headers, stream=True)
        if response.status_code >= 300:
            response.read()
            response.close()
            self._raise_for(response)
        return response, response.extensions["network_stream"]

    def _send(self, method, url, *, params=None, json=None, content=None, headers=None,
              timeout=None, stream=False):
        httpx = _load_httpx()
        kwargs = {}
        if timeout is not None:
            kwargs["timeout"] = timeout
        if json is not None:
            content = _json.dumps(json).encode()
            headers = {"Content-Type": "application/json", **(headers or {})}
        try:
            request = self.client.build_request(method, url, params=encode_params(params), content=content,
                                                headers=headers, **kwargs)
            return self.client.send(request, stream=stream)
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise DaemonUnreachable(self.host.url, str(exc)) from exc
            raise EngineTimeout(self.host.url) from exc
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            exited = _ssh_exited(exc)
            if exited is not None:  # docker's *url.Error around commandconn's error: ssh's own reason
                verb = "Head" if url.endswith("/_ping") else method[:1] + method[1:].lower()  # docker pings by HEAD
                where = f"{self._display_base()}{request.url.raw_path.decode()}"
                raise DockerError(f'error during connect: {verb} "{where}": {exited}') from None
            raise DaemonUnreachable(self.host.url, str(exc)) from exc
        except BodyReadError as exc:  # Go's *url.Error, wrapped by docker's client
            where = f"{self._display_base()}{request.url.raw_path.decode()}"
            raise DockerError(f'error during connect: {method[:1]}{method[1:].lower()} "{where}": {exc}') from None

    def _display_base(self) -> str:
        """The request URL's base as docker's messages show it."""
        if self.host.scheme == "unix":
            from urllib.parse import quote

            return "http://" + quote(self.host.address, safe="")
        if self.host.scheme == "ssh":
            return "http://docker.example.com"
        return self._base_url()

    def _raise_for(self, response) -> None:
        if not response.content.strip():
            # docker's words when the engine sends no body (a HEAD answer, an unknown route on an old
            # engine): Go's Response.Status ("404 Not Found") and the request URL with its query
            route = f"{self._display_base()}{response.request.url.raw_path.decode()}"
            reason = f"{response.status_code} {_status_text(response.status_code)}"
            raise error_for_status(response.status_code, f"request returned {reason} for API route and "
                                   f"version {route}, check if the server supports the requested API version",
                                   from_daemon=False, response=response)
        raise error_for_status(response.status_code, error_message(response), response=response)


def _ssh_exited(exc: BaseException):
    """The ssh child's failure (transport.ssh.SSHExited) behind an httpx error, if that is the cause."""
    seen = exc
    while seen is not None:
        if type(seen).__name__ in ("SSHExited", "SSHWriteExited"):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def interrupt(response) -> None:
    """Wake a reader blocked on this streaming response in another thread: shut its socket down.

    The reader then sees the stream end with an error; the connection is not reused.
    """
    import socket

    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _status_text(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return str(status)


def error_message(response) -> str:
    body = response.content
    try:
        data = _json.loads(body)
        if isinstance(data, dict) and "message" in data:
            return str(data["message"]).strip()
    except ValueError:
        pass
    text = body.decode(errors="replace").strip()
    return text or f"{response.status_code} {response.reason_phrase}".strip()
