"""The system group (`info`, `df`, `events`, `prune`), `version` and the top-level `inspect`: declarations
and wiring (rendering lives in formatting/)."""
from __future__ import annotations

import os
import sys

import click

from ..base import DockerCommand
from ..errors import FAILURE, TEMPLATE_ERROR, StatusError, template_error
from ..flags import JSON_FORMAT_HELP, argument, filter_option, format_option, option
from ..inspect import run_inspect
from ..output import fail_on_write_error, print_line, write_flushed

VERSION_TABWRITER = {"minwidth": 20, "tabwidth": 1, "padding": 1}  # docker version's, custom formats too
# Go's GOARCH for the machine names os.uname() reports
_GOARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64", "i386": "386",
           "i686": "386", "armv7l": "arm", "armv6l": "arm", "ppc64le": "ppc64le", "s390x": "s390x",
           "riscv64": "riscv64"}
# the object types `inspect --type` takes
INSPECT_TYPES = ("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")
# events' filter keys (docker's events reference) and what their values are; `event` is every action the
# engine reports, for any object type
EVENT_ACTIONS = ("attach", "commit", "connect", "copy", "create", "delete", "destroy", "detach", "die", "disable",
                 "disconnect", "enable", "exec_create", "exec_detach", "exec_die", "exec_start", "export",
                 "health_status", "import", "install", "kill", "load", "mount", "oom", "pause", "prune", "pull", "push",
                 "reload", "remove", "rename", "resize", "restart", "save", "start", "stop", "tag", "top", "unmount",
                 "unpause", "untag", "update")
EVENTS_FILTERS = {
    "config": "config", "container": "container", "daemon": None, "event": EVENT_ACTIONS, "image": "image",
    "label": None, "network": "network", "node": "node", "plugin": None, "scope": ("local", "swarm"),
    "secret": "secret", "service": "service",
    "type": ("container", "image", "volume", "network", "daemon", "plugin", "node", "service", "secret", "config"),
    "volume": "volume",
}


@click.command(cls=DockerCommand, usage="version [OPTIONS]", nargs=("none",))
@option("-f", "--format", "format_", help=JSON_FORMAT_HELP, complete=("json",))
@click.pass_obj
def version(env, format_):
    from ...transport.errors import DockerError

    template = _parse_template(format_, "version") if format_ else None
    system = env.api.system  # a bad endpoint fails here, before any output
    server, error = None, None
    try:
        server = _server_version(system.version())
    except DockerError as exc:
        error = exc
    client = client_values(env, api_version=system.current_version)
    if template is None:
        from ...formatting.contexts.version_text import version_text

        write_flushed(env.stdout, version_text(client, server))
        fail_on_write_error(env.stdout)  # the tabwriter flushes at "Client:", inside tmpl.Execute
    else:
        _render_version_template(env, template, client, server, error)
    if error is not None:
        raise StatusError(str(error), FAILURE)


def _render_version_template(env, template, client: dict, server: dict | None, error) -> None:
    from ...formatting.contexts.system import version_info
    from ...golang.tabwriter import tabwrite
    from ...golang.template import TemplateExecError

    try:
        text = template.execute(version_info(client, server))
    except TemplateExecError as exc:
        write_flushed(env.stdout, tabwrite(exc.partial_output + "\n", **VERSION_TABWRITER))
        if error is None:  # docker reports the template's failure only when the engine answered
            raise StatusError(str(exc), FAILURE) from None
        return
    write_flushed(env.stdout, tabwrite(text + "\n", **VERSION_TABWRITER))


def _server_version(raw: dict) -> dict:
    """/version as docker shows it: the Engine's build time in ANSI C form, an Engine component always."""
    from ...formatting.contexts.version_text import reformat_build_time

    components = [dict(c) for c in raw.get("Components") or []]
    engine = next((c for c in components if c.get("Name") == "Engine"), None)
    if engine is not None:
        details = dict(engine.get("Details") or {})
        if "BuildTime" in details:
            details["BuildTime"] = reformat_build_time(details["BuildTime"])
        engine["Details"] = details
    else:
        components.append({"Name": "Engine", "Version": raw.get("Version", ""), "Details": {
            "ApiVersion": raw.get("ApiVersion", ""), "MinAPIVersion": raw.get("MinAPIVersion", ""),
            "GitCommit": raw.get("GitCommit", ""), "GoVersion": raw.get("GoVersion", ""),
            "Os": raw.get("Os", ""), "Arch": raw.get("Arch", ""),
            "BuildTime": reformat_build_time(raw.get("BuildTime", "")),
            "Experimental": "true" if raw.get("Experimental") else "false"}})
    return {**raw, "Components": components}


