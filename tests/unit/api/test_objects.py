"""ObjectsAPI only dispatches to each kind's own inspect_raw."""
from __future__ import annotations

import pytest

from pydock.api.objects import KINDS
from pydock.transport.errors import InvalidArgument

from .conftest import sent

PATHS = {"container": b"/v1.41/containers/x/json", "image": b"/v1.41/images/x/json",
         "network": b"/v1.41/networks/x", "volume": b"/v1.41/volumes/x",
         "service": b"/v1.41/services/x?insertDefaults=1", "task": b"/v1.41/tasks/x", "node": b"/v1.41/nodes/x",
         "plugin": b"/v1.41/plugins/x/json", "secret": b"/v1.41/secrets/x", "config": b"/v1.41/configs/x"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_inspects_its_own_path(api, httpx_mock, kind):
    httpx_mock.add_response(content=b'{"raw": 1}')
    assert api.objects.inspect_raw(kind, "x") == b'{"raw": 1}'
    assert sent(httpx_mock).url.raw_path == PATHS[kind]


def test_size_is_for_containers(api, httpx_mock):
    httpx_mock.add_response(content=b"{}")
    api.objects.inspect_raw("container", "x", size=True)
    assert sent(httpx_mock).url.raw_path == b"/v1.41/containers/x/json?size=1"


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "image"])
def test_empty_names_are_refused_per_kind(api, httpx_mock, kind):
    with pytest.raises(InvalidArgument, match=f"^invalid {kind} name or ID: value is empty$"):
        api.objects.inspect_raw(kind, "")
