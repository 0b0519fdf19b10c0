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
from typing import Callable

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
    go_is_pointer = True  # docker hands its templates a *context: printf "%v" shows &{…}, nested ones an address

    def to_json_dict(self) -> dict:
        from ...golang.template import TemplateContext

        return TemplateContext.to_json_dict(self)

    def go_fields(self) -> list[tuple[str, object]]:
        """The Go struct's fields after its embedded HeaderContext, as (Go name, Go value): what `{{.}}`
        prints (`{{<nil>} true {…summary…}}`). Lower-case names are unexported fields, printed without
        calling String() methods, as Go's fmt does."""
        return []

    def go_struct_fields(self) -> list[tuple[str, object]]:
        return [("HeaderContext", _HEADER_CONTEXT), *self.go_fields()]

    @property
    def go_struct_name(self) -> str:
        return self.go_type_name.lstrip("*")

    def go_deref(self) -> "_ContextStruct":
        """The struct the context pointer points to (a template prints `{{.}}` as that struct)."""
        return _ContextStruct(self)


class _ContextStruct:
    go_is_pointer = False

    def __init__(self, context: Context):
        self.context = context
        self.go_type_name = self.go_struct_name = context.go_struct_name

    def go_struct_fields(self) -> list[tuple[str, object]]:
        return self.context.go_struct_fields()


class GoStructValue:
    """A Go struct value given by its fields ([(Go name, Go value)]), for fmt to print."""

    go_is_pointer = False

    def __init__(self, type_name: str, fields: list[tuple[str, object]]):
        self.go_type_name = self.go_struct_name = type_name
        self.fields = fields

    def go_struct_fields(self) -> list[tuple[str, object]]:
        return self.fields


class _HeaderContext:
    """A row's formatter.HeaderContext: its `Header any` is nil (only the header row's context has one)."""

    go_type_name = go_struct_name = "formatter.HeaderContext"

    @staticmethod
    def go_struct_fields() -> list[tuple[str, object]]:
        return [("Header", None)]


_HEADER_CONTEXT = _HeaderContext()


def go_value(type_name: str, raw):
    """`raw` (the engine's JSON) decoded into the API type `type_name` docker's context holds."""
    from .listing_types import decode

    return decode(type_name, raw)


def go_nil_map(type_name: str = "map[string]interface {}"):
    from ...golang.structs import NilMap

    return NilMap(go_type_name=type_name)


def go_pointers(type_name: str, items: list, *, nil: bool = False):
    """A []*T of `len(items)` non-nil pointers (fmt prints their addresses); `nil`: a nil slice."""
    from ...golang.structs import GoPointer, GoSlice

    return GoSlice([GoPointer("*" + type_name, item) for item in items], "[]*" + type_name, nil=nil)


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
    plain_table: rows -> docker's bytes of the default table, for a default table that is not made of
        plain `{{.Field}}` cells (images' `{{if .CreatedSince}}…`) but can be printed without the
        template engine all the same.
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
    plain_table: Callable[[list], str] | None = None