@click.command(cls=DockerCommand, usage="info [OPTIONS]", nargs=("none",))
@option("-f", "--format", "format_", help=JSON_FORMAT_HELP, complete=("json",))
@click.pass_obj
def info(env, format_):
    from ...transport.errors import DaemonUnreachable, DockerError

    if format_ == "json":
        format_ = "{{json .}}"
    client = client_values(env, api_version=None)
    client.update(Debug=_client_debug(env), Plugins=[])
    system = env.api.system  # a bad endpoint fails here, before any output, as docker's does
    raw, error = None, None
    if _needs_server_info(format_, client):
        try:
            raw = system.info()
        except DockerError as exc:
            error = exc
    if not format_:
        _pretty_info(env, client, raw, error, unreachable=isinstance(error, DaemonUnreachable))
        return
    if error is not None:
        print_line(env.stderr, str(error))  # docker prints it now: the template may not show ServerErrors
    _format_info(env, format_, client, raw, error)


def _format_info(env, format_: str, client: dict, raw: dict | None, error) -> None:
    from ...formatting.contexts.system import docker_info
    from ...golang.template import TemplateExecError

    template = _parse_template(format_, "")
    data = docker_info(raw, client, server_errors=[str(error)] if error is not None else None)
    try:
        text = template.execute(data)
    except TemplateExecError as exc:
        write_flushed(env.stdout, exc.partial_output + "\n")
        raise StatusError(str(exc), FAILURE) from None
    write_flushed(env.stdout, text + "\n")
    fail_on_write_error(env.stdout)
    if error is not None:
        raise StatusError("", FAILURE)


def _pretty_info(env, client: dict, raw: dict | None, error, *, unreachable: bool) -> None:
    from ...config.credentials import hub_username
    from ...formatting.contexts.info_text import client_text, server_text
    from ...formatting.contexts.system import docker_info

    data = docker_info(raw, client)
    write_flushed(env.stdout, client_text(data.ClientInfo) + "\nServer:\n")
    if error is not None:
        if unreachable:  # docker 28 prints the bare connection error here
            raise StatusError(str(error), FAILURE)
        print_line(env.stderr, f"ERROR: {error}")
        raise StatusError("errors pretty printing info", FAILURE)
    text, warnings, errors = server_text(data, client_debug=client["Debug"], username=hub_username(env.config))
    write_flushed(env.stdout, text)
    for warning in warnings:
        print_line(env.stderr, warning)
    if errors:
        for message in errors:
            print_line(env.stderr, f"ERROR: {message}")
        raise StatusError("errors pretty printing info", FAILURE)


def _needs_server_info(format_: str | None, client: dict) -> bool:
    """docker's probe: a template that runs on the client fields alone needs no engine."""
    import re

    if not format_ or not re.search(r"\.[a-zA-Z]", format_):
        return True
    from ...formatting.contexts.system import sparse_info
    from ...golang.template import parse
    from ...golang.template.funcs import json_funcs

    try:
        parse(format_, funcs=json_funcs()).execute(sparse_info(client))
    except Exception:  # any failure (parse, lookup, function) means: ask the engine, as docker does
        return True
    return False


def _parse_template(text: str, name: str):
    from ...golang.template import TemplateParseError, parse
    from ...golang.template.funcs import json_funcs

    if text == "json":
        text = "{{json .}}"
    try:
        return parse(text, funcs=json_funcs(), name=name)
    except TemplateParseError as exc:
        raise template_error(exc, TEMPLATE_ERROR) from None


# -- the client's own values ----------------------------------------------------------------
def client_values(env, *, api_version: str | None) -> dict:
    """clientVersion: pydock's version, API versions, Python version, platform and context."""
    from ... import __version__
    from ...transport.client import MAX_API_VERSION

    values = {
        "Version": __version__,
        "DefaultAPIVersion": MAX_API_VERSION,
        "GitCommit": git_commit(),
        "PythonVersion": "%d.%d.%d" % sys.version_info[:3],
        "Os": "windows" if sys.platform == "win32" else sys.platform,
        "Arch": _GOARCH.get(os.uname().machine, os.uname().machine),
        "BuildTime": "unknown-buildtime",
        "Context": env.context_name,
    }
    if api_version:
        values["APIVersion"] = api_version
    return values


