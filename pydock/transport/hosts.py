"""Where the engine is: parsing -H / DOCKER_HOST values as docker 28's opts.ParseHost does."""
from __future__ import annotations

import re

from .errors import ConfigError

DEFAULT_UNIX_SOCKET = "/var/run/docker.sock"
DEFAULT_HOST = f"unix://{DEFAULT_UNIX_SOCKET}"
DEFAULT_HTTP_HOST = "localhost"
DEFAULT_TCP_PORT = 2375
DEFAULT_TLS_PORT = 2376

_PORT = re.compile(r"[0-9]*")


class Host:
    """Where the engine is: `scheme` ("unix", "tcp" or "ssh"), `address` (socket path, "host:port" or ssh
    destination), `url` (normalised, as messages show it), `user` and `port` (ssh), `path` (the base path
    of a tcp host; the remote socket path of an ssh host). Immutable and hashable."""

    __slots__ = ("scheme", "address", "url", "user", "port", "path")

    def __init__(self, scheme: str, address: str, url: str, user: str | None = None, port: int | None = None,
                 path: str = ""):
        for name, value in zip(self.__slots__, (scheme, address, url, user, port, path)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        return isinstance(other, Host) and self._values() == other._values()

    def __hash__(self):
        return hash(self._values())

    def __repr__(self):
        return f"Host({', '.join(f'{n}={v!r}' for n, v in zip(self.__slots__, self._values()))})"

    @property
    def hostname(self) -> str:
        return self.address.rsplit(":", 1)[0] if self.scheme == "tcp" else self.address


class SSHHostError(ConfigError):
    """An ssh:// URL docker's connection helper refuses (reported without the endpoint prefix)."""


def parse_host(value: str | None, tls: bool = False) -> Host:
    """Parse a host as docker's opts.ParseHost does; an empty value means the default."""
    value = (value or "").strip()
    if not value:
        if tls:
            return _tcp_host(DEFAULT_HTTP_HOST, str(DEFAULT_TLS_PORT), "")
        return Host("unix", DEFAULT_UNIX_SOCKET, DEFAULT_HOST)
    proto, sep, rest = value.partition("://")
    if not sep:
        # Docker 28 reads a value without a scheme as tcp, even one that looks like a path.
        proto, rest = "tcp", value
    if proto == "tcp":
        return _parse_tcp(rest)
    if proto == "unix":
        if "://" in rest:
            raise ConfigError(f"invalid proto, expected unix: {rest}")
        path = rest or DEFAULT_UNIX_SOCKET
        return Host("unix", path, f"unix://{path}")
    if proto == "ssh":
        return _parse_ssh(value)
    if proto == "npipe":
        raise ConfigError("npipe protocol is not supported on this platform")
    raise ConfigError(f"invalid bind address format: {value}")


def _parse_tcp(try_addr: str) -> Host:
    """opts.ParseTCPAddr with tcp://localhost:2375 as the default (also under TLS)."""
    addr = try_addr[len("tcp://"):] if try_addr.startswith("tcp://") else try_addr
    if not addr and try_addr in ("", "tcp://"):
        return _tcp_host(DEFAULT_HTTP_HOST, str(DEFAULT_TCP_PORT), "")
    if "://" in addr or not addr:
        raise ConfigError(f"invalid proto, expected tcp: {try_addr}")
    if addr.endswith("]:"):
        addr += str(DEFAULT_TCP_PORT)
    authority, path = _go_url_parts("tcp://" + addr)
    try:
        host, port = split_host_port(authority)
    except ValueError:
        try:
            host, port = split_host_port(join_host_port(authority, str(DEFAULT_TCP_PORT)))
        except ValueError:
            raise ConfigError(f"invalid bind address format: {try_addr}") from None
    return _tcp_host(host or DEFAULT_HTTP_HOST, port or str(DEFAULT_TCP_PORT), path)


def _tcp_host(host: str, port: str, path: str) -> Host:
    address = join_host_port(host, port)
    return Host("tcp", address, f"tcp://{address}{path}", port=int(port), path=path.rstrip("/"))


def _go_url_parts(url: str) -> tuple[str, str]:
    """(authority, path) of scheme://authority/path?query, with Go's url.Parse port check."""
    rest = url.split("://", 1)[1]
    rest = rest.split("#", 1)[0].split("?", 1)[0]
    authority, slash, path = rest.partition("/")
    hostport = authority.rsplit("@", 1)[-1]
    if hostport.startswith("[") and "]" not in hostport:
        raise ConfigError(f'parse "{url}": missing \']\' in host')
    colon = hostport.rfind(":")
    if colon != -1 and hostport.rfind("]") < colon:
        port = hostport[colon:]
        if not _PORT.fullmatch(port[1:]):
            raise ConfigError(f'parse "{url}": invalid port "{port}" after host')
    return hostport, slash + path


def split_host_port(hostport: str) -> tuple[str, str]:
    """Go's net.SplitHostPort; ValueError when it would fail."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end == -1 or not hostport[end + 1:].startswith(":"):
            raise ValueError("missing port in address")
        host, port = hostport[1:end], hostport[end + 2:]
        if ":" in port or "[" in port or "]" in port:
            raise ValueError("too many colons in address")
        return host, port
    if ":" not in hostport:
        raise ValueError("missing port in address")
    host, port = hostport.rsplit(":", 1)
    if ":" in host:
        raise ValueError("too many colons in address")
    if "[" in hostport or "]" in hostport:
        raise ValueError("unexpected bracket in address")
    return host, port


def join_host_port(host: str, port: str) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _parse_ssh(value: str) -> Host:
    """cli/connhelper/ssh.ParseURL: user, host, port and an optional remote socket path."""
    def invalid(reason: str) -> SSHHostError:
        return SSHHostError(f"ssh host connection is not valid: invalid SSH URL: {reason}")

    rest = value.split("://", 1)[1]
    rest, _, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    authority, slash, path = rest.partition("/")
    userinfo, at, hostport = authority.rpartition("@")
    user = None
    if at:
        user, has_password, _ = userinfo.partition(":")
        if has_password:
            raise invalid("plain-text password is not supported")
    try:
        hostport_checked, _ = _go_url_parts("ssh://" + hostport)
    except ConfigError as exc:  # url.Parse fails before the ssh helper looks at the URL
        reason = str(exc).split(": ", 1)[1]
        raise SSHHostError(f'parse "{value}": {reason}') from None
    host, port = hostport_checked, ""
    if hostport_checked.startswith("["):
        end = hostport_checked.find("]")
        host, port = hostport_checked[1:end], hostport_checked[end + 2:]
    elif ":" in hostport_checked:
        host, port = hostport_checked.rsplit(":", 1)
    if not host:
        raise invalid("hostname is empty")
    if query:
        raise invalid(f'query parameters are not allowed: "{query}"')
    if fragment:
        raise invalid(f'fragments are not allowed: "{fragment}"')
    return Host("ssh", host, value, user=user or None, port=int(port) if port else None,
                path=slash + path if path else "")
