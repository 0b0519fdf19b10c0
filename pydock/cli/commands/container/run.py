"""`run` and `create`: declarations, then docker's create → attach → wait → start flow."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, option
from ...output import print_line
from ...trust import content_trust_enabled
from .flagset import container_flags, create_flags


@click.command("create", cls=DockerCommand, usage="create [OPTIONS] IMAGE [COMMAND] [ARG...]", nargs=("min", 1),
               interspersed=False)
@create_flags("creating")
@container_flags
@argument("image", nargs=1, complete="image")
@argument("args")
@click.pass_context
def create(ctx, image, args, name, pull, quiet, platform, disable_content_trust, **values):
    from ....streams.progress import JSONMessageError
    from .creating import create_container, parse_config

    env = ctx.obj
    cfg = parse_config(ctx, env, "create", image, args, values, pull)
    try:
        container_id = create_container(env, cfg, name=name, platform=platform, pull=pull, quiet=quiet,
                                        trusted=content_trust_enabled(env, disable_content_trust))
    except (ValueError, JSONMessageError) as exc:  # a bad reference, platform or cidfile; a failed pull
        raise StatusError(str(exc), FAILURE) from None
    print_line(env.stdout, container_id)


# for the manual page (cli/manpages.py); --help shows neither
RUN_DESCRIPTION = (
    "Creates a container from IMAGE, starts it and, unless -d is given, stays attached to it: the "
    "container's output arrives on stdout and stderr as it is written, stdin is passed on with -i, and -t "
    "gives it a pseudo-terminal. The image is pulled first when it is not there (--pull changes when). "
    "COMMAND and ARGs replace the image's default command.\n\n"
    "pydock exits with the container's exit status. Its own failures exit 125 (a bad flag, an engine "
    "error), 126 when the command cannot be run, 127 when it is not found. Signals it receives are passed "
    "on to the container (--sig-proxy); with --rm the container and its anonymous volumes are removed "
    "when it exits. Detached (-d), it prints the new container's ID and returns at once.")
RUN_EXAMPLES = [  # (what it does, command line)
    ("Run a command in a throwaway container", "pydock run --rm alpine echo hello"),
    ("Open an interactive shell", "pydock run --rm -it alpine sh"),
    ("Start a named web server in the background, port 8080 of the host to port 80",
     "pydock run -d --name web -p 8080:80 alpine httpd -f -p 80"),
    ("Pass environment variables and a bind mount", "pydock run --rm -e MODE=test -v \"$PWD\":/src -w /src alpine ls"),
    ("Restart the container whenever it stops, unless stopped by hand",
     "pydock run -d --restart unless-stopped --name worker alpine sleep 3600"),
]


@click.command("run", cls=DockerCommand, usage="run [OPTIONS] IMAGE [COMMAND] [ARG...]", nargs=("min", 1),
               interspersed=False, description=RUN_DESCRIPTION, examples=RUN_EXAMPLES)
@option("-d", "--detach", kind="bool", help="Run container in background and print container ID")
@option("--sig-proxy", kind="bool", default=True, help="Proxy received signals to the process (default true)")
@option("--detach-keys", help="Override the key sequence for detaching a container", default="")
@create_flags("running")
@container_flags
@argument("image", nargs=1, complete="image")
@argument("args")
@click.pass_context
def run(ctx, image, args, detach, sig_proxy, detach_keys, name, pull, quiet, platform, disable_content_trust,
        **values):
    from .creating import parse_config
    from .running import RunOptions, run_container

    env = ctx.obj
    cfg = parse_config(ctx, env, "run", image, args, values, pull)
    opts = RunOptions(detach=detach, sig_proxy=sig_proxy, detach_keys=detach_keys, name=name, pull=pull,
                      quiet=quiet, platform=platform, auto_remove=values.get("rm", False),
                      attach_flags=tuple(values.get("attach") or ()),
                      trusted=content_trust_enabled(env, disable_content_trust))
    status = run_container(ctx, env, cfg, opts)
    if status:
        raise StatusError("", status)
