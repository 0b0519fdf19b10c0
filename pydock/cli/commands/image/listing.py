"""images (image ls), history, image inspect: declarations and wiring (docker/cli's image/list.go,
history.go, inspect.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...flags import JSON_FORMAT_HELP, argument, filter_option, format_option, no_trunc_option, option, quiet_option

# `docker images ls` lists images named "ls": docker hints at the command that was meant
IMAGE_SUBCOMMANDS = ("build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm",
                     "save", "tag")
# the filter keys of image ls (moby's acceptedImageFilterTags) and what their values are
IMAGES_FILTERS = {"before": "image", "dangling": ("true", "false"), "label": None, "reference": "image",
                  "since": "image", "until": None}


# for the manual page (cli/manpages.py); --help shows neither
IMAGES_DESCRIPTION = (
    "Lists the images the engine holds, one row per repository and tag: repository, tag, image ID, "
    "creation time and size. Intermediate images left by builds are hidden unless -a is given; untagged "
    "(dangling) images show as <none>. A REPOSITORY[:TAG] argument, which may contain wildcards, keeps "
    "only the matching images.\n\n"
    "--filter narrows the list (dangling=true, reference=PATTERN, label=…, before= and since= an image), "
    "--digests adds the content digests, -q prints only IDs and --format takes a Go template or \"json\". "
    "config.json's imagesFormat applies when --format is not given.")
IMAGES_EXAMPLES = [  # (what it does, command line)
    ("Every image", "pydock images"),
    ("The images of one repository, with digests", "pydock images --digests alpine"),
    ("Dangling images only, by ID", "pydock images -q --filter dangling=true"),
    ("Images whose name matches a pattern", "pydock images --filter reference='app*'"),
    ("Repository and size only", "pydock images --format '{{.Repository}}:{{.Tag}} {{.Size}}'"),
]


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS] [REPOSITORY[:TAG]]", nargs=("max", 1),
               description=IMAGES_DESCRIPTION, examples=IMAGES_EXAMPLES)
@option("-a", "--all", "all_", kind="bool", help="Show all images (default hides intermediate images)")
@option("--digests", kind="bool", help="Show digests")
@filter_option("-f", "--filter", complete=IMAGES_FILTERS)
@format_option()
@no_trunc_option("Don't truncate output")
@quiet_option("Only show image IDs")
@option("--tree", kind="bool", hidden=True, api_version="1.47",
        help="List multi-platform images as a tree (EXPERIMENTAL)")
@argument("name", complete=["image"])
@click.pass_context
def ls(ctx, all_, digests, filters, fmt, no_trunc, quiet, tree, name):
    from ....formatting.contexts import image
    from ....opts.filters import parse_filters
    from ...listing import Listing

    env = ctx.obj
    wanted = parse_filters(filters)
    match_name = name[0] if name else ""
    if match_name:
        wanted.setdefault("reference", {})[match_name] = True
    images = env.api.images.list(all=all_, filters=wanted)
    source = fmt or (env.config.get("imagesFormat") or "" if not quiet else "")
    listing = Listing(env, image.spec(digests), image.with_digest_column(source, digests), quiet=quiet)
    listing.write(image.image_rows(images, trunc=not no_trunc, digest=digests,
                                   format_has_digest="{{.Digest}}" in listing.format()))
    if match_name and not images and ctx.info_name == "images" and match_name in IMAGE_SUBCOMMANDS:
        prog = ctx.find_root().info_name
        env.stderr.write(f'\nNo images found matching "{match_name}": did you mean "{prog} image {match_name}"?\n')
        env.stderr.flush()


@click.command("history", cls=DockerCommand, usage="history [OPTIONS] IMAGE", nargs=("exact", 1))
@format_option()
@option("-H", "--human", kind="bool", default=True,
        help="Print sizes and dates in human readable format (default true)")
@no_trunc_option("Don't truncate output")
@option("--platform", hidden=True, api_version="1.48", complete="platform",
        help='Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")')
@quiet_option("Only show image IDs")
@argument("image", complete=["image"])
@click.pass_obj
def history(env, fmt, human, no_trunc, platform, quiet, image):
    from ....formatting.contexts import history as hist
    from ...listing import Listing

    listing = Listing(env, hist.spec(human), fmt, quiet=quiet)
    layers = env.api.images.history(image[0])
    listing.write(hist.HistoryContext(layer, trunc=not no_trunc, human=human) for layer in layers)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] IMAGE [IMAGE...]", nargs=("min", 1))
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
@option("--platform", hidden=True, api_version="1.49", complete="platform",
        help="Inspect a specific platform of the multi-platform image.\nIf the image or the server is not "
             "multi-platform capable, the command will error out if the platform does not match.\n"
             "'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")
@argument("images", complete="image")
@click.pass_obj
def inspect(env, fmt, platform, images):
    from ...inspect import run_inspect

    api = env.api.images
    run_inspect(env, images, fmt, lambda name: (api.inspect_raw(name), "image"))
