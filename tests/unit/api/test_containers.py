"""ContainersAPI requests and error mapping (the engine is pytest-httpx)."""
from __future__ import annotations

import pytest

from pydock.transport.errors import Conflict, ImageNotFound, InvalidArgument, InvalidVersion, NotFound

from .conftest import BASE, body, query, sent


def test_list_sends_only_what_is_set(api, httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/containers/json", json=[])
    assert api.containers.list() == []
    httpx_mock.add_response(json=[{"Id": "x"}])
    assert api.containers.list(all=True, limit=3, size=True, filters={"label": {"a": True}}) == [{"Id": "x"}]
    request = httpx_mock.get_requests()[1]
    assert query(request) == [("all", "1"), ("limit", "3"), ("size", "1"), ("filters", '{"label":{"a":true}}')]


def test_names_are_quoted_and_trimmed(api, httpx_mock):
    httpx_mock.add_response(json={"Id": "x"})
    api.containers.inspect(" a b ")
    assert sent(httpx_mock).url.raw_path == b"/v1.41/containers/a%20b/json"


@pytest.mark.parametrize("call", [
    lambda c: c.inspect(""), lambda c: c.start(" "), lambda c: c.remove(""), lambda c: c.kill(""),
    lambda c: c.commit(""), lambda c: c.put_archive("", "/", b""), lambda c: c.logs(""),
])
def test_an_empty_name_is_refused_before_sending(api, httpx_mock, call):
    with pytest.raises(InvalidArgument, match="^invalid container name or ID: value is empty$"):
        call(api.containers)
    assert httpx_mock.get_requests() == []


def test_inspect_raw_keeps_the_engines_bytes(api, httpx_mock):
    httpx_mock.add_response(content=b'{"Id":  "x"}')
    assert api.containers.inspect_raw("x", size=True) == b'{"Id":  "x"}'
    assert query(sent(httpx_mock)) == [("size", "1")]


def test_create_posts_the_body_and_name(api, httpx_mock):
    httpx_mock.add_response(json={"Id": "c1", "Warnings": []})
    payload = {"Image": "alpine", "HostConfig": {}, "NetworkingConfig": {"EndpointsConfig": {}}}
    assert api.containers.create(payload, name="pydt-x")["Id"] == "c1"
    request = sent(httpx_mock)
    assert (request.method, request.url.path) == ("POST", "/v1.41/containers/create")
    assert query(request) == [("name", "pydt-x")] and body(request) == payload


def test_create_refuses_a_mac_per_network_before_api_1_44(api, httpx_mock):
    payload = {"Image": "alpine", "NetworkingConfig": {"EndpointsConfig": {"n": {"MacAddress": "02:42:ac:11:00:02"}}}}
    with pytest.raises(InvalidVersion, match='^"specify mac-address per network" requires API version 1.44, but '
                                             'the Docker daemon API version is 1.41$'):
        api.containers.create(payload)
    assert httpx_mock.get_requests() == []


def test_stop_leaves_out_signal_before_1_42(api, httpx_mock):
    httpx_mock.add_response(status_code=204)
    api.containers.stop("x", timeout=3, signal="SIGINT")
    assert query(sent(httpx_mock)) == [("t", "3")]


def test_prune_is_guarded(old_api, api, httpx_mock):
    with pytest.raises(InvalidVersion, match='"container prune" requires API version 1.25'):
        old_api.containers.prune()
    httpx_mock.add_response(json={"ContainersDeleted": None, "SpaceReclaimed": 0})
    api.containers.prune({"label": {"pydt": True}})
    request = sent(httpx_mock)
    assert request.url.path == "/v1.41/containers/prune" and query(request) == [("filters", '{"label":{"pydt":true}}')]


def test_commit_repeats_changes(api, httpx_mock):
    httpx_mock.add_response(json={"Id": "sha256:abc"})
    api.containers.commit("c", repo="r", tag="t", changes=["ENV A=1", "CMD x"], pause=False)
    request = sent(httpx_mock)
    assert query(request) == [("container", "c"), ("repo", "r"), ("tag", "t"), ("pause", "0"),
                              ("changes", "ENV A=1"), ("changes", "CMD x")]
    assert body(request) == {}


def test_put_archive_sends_tar(api, httpx_mock):
    httpx_mock.add_response(status_code=200)
    api.containers.put_archive("c", "/tmp", b"TAR", copy_uid_gid=True)
    request = sent(httpx_mock)
    assert request.method == "PUT" and request.headers["Content-Type"] == "application/x-tar"
    # docker's client never lets a directory replace a file nor a file a directory (noOverwriteDirNonDir)
    assert query(request) == [("path", "/tmp"), ("noOverwriteDirNonDir", "1"), ("copyUIDGID", "1")]
    assert request.content == b"TAR"


def test_put_archive_may_allow_overwriting(api, httpx_mock):
    httpx_mock.add_response(status_code=200)
    api.containers.put_archive("c", "/tmp", b"TAR", no_overwrite_dir_non_dir=False)
    assert query(sent(httpx_mock)) == [("path", "/tmp")]


def test_archive_stat_decodes_the_header(api, httpx_mock):
    import base64
    import json

    stat = {"name": "sh", "size": 3, "mode": 493, "mtime": "2024-01-01T00:00:00Z", "linkTarget": ""}
    httpx_mock.add_response(headers={"X-Docker-Container-Path-Stat": base64.b64encode(json.dumps(stat).encode())
                                     .decode()})
    assert api.containers.archive_stat("c", "/bin/sh") == stat


@pytest.mark.parametrize("status, message, cls", [
    (404, "No such container: x", NotFound),
    (404, "No such image: alpine:nope", ImageNotFound),
    (404, "pull access denied for x, repository does not exist or may require 'docker login'", ImageNotFound),
    (409, "Conflict. The container name \"/x\" is already in use", Conflict),
])
def test_engine_errors_map_to_classes(api, httpx_mock, status, message, cls):
    httpx_mock.add_response(status_code=status, json={"message": message})
    with pytest.raises(cls) as info:
        api.containers.inspect("x")
    error = info.value
    assert type(error) is cls
    assert str(error) == f"Error response from daemon: {message}"
    assert (error.status_code, error.explanation, error.is_client_error(), error.is_server_error()) == \
        (status, message, True, False)
    assert error.response.status_code == status
