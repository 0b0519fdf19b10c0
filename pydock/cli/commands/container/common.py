"""Helpers shared by the container commands: acting on many containers at once, Go-typed flags."""
from __future__ import annotations

import re
from typing import Callable, Iterator

import click

from ...errors import FAILURE, StatusError

MAX_PARALLEL = 50  # docker's parallelOperation limit


def each_container(names: list[str], op: Callable[[str], object]) -> Iterator[tuple[str, Exception | None]]:
    """Run `op` on every name concurrently; yield (name, error or None) in argument order as results arrive."""
    from ....transport.errors import DockerError

    def call(name: str):
        try:
            op(name)
        except DockerError as exc:
            return exc
        return None

    if len(names) == 1:
        yield names[0], call(names[0])
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(names))) as pool:
        futures = [pool.submit(call, name) for name in names]
        for name, future in zip(names, futures):
            yield name, future.result()


def print_line(stream, text: str) -> None:
    stream.write(text + "\n")
    stream.flush()


def fail_with(errors: list[str]) -> None:
    """docker joins every failure into one error: one line each on stderr, exit 1."""
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


def run_on_each(env, names: list[str], op: Callable[[str], object]) -> None:
    """The common shape of stop/kill/pause/…: print each name that worked, then the failures."""
    errors = []
    for name, error in each_container(list(names), op):
        if error is None:
            print_line(env.stdout, name)
        else:
            errors.append(str(error))
    fail_with(errors)


# -- flag value types with pflag's messages ----------------------------------------------------

_GO_INT = re.compile(r"[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)")


def parse_go_int(text: str, bits: int = 64, unsigned: bool = False) -> int:
    """strconv.ParseInt/ParseUint with base 0, as pflag's int flags use; raises ValueError(go message)."""
    func = "ParseUint" if unsigned else "ParseInt"
    if not _GO_INT.fullmatch(text) or (unsigned and text[:1] in "+-") or "__" in text or text.endswith("_"):
        raise ValueError(f'strconv.{func}: parsing "{text}": invalid syntax')
    sign, body = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    body = body.replace("_", "")
    if len(body) > 1 and body[0] == "0" and body[1] in "0123456789":
        body = "0o" + body[1:]
    value = sign * int(body, 0)
    low, high = (0, 2 ** bits - 1) if unsigned else (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
    if not low <= value <= high:
        raise ValueError(f'strconv.{func}: parsing "{text}": value out of range')
    return value


class GoInt(click.ParamType):
    """An int flag (int, int64, uint16 …) that fails with pflag's wording."""

    def __init__(self, bits: int = 64, unsigned: bool = False, type_name: str = "int"):
        self.bits, self.unsigned, self.name = bits, unsigned, type_name

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_go_int(str(value), self.bits, self.unsigned)
        except ValueError as exc:
            error = click.BadParameter(str(exc), ctx, param)
            error.pydock_value = value
            raise error from None


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


def filter_option(*decls, **kwargs):
    """`--filter name=value`, repeatable, checked as pflag does (exit 125 on a bad value)."""
    from ....opts.filters import parse_filter

    kwargs.setdefault("help", "Filter output based on conditions provided")
    return click.option(*(decls or ("--filter",)), "filters", multiple=True, metavar="filter",
                        type=GoValue(lambda v: (parse_filter(v), v)[1], "filter"), **kwargs)


def confirm(env, message: str) -> bool:
    """docker's prompt: the question on stdout, one line read from stdin, yes only for y/Y."""
    env.stdout.write(message + " [y/N] ")
    env.stdout.flush()
    try:
        answer = env.stdin.readline()
    except (OSError, ValueError):
        answer = ""
    return answer.strip().lower() == "y"


def merge_prune_filters(filters: dict[str, dict[str, bool]], configured) -> dict:
    """docker's PruneFilters: add config.json's pruneFilters, skipping a label that contradicts the flags."""
    for entry in configured or []:
        name, sep, value = str(entry).partition("=")
        if not sep:
            continue
        opposite = {"label": "label!", "label!": "label"}.get(name)
        if opposite and value in filters.get(opposite, {}):
            continue
        filters.setdefault(name, {})[value] = True
    return filters


def write_bytes(stream, data: bytes) -> None:
    """Bytes to a text stream (its binary buffer when it has one), flushed."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8", "replace"))
    else:
        stream.flush()
        buffer.write(data)
    stream.flush()
