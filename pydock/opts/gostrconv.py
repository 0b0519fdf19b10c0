"""Go's strconv and net.ParseIP behaviour, with Go's error text (docker's messages quote it)."""
from __future__ import annotations

from . import OptError

_INT_BITS = {"int": 64, "int64": 64, "int32": 32, "int16": 16, "int8": 8}


def parse_int(text: str, bits: int = 64) -> int:
    """strconv.ParseInt(text, 10, bits)."""
    return _parse(text, "ParseInt", bits, signed=True)


def parse_uint(text: str, bits: int = 64) -> int:
    """strconv.ParseUint(text, 10, bits)."""
    return _parse(text, "ParseUint", bits, signed=False)


def atoi(text: str) -> int:
    """strconv.Atoi: errors read `strconv.Atoi: parsing "x": invalid syntax`."""
    return _parse(text, "Atoi", 64, signed=True)


def _parse(text: str, func: str, bits: int, signed: bool) -> int:
    digits = text
    if signed and digits[:1] in ("+", "-"):
        digits = digits[1:]
    if not digits or not digits.isascii() or not digits.isdigit():
        raise OptError(f'strconv.{func}: parsing "{text}": invalid syntax')
    value = int(text)
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if not low <= value <= high:
        raise OptError(f'strconv.{func}: parsing "{text}": value out of range')
    return value


def parse_bool(text: str) -> bool:
    """strconv.ParseBool."""
    if text in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if text in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise OptError(f'strconv.ParseBool: parsing "{text}": invalid syntax')


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
