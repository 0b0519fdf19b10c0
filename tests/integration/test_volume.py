"""`volume` commands against the real engine, compared with docker on the same objects.

Every volume carries a label unique to its test and every listing and prune filters on it (the
engine is shared). API 1.41 engines prune named volumes too, so prune's victims are all labelled.
"""
from __future__ import annotations

import json
import re
import subprocess
import uuid

import pytest

from tests.conftest import DOCKER
from tests.integration.oracle import LabelledObjects, as_pydock, assert_same, sh

SLEEP = ("busybox", "sleep", "600")


def Vols() -> LabelledObjects:
    """Volumes and containers of one test; removed afterwards."""
    return LabelledObjects("volume", "pydt-vol", ("-f",))


@pytest.fixture
def vols():
    bed = Vols()
    yield bed
    bed.remove()


def volume_exists(name: str) -> bool:
    return subprocess.run([DOCKER, "volume", "inspect", name], capture_output=True).returncode == 0


def test_create_named_with_options_is_what_docker_sees(pydock, vols):
    name = vols.name("named")
    mine = pydock("volume", "create", "-d", "local", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m",
                  "--label", vols.label, "--label", "pydt.role=named", name)
    assert (mine.out, mine.err, mine.code) == (f"{name}\n", "", 0)
    seen = json.loads(sh("volume", "inspect", name))[0]
    assert (seen["Driver"], seen["Options"]) == ("local", {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"})
    assert seen["Labels"] == {vols.label: "", "pydt.role": "named"}


def test_create_by_name_flag_and_generated(pydock, docker, vols):
    named = vols.name("by-flag")
    assert pydock("volume", "create", "--name", named, "--label", vols.label).out == f"{named}\n"
    assert volume_exists(named)
    generated = pydock("volume", "create", "--label", vols.label)
    assert generated.code == 0 and re.fullmatch(r"[0-9a-f]{64}\n", generated.out)
    vols.objects.append(generated.out.strip())
    assert json.loads(sh("volume", "inspect", generated.out.strip()))[0]["Labels"] == {vols.label: ""}


@pytest.mark.parametrize("args", [
    ["ls"], ["ls", "-q"], ["list", "--format", "json"], ["ls", "--format", "raw"], ["ls", "-q", "--format", "raw"],
    ["ls", "--format", "table {{.Name}}\t{{.Labels}}\t{{.Mountpoint}}\t{{.Scope}}\t{{.Links}}\t{{.Size}}\t{{.Group}}"],
    ["ls", "-q", "--format", "{{.Name}} {{.Driver}}"], ["ls", "--format", "{{.Nope}}"],
    ["ls", "--format", "table {{.ID}}"], ["ls", "-f", "dangling=true"], ["ls", "-f", "dangling=false"],
    ["ls", "-f", "driver=local"], ["ls", "-f", "name=two"],
])
def test_ls_matches_docker(pydock, docker, vols, args):
    vols.create("one")  # one label each: docker prints several in a Go map's random order
    vols.create("two")
    used = vols.create("used")
    vols.run("user", "-v", f"{used}:/data", *SLEEP)
    full = ["volume", *args, "--filter", f"label={vols.label}"]
    mine = pydock(*full)
    assert_same(mine, docker(*full))
    if args == ["ls"]:
        assert len(mine.out.splitlines()) == 4


def test_ls_without_rows_runs_no_template(pydock, docker, vols):
    args = ("volume", "ls", "--filter", f"label={vols.label}", "--format", "{{.Nope}}")
    assert_same(pydock(*args), docker(*args))


def test_inspect_matches_docker(pydock, docker, vols):
    first = vols.create("first", "--label", "pydt.html=<&>")
    second = vols.create("second", "-o", "type=tmpfs", "-o", "device=tmpfs")
    for args in (["volume", "inspect", first], ["volume", "inspect", first, second], ["inspect", second],
                 ["inspect", "--type", "volume", first], ["volume", "inspect", "-f", "json", first, second],
                 ["volume", "inspect", "-f", "{{.}}", second], ["volume", "inspect", "-f", "{{json .}}", second],
                 ["volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Options}} {{.UsageData}}", second],
                 ["volume", "inspect", "-f", "{{.Nope}}", first], ["inspect", "-f", "{{.Nope}}", first],
                 ["volume", "inspect", first, "pydt-missing-volume", second]):
        assert_same(pydock(*args), docker(*args))


def test_rm_several_and_in_use(pydock, docker, vols):
    a, b = vols.create("rm-a"), vols.create("rm-b")
    busy = vols.create("busy")
    vols.run("holder", "-v", f"{busy}:/data", *SLEEP)
    missing = f"{vols.label}-missing"
    mine = pydock("volume", "rm", a, missing, b)
    assert (mine.out, mine.code) == (f"{a}\n{b}\n", 1)
    assert mine.err == f"Error response from daemon: get {missing}: no such volume\n"
    assert not volume_exists(a) and not volume_exists(b)
    in_use = pydock("volume", "rm", busy)
    assert_same(in_use, docker("volume", "rm", busy))
    assert "volume is in use" in in_use.err and volume_exists(busy)
    assert_same(pydock("volume", "rm", "-f", busy), docker("volume", "rm", "-f", busy))
    assert volume_exists(busy)
    assert_same(pydock("volume", "remove", "-f", missing), docker("volume", "remove", "-f", missing))


@pytest.mark.parametrize("args", [
    ["volume", "create", "a", "b"], ["volume", "create", "--name", "x", "y"], ["volume", "ls", "x"],
    ["volume", "inspect"], ["volume", "rm"], ["volume", "prune", "x"], ["volume", "nope"], ["volume", "ls", "--nope"],
    ["volume", "ls", "-f", "nope=1"], ["volume", "ls", "-f", "dangling=maybe"], ["volume", "ls", "-f", "bad"],
    ["volume", "ls", "--cluster"], ["volume", "create", "--group", "g"], ["volume", "create", "--label", "=x"],
    ["volume", "create", "--limit-bytes", "1x"], ["volume", "inspect", "pydt-missing-volume"],
    ["volume", "inspect", " "], ["volume", "inspect", "-f", "{{.Name", "x"], ["volume", "rm", "pydt-missing-volume"],
    ["volume", "prune", "-a", "-f", "--filter", "label=pydt-none"],
    ["volume", "prune", "-f", "--filter", "label=pydt-none", "--filter", "nope=1"],
    ["volume", "prune", "-f", "--filter", "label=pydt-none", "--filter", "dangling=true"],
])
def test_wrong_arguments_and_unknown_names_fail_like_docker(pydock, docker, args):
    assert_same(pydock(*args), docker(*args))


def test_prune_removes_only_unused_labelled_volumes(pydock, docker, vols):
    unused_a, unused_b = vols.create("unused-a"), vols.create("unused-b")
    used = vols.create("used")
    vols.run("holder", "-v", f"{used}:/data", *SLEEP)
    sh("run", "--rm", "-v", f"{unused_a}:/data", "busybox", "sh", "-c", "head -c 12345 /dev/zero > /data/f")
    other = f"pydt-vol-other-{uuid.uuid4().hex[:8]}"
    vols.objects.append(other)
    sh("volume", "create", "--label", f"{vols.label}-not", other)
    label = f"label={vols.label}"

    refused = pydock("volume", "prune", "--filter", label, input="n\n")
    assert_same(refused, docker("volume", "prune", "--filter", label, input="n\n"))
    assert refused.out == ("WARNING! This will remove all local volumes not used by at least one container.\n"
                           "Are you sure you want to continue? [y/N] ")
    assert volume_exists(unused_a)

    mine = pydock("volume", "prune", "--filter", label, input="y\n")
    assert mine.code == 0, mine.err
    _, _, rest = mine.out.partition("[y/N] ")
    lines = rest.split("\n")
    assert lines[0] == "Deleted Volumes:" and sorted(lines[1:3]) == sorted([unused_a, unused_b])
    assert lines[3:] == ["", "Total reclaimed space: 12.35kB", ""]
    assert not volume_exists(unused_a) and not volume_exists(unused_b)
    assert volume_exists(used) and volume_exists(other)
    assert_same(pydock("volume", "prune", "-f", "--filter", label), docker("volume", "prune", "-f", "--filter", label))


def test_objects_created_by_pydock_are_seen_by_docker_and_back(pydock, docker, vols):
    mine = vols.name("mine")
    assert pydock("volume", "create", "--label", vols.label, mine).code == 0
    theirs = vols.create("theirs")
    for tool in (pydock, docker):
        listing = tool("volume", "ls", "-q", "--filter", f"label={vols.label}")
        assert listing.out == f"{mine}\n{theirs}\n"
    assert_same(pydock("volume", "inspect", mine, theirs), docker("volume", "inspect", mine, theirs))
    assert pydock("volume", "rm", theirs).out == f"{theirs}\n"
    assert docker("volume", "rm", mine).out == f"{mine}\n"


# -- update: cluster volumes (API 1.42; this engine speaks 1.41) -------------------------------------

def same_as_docker(mine, theirs) -> None:
    """docker's streams and status, its program name read as ours."""
    assert (mine.out, mine.err, mine.code) == (theirs.out.replace("docker volume", "pydock volume"),
                                               as_pydock(theirs.err.replace("docker volume", "pydock volume")),
                                               theirs.code)


@pytest.mark.parametrize("args", [
    ["volume", "update", "pydt-missing-volume"], ["volume", "update", "x", "--availability", "drain"],
    ["volume", "update"], ["volume", "update", "a", "b"], ["volume", "update", "--bogus", "x"],
    ["volume", "update", "--availability"], ["volume", "update", "--help"], ["volume", "--help"],
])
def test_update_on_an_api_1_41_engine_as_docker(pydock, docker, args):
    mine = pydock(*args)
    same_as_docker(mine, docker(*args))
    if args[-1] != "--help":
        assert mine.err == "pydock volume update requires API version 1.42, but the Docker daemon API version is 1.41\n"


@pytest.mark.parametrize("args", [["volume", "update", "--help"], ["volume", "update", "x"], ["volume", "--help"],
                                  ["volume", "update", "--bogus"]])
def test_update_with_the_engine_unreachable_as_docker(pydock, docker, args):
    host = ["-H", "unix:///nonexistent.sock"]
    same_as_docker(pydock(*host, *args), docker(*host, *args))


def test_update_with_a_fixed_api_1_42_reaches_the_engine_as_docker(pydock, docker, vols):
    name = vols.create("local")
    pinned = {"DOCKER_API_VERSION": "1.42"}
    for args in (["volume", "update", name], ["volume", "update", "--availability", "drain", name],
                 ["volume", "--help"], ["volume", "update"]):
        same_as_docker(pydock(*args, env=pinned), docker(*args, env=pinned))


@pytest.mark.parametrize("version,args", [
    ("1.20", ["volume", "ls", "-q"]),
    ("1.20", ["volume", "create", "--label", "{label}", "{name}"]),
    ("1.20", ["volume", "inspect", "{name}"]),
    ("1.24", ["volume", "prune", "-f", "--filter", "label={label}"]),
    ("1.24", ["volume", "rm", "-f", "{name}"]),
    ("1.24", ["volume", "--help"]),
    ("1.24", ["volume", "rm", "--help"]),
])
def test_too_old_an_api_is_refused_as_docker_does(pydock, docker, vols, version, args):
    """`docker volume ls requires API version 1.21, but the Docker daemon API version is 1.20`, exit 1,
    and nothing created; a flag or command the engine lacks stays out of --help."""
    name = vols.name("oldapi")
    argv = [a.format(name=name, label=vols.label) for a in args]
    env = {"DOCKER_API_VERSION": version}
    mine, theirs = pydock(*argv, env=env), docker(*argv, env=env)
    assert mine.out.replace("pydock", "docker") == theirs.out
    assert mine.err == as_pydock(theirs.err).replace("docker volume", "pydock volume")
    assert mine.code == theirs.code
    assert sh("volume", "ls", "-q", "--filter", f"name=^{name}$") == ""
    if "--help" not in args:
        assert mine.code == 1 and "requires API version" in mine.err
