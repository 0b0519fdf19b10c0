"""tabwriter: Go's output for the same input (tabwriter_cases.json), plus properties."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pydock.golang.tabwriter import NewWriter, TabWriter, display_width, tabwrite

CASES = json.loads((Path(__file__).parent / "tabwriter_cases.json").read_text())["cases"]
OPTIONS = ("minwidth", "tabwidth", "padding", "padchar", "flags")


@pytest.mark.parametrize("case", CASES, ids=lambda c: repr(c["text"][:30]) + str([c[k] for k in OPTIONS]))
def test_matches_go(case):
    assert tabwrite(case["text"], **{k: case[k] for k in OPTIONS}) == case["expected"]


def test_docker_table_columns_are_per_block():
    # The line without a tab ends the block: the rows after it are aligned on their own.
    text = "A\tB\nlong-long-long-name\tx\nsingle\nshort\ty\n"
    assert tabwrite(text) == "A                     B\nlong-long-long-name   x\nsingle\nshort     y\n"


def test_last_cell_is_not_padded_and_minwidth_applies():
    assert tabwrite("ID\tNAME\nabc\tweb\n") == "ID        NAME\nabc       web\n"


def test_wide_characters_count_two_columns():
    assert tabwrite("你好你好\tx\nab\ty\n") == "你好你好   x\nab         y\n"
    assert display_width("你好世界 wide") == 13
    assert display_width("e\u0301") == 1  # combining accent
    assert display_width("a\u200bb") == 2  # zero-width space


def test_writer_to_stream_and_incremental_writes():
    out = io.StringIO()
    writer = NewWriter(out)
    for chunk in ("CONT", "AINER ID\tIM", "AGE\nabc\t", "alpine\n"):
        writer.write(chunk)
    assert out.getvalue() == ""  # nothing is written before flush (no one-cell line yet)
    assert writer.flush() is None
    assert out.getvalue() == "CONTAINER ID   IMAGE\nabc            alpine\n"


def test_reusable_after_flush():
    writer = TabWriter()
    writer.write("a\tb\n")
    assert writer.flush() == "a         b\n"
    writer.write("cc\td\n")
    assert writer.flush() == "cc        d\n"


_cells = st.text(alphabet=st.sampled_from("ab-_:/.09xYZ你好é"), max_size=12)


@given(st.lists(st.lists(_cells, min_size=1, max_size=5), max_size=8))
def test_cells_come_out_in_order_with_only_spaces_added(rows):
    text = "".join("\t".join(cells) + "\n" for cells in rows)
    lines = tabwrite(text).split("\n")
    assert lines[-1] == "" and len(lines) == len(rows) + 1
    for cells, line in zip(rows, lines):
        assert line.split() == [c for c in cells if c]
        assert line == line.rstrip() or cells[-1] == ""


@given(st.text(alphabet=st.characters(blacklist_characters="\t\v\f", blacklist_categories=("Cs",))))
def test_text_without_tabs_is_unchanged(text):
    assert tabwrite(text) == text
