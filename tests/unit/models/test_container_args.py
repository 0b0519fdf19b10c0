"""docker-py's create() keywords -> ContainerSpec -> the create body (no engine)."""
from __future__ import annotations

import pytest

from pydock.errors import InvalidArgument
from pydock.models.container_args import create_spec
from pydock.opts.container import ContainerSpec, build


def body(command=None, **kwargs) -> dict:
    spec, _ = create_spec("alpine", command, kwargs)
    return build(spec).body()


def test_no_keywords_is_the_specs_defaults():
    assert body() == build(ContainerSpec(image="alpine")).body()


def test_command_and_entrypoint_strings_are_split_as_a_shell_would():
    b = body("sh -c 'echo a b'", entrypoint="/bin/x --y")
    assert b["Cmd"] == ["sh", "-c", "echo a b"] and b["Entrypoint"] == ["/bin/x", "--y"]
    assert body(["echo", 1])["Cmd"] == ["echo", "1"]


def test_attach_follows_detach_and_stdin_open():
    assert [body()[k] for k in ("AttachStdin", "AttachStdout", "AttachStderr", "StdinOnce")] == \
        [False, True, True, False]
    assert [body(stdin_open=True)[k] for k in ("AttachStdin", "StdinOnce", "OpenStdin")] == [True, True, True]
    detached = body(detach=True, stdin_open=True)
    assert [detached[k] for k in ("AttachStdin", "AttachStdout", "AttachStderr", "StdinOnce", "OpenStdin")] == \
        [False, False, False, False, True]


def test_environment_labels_and_user():
    b = body(environment={"A": "1", "B": None}, labels=["x", "y"], user=1000)
    assert b["Env"] == ["A=1", "B"] and b["Labels"] == {"x": "", "y": ""} and b["User"] == "1000"


def test_ports_as_docker_py_reads_them():
    b = body(ports={"80/tcp": 8080, 53: ("127.0.0.1", 5353), "81/udp": None, "82": [8082, ("::1",)],
                    "83": {"HostPort": 8083}})
    assert b["ExposedPorts"] == {"80/tcp": {}, "53/tcp": {}, "81/udp": {}, "82/tcp": {}, "83/tcp": {}}
    assert b["HostConfig"]["PortBindings"] == {
        "80/tcp": [{"HostIp": "", "HostPort": "8080"}], "53/tcp": [{"HostIp": "127.0.0.1", "HostPort": "5353"}],
        "81/udp": [{"HostIp": "", "HostPort": ""}],
        "82/tcp": [{"HostIp": "", "HostPort": "8082"}, {"HostIp": "::1", "HostPort": ""}],
        "83/tcp": [{"HostIp": "", "HostPort": "8083"}]}


def test_volumes_dict_and_list():
    b = body(volumes={"/h": {"bind": "/c", "mode": "ro"}, "/i": {"bind": "/d", "ro": False},
                      "/j": {"bind": "/e", "propagation": "rshared"}, "/k": "/f"})
    assert b["HostConfig"]["Binds"] == ["/h:/c:ro", "/i:/d:rw", "/j:/e:rw,rshared", "/k:/f:rw"]
    assert b["Volumes"] == {}
    listed = body(volumes=["/h:/c:ro", "/anon"])
    assert listed["HostConfig"]["Binds"] == ["/h:/c:ro"] and listed["Volumes"] == {"/anon": {}}
    with pytest.raises(InvalidArgument, match='both "ro" and "mode"'):
        body(volumes={"/h": {"bind": "/c", "ro": True, "mode": "rw"}})


def test_sizes_accept_units():
    host = body(mem_limit="64m", memswap_limit=-1, shm_size="1g", mem_reservation=1024.0)["HostConfig"]
    assert (host["Memory"], host["MemorySwap"], host["ShmSize"], host["MemoryReservation"]) == \
        (64 * 2 ** 20, -1, 2 ** 30, 1024)
    with pytest.raises(InvalidArgument, match="mem_limit"):
        body(mem_limit="much")


