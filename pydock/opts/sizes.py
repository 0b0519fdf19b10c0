"""Sizes, durations and CPU counts as docker parses them; sizes and durations come from formatting.units."""
from __future__ import annotations

from . import OptError


def _wrap(func):
    def call(text: str) -> int:
        try:
            return func(text)
        except ValueError as exc:
            raise OptError(str(exc)) from None
    call.__doc__ = func.__doc__
    return call


def ram_in_bytes(text: str) -> int:
    """go-units RAMInBytes: "512m" -> 536870912 (binary multiples)."""
    from ..formatting.units import ram_in_bytes as parse

    return _wrap(parse)(text)


def from_human_size(text: str) -> int:
    """go-units FromHumanSize: "1k" -> 1000 (decimal multiples)."""
    from ..formatting.units import from_human_size as parse

    return _wrap(parse)(text)


def parse_duration(text: str) -> int:
    """Go's time.ParseDuration; returns nanoseconds."""
    from ..formatting.units import parse_go_duration

    return _wrap(parse_go_duration)(text)


def format_duration(nanos: int) -> str:
    """Go's time.Duration.String(): 1m30s, 500ms, 0s."""
    from ..formatting.units import format_go_duration

    return format_go_duration(nanos)


def go_quote(text: str) -> str:
    """strconv.Quote for the plain strings that appear in messages."""
    from ..formatting.gostrconv import go_quote as quote

    return quote(text)


# -- CPUs --------------------------------------------------------------------------
def parse_cpus(text: str) -> int:
    """--cpus 1.5 -> 1500000000 NanoCPUs (a big.Rat, as docker parses it)."""
    from fractions import Fraction

    try:
        if text != text.strip() or "_" in text:
            raise ValueError
        cpus = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise OptError(f"failed to parse {text} as a rational number") from None
    nano = cpus * 10 ** 9
    if nano.denominator != 1:
        raise OptError("value is too precise")
    return int(nano)
