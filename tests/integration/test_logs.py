"""`logs` and `wait` against the real engine: output byte-equal to docker's."""
from __future__ import annotations

import subprocess
import time

import pytest

from tests.conftest import DOCKER
from tests.integration.test_run import same_as_docker

SCRIPT = "for i in 1 2 3; do echo out$i; echo err$i >&2; done; printf 'no newline \\000\\377'"


@pytest.fixture(scope="module")
def finished():
    """Two exited containers (one with a TTY) with stdout, stderr and binary output."""
    names = [f"pydt-logs-{time.time_ns()}", f"pydt-logs-tty-{time.time_ns()}"]
    try:
        subprocess.run([DOCKER, "run", "--name", names[0], "alpine", "sh", "-c", SCRIPT], capture_output=True)
        subprocess.run([DOCKER, "run", "-t", "--name", names[1], "alpine", "sh", "-c", SCRIPT],
                       capture_output=True)
        yield names
    finally:
        subprocess.run([DOCKER, "rm", "-f", *names], capture_output=True)


@pytest.mark.parametrize("flags", [[], ["-t"], ["--tail", "2"], ["-n", "0"], ["--details"], ["--since", "1h"],
                                   ["--until", "1h"], ["--since", "2000-01-01T00:00:00Z"], ["--timestamps",
                                                                                          "--tail", "1"]])
@pytest.mark.parametrize("tty", [False, True], ids=["plain", "tty"])
def test_logs_match_docker(pydock, docker, finished, flags, tty):
    name = finished[tty]
    mine, theirs = pydock("logs", *flags, name), docker("logs", *flags, name)
    same_as_docker(mine, theirs)


def test_stderr_goes_to_stderr(pydock, finished):
    mine = pydock("logs", finished[0])
    # the json-file driver stores text: the engine itself turns the invalid byte into U+FFFD
    assert mine.out_bytes == b"out1\nout2\nout3\nno newline \x00\xef\xbf\xbd"
    assert mine.err == "err1\nerr2\nerr3\n"


def test_follow_ends_when_the_container_stops(pydock, cleanup):
    name = cleanup.name()
    subprocess.run([DOCKER, "run", "-d", "--name", name, "alpine", "sh", "-c",
                    "echo first; sleep 1; echo second"], capture_output=True, check=True)
    mine = pydock("logs", "-f", name)
    assert (mine.out, mine.code) == ("first\nsecond\n", 0)


@pytest.mark.parametrize("args", [["pydt-nosuch-container"], ["--since", "abc", "{0}"], ["--bogus", "{0}"],
                                  [], ["--since", "2026-11-27 12:00:00", "{0}"], ["--until", "2026-02-30", "{0}"],
                                  ["--since", "2026-11-27T", "{0}"]])
def test_logs_errors_match_docker(pydock, docker, finished, args):
    args = [a.format(finished[0]) for a in args]
    same_as_docker(pydock("logs", *args), docker("logs", *args))


def test_wait_prints_each_code_and_each_failure(pydock, docker, cleanup):
    names = [cleanup.name() for _ in range(3)]
    for name, code in zip(names, (0, 3, 7)):
        subprocess.run([DOCKER, "run", "--name", name, "alpine", "sh", "-c", f"exit {code}"], capture_output=True)
    args = [names[0], "pydt-nosuch-a", names[1], names[2], "pydt-nosuch-b"]
    mine = pydock("wait", *args)
    assert mine.out == "0\n3\n7\n"
    assert mine.err == ("Error response from daemon: No such container: pydt-nosuch-a\n"
                        "Error response from daemon: No such container: pydt-nosuch-b\n")
    same_as_docker(mine, docker("wait", *args))


def test_wait_blocks_until_the_container_exits(pydock, cleanup):
    name = cleanup.name()
    subprocess.run([DOCKER, "run", "-d", "--name", name, "alpine", "sh", "-c", "sleep 1; exit 4"],
                   capture_output=True, check=True)
    started = time.monotonic()
    mine = pydock("wait", name)
    assert (mine.out, mine.code) == ("4\n", 0)
    assert time.monotonic() - started > 0.5


# -- --since/--until without a zone, read in Go's local time ----------------------------------

@pytest.mark.parametrize("tz", [None, "", "UTC", "Asia/Tokyo", ":Asia/Tokyo", "JST-9", "Nonexistent/Zone",
                                "/usr/share/zoneinfo/Europe/Paris", "America/New_York"])
def test_since_and_until_without_a_zone_as_docker_reads_them(finished, tz):
    """A line's time, written as the wall clock of several zones without a zone and shifted by a second either
    way: which lines `--since`/`--until` keep shows which zone the client read it in."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from tests.conftest import PYDOCK
    from tests.integration.test_ps import run_with_tz

    stamp = subprocess.run([DOCKER, "logs", "-t", "--tail", "1", finished[0]], capture_output=True,
                           text=True).stdout.split()[0]
    moment = dt.datetime.fromisoformat(stamp[:26] + "+00:00")
    for zone in ("UTC", "Asia/Tokyo", "Europe/Paris", "America/New_York"):
        for shift in (-1, 1):
            wall = (moment + dt.timedelta(seconds=shift)).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M:%S")
            for flag in ("--since", "--until"):
                args = ["logs", flag, wall, finished[0]]
                assert run_with_tz([*PYDOCK, *args], tz) == run_with_tz([DOCKER, *args], tz), (zone, shift, flag)
