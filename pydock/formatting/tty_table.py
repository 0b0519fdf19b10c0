"""Tables for a terminal, drawn with rich (imported here only).

Same cells as docker's table (the tab-separated header and rows), but fitted to the
terminal: long cells wrap instead of pushing lines past the edge, identifier columns
(ID, NAME…) are never wrapped or dropped, and state words get colours unless NO_COLOR is set.
Nothing is ever cut off: a cell too long for its column wraps onto more lines.
"""

from __future__ import annotations

import os
import re

__all__ = ["render_tty_table", "split_cells", "STATE_STYLES"]

# Header words whose columns must stay whole on one line.
_KEEP_WHOLE = re.compile(r"\b(ID|IDS|NAME|NAMES|REPOSITORY|TAG)\b")
_STATE_HEADERS = re.compile(r"\b(STATE|STATUS|HEALTH)\b")

# Later entries win: "Up 2 minutes (unhealthy)" shows Up in green and unhealthy in red.
STATE_STYLES = (
    (re.compile(r"\b(Up|running|healthy|Running|Ready|Active)\b"), "green"),
    (re.compile(r"\b(Paused|paused|Restarting|restarting|starting|Pending)\b"), "yellow"),
    (re.compile(r"\b(Exited|exited|Dead|dead|unhealthy|Failed|failed|Down)\b"), "red"),
)


def split_cells(header: str, texts: list[str]) -> tuple[list[str], list[list[str]]]:
    """Cells as the tabwriter sees them: one row per line, cells split at tabs."""
    head = header.split("\n")[0].split("\t")
    rows = []
    for text in texts:
        for line in text.split("\n"):
            rows.append(line.split("\t"))
    ncols = max([len(head)] + [len(r) for r in rows])
    head += [""] * (ncols - len(head))
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    return head, rows


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _styled(text: str, colour: bool):
    from rich.text import Text

    cell = Text(text)
    if colour:
        for pattern, style in STATE_STYLES:
            cell.highlight_regex(pattern, style)
    return cell


PADDING = 3  # spaces between columns, as docker's tabwriter puts them
MIN_WRAPPED_WIDTH = 10  # a wrapped column is at least this wide (or its title, or its longest cell)


def _min_widths(head: list[str], rows: list[list[str]]) -> list[int]:
    from .tabwriter import display_width

    widths = []
    for index, title in enumerate(head):
        longest = max([display_width(title)] + [display_width(r[index]) for r in rows])
        if _KEEP_WHOLE.search(title):
            widths.append(longest)
        else:
            widths.append(min(longest, max(display_width(title), MIN_WRAPPED_WIDTH)))
    return widths


def render_tty_table(out, header: str, texts: list[str], *, width: int | None = None) -> None:
    """Draw the table to fit `width` (default: the terminal's).

    When even the narrowest layout cannot fit, print docker's plain table instead and let
    the terminal wrap its lines: nothing is ever left out.
    """
    from rich.console import Console
    from rich.table import Table

    head, rows = split_cells(header, texts)
    colour = not _no_color()
    console = Console(file=out, width=width, no_color=not colour, highlight=False, soft_wrap=False,
                      force_terminal=True)
    minimums = _min_widths(head, rows)
    if sum(minimums) + PADDING * (len(head) - 1) > console.width:
        from .writer import _plain, write_text

        write_text(out, _plain(header, texts))
        return
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, PADDING, 0, 0),
                  header_style="bold" if colour else "", show_header=True, expand=False)
    for title, minimum in zip(head, minimums):
        table.add_column(title, no_wrap=bool(_KEEP_WHOLE.search(title)), min_width=minimum, overflow="fold")
    state_columns = {i for i, title in enumerate(head) if _STATE_HEADERS.search(title)}
    for row in rows:
        table.add_row(*(_styled(cell, colour and i in state_columns) for i, cell in enumerate(row)))
    console.print(table)
