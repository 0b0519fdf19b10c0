"""The signal proxy of `run`, `start -a` and `attach`: signals we receive go to the container.

Every catchable signal is forwarded as `POST /containers/{id}/kill?signal=NAME`, except SIGCHLD,
SIGPIPE, SIGURG and SIGWINCH (terminal resizes). Kills are sent from a worker thread, never
from inside the handler.
"""
from __future__ import annotations

import queue
import signal
import threading

# Not forwarded: they concern this process, or cannot be caught safely in Python.
_SKIP = {"SIGCHLD", "SIGPIPE", "SIGURG", "SIGWINCH", "SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGFPE",
         "SIGILL"}


def signal_name(signum: int) -> str:
    """Docker's name for a signal: "INT", "TERM", "RTMIN+3" …"""
    rtmin, rtmax = getattr(signal, "SIGRTMIN", None), getattr(signal, "SIGRTMAX", None)
    if rtmin is not None and rtmin <= signum <= rtmax:
        if signum == rtmin:
            return "RTMIN"
        if signum == rtmax:
            return "RTMAX"
        offset = signum - rtmin
        return f"RTMIN+{offset}" if offset <= (rtmax - rtmin) // 2 else f"RTMAX-{rtmax - signum}"
    try:
        return signal.Signals(signum).name.removeprefix("SIG")
    except ValueError:
        return ""


def forwarded_signals() -> list[int]:
    out = []
    for signum in sorted(signal.valid_signals()):
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = ""
        if name in _SKIP:
            continue
        out.append(int(signum))
    return out


class SignalProxy:
    """Forward received signals through `kill(name)` until stop()."""

    def __init__(self, kill):
        self._kill = kill
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._old: dict[int, object] = {}

    def start(self) -> "SignalProxy":
        if threading.current_thread() is not threading.main_thread():
            return self
        for signum in forwarded_signals():
            try:
                self._old[signum] = signal.signal(signum, self._handle)
            except (OSError, ValueError, RuntimeError):
                continue
        threading.Thread(target=self._worker, daemon=True).start()
        return self

    def stop(self) -> None:
        old, self._old = self._old, {}
        for signum, handler in old.items():
            try:
                signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
            except (OSError, ValueError, RuntimeError):
                pass
        self._queue.put(None)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _handle(self, signum, frame) -> None:
        self._queue.put(signum)

    def _worker(self) -> None:
        while True:
            signum = self._queue.get()
            if signum is None:
                return
            name = signal_name(signum)
            if not name:
                continue
            try:
                self._kill(name)
            except Exception:  # docker only logs this at debug level
                pass
