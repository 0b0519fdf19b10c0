"""Signals as the docker CLI (a Go program) handles them, acted on off the main thread.

CPython runs a Python-level signal handler only when the main thread next executes bytecode,
and the kernel may deliver a process-directed signal to any thread: while the main thread sits
in a socket read, a handler could wait for as long as the container runs. Here every caught
signal is taken from the C-level handler's wakeup byte (`signal.set_wakeup_fd`), which that
handler writes at once in whichever thread the kernel chose; a reader thread hands it to the
subscribers, each in its own worker thread, as Go's `signal.Notify` hands signals to channels.

On top of that: Go's runtime dispositions for signals nobody catches (`install_runtime_defaults`),
docker's handling of signals around an attached session (`SessionSignals`), and the command's own
cancellation (docker's notifyContext(TerminationSignals)): from the first line of `python -m pydock`
to the exit, the first SIGINT/SIGTERM raises `Terminated` in the main thread (exit 128+signal, nothing
printed), except inside `held()` blocks (it comes at their end) and once `command_done()`; Python's
finalization, which resets Python-level handlers to SIG_DFL, runs with both ignored (`settle_for_exit`).
"""
from __future__ import annotations

import os
import queue
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterable

# Not forwarded by the proxy: they concern this process, or cannot be caught safely in Python.
_SKIP = {"SIGCHLD", "SIGPIPE", "SIGURG", "SIGWINCH", "SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGFPE",
         "SIGILL"}
TERMINATION = (signal.SIGINT, signal.SIGTERM)  # docker's platformsignals.TerminationSignals
FORCE_EXIT_MESSAGE = "\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n"


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
    """The signals the proxy catches and sends on: docker's `signal.Notify(c)` (all) minus _SKIP."""
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


# -- Go's runtime defaults ----------------------------------------------------------
def _go_ignored() -> set[int]:
    """Signals a Go program ignores unless notified (runtime sigtable: _SigNotify alone).

    Measured with docker 28 (`docker exec` under each signal): these leave it running, as do
    SIGCHLD, SIGURG, SIGWINCH and SIGPIPE, which Python already leaves alone. SIGRTMIN (34)
    ends it, as its default does here.
    """
    names = ("SIGALRM", "SIGUSR1", "SIGUSR2", "SIGIO", "SIGXCPU", "SIGVTALRM", "SIGPROF", "SIGPWR")
    found = {getattr(signal, name) for name in names if hasattr(signal, name)}
    rtmin, rtmax = getattr(signal, "SIGRTMIN", None), getattr(signal, "SIGRTMAX", None)
    if rtmin is not None:
        found |= set(range(rtmin + 1, rtmax + 1))
    return {int(s) for s in found}


# Go's runtime "throws" on these (a goroutine dump on stderr, exit status 2). The synchronous
# faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL) keep their default: catching them in Python could loop.
_GO_THROWN = {"SIGQUIT": "quit", "SIGABRT": "abort", "SIGTRAP": "trace trap", "SIGSYS": "bad system call",
              "SIGSTKFLT": "stack fault"}
GO_THROW_STATUS = 2


def _go_thrown() -> dict[int, str]:
    return {int(getattr(signal, name)): f"{name}: {text}" for name, text in _GO_THROWN.items()
            if hasattr(signal, name)}


