"""tag, rmi (image rm), image prune: declarations and wiring (docker/cli's image/tag.go, remove.go, prune.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...batch import confirm, prune_filters
from ...errors import FAILURE, StatusError
from ...flags import argument, filter_option, option
from ...output import print_line, write_flushed


@click.command("tag", cls=DockerCommand, usage="tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", nargs=("exact", 2),
               interspersed=False)
@argument("names", complete="image")
@click.pass_obj
def tag(env, names):
    from ....opts.reference import tag_target

    source, target = names
    try:
        repo, tag_name = tag_target(source, target)
    except ValueError as exc:
        raise StatusError(str(exc), FAILURE) from None
    env.api.images.tag(source, repo, tag_name)


@click.command("rm", cls=DockerCommand, usage="rm [OPTIONS] IMAGE [IMAGE...]", nargs=("min", 1))
@option("-f", "--force", kind="bool", help="Force removal of the image")
@option("--no-prune", kind="bool", help="Do not delete untagged parents")
@option("--platform", kind="list", hidden=True, api_version="1.50", complete="platform",
        help='Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")')
@argument("images", complete="image")
@click.pass_obj
def rm(env, force, no_prune, platform, images):
    """docker removes the images one after the other; not-found errors alone do not fail `-f`."""
    from ....transport.errors import DockerError, NotFound

    errors, fatal = [], False
    for name in images:
        try:
            deleted = env.api.images.remove(name, force=force, noprune=no_prune)
        except DockerError as exc:
            fatal = fatal or not isinstance(exc, NotFound)
            errors.append(str(exc))
            continue
        lines = [f"Deleted: {d['Deleted']}" if d.get("Deleted") else f"Untagged: {d.get('Untagged', '')}"
                 for d in deleted or []]
        if lines:
            write_flushed(env.stdout, "".join(line + "\n" for line in lines))
    if errors:
        if not force or fatal:
            raise StatusError("\n".join(errors), FAILURE)
        print_line(env.stderr, "\n".join(errors))


ALL_WARNING = ("WARNING! This will remove all images without at least one container associated to them.\n"
               "Are you sure you want to continue?")
DANGLING_WARNING = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?"


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",))
@option("-a", "--all", "all_", kind="bool", help="Remove all unused images, not just dangling ones")
@filter_option(help='Provide filter values (e.g. "until=<timestamp>")', complete={"until": None, "label": None})
@option("-f", "--force", kind="bool", help="Do not prompt for confirmation")
@argument("args")
@click.pass_obj
def prune(env, all_, filters, force, args):
    from ....formatting.units import human_size_with_precision

    wanted = prune_filters(env, (*filters, f"dangling={'false' if all_ else 'true'}"))
    if not force and not confirm(env, ALL_WARNING if all_ else DANGLING_WARNING):
        return
    report = env.api.images.prune(wanted)
    deleted = report.get("ImagesDeleted") or []
    reclaimed = report.get("SpaceReclaimed", 0) if deleted else 0
    if deleted:
        lines = [f"untagged: {d['Untagged']}" if d.get("Untagged") else f"deleted: {d.get('Deleted', '')}"
                 for d in deleted]
        env.stdout.write("Deleted Images:\n" + "".join(line + "\n" for line in lines) + "\n")
    print_line(env.stdout, f"Total reclaimed space: {human_size_with_precision(float(reclaimed), 4)}")
