"""`version`, `info` and the top-level `inspect`: declarations and wiring (rendering lives in formatting/)."""
from __future__ import annotations

import os
import sys

import click

from ..base import DockerCommand
from ..errors import FAILURE, TEMPLATE_ERROR, StatusError, template_error
from ..flags import JSON_FORMAT_HELP, format_option
from ..inspect import run_inspect
from ..output import print_line, write_flushed

VERSION_TABWRITER = {"minwidth": 20, "tabwidth": 1, "padding": 1}  # docker version's, custom formats too
# Go's GOARCH for the machine names os.uname() reports
_GOARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64", "i386": "386",
           "i686": "386", "armv7l": "arm", "armv6l": "arm", "ppc64le": "ppc64le", "s390x": "s390x",
           "riscv64": "riscv64"}


@click.command(cls=DockerCommand, usage="version [OPTIONS]", nargs=("none",),
               help="Show the Docker version information")
@click.option("-f", "--format", "format_", metavar="string", help=JSON_FORMAT_HELP)
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


@click.command(cls=DockerCommand, usage="info [OPTIONS]", nargs=("none",), help="Display system-wide information")
@click.option("-f", "--format", "format_", metavar="string", help=JSON_FORMAT_HELP)
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
    from ...golang.structs import json_funcs
    from ...golang.template import parse

    try:
        parse(format_, funcs=json_funcs()).execute(sparse_info(client))
    except Exception:  # any failure (parse, lookup, function) means: ask the engine, as docker does
        return True
    return False


def _parse_template(text: str, name: str):
    from ...golang.structs import json_funcs
    from ...golang.template import TemplateParseError, parse

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


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] NAME|ID [NAME|ID...]", nargs=("min", 1),
               help="Return low-level information on Docker objects")
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
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
