"""NetworksAPI requests (Engine API 1.41 paths)."""
from __future__ import annotations

import pytest

from pydock.transport.errors import EngineError, InvalidArgument, InvalidVersion, NotFound

from .conftest import BASE, body, query, sent


def test_list_with_filters(api, httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/networks", json=[{"Name": "bridge"}])
    assert api.networks.list() == [{"Name": "bridge"}]
    httpx_mock.add_response(json=[])
    api.networks.list({"driver": {"bridge": True}})
    assert query(httpx_mock.get_requests()[1]) == [("filters", '{"driver":{"bridge":true}}')]


def test_inspect_verbose_and_scope(api, httpx_mock):
    httpx_mock.add_response(json={"Name": "n"})
    assert api.networks.inspect("my net", verbose=True, scope="local") == {"Name": "n"}
    request = sent(httpx_mock)
    assert request.url.raw_path == b"/v1.41/networks/my%20net?verbose=true&scope=local"


def test_inspect_raw(api, httpx_mock):
    httpx_mock.add_response(content=b'{"Name":"n"}')
    assert api.networks.inspect_raw("n") == b'{"Name":"n"}'
    assert query(sent(httpx_mock)) == []


def test_create_remove(api, httpx_mock):
    httpx_mock.add_response(method="POST", json={"Id": "n1", "Warning": ""})
    httpx_mock.add_response(method="DELETE", status_code=204)
    payload = {"Name": "pydt-n", "Driver": "bridge", "IPAM": {"Driver": "default", "Config": []}}
    assert api.networks.create(payload)["Id"] == "n1"
    api.networks.remove("pydt-n")
    creating, removing = httpx_mock.get_requests()
    assert creating.url.path == "/v1.41/networks/create" and body(creating) == payload
    assert (removing.method, removing.url.path) == ("DELETE", "/v1.41/networks/pydt-n")


def test_connect_and_disconnect(api, httpx_mock):
    httpx_mock.add_response(status_code=200, is_reusable=True)
    api.networks.connect("n", {"Container": " c ", "EndpointConfig": {"Aliases": ["a"]}})
    api.networks.disconnect("n", {"Container": "c", "Force": True})
    connecting, disconnecting = httpx_mock.get_requests()
    assert connecting.url.path == "/v1.41/networks/n/connect"
    assert body(connecting) == {"Container": "c", "EndpointConfig": {"Aliases": ["a"]}}
    assert disconnecting.url.path == "/v1.41/networks/n/disconnect"
    assert body(disconnecting) == {"Container": "c", "Force": True}


@pytest.mark.parametrize("network, container, kind", [("", "c", "network"), ("n", " ", "container")])
def test_connect_checks_the_network_then_the_container(api, httpx_mock, network, container, kind):
    with pytest.raises(InvalidArgument, match=f"^invalid {kind} name or ID: value is empty$"):
        api.networks.connect(network, {"Container": container})


def test_prune_guarded_and_filtered(api, old_api, httpx_mock):
    with pytest.raises(InvalidVersion, match='"network prune" requires API version 1.25, but the Docker daemon '
                                             'API version is 1.24'):
        old_api.networks.prune()
    httpx_mock.add_response(json={"NetworksDeleted": ["a"]})
    assert api.networks.prune({"label": {"pydt": True}}) == {"NetworksDeleted": ["a"]}
    assert query(sent(httpx_mock)) == [("filters", '{"label":{"pydt":true}}')]


def test_errors(api, httpx_mock):
    httpx_mock.add_response(status_code=404, json={"message": "network pydt-x not found"})
    httpx_mock.add_response(status_code=403, json={"message": "error while removing network: network n id x "
                                                              "has active endpoints"})
    with pytest.raises(NotFound):
        api.networks.inspect("pydt-x")
    with pytest.raises(EngineError) as info:
        api.networks.remove("n")
    assert info.value.status_code == 403 and "has active endpoints" in str(info.value)
