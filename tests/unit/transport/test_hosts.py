"""Host parsing, checked against docker 28's opts.ParseHost (results observed with the real CLI)."""
from __future__ import annotations

import pytest

from pydock.transport.errors import ConfigError
from pydock.transport.hosts import DEFAULT_HOST, SSHHostError, join_host_port, parse_host, split_host_port


@pytest.mark.parametrize("value, url", [
    ("", DEFAULT_HOST),
    ("   ", DEFAULT_HOST),
    ("unix://", DEFAULT_HOST),
    ("unix:///var/run/docker.sock", "unix:///var/run/docker.sock"),
    ("unix:///tmp/pydt.sock", "unix:///tmp/pydt.sock"),
    ("unix://relative.sock", "unix://relative.sock"),
])
def test_unix(value, url):
    host = parse_host(value)
    assert (host.scheme, host.url) == ("unix", url)
    assert host.address == url[len("unix://"):]


@pytest.mark.parametrize("value, url", [
    ("tcp://", "tcp://localhost:2375"),
    ("tcp://127.0.0.1", "tcp://127.0.0.1:2375"),
    ("tcp://127.0.0.1:", "tcp://127.0.0.1:2375"),
    ("tcp://127.0.0.1:1", "tcp://127.0.0.1:1"),
    ("tcp://example.com:2376", "tcp://example.com:2376"),
    ("tcp://127.0.0.1:1/path", "tcp://127.0.0.1:1/path"),
    ("tcp://[::1]:1", "tcp://[::1]:1"),
    ("tcp://[::1]:", "tcp://[::1]:2375"),
    ("127.0.0.1:1", "tcp://127.0.0.1:1"),      # bare host:port is tcp
    (":2", "tcp://localhost:2"),
    ("example.com", "tcp://example.com:2375"),
    # docker 28 reads a bare path as tcp too (a later docker switched this to unix)
    ("/tmp/x.sock", "tcp://localhost:2375/tmp/x.sock"),
    ("./x.sock", "tcp://.:2375/x.sock"),
])
def test_tcp(value, url):
    host = parse_host(value)
    assert (host.scheme, host.url) == ("tcp", url)


def test_tcp_address_and_port():
    host = parse_host("tcp://10.0.0.1:2376/base/")
    assert host.address == "10.0.0.1:2376"
    assert host.port == 2376
    assert host.path == "/base"
    assert host.hostname == "10.0.0.1"


def test_tcp_default_port_ignores_tls():
    # ParseTCPAddr always defaults to 2375; only an empty host under TLS means localhost:2376
    assert parse_host("tcp://127.0.0.1", tls=True).url == "tcp://127.0.0.1:2375"
    assert parse_host("", tls=True).url == "tcp://localhost:2376"
    assert parse_host("", tls=False).url == DEFAULT_HOST


@pytest.mark.parametrize("value, message", [
    ("foo://x", "invalid bind address format: foo://x"),
    ("http://127.0.0.1:1", "invalid bind address format: http://127.0.0.1:1"),
    ("tcp://a://b", "invalid proto, expected tcp: a://b"),
    ("unix://a://b", "invalid proto, expected unix: a://b"),
    ("tcp://127.0.0.1:abc", 'parse "tcp://127.0.0.1:abc": invalid port ":abc" after host'),
    ("a:b:c", 'parse "tcp://a:b:c": invalid port ":c" after host'),
    ("[::1]", "invalid bind address format: [::1]"),
    ("tcp://[::1", 'parse "tcp://[::1": missing \']\' in host'),
])
def test_invalid(value, message):
    with pytest.raises(ConfigError) as info:
        parse_host(value)
    assert str(info.value) == message
    assert not isinstance(info.value, SSHHostError)


@pytest.mark.parametrize("value, user, address, port, path", [
    ("ssh://host", None, "host", None, ""),
    ("ssh://user@host", "user", "host", None, ""),
    ("ssh://user@host:22", "user", "host", 22, ""),
    ("ssh://host:2222/", None, "host", 2222, ""),
    ("ssh://host/var/run/other.sock", None, "host", None, "/var/run/other.sock"),
    ("ssh://user@[::1]:22", "user", "::1", 22, ""),
])
def test_ssh(value, user, address, port, path):
    host = parse_host(value)
    assert (host.scheme, host.user, host.address, host.port, host.path) == ("ssh", user, address, port, path)
    assert host.url == value


@pytest.mark.parametrize("value, reason", [
    ("ssh://user:pw@host", "plain-text password is not supported"),
    ("ssh://", "hostname is empty"),
    ("ssh://user@", "hostname is empty"),
    ("ssh://host?x=1", 'query parameters are not allowed: "x=1"'),
    ("ssh://host#frag", 'fragments are not allowed: "frag"'),
])
def test_ssh_invalid(value, reason):
    with pytest.raises(SSHHostError) as info:
        parse_host(value)
    assert str(info.value) == f"ssh host connection is not valid: invalid SSH URL: {reason}"


def test_ssh_bad_port_fails_in_url_parsing():
    with pytest.raises(SSHHostError) as info:
        parse_host("ssh://user@[::1]:abc")
    assert str(info.value) == 'parse "ssh://user@[::1]:abc": invalid port ":abc" after host'


def test_npipe_is_refused_here():
    with pytest.raises(ConfigError, match="npipe"):
        parse_host("npipe:////./pipe/docker_engine")


@pytest.mark.parametrize("hostport, expected", [
    ("a:1", ("a", "1")),
    ("[::1]:2", ("::1", "2")),
    (":3", ("", "3")),
    ("a:", ("a", "")),
])
def test_split_host_port(hostport, expected):
    assert split_host_port(hostport) == expected


@pytest.mark.parametrize("hostport", ["a", "a:b:c", "[::1]", "[a]b:1"])
def test_split_host_port_errors(hostport):
    with pytest.raises(ValueError):
        split_host_port(hostport)


def test_join_host_port_brackets_ipv6():
    assert join_host_port("::1", "2375") == "[::1]:2375"
    assert join_host_port("a", "1") == "a:1"
