"""Flag declarations every command group shares: Go-typed values with pflag's messages, the kind
table, and the options every listing has (--format, -q, --no-trunc, --filter).

A listing command declares `@filter_option("-f", "--filter", help=…)`, `@format_option()`,
`@no_trunc_option(help)` and `@quiet_option(help)` (the whole command is in cli/listing.py's docstring).
The parameter names are fixed: `filters` (a tuple of "key=value" strings, checked as pflag does;
hand them to opts.filters.parse_filters), `fmt`, `no_trunc`, `quiet`.
Other flags: `option(*decls, kind=..., help=..., default=...)`, kind naming a Go type ("int",
"bytes", "duration", "list", …, see TYPES). Nothing here imports the value parsers until a value
arrives, so `--help` stays fast.
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
}
# kinds that repeat (pflag's slices and maps): the option collects a tuple
MULTIPLE = {"list", "env", "label", "attach", "cgroup-rule", "dns", "dns-search", "add-host", "link", "sysctl",
            "map", "ulimit", "weight-device", "bps-device", "iops-device", "mount", "network", "gpus"}


def option(*decls: str, kind: str = "string", help: str = "", default=None, hidden: bool = False,  # noqa: A002
           api_version: str | None = None, os_type: str | None = None, experimental: bool = False,
           swarm: str | None = None):
    """One pflag-like option: `kind` picks the value type (TYPES), "bool" makes a flag, "optbool" a
    flag whose absence matters (None when not given, as --init). A "strings" flag (`--subnet a,b
    --subnet c`) gives one flat list.

    docker's flag annotations: given on the command line, the flag needs an engine speaking at least
    `api_version` ("1.43"), running on `os_type` ("windows"), with `experimental` features; the
    command base checks them before the command runs (exit 1 with docker's message). `swarm`
    ("manager") is recorded only, as docker only uses it to hide flags from --help.
    """
    from .base import DockerOption, feature_annotations

    notes = feature_annotations(api_version=api_version, os_type=os_type, experimental=experimental, swarm=swarm)
    extra = {"cls": DockerOption, "annotations": notes} if notes else {}
    if kind == "bool":
        return click.option(*decls, is_flag=True, default=bool(default) if default is not None else False,
                            help=help, hidden=hidden, **extra)
    if kind == "optbool":
        return click.option(*decls, is_flag=True, default=None, help=help, hidden=hidden, **extra)
    if kind == "strings":
        return click.option(*decls, type=TYPES[kind], multiple=True, help=help, hidden=hidden, metavar="strings",
                            callback=_flatten, **extra)
    if kind in MULTIPLE:
        return click.option(*decls, type=TYPES[kind], multiple=True, help=help, hidden=hidden,
                            metavar=TYPES[kind].name, **extra)
    param_type = TYPES[kind] or click.STRING
    metavar = "string" if kind == "string" else TYPES[kind].name
    return click.option(*decls, type=param_type, default=default, help=help, hidden=hidden, metavar=metavar,
                        **extra)


def _flatten(ctx, param, value) -> list:
    return [item for items in value for item in items]


def filter_option(*decls, **kwargs):
    """`--filter name=value` (param `filters`), repeatable, checked as pflag does (exit 125 on a bad value)."""
    from ..opts.filters import parse_filter

    kwargs.setdefault("help", "Filter output based on conditions provided")
    return click.option(*(decls or ("--filter",)), "filters", multiple=True, metavar="filter",
                        type=GoValue(lambda v: (parse_filter(v), v)[1], "filter"), **kwargs)


def format_option(*decls: str, help: str = FORMAT_HELP):  # noqa: A002 - click's word
    """`--format string` (param `fmt`, "" when not given); inspect-like commands pass
    `"-f", "--format", help=JSON_FORMAT_HELP`."""
    return click.option(*(decls or ("--format",)), "fmt", default="", metavar="string", help=help)


def quiet_option(help: str):  # noqa: A002
    """`-q, --quiet` (param `quiet`)."""
    return click.option("-q", "--quiet", is_flag=True, help=help)


def no_trunc_option(help: str):  # noqa: A002
    """`--no-trunc` (param `no_trunc`)."""
    return click.option("--no-trunc", is_flag=True, help=help)
