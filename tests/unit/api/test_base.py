"""The endpoint base: one quoting rule, docker's empty-name check, the API-version guard, filters."""
from __future__ import annotations

import pytest

from pydock.api.base import Endpoint, as_filters, minimum_version, quote_segment
from pydock.transport.errors import InvalidArgument, InvalidVersion

from .conftest import make_api


class Things(Endpoint):
    kind = "thing"

    @minimum_version("1.30", "thing prune")
    def prune(self):
        return "pruned"


def test_quote_segment_encodes_everything_but_safe():
    assert quote_segment("a b/c:d@e?f#") == "a%20b%2Fc%3Ad%40e%3Ff%23"
    assert quote_segment("reg:5000/a/b:tag@sha256:x", safe="/:@") == "reg:5000/a/b:tag@sha256:x"
    with pytest.raises(InvalidArgument, match="Expected a string but found 3"):
        quote_segment(3)


def test_path_trims_and_refuses_empty_names_with_dockers_words():
    things = Things(make_api().transport)
    assert things.path("/things/{}/x", "  a b ") == "/things/a%20b/x"
    with pytest.raises(InvalidArgument) as info:
        things.path("/things/{}", " \t")
    assert str(info.value) == "invalid thing name or ID: value is empty"
    assert things.path("/other/{}", "", kind="") == "/other/"
    with pytest.raises(InvalidArgument, match="invalid container name or ID"):
        things.path("/containers/{}", "", kind="container")


def test_unchecked_kind_keeps_names_as_given():
    plain = Endpoint(make_api().transport)
    assert plain.path("/exec/{}/json", " x ") == "/exec/%20x%20/json"


def test_minimum_version_refuses_before_sending(httpx_mock):
    with pytest.raises(InvalidVersion) as info:
        Things(make_api("1.29").transport).prune()
    assert str(info.value) == '"thing prune" requires API version 1.30, but the Docker daemon API version is 1.29'
    assert httpx_mock.get_requests() == []
    assert Things(make_api("1.30").transport).prune() == "pruned"
    assert Things.prune.min_api_version == "1.30"


def test_version_accessors():
    things = Things(make_api("1.41").transport)
    assert things.api_version == "1.41"
    assert things.version_at_least("1.41") and not things.version_at_least("1.42")
    things.require_version("1.40", "x")


def test_as_filters_takes_docker_py_and_engine_shapes():
    assert as_filters(None) is None and as_filters({}) is None
    assert as_filters({"label": "a=b", "dangling": True, "name": ["x", "y"], "id": {"z": True}}) == {
        "label": {"a=b": True}, "dangling": {"true": True}, "name": {"x": True, "y": True}, "id": {"z": True}}
