"""`attach` and `start` (with -a/-i it attaches first, as docker does)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...batch import each_object
from ...errors import FAILURE, StatusError
from ...flags import argument, option
from ...output import print_line

ESCAPE_MESSAGE = "read escape sequence"


def _check_state(info: dict) -> None:
    state = info.get("State") or {}
    if not state.get("Running"):
        raise StatusError("You cannot attach to a stopped container, start it first", FAILURE)
    if state.get("Paused"):
        raise StatusError("You cannot attach to a paused container, unpause it first", FAILURE)
    if state.get("Restarting"):
        raise StatusError("You cannot attach to a restarting container, wait until it is running", FAILURE)


@click.command("attach", cls=DockerCommand, usage="attach [OPTIONS] CONTAINER", nargs=("exact", 1))
@option("--no-stdin", kind="bool", help="Do not attach STDIN")
@option("--sig-proxy", kind="bool", default=True, help="Proxy all received signals to the process (default true)")
@option("--detach-keys", default="", help="Override the key sequence for detaching a container")
@argument("container", nargs=1, complete="container:running")
@click.pass_obj
def attach(env, no_stdin, sig_proxy, detach_keys, container):
    from ....streams.pump import DETACHED, stream_io
    from ....streams.signals import SessionSignals
    from ....streams.tty import SizeMonitor, detach_key_bytes
    from .running import ExitWaiter, detach_keys_for, end_session, hijack, output_errors

    api = env.api.containers
    waiter = ExitWaiter(api, container, None, env.stderr, raise_errors=True)
    signals = monitor = conn = None
    try:
        info = api.inspect(container)
        _check_state(info)
        tty = bool(info["Config"].get("Tty"))
        if not no_stdin and tty and not env.stdin_is_tty():
            raise StatusError("the input device is not a TTY", FAILURE)
        keys = detach_keys_for(env, detach_keys)
        with_stdin = not no_stdin and bool(info["Config"].get("OpenStdin"))
        proxy = sig_proxy and not tty
        # SIGINT/SIGTERM do not end attach: docker stops copying input but keeps the output and
        # waits for the container's exit status.
        signals = SessionSignals((lambda sig: api.kill(container, sig)) if proxy else None).start()
        conn = hijack(api, container, stdin=with_stdin, stdout=True, stderr=True, detach_keys=keys or None)
        _check_state(api.inspect(container))
        if tty and env.stdout_is_tty():
            monitor = SizeMonitor(lambda h, w: api.resize(container, h, w), env.stdout.fileno(), env.stderr)
            monitor.nudge()
            monitor.start()
        with output_errors(proxy):
            result = stream_io(conn, tty=tty, stdin=env.stdin if with_stdin else None, stdout=env.stdout,
                               stderr=env.stderr, detach_keys=detach_key_bytes(keys))
        if result == DETACHED:
            raise StatusError(ESCAPE_MESSAGE, FAILURE)
        status = waiter.status()
        if status:
            raise StatusError("", status)
    finally:
        end_session(monitor=monitor, proxy=signals, conn=conn, waiter=waiter)


# for the manual page (cli/manpages.py); --help shows neither
START_DESCRIPTION = (
    "Starts each stopped (or created) container again, with the same configuration and writable layer it "
    "had. The containers start concurrently, their names are printed in the order given, and when one "
    "fails the others are still started (pydock then exits 1).\n\n"
    "With -a, pydock starts a single container attached to its output, as run does without -d (signals "
    "are forwarded to a container without a terminal); -i also passes stdin on. It then exits with the "
    "container's status.")
START_EXAMPLES = [  # (what it does, command line)
    ("Start a stopped container", "pydock start web"),
    ("Start it and follow its output until it exits", "pydock start -a job"),
    ("Start it interactively, stdin and terminal attached", "pydock start -ai shell"),
    ("Start every container that has exited", "pydock start $(pydock ps -q --filter status=exited)"),
]


@click.command("start", cls=DockerCommand, usage="start [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1),
               description=START_DESCRIPTION, examples=START_EXAMPLES)
@option("-a", "--attach", "attach_", kind="bool", help="Attach STDOUT/STDERR and forward signals")
@option("-i", "--interactive", kind="bool", help="Attach container's STDIN")
@option("--detach-keys", default="", help="Override the key sequence for detaching a container")
@option("--checkpoint", default="", hidden=True, experimental=True, help="Restore from this checkpoint")
@option("--checkpoint-dir", default="", hidden=True, experimental=True, complete="dir",
        help="Use a custom checkpoint storage directory")
@argument("containers", complete="container:stopped")
@click.pass_obj
def start(env, attach_, interactive, detach_keys, checkpoint, checkpoint_dir, containers):
    if attach_ or interactive:
        if len(containers) > 1:
            raise StatusError("you cannot start and attach multiple containers at once", FAILURE)
        status = _start_attached(env, containers[0], interactive, detach_keys)
        if status:
            raise StatusError("", status)
        return
    _start_many(env, list(containers))


def _start_many(env, names: list[str]) -> None:
    """Start concurrently; names that started on stdout, errors on stderr, both in argument order."""
    api = env.api.containers
    failed = []
    for name, _, error in each_object(names, api.start):
        if error is None:
            print_line(env.stdout, name)
        else:
            print_line(env.stderr, str(error))
            failed.append(name)
    if failed:
        raise StatusError(f"Error: failed to start containers: {', '.join(failed)}", FAILURE)


def _start_attached(env, container: str, interactive: bool, detach_keys: str) -> int:
    """docker start -a: attach, register the wait, start. The first SIGINT/SIGTERM (forwarded when the
    container has no TTY) ends the command at once, as docker's cancelled context does: with 0, or
    with 128+signal when it came before the start request returned."""
    from ....streams.pump import DETACHED, stream_io
    from ....streams.signals import Cancel, SessionSignals
    from ....streams.tty import SizeMonitor, detach_key_bytes
    from ....transport.errors import DockerError
    from .running import ExitWaiter, detach_keys_for, end_session, hijack, output_errors

    api = env.api.containers
    info = api.inspect(container)
    cid, tty = info["Id"], bool(info["Config"].get("Tty"))
    auto_remove = bool((info.get("HostConfig") or {}).get("AutoRemove"))
    keys = detach_keys_for(env, detach_keys)
    with_stdin = interactive and bool(info["Config"].get("OpenStdin"))
    cancel = Cancel()
    signals = conn = waiter = monitor = None
    try:
        signals = SessionSignals((lambda sig: api.kill(cid, sig)) if not tty else None, on_cancel=cancel).start()
        conn = hijack(api, cid, stdin=with_stdin, stdout=True, stderr=True, detach_keys=keys or None)
        cancel.after(conn.shutdown)
        if cancel.cancelled:  # docker's attach request fails on the cancelled context: nothing starts
            return 0
        waiter = ExitWaiter(api, cid, "removed" if auto_remove else "next-exit", env.stderr)
        try:
            api.start(cid)
        except DockerError:
            conn.shutdown()
            if auto_remove:
                waiter.status()
            raise
        if cancel.cancelled:  # during the start request: docker's fails with the signal as its cause
            return 128 + cancel.signum
        if tty and env.stdout_is_tty():
            monitor = SizeMonitor(lambda h, w: api.resize(cid, h, w), env.stdout.fileno(), env.stderr).start()
        with output_errors(not tty):
            result = stream_io(conn, tty=tty, stdin=env.stdin if with_stdin else None, stdout=env.stdout,
                               stderr=env.stderr, detach_keys=detach_key_bytes(keys))
        if result == DETACHED or cancel.cancelled:
            return 0
        return waiter.status()
    except OSError:
        if cancel.cancelled:  # the stream was cut under a read or write
            return 0
        raise
    finally:
        end_session(monitor=monitor, proxy=signals, conn=conn, waiter=waiter)
