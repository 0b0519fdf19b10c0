"""VolumesAPI requests (Engine API 1.41 paths)."""
from __future__ import annotations

import pytest

from pydock.transport.errors import Conflict, InvalidArgument, InvalidVersion

from .conftest import BASE, body, make_api, query, sent


def test_list_returns_the_engines_dict(api, httpx_mock):
    answer = {"Volumes": [{"Name": "v"}], "Warnings": None}
    httpx_mock.add_response(url=f"{BASE}/volumes?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D",
                            json=answer)
    assert api.volumes.list({"dangling": {"true": True}}) == answer


def test_inspect_create_remove(api, httpx_mock):
    httpx_mock.add_response(method="GET", json={"Name": "v"})
    httpx_mock.add_response(method="POST", json={"Name": "v", "Driver": "local"})
    httpx_mock.add_response(method="DELETE", status_code=204, is_reusable=True)
    assert api.volumes.inspect("v") == {"Name": "v"}
    payload = {"Name": "v", "Driver": "local", "DriverOpts": {}, "Labels": {"a": "b"}}
    assert api.volumes.create(payload)["Driver"] == "local"
    api.volumes.remove("v", force=True)
    api.volumes.remove("v")
    inspecting, creating, forced, plain = httpx_mock.get_requests()
    assert inspecting.url.path == "/v1.41/volumes/v"
    assert creating.url.path == "/v1.41/volumes/create" and body(creating) == payload
    assert query(forced) == [("force", "1")] and query(plain) == []


def test_force_is_left_out_before_1_25(httpx_mock, monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    httpx_mock.add_response(status_code=204)
    make_api("1.24").volumes.remove("v", force=True)
    assert query(sent(httpx_mock)) == []


def test_empty_name(api):
    with pytest.raises(InvalidArgument, match="^invalid volume name or ID: value is empty$"):
        api.volumes.inspect_raw("")


def test_in_use_is_a_conflict(api, httpx_mock):
    httpx_mock.add_response(status_code=409, json={"message": "remove v: volume is in use - [abc]"})
    with pytest.raises(Conflict, match="volume is in use"):
        api.volumes.remove("v")


def test_prune(api, old_api, httpx_mock):
    with pytest.raises(InvalidVersion, match='"volume prune" requires API version 1.25'):
        old_api.volumes.prune()
    httpx_mock.add_response(json={"VolumesDeleted": None, "SpaceReclaimed": 0})
    assert api.volumes.prune({"label": {"pydt": True}})["SpaceReclaimed"] == 0
    request = sent(httpx_mock)
    assert (request.method, request.url.path) == ("POST", "/v1.41/volumes/prune")


def test_update_puts_the_spec_at_the_cluster_volume_version(httpx_mock, monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    httpx_mock.add_response(status_code=200)
    make_api("1.42").volumes.update("abc", 27, {"Availability": "drain"})
    request = sent(httpx_mock)
    assert (request.method, request.url.path, query(request)) == ("PUT", "/v1.42/volumes/abc", [("version", "27")])
    assert body(request) == {"Spec": {"Availability": "drain"}}


def test_update_before_1_42_is_refused_without_a_request(api, httpx_mock):
    with pytest.raises(InvalidVersion, match='^"volume update" requires API version 1.42, but the Docker daemon API '
                                             'version is 1.41$'):
        api.volumes.update("abc", 1, {})
    assert httpx_mock.get_requests() == []
