"""`pydock version` and `pydock info`: declarations and wiring (rendering lives in formatting/)."""
from __future__ import annotations

import os
import sys

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..output import print_line, write_flushed
from . import JSON_FORMAT_HELP

VERSION_TABWRITER = {"minwidth": 20, "tabwidth": 1, "padding": 1}  # docker version's, custom formats too
TEMPLATE_ERROR = 64  # docker's status for a --format that does not parse
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
    from ...golang.template import TemplateExecError
    from ...formatting.contexts.system import version_info
    from ...golang.tabwriter import tabwrite

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
    from ...golang.template import TemplateExecError
    from ...formatting.contexts.system import docker_info

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
    from ...formatting.contexts.info_text import client_text, server_text
    from ...formatting.contexts.system import docker_info

    data = docker_info(raw, client)
    write_flushed(env.stdout, client_text(data.ClientInfo) + "\nServer:\n")
    if error is not None:
        if unreachable:  # docker 28 prints the bare connection error here
            raise StatusError(str(error), FAILURE)
        print_line(env.stderr, f"ERROR: {error}")
        raise StatusError("errors pretty printing info", FAILURE)
    text, warnings, errors = server_text(data, client_debug=client["Debug"], username=_hub_username(env))
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
    from ...golang.structs import json_funcs
    from ...golang.template import parse
    from ...formatting.contexts.system import sparse_info

    try:
        parse(format_, funcs=json_funcs()).execute(sparse_info(client))
    except Exception:  # any failure (parse, lookup, function) means: ask the engine, as docker does
        return True
    return False


def _parse_template(text: str, name: str):
    from ...golang.template import TemplateParseError, parse
    from ...golang.structs import json_funcs

    if text == "json":
        text = "{{json .}}"
    try:
        return parse(text, funcs=json_funcs(), name=name)
    except TemplateParseError as exc:
        raise StatusError(f"template parsing error: {exc}", TEMPLATE_ERROR) from None


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


def _hub_username(env) -> str:
    import base64

    entry = (env.config.get("auths") or {}).get("https://index.docker.io/v1/") or {}
    if entry.get("username"):
        return entry["username"]
    try:
        return base64.b64decode(entry.get("auth") or "").decode().partition(":")[0]
    except ValueError:
        return ""
