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


class GoStream:
    """sys.stdout or sys.stderr as docker's os.Stdout/os.Stderr behave when a write fails otherwise than
    on a closed pipe (a full disk, EIO, an fd open read-only): docker's fmt.Fprint calls drop the
    error, so the command goes on and ends as it would have. The first error is kept in
    `write_error` (for the few places docker reports it) and the fd then points at /dev/null, so
    that nothing buffered fails again at exit. A closed pipe still raises BrokenPipeError: docker dies
    of SIGPIPE there. Everything else is the wrapped stream's."""

    def __init__(self, stream, name: str):
        self._stream = stream
        self.name = name
        self.write_error: OSError | None = None
        self.buffer = _GoBuffer(self, stream.buffer) if hasattr(stream, "buffer") else None

    def __getattr__(self, attr):
        return getattr(self._stream, attr)

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as TextIOWrapper: click probes streams with write(b"")
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:  # CPython writes even b"" through to the fd, and /dev/full fails a write of nothing
            self._guarded(self._stream.write, text)
        return len(text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def _guarded(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            self._failed(exc)
            return None

    def _failed(self, exc: OSError) -> None:
        import os

        if self.write_error is None:
            self.write_error = exc
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass


class _GoBuffer:
    def __init__(self, owner: GoStream, raw):
        self._owner = owner
        self._raw = raw

    def __getattr__(self, attr):
        return getattr(self._raw, attr)

    def write(self, data) -> int:
        if data:
            self._owner._guarded(self._raw.write, data)
        return len(data)

    def flush(self) -> None:
        self._owner._guarded(self._raw.flush)


def stdout_write_error(stream) -> str | None:
    """Go's text for the first failed write to `stream` ("write /dev/stdout: no space left on device"),
    or None."""
    exc = getattr(stream, "write_error", None)
    if exc is None:
        return None
    from ..streams.pump import go_errno_text

    return f"write /dev/{stream.name}: {go_errno_text(exc.errno, exc.strerror)}"


def logrus_line(level: str, message: str, **fields: str) -> str:
    """One line of logrus's text format as the docker CLI prints it: time="<RFC 3339, local>" level=… msg="…"."""
    from datetime import datetime

    from ..golang.strconv import go_quote

    now = datetime.now().astimezone()
    offset = now.strftime("%z")
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if not now.utcoffset() else f"{offset[:3]}:{offset[3:]}")
    extra = "".join(f" {key}={go_quote(value)}" for key, value in fields.items())
    return f'time="{stamp}" level={level} msg={go_quote(message)}{extra}'


def fail_on_write_error(stream) -> None:
    """Where docker returns a failed write as the command's error (a template executed straight to
    stdout: `info -f`, `events --format`, `system df -v --format`, `version`'s tabwriter): raise it,
    exit 1. StatusError."""
    message = stdout_write_error(stream)
    if message:
        from .errors import FAILURE, StatusError

        raise StatusError(message, FAILURE)


def write_stream_bytes(stream, data: bytes) -> None:
    """A chunk of a byte stream docker io.Copy's to stdout (`cp … -`, `export`, `save`): a write that
    fails ends the command with Go's error (exit 1). StatusError."""
    write_bytes(stream, data)
    fail_on_write_error(stream)


def print_help(text: str, stream=None) -> None:
    """cobra's help on stdout (`stream`, sys.stdout by default); a write that fails is reported on
    stderr as cobra does (exit 0 all the same)."""
    import sys

    stream = sys.stdout if stream is None else stream
    print_line(stream, text)
    failed = stdout_write_error(stream)
    if failed:
        print_line(sys.stderr, failed)
