"""`run` and `create` against the real engine, with the real docker CLI as the oracle."""
from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
import uuid

import pytest

from tests.conftest import DOCKER
from tests.integration.registries import manifest_digest

REGISTRY = "127.0.0.1:5000"


def inspect(name: str) -> dict:
    out = subprocess.run([DOCKER, "inspect", name], capture_output=True, check=True).stdout
    return json.loads(out)[0]


def exists(name: str) -> bool:
    return subprocess.run([DOCKER, "inspect", name], capture_output=True).returncode == 0


def as_pydock(text: str) -> str:
    """docker's stderr with its own name replaced where docker prints it (not in engine messages)."""
    text = re.sub(r"(?m)^docker: ", "pydock: ", text)
    return text.replace("'docker ", "'pydock ").replace("Usage:  docker ", "Usage:  pydock ")


def same_as_docker(mine, theirs):
    assert mine.out_bytes == theirs.out_bytes
    assert mine.err == as_pydock(theirs.err)
    assert mine.code == theirs.code


# -- output and exit codes ---------------------------------------------------------------------
def test_output_is_the_containers_bytes(pydock, docker):
    script = "printf 'hello world\\n'; printf 'err\\n' >&2; printf '\\000\\377raw'"
    mine = pydock("run", "--rm", "alpine", "sh", "-c", script)
    assert mine.out_bytes == b"hello world\n\x00\xffraw"
    assert mine.err == "err\n"
    same_as_docker(mine, docker("run", "--rm", "alpine", "sh", "-c", script))


@pytest.mark.parametrize("args, code", [
    (["alpine", "sh", "-c", "exit 3"], 3),
    (["alpine", "/etc"], 126),
    (["alpine", "nosuchcmd"], 127),
    (["--pull", "never", "pydt-no-such-image"], 125),
    (["-p", "abc", "alpine"], 125),
    (["-m", "abc", "alpine"], 125),
    (["--mount", "type=foo", "alpine"], 125),
    (["-v", "a:b:c:d", "alpine", "true"], 125),
    (["--restart", "bogus", "alpine"], 125),
    (["--bogus", "alpine"], 125),
    (["UPPER"], 125),
])
def test_exit_codes_and_messages_match_docker(pydock, docker, args, code):
    mine = pydock("run", "--rm", *args)
    assert mine.code == code
    same_as_docker(mine, docker("run", "--rm", *args))


@pytest.mark.parametrize("args", [
    ["--gpus", "bogus=1"], ["--gpus", "x"], ["--gpus", "count=all,count=1"], ["--gpus", ""],
    ["--mount", ""], ["--mount", "type=bind,src=/tmp,dst=/x,'readonly'"],
])
def test_flag_value_errors_match_docker(pydock, docker, args):
    same_as_docker(pydock("create", *args, "alpine"), docker("create", *args, "alpine"))


def test_missing_image_reports_the_engines_error(pydock, docker):
    mine = pydock("run", "--rm", "pydt-nosuchimage-xyz")
    assert mine.code == 125
    assert mine.err.startswith("Unable to find image 'pydt-nosuchimage-xyz:latest' locally\npydock: ")
    same_as_docker(mine, docker("run", "--rm", "pydt-nosuchimage-xyz"))


def test_no_arguments(pydock):
    mine = pydock("run")
    assert mine.code == 1
    assert mine.err.startswith("pydock: 'pydock run' requires at least 1 argument\n")


# -- stdin ---------------------------------------------------------------------------------------
def test_piped_stdin_reaches_the_container_and_ends(pydock):
    mine = pydock("run", "--rm", "-i", "alpine", "cat", input="hi\n")
    assert (mine.out, mine.err, mine.code) == ("hi\n", "", 0)


def test_large_binary_stdin_round_trip(pydock):
    data = os.urandom(3 * 1024 * 1024)
    mine = pydock("run", "--rm", "-i", "alpine", "sh", "-c", "cat; echo done >&2", input=data)
    assert mine.out_bytes == data
    assert mine.err == "done\n" and mine.code == 0


def test_stdin_is_not_read_without_i(pydock):
    mine = pydock("run", "--rm", "alpine", "cat", input="ignored\n")
    assert (mine.out, mine.code) == ("", 0)


def test_tty_needs_a_terminal(pydock, docker):
    mine = pydock("run", "--rm", "-it", "alpine", "true", input="")
    assert (mine.err, mine.code) == ("the input device is not a TTY\n", 1)
    same_as_docker(mine, docker("run", "--rm", "-it", "alpine", "true", input=""))


# -- lifecycle ----------------------------------------------------------------------------------
def test_rm_removes_the_container_on_success_and_failure(pydock, cleanup):
    ok, failed = cleanup.name(), cleanup.name()
    assert pydock("run", "--rm", "--name", ok, "alpine", "true").code == 0
    assert pydock("run", "--rm", "--name", failed, "alpine", "nosuchcmd").code == 127
    assert not exists(ok) and not exists(failed)


