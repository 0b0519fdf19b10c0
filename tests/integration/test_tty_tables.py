"""Tables on a terminal (a pty): `ps` fitted to the width, the `stats` live view, and docker's bytes elsewhere."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pexpect
import pytest

from tests.conftest import DOCKER, PYDOCK, unique
from tests.integration.oracle import sh

SGR = re.compile(rb"\x1b\[[0-9;]*m")
PS_COLUMNS = "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
CURSOR_SHOWN, CURSOR_HIDDEN = b"\x1b[?25h", b"\x1b[?25l"
ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"


def spawn(argv, *, rows=40, cols=100, env=None, timeout=20) -> pexpect.spawn:
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    return pexpect.spawn(argv[0], [str(a) for a in argv[1:]], dimensions=(rows, cols), env=environ,
                         timeout=timeout)


def pydock_pty(*args, **kwargs) -> pexpect.spawn:
    return spawn([*PYDOCK, *args], **kwargs)


def run_to_end(child: pexpect.spawn) -> bytes:
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def screen_lines(raw: bytes) -> list[str]:
    """What a frame shows: the lines without colours and trailing blanks."""
    text = SGR.sub(b"", raw).decode()
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def columns_of(lines: list[str]) -> list[list[str]]:
    """Cut a drawn table at its header's column starts: for each row (header first), each cell's pieces.

    A line whose first cell is blank continues the row above.
    """
    starts = [0] + [m.end() for m in re.finditer(r" {2,}", lines[0])]
    bounds = list(zip(starts, starts[1:] + [None]))
    rows: list[list[list[str]]] = []
    for line in lines:
        pieces = [line[a:b].strip() for a, b in bounds]
        if pieces[0] or not rows:
            rows.append([[piece] for piece in pieces])
        else:
            for cell, piece in zip(rows[-1], pieces):
                cell.append(piece)
    return rows


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def joined(cell: list[str]) -> str:
    """A wrapped cell's text, without spaces (a wrap may fall inside a word or between two)."""
    return squeezed("".join(cell))


@pytest.fixture(scope="module")
def bed():
    """Two containers under a label of their own, with short pydt- names (NAMES stays narrow)."""
    label = unique("pydt-ttytab")
    names = [unique(), unique()]
    try:
        sh("run", "-d", "--name", names[0], "--label", label, "-p", "127.0.0.1::80", "-p", "127.0.0.1::443",
           "-p", "127.0.0.1::8080", "-p", "127.0.0.1::9000", "busybox", "sleep", "300")
        sh("create", "--name", names[1], "--label", label, "busybox", "echo", "a", "fairly", "long", "command")
        yield label, names
    finally:
        subprocess.run([DOCKER, "rm", "-f", *names], capture_output=True, timeout=60)


# --- ps -----------------------------------------------------------------------------------------

def records_of(lines: list[str], titles: list[str]) -> list[dict[str, str]]:
    """Rows drawn as records (`TITLE  value` lines, a blank line between rows): {title: value without spaces}."""
    label = max(len(title) for title in titles) + 2
    records, title = [], ""
    for block in "\n".join(lines).split("\n\n"):
        values: dict[str, str] = {}
        for line in block.split("\n"):
            title = line[:label].strip() or title
            values[title] = values.get(title, "") + squeezed(line[label:])
        records.append(values)
    return records


def pipe_cells(*argv) -> tuple[list[str], list[list[str]]]:
    """docker's table (a pipe) cut into cells at its 3-space gaps (titles and cells hold single spaces only)."""
    lines = sh(*argv).splitlines()
    starts = [0] + [m.end() for m in re.finditer(r" {3,}", lines[0])]
    bounds = list(zip(starts, starts[1:] + [None]))
    return [lines[0][a:b].strip() for a, b in bounds], [[line[a:b].strip() for a, b in bounds] for line in lines[1:]]