def git_commit() -> str:
    """The checkout's HEAD (7 characters) when pydock runs from a git work tree, as docker shows its commit."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    git = os.path.join(root, ".git")
    try:
        with open(os.path.join(git, "HEAD")) as f:
            head = f.read().strip()
        if head.startswith("ref: "):
            ref = head[5:]
            try:
                with open(os.path.join(git, ref)) as f:
                    head = f.read().strip()
            except FileNotFoundError:
                head = _packed_ref(git, ref)
        return head[:7] if len(head) >= 7 else "unknown-commit"
    except OSError:
        return "unknown-commit"


def _packed_ref(git: str, ref: str) -> str:
    with open(os.path.join(git, "packed-refs")) as f:
        for line in f:
            sha, _, name = line.strip().partition(" ")
            if name == ref:
                return sha
    return ""


def _client_debug(env) -> bool:
    """docker's debug.IsEnabled: -D, or DEBUG set in the environment."""
    return bool(env.options.debug or env.environ.get("DEBUG"))


# -- inspect of any object ----------------------------------------------------------------------

OBJECT_TYPES = ("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")
AUTODETECT = ("container", "image", "network", "volume", "service", "task", "node", "plugin", "secret", "config")
SWARM_TYPES = ("service", "task", "node", "secret", "config")


# for the manual page (cli/manpages.py); --help shows neither
INSPECT_DESCRIPTION = (
    "Prints the engine's full description of each object named, as a JSON array: containers, images, "
    "networks and volumes (and, on a swarm manager, services, tasks, nodes, secrets and configs), the "
    "first kind that has the name in that order, or only --type's. A name that matches nothing is "
    "reported and pydock exits 1 after printing the others.\n\n"
    "-f runs a Go template on each object instead, as docker's (with its functions: json, join, upper, "
    "index …), -s adds the sizes of a container's filesystem.")
INSPECT_EXAMPLES = [  # (what it does, command line)
    ("Everything about a container", "pydock inspect web"),
    ("One field, through a template", "pydock inspect -f '{{.State.Status}}' web"),
    ("A container's IP addresses on each network",
     "pydock inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' web"),
    ("Only look for an image of that name", "pydock inspect --type image alpine"),
    ("A nested value as JSON", "pydock inspect -f '{{json .Config.Labels}}' web"),
]


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] NAME|ID [NAME|ID...]", nargs=("min", 1),
               description=INSPECT_DESCRIPTION, examples=INSPECT_EXAMPLES)
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
@option("-s", "--size", kind="bool", help="Display total file sizes if the type is container")
@option("--type", "kind", default=None, help="Only inspect objects of the given type", complete=INSPECT_TYPES)
@argument("refs", complete="object")
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
    from ...transport.errors import DockerError, NotFound

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


# -- events -------------------------------------------------------------------------------------

@click.command("events", cls=DockerCommand, usage="events [OPTIONS]", nargs=("none",))
@filter_option("-f", "--filter", complete=EVENTS_FILTERS)
@format_option(help=JSON_FORMAT_HELP)
@option("--since", default="", help="Show all events created since timestamp")
@option("--until", default="", help="Stream events until this timestamp")
@click.pass_obj
def events(env, filters, fmt, since, until):
    """docker's system/events.go: the template is checked first, then each event is one flushed line
    until --until passes or Ctrl-C (exit 130)."""
    from ...formatting.contexts import events as ctx
    from ...opts.filters import parse_filters
    from ...streams.jsonstream import json_objects

    template = _events_template(fmt)
    since_ts, until_ts = _event_window(since, until)
    with env.api.system.events(filters=parse_filters(filters), since=since_ts, until=until_ts) as response:
        for raw in json_objects(response.iter_raw()):
            if template is None:
                write_flushed(env.stdout, ctx.pretty_line(raw))
            else:
                _write_event(env, template, ctx.message(raw))


