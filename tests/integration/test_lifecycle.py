"""stop, restart, kill, rm, pause, unpause, rename, update, prune against the real engine."""
from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import DOCKER, unique
from tests.integration.oracle import Bed, as_pydock, assert_same, exists, inspect, sh

SLEEP = ("busybox", "sleep", "600")


@pytest.fixture
def bed():
    bed = Bed("life")
    yield bed
    bed.remove()


def state(name: str) -> dict:
    return inspect(name)["State"]


def test_stop_many_with_one_missing(pydock, bed):
    a, b = bed.run("a", *SLEEP), bed.run("b", *SLEEP)
    mine = pydock("stop", "-t", "0", a, "pydt-life-missing", b)
    assert (mine.out, mine.err, mine.code) == (
        f"{a}\n{b}\n", "Error response from daemon: No such container: pydt-life-missing\n", 1)
    assert not state(a)["Running"] and not state(b)["Running"]
    assert state(a)["ExitCode"] == 137  # -t 0: killed at once


def test_stop_with_a_timeout_lets_the_process_exit(pydock, bed):
    name = bed.run("trap", "busybox", "sh", "-c", "trap 'exit 7' TERM; while :; do sleep 0.1; done")
    assert pydock("container", "stop", "--timeout", "5", name).code == 0
    assert state(name)["ExitCode"] == 7


def test_kill_with_a_signal_then_wait(pydock, docker, bed):
    name = bed.run("kill", "busybox", "sh", "-c", "trap 'exit 9' USR1; while :; do sleep 0.1; done")
    assert (pydock("kill", "-s", "USR1", name).out, docker("wait", name).out) == (f"{name}\n", "9\n")
    assert_same(pydock("kill", name), docker("kill", name))  # not running any more


def test_restart_starts_it_again(pydock, bed):
    name = bed.run("restart", *SLEEP)
    before = state(name)["StartedAt"]
    assert pydock("restart", "-t", "0", name).out == f"{name}\n"
    after = state(name)
    assert after["Running"] and after["StartedAt"] != before


def test_pause_and_unpause(pydock, docker, bed):
    a, b = bed.run("p1", *SLEEP), bed.run("p2", *SLEEP)
    assert pydock("pause", a, b).out == f"{a}\n{b}\n"
    assert state(a)["Paused"] and state(b)["Paused"]
    assert_same(pydock("pause", a), docker("pause", a))  # already paused: the engine's error
    assert pydock("unpause", a, b).out == f"{a}\n{b}\n"
    assert not state(a)["Paused"] and state(b)["Running"]


def test_rm_force_removes_the_others_when_one_is_missing(pydock, bed):
    a, c = bed.run("rm-a", *SLEEP), bed.create("rm-c", *SLEEP)
    mine = pydock("rm", "-f", a, "pydt-life-missing", c)
    assert (mine.out, mine.err, mine.code) == (
        f"{a}\n{c}\n", "Error response from daemon: No such container: pydt-life-missing\n", 0)
    assert not exists(a) and not exists(c)


def test_rm_of_a_running_container_needs_force(pydock, docker, bed):
    name = bed.run("running", *SLEEP)
    mine = pydock("rm", name)
    assert_same(mine, docker("rm", name))
    assert mine.code == 1 and "Stop the container before attempting removal or force remove" in mine.err
    assert exists(name)


def test_rm_volumes_removes_anonymous_volumes(pydock, bed):
    name = bed.create("vol", "-v", "/data", *SLEEP)
    volume = inspect(name)["Mounts"][0]["Name"]
    assert pydock("rm", "-v", name).code == 0
    assert sh("volume", "ls", "-q", "--filter", f"name={volume}") == ""


def test_rename(pydock, docker, bed):
    old, taken = bed.create("old", *SLEEP), bed.create("taken", *SLEEP)
    new = bed.name("new")
    assert_same(pydock("rename", old, taken), docker("rename", old, taken))  # conflict: two lines, exit 1
    assert pydock("rename", old, new).code == 0
    assert inspect(new)["Name"] == f"/{new}" and not exists(old)


