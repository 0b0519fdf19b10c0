"""ls (ps), inspect, top, port, diff: declarations and wiring."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...output import print_line, write_bytes, write_flushed
from .. import JSON_FORMAT_HELP
from .common import GoInt, filter_option

PARSE_ERROR_STATUS = 64  # docker's inspect: a template that does not parse


FORMAT_HELP = ("Format output using a custom template:\n"
               "'table':            Print output in table format with column headers (default)\n"
               "'table TEMPLATE':   Print output in table format using the given Go template\n"
               "'json':             Print in JSON format\n"
               "'TEMPLATE':         Print output using the given Go template.\n"
               "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output "
               "with templates")


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",), help="List containers")
@click.option("-a", "--all", "all_", is_flag=True, help="Show all containers (default shows just running)")
@filter_option("-f", "--filter")
@click.option("--format", "fmt", metavar="string", help=FORMAT_HELP)
@click.option("-n", "--last", type=GoInt(), default=-1, metavar="int",
              help="Show n last created containers (includes all states)")
@click.option("-l", "--latest", is_flag=True, help="Show the latest created container (includes all states)")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output")
@click.option("-q", "--quiet", is_flag=True, help="Only display container IDs")
@click.option("-s", "--size", is_flag=True, default=None, help="Display total file sizes")
@click.argument("args", nargs=-1)
@click.pass_obj
def ls(env, all_, filters, fmt, last, latest, no_trunc, quiet, size, args):
    from ....formatting.contexts import container as ctx
    from ....opts.filters import parse_filters

    if not fmt:
        fmt = env.config.get("psFormat") or ""
    elif quiet:
        from ....formatting.writer import QUIET_WARNING

        print_line(env.stderr, QUIET_WARNING)
    size_changed, size = size is not None, bool(size)
    if fmt and _template_uses_size(fmt) and not quiet and not size and not size_changed:
        size = True
    limit = 1 if latest and last == -1 else last
    rows = env.api.containers.list(all=all_, limit=limit, size=size, filters=parse_filters(filters))
    contexts = [ctx.ContainerContext(row, trunc=not no_trunc) for row in rows]
    _render(env, contexts, fmt, quiet, size)


def _as_top_level(command: click.Command, name: str) -> click.Command:
    """`docker ps` is its own command (its usage line says `ps`), sharing `container ls`'s flags."""
    import copy

    alias = copy.copy(command)
    alias.name = name
    alias.docker_usage = command.docker_usage.replace(command.name, name, 1)
    return alias


ps = _as_top_level(ls, "ps")


def _template_uses_size(fmt: str) -> bool:
    """Parse and run the template on an empty row first, as docker does; it also finds `.Size`."""
    from ....formatting.contexts.container import ContainerContext
    from ....golang.template import exec_error_message, parse, parse_error_message

    try:
        template = parse(fmt)
    except ValueError as exc:
        raise StatusError(parse_error_message(exc), FAILURE) from None
    probe = ContainerContext()
    try:
        template.execute(probe)
    except ValueError as exc:
        raise StatusError(exec_error_message(exc), FAILURE) from None
    return "Size" in probe.fields_used


def _render(env, contexts, fmt, quiet, size) -> None:
    if not fmt and not env.stdout_is_tty():  # the common case, without loading the template engine
        from ....formatting.contexts.container import plain_table

        text = "".join(f"{c.ID()}\n" for c in contexts) if quiet else plain_table(contexts, size)
        write_flushed(env.stdout, text)
        return
    from ....formatting import writer
    from ....formatting.contexts import container as ctx
    from ....golang.template import template_parsing_error

    effective = writer.resolve_format(fmt, quiet=quiet, default_format=ctx.table_format(size),
                                      raw_format=ctx.raw_format(size), raw_quiet_format=ctx.RAW_QUIET_FORMAT)
    try:
        writer.render_listing(env.stdout, contexts, fmt=effective, headers=ctx.HEADERS,
                              default_format=effective, is_tty=env.stdout_is_tty())
    except ValueError as exc:
        raise StatusError(template_parsing_error(exc), FAILURE) from None