def _events_template(fmt: str):
    """makeTemplate: None for the default lines; a template run once on an empty *events.Message."""
    if not fmt:
        return None
    from ...formatting.contexts.events import message
    from ...golang.template import parse
    from ...golang.template.funcs import json_funcs

    try:
        template = parse("{{json .}}" if fmt == "json" else fmt, funcs=json_funcs())
        template.execute(message(None, pointer=True))
    except ValueError as exc:
        raise StatusError(f"Error parsing format: {exc}", TEMPLATE_ERROR) from None
    return template


def _event_window(since: str, until: str) -> tuple[str | None, str | None]:
    """--since/--until in the API's form, both relative to the same moment (timetypes.GetTimestamp)."""
    import time

    from ...opts import OptError
    from ...opts.timestamps import get_timestamp

    now = time.time()
    try:
        return (get_timestamp(since, now) if since else None, get_timestamp(until, now) if until else None)
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None


def _write_event(env, template, event) -> None:
    from ...golang.template import TemplateExecError

    try:
        text = template.execute(event)
    except TemplateExecError as exc:  # Go's template has written what came before; docker's deferred newline
        write_flushed(env.stdout, exc.partial_output + "\n")
        raise StatusError(str(exc), FAILURE) from None
    write_flushed(env.stdout, text + "\n")
    fail_on_write_error(env.stdout)


# -- system df ----------------------------------------------------------------------------------

@click.command("df", cls=DockerCommand, usage="df [OPTIONS]", nargs=("none",))
@format_option()
@option("-v", "--verbose", kind="bool", help="Show detailed information on space usage")
@click.pass_obj
def df(env, fmt, verbose):
    """docker's system/df.go: the summary rows, or with -v the four tables (or one template over all)."""
    from ...formatting.contexts import disk_usage as du
    from ..listing import Listing

    usage = env.api.system.df()
    if not verbose:
        Listing(env, du.SPEC, fmt).write(du.summary_rows(usage))
    elif fmt in ("", "table"):
        for title, spec, rows in du.verbose_sections(usage):
            write_flushed(env.stdout, title)
            Listing(env, spec, "").write(rows)
    else:
        _write_details(env, du.verbose_raw_format() if fmt == "raw" else fmt, usage)


def _write_details(env, fmt: str, usage: dict) -> None:
    """A custom -v template: run once on the whole *formatter.diskUsageContext, no newline added."""
    from ...formatting.contexts.disk_usage import details
    from ...formatting.writer import is_table, template_string
    from ...golang.template import TemplateExecError, TemplateParseError, parse
    from ...golang.template.funcs import json_funcs

    try:
        template = parse(template_string(fmt), funcs=json_funcs())
    except TemplateParseError as exc:
        raise template_error(exc) from None
    try:
        text = template.execute(details(usage, trunc=is_table(fmt)))
    except TemplateExecError as exc:  # Go's template has written what came before, unwrapped error
        write_flushed(env.stdout, exc.partial_output)
        raise StatusError(str(exc), FAILURE) from None
    write_flushed(env.stdout, text)
    fail_on_write_error(env.stdout)


# -- system prune -------------------------------------------------------------------------------

PRUNE_CONFIRMATION = "WARNING! This will remove:\n{warnings}\n{filters}\nAre you sure you want to continue?"


# for the manual page (cli/manpages.py); --help shows neither
PRUNE_DESCRIPTION = (
    "Removes, after asking for confirmation (-f does not ask), what nothing uses: stopped containers, "
    "networks no container is connected to, dangling images and unused build cache. -a removes every "
    "image no container uses, not only dangling ones, and all build cache; --volumes also removes "
    "anonymous volumes no container uses. Each removed object is listed, then the total space reclaimed.\n\n"
    "--filter until=DURATION keeps what is newer, label= and label!= select by label; config.json's "
    "pruneFilters are added to them.")
PRUNE_EXAMPLES = [  # (what it does, command line)
    ("Remove what is unused, after confirming", "pydock system prune"),
    ("Every unused image too (volumes stay), without being asked", "pydock system prune -af"),
    ("Anonymous volumes too", "pydock system prune --volumes"),
    ("Only what is older than a day", "pydock system prune --filter until=24h"),
    ("Only objects labelled for tests", "pydock system prune -f --filter label=my-test-run"),
]


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",),
               description=PRUNE_DESCRIPTION, examples=PRUNE_EXAMPLES)
@option("-a", "--all", "all_", kind="bool", help="Remove all unused images not just dangling ones")
@filter_option(help='Provide filter values (e.g. "label=<key>=<value>")', api_version="1.28",
               complete={"until": None, "label": None})
