"""Tables for a terminal, drawn with rich (imported here only, and only when drawing).

Same cells as docker's table (the tab-separated header and rows) and, when the table fits,
the same layout: docker's tabwriter widths, 3-space gaps, no borders; only colours are added
(state words, high CPU/MEM percentages) unless NO_COLOR is set. When it does not fit, cells
wrap between words, the widest wrappable columns giving room first (see column_layout);
identifier columns (ID, NAMES…) wrap last and only after a separator, never inside a short
ID. A terminal too narrow for a table with whole words gets the rows as records (`TITLE  value`
lines). Nothing is ever cut off: a cell too long for its column wraps onto more lines, and only
docker's own truncation (12-character IDs, ps's 20-column COMMAND) shows. LiveTable redraws such a
table in place (``stats``).
"""

from __future__ import annotations

import os
import re

from ..golang.tabwriter import display_width

__all__ = ["column_widths", "column_layout", "wrap", "render_tty_table", "table_lines", "record_lines", "split_cells",
           "LiveTable", "STATE_STYLES", "USAGE_STYLES"]

PADDING = 3  # spaces between columns, as docker's tabwriter puts them
TABWRITER_MIN = 10  # docker's tabwriter minwidth: a column and its padding take at least this much
FOLD_AT = 16  # a piece of a word wider than this (a 64-digit digest) may be cut anywhere in a wrapped column
NARROWEST = 2  # the narrowest a record's values may get: one wide character

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
    """The text width of each column (gaps not included) for a table at most `width` wide; see column_layout."""
    layout = column_layout(head, rows, width, measure=measure)
    return None if layout is None else layout[0]


def column_layout(head: list[str], rows: list[list[str]], width: int, *,
                  measure=display_width) -> tuple[list[int], int] | None:
    """(the text width of each column, the gap between columns) for a table at most `width` wide.

    When the table fits, these are docker's tabwriter widths and gaps; if it fits only without the
    blank space of docker's minimum column width, that goes. Otherwise, in order, until it fits:
    the wrappable columns wrap between words (ID/NAMES-like columns keep their full width, the widest
    column gives room first); the gaps narrow from 3 spaces to 2; the ID/NAMES-like columns wrap after
    a separator (`127.0.0.1:5000/` `pydt-` `x`, never inside a 12-digit ID); and only then do words break,
    the longest first, down to their title's longest word, then two cells. None when even that does not fit.
    """
    for gap, stage in ((PADDING, _WORDS), (PADDING - 1, _WORDS), (PADDING - 1, _SEGMENTS), (PADDING - 1, _PIECES)):
        widths = _widths(head, rows, width, gap, measure, stage)
        if widths is not None:
            return widths, gap
    return None


_WORDS, _SEGMENTS, _PIECES = range(3)  # how far column_layout may go: words whole, names cut, words cut


def _widths(head, rows, width, gap, measure, stage) -> list[int] | None:
    count = len(head)
    columns = [[head[i]] + [row[i] for row in rows] for i in range(count)]
    content = [max(measure(cell) for cell in column) for column in columns]
    natural = [w if i == count - 1 else max(w, TABWRITER_MIN - PADDING) for i, w in enumerate(content)]
    room = width - gap * (count - 1)
    if sum(natural) <= room:
        return natural
    if sum(content) <= room:  # docker's minimum width is only blank space: it goes first
        return _shrink(natural, content, room, range(count))
    flexible = [i for i in range(count) if not keeps_whole(head[i])]
    whole = [i for i in range(count) if i not in flexible]
    words = [min(content[i], max(_longest_word(cell, measure) for cell in columns[i])) for i in range(count)]
    segments = [min(content[i], max(_longest_segment(cell, measure) for cell in columns[i])) for i in range(count)]
    widths = list(content)
    flex_room = room - sum(content[i] for i in whole)
    if sum(words[i] for i in flexible) <= flex_room:  # words whole, ID/NAMES-like columns whole
        order = sorted(range(len(flexible)), key=lambda k: (-content[flexible[k]], k))
        for i, w in zip(flexible, _shrink([content[i] for i in flexible], [words[i] for i in flexible], flex_room,
                                          order)):
            widths[i] = w
        return widths
    whole_room = room - sum(words[i] for i in flexible)
    if stage == _WORDS:
        return None
    if sum(segments[i] for i in whole) <= whole_room:  # ID/NAMES-like columns wrap after separators
        order = sorted(range(len(whole)), key=lambda k: (-content[whole[k]], k))
        for i, w in zip(whole, _shrink([content[i] for i in whole], [segments[i] for i in whole], whole_room,
                                       order)):
            widths[i] = w
        for i in flexible:
            widths[i] = words[i]
        return widths
    if stage == _SEGMENTS:
        return None
    # words break; ID/NAMES-like columns wrap after separators; all shrink together, the widest first
    floors = _floors([content[i] for i in flexible], [columns[i] for i in flexible],
                     room - sum(segments[i] for i in whole), measure)
    if floors is None:
        return None
    lower = list(segments)
    for i, floor in zip(flexible, floors):
        lower[i] = floor
    return _shrink(content, lower, room, sorted(range(count), key=lambda i: (-content[i], i)))


_SEGMENT = re.compile(r"[^\s/:@,_.-]*[/:@,_.-]+|[^\s/:@,_.-]+")


def _longest_segment(text: str, measure) -> int:
    """The widest piece of a word cut after its separators ("127.0.0.1:5000/pydt-x": "5000/")."""
    return max((measure(piece) for word in text.split() for piece in _SEGMENT.findall(word)), default=0)


