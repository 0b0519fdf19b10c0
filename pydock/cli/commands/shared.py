"""Group-neutral pieces the network and volume commands need (to move into the CLI toolkit)."""
from __future__ import annotations

import click

from ..errors import FAILURE, StatusError
from .container.common import GoValue


def _csv(value: str) -> list[str]:
    from ...opts.csvline import csv_fields

    return csv_fields(value) if value else []


def strings_option(*decls, help: str = ""):  # noqa: A002 - click's word
    """A pflag StringSlice: repeatable, each value split as a CSV record; the command gets a flat list."""
    def flatten(ctx, param, value):
        return [item for items in value for item in items]
    return click.option(*decls, type=GoValue(_csv, "strings"), multiple=True, metavar="strings", help=help,
                        callback=flatten)


def map_option(*decls, help: str = ""):  # noqa: A002
    """A MapOpts flag: repeatable key=value (a bare key maps to ""); help ends with docker's (default map[])."""
    return click.option(*decls, multiple=True, metavar="map", help=f"{help} (default map[])")


def label_option(help: str):  # noqa: A002
    from .container.common import opts_parser

    return click.option("--label", "labels", multiple=True, metavar="list",
                        type=GoValue(opts_parser("env", "validate_label"), "list"), help=help)


def write_listing(env, contexts, fmt: str, quiet: bool, spec) -> None:
    """docker's listing for `network ls`/`volume ls`: --format, else config's `spec.CONFIG_KEY` (not with
    -q), else the table; a custom format beats -q silently. Templates are checked on the rows only,
    after the engine call, as docker does for these commands."""
    from ...formatting import writer
    from ...golang.template import template_parsing_error

    if not fmt:
        fmt = (env.config.get(spec.CONFIG_KEY) if not quiet else "") or "table"
    effective = writer.resolve_format(fmt, quiet=quiet, default_format=spec.DEFAULT_TABLE,
                                      quiet_format=spec.QUIET_FORMAT, raw_format=spec.RAW_FORMAT,
                                      raw_quiet_format=spec.RAW_QUIET_FORMAT, quiet_beats_custom=False)
    try:
        writer.render_listing(env.stdout, list(contexts), fmt=effective, headers=spec.HEADERS,
                              default_format=effective, is_tty=env.stdout_is_tty())
    except ValueError as exc:
        raise StatusError(template_parsing_error(exc), FAILURE) from None
    env.stdout.flush()


def natural_sorted(rows, key):
    """sortorder.NaturalLess on key(row), as docker sorts names."""
    from functools import cmp_to_key

    from .container.listing import _natural_cmp

    return sorted(rows, key=cmp_to_key(lambda a, b: _natural_cmp(key(a), key(b))))


def confirm_or_cancel(env, force: bool, warning: str) -> bool:
    """docker's prune prompt: True to go on; a refusal ends the command quietly (exit 0)."""
    from .container.common import confirm

    return force or confirm(env, warning)


def version_gate(env, flags: dict[str, str], given) -> None:
    """docker's areFlagsSupported for "version" annotations: `flags` maps a flag to its minimum API
    version; every given flag the engine is too old for is refused (exit 1), in flag-name order."""
    errors = [f'"{flag}" requires API version {needed}, but the Docker daemon API version is '
              f'{env.transport.api_version}'
              for flag, needed in sorted(flags.items()) if flag in given and not env.transport.version_at_least(needed)]
    if errors:
        raise StatusError("\n".join(errors), FAILURE)
