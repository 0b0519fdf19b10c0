"""Listings (``ps``, ``images``, ``volume ls``…): docker's formatter.Context in one place.

Commands do not call this module: they hand rows to cli.listing.Listing, which picks the format
(flag, config.json, default) and calls these pure functions:

    source, warning = choose_source(flag_format, quiet=…, config_format=…)
    fmt = resolve_format(source, quiet=…, default_format="table {{.ID}}\\t{{.Names}}")
    text = plain_text(fmt, rows, headers)            # the default table without the template engine
    header, texts = render_rows(fmt, rows, headers)  # or: the template over every row

Formats, as docker reads them:

* ``""`` or ``table``: the default table format.
* ``table TEMPLATE``: a header row (the template run over the header map with docker's
  header functions) and one row per context, laid out by the tabwriter.
* ``json``: ``{{json .}}`` per row (JSON Lines; keys sorted, from ``to_json_dict()``).
* anything else: the template per row, each followed by a newline, no alignment.

In every template the two-character sequences ``\\t`` and ``\\n`` become a tab and a newline,
and a table template is trimmed of spaces. Nothing is written when a row fails.
On a terminal, tables are drawn with rich (see tty_table); everything else is plain text.
"""

from __future__ import annotations

import os

from .plain import plain, plain_text, write_text

__all__ = [
    "HeaderMap", "choose_source", "resolve_format", "precheck_format", "is_table", "template_string",
    "render_listing", "render_listing_text", "render_rows", "plain_text", "plain", "write_text",
    "TABLE", "RAW", "JSON", "JSON_FORMAT", "DEFAULT_QUIET_FORMAT", "QUIET_WARNING",
]

TABLE, RAW, JSON = "table", "raw", "json"
JSON_FORMAT = "{{json .}}"
DEFAULT_QUIET_FORMAT = "{{.ID}}"
QUIET_WARNING = "WARNING: Ignoring custom format, because both --format and --quiet are set."


class HeaderMap(dict):
    """formatter.SubHeaderContext: column titles by field name, plus ``.Label``.

    ``{{.Label "com.example.vendor"}}`` titles its column ``vendor``: the last dotted part,
    with "-" and "_" turned into spaces. A field with no title prints ``<no value>``.
    """

    go_type_name = "formatter.SubHeaderContext"
    go_methods = ("Label",)

    def Label(self, name: str) -> str:  # noqa: N802 - Go's method name
        last = name.split(".")[-1]
        return last.replace("-", " ").replace("_", " ")


def resolve_format(source: str | None, *, quiet: bool = False, default_format: str,
                   quiet_format: str = DEFAULT_QUIET_FORMAT, raw_format: str | None = None,
                   raw_quiet_format: str | None = None, quiet_beats_custom: bool = True) -> str:
    """A command's New…Format: turn the --format value into the template to run.

    ``quiet_beats_custom`` is docker's per-command rule: ``ps`` prints IDs for
    ``-q --format X``; ``images``/``volume ls`` keep the custom format.
    """
    source = source or ""
    if source in (TABLE, ""):
        return quiet_format if quiet else default_format
    if source == RAW and raw_format is not None:
        return (raw_quiet_format or quiet_format) if quiet else raw_format
    if quiet and quiet_beats_custom:
        return quiet_format
    return source


def choose_source(flag_format: str | None, *, quiet: bool = False, config_format: str | None = None,
                  warn_quiet_with_format: bool = False, config_under_quiet: bool = False) -> tuple[str, str | None]:
    """The format's source by docker's precedence: --format > the config key (psFormat…) > "" (the
    default table). A config format is skipped with -q, unless `config_under_quiet` (docker's runPs
    reads psFormat even then; -q beats it later).

    Returns (source, warning): the warning is QUIET_WARNING, for stderr, when both --format and -q
    are given and `warn_quiet_with_format` (docker ps); else None.
    """
    if flag_format:
        return flag_format, QUIET_WARNING if quiet and warn_quiet_with_format else None
    if config_format and (not quiet or config_under_quiet):
        return config_format, None
    return "", None


