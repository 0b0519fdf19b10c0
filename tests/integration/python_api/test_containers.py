"""client.containers and Container against the real engine, checked with `docker inspect` and docker's own CLI."""
from __future__ import annotations

import io
import json
import tarfile
import threading
import time

import pytest

import pydock
from pydock.errors import APIError, ContainerError, DockerException, ImageNotFound, InvalidArgument, NotFound
from pydock.models.containers import Container, ExecResult
from pydock.models.images import Image

from .conftest import docker, docker_inspect


# -- run ----------------------------------------------------------------------------------------
def test_run_returns_the_output_bytes(client, cleanup):
    name = cleanup.name()
    assert client.containers.run("alpine", ["echo", "hello", "world"], name=name) == b"hello world\n"
    assert client.containers.run("alpine", "sh -c 'echo out; echo err >&2'", remove=True) == b"out\n"
    both = client.containers.run("alpine", "sh -c 'echo out; echo err >&2'", stderr=True, remove=True)
    assert sorted(both.splitlines()) == [b"err", b"out"]
    chunks = client.containers.run("alpine", "sh -c 'echo a; echo b'", stream=True, remove=True)
    assert b"".join(chunks) == b"a\nb\n"


def test_run_failure_raises_with_stderr(client, cleanup):
    name = cleanup.name()
    with pytest.raises(ContainerError) as info:
        client.containers.run("alpine", "sh -c 'echo broken >&2; exit 3'", name=name, remove=True)
    assert info.value.exit_status == 3 and info.value.stderr == b"broken\n"
    assert str(info.value) == ("Command 'sh -c 'echo broken >&2; exit 3'' in image 'alpine' returned non-zero "
                               "exit status 3: b'broken\\n'")
    assert docker_inspect(name) is None


def test_detached_container_object(client, cleanup):
    name = cleanup.name()
    container = client.containers.run("alpine", ["sh", "-c", "echo out; echo err >&2; exit 2"], detach=True,
                                      name=name, environment={"A": "1"}, labels={"pydt": "yes"},
                                      ports={"80/tcp": ("127.0.0.1", None)})
    assert isinstance(container, Container)
    assert container.name == name and len(container.id) == 64 and container.short_id == container.id[:12]
    assert container.wait()["StatusCode"] == 2
    assert sorted(container.logs().splitlines()) == [b"err", b"out"]
    assert container.logs(stdout=False) == b"err\n"
    container.reload()
    assert container.status == "exited"
    assert container.labels == {"pydt": "yes"}
    assert "A=1" in container.attrs["Config"]["Env"]
    assert container.attrs["HostConfig"]["PortBindings"] == {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]}
    container.remove()
    with pytest.raises(NotFound):
        client.containers.get(name)


def test_run_detached_with_remove_is_auto_remove(client, cleanup):
    name = cleanup.name()
    container = client.containers.run("alpine", "true", detach=True, remove=True, name=name)
    assert container.attrs["HostConfig"]["AutoRemove"] is True
    container.wait(condition="removed")
    assert docker_inspect(name) is None


def test_run_refuses_network_with_network_mode(client):
    with pytest.raises(RuntimeError, match='"network" and "network_mode" can not be used together'):
        client.containers.run("alpine", network="bridge", network_mode="host")
    with pytest.raises(RuntimeError, match='"networking_config" can not be used without "network"'):
        client.containers.run("alpine", networking_config={"n": {}})


