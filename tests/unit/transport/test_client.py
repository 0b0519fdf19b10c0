"""Transport: versioned URLs, query encoding, headers, negotiation and error mapping (no engine)."""
from __future__ import annotations

import json
import socket

import httpx
import pytest

from pydock.transport.client import MAX_API_VERSION, MIN_API_VERSION, Transport, encode_params, negotiate
from pydock.transport.errors import Conflict, DaemonUnreachable, EngineError, NotFound

BASE = "http://docker"


@pytest.fixture(autouse=True)
def _no_env_version(monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    monkeypatch.delenv("DOCKER_HOST", raising=False)


def make(api_version: str | None = "1.41", **kwargs) -> Transport:
    """A transport whose requests pytest-httpx intercepts."""
    return Transport("unix:///tmp/pydt-test.sock", api_version=api_version,
                     httpx_transport=httpx.HTTPTransport(), **kwargs)


# -- paths and queries ------------------------------------------------------------------------
def test_paths_carry_the_api_version(httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/v1.41/containers/json", json=[])
    assert make().get_json("/containers/json") == []


def test_query_booleans_are_1_and_0_and_none_is_dropped(httpx_mock):
    httpx_mock.add_response(json=[])
    make().get_json("/containers/json", params={"all": True, "size": False, "limit": None, "n": 3})
    url = httpx_mock.get_request().url
    assert url.path == "/v1.41/containers/json"
    assert list(url.params.multi_items()) == [("all", "1"), ("size", "0"), ("n", "3")]


def test_filters_are_compact_json(httpx_mock):
    httpx_mock.add_response(json=[])
    filters = {"label": {"a=b": True}, "status": ["exited"]}
    make().get_json("/containers/json", params={"filters": filters})
    raw = httpx_mock.get_request().url.params["filters"]
    assert raw == '{"label":{"a=b":true},"status":["exited"]}'
    assert json.loads(raw) == filters


def test_repeated_keys_as_pairs():
    assert encode_params([("t", "a:1"), ("t", "b:2"), ("q", None)]) == [("t", "a:1"), ("t", "b:2")]
    assert encode_params({}) is None
    assert encode_params({"x": None}) is None


def test_path_arguments_are_sent_as_given(httpx_mock):
    httpx_mock.add_response(status_code=204)
    make().request("POST", "/containers/pydt-x/start")
    assert httpx_mock.get_request().url.raw_path == b"/v1.41/containers/pydt-x/start"


# -- headers ----------------------------------------------------------------------------------
def test_user_agent_and_config_headers(httpx_mock):
    httpx_mock.add_response(json={})
    make(headers={"X-Meta": "pydt"}).get_json("/info")
    request = httpx_mock.get_request()
    assert request.headers["User-Agent"] == "pydock/0.1.0"
    assert request.headers["X-Meta"] == "pydt"


def test_config_headers_can_override_the_user_agent(httpx_mock):
    httpx_mock.add_response(json={})
    make(headers={"User-Agent": "custom/1"}).get_json("/info")
    assert httpx_mock.get_request().headers["User-Agent"] == "custom/1"


def test_registry_auth_header_passes_through(httpx_mock):
    httpx_mock.add_response(text="")
    token = "eyJ1c2VybmFtZSI6InUifQ=="
    make().request("POST", "/images/create", params={"fromImage": "alpine"}, headers={"X-Registry-Auth": token})
    assert httpx_mock.get_request().headers["X-Registry-Auth"] == token


def test_json_bodies_are_sent_as_application_json(httpx_mock):
    httpx_mock.add_response(status_code=201, json={"Id": "abc", "Warnings": []})
    body = {"Image": "alpine", "Cmd": ["true"]}
    assert make().post_json("/containers/create", params={"name": "pydt-a"}, json=body)["Id"] == "abc"
    request = httpx_mock.get_request()
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == body


def test_requests_without_body_have_no_content_type(httpx_mock):
    httpx_mock.add_response(status_code=204)
    assert make().post_json("/containers/x/stop") is None
    assert "Content-Type" not in httpx_mock.get_request().headers


# -- version negotiation ----------------------------------------------------------------------
@pytest.mark.parametrize("server, expected", [
    ("1.41", "1.41"),      # an older engine: use its version
    ("1.50", MAX_API_VERSION),  # a newer engine: ours is the ceiling
    ("1.47", "1.47"),
    ("1.12", "1.12"),      # docker's client does not refuse old engines; the engine decides
    (None, MIN_API_VERSION),  # no API-Version header: docker's fallback, 1.24
])
def test_negotiation(httpx_mock, server, expected):
    headers = {"API-Version": server} if server else {}
    httpx_mock.add_response(url=f"{BASE}/_ping", text="OK", headers=headers)
    httpx_mock.add_response(url=f"{BASE}/v{expected}/info", json={})
    transport = make(api_version=None)
    transport.get_json("/info")
    assert transport.api_version == expected
    assert transport.negotiated


def test_negotiate_function():
    assert negotiate("1.41") == "1.41"
    assert negotiate("1.100") == MAX_API_VERSION  # numeric, not string, comparison
    assert negotiate("1.9") == "1.9"
    assert negotiate("") == MIN_API_VERSION


def test_ping_happens_once(httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/_ping", text="OK", headers={"API-Version": "1.41"})
    httpx_mock.add_response(url=f"{BASE}/v1.41/info", json={}, is_reusable=True)
    transport = make(api_version=None)
    for _ in range(3):
        transport.get_json("/info")
    assert len(httpx_mock.get_requests(url=f"{BASE}/_ping")) == 1


def test_docker_api_version_env_skips_negotiation(httpx_mock, monkeypatch):
    monkeypatch.setenv("DOCKER_API_VERSION", "1.40")
    httpx_mock.add_response(url=f"{BASE}/v1.40/info", json={})
    transport = make(api_version=None)
    transport.get_json("/info")
    assert transport.api_version == "1.40"
    assert not transport.negotiated
    assert not httpx_mock.get_requests(url=f"{BASE}/_ping")


def test_ping_error_with_version_header_still_negotiates(httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/_ping", status_code=500, text="busy", headers={"API-Version": "1.41"})
    assert make(api_version=None).api_version == "1.41"


def test_ping_error_without_version_header_is_an_engine_error(httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/_ping", status_code=500, json={"message": "starting up"})
    with pytest.raises(EngineError, match="starting up"):
        make(api_version=None).api_version


def test_too_old_for_the_engine_is_the_engines_message(httpx_mock):
    message = "client version 1.24 is too old. Minimum supported API version is 1.44, please upgrade"
    httpx_mock.add_response(status_code=400, json={"message": message})
    with pytest.raises(EngineError) as info:
        make(api_version="1.24").get_json("/info")
    assert str(info.value) == f"Error response from daemon: {message}"


def test_version_at_least_and_current_version(httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/_ping", text="OK", headers={"API-Version": "1.41"})
    transport = make(api_version=None)
    assert transport.current_version == MAX_API_VERSION  # not negotiated yet: no request made
    assert transport.version_at_least("1.41")
    assert not transport.version_at_least("1.42")
    assert transport.current_version == "1.41"


# -- errors ----------------------------------------------------------------------------------
def test_404_is_not_found_with_dockers_prefix(httpx_mock):
    httpx_mock.add_response(status_code=404, json={"message": "No such container: pydt-nope"})
    with pytest.raises(NotFound) as info:
        make().get_json("/containers/pydt-nope/json")
    assert str(info.value) == "Error response from daemon: No such container: pydt-nope"
    assert info.value.status == 404


def test_409_is_conflict(httpx_mock):
    httpx_mock.add_response(status_code=409, json={"message": "container is running"})
    with pytest.raises(Conflict, match="container is running"):
        make().request("DELETE", "/containers/x")


def test_non_json_error_body_is_used_as_text(httpx_mock):
    httpx_mock.add_response(status_code=500, text="something broke\n", headers={"Content-Type": "text/plain"})
    with pytest.raises(EngineError) as info:
        make().get_json("/info")
    assert str(info.value) == "Error response from daemon: something broke"


def test_message_is_trimmed(httpx_mock):
    httpx_mock.add_response(status_code=400, json={"message": "bad parameter \n"})
    with pytest.raises(EngineError) as info:
        make().get_json("/info")
    assert str(info.value) == "Error response from daemon: bad parameter"


def test_empty_error_body_is_dockers_route_message(httpx_mock):
    httpx_mock.add_response(status_code=404, content=b"")
    with pytest.raises(NotFound) as info:
        make().get_json("/nope", params={"a": 1})
    assert str(info.value) == ("request returned 404 Not Found for API route and version "
                               "http://%2Ftmp%2Fpydt-test.sock/v1.41/nope?a=1, check if the server "
                               "supports the requested API version")


def test_head_error_is_worded_from_its_status(httpx_mock):
    """A HEAD answer never has a body: docker's client words the error from the status line."""
    httpx_mock.add_response(method="HEAD", status_code=500, content=b"")
    with pytest.raises(EngineError) as info:
        make().request("HEAD", "/containers/c/archive", params={"path": "/a/x"})
    assert str(info.value) == ("request returned 500 Internal Server Error for API route and version "
                               "http://%2Ftmp%2Fpydt-test.sock/v1.41/containers/c/archive?path=%2Fa%2Fx, check if "
                               "the server supports the requested API version")


def test_stream_raises_before_yielding(httpx_mock):
    httpx_mock.add_response(status_code=404, json={"message": "No such container: x"})
    with pytest.raises(NotFound):
        with make().stream("GET", "/containers/x/logs"):
            pytest.fail("the body of a failed stream must not run")


def test_stream_yields_the_unread_response(httpx_mock):
    httpx_mock.add_response(content=b"line1\nline2\n")
    with make().stream("GET", "/containers/x/logs", params={"follow": True}) as response:
        assert b"".join(response.iter_bytes()) == b"line1\nline2\n"


def test_304_is_not_an_error(httpx_mock):
    httpx_mock.add_response(status_code=304)
    assert make().request("POST", "/containers/x/start").status_code == 304


# -- unreachable engines (real sockets, nothing mocked) ----------------------------------------
def test_missing_socket_is_dockers_message():
    transport = Transport("unix:///nonexistent.sock")
    with pytest.raises(DaemonUnreachable) as info:
        transport.get_json("/version")
    assert str(info.value) == ("Cannot connect to the Docker daemon at unix:///nonexistent.sock. "
                               "Is the docker daemon running?")


def test_socket_with_no_listener(tmp_path):
    path = tmp_path / "dead.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the file stays, nobody listens: ECONNREFUSED
    with pytest.raises(DaemonUnreachable, match=f"at unix://{path}\\. Is the docker"):
        Transport(f"unix://{path}").ping()


def test_refused_tcp_port():
    with pytest.raises(DaemonUnreachable) as info:
        Transport("tcp://127.0.0.1:1").ping()
    assert str(info.value) == "Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?"


def test_transport_makes_no_connection_until_used():
    transport = Transport("unix:///nonexistent.sock")
    assert transport.current_version == MAX_API_VERSION
    transport.close()