def test_structured_keywords():
    host = body(restart_policy={"Name": "always"}, extra_hosts={"b": "2.2.2.2", "a": "1.1.1.1"},
                links={"db": "database", "cache": None}, log_config={"type": "json-file", "config": {"a": "b"}},
                ulimits=[{"Name": "nofile", "Soft": 1, "Hard": 2}], tmpfs=["/run:size=1m", "/tmp"],
                sysctls={"net.x": 1}, devices=["/dev/sda:/dev/xvda", {"PathOnHost": "/dev/a"}], group_add=[10],
                volumes_from="a,b", lxc_conf={"k": 1}, mounts=["/src:/dst", "vol:/v:ro", "/anon"],
                device_requests=[{"driver": "nvidia", "count": -1, "capabilities": [["gpu"]]}])["HostConfig"]
    assert host["RestartPolicy"] == {"Name": "always", "MaximumRetryCount": 0}
    assert host["ExtraHosts"] == ["a:1.1.1.1", "b:2.2.2.2"]
    assert host["Links"] == ["cache", "db:database"]
    assert host["LogConfig"] == {"Type": "json-file", "Config": {"a": "b"}}
    assert host["Ulimits"] == [{"Name": "nofile", "Soft": 1, "Hard": 2}]
    assert host["Tmpfs"] == {"/run": "size=1m", "/tmp": ""} and host["Sysctls"] == {"net.x": "1"}
    assert host["Devices"] == [{"PathOnHost": "/dev/sda", "PathInContainer": "/dev/xvda", "CgroupPermissions": "rwm"},
                               {"PathOnHost": "/dev/a"}]
    assert host["GroupAdd"] == ["10"] and host["VolumesFrom"] == ["a", "b"]
    assert host["LxcConf"] == [{"Key": "k", "Value": "1"}]
    assert host["Mounts"] == [{"Target": "/dst", "Source": "/src", "Type": "bind", "ReadOnly": False},
                              {"Target": "/v", "Source": "vol", "Type": "volume", "ReadOnly": True},
                              {"Target": "/anon", "Source": None, "Type": "volume", "ReadOnly": False}]
    assert host["DeviceRequests"] == [{"Driver": "nvidia", "Count": -1, "Capabilities": [["gpu"]]}]


def test_healthcheck_in_docker_py_and_api_shapes():
    assert body(healthcheck={"test": "curl x", "interval": 10 ** 9, "retries": 2})["Healthcheck"] == \
        {"Test": ["CMD-SHELL", "curl x"], "Interval": 10 ** 9, "Retries": 2}
    assert body(healthcheck={"Test": ["NONE"]})["Healthcheck"] == {"Test": ["NONE"]}


def test_network_and_networking_config():
    b = body(network="pydt-net", networking_config={"pydt-net": {"aliases": ["a"], "ipv4_address": "10.0.0.2"}})
    assert b["HostConfig"]["NetworkMode"] == "pydt-net"
    assert b["NetworkingConfig"] == {"EndpointsConfig": {"pydt-net": {"Aliases": ["a"],
                                                                      "IPAMConfig": {"IPv4Address": "10.0.0.2"}}}}
    api_shape = body(network="n", networking_config={"n": {"Aliases": ["b"], "IPAMConfig": {"IPv6Address": "::2"}}})
    assert api_shape["NetworkingConfig"]["EndpointsConfig"]["n"] == {"Aliases": ["b"],
                                                                     "IPAMConfig": {"IPv6Address": "::2"}}
    ignored = body(network="n", networking_config={"other": {"aliases": ["x"]}})  # docker-py drops it
    assert ignored["NetworkingConfig"] == {"EndpointsConfig": {}}
    assert body(network_mode="host")["NetworkingConfig"] == {"EndpointsConfig": {}}


def test_meta_keywords_and_proxies():
    spec, meta = create_spec("alpine", None, {"name": "n", "platform": "linux/amd64", "environment": ["A=1"]},
                             proxy_env=lambda env: env + ["HTTP_PROXY=p"])
    assert meta == {"name": "n", "platform": "linux/amd64"} and spec.environment == ["A=1", "HTTP_PROXY=p"]
    spec, _ = create_spec("alpine", None, {"use_config_proxy": False}, proxy_env=lambda env: env + ["X=1"])
    assert spec.environment is None


def test_unknown_keywords_fail_as_docker_py_says():
    with pytest.raises(TypeError, match="^run\\(\\) got an unexpected keyword argument 'stdout_x'$"):
        create_spec("alpine", None, {"stdout_x": 1})
    with pytest.raises(InvalidArgument, match='"host" network_mode is incompatible with port_bindings'):
        body(network_mode="host", ports={80: 80})