def test_detach_prints_the_id_and_writes_the_cidfile(pydock, cleanup, tmp_path):
    name, cidfile = cleanup.name(), tmp_path / "cid"
    mine = pydock("run", "-d", "--name", name, "--cidfile", cidfile, "alpine", "sleep", "30")
    assert mine.code == 0 and mine.err == ""
    assert re.fullmatch(r"[0-9a-f]{64}\n", mine.out)
    assert cidfile.read_text() == mine.out.strip() == inspect(name)["Id"]
    assert inspect(name)["State"]["Running"] is True
    again = pydock("run", "-d", "--cidfile", cidfile, "alpine", "true")
    assert again.code == 125
    assert again.err == (f"pydock: container ID file found, make sure the other container isn't running or "
                         f"delete {cidfile}\n\nRun 'pydock run --help' for more information\n")


def test_detach_conflicts_with_attach(pydock):
    mine = pydock("run", "-d", "-a", "stdout", "alpine", "true")
    assert (mine.err, mine.code) == ("conflicting options: cannot specify both --attach and --detach\n", 1)


def test_refused_attach_is_reported_like_docker(pydock, docker, cleanup):
    mine_name, their_name = cleanup.name(), cleanup.name()
    mine = pydock("run", "--name", mine_name, "--detach-keys", "bogus", "-i", "alpine", "true")
    assert (mine.err, mine.code) == ("unable to upgrade to tcp, received 400\n", 1)
    same_as_docker(mine, docker("run", "--name", their_name, "--detach-keys", "bogus", "-i", "alpine", "true"))


def test_use_api_socket_binds_the_socket_and_passes_stored_credentials(pydock, docker, tmp_path):
    (tmp_path / "config.json").write_text('{"auths": {"127.0.0.1:5000": {"auth": "dTpw"}, '
                                          '"https://index.docker.io/v1/": {"identitytoken": "tok"}, "a.io": {}}}')
    script = "env | grep DOCKER; ls -l /var/run/docker.sock | cut -c1; cat /run/secrets/docker/config.json"
    args = ["run", "--rm", "--use-api-socket", "alpine", "sh", "-c", script]
    mine = pydock(*args, env={"DOCKER_CONFIG": str(tmp_path)})
    assert mine.out.startswith("DOCKER_CONFIG=/run/secrets/docker\ns\n{\n\t\"auths\": {")
    same_as_docker(mine, docker(*args, env={"DOCKER_CONFIG": str(tmp_path)}))
    own_config = ["run", "--rm", "--use-api-socket", "-e", "DOCKER_CONFIG=/x", "alpine", "sh", "-c",
                  "env | grep DOCKER; ls /run/secrets"]
    same_as_docker(pydock(*own_config, env={"DOCKER_CONFIG": str(tmp_path)}),
                   docker(*own_config, env={"DOCKER_CONFIG": str(tmp_path)}))


def test_create_prints_the_id_and_leaves_it_created(pydock, cleanup):
    name = cleanup.name()
    mine = pydock("create", "--name", name, "alpine", "true")
    assert mine.code == 0 and re.fullmatch(r"[0-9a-f]{64}\n", mine.out)
    assert inspect(name)["State"]["Status"] == "created"


def test_exit_status_of_a_detached_start_failure(pydock, cleanup):
    name = cleanup.name()
    mine = pydock("run", "-d", "--name", name, "alpine", "nosuchcmd")
    assert mine.code == 127
    assert re.fullmatch(r"[0-9a-f]{64}\n", mine.out)


