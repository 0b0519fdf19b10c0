"""docker/cli's fork of Go's text/tabwriter (cli/command/formatter/tabwriter).

Docker lays out every table with ``NewWriter(out, 10, 1, 3, ' ', 0)``. Text is cut into
cells terminated by a tab; a column block is a run of consecutive lines that all have
that column, and each block is as wide as its widest cell plus padding (at least minwidth).
The last cell of a line is not a column cell, so it is never padded, and a line without
tabs ends all open blocks. Widths are display widths (docker's fork uses go-runewidth:
East Asian wide characters count 2, combining marks 0), not bytes as Go's original does.

    tabwrite("a\\tb\\nlonger\\tc\\n")  ->  "a           b\\nlonger      c\\n"
"""

from __future__ import annotations

import os
import unicodedata

__all__ = ["TabWriter", "NewWriter", "tabwrite", "display_width",
           "FILTER_HTML", "STRIP_ESCAPE", "ALIGN_RIGHT", "DISCARD_EMPTY_COLUMNS", "TAB_INDENT", "DEBUG"]

FILTER_HTML, STRIP_ESCAPE, ALIGN_RIGHT, DISCARD_EMPTY_COLUMNS, TAB_INDENT, DEBUG = (1 << i for i in range(6))


# --- display width (go-runewidth's StringWidth) ---------------------------------------------

def _east_asian_locale() -> bool:
    """runewidth.IsEastAsian: a CJK locale makes ambiguous-width characters wide."""
    forced = os.environ.get("RUNEWIDTH_EASTASIAN")
    if forced:
        return forced == "1"
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE") or os.environ.get("LANG") or ""
    if locale in ("POSIX", "C") or locale[:2] in ("C.", "C-"):
        return False
    charset = locale.lower().partition(".")[2] or locale.lower()
    if charset.endswith("@cjk_narrow"):
        return False
    charset = charset.partition("@")[0]
    multibyte = charset in ("utf-8", "utf8", "jis", "eucjp", "euckr", "euccn", "sjis", "cp932", "cp51932",
                            "cp936", "cp949", "cp950", "big5", "gbk", "gb2312")
    return multibyte and (charset[:1] != "u" or locale[:2] in ("ja", "ko", "zh"))


_EAST_ASIAN = _east_asian_locale()


_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Zl", "Zp", "Cs"})


def _rune_width(ch: str) -> int:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return 1  # a byte that is not UTF-8 decodes to U+FFFD, one cell wide
    if code < 0x20 or 0x7F <= code <= 0x9F or code == 0xAD:
        return 0
    if code < 0x300:
        return 2 if _EAST_ASIAN and unicodedata.east_asian_width(ch) == "A" else 1
    if (unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES or 0x1160 <= code <= 0x11FF
            or 0x180B <= code <= 0x180E or code in (0xFFFE, 0xFFFF)):
        return 0
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F") or (_EAST_ASIAN and eaw == "A"):
        return 2
    return 1


