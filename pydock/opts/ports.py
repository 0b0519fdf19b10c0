"""-p/--publish, -P and --expose, parsed as docker's go-connections/nat does."""
from __future__ import annotations

from ..golang.strconv import parse_ip, parse_uint
from . import OptError

PROTOCOLS = ("tcp", "udp", "sctp")


def split_proto_port(raw: str) -> tuple[str, str]:
    """"80/udp" -> ("udp", "80"); "80" -> ("tcp", "80")."""
    parts = raw.split("/")
    if not raw or not parts[0]:
        return "", ""
    if len(parts) == 1 or not parts[1]:
        return "tcp", parts[0]
    return parts[1], parts[0]


def parse_port_range(ports: str) -> tuple[int, int]:
    """"8000-8010" -> (8000, 8010); strconv errors as Go words them."""
    if ports == "":
        raise OptError("empty string specified for ports")
    if "-" not in ports:
        start = parse_uint(ports, 16)
        return start, start
    parts = ports.split("-")
    start = parse_uint(parts[0], 16)
    end = parse_uint(parts[1], 16)
    if end < start:
        raise OptError(f"invalid range specified for port: {ports}")
    return start, end


def port_key(proto: str, port: str) -> str:
    """nat.NewPort: "80/tcp" or "80-81/tcp"."""
    start, end = parse_port_range(port) if port else (0, 0)
    return f"{start}/{proto}" if start == end else f"{start}-{end}/{proto}"


def _split_parts(raw: str) -> tuple[str, str, str]:
    parts = raw.split(":")
    n = len(parts)
    if n == 1:
        return "", "", parts[0]
    if n == 2:
        return "", parts[0], parts[1]
    if n == 3:
        return parts[0], parts[1], parts[2]
    return ":".join(parts[:n - 2]), parts[n - 2], parts[n - 1]


def parse_port_spec(raw: str) -> list[tuple[str, dict]]:
    """One -p value -> [(container port key, {"HostIp", "HostPort"}), …]."""
    ip, host_port, container_port = _split_parts(raw)
    proto, container_port = split_proto_port(container_port)
    if ip.startswith("["):
        if not ip.endswith("]"):
            raise OptError(f"invalid IP address {ip}: address {ip}:: missing ']' in address")
        ip = ip[1:-1]
    if ip and parse_ip(ip) is None:
        raise OptError(f"invalid IP address: {ip}")
    if container_port == "":
        raise OptError(f"no port specified: {raw}<empty>")
    try:
        start, end = parse_port_range(container_port)
    except OptError:
        raise OptError(f"invalid containerPort: {container_port}") from None
    host_start = host_end = 0
    if host_port:
        try:
            host_start, host_end = parse_port_range(host_port)
        except OptError:
            raise OptError(f"invalid hostPort: {host_port}") from None
    if host_port and (end - start) != (host_end - host_start) and end != start:
        raise OptError(f"invalid ranges specified for container and host Ports: {container_port} and {host_port}")
    if proto.lower() not in PROTOCOLS:
        raise OptError(f"invalid proto: {proto}")
    mappings = []
    for i in range(end - start + 1):
        port = str(start + i)
        if host_port:
            host_port = str(host_start + i)
        if start == end and host_start != host_end:
            host_port = f"{host_port}-{host_end}"
        mappings.append((port_key(proto.lower(), port), {"HostIp": ip, "HostPort": host_port}))
    return mappings


def parse_port_specs(specs) -> tuple[dict, dict]:
    """Several -p values -> (ExposedPorts, PortBindings) as the API wants them."""
    exposed: dict[str, dict] = {}
    bindings: dict[str, list[dict]] = {}
    for raw in specs:
        for key, binding in parse_port_spec(raw):
            exposed.setdefault(key, {})
            bindings.setdefault(key, []).append(binding)
    return exposed, bindings


def to_standard_notation(specs) -> list[str]:
    """The long form `published=8080,target=80,protocol=udp` -> "8080:80/udp"."""
    out = []
    for spec in specs:
        if "=" not in spec:
            out.append(spec)
            continue
        params = {"protocol": "tcp"}
        for param in spec.split(","):
            key, eq, value = param.partition("=")
            if not eq or not key:
                raise OptError(f"invalid publish opts format (should be name=value but got '{param}')")
            params[key] = value
        out.append(f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}")
    return out


def parse_expose(values, exposed: dict) -> dict:
    """--expose 80, 80/udp or 8000-8010/tcp, merged into ExposedPorts."""
    for value in values:
        if ":" in value:
            raise OptError(f"invalid port format for --expose: {value}")
        proto, port = split_proto_port(value)
        try:
            start, end = parse_port_range(port)
        except OptError as exc:
            raise OptError(f"invalid range format for --expose: {value}, error: {exc}") from None
        for number in range(start, end + 1):
            exposed.setdefault(port_key(proto, str(number)), {})
    return exposed
