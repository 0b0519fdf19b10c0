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


NOTE_HEADER_PLAIN = " Info -> "
# docker's tui.InfoHeader on a terminal: a bold "i" on light cyan, then "Info →" in light cyan (aec codes)
NOTE_HEADER_FANCY = ("\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m")
NOTE_INDENT = 9  # the header's width on screen, either way


def print_note(stream, text: str, *, terminal: bool = False) -> None:
    """docker's tui.Output.PrintNote: a blank line, the Info header, then each line of `text` (the
    following ones indented under the header); italic on a terminal."""
    lines = text.split("\n")
    out = ["\n", NOTE_HEADER_FANCY if terminal else NOTE_HEADER_PLAIN]
    for index, line in enumerate(lines):
        if index:
            out.append(" " * NOTE_INDENT)
        out.append(f"\x1b[3m{line}\x1b[0m\n" if terminal else f"{line}\n")
    write_flushed(stream, "".join(out))
