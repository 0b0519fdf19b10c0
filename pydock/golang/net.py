"""Go's net.ParseIP, net.ParseCIDR and IPNet.Contains, as docker's client uses them.

Go keeps an IP as 16 bytes (IPv4 as ::ffff:a.b.c.d) and a CIDR's network as 4 bytes for IPv4;
`contains` treats an IPv4-mapped IPv6 address as IPv4, as Go does. Parsing follows
netip.ParseAddr: no leading zeros in IPv4 parts, no zone in a CIDR or in ParseIP's result.
"""
from __future__ import annotations

import ipaddress

__all__ = ["ParseError", "IPNet", "parse_ip", "parse_cidr", "to4"]

_V4_IN_V6 = bytes(10) + b"\xff\xff"


class ParseError(ValueError):
    """net.ParseError: "invalid CIDR address: 10.0.0/24"."""

    def __init__(self, kind: str, text: str):
        super().__init__(f"invalid {kind}: {text}")


def _parse_addr(text: str) -> bytes | None:
    """netip.ParseAddr without zones: 4 bytes for IPv4, 16 for IPv6; None when invalid."""
    if "%" in text or not text:
        return None
    try:
        if ":" in text:
            return ipaddress.IPv6Address(text).packed
        return ipaddress.IPv4Address(text).packed
    except ValueError:
        return None


def parse_ip(text: str) -> bytes | None:
    """net.ParseIP: the 16-byte IP, or None (Go's nil) when the text is not an address."""
    addr = _parse_addr(text)
    if addr is None:
        return None
    return _V4_IN_V6 + addr if len(addr) == 4 else addr


def to4(ip: bytes | None) -> bytes | None:
    """IP.To4: the 4-byte form of an IPv4 (or IPv4-mapped) address, else None."""
    if ip is None:
        return None
    if len(ip) == 4:
        return ip
    if len(ip) == 16 and ip[:12] == _V4_IN_V6:
        return ip[12:]
    return None


def _mask(ones: int, bits: int) -> bytes:
    value = ((1 << ones) - 1) << (bits - ones) if ones else 0
    return value.to_bytes(bits // 8, "big")


class IPNet:
    """net.IPNet: `ip` is the network number (4 bytes for IPv4), `mask` its mask."""

    def __init__(self, ip: bytes, mask: bytes):
        self.ip, self.mask = ip, mask

    def _number_and_mask(self) -> tuple[bytes | None, bytes | None]:
        ip = to4(self.ip)
        if ip is None:
            ip = self.ip
            if len(ip) != 16:
                return None, None
        mask = self.mask
        if len(mask) == 4:
            if len(ip) != 4:
                return None, None
        elif len(mask) == 16:
            if len(ip) == 4:
                mask = mask[12:]
        else:
            return None, None
        return ip, mask

    def contains(self, ip: bytes | None) -> bool:
        """IPNet.Contains; None (an unparsable address) is never contained."""
        if ip is None:
            return False
        number, mask = self._number_and_mask()
        if number is None:
            return False
        ip = to4(ip) or ip
        if len(ip) != len(number):
            return False
        return all(n & m == i & m for n, m, i in zip(number, mask, ip))


def parse_cidr(text: str) -> tuple[bytes, IPNet]:
    """net.ParseCIDR: (the 16-byte IP, its network). Raises ParseError("CIDR address", text)."""
    addr_text, sep, mask_text = text.partition("/")
    addr = _parse_addr(addr_text) if sep else None
    if addr is None:
        raise ParseError("CIDR address", text)
    bits = len(addr) * 8
    ones = _dtoi(mask_text)
    if ones is None or ones > bits:
        raise ParseError("CIDR address", text)
    mask = _mask(ones, bits)
    ip16 = _V4_IN_V6 + addr if len(addr) == 4 else addr
    network = bytes(a & m for a, m in zip(addr, mask))
    return ip16, IPNet(network, mask)


def _dtoi(text: str) -> int | None:
    """net's dtoi over the whole text: decimal digits only (leading zeros allowed), below 2^24."""
    if not text or not all("0" <= c <= "9" for c in text):
        return None
    value = 0
    for c in text:
        value = value * 10 + ord(c) - 48
        if value >= 0xFFFFFF:
            return None
    return value