# -- inspect ----------------------------------------------------------------------------------

@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] CONTAINER [CONTAINER...]",
               nargs=("min", 1), help="Display detailed information on one or more containers")
@click.option("-f", "--format", "fmt", default="", metavar="string", help=JSON_FORMAT_HELP)
@click.option("-s", "--size", is_flag=True, help="Display total file sizes")
@click.argument("containers", nargs=-1)
@click.pass_obj
def inspect(env, fmt, size, containers):
    api = env.api.containers
    run_inspect(env, containers, fmt, lambda name: (api.inspect_raw(name, size=size), "container"))


def run_inspect(env, refs, fmt: str, get_raw, raw_fallback: bool = True) -> None:
    """docker's inspect.Inspect: every object, then the output, then the failures (exit 1).

    `get_raw(ref)` returns the engine's JSON bytes and the kind of object found. With
    `raw_fallback` false a template runs on docker's Go type only (docker had no raw JSON).
    """
    from ....formatting.contexts.inspect import TemplateInspector, json_array, parse_inspect_format
    from ....golang.template import template_parsing_error
    from ....transport.errors import DockerError

    try:
        template = parse_inspect_format(fmt)
    except ValueError as exc:
        raise StatusError(template_parsing_error(exc), PARSE_ERROR_STATUS) from None
    inspector = TemplateInspector(template, raw_fallback) if template is not None else None
    raws, errors = [], []
    for ref in refs:
        try:
            raw, kind = get_raw(ref)
        except DockerError as exc:
            errors.append(str(exc))
            continue
        if inspector is None:
            raws.append(raw)
            continue
        try:
            inspector.add(raw, kind)
        except ValueError as exc:
            errors.append(template_parsing_error(exc))
    if inspector is None:
        write_bytes(env.stdout, json_array(raws, compact=fmt == "json"))
    else:
        write_flushed(env.stdout, inspector.text())
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


# -- top, port, diff ----------------------------------------------------------------------------

@click.command("top", cls=DockerCommand, usage="top CONTAINER [ps OPTIONS]", nargs=("min", 1),
               interspersed=False, help="Display the running processes of a container")
@click.argument("args", nargs=-1)
@click.pass_obj
def top(env, args):
    from ....golang.tabwriter import TabWriter

    procs = env.api.containers.top(args[0], " ".join(args[1:]) or None)
    writer = TabWriter(None, 20, 1, 3, " ", 0)
    writer.write("\t".join(procs.get("Titles") or []) + "\n")
    for proc in procs.get("Processes") or []:
        writer.write("\t".join(proc) + "\n")
    write_flushed(env.stdout, writer.flush())


@click.command("port", cls=DockerCommand, usage="port CONTAINER [PRIVATE_PORT[/PROTO]]", nargs=("range", 1, 2),
               help="List port mappings or a specific mapping for the container")
@click.argument("args", nargs=-1)
@click.pass_obj
def port(env, args):
    from functools import cmp_to_key

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
        lines.sort(key=cmp_to_key(_natural_cmp))
        print_line(env.stdout, "\n".join(lines))


def _host_port(binding: dict) -> str:
    host, number = binding.get("HostIp") or "", binding.get("HostPort") or ""
    return f"[{host}]:{number}" if ":" in host else f"{host}:{number}"


def _natural_cmp(a: str, b: str) -> int:
    """sortorder.NaturalLess as a cmp function: digit runs compare as numbers."""
    return -1 if _natural_less(a, b) else (1 if _natural_less(b, a) else 0)


