"""The docker-py-like Python API (pydock.from_env()) against the real engine."""
from __future__ import annotations

import subprocess

import pytest

import pydock
from pydock.client import Container, ContainerError, Image
from pydock.transport.errors import NotFound
from tests.conftest import DOCKER


@pytest.fixture
def client():
    with pydock.from_env() as c:
        yield c


def test_ping_and_version(client):
    assert client.ping() is True
    assert client.version()["ApiVersion"]


def test_run_returns_the_output_bytes(client, cleanup):
    name = cleanup.name()
    assert client.containers.run("alpine", ["echo", "hello", "world"], name=name) == b"hello world\n"
    assert client.containers.run("alpine", "sh -c 'echo out; echo err >&2'", remove=True) == b"out\n"
    both = client.containers.run("alpine", "sh -c 'echo out; echo err >&2'", stderr=True, remove=True)
    assert sorted(both.splitlines()) == [b"err", b"out"]


def test_run_failure_raises_with_stderr(client, cleanup):
    name = cleanup.name()
    with pytest.raises(ContainerError) as info:
        client.containers.run("alpine", "sh -c 'echo broken >&2; exit 3'", name=name, remove=True)
    assert info.value.exit_status == 3 and info.value.stderr == b"broken\n"
    assert subprocess.run([DOCKER, "inspect", name], capture_output=True).returncode == 1


def test_detached_container_object(client, cleanup):
    name = cleanup.name()
    container = client.containers.run("alpine", ["sh", "-c", "echo out; echo err >&2; exit 2"], detach=True,
                                      name=name, environment={"A": "1"}, labels={"pydt": "yes"},
                                      ports={"80/tcp": ("127.0.0.1", None)})
    assert isinstance(container, Container)
    assert container.name == name and len(container.id) == 64 and container.short_id == container.id[:12]
    assert container.wait()["StatusCode"] == 2
    assert container.logs() == b"out\nerr\n" or sorted(container.logs().splitlines()) == [b"err", b"out"]
    assert container.logs(stdout=False) == b"err\n"
    container.reload()
    assert container.status == "exited"
    assert container.labels == {"pydt": "yes"}
    assert "A=1" in container.attrs["Config"]["Env"]
    assert container.attrs["HostConfig"]["PortBindings"] == {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]}
    container.remove()
    with pytest.raises(NotFound):
        client.containers.get(name)


def test_exec_run_get_and_list(client, cleanup):
    name = cleanup.name()
    container = client.containers.run("alpine", "sleep 60", detach=True, name=name, auto_remove=True)
    assert container.exec_run("sh -c 'echo $A; exit 4'", environment={"A": "x"}) == (4, b"x\n")
    assert container.exec_run(["sh", "-c", "echo o; echo e >&2"], demux=True) == (0, (b"o\n", b"e\n"))
    assert container.exec_run("pwd", workdir="/tmp").output == b"/tmp\n"
    assert client.containers.get(name) == container
    assert [c.name for c in client.containers.list(filters={"name": name})] == [name]
    container.kill()
    assert container.wait(condition="removed")["StatusCode"] == 137


def test_create_maps_keywords_like_the_cli(client, cleanup, tmp_path):
    name = cleanup.name()
    container = client.containers.create("alpine", "true", name=name, mem_limit="64m", restart_policy={
        "Name": "on-failure", "MaximumRetryCount": 2}, volumes={str(tmp_path): {"bind": "/data", "mode": "ro"}},
        working_dir="/data", user="nobody", cap_add=["net_admin"], tmpfs={"/run": "size=1m"})
    host = container.attrs["HostConfig"]
    assert host["Memory"] == 64 * 1024 * 1024
    assert host["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 2}
    assert host["Binds"] == [f"{tmp_path}:/data:ro"]
    assert host["CapAdd"] == ["CAP_NET_ADMIN"] and host["Tmpfs"] == {"/run": "size=1m"}
    assert container.attrs["Config"]["WorkingDir"] == "/data"
    assert container.status == "created"
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        client.containers.create("alpine", bogus=1)


def test_images(client):
    image = client.images.get("alpine")
    assert isinstance(image, Image) and "alpine:latest" in image.tags
    assert image in client.images.list(name="alpine")
    assert client.images.pull("alpine").id == image.id
    with pytest.raises(NotFound):
        client.images.get("pydt-no-such-image:latest")