# -- the flags' effects: pydock and docker create the same container -------------------------
FLAG_FAMILIES = [
    ["-e", "A=1", "-e", "B=two words", "-l", "x=y", "-w", "/tmp", "-u", "nobody", "-h", "pydt-host",
     "--domainname", "example.org", "--entrypoint", "/bin/sh"],
    ["-p", "127.0.0.1::80", "-p", "127.0.0.1::53/udp", "--expose", "7000-7001", "-P"],
    ["-v", "/tmp:/data:ro", "-v", "/anon", "--mount", "type=tmpfs,dst=/t,tmpfs-size=64m",
     "--tmpfs", "/run:rw,size=10m", "--read-only"],
    ["--restart", "on-failure:3", "--init", "--privileged", "--cap-add", "net_admin", "--cap-drop", "mknod",
     "--security-opt", "no-new-privileges", "--stop-signal", "SIGINT", "--stop-timeout", "7"],
    ["--memory", "64m", "--memory-swap", "128m", "--memory-reservation", "32m", "--cpus", "0.5",
     "--cpu-shares", "512", "--pids-limit", "100", "--ulimit", "nofile=1024:2048", "--shm-size", "16m",
     "--oom-kill-disable", "--cpuset-cpus", "0", "--memory-swappiness", "10", "--oom-score-adj", "100",
     "--blkio-weight", "300"],
    ["--log-driver", "json-file", "--log-opt", "max-size=10m", "--health-cmd", "true", "--health-interval",
     "30s", "--health-timeout", "5s", "--health-retries", "3", "--health-start-period", "1m"],
    ["--add-host", "h:1.2.3.4", "--dns", "8.8.8.8", "--dns-search", "example.com", "--dns-option", "ndots:2",
     "--group-add", "10", "--ipc", "shareable", "--pid", "host", "--uts", "host", "--cgroupns", "private",
     "--sysctl", "net.ipv4.ip_forward=1", "--device", "/dev/null:/dev/mynull:rw", "--no-healthcheck"],
    ["--network", "none", "--rm", "--isolation", "default", "--runtime", "runc", "-i", "-t"],
    ["--gpus", "all", "--gpus", '"capabilities=compute,utility",driver=nvidia', "--gpus", '"device=0,1"',
     "--gpus", '"options=a=1,b",count=2', "--device", "vendor.com/class=foo"],
]


@pytest.mark.parametrize("flags", FLAG_FAMILIES, ids=lambda f: " ".join(f[:2]))
def test_flags_configure_the_container_as_docker_does(pydock, docker, cleanup, flags):
    mine_name, theirs_name = cleanup.name(), cleanup.name()
    mine = pydock("create", "--name", mine_name, *flags, "alpine", "sleep", "1")
    theirs = docker("create", "--name", theirs_name, *flags, "alpine", "sleep", "1")
    assert (mine.code, mine.err) == (theirs.code, theirs.err)  # warnings included
    assert mine.code == 0
    a, b = inspect(mine_name), inspect(theirs_name)
    for section in (a, b):
        if "-h" not in flags:
            section["Config"].pop("Hostname")
        section["Config"]["Env"] = sorted(section["Config"]["Env"] or [])
        section["HostConfig"]["Binds"] = sorted(section["HostConfig"]["Binds"] or [])
    assert a["Config"] == b["Config"]
    assert a["HostConfig"] == b["HostConfig"]


def test_flag_effects_inside_the_container(pydock, tmp_path):
    (tmp_path / "file").write_text("from the host\n")
    tmp_path.chmod(0o755)
    script = ("echo $A; pwd; id -u; hostname; cat /data/file; touch /data/x 2>/dev/null || echo read-only; "
              "grep -c ' /t tmpfs' /proc/mounts; cat /proc/1/comm")
    mine = pydock("run", "--rm", "-e", "A=hello", "-w", "/tmp", "-u", "405", "-h", "pydt-host",
                  "-v", f"{tmp_path}:/data:ro", "--tmpfs", "/t", "--init", "alpine", "sh", "-c", script)
    assert mine.code == 0, mine.err
    assert mine.out.splitlines() == ["hello", "/tmp", "405", "pydt-host", "from the host", "read-only", "1",
                                     "docker-init"]


def test_published_ports_and_labels(pydock, cleanup):
    name = cleanup.name()
    mine = pydock("run", "-d", "--name", name, "-p", "127.0.0.1::80", "-l", "pydt=yes", "alpine", "sleep", "30")
    assert mine.code == 0, mine.err
    info = inspect(name)
    binding = info["NetworkSettings"]["Ports"]["80/tcp"][0]
    assert binding["HostIp"] == "127.0.0.1" and int(binding["HostPort"]) > 0
    assert info["Config"]["Labels"]["pydt"] == "yes"


def test_env_without_value_is_taken_from_our_environment(pydock):
    mine = pydock("run", "--rm", "-e", "PYDT_VALUE", "-e", "PYDT_UNSET", "alpine", "sh", "-c",
                  'echo "$PYDT_VALUE ${PYDT_UNSET-unset}"', env={"PYDT_VALUE": "from-env"})
    assert mine.out == "from-env unset\n"


def test_env_and_label_files(pydock, cleanup, tmp_path):
    (tmp_path / "env").write_text("# comment\nA=1\nB=2\n")
    (tmp_path / "labels").write_text("x=1\n")
    name = cleanup.name()
    mine = pydock("create", "--name", name, "--env-file", tmp_path / "env", "-e", "B=flag",
                  "--label-file", tmp_path / "labels", "alpine")
    assert mine.code == 0, mine.err
    info = inspect(name)
    assert {"A=1", "B=2", "B=flag"} <= set(info["Config"]["Env"])
    assert info["Config"]["Labels"] == {"x": "1"}


