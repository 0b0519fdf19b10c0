"""`exec`: run a command in a running container, attached like `run`.

exec has no kill endpoint, so nothing is forwarded: the first SIGINT/SIGTERM ends an attached exec
at once with 0 (docker's cancelled context), the command goes on in the container.
"""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, option

# for the manual page (cli/manpages.py); --help shows neither
EXEC_DESCRIPTION = (
    "Runs COMMAND inside a container that is already running, as the container's user unless -u says "
    "otherwise, in its working directory unless -w does. The output is streamed back as with run; -i "
    "passes stdin on and -t allocates a pseudo-terminal, so -it gives an interactive shell. pydock exits "
    "with the command's own exit status.\n\n"
    "-d leaves the command running in the background and returns at once. Ctrl-C ends pydock, not the "
    "command: the command goes on in the container. Stopping a container ends every command executed in "
    "it.")
EXEC_EXAMPLES = [  # (what it does, command line)
    ("Open a shell in a running container", "pydock exec -it web sh"),
    ("Run one command and read its output", "pydock exec web cat /etc/hostname"),
    ("As another user, in another directory, with a variable set", "pydock exec -u nobody -w /tmp -e DEBUG=1 web env"),
    ("Start a background job in the container", "pydock exec -d web sh -c 'sleep 60 > /dev/null'"),
]


@click.command("exec", cls=DockerCommand, usage="exec [OPTIONS] CONTAINER COMMAND [ARG...]", nargs=("min", 2),
               interspersed=False, description=EXEC_DESCRIPTION, examples=EXEC_EXAMPLES)
@option("--detach-keys", default="", help="Override the key sequence for detaching a container")
@option("-i", "--interactive", kind="bool", help="Keep STDIN open even if not attached")
@option("-t", "--tty", kind="bool", help="Allocate a pseudo-TTY")
@option("-d", "--detach", kind="bool", help="Detached mode: run command in the background")
@option("-u", "--user", default="", help='Username or UID (format: "<name|uid>[:<group|gid>]")')
@option("--privileged", kind="bool", help="Give extended privileges to the command")
@option("-e", "--env", "env_", kind="env", help="Set environment variables", api_version="1.25", complete="env")
@option("--env-file", kind="list", help="Read in a file of environment variables", api_version="1.25",
        complete="file")
@option("-w", "--workdir", default="", help="Working directory inside the container", api_version="1.35")
@argument("container", nargs=1, complete="container:running")
@argument("command")
@click.pass_obj
def exec_(env, detach_keys, interactive, tty, detach, user, privileged, env_, env_file, workdir, container,
          command):
    from ....streams.signals import Cancel, SessionSignals

    body = exec_config(env, detach_keys=detach_keys, interactive=interactive, tty=tty, detach=detach, user=user,
                       privileged=privileged, env_values=env_, env_files=env_file, workdir=workdir,
                       command=command)
    cancel = Cancel()
    with SessionSignals(on_cancel=cancel):
        status = _run_exec(env, container, body, cancel)
    if status:
        raise StatusError("", status)


def _run_exec(env, container: str, body: dict, cancel) -> int:
    """docker's RunExec; a cancel (SIGINT/SIGTERM) ends it with 0 once the engine call in flight returns."""
    from ....streams.tty import stream_size

    api = env.api
    tty, detach = body["Tty"], body["Detach"]
    api.containers.inspect(container)  # a missing container is reported before anything else
    if not detach and body["AttachStdin"] and tty and not env.stdin_is_tty():
        raise StatusError("the input device is not a TTY", FAILURE)
    size = list(stream_size(env.stdout)) if tty else None
    if size is not None and api.system.version_at_least("1.42"):
        body["ConsoleSize"] = size
    exec_id = api.exec.create(container, body).get("Id", "")
    if cancel.cancelled:
        return 0
    if not exec_id:
        raise StatusError("exec ID empty", FAILURE)
    if detach:
        api.exec.start_detached(exec_id, tty=tty, console_size=size)
        return 0
    return _interactive(env, exec_id, body, size, cancel)


def exec_config(env, *, detach_keys, interactive, tty, detach, user, privileged, env_values, env_files, workdir,
                command) -> dict:
    """docker's parseExec: the POST /containers/{id}/exec body."""
    from ....opts import OptError
    from ....opts.env import read_kv_env_strings

    try:
        variables = read_kv_env_strings(env_files, env_values) or None
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None
    attached = not detach
    return {"User": user, "Privileged": privileged, "Tty": tty, "AttachStdin": attached and interactive,
            "AttachStderr": attached, "AttachStdout": attached, "Detach": detach,
            "DetachKeys": detach_keys or env.config.get("detachKeys") or "", "Env": variables,
            "WorkingDir": workdir, "Cmd": list(command)}


def _interactive(env, exec_id: str, body: dict, size, cancel) -> int:
    from ....streams.pump import DETACHED, stream_io
    from ....streams.tty import SizeMonitor, detach_key_bytes

    api = env.api
    tty = body["Tty"]
    conn = api.exec.start_attached(exec_id, tty=tty, console_size=size)
    cancel.after(conn.shutdown)
    monitor = None
    try:
        if tty and env.stdin_is_tty():
            monitor = SizeMonitor(lambda h, w: api.exec.resize(exec_id, h, w), env.stdout.fileno(),
                                  env.stderr).start()
        result = stream_io(conn, tty=tty, stdin=env.stdin if body["AttachStdin"] else None, stdout=env.stdout,
                           stderr=env.stderr, detach_keys=detach_key_bytes(body["DetachKeys"]))
    except OSError:
        if cancel.cancelled:  # the stream was cut under a read or write
            return 0
        raise
    finally:
        if monitor is not None:
            monitor.stop()
        conn.close()
    if cancel.cancelled:
        return 0
    if result == DETACHED:
        raise StatusError("read escape sequence", FAILURE)
    return int(api.exec.inspect(exec_id).get("ExitCode") or 0)
