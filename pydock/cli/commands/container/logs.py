"""`logs` and `wait`."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...batch import run_on_each
from ...errors import FAILURE, StatusError
from ...flags import argument, option

# for the manual page (cli/manpages.py); --help shows neither
LOGS_DESCRIPTION = (
    "Prints what a container has written so far: its stdout to pydock's stdout and its stderr to pydock's "
    "stderr (a container with a terminal has one stream, printed on stdout). This works for stopped "
    "containers too.\n\n"
    "-f keeps following the output until the container stops or Ctrl-C. --since and --until take a "
    "timestamp (2013-01-02T13:23:37Z) or a duration before now (42m), -n shows only the last lines, -t "
    "prefixes each line with its time.")
LOGS_EXAMPLES = [  # (what it does, command line)
    ("Everything a container has logged", "pydock logs web"),
    ("Follow the output, starting from the last 20 lines", "pydock logs -f -n 20 web"),
    ("The last ten minutes, with timestamps", "pydock logs -t --since 10m web"),
    ("Only the container's stderr", "pydock logs web 2>&1 >/dev/null"),
]


@click.command("logs", cls=DockerCommand, usage="logs [OPTIONS] CONTAINER", nargs=("exact", 1),
               description=LOGS_DESCRIPTION, examples=LOGS_EXAMPLES)
@option("-f", "--follow", kind="bool", help="Follow log output")
@option("--since", default="", help='Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative '
        '(e.g. "42m" for 42 minutes)')
@option("--until", default="", api_version="1.35", help='Show logs before a timestamp (e.g. '
        '"2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)')
@option("-t", "--timestamps", kind="bool", help="Show timestamps")
@option("--details", kind="bool", help="Show extra details provided to logs")
@option("-n", "--tail", default="all", help="Number of lines to show from the end of the logs")
@argument("container", nargs=1, complete="container")
@click.pass_obj
def logs(env, follow, since, until, timestamps, details, tail, container):
    from ....streams.frames import STDERR, FrameDecoder
    from ....streams.pump import fd_writer, named_writer

    info = env.api.containers.inspect(container)
    since_ts, until_ts = _api_timestamp("since", since), _api_timestamp("until", until)
    write_out = named_writer(fd_writer(env.stdout), "stdout", env.stdout)
    write_err = named_writer(fd_writer(env.stderr), "stderr", env.stderr)
    tty = bool((info.get("Config") or {}).get("Tty"))
    with env.api.containers.logs(info["Id"], follow=follow or None, since=since_ts, until=until_ts,
                                 timestamps=timestamps or None, tail=tail, details=details or None) as response:
        decoder = None if tty else FrameDecoder()
        for chunk in response.iter_raw():
            if decoder is None:
                write_out(chunk)
                continue
            for stream, payload in decoder.feed(chunk):
                (write_err if stream == STDERR else write_out)(payload)


def _api_timestamp(flag: str, value: str) -> str | None:
    from ....opts import OptError
    from ....opts.timestamps import get_timestamp

    try:
        return get_timestamp(value) if value else None
    except OptError as exc:
        raise StatusError(f'invalid value for "{flag}": {exc}', FAILURE) from None


@click.command("wait", cls=DockerCommand, usage="wait CONTAINER [CONTAINER...]", nargs=("min", 1))
@argument("containers", complete="container")
@click.pass_obj
def wait(env, containers):
    """Waits run concurrently; codes are printed in argument order, failures after them."""
    api = env.api.containers
    run_on_each(env, containers, lambda name: api.wait(name).get("StatusCode", 0),
                shown=lambda name, code: str(code))
