"""`help [command]`: cobra's help command, as docker sets it up (cli/cobra.go, cmd/docker/docker.go)."""
from __future__ import annotations

import click

from ..base import DockerCommand, find_command
from ..errors import FAILURE, StatusError
from ..flags import argument
from ..output import print_help


@click.command("help", cls=DockerCommand, usage="help [command]")
@argument("topic")
@click.pass_context
def help_(ctx, topic):
    """The help of the command the words name (cobra's Find), on stdout; words left over are an unknown topic."""
    command_ctx, rest = find_command(ctx.find_root(), list(topic))
    if rest:
        raise StatusError("unknown help topic: " + " ".join(rest), FAILURE)
    print_help(command_ctx.command.get_help(command_ctx), ctx.obj.stdout)
