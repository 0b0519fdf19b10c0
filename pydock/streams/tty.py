"""The local terminal during attach: raw mode, size tracking and the detach key sequence."""
from __future__ import annotations

import os
import signal
import sys
import threading

from .signals import before_exit_now, die_by_signal, notify

DEFAULT_DETACH_KEYS = b"\x10\x11"  # ctrl-p, ctrl-q
_CTRL_NAMES = ["ctrl-@"] + [f"ctrl-{c}" for c in "abcdefghijklmnopqrstuvwxyz"] + \
    ["ctrl-[", "ctrl-\\", "ctrl-]", "ctrl-^", "ctrl-_"]


class DetachKeysError(ValueError):
    pass


def detach_key_bytes(spec: str | None) -> bytes:
    """moby/term ToBytes: "ctrl-p,ctrl-q" -> b"\\x10\\x11"; a bad spec falls back to the default."""
    if not spec:
        return DEFAULT_DETACH_KEYS
    try:
        return parse_detach_keys(spec)
    except DetachKeysError:
        return DEFAULT_DETACH_KEYS


def parse_detach_keys(spec: str) -> bytes:
    codes = bytearray()
    for key in spec.split(","):
        if len(key) == 1:
            codes += key.encode()[:1]
        elif key in _CTRL_NAMES:
            codes.append(_CTRL_NAMES.index(key))
        elif key == "DEL":
            codes.append(127)
        else:
            raise DetachKeysError(f"Unknown character: '{key}'")
    return bytes(codes)


class DetachFilter:
    """Watches typed bytes for the detach sequence, holding back a partial match.

    feed() returns the bytes to forward and whether the sequence completed. A lone ctrl-p is
    kept until the next key shows whether it starts the sequence.
    """

    def __init__(self, keys: bytes):
        self.keys = keys
        self._held = b""

    def feed(self, data: bytes) -> tuple[bytes, bool]:
        if not self.keys:
            return data, False
        out = bytearray()
        for byte in data:
            candidate = self._held + bytes([byte])
            if self.keys.startswith(candidate):
                self._held = candidate
                if candidate == self.keys:
                    self._held = b""
                    return bytes(out), True
                continue
            # No longer a prefix: release what was held, then retry this byte on its own.
            out += self._held
            self._held = b""
            if self.keys.startswith(bytes([byte])):
                self._held = bytes([byte])
            else:
                out.append(byte)
        return bytes(out), False


# -- raw mode ---------------------------------------------------------------------
_raw_terminals: set = set()


def restore_terminals() -> None:
    """Restore every terminal still in raw mode: for a process about to end at once, from any thread."""
    for raw in list(_raw_terminals):
        raw.restore()


class RawTerminal:
    """Put a terminal fd in raw mode (Go's term.MakeRaw) and restore it exactly once.

    Restoring happens on close(), at interpreter exit, before an immediate exit (restore_terminals)
    and before a fatal SIGTERM/SIGHUP that nothing else catches, so the user's terminal is never
    left raw. That signal is taken off the main thread (signals.notify), so it is acted on at once.
    """

    def __init__(self, fd: int):
        self.fd = fd
        self._saved = None
        self._lock = threading.Lock()
        self._guard = None

    def enter(self) -> "RawTerminal":
        import atexit
        import termios

        if os.environ.get("NORAW"):
            return self
        self._saved = termios.tcgetattr(self.fd)
        termios.tcsetattr(self.fd, termios.TCSANOW, make_raw(self._saved))
        _raw_terminals.add(self)
        atexit.register(self.restore)
        before_exit_now(restore_terminals)
        self._guard_fatal_signals()
        return self

    def restore(self) -> None:
        import termios

        with self._lock:
            saved, self._saved = self._saved, None
        _raw_terminals.discard(self)
        if saved is not None:
            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, saved)
            except (OSError, termios.error):
                pass
        self._unguard()

    close = restore

    def __enter__(self):
        return self.enter()

    def __exit__(self, *exc):
        self.restore()

    def _guard_fatal_signals(self) -> None:
        fatal = [sig for sig in (signal.SIGTERM, signal.SIGHUP) if signal.getsignal(sig) is signal.SIG_DFL]
        if fatal and threading.current_thread() is threading.main_thread():
            self._guard = notify(self._die, fatal, name="pydock-raw-guard")

    def _unguard(self) -> None:
        if self._guard is not None and threading.current_thread() is threading.main_thread():
            guard, self._guard = self._guard, None
            guard.stop()

    def _die(self, signum) -> None:
        with self._lock:
            saved, self._saved = self._saved, None
        if saved is not None:
            import termios

            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, saved)
            except (OSError, termios.error):
                pass
        die_by_signal(signum)


