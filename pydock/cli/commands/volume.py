"""`volume` commands (docker/cli cli/command/volume): declarations and a few lines each."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..output import print_line, write_flushed
from . import JSON_FORMAT_HELP
from .container.common import GoValue, filter_option, opts_parser
from .container.listing import FORMAT_HELP, run_inspect
from .shared import label_option, map_option

# cluster-volume flags (swarm managers, API 1.42+), hidden and refused on older engines as docker does
CLUSTER_FLAGS = {"--availability": "1.42", "--group": "1.42", "--limit-bytes": "1.42", "--required-bytes": "1.42",
                 "--scope": "1.42", "--secret": "1.42", "--sharing": "1.42", "--topology-preferred": "1.42",
                 "--topology-required": "1.42", "--type": "1.42"}


def _cluster_flags(func):
    for decl, metavar, default in (("--availability", "string", "active"), ("--group", "string", ""),
                                   ("--scope", "string", "single"), ("--sharing", "string", "none"),
                                   ("--type", "string", "block")):
        func = click.option(decl, f"cluster_{decl[2:]}", default=default, metavar=metavar, hidden=True)(func)
    for decl in ("--limit-bytes", "--required-bytes"):
        func = click.option(decl, f"cluster_{decl[2:].replace('-', '_')}", hidden=True, metavar="bytes",
                            type=GoValue(opts_parser("sizes", "ram_in_bytes"), "bytes"))(func)
    for decl in ("--secret", "--topology-preferred", "--topology-required"):
        func = click.option(decl, f"cluster_{decl[2:].replace('-', '_')}", multiple=True, hidden=True)(func)
    return func


def _given(ctx) -> set[str]:
    """The long names of the flags set on the command line (pflag's Changed)."""
    from click.core import ParameterSource

    return {opt for p in ctx.command.params if ctx.get_parameter_source(p.name) == ParameterSource.COMMANDLINE
            for opt in p.opts if opt.startswith("--")}


@click.command("create", cls=DockerCommand, usage="create [OPTIONS] [VOLUME]", nargs=("max", 1),
               help="Create a volume")
@click.option("-d", "--driver", default="local", metavar="string", help="Specify volume driver name")
@label_option("Set metadata for a volume")
@click.option("--name", default="", metavar="string", hidden=True, help="Specify volume name")
@map_option("-o", "--opt", "driver_opts", help="Set driver specific options")
@_cluster_flags
@click.argument("args", nargs=-1)
@click.pass_context
def create(ctx, driver, labels, name, driver_opts, args, **cluster):
    from ...opts.volume import create_request
    from .shared import version_gate

    env = ctx.obj
    version_gate(env, CLUSTER_FLAGS, _given(ctx))
    if args:
        if name:
            raise StatusError("conflicting options: cannot specify a volume-name through both --name and as a "
                              "positional arg", FAILURE)
        name = args[0]
    volume = env.api.volumes.create(create_request(name, driver=driver, driver_opts=driver_opts, labels=labels))
    print_line(env.stdout, volume.get("Name") or "")


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",), help="List volumes")
@click.option("--cluster", is_flag=True, hidden=True,
              help="Display only cluster volumes, and use cluster volume list formatting")
@filter_option("-f", "--filter", help='Provide filter values (e.g. "dangling=true")')
@click.option("--format", "fmt", default="", metavar="string", help=FORMAT_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Only display volume names")
@click.pass_context
def ls(ctx, cluster, filters, fmt, quiet):
    from ...formatting.contexts import volume
    from ...opts.filters import parse_filters
    from .shared import natural_sorted, version_gate, write_listing

    env = ctx.obj
    version_gate(env, {"--cluster": "1.42"}, _given(ctx))
    rows = env.api.volumes.list(filters=parse_filters(filters)).get("Volumes") or []
    rows = natural_sorted(rows, key=lambda v: v.get("Name") or "")
    write_listing(env, (volume.VolumeContext(v) for v in rows), fmt, quiet, volume)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] VOLUME [VOLUME...]", nargs=("min", 1),
               help="Display detailed information on one or more volumes")
@click.option("-f", "--format", "fmt", default="", metavar="string", help=JSON_FORMAT_HELP)
@click.argument("volumes", nargs=-1)
@click.pass_obj
def inspect(env, fmt, volumes):
    """docker re-encodes its volume.Volume here (not the engine's bytes), and templates see only that type."""
    from ...formatting.contexts.inspect_types import typed_volume
    from ...golang.json import go_json
    from ...golang.structs import to_plain

    def get(name: str):
        typed = typed_volume(env.api.volumes.inspect(name))
        return go_json(to_plain(typed), escape_html=True).encode(), "volume"
    run_inspect(env, volumes, fmt, get, raw_fallback=False)


@click.command("rm", cls=DockerCommand, usage="rm [OPTIONS] VOLUME [VOLUME...]", nargs=("min", 1),
               help="Remove one or more volumes. You cannot remove a volume that is in use by a container.")
@click.option("-f", "--force", is_flag=True, help="Force the removal of one or more volumes")
@click.argument("volumes", nargs=-1)
@click.pass_obj
def rm(env, force, volumes):
    from .container.common import run_on_each

    api = env.api.volumes
    run_on_each(env, volumes, lambda name: api.remove(name, force=force))


PRUNE_WARNING = ("WARNING! This will remove anonymous local volumes not used by at least one container.\n"
                 "Are you sure you want to continue?")
PRUNE_ALL_WARNING = ("WARNING! This will remove all local volumes not used by at least one container.\n"
                     "Are you sure you want to continue?")


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",), help="Remove unused local volumes")
@click.option("-a", "--all", "all_", is_flag=True, hidden=True,
              help="Remove all unused volumes, not just anonymous ones")
@filter_option(help='Provide filter values (e.g. "label=<label>")')
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation")
@click.pass_context
def prune(ctx, all_, filters, force):
    """Engines before API 1.42 remove named volumes too: docker warns so, and refuses -a there."""
    from ...formatting.units import human_size
    from ...opts.filters import parse_filters
    from .container.common import merge_prune_filters
    from .shared import confirm_or_cancel, version_gate

    env = ctx.obj
    version_gate(env, {"--all": "1.42"}, _given(ctx))
    wanted = merge_prune_filters(parse_filters(filters), env.config.get("pruneFilters"))
    warning = PRUNE_ALL_WARNING
    if env.transport.version_at_least("1.42"):
        warning = PRUNE_ALL_WARNING if all_ else PRUNE_WARNING
        if all_:
            if "all" in wanted:
                raise StatusError("conflicting options: cannot specify both --all and --filter all=1", FAILURE)
            wanted["all"] = {"true": True}
    if not confirm_or_cancel(env, force, warning):
        return
    report = env.api.volumes.prune(wanted)
    deleted = report.get("VolumesDeleted") or []
    if deleted:
        write_flushed(env.stdout, "Deleted Volumes:\n" + "".join(f"{name}\n" for name in deleted) + "\n")
    reclaimed = report.get("SpaceReclaimed") or 0 if deleted else 0
    print_line(env.stdout, f"Total reclaimed space: {human_size(float(reclaimed), 4)}")