def install_runtime_defaults() -> None:
    """At startup (main thread): Go's dispositions for signals nobody catches.

    Ignored signals get a do-nothing Python handler rather than SIG_IGN, which programs we
    start (ssh, credential helpers) would inherit. SIGHUP, SIGTSTP … keep their default;
    SIGINT and SIGTERM are the command's (catch_termination).
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in _go_ignored():
        _set_if_default(signum, _ignore)
    for signum in _go_thrown():
        _set_if_default(signum, _throw_handler)


def _set_if_default(signum: int, handler) -> None:
    try:
        if signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, handler)
    except (OSError, ValueError, RuntimeError):
        pass


def _ignore(signum, frame) -> None:
    pass


def _throw_handler(signum, frame) -> None:
    throw(signum)


def throw(signum: int) -> None:
    """What a Go program does on SIGQUIT and its kind: its first line on stderr, exit 2 at once
    (the goroutine dump is not reproduced). Callable from any thread."""
    message = _go_thrown().get(signum, f"signal {signum}")
    exit_now(GO_THROW_STATUS, message + "\n")


_BEFORE_EXIT_NOW: list[Callable[[], None]] = []


def before_exit_now(hook: Callable[[], None]) -> None:
    """Have exit_now call `hook()` first (once, however often it is registered): tty's
    restore_terminals registers itself when it puts a terminal in raw mode."""
    if hook not in _BEFORE_EXIT_NOW:
        _BEFORE_EXIT_NOW.append(hook)


def exit_now(status: int, message: str = "") -> None:
    """Go's os.Exit from any thread: restore the terminal (the before_exit_now hooks), print `message`
    on stderr, end the process now (no cleanup, as os.Exit runs no deferred functions)."""
    for hook in list(_BEFORE_EXIT_NOW):
        hook()
    if message:
        try:
            os.write(2, message.encode())
        except OSError:
            pass
    os._exit(status)


def die_by_signal(signum: int) -> None:
    """End the process as the signal's default action does. From another thread the main thread is
    asked to do it (a thread-directed signal interrupts whatever it is blocked in)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signum, signal.SIG_DFL)
        signal.pthread_kill(threading.get_ident(), signum)
        return
    _dispatcher.request_death(signum)


# -- the command's own cancellation: docker's notifyContext(TerminationSignals) ----------------
class Terminated(KeyboardInterrupt):
    """SIGINT or SIGTERM cancelled the command (docker's errCtxSignalTerminated): the process exits
    with `status` (128 + the signal), nothing printed. A KeyboardInterrupt, so that code which
    already unwinds on Ctrl-C unwinds on SIGTERM too."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.status = 128 + signum


class _Termination:
    """What the process-wide SIGINT/SIGTERM handler has seen: the first signal (the cause), how many."""

    def __init__(self):
        self.signum = 0
        self.count = 0
        self.armed = False
        self.held = 0
        self.pending = False
        # a Terminated that Python dropped: raised inside a weakref callback or __del__, it is only
        # reported ("Exception ignored in …") and the command would go on as if never cancelled
        self.lost = False


_termination = _Termination()


@contextmanager
def held():
    """A block that a SIGINT/SIGTERM does not cut short: the cancellation it would cause is raised
    when the block ends (for steps that must happen together, e.g. creating a temporary file and
    recording its name so that it is removed)."""
    state = _termination
    state.held += 1
    try:
        yield
    finally:
        state.held -= 1
        if not state.held and state.pending:
            state.pending = False
            raise Terminated(state.signum)


def catch_termination(seen: Iterable[int] = ()) -> None:
    """From the very start of the process (main thread), SIGINT and SIGTERM cancel the command, as
    docker's main does with notifyContext(TerminationSignals), even when started ignored (a `cmd &`
    job): the first one raises Terminated in the main thread (interrupting whatever it waits in); the
    third ends the process at once ("got 3 SIGTERM/SIGINTs, forcefully exiting", exit 1).
    `seen`: signals an earlier handler already took (the first of them already cancelled)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in seen:
        _termination.count += 1
        _termination.signum = _termination.signum or signum
    for signum in TERMINATION:
        try:
            signal.signal(signum, _on_termination)
        except (OSError, ValueError):
            pass
    _termination.armed = True
    if sys.unraisablehook is not _on_unraisable:
        _on_unraisable.previous = sys.unraisablehook
        sys.unraisablehook = _on_unraisable


def _on_unraisable(unraisable) -> None:
    """sys.unraisablehook: a cancellation Python could not raise is kept (command_done raises it
    again), silently; anything else goes to the previous hook."""
    if isinstance(unraisable.exc_value, Terminated):
        _termination.lost = True
        return
    _on_unraisable.previous(unraisable)


_on_unraisable.previous = sys.unraisablehook


def _on_termination(signum, frame) -> None:
    state = _termination
    state.count += 1
    if not state.signum:
        state.signum = signum
    if state.count >= 3:
        exit_now(1, FORCE_EXIT_MESSAGE)
    if state.armed and state.count == 1:
        if state.held:
            state.pending = True
        else:
            raise Terminated(signum)


