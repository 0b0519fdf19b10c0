"""`exec` against the real engine, compared with the real docker CLI."""
from __future__ import annotations

import subprocess

import pytest

from tests.conftest import DOCKER
from tests.integration.test_run import same_as_docker


@pytest.fixture
def running(cleanup):
    name = cleanup.name()
    subprocess.run([DOCKER, "run", "-d", "--name", name, "alpine", "sleep", "300"], capture_output=True, check=True)
    return name


@pytest.mark.parametrize("args", [
    ["sh", "-c", "echo out; echo err >&2"],
    ["sh", "-c", "exit 5"],
    ["nosuchcmd"],
    ["/etc"],
    ["-e", "A=1", "-w", "/tmp", "-u", "nobody", "sh", "-c", "echo $A; pwd; id -un"],
    ["--privileged", "sh", "-c", "grep CapEff /proc/self/status"],
    ["-t", "sh", "-c", "echo out; echo err >&2"],
])
def test_exec_matches_docker(pydock, docker, running, args):
    same_as_docker(pydock("exec", running, *args), docker("exec", running, *args))


def test_exit_codes(pydock, running):
    assert pydock("exec", running, "sh", "-c", "exit 5").code == 5
    assert pydock("exec", running, "nosuchcmd").code == 126  # the 20.10 engine reports 126 for both
    assert pydock("exec", running, "true").code == 0


def test_piped_stdin(pydock, running):
    mine = pydock("exec", "-i", running, "sh", "-c", "cat; echo done", input="hello\n")
    assert (mine.out, mine.code) == ("hello\ndone\n", 0)


def test_env_file(pydock, running, tmp_path):
    (tmp_path / "env").write_text("A=from-file\nB=2\n")
    mine = pydock("exec", "--env-file", tmp_path / "env", "-e", "B=flag", running, "sh", "-c", "echo $A $B")
    assert mine.out == "from-file flag\n"


def test_detached_exec_runs_in_the_background(pydock, running):
    assert pydock("exec", "-d", running, "sh", "-c", "echo bg > /tmp/pydt-bg").code == 0
    for _ in range(50):
        out = subprocess.run([DOCKER, "exec", running, "cat", "/tmp/pydt-bg"], capture_output=True, text=True)
        if out.stdout == "bg\n":
            break
    assert out.stdout == "bg\n"


@pytest.mark.parametrize("args", [
    ["pydt-nosuch-container", "true"],
    ["-t", "{running}", "true"],
    ["-it", "{running}", "true"],
    ["--env-file", "/nonexistent-pydt", "{running}", "true"],
    ["{running}"],
    ["--bogus", "{running}", "true"],
])
def test_bad_input_matches_docker(pydock, docker, running, args):
    args = [a.replace("{running}", running) for a in args]
    same_as_docker(pydock("exec", *args, input=""), docker("exec", *args, input=""))


def test_exec_in_a_stopped_container(pydock, docker, cleanup):
    name = cleanup.name()
    subprocess.run([DOCKER, "create", "--name", name, "alpine", "true"], capture_output=True, check=True)
    same_as_docker(pydock("exec", name, "true"), docker("exec", name, "true"))
