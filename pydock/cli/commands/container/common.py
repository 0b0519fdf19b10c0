"""Helpers shared by the container commands: acting on many containers at once, Go-typed flags."""
from __future__ import annotations

from typing import Callable, Iterator

import click

from ...errors import FAILURE, StatusError
from ...output import print_line, write_flushed

MAX_PARALLEL = 50  # docker's parallelOperation limit


def each_container(names: list[str], op: Callable[[str], object]) -> Iterator[tuple[str, object, Exception | None]]:
    """Run `op` on every name concurrently; yield (name, what op returned, error or None) in argument
    order as results arrive."""
    from ....transport.errors import DockerError

    def call(name: str):
        try:
            return op(name), None
        except DockerError as exc:
            return None, exc

    if len(names) == 1:
        yield (names[0], *call(names[0]))
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(names))) as pool:
        futures = [pool.submit(call, name) for name in names]
        for name, future in zip(names, futures):
            yield (name, *future.result())


def fail_with(errors: list[str]) -> None:
    """docker joins every failure into one error: one line each on stderr, exit 1."""
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


def run_on_each(env, names, op: Callable[[str], object], *, shown: Callable[[str, object], str] | None = None,
                only_warn: Callable[[Exception], bool] | None = None) -> None:
    """The common shape of stop/kill/rm/wait/…: on stdout what worked (`shown(name, result)`, else the
    name) in argument order, then every failure (exit 1); failures `only_warn` accepts go to stderr alone."""
    errors = []
    for name, result, error in each_container(list(names), op):
        if error is None:
            print_line(env.stdout, shown(name, result) if shown else name)
        elif only_warn is not None and only_warn(error):
            print_line(env.stderr, str(error))
        else:
            errors.append(str(error))
    fail_with(errors)


# -- flag value types with pflag's messages ----------------------------------------------------

class GoValue(click.ParamType):
    """A flag whose value is checked by `parse(text)`, which raises ValueError with docker's message."""

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
            from ....golang.strconv import parse_int, parse_uint

            return (parse_uint if unsigned else parse_int)(text, bits, base=0)
        super().__init__(parse, type_name)


def filter_option(*decls, **kwargs):
    """`--filter name=value`, repeatable, checked as pflag does (exit 125 on a bad value)."""
    from ....opts.filters import parse_filter

    kwargs.setdefault("help", "Filter output based on conditions provided")
    return click.option(*(decls or ("--filter",)), "filters", multiple=True, metavar="filter",
                        type=GoValue(lambda v: (parse_filter(v), v)[1], "filter"), **kwargs)


def confirm(env, message: str) -> bool:
    """docker's prompt: the question on stdout, one line read from stdin, yes only for y/Y."""
    write_flushed(env.stdout, message + " [y/N] ")
    try:
        answer = env.stdin.readline()
    except (OSError, ValueError):
        answer = ""
    return answer.strip().lower() == "y"


def merge_prune_filters(filters: dict[str, dict[str, bool]], configured) -> dict:
    """docker 28's command.PruneFilters: add config.json's pruneFilters to `filters` (changed in place).

    A configured `label=v` is skipped when filters.ExactMatch("label!", v), and `label!=v` when
    ExactMatch("label", v); ExactMatch is true when no such filter is set at all, so a configured
    label filter only counts next to a flag filter of the opposite kind (docker/cli cli/command/utils.go).
    """
    for entry in configured or []:
        name, sep, value = str(entry).partition("=")
        if not sep:
            continue
        opposite = {"label": "label!", "label!": "label"}.get(name)
        if opposite and (not filters.get(opposite) or value in filters[opposite]):
            continue
        filters.setdefault(name, {})[value] = True
    return filters
