"""The one listing entry point: `--format`/`-q`/config.json in, docker's output out.

A listing command is a declaration (cli.flags) and a few lines, as docker/cli's network/list.go:

    @click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",), help="List networks")
    @filter_option("-f", "--filter", help='Provide filter values (e.g. "driver=bridge")')
    @format_option()
    @no_trunc_option("Do not truncate the output")
    @quiet_option("Only display network IDs")
    @click.pass_obj
    def ls(env, filters, fmt, no_trunc, quiet):
        listing = Listing(env, network.SPEC, fmt, quiet=quiet)     # precheck, warnings: before the engine call
        rows = env.api.networks.list(filters=parse_filters(filters))
        listing.write(network.NetworkContext(r, trunc=not no_trunc) for r in sorted(rows, key=...))

`network` is formatting.contexts.network: the row context and its ListingSpec
(formatting.contexts.base). Listing owns what docker's commands each repeat:

* the format's precedence: --format > the spec's config key (psFormat, networksFormat…), which -q
  skips > the default table; "table", "raw" and "json" as docker's New<Kind>Format reads them;
* docker ps's warning when -q and --format are both given (spec.warn_quiet_with_format);
* docker ps's precheck (spec.precheck): the template parsed and run over an empty row before the
  engine is called; `listing.uses("Size")` then tells whether the template reads a field;
* a terminal gets a rich table fitted to its width; a pipe gets docker's bytes, the default table
  and -q without even loading the template engine;
* a template that fails: `template parsing error: …`, exit 1, nothing written.
"""
from __future__ import annotations

from typing import Iterable

from .errors import FAILURE, StatusError, template_error
from .output import print_line


class Listing:
    """One listing's output. `fmt` is the --format value ("" when not given).

    Raises StatusError (exit 1) from the constructor when the spec's precheck refuses the template.
    Every method taking `spec` accepts a variant of the constructor's spec decided after the engine
    call (ps -s adds a SIZE column; stats on a Windows engine has other columns).
    """

    def __init__(self, env, spec, fmt: str | None, *, quiet: bool = False):
        from ..formatting.writer import choose_source

        self.env, self.spec, self.quiet = env, spec, quiet
        config_format = env.config.get(spec.config_key) if spec.config_key else None
        self.source, warning = choose_source(fmt, quiet=quiet, config_format=config_format,
                                             warn_quiet_with_format=spec.warn_quiet_with_format,
                                             config_under_quiet=spec.precheck)
        if warning:
            print_line(env.stderr, warning)
        self._probe = self._precheck() if spec.precheck and self.source else None

    def _precheck(self):
        from ..formatting.writer import precheck_format

        probe = self.spec.context()
        message = precheck_format(self.source, probe)
        if message:
            raise StatusError(message, FAILURE)
        return probe

    def uses(self, field: str) -> bool:
        """Whether the prechecked template read `field` (the probe context records it in fields_used)."""
        return field in getattr(self._probe, "fields_used", ())

    def format(self, spec=None) -> str:
        """The template that runs: the source with "", "table" and "raw" resolved, -q applied."""
        from ..formatting.writer import resolve_format

        spec = spec or self.spec
        return resolve_format(self.source, quiet=self.quiet, default_format=spec.default_table,
                              quiet_format=spec.quiet_format, raw_format=spec.raw_format,
                              raw_quiet_format=spec.raw_quiet_format, quiet_beats_custom=spec.quiet_beats_custom)

    def on_terminal(self, spec=None) -> bool:
        """A table on a terminal (not TERM=dumb) is drawn with rich; everything else gets docker's bytes."""
        from ..formatting.writer import is_table

        return is_table(self.format(spec)) and self.env.stdout_is_tty() and self.env.environ.get("TERM") != "dumb"

    def render(self, rows: Iterable, spec=None) -> tuple[str | None, list[str]]:
        """The header line (None unless a table) and one text per row, before any layout."""
        from ..formatting.writer import render_rows

        spec = spec or self.spec
        try:
            return render_rows(self.format(spec), list(rows), spec.headers)
        except ValueError as exc:
            raise template_error(exc) from None

    def text(self, rows: Iterable, spec=None) -> str:
        """docker's bytes (as text) for the rows."""
        from ..formatting.writer import plain_text, render_listing_text

        spec = spec or self.spec
        rows = list(rows)
        fmt = self.format(spec)
        if fmt in (spec.default_table, spec.quiet_format):  # the common case, without the template engine
            text = plain_text(fmt, rows, spec.headers)
            if text is not None:
                return text
        try:
            return render_listing_text(rows, fmt=fmt, headers=spec.headers, default_format=fmt)
        except ValueError as exc:
            raise template_error(exc) from None

    def write(self, rows: Iterable, spec=None) -> None:
        """Print the rows to env.stdout: a fitted table on a terminal, docker's bytes otherwise."""
        from ..formatting.writer import render_listing, write_text

        out = self.env.stdout
        if self.on_terminal(spec):
            spec = spec or self.spec
            fmt = self.format(spec)
            try:
                render_listing(out, list(rows), fmt=fmt, headers=spec.headers, default_format=fmt, is_tty=True)
            except ValueError as exc:
                raise template_error(exc) from None
        else:
            write_text(out, self.text(rows, spec))
        out.flush()