# -- pulling a missing image ---------------------------------------------------------------------
@pytest.fixture
def remote_only_busybox():
    """A busybox tag that exists in the registry but not in the engine; removed from both after."""
    tag = f"pydt-{uuid.uuid4().hex[:12]}"
    remote = f"{REGISTRY}/library/busybox:{tag}"
    container = subprocess.run([DOCKER, "create", "busybox", "true"], capture_output=True, text=True,
                               check=True).stdout.strip()
    try:
        subprocess.run([DOCKER, "commit", "--change", f"LABEL pydt={tag}", container, remote],
                       capture_output=True, check=True)
    finally:
        subprocess.run([DOCKER, "rm", container], capture_output=True)
    subprocess.run([DOCKER, "push", remote], capture_output=True, check=True)
    digest = subprocess.run([DOCKER, "inspect", "--format", "{{index .RepoDigests 0}}", remote],
                            capture_output=True, text=True, check=True).stdout.strip().split("@")[1]
    subprocess.run([DOCKER, "rmi", remote], capture_output=True, check=True)
    yield tag
    subprocess.run([DOCKER, "rmi", "-f", f"busybox:{tag}"], capture_output=True)
    request = urllib.request.Request(f"http://{REGISTRY}/v2/library/busybox/manifests/{digest}", method="DELETE")
    urllib.request.urlopen(request, timeout=10).close()


def test_missing_image_is_pulled_then_run(pydock, docker, remote_only_busybox):
    tag = remote_only_busybox
    mine = pydock("run", "--rm", f"busybox:{tag}", "echo", "ok")
    assert (mine.out, mine.code) == ("ok\n", 0), mine.err
    lines = mine.err.splitlines()
    assert lines[0] == f"Unable to find image 'busybox:{tag}' locally"
    assert lines[1] == f"{tag}: Pulling from library/busybox"
    assert lines[-2].startswith("Digest: sha256:")
    assert lines[-1] == f"Status: Downloaded newer image for busybox:{tag}"
    subprocess.run([DOCKER, "rmi", f"busybox:{tag}"], capture_output=True, check=True)
    same_as_docker(mine, docker("run", "--rm", f"busybox:{tag}", "echo", "ok"))


def test_pull_never_refuses_a_missing_image(pydock, docker, remote_only_busybox):
    args = ("run", "--rm", "--pull", "never", f"busybox:{remote_only_busybox}", "true")
    mine = pydock(*args)
    assert mine.code == 125
    same_as_docker(mine, docker(*args))


TRUST_REFUSAL = ("Error: content trust (image signing and verification) is not supported by pydock: unset "
                 "DOCKER_CONTENT_TRUST or add --disable-content-trust")


@pytest.fixture(scope="module")
def alpine_by_digest() -> str:
    """alpine@sha256:… as this test bed's mirror serves it (scripts/engine makes alpine by `docker import`,
    so the digest differs on every machine)."""
    digest = manifest_digest(f"{REGISTRY}/library/alpine:latest")
    assert digest, f"the mirror {REGISTRY} has no library/alpine:latest; run scripts/engine up"
    return f"alpine@{digest}"


@pytest.mark.parametrize("command", ["create", "run"])
def test_content_trust_refuses_a_tagged_image_where_docker_asks_notary(pydock, docker, cleanup, command,
                                                                       alpine_by_digest):
    """docker (no Notary reachable) fails where it would verify a tag, with create's 1 or run's 125 and
    run's --help pointer; pydock says it cannot verify, in the same shape, and creates nothing."""
    trust = {"DOCKER_CONTENT_TRUST": "1"}
    names = [cleanup.name(), cleanup.name()]
    extra = ["--rm"] if command == "run" else []
    theirs = docker(command, *extra, "--name", names[0], "alpine", "true", env=trust)
    mine = pydock(command, *extra, "--name", names[1], "alpine", "true", env=trust)
    assert theirs.code == mine.code == (125 if command == "run" else 1)
    if command == "run":
        assert theirs.err.startswith("docker: Error: error contacting notary server")
        assert mine.err == f"pydock: {TRUST_REFUSAL}\n\nRun 'pydock run --help' for more information\n"
    else:
        assert mine.err == TRUST_REFUSAL + "\n"
    assert mine.out == theirs.out == ""
    assert subprocess.run([DOCKER, "inspect", names[1]], capture_output=True).returncode == 1  # nothing made
    for args, env in (([alpine_by_digest], trust), (["--disable-content-trust", "alpine"], trust),
                      (["--disable-content-trust=false", alpine_by_digest], {}),
                      (["alpine"], {"DOCKER_CONTENT_TRUST": "0"})):
        name = cleanup.name()
        theirs_ok = docker(command, *extra, "--name", cleanup.name(), *args, "true", env=env)
        mine_ok = pydock(command, *extra, "--name", name, *args, "true", env=env)
        assert theirs_ok.code == mine_ok.code == 0, (args, env, mine_ok.err)
