"""top, port and diff against the real engine, compared with docker's output."""
from __future__ import annotations

import pytest

from tests.integration.oracle import Bed, assert_same, eventually_same, sh


@pytest.fixture(scope="module")
def box():
    bed = Bed("tpd")
    try:
        name = bed.run("box", "-p", "127.0.0.1::80", "-p", "47321-47322:47321-47322/udp", "-p", "10000",
                       "--expose", "7000", "busybox", "sleep", "600")
        sh("exec", name, "sh", "-c", "touch /etc/x && rm /bin/ls && mkdir /newdir")
        bed.create("idle", "busybox", "true")
        yield bed
    finally:
        bed.remove()


@pytest.mark.parametrize("args", [[], ["-o", "pid,comm"], ["aux"], ["-bogus"]])
def test_top(pydock, docker, box, args):
    eventually_same(pydock, docker, "top", box.names[0], *args)


def test_top_layout(pydock, box):
    lines = pydock("top", box.names[0], "-o", "pid,comm").out.split("\n")
    assert lines[0] == "PID" + " " * 17 + "COMMAND" and lines[1].endswith("sleep")


@pytest.mark.parametrize("args", [["{idle}"], ["pydt-tpd-missing"], []])
def test_top_errors(pydock, docker, box, args):
    args = [a.format(idle=box.names[1]) for a in args]
    assert_same(pydock("top", *args), docker("top", *args))


@pytest.mark.parametrize("args", [
    [], ["80"], ["80/tcp"], ["47321/udp"], ["10000"], ["81"], ["7000"], ["abc/tcp"], ["80/xyz"], ["80/tcp/x"],
    ["1-2/tcp"], ["70000"], [""],
])
def test_port(pydock, docker, box, args):
    assert_same(pydock("port", box.names[0], *args), docker("port", box.names[0], *args))


@pytest.mark.parametrize("args", [["{idle}"], ["pydt-tpd-missing"], [], ["a", "b", "c"]])
def test_port_errors(pydock, docker, box, args):
    args = [a.format(idle=box.names[1]) for a in args]
    assert_same(pydock("port", *args), docker("port", *args))


def test_port_lists_every_mapping(pydock, box):
    lines = pydock("port", box.names[0]).out.splitlines()
    assert lines[0].startswith("80/tcp -> 127.0.0.1:") and "47321/udp -> 0.0.0.0:47321" in lines
    assert lines[-1].startswith("47322/udp -> ") and not any(line.startswith("7000") for line in lines)


def test_diff(pydock, docker, box):
    mine, theirs = pydock("diff", box.names[0]), docker("diff", box.names[0])
    # the engine sends the changes in no fixed order: compare them sorted
    assert sorted(mine.out.splitlines()) == sorted(theirs.out.splitlines())
    assert {"C /etc", "A /etc/x", "D /bin/ls", "A /newdir", "C /bin"} <= set(mine.out.splitlines())
    assert (mine.err, mine.code) == ("", 0)


@pytest.mark.parametrize("args", [["{idle}"], ["pydt-tpd-missing"], [""], [], ["a", "b"]])
def test_diff_edge_cases(pydock, docker, box, args):
    args = [a.format(idle=box.names[1]) for a in args]
    assert_same(pydock("diff", *args), docker("diff", *args))
