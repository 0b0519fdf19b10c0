"""Where the engine is: parsing -H / DOCKER_HOST values as docker does."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import ConfigError

DEFAULT_UNIX_SOCKET = "/var/run/docker.sock"
DEFAULT_HOST = f"unix://{DEFAULT_UNIX_SOCKET}"
DEFAULT_TCP_PORT = 2375
DEFAULT_TLS_PORT = 2376


@dataclass(frozen=True)
class Host:
    scheme: str  # "unix", "tcp" or "ssh"
    address: str  # socket path, "host:port" or ssh destination
    url: str  # the normalised URL, as shown in messages
    user: str | None = None
    port: int | None = None
    path: str = ""  # base path for tcp hosts

    @property
    def hostname(self) -> str:
        return self.address.rsplit(":", 1)[0] if self.scheme == "tcp" else self.address


def parse_host(value: str | None, tls: bool = False) -> Host:
    """Parse a host as docker's opts.ParseHost does."""
    value = (value or "").strip()
    if not value:
        return Host("unix", DEFAULT_UNIX_SOCKET, DEFAULT_HOST)
    if "://" not in value:
        if value.startswith("/"):
            raise ConfigError(f"Invalid bind address format: {value}")
        value = "tcp://" + value
    scheme = value.split("://", 1)[0].lower()
    if scheme == "unix":
        path = value[len("unix://"):] or DEFAULT_UNIX_SOCKET
        return Host("unix", path, f"unix://{path}")
    if scheme in ("tcp", "http", "https"):
        return _parse_tcp(value, tls or scheme == "https")
    if scheme == "ssh":
        return _parse_ssh(value)
    if scheme == "npipe":
        raise ConfigError("npipe protocol is not supported on this platform")
    raise ConfigError(f"Invalid bind address format: {value}")


def _parse_tcp(value: str, tls: bool) -> Host:
    parts = urlsplit("tcp://" + value.split("://", 1)[1])
    host = parts.hostname or "localhost"
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"Invalid bind address format: {value}") from None
    port = port or (DEFAULT_TLS_PORT if tls else DEFAULT_TCP_PORT)
    shown = f"[{host}]" if ":" in host else host
    address = f"{shown}:{port}"
    return Host("tcp", address, f"tcp://{address}{parts.path}", port=port, path=parts.path.rstrip("/"))


def _parse_ssh(value: str) -> Host:
    parts = urlsplit(value)
    if not parts.hostname:
        raise ConfigError("no host specified")
    if parts.password:
        raise ConfigError("plain-text password is not supported")
    if parts.path not in ("", "/"):
        raise ConfigError(f"extra path after the host: {parts.path!r}")
    return Host("ssh", parts.hostname, value, user=parts.username, port=parts.port)
