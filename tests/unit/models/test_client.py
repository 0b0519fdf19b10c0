"""The Python API's requests and errors, the engine replaced by pytest-httpx."""
from __future__ import annotations

import json

import httpx
import pytest

import pydock
from pydock.errors import APIError, ImageNotFound, InvalidVersion, NotFound

BASE = "http://docker/v1.41"


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    (tmp_path / "config.json").write_text(json.dumps({"proxies": {"default": {"httpsProxy": "https://p:1"}},
                                                      "HttpHeaders": {"X-Pydt": "1"}}))
    environment = {"DOCKER_HOST": "unix:///tmp/pydt-none.sock", "DOCKER_CONFIG": str(tmp_path)}
    c = pydock.DockerClient(version="1.41", environment=environment)
    c.api.transport._httpx_transport = httpx.HTTPTransport()
    return c


def test_create_sends_the_built_body_with_proxies(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/create?name=pydt-x", json={"Id": "c1"})
    httpx_mock.add_response(method="GET", url=f"{BASE}/containers/c1/json", json={"Id": "c1", "Name": "/pydt-x"})
    container = client.containers.create("alpine", "true", name="pydt-x", detach=True, mem_limit="1m")
    assert container.name == "pydt-x"
    request = httpx_mock.get_requests()[0]
    sent = json.loads(request.content)
    assert sent["HostConfig"]["Memory"] == 2 ** 20 and sent["Cmd"] == ["true"] and sent["AttachStdout"] is False
    assert sorted(sent["Env"]) == ["HTTPS_PROXY=https://p:1", "https_proxy=https://p:1"]
    assert request.headers["X-Pydt"] == "1"


def test_create_does_not_pull_but_run_does(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/create",
                            status_code=404, json={"message": "No such image: pydt-img:latest"})
    with pytest.raises(ImageNotFound):
        client.containers.create("pydt-img")
    assert [r.url.path for r in httpx_mock.get_requests()] == ["/v1.41/containers/create"]


def test_network_create_body_is_docker_pys(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=f"{BASE}/networks/create", json={"Id": "n1"})
    httpx_mock.add_response(method="GET", url=f"{BASE}/networks/n1", json={"Id": "n1", "Name": "pydt-n"})
    network = client.networks.create("pydt-n", driver="bridge", labels={"a": "b"}, internal=True,
                                     ipam={"Driver": "default", "Config": [{"Subnet": "10.9.0.0/24"}]})
    assert network.name == "pydt-n" and network.id == "n1"
    assert json.loads(httpx_mock.get_requests()[0].content) == {
        "Name": "pydt-n", "Driver": "bridge", "IPAM": {"Driver": "default", "Config": [{"Subnet": "10.9.0.0/24"}]},
        "Labels": {"a": "b"}, "Internal": True}


def test_network_connect_and_list_filters(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=f"{BASE}/networks/n1/connect")
    httpx_mock.add_response(method="GET", json=[{"Id": "n1", "Name": "x"}])
    from pydock.models.networks import Network

    network = Network({"Id": "n1"}, client=client, collection=client.networks)
    network.connect("c1", aliases=["a"], ipv4_address="10.0.0.2", links={"db": "d"}, driver_opt={"k": "v"})
    assert json.loads(httpx_mock.get_requests()[0].content) == {
        "Container": "c1", "EndpointConfig": {"Aliases": ["a"], "Links": ["db:d"],
                                              "IPAMConfig": {"IPv4Address": "10.0.0.2"}, "DriverOpts": {"k": "v"}}}
    assert [n.name for n in client.networks.list(names=["x"], filters={"driver": "bridge"})] == ["x"]
    assert json.loads(httpx_mock.get_requests()[1].url.params["filters"]) == {"driver": {"bridge": True},
                                                                               "name": {"x": True}}


def test_network_connect_takes_docker_pys_positional_order(client, httpx_mock):
    """docker-py's connect_container_to_network(container, net_id, ipv4_address, ipv6_address, aliases …)."""
    httpx_mock.add_response(method="POST", url=f"{BASE}/networks/n1/connect")
    from pydock.models.networks import Network

    network = Network({"Id": "n1"}, client=client, collection=client.networks)
    network.connect("c1", "10.0.0.2", "fd00::2", ["a"])
    assert json.loads(httpx_mock.get_requests()[0].content) == {
        "Container": "c1", "EndpointConfig": {"Aliases": ["a"],
                                              "IPAMConfig": {"IPv4Address": "10.0.0.2", "IPv6Address": "fd00::2"}}}


def test_volumes(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=f"{BASE}/volumes/create", json={"Name": "v", "Driver": "local"})
    httpx_mock.add_response(method="GET", url=f"{BASE}/volumes", json={"Volumes": None, "Warnings": None})
    volume = client.volumes.create("v", labels={"a": "b"})
    assert volume.id == volume.name == "v" and volume.short_id == "v"
    assert json.loads(httpx_mock.get_requests()[0].content) == {"Name": "v", "Labels": {"a": "b"}}
    assert client.volumes.list() == []


def test_events_parameters_and_decoding(client, httpx_mock):
    import datetime

    httpx_mock.add_response(content=b'{"Action":"create"}\n{"Action":"start"}\n')
    since = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    events = client.events(since=since, until=1704067300, filters={"type": "container"}, decode=True)
    assert [e["Action"] for e in events] == ["create", "start"]
    params = dict(httpx_mock.get_requests()[0].url.params)
    assert params == {"filters": '{"type":{"container":true}}', "since": "1704067200", "until": "1704067300"}


def test_errors_carry_docker_py_names(client, httpx_mock):
    httpx_mock.add_response(status_code=404, json={"message": "No such container: x"})
    httpx_mock.add_response(status_code=500, json={"message": "boom"})
    with pytest.raises(NotFound) as info:
        client.containers.get("x")
    assert not isinstance(info.value, ImageNotFound) and info.value.status_code == 404
    with pytest.raises(APIError) as info:
        client.df()
    assert info.value.is_server_error() and info.value.explanation == "boom"


def test_prune_on_an_old_engine_is_invalid_version(monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    with pydock.DockerClient(base_url="unix:///tmp/pydt-none.sock", version="1.24") as old:
        with pytest.raises(InvalidVersion, match='"volume prune" requires API version 1.25'):
            old.volumes.prune()
