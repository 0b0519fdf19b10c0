"""Tables on a terminal: the column-width allocation (pure) and the lines drawn with rich."""

from __future__ import annotations

import io
import itertools
import random
import re
import subprocess
import sys

import pytest

from pydock.formatting.tty_table import (
    PADDING,
    column_layout,
    column_widths,
    render_tty_table,
    split_cells,
    usage_style,
)
from pydock.golang.tabwriter import tabwrite

PS_HEADER = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES"
PS_ROWS = [
    "0d4af884b768\tnginx:alpine\t\"/docker-entrypoint.…\"\t2 hours ago\tUp 2 hours (healthy)\t"
    "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 0.0.0.0:8443->443/tcp, [::]:8443->443/tcp\tweb-frontend-1",
    "aecdc912a8e6\tpostgres:16\t\"docker-entrypoint.s…\"\t3 days ago\tExited (0) 2 minutes ago\t\tdb",
    "5f1e2d3c4b5a\tbusybox\t\"sleep 3600\"\tAbout a minute ago\tUp About a minute\t\tpydt-0123456789",
]
STATS_HEADER = "CONTAINER ID\tNAME\tCPU %\tMEM USAGE / LIMIT\tMEM %\tNET I/O\tBLOCK I/O\tPIDS"
STATS_ROWS = [
    "fbaff0281126\tpydt-ttyexp-busy\t100.41%\t328KiB / 23.54GiB\t0.00%\t796B / 0B\t0B / 0B\t1",
    "2521749f09fb\tpydt-ttyexp-web\t55.00%\t1.863MiB / 23.54GiB\t91.50%\t1.3kB / 0B\t0B / 0B\t1",
]


def cells(header=PS_HEADER, rows=PS_ROWS):
    return split_cells(header, rows)


def total(widths):
    return sum(widths) + PADDING * (len(widths) - 1)


# --- column_widths ------------------------------------------------------------------------------

def test_a_table_that_fits_gets_docker_tabwriter_widths():
    head, rows = cells()
    widths = column_widths(head, rows, 500)
    plain = tabwrite("\n".join([PS_HEADER] + PS_ROWS) + "\n")
    header_line = plain.splitlines()[0]
    starts = [header_line.index(title) for title in head]
    assert [b - a - PADDING for a, b in zip(starts, starts[1:])] == widths[:-1]
    assert widths[-1] == max(len(row[-1]) for row in [head] + rows)


def test_docker_minimum_column_width_goes_before_any_wrapping():
    head, rows = split_cells("A\tB\tLAST", ["x\tyyyy\tz"])
    assert column_widths(head, rows, 100) == [7, 7, 4]  # tabwriter's minwidth 10 = 7 + 3 spaces
    assert column_widths(head, rows, 1 + 4 + 4 + 6) == [1, 4, 4]  # blank space dropped, nothing wraps
    assert column_widths(head, rows, 1 + 4 + 4 + 6 + 5) == [5, 5, 4]  # given back evenly


def test_the_widest_wrappable_column_gives_room_first():
    head, rows = cells()
    natural = column_widths(head, rows, 1000)
    widths = column_widths(head, rows, total(natural) - 20)
    ports = head.index("PORTS")
    assert widths[ports] == natural[ports] - 20
    assert [w for i, w in enumerate(widths) if i != ports] == [w for i, w in enumerate(natural) if i != ports]


def layout_total(layout):
    widths, gap = layout
    return sum(widths) + gap * (len(widths) - 1)


def test_ids_and_names_stay_whole_while_the_gaps_are_docker_s():
    head, rows = cells()
    natural = column_widths(head, rows, 1000)
    seen = set()
    for width in range(40, total(natural) + 1):
        layout = column_layout(head, rows, width)
        if layout is None:
            continue
        widths, gap = layout
        seen.add(gap)
        assert layout_total(layout) <= width
        assert widths[0] == len("0d4af884b768")  # a short ID is never cut
        if gap == PADDING:
            assert widths[-1] == len("pydt-0123456789")
        else:  # names wrap after a separator at most: "pydt-" / "0123456789"
            assert widths[-1] >= len("0123456789")
    assert seen == {PADDING, PADDING - 1}


