"""What every listing context shares: the row base class and the listing's declaration.

A kind of object that can be listed has a module here (container.py, network.py, …) with its
row context and its spec, as docker/cli's formatter/<kind>.go has a context and New<Kind>Format:

    class NetworkContext(Context):
        go_type_name = "*network.networkContext"
        def __init__(self, network: dict, trunc: bool = True): ...
        def ID(self) -> str: ...                       # one method per field `--format` can use

    SPEC = ListingSpec(context=NetworkContext, config_key="networksFormat",
                       default_table="table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}",
                       headers={"ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE"},
                       raw_format="network_id: {{.ID}}\\nname: {{.Name}}\\n…", raw_quiet_format="network_id: {{.ID}}",
                       quiet_beats_custom=False)

cli.listing.Listing turns a spec, the --format/-q flags and config.json into output. Nothing here
imports the template engine: the default table of a listing in a pipe is printed without it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SIMPLE_FIELD = re.compile(r"\{\{\.([A-Za-z][A-Za-z0-9_]*)\}\}")


class Context:
    """The base of every row context (docker/cli's formatter.SubContext).

    Methods named like Go fields (`ID`, `Names`, `Label(name)`) are what `{{.ID}}` reads; they
    return strings for the default tables. `go_type_name` names the Go type in template errors
    ("can't evaluate field X in type *network.networkContext"); `json_fields` chooses what
    `{{json .}}` / `--format json` shows (default: every upper-case method taking no argument, as
    docker's MarshalJSON). A context built without arguments is the one docker's precheck runs over.
    """

    go_type_name = "*formatter.Context"
    json_fields: tuple[str, ...] | None = None

    def to_json_dict(self) -> dict:
        from ...golang.template import TemplateContext

        return TemplateContext.to_json_dict(self)


def simple_columns(template: str) -> tuple[str, ...] | None:
    """The fields of a template made only of `{{.Field}}` cells separated by tabs ("table " prefix
    allowed), in order; None for anything else. Such a template can be printed without the engine."""
    text = template[len("table"):].strip(" ") if template.startswith("table") else template
    cells = text.replace("\\t", "\t").split("\t")
    names = []
    for cell in cells:
        match = _SIMPLE_FIELD.fullmatch(cell)
        if match is None:
            return None
        names.append(match.group(1))
    return tuple(names)


@dataclass(frozen=True)
class ListingSpec:
    """How one kind of object is listed (docker/cli's New<Kind>Format and the command's defaults).

    context: the row context class; `context()` is the empty row of the precheck.
    default_table: the format of "" and "table" ("table {{.ID}}\\t{{.Name}}…").
    headers: column titles by field name ({"ID": "NETWORK ID", …}).
    quiet_format: what -q prints per row; raw_format/raw_quiet_format: `--format raw` (None: no
        raw format, "raw" is then a plain template).
    config_key: the config.json key supplying the default format ("psFormat"); a config format is
        not used with -q (except with `precheck`, where -q beats it anyway).
    quiet_beats_custom: -q with a custom --format prints the quiet format (ps) or the custom one
        (images, network ls, volume ls).
    warn_quiet_with_format: print docker's "Ignoring custom format" warning for -q with --format (ps).
    precheck: parse the format and run it over an empty row before calling the engine, with docker
        ps's "failed to parse template"/"failed to execute template" messages (ps only).
    """

    context: type
    default_table: str
    headers: dict = field(default_factory=dict)
    quiet_format: str = "{{.ID}}"
    raw_format: str | None = None
    raw_quiet_format: str | None = None
    config_key: str | None = None
    quiet_beats_custom: bool = True
    warn_quiet_with_format: bool = False
    precheck: bool = False
