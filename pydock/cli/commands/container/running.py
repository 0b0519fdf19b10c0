"""docker run's flow: create → signal proxy → attach → register the wait → start → resize → stream → exit code."""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

from ...errors import FAILURE, FLAG_ERROR, StatusError
from ...output import print_line


@dataclass
class RunOptions:
    detach: bool = False
    sig_proxy: bool = True
    detach_keys: str = ""
    name: str = ""
    pull: str = "missing"
    quiet: bool = False
    platform: str = ""
    auto_remove: bool = False
    attach_flags: tuple = ()
    trusted: bool = False  # content trust on (see cli/trust.py)


class ExitWaiter:
    """POST /containers/{id}/wait registered now; its StatusCode read in the background.

    With raise_errors (attach), a wait error ends the command with its message (exit 1);
    otherwise (run, start) it is reported and the status is 125, as docker does.
    """

    def __init__(self, api, container_id: str, condition: str | None, err, *, raise_errors: bool = False):
        self._stack = contextlib.ExitStack()
        self._response = self._stack.enter_context(api.wait_stream(container_id, condition))
        self._err = err
        self._raise = raise_errors
        self._status: int | None = None
        self._error = ""
        self._cancelled = False
        self.done = threading.Event()
        self._callbacks = []
        threading.Thread(target=self._read, name="pydock-wait", daemon=True).start()

    def on_done(self, callback) -> None:
        self._callbacks.append(callback)
        if self.done.is_set():
            callback()

    def _read(self) -> None:
        import json

        try:
            body = json.loads(self._response.read() or b"{}")
            self._error = (body.get("Error") or {}).get("Message") or ""
            self._status = int(body.get("StatusCode", 0))
            if self._error and not self._raise:
                self._report(f"Error waiting for container: {self._error}")
                self._status = FLAG_ERROR
        except Exception as exc:  # the connection broke or the answer was not JSON
            if not self._cancelled:
                self._error = str(exc)
                if not self._raise:
                    self._report(f"error waiting for container: {exc}")
            self._status = FLAG_ERROR
        finally:
            self.done.set()
            for callback in self._callbacks:
                callback()

    def _report(self, text: str) -> None:
        try:
            self._err.write(text + "\n")
            self._err.flush()
        except (OSError, ValueError):
            pass

    def status(self) -> int:
        self.done.wait()
        if self._raise and self._error:
            raise StatusError(self._error, FAILURE)
        return self._status if self._status is not None else FLAG_ERROR

    def close(self) -> None:
        """Release the wait. A pending one is left to its daemon thread: closing a response that
        another thread is reading could block, and the process is about to end anyway."""
        self._cancelled = True
        if self.done.is_set():
            self._stack.close()


def detach_keys_for(env, flag_value: str) -> str:
    return flag_value or env.config.get("detachKeys") or ""


def hijack(api, container: str, **kwargs):
    """api.attach, failing as docker's client does: any refused upgrade (e.g. 400 for bad detach
    keys) is reported by status only, without the engine's message."""
    from ....transport.errors import EngineError

    try:
        return api.attach(container, **kwargs)
    except EngineError as exc:
        raise StatusError(f"unable to upgrade to tcp, received {exc.status}", FAILURE) from None


