"""docker's bytes for a listing, without the template engine or rich: Go's tabwriter as docker sets
it up (minwidth 10, tabwidth 1, padding 3, spaces), and text that may hold non-UTF-8 bytes.

The writer (templates) and tty_table (rich) both end here when the output is plain.
"""
from __future__ import annotations

from ..golang.tabwriter import TabWriter
from .contexts.base import simple_columns

__all__ = ["plain", "plain_text", "write_text"]


def plain(header: str | None, texts: list[str]) -> str:
    """docker's bytes for rendered rows: a table (header given) through the tabwriter, else one line each."""
    body = "".join(text + "\n" for text in texts)
    if header is None:
        return body
    writer = TabWriter(None, 10, 1, 3, " ", 0)
    writer.write(header + "\n")
    writer.write(body)
    return writer.flush()


def plain_text(fmt: str, rows, headers: dict) -> str | None:
    """What render_rows + plain give, without the template engine, for a format made only of
    `{{.Field}}` cells (a default table, `{{.ID}}`) whose fields all return strings (and have
    titles, for a table); None when the format is anything else."""

    columns = simple_columns(fmt)
    table = fmt.startswith("table")
    if columns is None or (table and any(c not in headers for c in columns)):
        return None
    texts = []
    for row in rows:
        cells = [getattr(row, c, None) for c in columns]
        cells = [cell() if callable(cell) else cell for cell in cells]
        if not all(isinstance(cell, str) for cell in cells):
            return None
        texts.append("\t".join(cells))
    return plain("\t".join(headers[c] for c in columns) if table else None, texts)


def write_text(out, text: str) -> None:
    """Write to a text stream; bytes that are not UTF-8 (Go strings may hold any) go out raw."""
    try:
        out.write(text)
    except UnicodeEncodeError:
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise
        out.flush()
        buffer.write(text.encode(getattr(out, "encoding", None) or "utf-8", "surrogateescape"))
