"""`{{.}}` on a listing row prints docker's formatter context struct, compared with docker.

docker hands each row's template a *context (formatter.ContainerContext{HeaderContext, trunc, c
container.Summary, FieldsUsed}, …): `{{.}}` prints the struct, `printf "%v"` the pointer (&{…}),
`%#v` Go syntax with type names; values inside the unexported fields print without String() (a
network's Created shows as time.Time's {wall ext loc}). Pointers print as addresses, which differ on
every run in Go: they are masked on both sides. Each listing filters on objects of the test's own.
"""
from __future__ import annotations

import re
import time

import pytest

from tests.integration.oracle import sh

FORMATS = ["{{.}}", '{{printf "%v" .}}', '{{printf "%+v" .}}', '{{printf "%#v" .}}', '{{printf "%T" .}}',
           "{{json .}}", "table {{.}}", "json"]


def _masked(text: str) -> str:
    return re.sub(r"0xc[0-9a-f]{6,}", "0xADDR", text)


def _same(pydock, docker, *argv, tries: int = 3):
    """Equal output (addresses masked), stderr and exit status; several tries: relative times
    ("4 seconds ago") and shared listings move."""
    for attempt in range(tries):
        mine, theirs = pydock(*argv), docker(*argv)
        if _masked(mine.out) == _masked(theirs.out) or attempt == tries - 1:
            break
        time.sleep(0.5)
    assert (mine.code, _masked(mine.out), mine.err) == (theirs.code, _masked(theirs.out), theirs.err)
    return mine


@pytest.fixture(scope="module")
def objects():
    """A labelled network, volume, image tag and two containers (one with a port, labels, a mount)."""
    from tests.conftest import unique

    label = unique("pydt-ctx")
    names = {"network": label + "-n", "volume": label + "-v", "image": label + "-i:t1",
             "running": label + "-r", "created": label + "-c"}
    sh("network", "create", "--label", label, "--label", "b=2", "--subnet", "10.201.7.0/24", names["network"])
    sh("volume", "create", "--label", label, "-o", "type=tmpfs", "-o", "device=tmpfs", names["volume"])
    sh("tag", "alpine", names["image"])
    sh("run", "-d", "--name", names["running"], "--label", label, "-p", "127.0.0.1::80", "-v",
       names["volume"] + ":/data", "--network", names["network"], "busybox", "sleep", "600")
    sh("create", "--name", names["created"], "--label", label, "--label", "z=last", "busybox", "sh", "-c",
       "echo 'a \"quoted\" arg' && sleep 1")
    yield label, names
    sh("rm", "-f", names["running"], names["created"], check=False)
    sh("rmi", names["image"], check=False)
    sh("network", "rm", names["network"], check=False)
    sh("volume", "rm", "-f", names["volume"], check=False)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flags", [[], ["--no-trunc"], ["-s"]])
def test_ps_rows(pydock, docker, objects, flags, fmt):
    label, _ = objects
    _same(pydock, docker, "ps", "-a", "--filter", "label=" + label, *flags, "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flags", [[], ["--no-trunc"], ["--digests"]])
def test_images_rows(pydock, docker, objects, flags, fmt):
    _, names = objects
    _same(pydock, docker, "images", names["image"].split(":")[0], *flags, "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flags", [[], ["--no-trunc"]])
def test_network_rows(pydock, docker, objects, flags, fmt):
    label, _ = objects
    _same(pydock, docker, "network", "ls", "--filter", "label=" + label, *flags, "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_volume_rows(pydock, docker, objects, fmt):
    label, _ = objects
    _same(pydock, docker, "volume", "ls", "--filter", "label=" + label, "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flags", [[], ["--no-trunc", "-H=false"]])
def test_history_rows(pydock, docker, fmt, flags):
    _same(pydock, docker, "history", "alpine", *flags, "--format", fmt)


@pytest.mark.parametrize("fmt", ["{{.}}", '{{printf "%v" .}}', '{{printf "%#v" .}}'])
@pytest.mark.parametrize("verbose", [[], ["-v"]])
def test_system_df_rows(pydock, docker, objects, fmt, verbose):
    """The summary rows hold []*image.Summary and such (addresses); -v's struct holds []*imageContext.
    The whole engine is listed: other tests' objects come and go, hence the tries."""
    _same(pydock, docker, "system", "df", *verbose, "--format", fmt, tries=8)


def test_stats_row_shape(pydock, docker, objects):
    """A stats row is {{<nil>} {StatsEntry} os trunc}; the figures move between two samples."""
    _, names = objects
    fmt = "{{.}}"
    mine = pydock("stats", "--no-stream", names["created"], "--format", fmt)
    theirs = docker("stats", "--no-stream", names["created"], "--format", fmt)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)  # not running: all zeros

    def figures_masked(text):
        return re.sub(r"( [-+.e0-9]+){9} (true|false)\}", r" N \2}", text)

    mine = pydock("stats", "--no-stream", names["running"], "--format", fmt)
    theirs = docker("stats", "--no-stream", names["running"], "--format", fmt)
    assert figures_masked(mine.out) == figures_masked(theirs.out)
    assert figures_masked(mine.out) == "{{<nil>} {%s /%s %s N false} linux true}\n" % (
        names["running"], names["running"], sh("inspect", "-f", "{{.Id}}", names["running"]).strip())


@pytest.mark.parametrize("fmt", ["{{.}}", '{{printf "%v" .}}', '{{printf "%T" .}}', "{{.Foo}}"])
def test_info_struct(pydock, docker, fmt):
    """dockerInfo embeds *system.Info: `{{.}}` shows its address first."""
    _same(pydock, docker, "info", "--format", fmt)
