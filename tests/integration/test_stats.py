"""`stats` against the real engine: docker's columns and layout; usage numbers differ between samples."""
from __future__ import annotations

import json
import re
import subprocess
import threading
import time

import pytest

from pydock.cli.commands.container import stats as stats_command
from tests.conftest import PYDOCK
from tests.integration.oracle import Bed, assert_same, inspect


@pytest.fixture(scope="module")
def bed():
    bed = Bed("stats")
    try:
        bed.run("busy", "busybox", "sh", "-c", "while :; do :; done")
        bed.create("idle", "busybox", "true")
        yield bed
    finally:
        bed.remove()


STEADY = "{{.Container}} {{.Name}} {{.ID}} {{.PIDs}}"


def both(pydock, docker, *args, **kwargs):
    """Run pydock and docker at the same time: each `stats --no-stream` waits about two seconds."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        mine, theirs = pool.submit(pydock, *args, **kwargs), pool.submit(docker, *args, **kwargs)
        return mine.result(), theirs.result()


@pytest.mark.parametrize("fmt", [STEADY, f"table {STEADY}", "table {{.Name}}\t{{.MemPerc}}\t{{.BlockIO}}"])
def test_steady_columns_match_docker(pydock, docker, bed, fmt):
    assert_same(*both(pydock, docker, "stats", "--no-stream", "--format", fmt, *bed.names))


def test_a_created_container_shows_zeros(pydock, docker, bed):
    assert_same(*both(pydock, docker, "stats", "--no-stream", bed.names[1]))


def test_default_table(pydock, bed):
    out = pydock("stats", "--no-stream", *bed.names).out.splitlines()
    assert re.split(r"\s{3,}", out[0]) == ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O",
                                         "BLOCK I/O", "PIDS"]
    busy = inspect(bed.names[0])["Id"][:12]
    cells = re.split(r"\s{3,}", out[1])
    assert cells[0] == busy and cells[1] == bed.names[0]
    assert float(cells[2].rstrip("%")) > 10  # a busy loop uses a CPU
    assert re.fullmatch(r"[\d.]+[KMG]?i?B / [\d.]+[KMG]iB", cells[3]) and cells[7] == "1"
    assert re.fullmatch(r"[\d.]+k?B / [\d.]+k?B", cells[5])
    assert re.split(r"\s{3,}", out[2])[2:] == ["0.00%", "0B / 0B", "0.00%", "0B / 0B", "0B / 0B", "0"]


def test_json_lines(pydock, bed):
    out = pydock("stats", "--no-stream", "--format", "json", *bed.names).out
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["Name"] for r in rows] == bed.names
    assert sorted(rows[0]) == ["BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO",
                               "PIDs"]


def test_no_trunc_and_config_format(pydock, docker, bed, tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"statsFormat": "{{.ID}} {{.Name}}"}))
    env = {"DOCKER_CONFIG": str(tmp_path)}
    args = ("stats", "--no-stream", "--no-trunc", *bed.names)
    mine, theirs = both(pydock, docker, *args, env=env)
    assert_same(mine, theirs)
    assert mine.out.split()[0] == inspect(bed.names[0])["Id"]


@pytest.mark.parametrize("args", [
    ["pydt-stats-missing", "{busy}", "pydt-stats-missing2"], ["--format", "{{{{.Foo}}}}", "{busy}"],
    ["--filter", "label=x", "{busy}"], ["--bogus"],
])
def test_errors(pydock, docker, bed, args):
    args = ["stats", "--no-stream", *[a.format(busy=bed.names[0]) for a in args]]
    assert_same(*both(pydock, docker, *args))


def test_without_names_shows_the_running_containers(pydock, bed):
    names = pydock("stats", "--no-stream", "--format", "{{.Name}}").out.split()
    assert bed.names[0] in names and bed.names[1] not in names
    names = pydock("stats", "--no-stream", "-a", "--format", "{{.Name}}").out.split()
    assert bed.names[1] in names


def test_streaming_redraws_like_docker(bed):
    """docker's live view: cursor home, the table, the table again with erase-to-end, erase below."""
    proc = subprocess.Popen([*PYDOCK, "stats", "--format", "{{.Name}}", bed.names[0]], stdout=subprocess.PIPE)
    try:
        first = b""
        while first.count(b"\x1b[J") < 2:
            chunk = proc.stdout.read1(4096)
            assert chunk, "stats ended"
            first += chunk
    finally:
        proc.kill()
        proc.wait()
    name = bed.names[0].encode()
    frame = b"\x1b[H" + name + b"\n\x1b[H" + name + b" \x1b[K\n \x1b[K\n\x1b[J"
    assert first.startswith(frame + frame)


def test_the_first_sample_clock_starts_when_the_engine_answers(monkeypatch):
    """Without streaming the engine answers only once its sample is ready (a second or two): as in
    docker, "timeout waiting for stats" counts from the answer, not from the request."""
    monkeypatch.setattr(stats_command, "STALE_AFTER", 0.2)
    late, silent = stats_command.Collector("late"), stats_command.Collector("silent")

    def engine():
        time.sleep(0.4)  # longer than the timeout, before any answer
        late.answer_began()
        silent.answer_began()
        time.sleep(0.05)
        late.update(late.snapshot())

    threading.Thread(target=engine, daemon=True).start()
    stats_command.wait_first([late, silent])
    assert late.error is None
    assert silent.error == "timeout waiting for stats" and silent.entry.is_invalid