def _floors(upper: list[int], columns: list[list[str]], room: int, measure) -> list[int] | None:
    """How narrow each shrinking column may get: its longest word if all fit, else its longest piece
    between separators, or FOLD_AT cells for a longer piece (a digest), never narrower than its title's
    longest word. None when even that does not fit (a table cut narrower is unreadable: the rows are
    drawn as records instead)."""
    words = [min(up, max(_longest_word(cell, measure) for cell in column)) for up, column in zip(upper, columns)]
    if sum(words) <= room:
        return words
    titles = [min(up, _longest_word(column[0], measure)) for up, column in zip(upper, columns)]
    pieces = [max(title, min(up, FOLD_AT, max(_longest_segment(cell, measure) for cell in column)))
              for up, title, column in zip(upper, titles, columns)]
    return pieces if sum(pieces) <= room else None


def _longest_word(text: str, measure) -> int:
    return max((measure(word) for word in text.split()), default=0)


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
    layout = column_layout(head, rows, width, measure=cell_len)
    if layout is None:
        return record_lines(head, rows, width, colour=colour)
    widths, gap = layout
    lines = []
    for index, cells in enumerate([head] + rows):
        lines.extend(_row_lines(console, head, cells, widths, gap, colour, is_header=index == 0))
    return lines


def record_lines(head: list[str], rows: list[list[str]], width: int, *, colour: bool = True):
    """The rows as records, for a terminal too narrow for the table: each row a block of `TITLE  value`
    lines (values wrapped beside the titles), a blank line between blocks. None when even that cannot fit."""
    from rich.cells import cell_len
    from rich.text import Text

    label = max(cell_len(title) for title in head)
    gap = PADDING - 1
    room = width - label - gap
    if room < NARROWEST:
        return None
    lines = []
    for index, cells in enumerate(rows):
        if index:
            lines.append(Text())
        for title, text in zip(head, cells):
            pieces = wrap(_cell(text, title, colour, is_header=False), room)
            for k, piece in enumerate(pieces):
                line = Text()
                line.append_text(_cell(title if k == 0 else "", title, colour, is_header=True))
                line.append(" " * (label - line.cell_len + gap))
                line.append_text(piece)
                line.rstrip()
                lines.append(line)
    return lines


def _row_lines(console, head, cells, widths, gap, colour, *, is_header):
    from rich.text import Text

    last = len(cells) - 1
    wrapped = [wrap(_cell(text, head[i], colour, is_header=is_header), widths[i]) for i, text in enumerate(cells)]
    lines = []
    for k in range(max(len(pieces) for pieces in wrapped)):
        line = Text()
        for i, pieces in enumerate(wrapped):
            piece = pieces[k] if k < len(pieces) else Text()
            line.append_text(piece)
            if i < last:
                line.append(" " * (widths[i] - piece.cell_len + gap))
        line.rstrip()
        lines.append(line)
    return lines


def wrap(text, width: int) -> list:
    """A rich Text cut into lines at most `width` cells wide, losing nothing but the spaces at the cuts.

    Words stay whole when they fit on a line; a longer word is cut after its separators
    (`127.0.0.1:5000/` `pydt-` `big`), and a piece still too long is cut anywhere.
    """
    from rich.cells import cell_len

    plain = text.plain
    lines: list[tuple[int, int]] = []
    start = end = used = 0  # the current line: plain[start:end], `used` cells
    for word in re.finditer(r"\S+", plain):
        size = cell_len(word.group())
        if used and used + 1 + size <= width:
            end, used = word.end(), used + 1 + size
            continue
        if used:
            lines.append((start, end))
        if size <= width:
            start, end, used = word.start(), word.end(), size
            continue
        start, end, used = _cut_word(plain, word.start(), word.end(), width, lines)
    if used or not lines:
        lines.append((start, end))
    return [text[a:b] for a, b in lines]


def _cut_word(plain: str, start: int, stop: int, width: int, lines: list) -> tuple[int, int, int]:
    """Cut plain[start:stop] into lines of at most `width` cells (after separators when it can), appending
    all but the last to `lines`; (start, end, cells) of the last."""
    from rich.cells import cell_len

    pieces = [(start + m.start(), start + m.end()) for m in _SEGMENT.finditer(plain[start:stop])]
    a = b = start
    used = 0
    for p, q in pieces:
        size = cell_len(plain[p:q])
        if used + size <= width:
            b, used = q, used + size
            continue
        if used:
            lines.append((a, b))
        a = b = p
        used = 0
        for i in range(p, q):  # a piece wider than a line: cut anywhere
            ch = cell_len(plain[i])
            if used + ch > width and used:
                lines.append((a, b))
                a, used = b, 0
            b, used = i + 1, used + ch
    return a, b, used


class FittedTable:
    """A rich renderable: the table laid out for the width it is drawn at (resizes included)."""

    def __init__(self, header: str, texts: list[str], colour: bool):
        self.header, self.texts, self.colour = header, texts, colour

    def __rich_console__(self, console, options):
        from rich.text import Text

        lines = table_lines(console, self.header, self.texts, options.max_width, colour=self.colour)
        if lines is None:  # too narrow even for records: docker's lines, wrapped by the terminal's width
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

    A terminal too narrow for the table gets the rows as records; one too narrow even for those
    gets docker's plain table, its lines wrapped by the terminal: nothing is ever left out.
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