def assert_every_cell_drawn(lines: list[str], titles: list[str], rows: list[list[str]]) -> None:
    """Whether a table or records: each cell of docker's table is on screen, in its row, whole (spaces aside)."""
    if lines[0].startswith(titles[0] + "  ") and titles[1] not in lines[0]:  # records
        assert records_of(lines, titles) == [dict(zip(titles, map(squeezed, row))) for row in rows]
        return
    starts = [0] + [m.end() for m in re.finditer(r" {2,}", lines[0])]
    bounds = list(zip(starts, starts[1:] + [None]))
    drawn = ["".join(squeezed(line[a:b]) for line in lines) for a, b in bounds]  # each column, top to bottom
    assert drawn == ["".join(squeezed(cell) for cell in column) for column in zip(titles, *rows)]


@pytest.mark.parametrize("width", [80, 100, 160])
def test_ps_fits_the_terminal_and_keeps_every_cell(bed, width):
    label, names = bed
    raw = run_to_end(pydock_pty("ps", "-a", "--filter", f"label={label}", cols=width))
    expected = [line.split("\t") for line in
                sh("ps", "-a", "--filter", f"label={label}", "--format", PS_COLUMNS).splitlines()]
    lines = screen_lines(raw)
    assert b"\x1b" not in SGR.sub(b"", raw)  # colours only: no cursor movement
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    header, *rows = columns_of(lines)
    assert [joined(cell) for cell in header] == ["CONTAINERID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS",
                                                  "NAMES"]
    assert len(rows) == len(expected) == 2
    for got, want in zip(rows, expected):
        ident, image, command, created, status, ports, name = want
        assert got[0][0] == ident and not any(got[0][1:])  # never split
        assert joined(got[-1]) == name and got[-1][0] in (name, "pydt-")  # whole, or wrapped after "pydt-"
        for cell, text in zip(got[1:], (image, command)):
            assert joined(cell) == squeezed(text)
        assert joined(got[5]) == squeezed(ports)
        assert joined(got[3]).endswith("ago")
        assert re.fullmatch(r"Up.*|Created", joined(got[4]))
    assert "127.0.0.1:" in expected[0][5] + expected[1][5]  # the published ports are there to wrap
    assert b"\x1b[32mUp\x1b[0m" in raw and b"\x1b[1mCONTAINER ID\x1b[0m" in raw


@pytest.mark.parametrize("width", [40, 60])
def test_ps_too_narrow_for_a_table_shows_records(bed, width):
    label, names = bed
    raw = run_to_end(pydock_pty("ps", "-a", "--filter", f"label={label}", cols=width))
    lines = screen_lines(raw)
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    expected = [line.split("\t") for line in
                sh("ps", "-a", "--filter", f"label={label}", "--format", PS_COLUMNS).splitlines()]
    titles = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
    records = records_of(lines, titles)
    assert [r["CONTAINER ID"] for r in records] == [row[0] for row in expected]
    for record, row in zip(records, expected):
        assert list(record) == titles
        for title, text in zip(titles, row):
            if title not in ("CREATED", "STATUS"):  # these move with the clock
                assert record[title] == squeezed(text)
    assert lines[0] == "CONTAINER ID  " + expected[0][0]
    assert b"\x1b[1mCONTAINER ID\x1b[0m" in raw


@pytest.fixture(scope="module")
def long_cells():
    """Objects with long names: an image tag in a registry namespace, a network, a volume (label of their own)."""
    label = unique("pydt-ttylong")
    image = f"127.0.0.1:5000/{label}/a-rather-long-repository-name:a-long-tag-for-wrapping"
    network, volume = f"{label}-network-with-a-long-name", f"{label}-volume-with-a-long-name"
    sh("tag", "alpine", image)
    sh("network", "create", "--label", label, network)
    sh("volume", "create", "--label", label, volume)
    try:
        yield label, image, network, volume
    finally:
        sh("rmi", image, check=False)
        sh("network", "rm", network, check=False)
        sh("volume", "rm", volume, check=False)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("argv", [
    ["images", "{image}"], ["images", "--no-trunc", "--digests", "{image}"], ["history", "--no-trunc", "alpine"],
    ["network", "ls", "--no-trunc", "--filter", "label={label}"], ["volume", "ls", "--filter", "label={label}"],
    ["image", "ls", "--format", "table {{{{.Repository}}}}\t{{{{.Tag}}}}\t{{{{.ID}}}}\t{{{{.Size}}}}", "{image}"],
])
def test_long_cells_are_never_cut(long_cells, argv, width):
    """Every cell of docker's table shows on the terminal, whole: wrapped in its column, or in a record."""
    label, image, _, _ = long_cells
    argv = [arg.format(label=label, image=image.rsplit(":", 1)[0]) for arg in argv]
    lines = screen_lines(run_to_end(pydock_pty(*argv, cols=width, env={"NO_COLOR": "1"})))
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    titles, rows = pipe_cells(*argv)
    assert_every_cell_drawn(lines, titles, rows)


