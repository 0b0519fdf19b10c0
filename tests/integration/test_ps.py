"""`ps` / `container ls` against the real engine: byte-equal to docker's for every format and filter."""
from __future__ import annotations

import json

import pytest

from tests.integration.oracle import Bed, assert_same, eventually_same, inspect, sh


@pytest.fixture(scope="module")
def bed():
    """Three containers in three states (running with ports and volumes, exited, created)."""
    bed = Bed("ps")
    try:
        bed.run("web", "--label", "zz=2", "--label", "com.example.tier=front", "-p", "127.0.0.1::80",
                "-p", "127.0.0.1:47311-47312:47311-47312/udp", "--expose", "7000", "-v", "/data",
                "busybox", "sh", "-c", 'echo "hello \\"quoted\\" world" && exec sleep 600')
        bed.run("exited", "busybox", "sh", "-c", "exit 3")
        sh("wait", bed.names[-1])
        bed.create("created", "--label", "zz=3", "alpine", "true")
        yield bed
    finally:
        bed.remove()


FORMATS = [
    "{{.Names}}\t{{.Labels}}\t{{.Label \"zz\"}}",
    "table {{.Names}}\t{{.Ports}}\t{{.Mounts}}\t{{.LocalVolumes}}\t{{.Networks}}\t{{.State}}",
    "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.Label \"com.example.tier\"}}",
    "{{json .Names}} {{.Command | len}} {{upper .State}} {{join (split .Labels \",\") \"|\"}}",
    "{{.Platform}}|{{.Size}}",
    "table {{.Names}}\t{{.Size}}",
    "raw",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats(pydock, docker, bed, fmt):
    # "raw" and table formats show the status ("Up 3 seconds"), which may change between the two calls
    eventually_same(pydock, docker, "ps", "-a", "--filter", f"label={bed.label}", "--format", fmt)


@pytest.mark.parametrize("flags", [[], ["-a"], ["-a", "-s"], ["-a", "--no-trunc"], ["-a", "--format", "json"],
                                   ["-a", "--format", "table"], ["-n", "2"], ["-l"],
                                   ["-a", "--format", "table {{.RunningFor}}\t{{.CreatedAt}}\t{{.Status}}"]])
def test_default_table_and_times(pydock, docker, bed, flags):
    eventually_same(pydock, docker, "ps", *flags, "--filter", f"label={bed.label}")


@pytest.mark.parametrize("command", [["container", "ls"], ["container", "list"], ["container", "ps"]])
def test_aliases(pydock, docker, bed, command):
    eventually_same(pydock, docker, *command, "-a", "--filter", f"label={bed.label}")


def test_quiet_lists_ids(pydock, docker, bed):
    mine = pydock("ps", "-aq", "--filter", f"label={bed.label}")
    assert_same(mine, docker("ps", "-aq", "--filter", f"label={bed.label}"))
    assert sorted(mine.out.split()) == sorted(inspect(n)["Id"][:12] for n in bed.names)


def test_quiet_with_format_warns(pydock, docker, bed):
    args = ("ps", "-aq", "--format", "{{.Names}}", "--filter", f"label={bed.label}")
    mine = pydock(*args)
    assert_same(mine, docker(*args))
    assert mine.err == "WARNING: Ignoring custom format, because both --format and --quiet are set.\n"


@pytest.mark.parametrize("extra", [
    ["status=exited"], ["status=created"], ["status=running"], ["status=exited", "status=created"],
    ["exited=3"], ["label=zz=2"], ["label=zz"], ["label!=zz"], ["expose=7000"], ["publish=80"],
    ["ancestor=alpine"], ["ancestor=busybox"], ["volume=/data"], ["network=bridge"], ["health=none"],
    ["is-task=false"], ["name={label}-web"], ["name=^/{label}-(web|created)$"], ["before={label}-created"],
    ["since={label}-web"], ["id=0000"],
])
def test_filters(pydock, docker, bed, extra):
    args = ["ps", "-a", "--filter", f"label={bed.label}", "--format", "{{.Names}} {{.State}}"]
    for value in extra:
        args += ["--filter", value.format(label=bed.label)]
    mine = pydock(*args)
    assert_same(mine, docker(*args))


def test_filters_select_the_right_containers(pydock, bed):
    mine = pydock("ps", "-a", "--filter", f"label={bed.label}", "--filter", "status=exited",
                  "--filter", "status=created", "--format", "{{.Names}}")
    assert sorted(mine.out.split()) == sorted([f"{bed.label}-exited", f"{bed.label}-created"])


@pytest.mark.parametrize("args", [
    ["--format", "{{.Foo}}"], ["--format", "{{.ID"], ["--format", "{{.Label}}"],
    ["--filter", "bogus=1"], ["--filter", "nope"], ["extra"], ["-n", "x"], ["--bogus"],
])
def test_errors(pydock, docker, args):
    assert_same(pydock("ps", *args), docker("ps", *args))


def test_config_ps_format(pydock, docker, bed, tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"psFormat": "table {{.Names}}\\t{{.Size}}"}))
    env = {"DOCKER_CONFIG": str(tmp_path)}
    args = ("ps", "-a", "--filter", f"label={bed.label}")
    mine = pydock(*args, env=env)
    assert_same(mine, docker(*args, env=env))
    assert mine.out.startswith("NAMES") and "virtual" in mine.out
    assert_same(pydock(*args, "-q", env=env), docker(*args, "-q", env=env))  # -q ignores psFormat


def test_ports_and_command_columns(pydock, bed):
    row = json.loads(pydock("ps", "--filter", f"name={bed.label}-web", "--format", "json").out)
    port = inspect(f"{bed.label}-web")["NetworkSettings"]["Ports"]["80/tcp"][0]["HostPort"]
    assert row["Ports"] == f"7000/tcp, 127.0.0.1:47311-47312->47311-47312/udp, 127.0.0.1:{port}->80/tcp"
    assert row["Command"] == '"sh -c \'echo \\"hello …"'
    assert row["Names"] == f"{bed.label}-web" and row["Labels"].startswith("com.example.tier=front,")


# -- local times as Go reads TZ -----------------------------------------------------------------

ZONE_CASES = [None, "", "UTC", "Asia/Tokyo", ":Asia/Tokyo", "JST-9", "/usr/share/zoneinfo/Europe/Paris",
              "Nonexistent/Zone", ":/usr/share/zoneinfo/America/New_York", "EST5EDT", "CET-1CEST,M3.5.0,M10.5.0/3",
              "Asia/Kolkata", "Europe", "/etc/localtime", " "]


def run_with_tz(argv, tz):
    """Run a command with TZ set to `tz`, or unset when None; returns (stdout, stderr, exit code)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    if tz is not None:
        env["TZ"] = tz
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
    return proc.stdout, proc.stderr, proc.returncode


@pytest.mark.parametrize("tz", ZONE_CASES)
def test_created_at_uses_go_local_time(bed, tz):
    """Go never reads POSIX TZ rules (`JST-9`): what it cannot load as a zoneinfo file is UTC."""
    from tests.conftest import DOCKER, PYDOCK

    args = ["ps", "-a", "--filter", f"label={bed.label}", "--format", "{{.Names}} {{.CreatedAt}}"]
    mine, theirs = run_with_tz([*PYDOCK, *args], tz), run_with_tz([DOCKER, *args], tz)
    assert mine == theirs and mine[0].count("\n") == 3
    if tz == "JST-9":
        assert "+0000 UTC" in mine[0]
