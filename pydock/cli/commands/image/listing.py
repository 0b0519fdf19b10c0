"""images (image ls), history, image inspect: declarations and wiring (docker/cli's image/list.go,
history.go, inspect.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from .. import JSON_FORMAT_HELP
from ..container.common import filter_option
from ..container.listing import FORMAT_HELP, _as_top_level, run_inspect
from . import require_api

# `docker images ls` lists images named "ls": docker hints at the command that was meant
IMAGE_SUBCOMMANDS = ("build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm",
                     "save", "tag")
PLATFORM_HELP = 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")'


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS] [REPOSITORY[:TAG]]", nargs=("max", 1),
               help="List images")
@click.option("-a", "--all", "all_", is_flag=True, help="Show all images (default hides intermediate images)")
@click.option("--digests", is_flag=True, help="Show digests")
@filter_option("-f", "--filter")
@click.option("--format", "fmt", default="", metavar="string", help=FORMAT_HELP)
@click.option("--no-trunc", is_flag=True, help="Don't truncate output")
@click.option("-q", "--quiet", is_flag=True, help="Only show image IDs")
@click.option("--tree", is_flag=True, hidden=True, help="List multi-platform images as a tree (EXPERIMENTAL)")
@click.argument("name", nargs=-1)
@click.pass_context
def ls(ctx, all_, digests, filters, fmt, no_trunc, quiet, tree, name):
    from ....formatting.contexts import image
    from ....opts.filters import parse_filters

    env = ctx.obj
    require_api(ctx, env, {"tree": "1.47"})
    wanted = parse_filters(filters)
    match_name = name[0] if name else ""
    if match_name:
        wanted.setdefault("reference", {})[match_name] = True
    images = env.api.images.list(all=all_, filters=wanted)
    source = fmt or (env.config.get("imagesFormat") if not quiet else "") or "table"
    effective = image.image_format(source, quiet=quiet, digest=digests)
    rows = image.image_rows(images, trunc=not no_trunc, digest=digests, format_has_digest="{{.Digest}}" in effective)
    write_rows(env, rows, effective, image.HEADERS)
    if match_name and not images and ctx.info_name == "images" and match_name in IMAGE_SUBCOMMANDS:
        prog = ctx.find_root().info_name
        env.stderr.write(f'\nNo images found matching "{match_name}": did you mean "{prog} image {match_name}"?\n')
        env.stderr.flush()


images = _as_top_level(ls, "images")


def write_rows(env, rows, fmt: str, headers: dict) -> None:
    """formatter.Context.Write: a rich table on a terminal, docker's bytes in a pipe; a template that
    fails prints nothing and exits 1."""
    from ....formatting.writer import render_listing
    from ....golang.template import template_parsing_error

    try:
        render_listing(env.stdout, rows, fmt=fmt, headers=headers, default_format=fmt, is_tty=env.stdout_is_tty())
    except ValueError as exc:
        raise StatusError(template_parsing_error(exc), FAILURE) from None
    env.stdout.flush()


@click.command("history", cls=DockerCommand, usage="history [OPTIONS] IMAGE", nargs=("exact", 1),
               help="Show the history of an image")
@click.option("--format", "fmt", default="", metavar="string", help=FORMAT_HELP)
@click.option("-H", "--human", is_flag=True, default=True, help="Print sizes and dates in human readable format")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output")
@click.option("--platform", default="", metavar="string", hidden=True, help=PLATFORM_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Only show image IDs")
@click.argument("image", nargs=-1)
@click.pass_context
def history(ctx, fmt, human, no_trunc, platform, quiet, image):
    from ....formatting.contexts import history as hist

    env = ctx.obj
    require_api(ctx, env, {"platform": "1.48"})
    layers = env.api.images.history(image[0])
    effective = hist.history_format(fmt or "table", quiet=quiet, human=human)
    rows = [hist.HistoryContext(layer, trunc=not no_trunc, human=human) for layer in layers]
    write_rows(env, rows, effective, hist.HEADERS)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] IMAGE [IMAGE...]", nargs=("min", 1),
               help="Display detailed information on one or more images")
@click.option("-f", "--format", "fmt", default="", metavar="string", help=JSON_FORMAT_HELP)
@click.option("--platform", default="", metavar="string", hidden=True,
              help="Inspect a specific platform of the multi-platform image.\nIf the image or the server is not "
                   "multi-platform capable, the command will error out if the platform does not match.\n"
                   "'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")
@click.argument("images_", metavar="IMAGE", nargs=-1)
@click.pass_context
def inspect(ctx, fmt, platform, images_):
    env = ctx.obj
    require_api(ctx, env, {"platform": "1.49"})
    api = env.api.images
    run_inspect(env, images_, fmt, lambda name: (api.inspect_raw(name), "image"))
