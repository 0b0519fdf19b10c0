"""Plain HTTP(S) requests to a URL that is not the engine: a remote build context (docker/cli's
image/build/context.go getWithStatusError, moby's gitutils supportsShallowClone), as Go's http.Get
makes them: redirects followed, proxies from the environment, TLS verified.

    with http_get("http://host/ctx.tar") as download:      # RemoteError: 'Get "…": dial tcp …'
        download.size                                      # Content-Length, or -1
        for chunk in download.chunks(): ...
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .errors import DockerError

CHUNK = 32 * 1024


class RemoteError(DockerError):
    """A GET that failed; str() is docker's text ('Get "<url>": <why>', or "failed to GET <url> with
    status 404 Not Found: <body>")."""


class Download:
    """An open response: `size` (bytes, -1 when unknown), `chunks()` (the body, once), `close()`."""

    def __init__(self, client, response):
        self._client, self._response = client, response
        length = response.headers.get("Content-Length")
        self.size = int(length) if length and length.isdigit() else -1

    def chunks(self, size: int = CHUNK):
        try:
            yield from self._response.iter_raw(size)
        except Exception as exc:  # a body cut short: Go's read error
            raise RemoteError(f"unexpected EOF: {_why(exc)}") from None

    def close(self) -> None:
        self._response.close()
        self._client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def http_get(url: str, timeout: float | None = None) -> Download:
    """getWithStatusError: GET `url`; a 4xx/5xx status raises RemoteError with the status and the
    body (trimmed), as docker words it. Transport failures read as Go's url.Error."""
    from ._imports import httpx as load_httpx

    httpx = load_httpx()
    client = httpx.Client(follow_redirects=True, timeout=httpx.Timeout(timeout, connect=30),
                          headers={"User-Agent": "Go-http-client/1.1"})
    try:
        request = client.build_request("GET", url)
        response = client.send(request, stream=True)
    except Exception as exc:
        client.close()
        raise RemoteError(f'Get "{url}": {go_dial_error(url, exc)}') from None
    if response.status_code < 400:
        return Download(client, response)
    message = f"failed to GET {url} with status {response.status_code} {response.reason_phrase}"
    try:
        body = response.read()
    except Exception as exc:
        raise RemoteError(f"{message}: error reading body: {_why(exc)}") from None
    finally:
        response.close()
        client.close()
    raise RemoteError(f"{message}: {body.strip().decode(errors='replace')}")


def content_type_if_ok(url: str) -> str | None:
    """A HEAD (then, on any failure, a GET) of `url`: the Content-Type of a 200 answer, else None.
    Used for moby's "is this a smart git server" question; failures are not errors."""
    from ._imports import httpx as load_httpx

    httpx = load_httpx()
    with httpx.Client(follow_redirects=True, timeout=30, headers={"User-Agent": "Go-http-client/1.1"}) as client:
        for method in ("HEAD", "GET"):
            try:
                response = client.request(method, url)
            except Exception:
                continue
            if response.status_code == 200:
                return response.headers.get("Content-Type", "")
    return None


def go_dial_error(url: str, exc: Exception) -> str:
    """Go's net/http words for a failed connection ("dial tcp 127.0.0.1:1: connect: connection refused",
    "dial tcp: lookup x on 10.0.0.53:53: no such host", "tls: first record does not look like a TLS
    handshake")."""
    text = _why(exc)
    lower = text.lower()
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return text
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if "refused" in lower:
        return f"dial tcp {address}: connect: connection refused"
    if "name or service not known" in lower or "no address associated" in lower or "nodename nor servname" in lower:
        return f"dial tcp: lookup {host}{_resolver()}: no such host"
    if "wrong version number" in lower or "record layer" in lower or "unknown protocol" in lower:
        return "tls: first record does not look like a TLS handshake"
    if "certificate verify failed" in lower:
        return "tls: failed to verify certificate: x509: certificate signed by unknown authority"
    if "timed out" in lower:
        return f"dial tcp {address}: i/o timeout"
    return text


def _resolver() -> str:
    """" on <nameserver>:53", as Go's own resolver names the server that answered (the first one)."""
    try:
        with open("/etc/resolv.conf") as conf:
            for line in conf:
                fields = line.split()
                if len(fields) >= 2 and fields[0] == "nameserver":
                    server = fields[1]
                    return f" on [{server}]:53" if ":" in server else f" on {server}:53"
    except OSError:
        pass
    return ""


def _why(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