def test_update_resources(pydock, bed):
    name = bed.run("upd", *SLEEP)
    mine = pydock("update", "--cpus", "0.5", "-m", "64m", "--memory-swap", "128m", "--memory-reservation", "32m",
                  "--pids-limit", "50", "--cpu-shares", "512", "--cpuset-cpus", "0",
                  "--restart", "on-failure:3", name)
    assert (mine.out, mine.code) == (f"{name}\n", 0)
    host = inspect(name)["HostConfig"]
    assert (host["NanoCpus"], host["Memory"], host["MemorySwap"], host["MemoryReservation"]) == \
        (500_000_000, 64 << 20, 128 << 20, 32 << 20)
    assert (host["PidsLimit"], host["CpuShares"], host["CpusetCpus"]) == (50, 512, "0")
    assert host["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 3}


@pytest.mark.parametrize("args", [
    [], ["{name}"], ["--cpus", "x", "{name}"], ["--cpus", "0.0000000001", "{name}"], ["-m", "1x", "{name}"],
    ["--blkio-weight", "70000", "{name}"], ["--restart", ":1", "{name}"], ["--restart", "always:x", "{name}"],
    ["--restart", "bogus", "{name}"], ["--memory", "1m", "{name}"],
    ["--pids-limit", "5", "pydt-life-missing", "{name}"],
    ["--cpu-shares", "abc", "{name}"], ["--blkio-weight", "300", "{name}"],  # a warning on this kernel
])
def test_update_errors_match_docker(pydock, docker, bed, args):
    name = bed.create("upd-err", *SLEEP)
    args = [a.format(name=name) for a in args]
    assert_same(pydock("update", *args), docker("update", *args))


@pytest.mark.parametrize("args", [
    ["stop"], ["stop", "-t", "x", "c"], ["stop", "--time", "1", "-t", "1", "pydt-life-missing"],
    ["stop", "--time", "0", "pydt-life-missing"], ["kill", "-s", "NOPE", "pydt-life-missing"],
    ["restart", "pydt-life-missing"], ["pause", "pydt-life-missing", "pydt-life-missing2"],
    ["unpause", "pydt-life-missing"], ["rm"], ["rm", "pydt-life-missing"], ["rm", "-f", "pydt-life-missing"],
    ["rm", "/"], ["rename", "a"], ["rename", " ", "b"], ["rename", "pydt-life-missing", "x"],
    ["container", "remove"],
    ["container", "prune", "extra"], ["container", "prune", "--filter", "nope"],
])
def test_errors_match_docker(pydock, docker, args):
    assert_same(pydock(*args), docker(*args))


def test_kill_signal_errors_match_docker(pydock, docker, bed):
    name = bed.run("sig", *SLEEP)
    assert_same(pydock("kill", "-s", "NOPE", name), docker("kill", "-s", "NOPE", name))


def test_prune_only_what_the_label_selects(pydock, bed):
    doomed = [bed.create("prune1", *SLEEP), bed.create("prune2", *SLEEP)]
    kept = bed.run("prune-running", *SLEEP)
    ids = {inspect(n)["Id"] for n in doomed}
    mine = pydock("container", "prune", "--filter", f"label={bed.label}", input="n\n")
    assert (mine.out, mine.code) == ("WARNING! This will remove all stopped containers.\n"
                                     "Are you sure you want to continue? [y/N] ", 0)
    assert all(exists(n) for n in doomed)
    mine = pydock("container", "prune", "--filter", f"label={bed.label}", input="y\n")
    lines = mine.out.split("\n")
    assert lines[1] == "Are you sure you want to continue? [y/N] Deleted Containers:"
    assert set(lines[2:4]) == ids and lines[4:] == ["", "Total reclaimed space: 0B", ""]
    assert not any(exists(n) for n in doomed) and exists(kept)


def test_prune_force_with_nothing_to_do(pydock, docker, bed):
    args = ("container", "prune", "-f", "--filter", f"label={bed.label}-nothing")
    assert_same(pydock(*args), docker(*args))
    assert pydock(*args).out == "Total reclaimed space: 0B\n"


def test_prune_uses_config_prune_filters(pydock, bed, tmp_path):
    doomed = bed.create("cfg-prune", *SLEEP)
    (tmp_path / "config.json").write_text(json.dumps({"pruneFilters": [f"label={bed.label}"]}))
    mine = pydock("container", "prune", "-f", "--filter", "label=pydt-life-role=cfg",
                  env={"DOCKER_CONFIG": str(tmp_path)})
    assert mine.code == 0 and exists(doomed)  # both labels must match: nothing else is touched
    sh("rm", doomed)


@pytest.mark.parametrize("command", [
    "stop", "restart", "kill", "rm", "pause", "unpause", "rename", "update", "container prune", "ps", "container ls",
    "container list", "container inspect", "inspect", "top", "port", "diff", "cp", "export", "commit", "stats",
])
def test_help_matches_docker(pydock, docker, command):
    mine, theirs = pydock(*command.split(), "--help"), docker(*command.split(), "--help")
    assert (mine.out.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.code)


@pytest.mark.parametrize("argv", [
    "ps -h", "ps -ah", "rm -h", "container -h", "container ls -h", "inspect -h", "version -h", "ps -a -h --bogus",
    "run -h",  # -h is run's --hostname there
])
def test_deprecated_help_shorthand(pydock, docker, argv):
    """cobra takes -h for --help with a warning on stdout, where the command has no -h flag of its own."""
    mine, theirs = pydock(*argv.split()), docker(*argv.split())
    assert (mine.out.replace("pydock", "docker"), mine.err.replace("pydock", "docker"), mine.code) == \
        (theirs.out, theirs.err, theirs.code)


@pytest.mark.parametrize("argv", ["container --help", "container"])
def test_group_help_ends_like_dockers(pydock, docker, argv):
    mine, theirs = pydock(*argv.split()), docker(*argv.split())
    assert (mine.out.replace("pydock", "docker"), mine.err.replace("pydock", "docker"), mine.code) == \
        (theirs.out, theirs.err, theirs.code)


@pytest.mark.parametrize("version,args", [
    ("1.24", ["exec", "-e", "A=1", "pydt-no-such-ctr", "true"]),
    ("1.24", ["exec", "--env-file", "/dev/null", "pydt-no-such-ctr", "true"]),
    ("1.34", ["exec", "-w", "/", "pydt-no-such-ctr", "true"]),
    ("1.34", ["logs", "--until", "1s", "pydt-no-such-ctr"]),
    ("1.31", ["run", "--rm", "--platform", "linux/amd64", "--name", "{name}", "alpine", "true"]),
    ("1.31", ["create", "--platform", "linux/amd64", "--name", "{name}", "alpine", "true"]),
    ("1.39", ["run", "--rm", "--gpus", "all", "--name", "{name}", "alpine", "true"]),
    ("1.28", ["update", "--cpus", "1", "--pids-limit", "5", "--cpu-rt-period", "1", "pydt-no-such-ctr"]),
    ("1.24", ["container", "prune", "-f", "--filter", "label=pydt-no-such-label"]),
    ("1.24", ["image", "prune", "-f", "--filter", "label=pydt-no-such-label"]),
    ("1.34", ["exec", "--help"]),
    ("1.24", ["container", "--help"]),
])
def test_too_old_an_api_is_refused_as_docker_does(pydock, docker, version, args):
    """docker's annotations on container commands and flags: refused before any request (nothing
    created), each unsupported flag on its own line, and left out of --help."""
    name = unique("pydt-oldapi")
    argv = [a.format(name=name) for a in args]
    env = {"DOCKER_API_VERSION": version}
    try:
        mine, theirs = pydock(*argv, env=env), docker(*argv, env=env)
    finally:
        subprocess.run([DOCKER, "rm", "-f", name], capture_output=True)
    assert mine.out.replace("pydock", "docker") == theirs.out
    assert mine.err == as_pydock(theirs.err).replace("docker container", "pydock container") \
        .replace("docker image", "pydock image")
    assert mine.code == theirs.code
    if "--help" not in args:
        assert mine.code == 1 and "requires API version" in mine.err