def command_done() -> None:
    """The command's work is complete (its output is whole): a SIGINT/SIGTERM from now on no longer
    cancels it (docker: a context cancelled after the last engine call changes nothing), though the
    third still forces the exit.

    Raises Terminated when a cancellation was lost (raised where Python drops exceptions, see
    _on_unraisable): the command is cancelled here, its last moment to be, as docker's would be."""
    state = _termination
    if state.armed and state.lost:
        state.lost = False
        raise Terminated(state.signum)
    state.armed = False
    state.pending = False


def settle_for_exit() -> None:
    """Just before the interpreter exits: SIGINT and SIGTERM are ignored from now on.

    Python's finalization resets every Python-level handler to SIG_DFL (_PySignal_Fini), so a signal
    arriving while it tears down would kill the process (-2, no message) instead of letting it exit
    with the status already decided; SIG_IGN is left in place by it."""
    _termination.lost = False  # the exit status is decided
    command_done()
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in TERMINATION:
        try:
            signal.signal(signum, signal.SIG_IGN)
        except (OSError, ValueError):
            pass


def termination_signal() -> int:
    """The SIGINT/SIGTERM that cancelled the command, 0 when none came."""
    return _termination.signum


# -- catching, off the main thread ----------------------------------------------------
class Subscription:
    """One `notify` registration: its signals, and the worker thread that runs the callback."""

    def __init__(self, signals: Iterable[int], callback: Callable[[int], None], name: str):
        self.signals = frozenset(int(s) for s in signals)
        self._callback = callback
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._active = False
        self._name = name
        self._thread: threading.Thread | None = None

    def stop(self, wait: float = 0) -> None:
        """Go's signal.Stop: the signals go back to what they did before (once all their
        subscribers stopped). A signal already taken is still handled; with `wait`, for up to that
        many seconds before returning."""
        if self._active:
            self._active = False
            _dispatcher.unsubscribe(self)
            self._queue.put(None)
            if wait and self._thread is not None and self._thread is not threading.current_thread():
                self._thread.join(wait)

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _start(self) -> None:
        self._active = True
        self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
        self._thread.start()

    def _deliver(self, signum: int) -> None:
        self._queue.put(signum)

    def _work(self) -> None:
        while True:
            signum = self._queue.get()
            if signum is None:
                return
            try:
                self._callback(signum)
            except Exception:  # a failed callback must not end the subscription
                pass


def notify(callback: Callable[[int], None], signals: Iterable[int], name: str = "pydock-signals") -> Subscription:
    """Go's signal.Notify: from now on `signals` are caught, and `callback(signum)` runs for each in
    the subscription's own thread, whichever thread the kernel interrupted.

    Must be called from the main thread (Python only sets handlers there); elsewhere the returned
    subscription is inactive and the signals keep their current handling.
    """
    subscription = Subscription(signals, callback, name)
    if threading.current_thread() is threading.main_thread() and subscription.signals:
        _dispatcher.subscribe(subscription)
        subscription._start()
    return subscription


