"""Copy between the local streams and a hijacked connection (docker's hijackedIOStreamer).

Output is read in the calling thread: raw bytes with a TTY, demultiplexed frames without one.
Input is copied by a daemon thread; at stdin EOF it half-closes the connection so the process
in the container sees EOF. With a TTY the input is watched for the detach key sequence.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Callable

from .frames import STDERR, FrameDecoder
from .tty import DetachFilter

DONE, DETACHED = "done", "detached"
_CHUNK = 32 * 1024


class OutputClosed(BrokenPipeError):
    """Our stdout or stderr went away; str() reads like Go's error ("write /dev/stdout: broken pipe")."""

    def __init__(self, name: str):
        super().__init__(f"write /dev/{name}: broken pipe")
        self.name = name

    def __str__(self) -> str:
        return f"write /dev/{self.name}: broken pipe"


class OutputFailed(OSError):
    """A write to our stdout or stderr failed otherwise (a full disk, EIO, an fd not open for writing);
    str() is Go's *PathError text, as docker's io.Copy reports it ("write /dev/stdout: no space left on device")."""

    def __init__(self, name: str, exc: OSError):
        super().__init__(exc.errno, exc.strerror)
        self.name = name

    def __str__(self) -> str:
        return f"write /dev/{self.name}: {go_errno_text(self.errno, self.strerror)}"


def go_errno_text(errno_: int | None, strerror: str | None) -> str:
    """syscall.Errno.Error(): the C library's text with a lower-case first letter ("no space left on device")."""
    text = strerror or (os.strerror(errno_) if errno_ else "unknown error")
    return text[:1].lower() + text[1:]


def named_writer(write: Callable[[bytes], None], name: str, stream=None) -> Callable[[bytes], None]:
    """`write`, with its failures named after the stream: OutputClosed for a closed pipe (SIGPIPE in
    Go), OutputFailed for any other error. A `stream` that already failed a write (cli.output.GoStream:
    a warning on a full disk; its fd then writes to /dev/null) fails every write the same way, as
    docker's would."""
    def checked(data: bytes) -> None:
        failed = getattr(stream, "write_error", None)
        if failed is not None:
            raise OutputFailed(name, failed)
        try:
            write(data)
        except BrokenPipeError:
            raise OutputClosed(name) from None
        except OSError as exc:
            raise OutputFailed(name, exc) from None
    return checked


def fd_writer(stream) -> Callable[[bytes], None]:
    """A write function for container output: bytes to the fd, unbuffered, never decoded."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    if fd is not None:
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass

        def write_fd(data: bytes) -> None:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        return write_fd
    target = getattr(stream, "buffer", stream)

    def write_stream(data: bytes) -> None:
        target.write(data)
        target.flush()
    return write_stream


def stdin_reader(stream) -> Callable[[], bytes]:
    """A read function for local input: whatever is available, b"" at EOF."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    if fd is not None:
        return lambda: os.read(fd, _CHUNK)
    source = getattr(stream, "buffer", stream)
    read = getattr(source, "read1", None) or source.read
    return lambda: read(_CHUNK)


@dataclass
class Pump:
    """One attach session. `read_input` None means stdin is not attached."""

    conn: object  # HijackedStream
    tty: bool
    write_out: Callable[[bytes], None] | None
    write_err: Callable[[bytes], None] | None
    read_input: Callable[[], bytes] | None = None
    detach_keys: bytes = b""
    on_input_end: Callable[[], None] | None = None  # e.g. restore the terminal
    on_output_end: Callable[[], None] | None = None

    def __post_init__(self):
        self._detached = threading.Event()
        self._input_done = threading.Event()

    def run(self) -> str:
        """Copy until the output ends (or the user detaches); DONE or DETACHED."""
        if self.read_input is not None:
            threading.Thread(target=self._copy_input, name="pydock-stdin", daemon=True).start()
        else:
            self._input_done.set()
        try:
            self._copy_output()
        except OSError:
            if not self._detached.is_set():
                raise
        finally:
            if self.on_output_end is not None:
                self.on_output_end()
        return DETACHED if self._detached.is_set() else DONE

    @property
    def input_done(self) -> bool:
        return self._input_done.is_set()

    def _copy_output(self) -> None:
        decoder = None if self.tty else FrameDecoder()
        while True:
            data = self.conn.read(_CHUNK)
            if not data or self._detached.is_set():
                return
            if decoder is None:
                if self.write_out is not None:
                    self.write_out(data)
                continue
            for stream, payload in decoder.feed(data):
                write = self.write_err if stream == STDERR else self.write_out
                if write is not None and payload:
                    write(payload)

    def _copy_input(self) -> None:
        keys = DetachFilter(self.detach_keys) if self.tty and self.detach_keys else None
        try:
            while True:
                data = self.read_input()
                if not data:
                    break
                if keys is not None:
                    data, detach = keys.feed(data)
                    if data:
                        self.conn.write(data)
                    if detach:
                        self._detach()
                        return
                    continue
                self.conn.write(data)
        except OSError:
            pass  # the output side sees the same failure and reports it
        except Exception:
            pass
        finally:
            if self.on_input_end is not None and not self._detached.is_set():
                self.on_input_end()
            self._input_done.set()
        if not self._detached.is_set():
            try:
                self.conn.close_write()
            except OSError:
                pass

    def _detach(self) -> None:
        self._detached.set()
        if self.on_input_end is not None:
            self.on_input_end()
        shutdown = getattr(self.conn, "shutdown", None)
        if shutdown is not None:
            shutdown()
        else:
            self.conn.close()


def stream_io(conn, *, tty: bool, stdin=None, stdout=None, stderr=None, detach_keys: bytes = b"") -> str:
    """Run one attach session over local streams (None = not attached); DONE or DETACHED.

    With a TTY and stdin attached the local terminal goes raw for the session and is restored
    as soon as either side ends, and on every way out.
    """
    from .tty import RawTerminal, is_terminal

    raw = None
    if stdin is not None and tty and is_terminal(stdin):
        raw = RawTerminal(stdin.fileno()).enter()
    restore = raw.restore if raw is not None else None
    pump = Pump(conn, tty,
                write_out=named_writer(fd_writer(stdout), "stdout", stdout) if stdout is not None else None,
                write_err=named_writer(fd_writer(stdout if tty else stderr), "stdout" if tty else "stderr",
                                       stdout if tty else stderr)
                if stderr is not None else None,
                read_input=stdin_reader(stdin) if stdin is not None else None,
                detach_keys=detach_keys if stdin is not None and tty else b"",
                on_input_end=restore, on_output_end=restore if tty else None)
    try:
        return pump.run()
    finally:
        if raw is not None:
            raw.restore()