@pytest.mark.parametrize("width", [60, 80])
def test_system_df_verbose_sections_keep_every_cell(long_cells, width):
    """df -v: four tables on one screen; the volume and image rows of our own are there whole."""
    label, image, _, volume = long_cells
    lines = screen_lines(run_to_end(pydock_pty("system", "df", "-v", cols=width, env={"NO_COLOR": "1"}, timeout=60)))
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    text = squeezed("\n".join(lines))
    assert squeezed(volume) in text
    for title in ("Images space usage:", "Containers space usage:", "Local Volumes space usage:",
                  "Build cache usage:"):
        assert any(line.startswith(title) for line in lines)


def test_ps_table_that_fits_is_docker_table_without_colour(bed, docker):
    label, _ = bed
    args = ("ps", "-a", "--filter", f"label={label}", "--format", "table {{.ID}}\t{{.Image}}\t{{.Names}}")
    raw = run_to_end(pydock_pty(*args, cols=100, env={"NO_COLOR": "1"}))
    assert raw.replace(b"\r\n", b"\n") == docker(*args).out_bytes


def test_ps_custom_format_on_a_terminal_is_plain(bed, docker):
    label, _ = bed
    args = ("ps", "-a", "--filter", f"label={label}", "--format", "{{.Names}}: {{.Image}}")
    raw = run_to_end(pydock_pty(*args, cols=20))
    assert raw.replace(b"\r\n", b"\n") == docker(*args).out_bytes


# --- stats --------------------------------------------------------------------------------------

def read_until(child: pexpect.spawn, done, timeout: float = 15.0) -> bytes:
    """Read the pty until done(everything read so far) holds."""
    seen = b""
    deadline = time.monotonic() + timeout
    while not done(seen):
        assert time.monotonic() < deadline, f"gave up waiting; last output: {seen[-2000:]!r}"
        try:
            seen += child.read_nonblocking(65536, timeout=0.5)
        except pexpect.TIMEOUT:
            pass
    return seen


def frames(raw: bytes) -> list[bytes]:
    """The complete frames of the live view: each one starts with cursor-home."""
    return raw.split(b"\x1b[H")[1:-1]


@pytest.fixture
def busy(cleanup):
    """A container that keeps one CPU busy, and an idle one."""
    names = [cleanup.name(), cleanup.name()]
    sh("run", "-d", "--name", names[0], "busybox", "sh", "-c", "while :; do :; done")
    sh("run", "-d", "--name", names[1], "busybox", "sleep", "300")
    return names


def has_hot_frame(name: str):
    """A frame where `name`'s CPU % is coloured: at least 50% (yellow), or 90% (red).

    A busy loop uses a whole CPU, unless other tests' containers compete for it.
    """
    def done(raw: bytes) -> bool:
        return any(re.search(name.encode() + rb" [^\r\n]*\x1b\[3[13]m", frame) for frame in frames(raw))
    return done


