"""ImagesAPI requests: references keep "/", ":" and "@" in paths."""
from __future__ import annotations

import pytest

from pydock.transport.errors import ImageNotFound, NotFound

from .conftest import query, sent


def test_inspect_keeps_reference_characters(api, httpx_mock):
    httpx_mock.add_response(json={"Id": "sha256:x"})
    api.images.inspect("127.0.0.1:5000/a/b:1@sha256:abc")
    assert sent(httpx_mock).url.raw_path == b"/v1.41/images/127.0.0.1:5000/a/b:1@sha256:abc/json"


def test_inspect_of_an_empty_name_is_not_found_as_docker_says(api, httpx_mock):
    with pytest.raises(ImageNotFound) as info:
        api.images.inspect_raw("")
    assert str(info.value) == "Error: No such image: " and isinstance(info.value, NotFound)
    assert httpx_mock.get_requests() == []


def test_missing_image_is_image_not_found(api, httpx_mock):
    httpx_mock.add_response(status_code=404, json={"message": "No such image: pydt-x:latest"})
    with pytest.raises(ImageNotFound):
        api.images.inspect("pydt-x")


def test_list_remove_tag(api, httpx_mock):
    httpx_mock.add_response(method="GET", json=[])
    httpx_mock.add_response(method="DELETE", json=[{"Untagged": "a:b"}])
    httpx_mock.add_response(method="POST", status_code=201)
    assert api.images.list(all=True, filters={"dangling": {"true": True}}) == []
    assert api.images.remove("a:b", force=True) == [{"Untagged": "a:b"}]
    api.images.tag("a:b", "c/d", "e")
    listing, removal, tagging = httpx_mock.get_requests()
    assert query(listing) == [("all", "1"), ("filters", '{"dangling":{"true":true}}')]
    assert removal.url.raw_path == b"/v1.41/images/a:b?force=1"
    assert tagging.url.raw_path == b"/v1.41/images/a:b/tag?repo=c%2Fd&tag=e"


def test_pull_sends_auth_header(api, httpx_mock):
    httpx_mock.add_response(content=b'{"status":"done"}\n')
    with api.images.pull("alpine", "3", platform="linux/amd64", auth="e30=") as response:
        assert response.read() == b'{"status":"done"}\n'
    request = sent(httpx_mock)
    assert query(request) == [("fromImage", "alpine"), ("tag", "3"), ("platform", "linux/amd64")]
    assert request.headers["X-Registry-Auth"] == "e30="
