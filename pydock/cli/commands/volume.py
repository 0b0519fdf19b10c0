"""`volume` commands (docker/cli cli/command/volume): declarations and a few lines each."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..flags import JSON_FORMAT_HELP, argument, filter_option, format_option, option, quiet_option
from ..output import print_line, write_flushed

CLUSTER = {"api_version": "1.42", "swarm": "manager", "hidden": True}  # cluster volumes: swarm managers only
AVAILABILITY = ("active", "pause", "drain")
# volume ls's filter keys (moby's volume filters) and what their values are
LS_FILTERS = {"dangling": ("true", "false"), "driver": None, "label": None, "name": "volume"}


# the flags whose presence makes a cluster volume (docker checks "secrets", a flag that does not exist)
CLUSTER_MODE = ("group", "scope", "sharing", "availability", "access_type", "limit_bytes", "required_bytes")


def _cluster_flags(func):
    """docker's cluster-volume flags: hidden, and refused below API 1.42."""
    flags = [option("--availability", default="active", help='Cluster Volume availability ("active", "pause", '
                    '"drain")', complete=AVAILABILITY, **CLUSTER),
             option("--group", default="", help="Cluster Volume group (cluster volumes)", **CLUSTER),
             option("--limit-bytes", kind="bytes", help="Minimum size of the Cluster Volume in bytes", **CLUSTER),
             option("--required-bytes", kind="bytes", help="Maximum size of the Cluster Volume in bytes", **CLUSTER),
             option("--scope", default="single", help='Cluster Volume access scope ("single", "multi")',
                    complete=("single", "multi"), **CLUSTER),
             option("--secret", "secrets", kind="map", help="Cluster Volume secrets", **CLUSTER),
             option("--sharing", default="none", help='Cluster Volume access sharing ("none", "readonly", '
                    '"onewriter", "all")', complete=("none", "readonly", "onewriter", "all"), **CLUSTER),
             option("--topology-preferred", kind="list", help="A topology that the Cluster Volume would be preferred "
                    "in", **CLUSTER),
             option("--topology-required", kind="list", help="A topology that the Cluster Volume must be accessible "
                    "from", **CLUSTER),
             option("--type", "access_type", default="block", help='Cluster Volume access type ("mount", "block")',
                    complete=("mount", "block"), **CLUSTER)]
    for flag in reversed(flags):
        func = flag(func)
    return func


# for the manual page (cli/manpages.py); --help shows neither
CREATE_DESCRIPTION = (
    "Creates a volume and prints its name: VOLUME (or the engine generates a random one). Containers "
    "mount it with -v NAME:/path or --mount source=NAME,target=/path; its data outlives the containers "
    "that use it until the volume is removed. Creating a volume that already exists with the same driver "
    "does nothing.\n\n"
    "The local driver, the default, keeps the data on the engine's host; -o passes driver options (for "
    "local: type, device and o, as mount(8) takes them) and --label sets metadata.")
CREATE_EXAMPLES = [  # (what it does, command line)
    ("A named volume", "pydock volume create data"),
    ("Use it from a container", "pydock run --rm -v data:/data alpine sh -c 'date > /data/created'"),
    ("A tmpfs-backed volume", "pydock volume create -o type=tmpfs -o device=tmpfs -o o=size=64m scratch"),
    ("With a label, for filtering later", "pydock volume create --label project=shop shop-data"),
]


@click.command("create", cls=DockerCommand, usage="create [OPTIONS] [VOLUME]", nargs=("max", 1),
               description=CREATE_DESCRIPTION, examples=CREATE_EXAMPLES)
@option("-d", "--driver", default="local", help="Specify volume driver name", complete=("local",))
@option("--label", "labels", kind="label", help="Set metadata for a volume")
@option("--name", default="", hidden=True, help="Specify volume name")
@option("-o", "--opt", "driver_opts", kind="map", help="Set driver specific options (default map[])")
@_cluster_flags
@argument("args")
@click.pass_context
def create(ctx, driver, labels, name, driver_opts, args, **cluster):
    from ...opts.volume import create_request

    env = ctx.obj
    if args:
        if name:
            raise StatusError("conflicting options: cannot specify a volume-name through both --name and as a "
                              "positional arg", FAILURE)
        name = args[0]
    spec = None
    if _given(ctx, CLUSTER_MODE):
        from ...opts.volume import cluster_volume_spec

        spec = cluster_volume_spec(**cluster)
    volume = env.api.volumes.create(create_request(name, driver=driver, driver_opts=driver_opts, labels=labels,
                                                   cluster_spec=spec))
    print_line(env.stdout, volume.get("Name") or "")


def _given(ctx, names) -> bool:
    from click.core import ParameterSource

    return any(ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE for name in names)


# for the manual page (cli/manpages.py); --help shows neither
VOLUME_LS_DESCRIPTION = (
    "Lists the engine's volumes: driver and name. --filter keeps those matching (dangling=true for "
    "volumes no container uses, name=, driver=, label=), -q prints only names and --format takes a Go "
    "template or \"json\"; config.json's volumesFormat applies otherwise. --cluster lists swarm cluster "
    "volumes (API 1.42, on a manager).")