@pytest.mark.parametrize("width", [80, 120])
def test_stats_live_view_then_ctrl_c(busy, width):
    child = pydock_pty("stats", *busy, cols=width, rows=30)
    raw = read_until(child, has_hot_frame(busy[0]))
    assert raw.startswith(ALT_SCREEN_ON) and CURSOR_HIDDEN in raw[:40]
    frame = screen_lines(frames(raw)[-1])
    assert all(len(line) <= width for line in frame)
    header, *rows = columns_of(frame)
    assert [joined(cell) for cell in header][:3] == ["CONTAINERID", "NAME", "CPU%"]
    assert "MEM%" in [joined(cell) for cell in header]
    assert [row[1][0] for row in rows] == busy  # names whole, in the order given
    for row in rows:
        assert re.fullmatch(r"\d+\.\d+%", joined(row[2]))
    time.sleep(0.3)
    child.sendintr()
    rest = run_to_end(child)
    assert child.exitstatus == 130 and child.signalstatus is None
    tail = rest[rest.rfind(b"^C"):] if b"^C" in rest else rest
    assert CURSOR_SHOWN in tail and ALT_SCREEN_OFF in tail
    last = screen_lines(tail[tail.rfind(ALT_SCREEN_OFF) + len(ALT_SCREEN_OFF):])
    assert busy[0] in "\n".join(last) and busy[1] in "\n".join(last)  # the last table stays on screen


def test_stats_sigterm_restores_the_terminal(busy):
    child = pydock_pty("stats", busy[1], cols=100)
    read_until(child, lambda raw: len(frames(raw)) >= 1 and busy[1].encode() in raw)
    child.kill(signal.SIGTERM)
    rest = run_to_end(child)
    assert child.exitstatus == 143
    assert CURSOR_SHOWN in rest and ALT_SCREEN_OFF in rest


def test_stats_live_view_follows_containers_starting_and_stopping(cleanup):
    """Without names, a container that starts appears and one that stops goes away (docker's events)."""
    name = cleanup.name()
    child = pydock_pty("stats", "--format", "table {{.Name}}\t{{.CPUPerc}}\t{{.MemPerc}}", rows=300, cols=100)
    try:
        read_until(child, lambda raw: len(frames(raw)) >= 1)
        sh("run", "-d", "--name", name, "busybox", "sleep", "300")

        def shown(raw: bytes) -> bool:
            return name in "\n".join(screen_lines(frames(raw)[-1])) if frames(raw) else False
        raw = read_until(child, shown)
        sh("kill", name)
        read_until(child, lambda more: not shown(raw + more) and len(frames(raw + more)) > len(frames(raw)) + 1)
        child.sendintr()
        run_to_end(child)
        assert child.exitstatus == 130
    finally:
        if child.isalive():
            child.kill(signal.SIGKILL)


def test_stats_no_stream_on_a_terminal_prints_one_table(busy):
    child = pydock_pty("stats", "--no-stream", *busy, cols=80)
    raw = run_to_end(child)
    assert child.exitstatus == 0, raw
    assert CURSOR_HIDDEN not in raw and ALT_SCREEN_ON not in raw and b"\x1b[H" not in raw
    lines = screen_lines(raw)
    assert all(len(line) <= 80 for line in lines)
    header, *rows = columns_of(lines)
    assert [row[1][0] for row in rows] == busy
    assert re.search(rb"\x1b\[3[13]m\d+\.\d+%", raw)  # the busy loop's CPU in yellow or red


def test_stats_custom_format_on_a_terminal_redraws_as_docker_does(busy):
    """Not a table: the bytes are docker's, cursor-home and erase sequences included."""
    args = ("stats", "--format", "{{.Name}}", busy[1])

    def first_frames(argv) -> bytes:
        child = spawn(argv, cols=100)
        try:
            raw = read_until(child, lambda seen: seen.count(b"\x1b[J") >= 2)
        finally:
            child.kill(signal.SIGKILL)
            child.close()
        return raw[:raw.index(b"\x1b[J", raw.index(b"\x1b[J") + 1) + 3]

    assert first_frames([*PYDOCK, *args]) == first_frames([DOCKER, *args])


def test_stats_no_stream_too_narrow_for_a_table_shows_records(busy):
    child = pydock_pty("stats", "--no-stream", *busy, cols=50)
    raw = run_to_end(child)
    assert child.exitstatus == 0, raw
    lines = screen_lines(raw)
    assert all(len(line) <= 50 for line in lines)
    titles = ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"]
    records = records_of(lines, titles)
    assert [list(record) for record in records] == [titles, titles]
    assert [record["NAME"] for record in records] == busy
    assert all(re.fullmatch(r"\d+\.\d+%", record["CPU %"]) for record in records)
