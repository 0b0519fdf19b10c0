"""-p/--publish and --expose as go-connections/nat parses them."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.ports import parse_expose, parse_port_range, parse_port_specs, split_proto_port, to_standard_notation


def binding(ip="", port=""):
    return {"HostIp": ip, "HostPort": port}


@pytest.mark.parametrize("spec, exposed, bindings", [
    ("80", ["80/tcp"], {"80/tcp": [binding()]}),
    ("8080:80", ["80/tcp"], {"80/tcp": [binding(port="8080")]}),
    ("127.0.0.1:8080:80/udp", ["80/udp"], {"80/udp": [binding("127.0.0.1", "8080")]}),
    ("127.0.0.1::80", ["80/tcp"], {"80/tcp": [binding("127.0.0.1")]}),
    ("8000-8001:80-81", ["80/tcp", "81/tcp"], {"80/tcp": [binding(port="8000")], "81/tcp": [binding(port="8001")]}),
    ("8000-8010:80", ["80/tcp"], {"80/tcp": [binding(port="8000-8010")]}),
    ("[::1]:8080:80", ["80/tcp"], {"80/tcp": [binding("::1", "8080")]}),
    ("::1:8080:80", ["80/tcp"], {"80/tcp": [binding("::1", "8080")]}),
    ("53/SCTP", ["53/sctp"], {"53/sctp": [binding()]}),
])
def test_port_specs(spec, exposed, bindings):
    got_exposed, got_bindings = parse_port_specs([spec])
    assert list(got_exposed) == exposed
    assert got_bindings == bindings


def test_repeated_ports_collect_bindings():
    _, bindings = parse_port_specs(["8080:80", "127.0.0.1:9090:80"])
    assert bindings == {"80/tcp": [binding(port="8080"), binding("127.0.0.1", "9090")]}


@pytest.mark.parametrize("spec, message", [
    ("abc", "invalid containerPort: abc"),
    ("8080:abc", "invalid containerPort: abc"),
    ("abc:80", "invalid hostPort: abc"),
    ("8080:80/xyz", "invalid proto: xyz"),
    ("1.2.3:80:80", "invalid IP address: 1.2.3"),
    ("8000-8001:80-83", "invalid ranges specified for container and host Ports: 80-83 and 8000-8001"),
    ("8080:", "no port specified: 8080:<empty>"),
    ("70000", "invalid containerPort: 70000"),
])
def test_bad_port_specs(spec, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_port_specs([spec])


def test_long_syntax():
    assert to_standard_notation(["published=8080,target=80", "target=53,published=53,protocol=udp", "90"]) == \
        ["8080:80/tcp", "53:53/udp", "90"]
    with pytest.raises(OptError, match=r"should be name=value but got 'x'"):
        to_standard_notation(["target=80,x"])


def test_ranges_and_protocols():
    assert parse_port_range("8000-8010") == (8000, 8010)
    assert split_proto_port("80/udp") == ("udp", "80")
    assert split_proto_port("80/") == ("tcp", "80")
    with pytest.raises(OptError, match="invalid range specified for port: 9-8"):
        parse_port_range("9-8")
    with pytest.raises(OptError, match='strconv.ParseUint: parsing "x": invalid syntax'):
        parse_port_range("x")


def test_expose_merges_into_exposed_ports():
    assert list(parse_expose(["7000", "8000-8002/udp"], {"80/tcp": {}})) == \
        ["80/tcp", "7000/tcp", "8000/udp", "8001/udp", "8002/udp"]
    with pytest.raises(OptError, match="^invalid port format for --expose: 1:2$"):
        parse_expose(["1:2"], {})
    with pytest.raises(OptError, match=r'^invalid range format for --expose: x, error: strconv.ParseUint: '
                                       r'parsing "x": invalid syntax$'):
        parse_expose(["x"], {})