VOLUME_LS_EXAMPLES = [  # (what it does, command line)
    ("Every volume", "pydock volume ls"),
    ("Volumes no container uses", "pydock volume ls --filter dangling=true"),
    ("Names only, for a script", "pydock volume ls -q"),
    ("Volumes carrying a label", "pydock volume ls --filter label=project=shop"),
]


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",),
               description=VOLUME_LS_DESCRIPTION, examples=VOLUME_LS_EXAMPLES)
@option("--cluster", kind="bool", help="Display only cluster volumes, and use cluster volume list formatting",
        **CLUSTER)
@filter_option("-f", "--filter", help='Provide filter values (e.g. "dangling=true")', complete=LS_FILTERS)
@format_option()
@quiet_option("Only display volume names")
@click.pass_obj
def ls(env, cluster, filters, fmt, quiet):
    from ...formatting.contexts import volume
    from ...golang.sortorder import natural_sorted
    from ...opts.filters import parse_filters
    from ..listing import Listing

    listing = Listing(env, volume.cluster_spec() if cluster else volume.SPEC, "table" if cluster else fmt, quiet=quiet)
    rows = env.api.volumes.list(filters=parse_filters(filters)).get("Volumes") or []
    rows = natural_sorted((v for v in rows if not cluster or v.get("ClusterVolume")), key=lambda v: v.get("Name", ""))
    listing.write(volume.VolumeContext(v) for v in rows)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] VOLUME [VOLUME...]", nargs=("min", 1))
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
@argument("volumes", complete="volume")
@click.pass_obj
def inspect(env, fmt, volumes):
    """docker prints its own volume.Volume re-encoded (not the engine's bytes); templates see only that type."""
    from ...formatting.contexts.inspect_types import volume_json
    from ..inspect import run_inspect

    run_inspect(env, volumes, fmt, lambda name: (volume_json(env.api.volumes.inspect(name)), "volume"),
                raw_fallback=False)


@click.command("rm", cls=DockerCommand, usage="rm [OPTIONS] VOLUME [VOLUME...]", nargs=("min", 1),
               help="Remove one or more volumes. You cannot remove a volume that is in use by a container.")
@option("-f", "--force", kind="bool", help="Force the removal of one or more volumes", api_version="1.25")
@argument("volumes", complete="volume")
@click.pass_obj
def rm(env, force, volumes):
    from ..batch import run_on_each

    api = env.api.volumes
    run_on_each(env, volumes, lambda name: api.remove(name, force=force))


@click.command("update", cls=DockerCommand, usage="update [OPTIONS] [VOLUME]", nargs=("exact", 1))
@option("--availability", default="active", help='Cluster Volume availability ("active", "pause", "drain")',
        api_version="1.42", swarm="manager", complete=AVAILABILITY)
@argument("args", complete=["volume"])
@click.pass_context
def update(ctx, availability, args):
    """docker's volume/update.go: only the availability can change; the rest of the spec is sent back."""
    env = ctx.obj
    volume = env.api.volumes.inspect(args[0])
    cluster = volume.get("ClusterVolume")
    if not cluster:
        raise StatusError("can only update cluster volumes", FAILURE)
    spec = dict(cluster.get("Spec") or {})
    if _given(ctx, ("availability",)):
        spec["Availability"] = availability
    env.api.volumes.update(cluster.get("ID") or "", (cluster.get("Version") or {}).get("Index") or 0, spec)


PRUNE_WARNING = ("WARNING! This will remove anonymous local volumes not used by at least one container.\n"
                 "Are you sure you want to continue?")
PRUNE_ALL_WARNING = ("WARNING! This will remove all local volumes not used by at least one container.\n"
                     "Are you sure you want to continue?")


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",))
@option("-a", "--all", "all_", kind="bool", help="Remove all unused volumes, not just anonymous ones",
        api_version="1.42", hidden=True)
@filter_option(help='Provide filter values (e.g. "label=<label>")', complete={"label": None})
@option("-f", "--force", kind="bool", help="Do not prompt for confirmation")
@click.pass_obj
def prune(env, all_, filters, force):
    """Engines before API 1.42 prune named volumes too, and docker's warning says so there."""
    from ...formatting.units import human_size
    from ..batch import confirm, prune_filters

    wanted = prune_filters(env, filters)
    warning = PRUNE_ALL_WARNING
    if env.api.system.version_at_least("1.42"):
        if all_ and "all" in wanted:
            raise StatusError("conflicting options: cannot specify both --all and --filter all=1", FAILURE)
        if all_:
            wanted["all"] = {"true": True}
        else:
            warning = PRUNE_WARNING
    if not force and not confirm(env, warning):
        return
    report = env.api.volumes.prune(wanted)
    deleted = report.get("VolumesDeleted") or []
    if deleted:
        write_flushed(env.stdout, "Deleted Volumes:\n" + "".join(f"{name}\n" for name in deleted) + "\n")
    reclaimed = (report.get("SpaceReclaimed") or 0) if deleted else 0
    print_line(env.stdout, f"Total reclaimed space: {human_size(float(reclaimed), 4)}")
