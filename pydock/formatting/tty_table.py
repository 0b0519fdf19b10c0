"""Tables for a terminal, drawn with rich (imported here only, and only when drawing).

Same cells as docker's table (the tab-separated header and rows) and, when the table fits,
the same layout: docker's tabwriter widths, 3-space gaps, no borders; only colours are added
(state words, high CPU/MEM percentages) unless NO_COLOR is set. When it does not fit, the
widest wrappable columns give room first (see column_widths); identifier columns (ID,
NAMES…) are never wrapped, and nothing is ever cut off: a cell too long for its column
wraps onto more lines. LiveTable redraws such a table in place (``stats``).
"""

from __future__ import annotations

import os
import re

from ..golang.tabwriter import display_width

__all__ = ["column_widths", "render_tty_table", "table_lines", "split_cells", "LiveTable", "STATE_STYLES",
           "USAGE_STYLES"]

PADDING = 3  # spaces between columns, as docker's tabwriter puts them
TABWRITER_MIN = 10  # docker's tabwriter minwidth: a column and its padding take at least this much
NARROWEST = 2  # the last resort: a column this narrow still holds one wide character

# Header words whose columns must stay whole on one line.
_KEEP_WHOLE = re.compile(r"\b(ID|IDS|NAME|NAMES|CONTAINER|REPOSITORY|TAG)\b")
_STATE_HEADERS = re.compile(r"\b(STATE|STATUS|HEALTH)\b")
_USAGE_HEADERS = re.compile(r"%$")
_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)%\s*")

# Later entries win: "Up 2 minutes (unhealthy)" shows Up in green and unhealthy in red.
STATE_STYLES = (
    (re.compile(r"\b(Up|running|healthy|Running|Ready|Active)\b"), "green"),
    (re.compile(r"\b(Paused|paused|Restarting|restarting|starting|Pending)\b"), "yellow"),
    (re.compile(r"\b(Exited|exited|Dead|dead|unhealthy|Failed|failed|Down)\b"), "red"),
)
# A percentage at or above the threshold gets the style; the first match wins.
USAGE_STYLES = ((90.0, "red"), (50.0, "yellow"))


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


# --- widths (pure) ------------------------------------------------------------------------------

def keeps_whole(title: str) -> bool:
    return bool(_KEEP_WHOLE.search(title))


def column_widths(head: list[str], rows: list[list[str]], width: int, *, measure=display_width) -> list[int] | None:
    """The text width of each column (gaps not included) for a table at most `width` wide.

    When the table fits, these are docker's tabwriter widths; if it fits only without the
    blank space of docker's minimum column width, that goes. Otherwise ID/NAMES-like columns
    keep their full width and the others shrink, the widest first. A shrinking column keeps,
    in order of preference: its longest word (so it wraps between words), the longest word
    of its title, two cells. None when even that does not fit.
    """
    count = len(head)
    columns = [[head[i]] + [row[i] for row in rows] for i in range(count)]
    content = [max(measure(cell) for cell in column) for column in columns]
    natural = [w if i == count - 1 else max(w, TABWRITER_MIN - PADDING) for i, w in enumerate(content)]
    room = width - PADDING * (count - 1)
    if sum(natural) <= room:
        return natural
    if sum(content) <= room:  # docker's minimum width is only blank space: it goes first
        return _shrink(natural, content, room, range(count))
    flexible = [i for i in range(count) if not keeps_whole(head[i])]
    room -= sum(content[i] for i in range(count) if i not in flexible)
    upper = [content[i] for i in flexible]
    widest_first = sorted(range(len(flexible)), key=lambda k: (-upper[k], k))
    floors = _floors(upper, [columns[i] for i in flexible], room, widest_first, measure)
    if floors is None:
        return None
    widths = list(content)
    for i, w in zip(flexible, _shrink(upper, floors, room, widest_first)):
        widths[i] = w
    return widths


def _floors(upper: list[int], columns: list[list[str]], room: int, widest_first: list[int],
            measure) -> list[int] | None:
    """How narrow each shrinking column may get: its longest word if that fits, else its title's
    longest word, else two cells. The columns with the longest words break them first, then the
    widest columns give way first: short columns keep their words whole as long as they can."""
    words = [min(up, max(_longest_word(cell, measure) for cell in column)) for up, column in zip(upper, columns)]
    titles = [min(up, _longest_word(column[0], measure)) for up, column in zip(upper, columns)]
    narrowest = [min(up, NARROWEST) for up in upper]
    longest_words_first = sorted(widest_first, key=lambda k: -words[k])  # stable: widest first on ties
    floors = words
    for smaller, order in ((titles, longest_words_first), (narrowest, widest_first)):
        if sum(floors) <= room:
            break
        floors = _give_way(floors, smaller, room, order) or smaller
    return floors if sum(floors) <= room else None


def _longest_word(text: str, measure) -> int:
    return max((measure(word) for word in text.split()), default=0)


def _give_way(values: list[int], lower: list[int], budget: int, order: list[int]) -> list[int] | None:
    """Lower one value at a time, in `order`, each as far as `lower` or as needed, to fit `budget`."""
    values = list(values)
    excess = sum(values) - budget
    for i in order:
        cut = max(0, min(excess, values[i] - lower[i]))
        values[i] -= cut
        excess -= cut
    return values if excess <= 0 else None