def run_container(ctx, env, cfg, opts: RunOptions) -> int:
    """Everything after flag parsing; returns the exit status.

    With --rm, a container that was created but not started is removed on every way out
    (errors, signals, a closed stream): the engine only removes what it started.
    """
    from ....streams.progress import JSONMessageError
    from ....streams.signals import SessionSignals
    from ....transport.errors import DockerError
    from .creating import create_container, remove_quietly, to_status_error

    config = cfg.config
    if not opts.detach:
        if config["AttachStdin"] and config["Tty"] and not env.stdin_is_tty():
            raise StatusError("the input device is not a TTY", FAILURE)
    else:
        if opts.attach_flags:
            raise StatusError("conflicting options: cannot specify both --attach and --detach", FAILURE)
        config.update(AttachStdin=False, AttachStdout=False, AttachStderr=False, StdinOnce=False)
    try:
        container_id = create_container(env, cfg, name=opts.name, platform=opts.platform, pull=opts.pull,
                                        quiet=opts.quiet, trusted=opts.trusted)
    except (DockerError, ValueError, JSONMessageError) as exc:
        raise to_status_error(ctx, exc) from None
    api = env.api.containers
    kill = (lambda sig: api.kill(container_id, sig)) if opts.sig_proxy else None
    progress = _Progress()
    try:
        with SessionSignals(kill), output_errors(opts.sig_proxy):
            return _attach_and_start(ctx, env, cfg, opts, container_id, progress)
    except BaseException:
        if opts.auto_remove and not progress.started:
            remove_quietly(api, container_id)
        raise


class _Progress:
    started = False


@contextlib.contextmanager
def output_errors(signals_caught: bool):
    """A closed stdout: docker catches SIGPIPE while it proxies signals, so the write fails with an
    error message (exit 1); otherwise SIGPIPE ends it (the BrokenPipeError goes to the top)."""
    from ....streams.pump import OutputClosed

    try:
        yield
    except OutputClosed as exc:
        if not signals_caught:
            raise
        raise StatusError(str(exc), FAILURE) from None


def _attach_and_start(ctx, env, cfg, opts: RunOptions, container_id: str, progress: _Progress) -> int:
    from ....streams.pump import DETACHED, stream_io
    from ....streams.tty import SizeMonitor, detach_key_bytes
    from ....transport.errors import DockerError
    from .creating import to_status_error

    config = cfg.config
    api = env.api.containers
    attached = config["AttachStdin"] or config["AttachStdout"] or config["AttachStderr"]
    keys = detach_keys_for(env, opts.detach_keys)
    conn = None
    if attached:
        conn = hijack(api, container_id, stdin=config["AttachStdin"], stdout=config["AttachStdout"],
                          stderr=config["AttachStderr"], detach_keys=keys or None)
    waiter = None
    monitor = None
    try:
        waiter = ExitWaiter(api, container_id, "removed" if opts.auto_remove else "next-exit", env.stderr)
        if not attached:
            _print_id(env.stdout, container_id, sigpipe_caught=opts.sig_proxy)
        try:
            api.start(container_id)
        except DockerError as exc:
            if conn is not None:
                conn.shutdown()
            if opts.auto_remove:
                waiter.status()
            raise to_status_error(ctx, exc) from None
        progress.started = True
        if not attached:
            return 0
        if config["Tty"] and env.stdout_is_tty():
            monitor = SizeMonitor(lambda h, w: api.resize(container_id, h, w), env.stdout.fileno(),
                                  env.stderr).start()
        if not config["AttachStdout"] and not config["AttachStderr"]:
            waiter.on_done(conn.shutdown)
        result = stream_io(conn, tty=config["Tty"], stdin=env.stdin if config["AttachStdin"] else None,
                           stdout=env.stdout if config["AttachStdout"] else None,
                           stderr=env.stderr if config["AttachStderr"] else None,
                           detach_keys=detach_key_bytes(keys))
        if result == DETACHED:
            return 0
        return waiter.status()
    finally:
        end_session(monitor=monitor, conn=conn, waiter=waiter)


def _print_id(stdout, container_id: str, *, sigpipe_caught: bool) -> None:
    """run -d prints the ID. A closed stdout: while docker proxies signals it catches SIGPIPE and
    ignores the failed write (the container starts); otherwise SIGPIPE ends it before the start."""
    try:
        print_line(stdout, container_id)
    except BrokenPipeError:
        if not sigpipe_caught:
            raise


def end_session(*, monitor=None, proxy=None, conn=None, waiter=None) -> None:
    """Undo an attached session: stop resizing and forwarding signals, close the stream, drop the wait."""
    for item in (monitor, proxy):
        if item is not None:
            item.stop()
    if conn is not None:
        conn.close()
    if waiter is not None:
        waiter.close()