# -- create: every keyword run takes, meaning what docker's flags mean --------------------------
FAMILIES = [
    (dict(environment={"A": "1", "B": "two words"}, labels={"x": "y"}, working_dir="/tmp", user="nobody",
          hostname="pydt-host", domainname="example.org", entrypoint="/bin/sh"),
     ["-e", "A=1", "-e", "B=two words", "-l", "x=y", "-w", "/tmp", "-u", "nobody", "-h", "pydt-host",
      "--domainname", "example.org", "--entrypoint", "/bin/sh"]),
    (dict(ports={"80/tcp": ("127.0.0.1", None), "53/udp": ("127.0.0.1", None), 81: [8181, None]},
          publish_all_ports=True),
     ["-p", "127.0.0.1::80", "-p", "127.0.0.1::53/udp", "-p", "8181:81", "-p", "81", "-P"]),
    (dict(volumes=["/tmp:/data:ro", "/anon"], tmpfs={"/run": "rw,size=10m"}, read_only=True,
          mounts=[{"Type": "tmpfs", "Target": "/t", "TmpfsOptions": {"SizeBytes": 64 * 2 ** 20}}]),
     ["-v", "/tmp:/data:ro", "-v", "/anon", "--mount", "type=tmpfs,dst=/t,tmpfs-size=64m", "--tmpfs",
      "/run:rw,size=10m", "--read-only"]),
    (dict(restart_policy={"Name": "on-failure", "MaximumRetryCount": 3}, init=True, privileged=True,
          cap_add=["net_admin"], cap_drop=["mknod"], security_opt=["no-new-privileges"], stop_signal="SIGINT",
          stop_timeout=7),
     ["--restart", "on-failure:3", "--init", "--privileged", "--cap-add", "net_admin", "--cap-drop", "mknod",
      "--security-opt", "no-new-privileges", "--stop-signal", "SIGINT", "--stop-timeout", "7"]),
    (dict(mem_limit="64m", memswap_limit="128m", mem_reservation=32 * 2 ** 20, nano_cpus=500_000_000,
          cpu_shares=512, pids_limit=100, ulimits=[{"name": "nofile", "soft": 1024, "hard": 2048}], shm_size="16m",
          oom_kill_disable=True, cpuset_cpus="0", mem_swappiness=10, oom_score_adj=100, blkio_weight=300),
     ["--memory", "64m", "--memory-swap", "128m", "--memory-reservation", "32m", "--cpus", "0.5", "--cpu-shares",
      "512", "--pids-limit", "100", "--ulimit", "nofile=1024:2048", "--shm-size", "16m", "--oom-kill-disable",
      "--cpuset-cpus", "0", "--memory-swappiness", "10", "--oom-score-adj", "100", "--blkio-weight", "300"]),
    (dict(log_config={"type": "json-file", "config": {"max-size": "10m"}},
          healthcheck={"test": "true", "interval": 30 * 10 ** 9, "timeout": 5 * 10 ** 9, "retries": 3,
                       "start_period": 60 * 10 ** 9}),
     ["--log-driver", "json-file", "--log-opt", "max-size=10m", "--health-cmd", "true", "--health-interval", "30s",
      "--health-timeout", "5s", "--health-retries", "3", "--health-start-period", "1m"]),
    (dict(extra_hosts={"h": "1.2.3.4"}, dns=["8.8.8.8"], dns_search=["example.com"], dns_opt=["ndots:2"],
          group_add=[10], ipc_mode="shareable", pid_mode="host", uts_mode="host", cgroupns="private",
          sysctls={"net.ipv4.ip_forward": 1}, devices=["/dev/null:/dev/mynull:rw"], healthcheck={"test": ["NONE"]}),
     ["--add-host", "h:1.2.3.4", "--dns", "8.8.8.8", "--dns-search", "example.com", "--dns-option", "ndots:2",
      "--group-add", "10", "--ipc", "shareable", "--pid", "host", "--uts", "host", "--cgroupns", "private",
      "--sysctl", "net.ipv4.ip_forward=1", "--device", "/dev/null:/dev/mynull:rw", "--no-healthcheck"]),
    (dict(network_mode="none", auto_remove=True, isolation="default", runtime="runc", stdin_open=True, tty=True),
     ["--network", "none", "--rm", "--isolation", "default", "--runtime", "runc", "-i", "-t"]),
    (dict(device_cgroup_rules=["c 1:3 mr"], volume_driver="local", cgroup_parent="pydt.slice", cpu_period=100000,
          cpu_quota=50000, cpuset_mems="0", device_read_bps=[{"Path": "/dev/null", "Rate": 1048576}],
          device_write_iops=[{"Path": "/dev/null", "Rate": 100}]),
     ["--device-cgroup-rule", "c 1:3 mr", "--volume-driver", "local", "--cgroup-parent", "pydt.slice",
      "--cpu-period", "100000", "--cpu-quota", "50000", "--cpuset-mems", "0", "--device-read-bps", "/dev/null:1mb",
      "--device-write-iops", "/dev/null:100"]),
]