class _Dispatcher:
    """The process's one wakeup fd, its reader thread, and the handlers it replaced.

    Installed while at least one subscription is active. The Python-level handler it sets does
    nothing but the main-thread half of die_by_signal: the work happens in the reader thread.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._subscriptions: list[Subscription] = []
        self._saved: dict[int, object] = {}
        self._writer = None  # the socket the C-level handler writes to
        self._old_wakeup = -1
        self._dying: set[int] = set()

    def subscribe(self, subscription: Subscription) -> None:
        with self._lock:
            if self._writer is None:
                self._open()
            self._subscriptions.append(subscription)
        for signum in subscription.signals:
            if signum not in self._saved:
                try:
                    self._saved[signum] = signal.signal(signum, self._caught)
                except (OSError, ValueError, RuntimeError):
                    continue

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)
            still = set().union(*(s.signals for s in self._subscriptions))
            last = not self._subscriptions
        for signum in [s for s in self._saved if s not in still]:
            handler = self._saved.pop(signum)
            try:
                signal.signal(signum, signal.SIG_DFL if handler is None else handler)
            except (OSError, ValueError, RuntimeError):
                pass
        if last:
            self._close()

    def request_death(self, signum: int) -> None:
        with self._lock:
            if signum in self._dying:
                return
            self._dying.add(signum)
        signal.pthread_kill(threading.main_thread().ident, signum)

    def _caught(self, signum, frame) -> None:
        if signum in self._dying:
            die_by_signal(signum)

    def _open(self) -> None:
        import socket

        reader, writer = socket.socketpair()
        writer.setblocking(False)
        self._old_wakeup = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._writer = writer
        threading.Thread(target=self._read, args=(reader,), name="pydock-signal-reader", daemon=True).start()

    def _close(self) -> None:
        with self._lock:
            writer, self._writer = self._writer, None
            if writer is None or self._subscriptions:
                return
            try:
                signal.set_wakeup_fd(self._old_wakeup)
            except ValueError:
                pass
        writer.close()  # the reader sees end of file

    def _read(self, reader) -> None:
        with reader:
            while True:
                try:
                    data = reader.recv(256)
                except InterruptedError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                for signum in data:
                    self._dispatch(signum)

    def _dispatch(self, signum: int) -> None:
        with self._lock:
            targets = [s for s in self._subscriptions if signum in s.signals]
        for subscription in targets:
            subscription._deliver(signum)


_dispatcher = _Dispatcher()


# -- docker's signal handling around an attached session -------------------------------
class SessionSignals:
    """The signals of `run`, `start -a`, `attach` and `exec` while they stream, as docker handles them.

    - kill: the signal proxy (docker's ForwardAllSignals): every forwardable signal is sent as
      `kill(name)`, e.g. `POST /containers/{id}/kill?signal=INT`. None: nothing is forwarded.
    - on_cancel(signum): what the first SIGINT/SIGTERM does besides (docker's notifyContext cancels the
      command's context): `start -a` and `exec` stop streaming and exit 0; None (run, attach)
      goes on until the container exits. It runs before the signal is forwarded, and stop()
      lets that forwarding finish: docker races the two, pydock always forwards.
    - the third SIGINT/SIGTERM ends the process at once: "got 3 SIGTERM/SIGINTs, forcefully
      exiting", exit 1 (docker's forceExitAfter3TerminationSignals).
    - signals not forwarded keep Go's runtime handling (install_runtime_defaults); SIGQUIT and its
      kind are acted on here too, since their Python handler would wait for the main thread.
    """

    FLUSH_SECONDS = 2.0

    def __init__(self, kill: Callable[[str], None] | None = None, on_cancel: Callable[[int], None] | None = None):
        self._kill = kill
        self._on_cancel = on_cancel
        self._terminations = 0
        self._forwarded: frozenset[int] = frozenset(forwarded_signals()) if kill is not None else frozenset()
        self._subscription: Subscription | None = None

    def start(self) -> "SessionSignals":
        caught = set(self._forwarded) | set(TERMINATION) | set(_go_thrown())
        self._subscription = notify(self._handle, caught, name="pydock-signal-proxy")
        return self

    def stop(self) -> None:
        """Stop catching; a signal being forwarded is sent first (up to FLUSH_SECONDS)."""
        if self._subscription is not None:
            self._subscription.stop(wait=self.FLUSH_SECONDS)
            self._subscription = None

    def __enter__(self) -> "SessionSignals":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _handle(self, signum: int) -> None:
        terminating = signum in TERMINATION
        if terminating:
            self._terminations += 1
            if self._terminations == 1 and self._on_cancel is not None:
                self._on_cancel(signum)  # stop streaming first: output the signal causes is not shown
        if signum in self._forwarded:
            name = signal_name(signum)
            if name:
                try:
                    self._kill(name)
                except Exception:  # docker only logs this at debug level
                    pass
        elif signum in _go_thrown():
            throw(signum)
        if terminating and self._terminations >= 3:
            exit_now(1, FORCE_EXIT_MESSAGE)


class Cancel:
    """A cancellation flag with callbacks (Go's context cancel plus context.AfterFunc); it keeps the
    signal that caused it (Go's context.Cause)."""

    def __init__(self):
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self.signum = 0

    def __call__(self, signum: int = 0) -> None:
        with self._lock:
            if not self._event.is_set():
                self.signum = signum
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            _quietly(callback)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def after(self, callback: Callable[[], None]) -> None:
        """Run callback when cancelled (at once if it already was)."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        _quietly(callback)


def _quietly(callback) -> None:
    try:
        callback()
    except Exception:
        pass
