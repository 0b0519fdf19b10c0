"""`attach` and `start` (plain and attached) against the real engine."""
from __future__ import annotations

import signal
import subprocess
import time

import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.test_run import inspect, same_as_docker


def docker_ok(*args) -> str:
    return subprocess.run([DOCKER, *args], capture_output=True, text=True, check=True).stdout.strip()


def test_start_several_reports_each_failure(pydock, docker, cleanup):
    a, b = cleanup.name(), cleanup.name()
    for name in (a, b):
        docker_ok("create", "--name", name, "alpine", "sleep", "30")
    args = [a, "pydt-nosuch-a", b, "pydt-nosuch-b"]
    mine = pydock("start", *args)
    assert mine.out == f"{a}\n{b}\n"
    assert mine.err == ("Error response from daemon: No such container: pydt-nosuch-a\n"
                        "Error response from daemon: No such container: pydt-nosuch-b\n"
                        "Error: failed to start containers: pydt-nosuch-a, pydt-nosuch-b\n")
    assert mine.code == 1
    assert inspect(a)["State"]["Running"] and inspect(b)["State"]["Running"]
    same_as_docker(mine, docker("start", *args))


def test_start_attached_streams_output_and_exit_code(pydock, docker, cleanup):
    name = cleanup.name()
    docker_ok("create", "--name", name, "alpine", "sh", "-c", "echo out; echo err >&2; exit 6")
    mine = pydock("start", "-a", name)
    assert (mine.out, mine.err, mine.code) == ("out\n", "err\n", 6)
    same_as_docker(mine, docker("start", "-a", name))


def test_start_interactive_with_piped_stdin(pydock, cleanup):
    name = cleanup.name()
    docker_ok("create", "-i", "--name", name, "alpine", "sh", "-c", "cat; echo end")
    mine = pydock("start", "-ai", name, input="piped\n")
    assert (mine.out, mine.code) == ("piped\nend\n", 0)


def test_start_attached_with_rm_waits_for_removal(pydock, cleanup):
    name = cleanup.name()
    docker_ok("create", "--rm", "--name", name, "alpine", "sh", "-c", "exit 2")
    assert pydock("start", "-a", name).code == 2
    assert subprocess.run([DOCKER, "inspect", name], capture_output=True).returncode == 1


@pytest.mark.parametrize("args", [["-a", "{0}", "{0}"], ["-a", "pydt-nosuch-container"], [],
                                  ["-a", "--detach-keys", "bogus", "{0}"]])
def test_start_errors_match_docker(pydock, docker, cleanup, args):
    name = cleanup.name()
    docker_ok("create", "--name", name, "alpine", "true")
    args = [a.format(name) for a in args]
    same_as_docker(pydock("start", *args), docker("start", *args))


def test_attach_streams_until_exit_and_returns_its_code(cleanup):
    name = cleanup.name()
    docker_ok("run", "-d", "--name", name, "alpine", "sh", "-c",
              "sleep 1; echo attached-out; echo attached-err >&2; exit 9")
    proc = subprocess.run(PYDOCK + ["attach", "--no-stdin", name], capture_output=True, text=True, timeout=30)
    assert (proc.stdout, proc.stderr, proc.returncode) == ("attached-out\n", "attached-err\n", 9)


def test_attach_forwards_signals(cleanup):
    name = cleanup.name()
    docker_ok("run", "-d", "--name", name, "alpine", "sh", "-c",
              "trap 'echo got-term; exit 7' TERM; echo ready; while :; do sleep 0.1; done")
    proc = subprocess.Popen(PYDOCK + ["attach", "--no-stdin", name], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(1.5)  # let pydock attach and install its handlers
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert out == "got-term\n" and proc.returncode == 7


@pytest.mark.parametrize("args", [["{stopped}"], ["pydt-nosuch-container"], [], ["{running}", "x"],
                                  ["--detach-keys", "bogus", "{running}"]])
def test_attach_errors_match_docker(pydock, docker, cleanup, args):
    stopped, running = cleanup.name(), cleanup.name()
    docker_ok("create", "--name", stopped, "alpine", "true")
    docker_ok("run", "-d", "--name", running, "alpine", "sleep", "30")
    args = [a.format(stopped=stopped, running=running) for a in args]
    same_as_docker(pydock("attach", *args), docker("attach", *args))


def test_run_forwards_signals_to_the_container(cleanup):
    name = cleanup.name()
    proc = subprocess.Popen(PYDOCK + ["run", "--rm", "--name", name, "alpine", "sh", "-c",
                                      "trap 'echo got-int; exit 5' INT; echo ready; while :; do sleep 0.1; done"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "ready\n"
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert rest == "got-int\n" and proc.returncode == 5
    assert subprocess.run([DOCKER, "inspect", name], capture_output=True).returncode == 1


def test_sig_proxy_false_leaves_the_container_alone(cleanup):
    """docker ignores SIGTERM then (its context is cancelled, the run is not): output and status come."""
    name = cleanup.name()
    proc = subprocess.Popen(PYDOCK + ["run", "--sig-proxy=false", "--name", name, "alpine", "sh", "-c",
                                      "echo ready; sleep 2; echo done; exit 4"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "ready\n"
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert inspect(name)["State"]["Running"] is True
        rest, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert (rest, proc.returncode) == ("done\n", 4)
