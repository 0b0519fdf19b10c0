"""The shared run/create parser, called directly.

The comparison with the real CLI's requests is tests/unit/cli/commands/container/test_run.py.
"""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.container import normalize_capabilities, parse
from pydock.opts.network import endpoints_config, parse_network


def test_defaults_match_docker():
    cfg = parse({}, "alpine", ["echo", "hi"])
    assert cfg.config["Cmd"] == ["echo", "hi"]
    assert cfg.config["AttachStdout"] and cfg.config["AttachStderr"] and not cfg.config["AttachStdin"]
    assert cfg.host_config["RestartPolicy"] == {"Name": "no", "MaximumRetryCount": 0}
    assert cfg.host_config["NetworkMode"] == "default"
    assert cfg.host_config["MemorySwappiness"] == -1
    assert "ExposedPorts" not in cfg.config and "Healthcheck" not in cfg.config
    assert list(cfg.networking_config["EndpointsConfig"]) == ["default"]
    assert set(cfg.body()) >= {"Image", "HostConfig", "NetworkingConfig"}


def test_interactive_attaches_stdin_once():
    cfg = parse({"interactive": True}, "alpine")
    assert cfg.config["AttachStdin"] and cfg.config["OpenStdin"] and cfg.config["StdinOnce"]
    cfg = parse({"attach": ("stdout",)}, "alpine")
    assert (cfg.config["AttachStdin"], cfg.config["AttachStdout"], cfg.config["AttachStderr"]) == \
        (False, True, False)


def test_healthcheck():
    cfg = parse({"health_cmd": "true", "health_interval": 30 * 10 ** 9, "health_retries": 3}, "alpine")
    assert cfg.config["Healthcheck"] == {"Test": ["CMD-SHELL", "true"], "Interval": 30 * 10 ** 9, "Retries": 3}
    assert parse({"no_healthcheck": True}, "alpine").config["Healthcheck"] == {"Test": ["NONE"]}
    with pytest.raises(OptError, match="--health-retries cannot be negative"):
        parse({"health_retries": -1}, "alpine")


def test_entrypoint_reset_and_init():
    assert parse({"entrypoint": ""}, "alpine").config["Entrypoint"] == [""]
    assert parse({"entrypoint": "sh"}, "alpine").config["Entrypoint"] == ["sh"]
    assert "Init" not in parse({}, "alpine").host_config
    assert parse({"init": False}, "alpine").host_config["Init"] is False


def test_capabilities_are_normalized():
    assert normalize_capabilities(["net_admin", "CAP_NET_ADMIN", "all", "sys_time"]) == \
        ["ALL", "CAP_NET_ADMIN", "CAP_SYS_TIME"]
    assert normalize_capabilities([]) is None


def test_networks():
    assert parse_network("mynet")["Target"] == "mynet"
    long = parse_network("name=mynet,alias=a,alias=b,ip=10.0.0.2,driver-opt=k=v")
    assert (long["Target"], long["Aliases"], long["IPv4Address"], long["DriverOpts"]) == \
        ("mynet", ["a", "b"], "10.0.0.2", {"k": "v"})
    endpoints = endpoints_config([parse_network("mynet")], aliases=["x"], links=["c:d"], ipv4="", ipv6="",
                                 mac="", link_local_ips=[])
    assert endpoints["mynet"]["Aliases"] == ["x"] and endpoints["mynet"]["Links"] == ["c:d"]
    assert endpoints_config([parse_network("host")], aliases=[], links=[], ipv4="", ipv6="", mac="",
                            link_local_ips=[]) == {}
    with pytest.raises(OptError, match="network-scoped aliases are only supported for user-defined networks"):
        endpoints_config([], aliases=["x"], links=[], ipv4="", ipv6="", mac="", link_local_ips=[])
    with pytest.raises(OptError, match="cannot attach both user-defined and non-user-defined"):
        endpoints_config([parse_network("host"), parse_network("mynet")], aliases=[], links=[], ipv4="",
                         ipv6="", mac="", link_local_ips=[])
    with pytest.raises(OptError, match="network name/id is not specified"):
        parse_network("alias=x")


def test_flag_defaults_and_spec_defaults_are_one():
    """What the flags leave when none is given builds the same body as ContainerSpec's own defaults."""
    from pydock.cli.commands.container.run import create
    from pydock.opts.container import ContainerSpec, build, parse_flags

    params = create.make_context("create", ["alpine"]).params
    from_flags = build(parse_flags(params, "alpine")).body()
    assert from_flags == build(ContainerSpec(image="alpine")).body()
    assert from_flags == build(parse_flags({}, "alpine")).body()


def test_builder_takes_typed_values():
    from pydock.opts.container import ContainerSpec, build

    spec = ContainerSpec(image="alpine", command=["true"], mem_limit=64 * 2 ** 20, cap_add=["net_admin"],
                         network_mode="host", restart_policy={"Name": "always", "MaximumRetryCount": 0},
                         mac_address="02:42:ac:11:00:09", network_disabled=True, init_path="/x")
    cfg = build(spec)
    assert cfg.host_config["Memory"] == 64 * 2 ** 20 and cfg.host_config["CapAdd"] == ["CAP_NET_ADMIN"]
    assert cfg.host_config["NetworkMode"] == "host" and cfg.networking_config == {"EndpointsConfig": {}}
    assert cfg.config["MacAddress"] == "02:42:ac:11:00:09" and cfg.config["NetworkDisabled"] is True
    assert cfg.host_config["InitPath"] == "/x"
    assert build(ContainerSpec(image="a", network_mode="pydt-net")).networking_config == {"EndpointsConfig": {}}
    assert list(build(ContainerSpec(image="a")).networking_config["EndpointsConfig"]) == ["default"]


def test_endpoints_config_is_sent_with_its_keys_sorted():
    """Go marshals EndpointsConfig (a map) with sorted keys, and the engine lists the networks back in
    about that order ("cannot be connected to network endpoints: a, b"): `--network b --network a`
    sends a before b, NetworkMode stays the first network given."""
    from pydock.opts.container import ContainerSpec, build

    endpoints = {name: {"Aliases": None} for name in ("pydt-c", "pydt-a", "pydt-b")}
    cfg = build(ContainerSpec(image="a", network_mode="pydt-c", endpoints_config=endpoints))
    assert list(cfg.networking_config["EndpointsConfig"]) == ["pydt-a", "pydt-b", "pydt-c"]
    assert cfg.host_config["NetworkMode"] == "pydt-c"