def precheck_format(source: str | None, sample_row) -> str | None:
    """``docker ps``'s early check of --format, before any engine call.

    Parses the value as given (no table/escape processing) and runs it over an empty row;
    returns docker's message ("failed to parse template: …" / "failed to execute
    template: …") or None when the format is usable.
    """
    from ..golang.template import TemplateExecError, TemplateParseError, exec_error_message, parse, parse_error_message

    if not source:
        return None
    try:
        tmpl = parse(source)
    except TemplateParseError as err:
        return parse_error_message(err)
    try:
        tmpl.execute(sample_row)
    except TemplateExecError as err:
        return exec_error_message(err)
    return None


def is_table(fmt: str) -> bool:
    return fmt.startswith(TABLE)


def template_string(fmt: str) -> str:
    """formatter.Format.templateString: strip "table", trim spaces, expand \\t and \\n."""
    if fmt == TABLE:
        return ""
    if fmt == JSON:
        return JSON_FORMAT
    if fmt.startswith(TABLE):
        fmt = fmt[len(TABLE):]
    fmt = fmt.strip(" ")
    return fmt.replace("\\t", "\t").replace("\\n", "\n")


def render_rows(fmt: str, rows, headers: dict | None = None, *,
                funcs: dict | None = None) -> tuple[str | None, list[str]]:
    """Run the format: returns (header line or None, row texts), without layout.

    Raises TemplateParseError / TemplateExecError (docker prefixes both with
    "template parsing error: ").
    """
    from ..golang.template import parse

    tmpl = parse(template_string(fmt), funcs=funcs)
    texts = [tmpl.execute(row) for row in rows]
    header = _header_text(tmpl, headers) if is_table(fmt) else None
    return header, texts


def _header_text(tmpl, headers: dict | None) -> str:
    from ..golang.template import HEADER_FUNCS, TemplateExecError

    data = headers if isinstance(headers, HeaderMap) else HeaderMap(headers or {})
    try:
        return tmpl.execute(data, funcs=HEADER_FUNCS)
    except TemplateExecError as err:  # docker ignores header errors and keeps what was written
        return err.partial_output


def render_listing_text(rows, *, fmt: str | None, headers: dict | None = None, default_format: str,
                        quiet_format: str = DEFAULT_QUIET_FORMAT, quiet: bool = False,
                        quiet_beats_custom: bool = True, funcs: dict | None = None) -> str:
    """The bytes docker prints (as text) when the output is not a terminal."""
    effective = resolve_format(fmt, quiet=quiet, default_format=default_format, quiet_format=quiet_format,
                               quiet_beats_custom=quiet_beats_custom)
    header, texts = render_rows(effective, rows, headers, funcs=funcs)
    return plain(header, texts)


def render_listing(out, rows, *, fmt: str | None, headers: dict | None = None, default_format: str,
                   quiet_format: str = DEFAULT_QUIET_FORMAT, quiet: bool = False, is_tty: bool | None = None,
                   quiet_beats_custom: bool = True, funcs: dict | None = None, width: int | None = None) -> None:
    """Write a listing to the text stream `out`: a rich table on a terminal, docker's bytes otherwise.

    Template errors propagate before anything is written.
    """
    effective = resolve_format(fmt, quiet=quiet, default_format=default_format, quiet_format=quiet_format,
                               quiet_beats_custom=quiet_beats_custom)
    header, texts = render_rows(effective, rows, headers, funcs=funcs)
    if header is not None and _wants_rich(out, is_tty):
        from .tty_table import render_tty_table

        render_tty_table(out, header, texts, width=width)
        return
    write_text(out, plain(header, texts))


def _wants_rich(out, is_tty: bool | None) -> bool:
    if is_tty is None:
        isatty = getattr(out, "isatty", None)
        is_tty = bool(isatty and isatty())
    return is_tty and os.environ.get("TERM") != "dumb"