def make_raw(attrs: list) -> list:
    """The termios changes of Go's term.MakeRaw."""
    import termios

    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = attrs
    iflag &= ~(termios.IGNBRK | termios.BRKINT | termios.PARMRK | termios.ISTRIP | termios.INLCR |
               termios.IGNCR | termios.ICRNL | termios.IXON)
    oflag &= ~termios.OPOST
    lflag &= ~(termios.ECHO | termios.ECHONL | termios.ICANON | termios.ISIG | termios.IEXTEN)
    cflag &= ~(termios.CSIZE | termios.PARENB)
    cflag |= termios.CS8
    cc = list(cc)
    cc[termios.VMIN] = 1
    cc[termios.VTIME] = 0
    return [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]


def is_terminal(stream) -> bool:
    """stream.isatty(), False for a closed stream or an object without it."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_size(fd: int) -> tuple[int, int]:
    """(height, width) of the terminal on fd, or (0, 0) when it is not one."""
    try:
        size = os.get_terminal_size(fd)
    except (OSError, ValueError):
        return 0, 0
    return size.lines, size.columns


def stream_size(stream) -> tuple[int, int]:
    """terminal_size of a stream's descriptor; (0, 0) for a stream that has none."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return 0, 0
    return terminal_size(fd)


# -- size tracking ----------------------------------------------------------------
class SizeMonitor:
    """Keeps the container's (or exec's) TTY at the local terminal's size.

    `resize(height, width)` calls the engine. The first resize is retried up to 10 times (the
    process may not be ready yet); each SIGWINCH triggers a new resize, taken off the main thread
    (signals.notify) so it never waits for the main thread to run Python.
    """

    def __init__(self, resize, fd: int, err=None):
        self._resize = resize
        self._fd = fd
        self._err = err or sys.stderr
        self._stopped = False
        self._winch = None

    def start(self) -> "SizeMonitor":
        if not self._resize_now():
            threading.Thread(target=self._retry_initial, daemon=True).start()
        self._winch = notify(self._on_winch, [signal.SIGWINCH], name="pydock-resize")
        return self

    def stop(self) -> None:
        self._stopped = True
        if self._winch is not None and threading.current_thread() is threading.main_thread():
            self._winch.stop()
            self._winch = None

    def _resize_now(self, grow: int = 0) -> bool:
        height, width = terminal_size(self._fd)
        if height == 0 and width == 0:
            return True
        try:
            self._resize(height + grow, width + grow)
            return True
        except Exception:  # the engine refused (process not started yet …)
            return False

    def _retry_initial(self) -> None:
        import time

        for attempt in range(10):
            time.sleep((attempt + 1) * 0.01)
            if self._stopped or self._resize_now():
                return
        try:
            self._err.write("failed to resize tty, using default size\n")
            self._err.flush()
        except (OSError, ValueError):
            pass

    def _on_winch(self, signum) -> None:
        if not self._stopped:
            self._resize_now()

    def nudge(self) -> None:
        """attach: resize one larger first so a shell redraws its prompt, then the real size."""
        self._resize_now(grow=1)
