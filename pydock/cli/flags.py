"""Flag declarations every command group shares: Go-typed values with pflag's messages, the kind
table, and the options every listing has (--format, -q, --no-trunc, --filter).

A listing command declares `@filter_option("-f", "--filter", help=…)`, `@format_option()`,
`@no_trunc_option(help)` and `@quiet_option(help)` (the whole command is in cli/listing.py's docstring).
The parameter names are fixed: `filters` (a tuple of "key=value" strings, checked as pflag does;
hand them to opts.filters.parse_filters), `fmt`, `no_trunc`, `quiet`.
Other flags: `option(*decls, kind=..., help=..., default=..., complete=...)`, kind naming a Go type
("int", "bytes", "duration", "list", …, see TYPES); arguments: `argument(name, complete=...)`. Every
flag and argument of every command is declared through these (never a bare `click.option` or
`click.argument`): `complete=` says what its values are, and completion (cli/completion), man pages
and --help all read it from the declaration. Nothing here imports the value parsers until a value
arrives, so `--help` stays fast.

What `complete=` takes (plain data, so that it can be written into generated files):
- a kind's name from COMPLETE_KINDS: "container" (all), "container:running", "container:live" (running
  or paused), "container:stopped", "container:paused", "container:removable" (stopped ones, all of them
  once `-f/--force` is given), "image" (repo:tag, no dangling or intermediate IDs), "network", "volume",
  "context" (read from the store, no engine call), "file", "dir", "cp-path" (`container:path` or a
  local path), "signal", "platform", "network-mode" (bridge/host/none/container: and network names),
  "node", "service", "task", "secret", "config", "stack", "object" (any of them; a `--type` given on
  the command line picks the kind, as for the top-level `inspect`), "env" (this shell's variable names);
- a tuple of fixed choices: `complete=("no", "always", "on-failure", "unless-stopped")`;
- for `--filter`, a dict: key -> a kind, a tuple of choices or None (free text), e.g.
  `{"dangling": ("true", "false"), "label": None, "network": "network"}`;
- for an argument, a list gives one of the above per position (`["network", "container"]`), the
  positions after the list's end offering nothing; a single value applies to every position.
"""
from __future__ import annotations

from typing import Callable

import click

FORMAT_HELP = ("Format output using a custom template:\n"
               "'table':            Print output in table format with column headers (default)\n"
               "'table TEMPLATE':   Print output in table format using the given Go template\n"
               "'json':             Print in JSON format\n"
               "'TEMPLATE':         Print output using the given Go template.\n"
               "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output "
               "with templates")
JSON_FORMAT_HELP = ("Format output using a custom template:\n"
                    "'json':             Print in JSON format\n"
                    "'TEMPLATE':         Print output using the given Go template.\n"
                    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output "
                    "with templates")


class GoValue(click.ParamType):
    """A flag whose value is checked by `parse(text)`, which raises ValueError with docker's message.

    A refusal exits 125 as `invalid argument "<value>" for "<flag>" flag: <message>` (cli.base).
    """

    def __init__(self, parse: Callable[[str], object], type_name: str):
        self.parse, self.name = parse, type_name

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        try:
            return self.parse(value)
        except ValueError as exc:
            error = click.BadParameter(str(exc), ctx, param)
            error.pydock_value = value
            raise error from None


def opts_parser(module: str, name: str) -> Callable[[str], object]:
    """pydock.opts.<module>.<name>, imported only when a value arrives (keeps `--help` fast)."""
    def parse(value):
        import importlib

        return getattr(importlib.import_module(f"pydock.opts.{module}"), name)(value)
    return parse


class GoInt(GoValue):
    """An int flag (int, int64, uint16 …): strconv's base-0 parsing, pflag's wording."""

    def __init__(self, bits: int = 64, unsigned: bool = False, type_name: str = "int"):
        def parse(text: str) -> int:
            from ..golang.strconv import parse_int, parse_uint

            return (parse_uint if unsigned else parse_int)(text, bits, base=0)
        super().__init__(parse, type_name)


def feature_annotations(*, api_version: str | None = None, os_type: str | None = None, experimental: bool = False,
                        swarm: str | None = None) -> dict[str, str]:
    """docker's annotation map: "version" (the minimum API version, "1.42"), "ostype" ("windows"),
    "experimental" (the daemon must run with experimental features), "swarm" ("manager", "active" or
    "": a swarm command; docker only hides such commands in --help, it checks nothing)."""
    found = {"version": api_version, "ostype": os_type, "experimental": "" if experimental else None,
             "swarm": swarm}
    return {key: value for key, value in found.items() if value is not None}


