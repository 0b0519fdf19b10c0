"""ls (ps), inspect, top, port, diff: declarations and wiring."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import (
    JSON_FORMAT_HELP,
    argument,
    filter_option,
    format_option,
    no_trunc_option,
    option,
    quiet_option,
)
from ...inspect import run_inspect
from ...listing import Listing
from ...output import print_line, write_flushed

# ps's filter keys (moby's acceptedPsFilterTags) and what their values are
PS_FILTERS = {
    "ancestor": "image", "before": "container", "expose": None, "exited": None,
    "health": ("starting", "healthy", "unhealthy", "none"), "id": None, "is-task": ("true", "false"),
    "isolation": ("default", "process", "hyperv"), "label": None, "name": "container", "network": "network",
    "publish": None, "since": "container",
    "status": ("created", "restarting", "running", "removing", "paused", "exited", "dead"), "volume": "volume",
}


# for the manual page (cli/manpages.py); --help shows neither
PS_DESCRIPTION = (
    "Lists the running containers, or all of them with -a, newest first: ID, image, command, creation "
    "time, status, published ports and names. In a pipe the table is docker's, byte for byte; on a "
    "terminal it is fitted to the screen's width and nothing is cut off but docker's own truncation "
    "(--no-trunc shows everything).\n\n"
    "--filter narrows the list (status=exited, label=KEY=VALUE, ancestor=IMAGE, network=NAME …; the same "
    "key given twice matches either value), -q prints only IDs, for scripts, and --format takes a Go "
    "template, \"table TEMPLATE\" or \"json\". Without --format, config.json's psFormat is used when set.")
PS_EXAMPLES = [  # (what it does, command line)
    ("List every container, stopped ones too", "pydock ps -a"),
    ("Only the IDs of exited containers, to remove them", "pydock rm $(pydock ps -aq --filter status=exited)"),
    ("Names and status in a table of your own", "pydock ps --format 'table {{.Names}}\\t{{.Status}}'"),
    ("Containers started from an image, with their sizes", "pydock ps -s --filter ancestor=alpine"),
    ("One JSON object per container", "pydock ps -a --format json"),
]


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",),
               description=PS_DESCRIPTION, examples=PS_EXAMPLES)
@option("-a", "--all", "all_", kind="bool", help="Show all containers (default shows just running)")
@filter_option("-f", "--filter", complete=PS_FILTERS)
@format_option()
@option("-n", "--last", kind="int", default=-1,
        help="Show n last created containers (includes all states)")
@option("-l", "--latest", kind="bool", help="Show the latest created container (includes all states)")
@no_trunc_option("Don't truncate output")
@quiet_option("Only display container IDs")
@option("-s", "--size", kind="optbool", help="Display total file sizes")
@click.pass_obj
def ls(env, all_, filters, fmt, last, latest, no_trunc, quiet, size):
    from ....formatting.contexts import container
    from ....opts.filters import parse_filters

    listing = Listing(env, container.SPEC, fmt, quiet=quiet)
    size = bool(size) if size is not None else listing.uses("Size") and not quiet  # --size=false wins
    rows = env.api.containers.list(all=all_, limit=1 if latest and last == -1 else last, size=size,
                                   filters=parse_filters(filters))
    listing.write((container.ContainerContext(row, trunc=not no_trunc) for row in rows), container.spec(size))


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1))
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
@option("-s", "--size", kind="bool", help="Display total file sizes")
@argument("containers", complete="container")
@click.pass_obj
def inspect(env, fmt, size, containers):
    api = env.api.containers
    run_inspect(env, containers, fmt, lambda name: (api.inspect_raw(name, size=size), "container"))


# -- top, port, diff ----------------------------------------------------------------------------

@click.command("top", cls=DockerCommand, usage="top CONTAINER [ps OPTIONS]", nargs=("min", 1), interspersed=False)
@argument("args", complete=["container:live"])
@click.pass_obj
def top(env, args):
    from ....golang.tabwriter import TabWriter

    procs = env.api.containers.top(args[0], " ".join(args[1:]) or None)
    writer = TabWriter(None, 20, 1, 3, " ", 0)
    writer.write("\t".join(procs.get("Titles") or []) + "\n")
    for proc in procs.get("Processes") or []:
        writer.write("\t".join(proc) + "\n")
    write_flushed(env.stdout, writer.flush())


@click.command("port", cls=DockerCommand, usage="port CONTAINER [PRIVATE_PORT[/PROTO]]", nargs=("range", 1, 2))
@argument("args", complete=["container:live"])
@click.pass_obj
def port(env, args):
    from ....golang.sortorder import natural_sorted
    from ....golang.strconv import parse_uint

    name = args[0]
    ports = (env.api.containers.inspect(name).get("NetworkSettings") or {}).get("Ports") or {}
    if len(args) > 1 and args[1]:
        number, _, proto = args[1].partition("/")
        try:
            parse_uint(number, 16)
        except ValueError as exc:
            raise StatusError(f"Error: invalid port ({number}): {exc}", FAILURE) from None
        frontends = ports.get(f"{number}/{proto or 'tcp'}")
        if not frontends:
            raise StatusError(f"Error: No public port '{args[1]}' published for {name}", FAILURE)
        lines = [_host_port(f) for f in frontends]
    else:
        lines = [f"{key} -> {_host_port(f)}" for key, frontends in ports.items() for f in frontends or []]
    if lines:
        lines = natural_sorted(lines)
        print_line(env.stdout, "\n".join(lines))


def _host_port(binding: dict) -> str:
    host, number = binding.get("HostIp") or "", binding.get("HostPort") or ""
    return f"[{host}]:{number}" if ":" in host else f"{host}:{number}"


_CHANGE_KINDS = {0: "C", 1: "A", 2: "D"}


@click.command("diff", cls=DockerCommand, usage="diff CONTAINER", nargs=("exact", 1))
@argument("container", complete="container")
@click.pass_obj
def diff(env, container):
    if not container[0]:
        raise StatusError("Container name cannot be empty", FAILURE)
    changes = env.api.containers.changes(container[0])
    lines = (f"{_CHANGE_KINDS.get(change.get('Kind'), '')} {change.get('Path', '')}\n" for change in changes)
    write_flushed(env.stdout, "".join(lines))
