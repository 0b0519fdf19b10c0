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


@click.command("run", cls=DockerCommand, usage="run [OPTIONS] IMAGE [COMMAND] [ARG...]", nargs=("min", 1),
               interspersed=False)
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