def test_words_stay_whole_while_they_can():
    head, rows = cells()
    widths = column_widths(head, rows, 120)
    assert total(widths) == 120
    words = {title: max(len(word) for cell in column for word in cell.split())
             for title, *column in zip(head, *rows)}
    assert all(w >= words[title] for title, w in zip(head, widths))
    assert widths[head.index("PORTS")] > words["PORTS"]  # PORTS still the widest wrapped column


def test_the_gaps_narrow_before_any_word_breaks():
    head, rows = cells()
    words = [max(len(word) for cell in column for word in cell.split()) for column in zip(head, *rows)]
    tight = sum(words) + (len(head) - 1) * (PADDING - 1)
    assert column_layout(head, rows, tight) == (words, PADDING - 1)
    assert column_layout(head, rows, tight + len(head) - 1) == (words, PADDING)


def test_then_names_wrap_after_a_separator_then_words_at_theirs():
    head, rows = cells()
    words = [max(len(word) for cell in column for word in cell.split()) for column in zip(head, *rows)]
    tight = sum(words) + (len(head) - 1) * (PADDING - 1)
    widths, gap = column_layout(head, rows, tight - 5)
    assert gap == PADDING - 1 and widths[-1] == len("pydt-0123456789") - 5  # NAMES gives way
    assert widths[:-1] == words[:-1]
    widths = dict(zip(head, column_widths(head, rows, 80)))
    assert widths["CONTAINER ID"] == 12 and widths["NAMES"] >= len("0123456789")
    assert widths["IMAGE"] >= len("alpine") and widths["PORTS"] >= len("0.0.0.0:")  # pieces stay whole
    assert widths["PORTS"] < len("0.0.0.0:8443->443/tcp,")  # the longest words are cut


def test_none_when_words_would_break_narrower_than_their_pieces():
    head, rows = cells()
    assert column_layout(head, rows, 75) is not None
    assert column_layout(head, rows, 74) is None  # then the rows are drawn as records


def test_wide_characters_are_measured_by_display_width():
    head, rows = split_cells("NAME\tNOTE", ["日本語\t漢字 かな"])
    assert column_layout(head, rows, 100) == ([7, 9], PADDING)
    assert column_layout(head, rows, 6 + 3 + 4) == ([6, 4], PADDING)  # the longest word: 2 wide characters
    assert column_layout(head, rows, 6 + 2 + 4) == ([6, 4], PADDING - 1)
    assert column_layout(head, rows, 6 + 2 + 3) is None  # NOTE: never narrower than its title


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_always_fit_or_give_up(seed):
    rng = random.Random(seed)
    titles = ["CONTAINER ID", "IMAGE", "COMMAND", "STATUS", "PORTS", "NAMES", "MEM USAGE / LIMIT"]
    head = rng.sample(titles, rng.randint(1, len(titles)))
    words = ["a", "bb", "Up", "minutes", "0.0.0.0:80->80/tcp,", "x" * 30, "(unhealthy)", "pydt-0123456789"]
    rows = [[" ".join(rng.choices(words, k=rng.randint(0, 6))) for _ in head] for _ in range(rng.randint(0, 4))]
    natural = column_widths(head, rows, 10_000)
    for width in range(1, total(natural) + 2):
        layout = column_layout(head, rows, width)
        if layout is None:
            continue
        assert layout_total(layout) <= width
        for title, w, nat, column in zip(head, layout[0], natural, zip(head, *rows)):
            longest = max(len(cell) for cell in column)
            assert 1 <= w <= nat or longest == 0
            if re.search(r"\b(ID|NAMES)\b", title):  # cut after a separator at most
                assert w >= max(len(piece) for cell in column for word in cell.split()
                                for piece in re.findall(r"[^/:@,_.-]*[/:@,_.-]+|[^/:@,_.-]+", word))
            else:
                assert w >= min(longest, max(len(word) for word in title.split()))