@option("-f", "--force", kind="bool", help="Do not prompt for confirmation")
@option("--volumes", kind="bool", help="Prune anonymous volumes")
@click.pass_obj
def prune(env, all_, filters, force, volumes):
    """docker's system/prune.go: containers, networks, (volumes,) images and build cache, in that order."""
    from ...formatting.units import human_size
    from ...opts.filters import parse_filters
    from ..batch import confirm

    wanted = parse_filters(filters)
    if volumes and "until" in wanted:
        raise StatusError('ERROR: The "until" filter is not supported with "--volumes"', FAILURE)
    build_cache = env.api.system.version_at_least("1.31")
    if not force and not confirm(env, prune_confirmation(env, wanted, all_, volumes, build_cache)):
        return
    steps = [_prune_containers, _prune_networks] + ([_prune_volumes] if volumes else []) + [_prune_images]
    steps += [_prune_build_cache] if build_cache else []
    reclaimed = 0
    for step in steps:
        space, output = step(env, _with_config_filters(env, wanted), all_)
        reclaimed += space
        if output:
            print_line(env.stdout, output)
    print_line(env.stdout, f"Total reclaimed space: {human_size(float(reclaimed), 4)}")


def prune_confirmation(env, wanted: dict, all_: bool, volumes: bool, build_cache: bool) -> str:
    """docker's confirmationTemplate: what goes, and the label/label!/until filters that narrow it."""
    from ...golang.sortorder import natural_sorted

    warnings = ["all stopped containers", "all networks not used by at least one container"]
    if volumes:
        warnings.append("all anonymous volumes not used by at least one container")
    warnings.append("all images without at least one container associated to them" if all_ else
                    "all dangling images")
    if build_cache:
        warnings.append("all build cache" if all_ else "unused build cache")
    merged = _with_config_filters(env, wanted)
    shown = natural_sorted(f"{name}={value}" for name in ("label", "label!", "until") for value in merged.get(name, {}))
    filters = "".join(["\n  Items to be pruned will be filtered with:", *(f"\n  - {f}" for f in shown), "\n"]) \
        if shown else ""
    return PRUNE_CONFIRMATION.format(warnings="\n".join(f"  - {w}" for w in warnings), filters=filters)


def _with_config_filters(env, wanted: dict) -> dict:
    """command.PruneFilters: the flags' filters plus config.json's pruneFilters (a copy)."""
    from ..batch import merge_prune_filters

    return merge_prune_filters({name: dict(values) for name, values in wanted.items()},
                               env.config.get("pruneFilters"))


def _deleted(title: str, names: list[str]) -> str:
    return f"Deleted {title}:\n" + "".join(f"{name}\n" for name in names) if names else ""


def _prune_containers(env, filters: dict, _all: bool) -> tuple[int, str]:
    report = env.api.containers.prune(filters) or {}
    deleted = report.get("ContainersDeleted") or []
    return (report.get("SpaceReclaimed") or 0) if deleted else 0, _deleted("Containers", deleted)


def _prune_networks(env, filters: dict, _all: bool) -> tuple[int, str]:
    report = env.api.networks.prune(filters) or {}
    return 0, _deleted("Networks", report.get("NetworksDeleted") or [])


def _prune_volumes(env, filters: dict, _all: bool) -> tuple[int, str]:
    report = env.api.volumes.prune(filters) or {}
    deleted = report.get("VolumesDeleted") or []
    return (report.get("SpaceReclaimed") or 0) if deleted else 0, _deleted("Volumes", deleted)


def _prune_images(env, filters: dict, all_: bool) -> tuple[int, str]:
    filters.setdefault("dangling", {})["false" if all_ else "true"] = True
    report = env.api.images.prune(filters) or {}
    deleted = report.get("ImagesDeleted") or []
    lines = [f"untagged: {d['Untagged']}" if d.get("Untagged") else f"deleted: {d.get('Deleted') or ''}"
             for d in deleted]
    return (report.get("SpaceReclaimed") or 0) if deleted else 0, _deleted("Images", lines)


def _prune_build_cache(env, filters: dict, all_: bool) -> tuple[int, str]:
    report = env.api.build.prune(filters, all=all_) or {}
    return report.get("SpaceReclaimed") or 0, _deleted("build cache objects", report.get("CachesDeleted") or [])