def _shrink(upper: list[int], lower: list[int], budget: int, ranked) -> list[int]:
    """Lower the largest values first, all to a common cap (never below `lower`), to fit `budget`.

    What the cap leaves over goes back one at a time, in turn, in the order `ranked`.
    The caller makes sure that `lower` fits.
    """
    def capped(cap: int) -> list[int]:
        return [max(lo, min(up, cap)) for up, lo in zip(upper, lower)]

    cap = max(upper, default=0)
    while sum(capped(cap)) > budget:
        cap -= 1
    values = capped(cap)
    spare = budget - sum(values)
    while spare and any(values[i] < upper[i] for i in ranked):
        for i in ranked:
            if spare and values[i] < upper[i]:
                values[i] += 1
                spare -= 1
    return values


# --- drawing ------------------------------------------------------------------------------------

def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _cell(text: str, title: str, colour: bool, *, is_header: bool):
    from rich.text import Text

    cell = Text(text, style="bold" if is_header and colour else "")
    if not colour or is_header:
        return cell
    if _STATE_HEADERS.search(title):
        for pattern, style in STATE_STYLES:
            cell.highlight_regex(pattern, style)
    elif _USAGE_HEADERS.search(title):
        style = usage_style(text)
        if style:
            cell.stylize(style)
    return cell


def usage_style(text: str) -> str | None:
    """The colour of a percentage cell ("93.10%"): red, yellow or none."""
    match = _PERCENT.fullmatch(text)
    if not match:
        return None
    value = float(match.group(1))
    return next((style for threshold, style in USAGE_STYLES if value >= threshold), None)


def table_lines(console, header: str, texts: list[str], width: int, *, colour: bool = True):
    """The table as rich Text lines at most `width` cells wide, or None when it cannot fit."""
    from rich.cells import cell_len

    head, rows = split_cells(header, texts)
    widths = column_widths(head, rows, width, measure=cell_len)
    if widths is None:
        return None
    lines = []
    for index, cells in enumerate([head] + rows):
        lines.extend(_row_lines(console, head, cells, widths, colour, is_header=index == 0))
    return lines


def _row_lines(console, head, cells, widths, colour, *, is_header):
    from rich.text import Text

    last = len(cells) - 1
    wrapped = []
    for i, text in enumerate(cells):
        pieces = _cell(text, head[i], colour, is_header=is_header).wrap(console, widths[i], overflow="fold")
        pieces = [_trimmed(piece, k > 0) for k, piece in enumerate(pieces)]
        wrapped.append([piece for piece in pieces if piece.plain] or [Text()])
    lines = []
    for k in range(max(len(pieces) for pieces in wrapped)):
        line = Text()
        for i, pieces in enumerate(wrapped):
            piece = pieces[k] if k < len(pieces) else Text()
            line.append_text(piece)
            if i < last:
                line.append(" " * (widths[i] - piece.cell_len + PADDING))
        line.rstrip()
        lines.append(line)
    return lines


def _trimmed(piece, continued: bool):
    """A wrapped piece without the spaces left at its end (or, on a continuation line, its start)."""
    piece.rstrip()
    if continued:
        piece = piece[len(piece.plain) - len(piece.plain.lstrip(" ")):]
    return piece


class FittedTable:
    """A rich renderable: the table laid out for the width it is drawn at (resizes included)."""

    def __init__(self, header: str, texts: list[str], colour: bool):
        self.header, self.texts, self.colour = header, texts, colour

    def __rich_console__(self, console, options):
        from rich.text import Text

        lines = table_lines(console, self.header, self.texts, options.max_width, colour=self.colour)
        if lines is None:  # too narrow for any layout: docker's lines, wrapped by the terminal's width
            from .plain import plain

            yield Text(plain(self.header, self.texts).rstrip("\n"))
            return
        yield Text("\n").join(lines)


def _console(out, width: int | None, colour: bool):
    from rich.console import Console

    return Console(file=out, width=width, no_color=not colour, highlight=False, soft_wrap=False,
                   force_terminal=True)


def render_tty_table(out, header: str, texts: list[str], *, width: int | None = None) -> None:
    """Draw the table to fit `width` (default: the terminal's).

    When even the narrowest layout cannot fit, print docker's plain table instead and let
    the terminal wrap its lines: nothing is ever left out.
    """
    colour = not _no_color()
    console = _console(out, width, colour)
    lines = table_lines(console, header, texts, console.width, colour=colour)
    if lines is None:
        from .plain import plain, write_text

        write_text(out, plain(header, texts))
        return
    for line in lines:
        console.print(line)


class LiveTable:
    """A table redrawn in place on the terminal's alternate screen (cursor hidden) until close().

    close() always gives the cursor and the screen back, then prints the last table.
    """

    def __init__(self, out):
        from rich.live import Live

        self.colour = not _no_color()
        self.console = _console(out, None, self.colour)
        self.live = Live(console=self.console, screen=True, auto_refresh=False, redirect_stdout=False,
                         redirect_stderr=False)
        self.frame: FittedTable | None = None

    def show(self, header: str, texts: list[str]) -> None:
        self.frame = FittedTable(header, texts, self.colour)
        self.live.start()
        self.live.update(self.frame, refresh=True)

    def close(self) -> None:
        try:
            self.live.stop()
        finally:
            if self.frame is not None:
                self.console.print(self.frame)