def test_widths_need_no_rich():
    code = ("import sys\nfrom pydock.formatting.tty_table import column_widths\n"
            "column_widths(['A'], [['b']], 80)\nprint('rich' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- drawing ------------------------------------------------------------------------------------

def draw(width, header=PS_HEADER, rows=PS_ROWS):
    out = io.StringIO()
    render_tty_table(out, header, rows, width=width)
    return out.getvalue()


def columns_of(lines, head):
    """Cut drawn lines into columns at the header's column starts; one list of cells per row."""
    first = lines[0]
    starts = [0] + [m.end() for m in re.finditer(r" {2,}", first)]
    assert len(starts) == len(head)
    bounds = list(zip(starts, starts[1:] + [None]))
    rows = []
    for line in lines:
        pieces = [line[a:b].strip() for a, b in bounds]
        if pieces[0] or not rows:
            rows.append([[p] for p in pieces])
        else:
            for cell, piece in zip(rows[-1], pieces):
                cell.append(piece)
    return rows


@pytest.mark.parametrize("width", [75, 80, 100, 160, 400])
def test_drawn_lines_fit_and_keep_every_cell(monkeypatch, width):
    monkeypatch.setenv("NO_COLOR", "1")
    lines = draw(width).splitlines()
    assert all(len(line) <= width for line in lines)
    head, rows = cells()
    drawn = columns_of(lines, head)
    assert len(drawn) == len(rows) + 1
    for expected, got in zip([head] + rows, drawn):
        for title, text, pieces in zip(head, expected, got):
            assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
            if title == "CONTAINER ID":
                assert pieces[0] == text and not any(pieces[1:])


@pytest.mark.parametrize("width", [30, 40, 60, 74])
def test_too_narrow_for_a_table_draws_records_keeping_every_cell(monkeypatch, width):
    monkeypatch.setenv("NO_COLOR", "1")
    lines = draw(width).splitlines()
    assert all(len(line) <= width for line in lines)
    head, rows = cells()
    label = max(len(title) for title in head) + PADDING - 1
    blocks = "\n".join(lines).split("\n\n")
    assert len(blocks) == len(rows)
    for block, row in zip(blocks, rows):
        values: dict[str, list[str]] = {}
        title = ""
        for line in block.split("\n"):
            title = line[:label].strip() or title
            values.setdefault(title, []).append(line[label:])
        assert list(values) == head
        for title, text in zip(head, row):
            assert "".join(values[title]).replace(" ", "") == text.replace(" ", "")
    assert lines[:2] == ["CONTAINER ID  0d4af884b768", "IMAGE         nginx:alpine"] if width >= 40 else True


def test_a_table_that_fits_is_docker_table(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    plain = tabwrite("\n".join([PS_HEADER] + PS_ROWS) + "\n")
    assert draw(400) == "".join(line.rstrip() + "\n" for line in plain.splitlines())


def test_wrapped_pieces_start_at_their_column(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    lines = draw(90).splitlines()
    ports = lines[0].index("PORTS")
    names = lines[0].index("NAMES")
    pieces = [line[ports:names] for line in lines[1:]]
    assert len([p for p in pieces if p.strip()]) > 2  # the ports wrap
    assert all(p[:1] != " " for p in pieces if p.strip())


def test_colours_states_and_high_usage(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    shown = draw(160)
    assert "\x1b[1mCONTAINER ID\x1b[0m" in shown
    assert "\x1b[32mUp\x1b[0m" in shown and "\x1b[31mExited\x1b[0m" in shown
    stats = draw(160, STATS_HEADER, STATS_ROWS)
    assert "\x1b[31m100.41%\x1b[0m" in stats and "\x1b[33m55.00%\x1b[0m" in stats
    assert "\x1b[31m91.50%\x1b[0m" in stats and "0.00%\x1b" not in stats


def test_no_color_means_no_escapes(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in draw(80) + draw(80, STATS_HEADER, STATS_ROWS)


@pytest.mark.parametrize("text, style", [
    ("0.00%", None), ("49.99%", None), ("50.00%", "yellow"), ("89.99%", "yellow"), ("90.00%", "red"),
    ("250.10%", "red"), ("--", None), ("", None), ("1.2MiB", None),
])
def test_usage_style(text, style):
    assert usage_style(text) == style


def test_too_narrow_even_for_records_prints_docker_lines(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert draw(len("CONTAINER ID") + 3) == tabwrite("\n".join([PS_HEADER] + PS_ROWS) + "\n")


def test_every_width_in_between(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    for width, (header, rows) in itertools.product(range(50, 200, 7), [(PS_HEADER, PS_ROWS),
                                                                        (STATS_HEADER, STATS_ROWS)]):
        assert all(len(line) <= width for line in draw(width, header, rows).splitlines()), width