COMPLETE_KINDS = frozenset({
    "container", "container:running", "container:live", "container:stopped", "container:paused",
    "container:removable", "image", "network", "volume",
    "context", "file", "dir", "cp-path", "signal", "platform", "network-mode", "node", "service", "task",
    "secret", "config", "stack", "object", "env",
})


def check_complete(spec):
    """`spec` if it is a valid `complete=` value (see the module's docstring); ValueError otherwise, so
    that a typo fails when the command is declared, not at the user's TAB."""
    if spec is None or isinstance(spec, tuple) and all(isinstance(c, str) for c in spec):
        return spec
    if isinstance(spec, str):
        if spec not in COMPLETE_KINDS:
            raise ValueError(f"unknown completion kind {spec!r}")
        return spec
    if isinstance(spec, dict):
        for value in spec.values():
            if isinstance(value, (dict, list)):
                raise ValueError(f"a filter key completes with a kind or choices, not {value!r}")
            check_complete(value)
        return spec
    if isinstance(spec, list):
        for value in spec:
            if isinstance(value, (dict, list)):
                raise ValueError(f"an argument position completes with a kind or choices, not {value!r}")
            check_complete(value)
        return spec
    raise ValueError(f"not a completion declaration: {spec!r}")


class DockerOption(click.Option):
    """Every flag of pydock: a click option that keeps what the toolkit declared about it.

    `kind` is the Go type's name as `option(kind=)` gives it ("string", "bool", "list", "duration" …),
    `complete` what its values are (see the module's docstring), `annotations` docker's feature
    annotations (cli.base.feature_annotations(): checked against the engine before the command runs,
    and hidden from --help where the engine cannot honour them).
    """

    def __init__(self, *args, kind: str = "string", complete=None, annotations: dict[str, str] | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.complete = check_complete(complete)
        self.annotations = dict(annotations or {})


class DockerArgument(click.Argument):
    """Every positional argument of pydock: a click argument that keeps `complete` (see the module's
    docstring). The command's usage line and its nargs rule (cli.base.DockerCommand) say how many."""

    def __init__(self, *args, complete=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = check_complete(complete)


def argument(name: str, *, complete=None, nargs: int = -1, required: bool = False):
    """One positional argument (param `name`): by default any number of words (nargs=-1), counted by
    the command's nargs rule; `nargs=1` for a single optional word."""
    if nargs == 1:
        return click.argument(name, cls=DockerArgument, required=required, complete=complete)
    return click.argument(name, cls=DockerArgument, nargs=nargs, required=required, complete=complete)


# kind -> value type (None: a plain string); the name is what --help shows after the flag
TYPES = {
    "string": None,
    "list": GoValue(lambda v: v, "list"),
    "int": GoInt(64, type_name="int"),
    "int64": GoInt(64, type_name="int"),
    "uint16": GoInt(16, unsigned=True, type_name="uint16"),
    "uint64": GoInt(64, unsigned=True, type_name="uint"),
    "bytes": GoValue(opts_parser("sizes", "ram_in_bytes"), "bytes"),
    "swap": GoValue(opts_parser("sizes", "parse_swap"), "bytes"),
    "duration": GoValue(opts_parser("sizes", "parse_duration"), "duration"),
    "decimal": GoValue(opts_parser("sizes", "parse_cpus"), "decimal"),
    "env": GoValue(opts_parser("env", "validate_env"), "list"),
    "label": GoValue(opts_parser("env", "validate_label"), "list"),
    "attach": GoValue(opts_parser("validators", "validate_attach"), "list"),
    "cgroup-rule": GoValue(opts_parser("validators", "validate_device_cgroup_rule"), "list"),
    "dns": GoValue(opts_parser("validators", "validate_ip_address"), "list"),
    "dns-search": GoValue(opts_parser("validators", "validate_dns_search"), "list"),
    "add-host": GoValue(opts_parser("validators", "validate_extra_host"), "list"),
    "link": GoValue(opts_parser("validators", "validate_link"), "list"),
    "sysctl": GoValue(opts_parser("validators", "validate_sysctl"), "map"),
    "map": GoValue(lambda v: v, "map"),
    "ulimit": GoValue(opts_parser("validators", "parse_ulimit"), "ulimit"),
    "weight-device": GoValue(opts_parser("validators", "validate_weight_device"), "list"),
    "bps-device": GoValue(opts_parser("validators", "validate_throttle_bps"), "list"),
    "iops-device": GoValue(opts_parser("validators", "validate_throttle_iops"), "list"),
    "mount": GoValue(opts_parser("mounts", "parse_mount"), "mount"),
    "network": GoValue(opts_parser("network", "parse_network"), "network"),
    "gpus": GoValue(opts_parser("gpus", "parse_gpu_request"), "gpu-request"),
    "strings": GoValue(opts_parser("csvline", "string_slice"), "strings"),  # pflag's StringSlice: CSV values
    "filter": GoValue(lambda v: (opts_parser("filters", "parse_filter")(v), v)[1], "filter"),  # kept as given
}
# kinds that repeat (pflag's slices and maps): the option collects a tuple
MULTIPLE = {"list", "env", "label", "attach", "cgroup-rule", "dns", "dns-search", "add-host", "link", "sysctl",
            "map", "ulimit", "weight-device", "bps-device", "iops-device", "mount", "network", "gpus", "filter"}


def option(*decls: str, kind: str = "string", help: str = "", default=None, hidden: bool = False,  # noqa: A002
           complete=None, api_version: str | None = None, os_type: str | None = None, experimental: bool = False,
           swarm: str | None = None, **click_kwargs):
    """One pflag-like option: `kind` picks the value type (TYPES), "bool" makes a flag, "optbool" a
    flag whose absence matters (None when not given, as --init), "count" a counting flag. A "strings"
    flag (`--subnet a,b --subnet c`) gives one flat list. `complete` says what its values are (the
    module's docstring); other keywords (`callback`, `is_eager`, `expose_value`, `metavar`, `type`)
    go to click as they are.

    docker's flag annotations: given on the command line, the flag needs an engine speaking at least
    `api_version` ("1.43"), running on `os_type` ("windows"), with `experimental` features; the
    command base checks them before the command runs (exit 1 with docker's message). `swarm`
    ("manager") is recorded only, as docker only uses it to hide flags from --help.
    """
    notes = feature_annotations(api_version=api_version, os_type=os_type, experimental=experimental, swarm=swarm)
    extra = {"cls": click_kwargs.pop("cls", DockerOption), "annotations": notes, "kind": kind, "complete": complete,
             "help": help, "hidden": hidden, **click_kwargs}
    if kind == "bool":
        return click.option(*decls, is_flag=True, default=bool(default) if default is not None else False, **extra)
    if kind == "optbool":
        return click.option(*decls, is_flag=True, default=None, **extra)
    if kind == "count":
        return click.option(*decls, count=True, default=default or 0, **extra)
    if kind == "strings":
        extra.setdefault("metavar", "strings")
        return click.option(*decls, type=TYPES[kind], multiple=True, callback=_flatten, **extra)
    if kind in MULTIPLE:
        extra.setdefault("metavar", TYPES[kind].name)
        extra.setdefault("type", TYPES[kind])
        return click.option(*decls, multiple=True, **extra)
    if "type" not in extra:
        extra["type"] = TYPES[kind] or click.STRING
    if "metavar" not in extra:
        extra["metavar"] = "string" if kind == "string" else TYPES[kind].name
    return click.option(*decls, default=default, **extra)


def _flatten(ctx, param, value) -> list:
    return [item for items in value for item in items]


def filter_option(*decls, complete: dict | None = None, **kwargs):
    """`--filter name=value` (param `filters`), repeatable, checked as pflag does (exit 125 on a bad value).
    `complete` maps each filter key the command takes to what its values are (the module's docstring)."""
    kwargs.setdefault("help", "Filter output based on conditions provided")
    return option(*(decls or ("--filter",)), "filters", kind="filter", complete=complete or {}, **kwargs)


def format_option(*decls: str, help: str = FORMAT_HELP):  # noqa: A002 - click's word
    """`--format string` (param `fmt`, "" when not given); inspect-like commands pass
    `"-f", "--format", help=JSON_FORMAT_HELP`."""
    choices = ("json",) if help == JSON_FORMAT_HELP else ("table", "json")
    return option(*(decls or ("--format",)), "fmt", default="", help=help, complete=choices)


def quiet_option(help: str):  # noqa: A002
    """`-q, --quiet` (param `quiet`)."""
    return option("-q", "--quiet", kind="bool", help=help)


def no_trunc_option(help: str):  # noqa: A002
    """`--no-trunc` (param `no_trunc`)."""
    return option("--no-trunc", kind="bool", help=help)
