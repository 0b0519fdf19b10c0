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


def parse_swap(text: str) -> int:
    """--memory-swap: -1 (unlimited) or a size, as ram_in_bytes reads it."""
    return -1 if text == "-1" else ram_in_bytes(text)


def from_human_size(text: str) -> int:
    """go-units FromHumanSize: "1k" -> 1000 (decimal multiples)."""
    from ..formatting.units import from_human_size as parse

    return _wrap(parse)(text)


def parse_duration(text: str) -> int:
    """Go's time.ParseDuration; returns nanoseconds."""
    from ..formatting.units import parse_go_duration

    return _wrap(parse_go_duration)(text)


# -- CPUs --------------------------------------------------------------------------
def parse_cpus(text: str) -> int:
    """--cpus 1.5 -> 1500000000 NanoCPUs (a big.Rat, as docker's ParseCPUs reads it)."""
    import re
    from fractions import Fraction

    try:
        if text != text.strip() or re.search(r"(?<![0-9])_|_(?![0-9])", text):
            raise ValueError
        # big.Rat takes digit separators; Fraction does so only from Python 3.11
        cpus = Fraction(text.replace("_", ""))
    except (ValueError, ZeroDivisionError):
        raise OptError(f"failed to parse {text} as a rational number") from None
    nano = cpus * 10 ** 9
    if nano.denominator != 1:
        raise OptError("value is too precise")
    return int(nano)
