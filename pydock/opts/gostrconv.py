"""Go's strconv parsing and net.ParseIP, with Go's error text (docker's messages quote it).

Formatting (Quote, FormatFloat) lives in formatting.gostrconv; `go_quote` here loads it only
when a message needs it.
"""
from __future__ import annotations

import re

from . import OptError

# base 0: 0x/0o/0b prefixes, a leading 0 means octal, underscores only between digits
_BASE0_INT = re.compile(r"[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)")


def parse_int(text: str, bits: int = 64, base: int = 10) -> int:
    """strconv.ParseInt(text, base, bits), base 10 or 0 (pflag's int flags use 0)."""
    return _parse(text, "ParseInt", bits, signed=True, base=base)


def parse_uint(text: str, bits: int = 64, base: int = 10) -> int:
    """strconv.ParseUint(text, base, bits), base 10 or 0."""
    return _parse(text, "ParseUint", bits, signed=False, base=base)


def atoi(text: str) -> int:
    """strconv.Atoi: errors read `strconv.Atoi: parsing "x": invalid syntax`."""
    return _parse(text, "Atoi", 64, signed=True)


def _parse(text: str, func: str, bits: int, signed: bool, base: int = 10) -> int:
    value = _base0_value(text, signed) if base == 0 else _base10_value(text, signed)
    if value is None:
        raise OptError(f'strconv.{func}: parsing "{text}": invalid syntax')
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if not low <= value <= high:
        raise OptError(f'strconv.{func}: parsing "{text}": value out of range')
    return value


def _base10_value(text: str, signed: bool) -> int | None:
    digits = text[1:] if signed and text[:1] in ("+", "-") else text
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    return int(text)


def _base0_value(text: str, signed: bool) -> int | None:
    if not _BASE0_INT.fullmatch(text) or (not signed and text[:1] in "+-") or "__" in text or text.endswith("_"):
        return None
    sign, body = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    body = body.replace("_", "")
    if len(body) > 1 and body[0] == "0" and body[1] in "0123456789":
        body = "0o" + body[1:]
    return sign * int(body, 0)


def parse_bool(text: str) -> bool:
    """strconv.ParseBool."""
    if text in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if text in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise OptError(f'strconv.ParseBool: parsing "{text}": invalid syntax')


def go_quote(text: str) -> str:
    """strconv.Quote, for the strings docker quotes in its messages."""
    from ..formatting.gostrconv import go_quote as quote

    return quote(text)


def parse_ip(text: str):
    """net.ParseIP: an address object, or None. No zones, no brackets, no leading zeros."""
    import ipaddress

    if not text or "%" in text or text != text.strip():
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def ip_string(addr) -> str:
    """net.IP.String(): IPv4-mapped IPv6 addresses print as dotted IPv4."""
    if getattr(addr, "ipv4_mapped", None) is not None:
        return str(addr.ipv4_mapped)
    return str(addr)