def _natural_less(s1: str, s2: str) -> bool:
    i = j = 0
    while i < len(s1) and j < len(s2):
        d1, d2 = s1[i].isdigit(), s2[j].isdigit()
        if d1 != d2:
            return d1
        if not d1:
            if s1[i] != s2[j]:
                return s1[i] < s2[j]
            i, j = i + 1, j + 1
            continue
        while i < len(s1) and s1[i] == "0":
            i += 1
        while j < len(s2) and s2[j] == "0":
            j += 1
        nz1, nz2 = i, j
        while i < len(s1) and s1[i].isdigit():
            i += 1
        while j < len(s2) and s2[j].isdigit():
            j += 1
        if i - nz1 != j - nz2:
            return i - nz1 < j - nz2
        if s1[nz1:i] != s2[nz2:j]:
            return s1[nz1:i] < s2[nz2:j]
        if nz1 != nz2:
            return nz1 < nz2
    return len(s1) < len(s2)


_CHANGE_KINDS = {0: "C", 1: "A", 2: "D"}


@click.command("diff", cls=DockerCommand, usage="diff CONTAINER", nargs=("exact", 1),
               help="Inspect changes to files or directories on a container's filesystem")
@click.argument("container", nargs=-1)
@click.pass_obj
def diff(env, container):
    if not container[0]:
        raise StatusError("Container name cannot be empty", FAILURE)
    changes = env.api.containers.changes(container[0])
    lines = (f"{_CHANGE_KINDS.get(change.get('Kind'), '')} {change.get('Path', '')}\n" for change in changes)
    write_flushed(env.stdout, "".join(lines))


# -- inspect of any object ----------------------------------------------------------------------

OBJECT_TYPES = ("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")
AUTODETECT = ("container", "image", "network", "volume", "service", "task", "node", "plugin", "secret", "config")
SWARM_TYPES = ("service", "task", "node", "secret", "config")


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] NAME|ID [NAME|ID...]", nargs=("min", 1),
               help="Return low-level information on Docker objects")
@click.option("-f", "--format", "fmt", default="", metavar="string", help=JSON_FORMAT_HELP)
@click.option("-s", "--size", is_flag=True, help="Display total file sizes if the type is container")
@click.option("--type", "kind", default=None, metavar="string", help="Only inspect objects of the given type")
@click.argument("refs", nargs=-1)
@click.pass_obj
def inspect_objects(env, fmt, size, kind, refs):
    """docker's system inspect: the first kind of object that has the name (or only `--type`'s)."""
    quoted = '", "'.join(OBJECT_TYPES)
    if kind == "":
        raise StatusError(f'type is empty: must be one of "{quoted}"', FAILURE)
    if kind is not None and kind not in OBJECT_TYPES:
        raise StatusError(f'unknown type: "{kind}": must be one of "{quoted}"', FAILURE)
    run_inspect(env, refs, fmt, _object_finder(env, kind, size))


def _object_finder(env, kind: str | None, size: bool):
    from ....transport.errors import DockerError, NotFound

    api = env.api.objects
    swarm: list[bool] = []

    def is_manager() -> bool:
        if not swarm:
            try:
                swarm.append(bool(((env.api.system.info().get("Swarm") or {}).get("ControlAvailable"))))
            except DockerError as exc:
                print_line(env.stderr, str(exc))
                swarm.append(False)
        return swarm[0]

    def find(ref: str) -> tuple[bytes, str]:
        for candidate in AUTODETECT:
            if kind is not None and candidate != kind:
                continue
            if kind is None and candidate in SWARM_TYPES and not is_manager():
                continue
            try:
                raw = api.inspect_raw(candidate, ref, size=size)
            except DockerError as exc:
                text = str(exc)
                skippable = isinstance(exc, NotFound) or "not supported" in text or "invalid reference format" in text
                if kind is None and skippable:
                    continue
                raise
            if size and candidate != "container":
                print_line(env.stderr, f"WARNING: --size ignored for {candidate}")
            return raw, candidate
        raise DockerError(f"Error: No such object: {ref}")
    return find