def _comparable(info: dict, hostname_given: bool) -> tuple[dict, dict]:
    config, host = dict(info["Config"]), dict(info["HostConfig"])
    if not hostname_given:
        config.pop("Hostname")
    config["Env"] = sorted(config["Env"] or [])
    host["Binds"] = sorted(host["Binds"] or [])
    return config, host


@pytest.mark.parametrize("keywords, flags", FAMILIES, ids=lambda v: ",".join(v)[:40] if isinstance(v, dict) else "")
def test_keywords_configure_the_container_as_dockers_flags_do(client, cleanup, keywords, flags):
    mine_name, theirs_name = cleanup.name(), cleanup.name()
    mine = client.containers.create("alpine", ["sleep", "1"], name=mine_name, **keywords)
    assert docker("create", "--name", theirs_name, *flags, "alpine", "sleep", "1").returncode == 0
    assert mine.name == mine_name and mine.status == "created"
    hostname = "hostname" in keywords
    assert _comparable(docker_inspect(mine_name), hostname) == _comparable(docker_inspect(theirs_name), hostname)


def test_create_takes_detach_as_run_does(client, cleanup):
    container = client.containers.create("alpine", "cat", name=cleanup.name(), detach=True, stdin_open=True)
    config = docker_inspect(container.name)["Config"]
    assert (config["AttachStdin"], config["AttachStdout"], config["AttachStderr"]) == (False, False, False)
    assert (config["OpenStdin"], config["StdinOnce"]) == (True, False)
    attached = client.containers.create("alpine", "cat", name=cleanup.name(), stdin_open=True)
    config = docker_inspect(attached.name)["Config"]
    assert (config["AttachStdin"], config["AttachStdout"], config["StdinOnce"]) == (True, True, True)


def test_create_sets_a_mac_address(client, cleanup):
    container = client.containers.create("alpine", name=cleanup.name(), mac_address="02:42:ac:11:00:09")
    assert docker_inspect(container.name)["Config"]["MacAddress"] == "02:42:ac:11:00:09"


def test_create_binds_from_a_dict_and_mount_strings(client, cleanup, tmp_path):
    volume = cleanup.name("volumes")
    container = client.containers.create("alpine", "true", name=cleanup.name(), volumes={
        str(tmp_path): {"bind": "/data", "mode": "ro"}, "/etc": "/host-etc"}, mounts=[f"{volume}:/v:ro"])
    host = docker_inspect(container.name)["HostConfig"]
    assert sorted(host["Binds"]) == sorted([f"{tmp_path}:/data:ro", "/etc:/host-etc:rw"])
    assert host["Mounts"] == [{"Type": "volume", "Source": volume, "Target": "/v", "ReadOnly": True}]


def test_create_refuses_what_docker_py_refuses(client):
    with pytest.raises(TypeError, match="^run\\(\\) got an unexpected keyword argument 'bogus'$"):
        client.containers.create("alpine", bogus=1)
    with pytest.raises(TypeError, match="got unexpected keyword arguments 'a', 'b'"):
        client.containers.create("alpine", b=1, a=2)
    with pytest.raises(InvalidArgument, match="mem_limit"):
        client.containers.create("alpine", mem_limit="lots")
    with pytest.raises(InvalidArgument, match='"host" network_mode is incompatible with port_bindings'):
        client.containers.create("alpine", network_mode="host", ports={80: 80})


def test_create_of_a_missing_image_raises_image_not_found(client):
    with pytest.raises(ImageNotFound) as info:
        client.containers.create("pydt-no-such-image:1")
    assert isinstance(info.value, NotFound) and isinstance(info.value, APIError)
    assert info.value.status_code == 404


