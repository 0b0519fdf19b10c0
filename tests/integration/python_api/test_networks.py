"""client.networks and Network against the real engine, checked with `docker network inspect`."""
from __future__ import annotations

import random

import pytest

import pydock
from pydock.errors import APIError, InvalidArgument, NotFound
from pydock.models.containers import Container
from pydock.models.networks import Network

from .conftest import docker, docker_inspect


def _subnet() -> tuple[str, str]:
    third = random.randrange(0, 256)
    return f"10.213.{third}.0/24", f"10.213.{third}"


def test_create_as_docker_py_does(client, cleanup):
    name = cleanup.name("networks")
    subnet, prefix = _subnet()
    ipam = {"Driver": "default", "Config": [{"Subnet": subnet, "Gateway": f"{prefix}.254"}]}
    network = client.networks.create(name, driver="bridge", options={"com.docker.network.driver.mtu": "1400"},
                                     ipam=ipam, internal=True, labels={"pydt": "yes"}, attachable=True)
    assert isinstance(network, Network) and network.name == name
    info = docker_inspect("network", "inspect", name)
    assert network.id == info["Id"] and network.attrs == info
    assert (info["Driver"], info["Internal"], info["Attachable"], info["Labels"]) == ("bridge", True, True,
                                                                                      {"pydt": "yes"})
    assert info["IPAM"]["Config"] == [{"Subnet": subnet, "Gateway": f"{prefix}.254"}]
    assert info["Options"] == {"com.docker.network.driver.mtu": "1400"}


def test_get_list_and_prune(client, cleanup):
    label = cleanup.name("networks", "pydt-label")
    mine = client.networks.create(cleanup.name("networks"), labels={label: ""})
    other = client.networks.create(cleanup.name("networks"))
    assert client.networks.get(mine.name) == mine == client.networks.get(mine.id[:12])
    assert [n.name for n in client.networks.list(names=[mine.name])] == [mine.name]
    assert [n.id for n in client.networks.list(ids=[mine.id])] == [mine.id]
    assert [n.name for n in client.networks.list(filters={"label": label})] == [mine.name]
    assert {"bridge", "host", "none"} <= {n.name for n in client.networks.list(filters={"type": "builtin"})}
    assert client.networks.prune(filters={"label": label}) == {"NetworksDeleted": [mine.name]}
    assert docker_inspect("network", "inspect", mine.name) is None
    assert docker_inspect("network", "inspect", other.name) is not None
    with pytest.raises(NotFound):
        client.networks.get(mine.name)


def test_connect_disconnect_and_containers(client, cleanup):
    subnet, prefix = _subnet()
    network = client.networks.create(cleanup.name("networks"),
                                     ipam={"Driver": "default", "Config": [{"Subnet": subnet}]})
    container = client.containers.run("alpine", "sleep 60", detach=True, name=cleanup.name())
    network.connect(container, aliases=["pydt-web"], ipv4_address=f"{prefix}.10", links=[("a", "b")])
    endpoint = docker_inspect(container.name)["NetworkSettings"]["Networks"][network.name]
    assert "pydt-web" in endpoint["Aliases"] and endpoint["IPAddress"] == f"{prefix}.10"
    assert endpoint["IPAMConfig"] == {"IPv4Address": f"{prefix}.10"} and endpoint["Links"] == ["a:b"]
    assert network.containers == []  # as of the last load
    network.reload()
    assert [c.id for c in network.containers] == [container.id]
    assert all(isinstance(c, Container) for c in network.containers)
    listed = [n for n in client.networks.list(ids=[network.id], greedy=True)][0]
    assert list(listed.attrs["Containers"]) == [container.id]
    with pytest.raises(APIError) as info:
        network.remove()
    assert info.value.status_code == 403 and "has active endpoints" in info.value.explanation
    network.disconnect(container.name)
    assert network.name not in docker_inspect(container.name)["NetworkSettings"]["Networks"]
    network.remove()
    assert docker_inspect("network", "inspect", network.name) is None


def test_run_on_a_network_with_aliases_resolves_by_dns(client, cleanup):
    network = client.networks.create(cleanup.name("networks"))
    server = client.containers.run("alpine", "sleep 60", detach=True, name=cleanup.name(), network=network.name,
                                   networking_config={network.name: {"aliases": ["pydt-db"]}})
    endpoint = docker_inspect(server.name)["NetworkSettings"]["Networks"][network.name]
    assert "pydt-db" in endpoint["Aliases"]
    address = endpoint["IPAddress"]
    probe = "ping -c1 -W1 pydt-db | head -1"  # "PING pydt-db (10.x.y.z): 56 data bytes"
    out = client.containers.run("alpine", ["sh", "-c", probe], network=network.name, remove=True)
    assert out.decode().startswith(f"PING pydt-db ({address})")
    docker_way = docker("run", "--rm", "--network", network.name, "alpine", "sh", "-c", probe)
    assert docker_way.stdout == out.decode()


def test_empty_names_are_refused_as_docker_refuses_them(client):
    with pytest.raises(InvalidArgument, match="^invalid network name or ID: value is empty$"):
        client.networks.get("")
    assert docker("network", "inspect", "").stderr.strip() == "invalid network name or ID: value is empty"


def test_docker_py_types_build_the_network_and_endpoint_docker_sees(client, cleanup):
    """Code written for docker.types: IPAMConfig/IPAMPool for create, EndpointConfig for networking_config."""
    subnet, prefix = _subnet()
    ipam = pydock.types.IPAMConfig(pool_configs=[pydock.types.IPAMPool(
        subnet=subnet, gateway=f"{prefix}.1", iprange=f"{prefix}.128/25", aux_addresses={"r": f"{prefix}.2"})],
        options={"pydt": "1"})
    network = client.networks.create(cleanup.name("networks"), ipam=ipam)
    info = docker_inspect("network", "inspect", network.name)
    assert info["IPAM"] == {"Driver": "default", "Options": {"pydt": "1"}, "Config": [
        {"Subnet": subnet, "IPRange": f"{prefix}.128/25", "Gateway": f"{prefix}.1",
         "AuxiliaryAddresses": {"r": f"{prefix}.2"}}]}
    endpoint = pydock.types.EndpointConfig("1.41", aliases=["pydt-db"], ipv4_address=f"{prefix}.9")
    container = client.containers.create("alpine", "true", name=cleanup.name(), network=network.name,
                                         networking_config={network.name: endpoint})
    seen = docker_inspect(container.name)["NetworkSettings"]["Networks"][network.name]
    assert seen["Aliases"] == ["pydt-db"] and seen["IPAMConfig"] == {"IPv4Address": f"{prefix}.9"}
