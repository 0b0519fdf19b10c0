"""Writing to the command's streams as docker does: whole lines, flushed at once.

A failed write to stdout or stderr (a full disk, an I/O error, a descriptor open read-only) is one
kind of failure, handled here and in cli.main, never per command. docker's commands treat it in
four ways, and so does pydock:

* most output (tables, IDs, progress, every message on stderr): Go's fmt.Fprint* error is ignored;
  the command goes on and exits as it would have. pydock's standard streams are GuardedStreams
  (installed by cli.main), which swallow the failure, remember it and point the descriptor at
  /dev/null so that nothing written later (or flushed at exit) fails again;
* output a command checks (a template run onto stdout, save's archive, a container's streams):
  write_checked raises WriteFailed, `write /dev/stdout: no space left on device`, exit 1;
* inspect: logrus's `level=error` line on stderr, and the command goes on (write_logged);
* help: the plain line on stderr, exit 0 (write_reported).

A closed pipe (EPIPE) is not one of these: BrokenPipeError still reaches the top (SIGPIPE).
"""
from __future__ import annotations

import os

from .errors import FAILURE, StatusError


class WriteFailed(StatusError):
    """A checked write failed: Go's *fs.PathError, `write /dev/<name>: <errno text>`, exit 1."""

    def __init__(self, name: str, exc: OSError):
        from ..golang.oserror import errno_text

        super().__init__(f"write /dev/{name}: {errno_text(exc)}", FAILURE)
        self.name = name
        self.error = exc


class _GuardedBuffer:
    def __init__(self, guard: "GuardedStream", buffer):
        self._guard, self._buffer = guard, buffer

    def write(self, data) -> int:
        return self._guard._attempt(lambda: self._buffer.write(data), len(data))

    def flush(self) -> None:
        self._guard._attempt(self._buffer.flush)

    def __getattr__(self, name):
        return getattr(self._buffer, name)


class GuardedStream:
    """A standard text stream whose failed writes are swallowed and remembered (`failure`, the first
    OSError), as Go's ignored fmt.Fprint* errors are. After a failure the descriptor writes to
    /dev/null. BrokenPipeError is not swallowed. Everything else is the wrapped stream's."""

    def __init__(self, stream, name: str):
        self._stream = stream
        self.name = name  # "stdout" or "stderr": Go's os.Stdout is the file /dev/stdout
        self.failure: OSError | None = None

    def write(self, text) -> int:
        return self._attempt(lambda: self._stream.write(text), len(text))

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._attempt(self._stream.flush)

    @property
    def buffer(self):
        return _GuardedBuffer(self, self._stream.buffer)

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def _attempt(self, call, fallback=None):
        try:
            return call()
        except BrokenPipeError:
            raise
        except OSError as exc:
            self._failed(exc)
            return fallback

    def _failed(self, exc: OSError) -> None:
        if self.failure is None:
            self.failure = exc
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)
        except (OSError, ValueError, AttributeError):
            pass


def guard_standard_streams() -> None:
    """Replace sys.stdout and sys.stderr with GuardedStreams (once, at the start of the process)."""
    import sys

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, GuardedStream):
            setattr(sys, name, GuardedStream(stream, name))


def write_failure(stream) -> OSError | None:
    """The failed write a GuardedStream remembers, if any."""
    return getattr(stream, "failure", None)


def stream_name(stream) -> str:
    return getattr(stream, "name", None) if isinstance(stream, GuardedStream) else "stdout"


def write_checked(stream, text: str | bytes) -> None:
    """Write (text or bytes) and flush; a failure, now or before, raises WriteFailed (docker's
    commands that check tmpl.Execute's or io.Copy's error: version, info -f, events -f, save…)."""
    try:
        if isinstance(text, bytes):
            write_bytes(stream, text)
        else:
            write_flushed(stream, text)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a stream that is not guarded (tests, a file)
        raise WriteFailed(stream_name(stream), exc) from None
    failure = write_failure(stream)
    if failure is not None:
        raise WriteFailed(stream_name(stream), failure)


def write_logged(stream, text: str | bytes, err) -> None:
    """docker's inspect: write; a failure is logged on `err` in logrus's text format, level error,
    and the command goes on (exit status unchanged)."""
    try:
        write_checked(stream, text)
    except WriteFailed as exc:
        log_line(err, "error", exc.message)


def write_reported(stream, text: str, err) -> None:
    """cobra's help: write; a failure is printed on `err` as a plain line, exit status unchanged."""
    try:
        write_checked(stream, text)
    except WriteFailed as exc:
        print_line(err, exc.message)


def log_line(stream, level: str, message: str, **fields: str) -> None:
    """One logrus line (TextFormatter, no terminal): `time="…" level=error msg="…" key="value"`."""
    from datetime import datetime

    from ..golang.strconv import go_quote

    now = datetime.now().astimezone()
    offset = now.strftime("%z")
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if not now.utcoffset() else f"{offset[:3]}:{offset[3:]}")
    extra = "".join(f" {key}={go_quote(value)}" for key, value in fields.items())
    print_line(stream, f'time="{stamp}" level={level} msg={go_quote(message)}{extra}')


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