def _joins_previous(ch: str) -> bool:
    """Characters that continue a grapheme cluster (marks, joiners, variation selectors)."""
    code = ord(ch)
    return (unicodedata.category(ch) in ("Mn", "Me", "Mc") or code == 0x200D
            or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


def display_width(text: str) -> int:
    """Width in terminal cells: per grapheme cluster, the first non-zero rune width."""
    if text.isascii():
        return sum(1 for c in text if " " <= c < "\x7f")
    width, cluster_width, after_zwj, prev_regional = 0, None, False, False
    for ch in text:
        regional = 0x1F1E6 <= ord(ch) <= 0x1F1FF
        if cluster_width is not None and (_joins_previous(ch) or after_zwj or (regional and prev_regional)):
            if cluster_width == 0:
                cluster_width = _rune_width(ch)
            after_zwj = ch == "\u200d"
            prev_regional = False if regional else prev_regional
            continue
        width += cluster_width or 0
        cluster_width = _rune_width(ch)
        after_zwj, prev_regional = False, regional
    return width + (cluster_width or 0)


# --- the writer ---------------------------------------------------------------------------

class _Cell:
    __slots__ = ("text", "width", "htab")

    def __init__(self, text: str = "", width: int = 0, htab: bool = False):
        self.text, self.width, self.htab = text, width, htab


class TabWriter:
    """Go's tabwriter.Writer over str. write() text, then flush().

    With `out` (anything with a write(str) method) output goes there; without it flush()
    returns the text it produced.
    """

    def __init__(self, out=None, minwidth: int = 10, tabwidth: int = 1, padding: int = 3,
                 padchar: str = " ", flags: int = 0):
        if minwidth < 0 or tabwidth < 0 or padding < 0:
            raise ValueError("negative minwidth, tabwidth, or padding")
        self.out = out
        self.minwidth, self.tabwidth, self.padding = minwidth, tabwidth, padding
        self.padchar = padchar
        self.flags = flags & ~ALIGN_RIGHT if padchar == "\t" else flags
        self._chunks: list[str] = []
        self._reset()

    def _reset(self):
        self._cell_parts: list[str] = []
        self._lines: list[list[_Cell]] = [[]]
        self._widths: list[int] = []

    # input
    def write(self, text: str) -> int:
        start = 0
        for i, ch in enumerate(text):
            if ch in "\t\v\n\f":
                self._cell_parts.append(text[start:i])
                start = i + 1
                ncells = self._terminate_cell(ch == "\t")
                if ch in "\n\f":
                    self._lines.append([])
                    if ch == "\f" or ncells == 1:
                        # A line with one cell cannot affect alignment: flush what we have.
                        self._flush_lines()
                        if ch == "\f" and self.flags & DEBUG:
                            self._emit("---\n")
        self._cell_parts.append(text[start:])
        return len(text)

    def _terminate_cell(self, htab: bool) -> int:
        text = "".join(self._cell_parts)
        self._cell_parts = []
        line = self._lines[-1]
        line.append(_Cell(text, display_width(text), htab))
        return len(line)

    def flush(self) -> str | None:
        """Lay out and write everything buffered; returns the text when there is no `out`."""
        if "".join(self._cell_parts):
            self._terminate_cell(False)
        self._flush_lines()
        if self.out is None:
            text = "".join(self._chunks)
            self._chunks = []
            return text
        return None

    def _flush_lines(self):
        self._format(0, len(self._lines))
        self._reset()

    # output
    def _emit(self, text: str):
        if self.out is None:
            self._chunks.append(text)
        else:
            self.out.write(text)

    def _padding(self, textw: int, cellw: int, use_tabs: bool):
        if self.padchar == "\t" or use_tabs:
            if self.tabwidth == 0:
                return
            cellw = (cellw + self.tabwidth - 1) // self.tabwidth * self.tabwidth
            n = cellw - textw
            self._emit("\t" * ((n + self.tabwidth - 1) // self.tabwidth))
            return
        self._emit(self.padchar * (cellw - textw))

    def _write_lines(self, line0: int, line1: int):
        widths = self._widths
        for i in range(line0, line1):
            line = self._lines[i]
            use_tabs = bool(self.flags & TAB_INDENT)
            for j, cell in enumerate(line):
                if j > 0 and self.flags & DEBUG:
                    self._emit("|")
                if not cell.text:
                    if j < len(widths):
                        self._padding(cell.width, widths[j], use_tabs)
                    continue
                use_tabs = False
                if not self.flags & ALIGN_RIGHT:
                    self._emit(cell.text)
                    if j < len(widths):
                        self._padding(cell.width, widths[j], False)
                else:
                    if j < len(widths):
                        self._padding(cell.width, widths[j], False)
                    self._emit(cell.text)
            if i + 1 == len(self._lines):
                self._emit("".join(self._cell_parts))  # the incomplete last cell
            else:
                self._emit("\n")

    def _format(self, line0: int, line1: int):
        """Go's format(): recursively find column blocks and their widths."""
        column = len(self._widths)
        this = line0
        while this < line1:
            line = self._lines[this]
            if column >= len(line) - 1:
                this += 1
                continue
            self._write_lines(line0, this)
            line0 = this
            width, discardable = self.minwidth, True
            while this < line1:
                line = self._lines[this]
                if column >= len(line) - 1:
                    break
                cell = line[column]
                width = max(width, cell.width + self.padding)
                if cell.width > 0 or cell.htab:
                    discardable = False
                this += 1
            if discardable and self.flags & DISCARD_EMPTY_COLUMNS:
                width = 0
            self._widths.append(width)
            self._format(line0, this)
            self._widths.pop()
            line0 = this
        self._write_lines(line0, line1)


def NewWriter(out=None, minwidth: int = 10, tabwidth: int = 1, padding: int = 3,
              padchar: str = " ", flags: int = 0) -> TabWriter:
    """tabwriter.NewWriter; docker's tables use the defaults."""
    return TabWriter(out, minwidth, tabwidth, padding, padchar, flags)


def tabwrite(text: str, **options) -> str:
    """Lay out `text` as docker does (NewWriter(out, 10, 1, 3, ' ', 0)) and return it."""
    writer = TabWriter(None, **options)
    writer.write(text)
    return writer.flush()