def test_config_proxies_reach_containers_made_from_python(cleanup, tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text(json.dumps(
        {"proxies": {"default": {"httpProxy": "http://proxy:3128", "noProxy": "localhost"}}}))
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    with pydock.from_env() as client:
        mine = client.containers.create("alpine", name=cleanup.name(), environment=["NO_PROXY=mine"])
        plain = client.containers.create("alpine", name=cleanup.name(), use_config_proxy=False)
    theirs = cleanup.name()
    assert docker("--config", str(tmp_path), "create", "--name", theirs, "-e", "NO_PROXY=mine", "alpine") \
        .returncode == 0
    env = sorted(docker_inspect(mine.name)["Config"]["Env"])
    assert env == sorted(docker_inspect(theirs)["Config"]["Env"])
    assert "HTTP_PROXY=http://proxy:3128" in env and "no_proxy=localhost" in env and "NO_PROXY=mine" in env
    assert not any("proxy" in item.lower() for item in docker_inspect(plain.name)["Config"]["Env"])


# -- the Container's methods and properties -------------------------------------------------------
@pytest.fixture
def sleeper(client, cleanup):
    return client.containers.run("alpine", "sleep 300", detach=True, name=cleanup.name(), labels={"pydt": "1"},
                                 ports={"80/tcp": ("127.0.0.1", None)},
                                 healthcheck={"test": "true", "interval": 10 ** 9})


def test_exec_run_get_and_list(client, sleeper):
    assert sleeper.exec_run("sh -c 'echo $A; exit 4'", environment={"A": "x"}) == ExecResult(4, b"x\n")
    assert sleeper.exec_run(["sh", "-c", "echo o; echo e >&2"], demux=True) == (0, (b"o\n", b"e\n"))
    assert sleeper.exec_run("pwd", workdir="/tmp").output == b"/tmp\n"
    assert b"".join(sleeper.exec_run("echo streamed", stream=True).output) == b"streamed\n"
    assert client.containers.get(sleeper.name) == sleeper
    assert [c.name for c in client.containers.list(filters={"name": sleeper.name})] == [sleeper.name]


def test_properties(client, sleeper):
    sleeper.reload()
    assert sleeper.ports == docker_inspect(sleeper.name)["NetworkSettings"]["Ports"]
    assert sleeper.ports["80/tcp"][0]["HostIp"] == "127.0.0.1"
    assert isinstance(sleeper.image, Image) and sleeper.image.id == docker_inspect(sleeper.name)["Image"]
    deadline = time.time() + 20
    while sleeper.health != "healthy" and time.time() < deadline:
        time.sleep(0.5)
        sleeper.reload()
    assert sleeper.health == "healthy"
    assert client.containers.create("alpine", name=sleeper.name + "-x").health == "unknown"
    client.containers.get(sleeper.name + "-x").remove()


def test_a_sparse_list_raises_where_docker_py_does(client, sleeper):
    [sparse] = client.containers.list(filters={"name": sleeper.name}, sparse=True)
    assert sparse.id == sleeper.id and sparse.status == "running" and sparse.name is None
    assert sparse.image.id == sleeper.image.id
    with pytest.raises(DockerException, match="Label data is not available for sparse objects. Call reload()"):
        sparse.labels
    with pytest.raises(DockerException, match="not available for sparse objects"):
        sparse.health
    sparse.reload()
    assert sparse.labels == {"pydt": "1"} and sparse.name == sleeper.name


def test_top_diff_and_stats(sleeper):
    top = sleeper.top()
    assert "PID" in top["Titles"] and any("sleep 300" in " ".join(p) for p in top["Processes"])
    sleeper.exec_run("touch /pydt-file")
    assert {"Path": "/pydt-file", "Kind": 1} in sleeper.diff()
    sample = sleeper.stats(stream=False)
    assert sample["id"] == sleeper.id and "memory_stats" in sample
    stream = sleeper.stats(decode=True)
    first = next(stream)
    stream.close()
    assert first["id"] == sleeper.id and list(stream) == []
    raw = sleeper.stats()
    assert json.loads(next(raw))["id"] == sleeper.id
    raw.close()


def test_update(sleeper):
    answer = sleeper.update(mem_limit="96m", memswap_limit=-1, cpu_shares=256,
                            restart_policy={"Name": "on-failure", "MaximumRetryCount": 2})
    assert answer.get("Warnings") in (None, [])
    host = docker_inspect(sleeper.name)["HostConfig"]
    assert (host["Memory"], host["CpuShares"]) == (96 * 2 ** 20, 256)
    assert host["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 2}


def test_archives_round_trip(sleeper):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        member = tarfile.TarInfo("pydt.txt")
        payload = b"put from python\n"
        member.size = len(payload)
        tar.addfile(member, io.BytesIO(payload))
    assert sleeper.put_archive("/tmp", data.getvalue()) is True
    assert sleeper.exec_run("cat /tmp/pydt.txt").output == b"put from python\n"
    chunks, stat = sleeper.get_archive("/tmp/pydt.txt")
    assert stat["name"] == "pydt.txt" and stat["size"] == 16
    with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as tar:
        assert tar.extractfile("pydt.txt").read() == b"put from python\n"
    with pytest.raises(NotFound):
        sleeper.get_archive("/no/such/path")


def test_export(sleeper):
    with tarfile.open(fileobj=io.BytesIO(b"".join(sleeper.export(chunk_size=65536)))) as tar:
        assert tar.extractfile("etc/alpine-release").read().strip()


def test_commit(client, sleeper, cleanup):
    repository = cleanup.name("images")
    sleeper.exec_run("touch /committed")
    image = sleeper.commit(repository, "v1", message="from pydt", author="pydt", changes=["ENV PYDT=1"])
    assert isinstance(image, Image) and f"{repository}:v1" in image.tags
    info = docker_inspect("image", "inspect", f"{repository}:v1")
    assert info["Id"] == image.id and info["Comment"] == "from pydt" and info["Author"] == "pydt"
    assert "PYDT=1" in info["Config"]["Env"]
    assert image.short_id == image.id[:19]
    docker("rmi", f"{repository}:v1")


def test_attach_streams_output(client, cleanup):
    container = client.containers.run("alpine", ["sh", "-c", "sleep 1; echo one; echo two >&2"], detach=True,
                                      name=cleanup.name())
    stream = container.attach(stream=True, logs=True)
    assert sorted(b"".join(stream).split()) == [b"one", b"two"]  # the two streams interleave freely
    again = client.containers.run("alpine", ["sh", "-c", "sleep 1; echo one; echo two >&2"], detach=True,
                                  name=cleanup.name())
    assert again.attach(logs=True, demux=True) == (b"one\n", b"two\n")  # returns once the container ends


def test_attach_stream_can_be_closed_from_another_thread(sleeper):
    stream = sleeper.attach(stream=True)
    threading.Timer(0.5, stream.close).start()
    started = time.monotonic()
    assert list(stream) == []
    assert time.monotonic() - started < 10


def test_lifecycle(client, sleeper):
    sleeper.pause()
    assert docker_inspect(sleeper.name)["State"]["Paused"] is True
    sleeper.unpause()
    sleeper.rename(sleeper.name + "-renamed")
    assert client.containers.get(sleeper.id).name == sleeper.name + "-renamed"
    sleeper.kill("SIGKILL")
    assert sleeper.wait()["StatusCode"] == 137
    sleeper.remove(v=True)
    assert docker_inspect(sleeper.id) is None


def test_prune_removes_only_matching_containers(client, cleanup):
    label = cleanup.name("containers", "pydt-label")
    mine = client.containers.create("alpine", name=cleanup.name(), labels={label: ""})
    other = client.containers.create("alpine", name=cleanup.name())
    result = client.containers.prune(filters={"label": label})
    assert result["ContainersDeleted"] == [mine.id]
    assert docker_inspect(other.name) is not None
