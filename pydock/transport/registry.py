"""Logging in to a registry from the client, when the engine cannot be reached (docker's
loginClientSide, moby's registry.Service.Auth and loginV2).

Endpoints as docker looks them up: https first; then plain http for an insecure registry (one whose
host resolves into 127.0.0.0/8 or ::1, docker's default insecure ranges), whose https endpoint is
also tried without verifying its certificate. A secure registry's certificate is always verified.
Credentials travel only in the Authorization header (Basic, or to a token service's realm).
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from .errors import DockerError

INDEX_HOSTNAME = "index.docker.io"
DEFAULT_V2_REGISTRY = "https://registry-1.docker.io"
_INSECURE_RANGES = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


class RegistryLoginError(DockerError):
    """A client-side login failed; str() is docker's message."""


def login(auth: dict, user_agent: str = "pydock", log=None) -> tuple[str, str]:
    """Check `auth` ({"username", "password", "serveraddress"}) against its registry's /v2/.

    Returns ("Login Succeeded", identity token or ""). Raises RegistryLoginError with the last
    endpoint's error in docker's words ("login attempt to http://h/v2/ failed with status: 401
    Unauthorized", 'Get "https://h/v2/": …'). `log(level, message, fields)` hears what moby's
    registry code logs on the way: each endpoint tried (debug) and each that failed (info)."""
    host = _registry_host(auth.get("serveraddress", ""))
    last: Exception | None = None
    for url, verify in _endpoints(host):
        if log is not None:
            log("debug", "attempting v2 login to registry endpoint", {"endpoint": url.rstrip("/") + "/v2/"})
        try:
            return "Login Succeeded", _login_v2(url, verify, auth, user_agent)
        except RegistryLoginError as exc:
            if log is not None:
                log("info", "Error logging in to endpoint, trying next endpoint", {"endpoint": url, "error": str(exc)})
            last = exc
    raise last or RegistryLoginError(f"no endpoint to log in to for {host}")


def _registry_host(address: str) -> str:
    if not address:
        return INDEX_HOSTNAME
    if not address.startswith(("https://", "http://")):
        address = "https://" + address
    return urlsplit(address).netloc


def _endpoints(host: str) -> list[tuple[str, bool]]:
    """lookupV2Endpoints without mirrors: [(base URL, verify TLS)]."""
    if host in (INDEX_HOSTNAME, "docker.io"):
        return [(DEFAULT_V2_REGISTRY, True)]
    if _is_secure(host):
        return [(f"https://{host}", True)]
    return [(f"https://{host}", False), (f"http://{host}", False)]


def _is_secure(host: str) -> bool:
    """isSecureIndex: a registry is insecure when its host resolves into docker's insecure ranges."""
    name = urlsplit(f"//{host}").hostname or host
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(name, None)}
    except (OSError, UnicodeError):
        return True
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address.split("%")[0])
        except ValueError:
            continue
        if any(ip in network for network in _INSECURE_RANGES):
            return False
    return True


def _login_v2(base: str, verify: bool, auth: dict, user_agent: str) -> str:
    """loginV2: ping /v2/ for its challenge, then ask again with credentials; 200 means logged in."""
    from ._imports import httpx as load_httpx

    httpx = load_httpx()
    url = base.rstrip("/") + "/v2/"
    headers = {"User-Agent": user_agent}
    with httpx.Client(verify=verify, timeout=30, headers=headers) as client:
        ping = _get(client, url)
        challenge = ping.headers.get("WWW-Authenticate", "")
        if ping.status_code == 200:
            return ""
        scheme, _, params = challenge.partition(" ")
        user, password = auth.get("username", ""), auth.get("password", "")
        token = ""
        if scheme.lower() == "bearer":
            token = _bearer_token(client, url, _challenge_params(params), user, password)
            response = _get(client, url, headers={"Authorization": f"Bearer {token}"})
        else:
            response = _get(client, url, auth=(user, password))
        if response.status_code == 200:
            return ""
        raise RegistryLoginError(f"login attempt to {url} failed with status: {response.status_code} "
                                 f"{_reason(response.status_code)}")


def _bearer_token(client, url: str, params: dict, user: str, password: str) -> str:
    """The token service's answer for the account (docker's token handler, GET flavour); a refusal
    reads as docker reports it for /v2/ ("unauthorized: authentication required")."""
    realm = params.get("realm", "")
    query = {"account": user, "client_id": "docker"}
    if params.get("service"):
        query["service"] = params["service"]
    response = _get(client, realm, params=query, auth=(user, password))
    if response.status_code == 401:
        raise RegistryLoginError(f'Get "{url}": unauthorized: authentication required')
    if response.status_code != 200:
        raise RegistryLoginError(f"login attempt to {realm} failed with status: {response.status_code} "
                                 f"{_reason(response.status_code)}")
    data = response.json()
    return data.get("token") or data.get("access_token") or ""


def _challenge_params(text: str) -> dict:
    params = {}
    for part in text.split(","):
        key, _, value = part.strip().partition("=")
        if key:
            params[key.lower()] = value.strip().strip('"')
    return params


def _get(client, url: str, **kwargs):
    """GET, with transport failures worded as Go's url.Error ('Get "<url>": <why>')."""
    from ._imports import httpx as load_httpx

    httpx = load_httpx()
    try:
        return client.get(url, **kwargs)
    except httpx.ConnectError as exc:
        raise RegistryLoginError(f'Get "{url}": {_connect_reason(url, exc)}') from None
    except httpx.HTTPError as exc:
        raise RegistryLoginError(f'Get "{url}": {_why(exc)}') from None


def _connect_reason(url: str, exc: Exception) -> str:
    text = _why(exc)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if "refused" in text.lower():
        return f"dial tcp {parts.hostname}:{port}: connect: connection refused"
    if "wrong version number" in text.lower() or "record layer" in text.lower():
        return "http: server gave HTTP response to HTTPS client"
    return text


def _why(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
