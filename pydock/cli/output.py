"""Writing to the command's streams as docker does: whole lines, flushed at once."""
from __future__ import annotations


def write_flushed(stream, text: str) -> None:
    stream.write(text)
    stream.flush()


def print_line(stream, text: str) -> None:
    """fmt.Fprintln: the text and a newline."""
    write_flushed(stream, text + "\n")


def write_bytes(stream, data: bytes) -> None:
    """Bytes to a text stream (its binary buffer when it has one), flushed."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8", "replace"))
    else:
        stream.flush()
        buffer.write(data)
    stream.flush()
