"""pydock.types builds the dicts docker-py's docker.types builds."""
from __future__ import annotations

import pytest

import pydock
from pydock.errors import InvalidVersion
from pydock.types import EndpointConfig, IPAMConfig, IPAMPool, NetworkingConfig


def test_ipam_config_and_pool_are_the_engine_shape():
    pool = IPAMPool(subnet="10.9.0.0/24", gateway="10.9.0.1")
    assert pool == {"Subnet": "10.9.0.0/24", "IPRange": None, "Gateway": "10.9.0.1", "AuxiliaryAddresses": None}
    assert IPAMConfig(pool_configs=[pool]) == {"Driver": "default", "Config": [pool]}
    assert IPAMConfig(driver="x", options={"a": "b"}) == {"Driver": "x", "Config": [], "Options": {"a": "b"}}
    with pytest.raises(TypeError, match="IPAMConfig options must be a dictionary"):
        IPAMConfig(options=["a"])


def test_endpoint_config_as_docker_py_writes_it():
    endpoint = EndpointConfig("1.41", aliases=["a"], links={"web": "w", "db": None}, ipv4_address="10.9.0.5",
                              link_local_ips=[], driver_opt={"k": "v"}, mac_address="02:42:ac:11:00:02")
    assert endpoint == {"Aliases": ["a"], "Links": ["db", "web:w"], "MacAddress": "02:42:ac:11:00:02",
                        "IPAMConfig": {"IPv4Address": "10.9.0.5", "LinkLocalIPs": []}, "DriverOpts": {"k": "v"}}
    assert EndpointConfig("1.41") == {}
    with pytest.raises(InvalidVersion, match="DriverOpts is not supported for API version < 1.32"):
        EndpointConfig("1.30", driver_opt={"k": "v"})
    with pytest.raises(TypeError):
        EndpointConfig("1.41", driver_opt=["k"])
    assert NetworkingConfig({"n": endpoint}) == {"EndpointsConfig": {"n": endpoint}}
    assert NetworkingConfig() == {}


def test_reachable_from_the_package_as_docker_types_is():
    assert pydock.types.IPAMPool is IPAMPool and pydock.errors.InvalidVersion is InvalidVersion
