"""Go's net.ParseIP / ParseCIDR / IPNet.Contains, as docker's network create uses them."""
from __future__ import annotations

import pytest

from pydock.golang.net import ParseError, parse_cidr, parse_ip, to4


@pytest.mark.parametrize("text, expected", [
    ("10.1.2.3", bytes(10) + b"\xff\xff" + bytes([10, 1, 2, 3])),
    ("::1", bytes(15) + b"\x01"),
    ("::ffff:10.1.2.3", bytes(10) + b"\xff\xff" + bytes([10, 1, 2, 3])),
    ("010.1.2.3", None),  # netip refuses leading zeros
    ("10.1.2", None),
    ("10.1.2.256", None),
    ("fe80::1%eth0", None),  # ParseIP drops zoned addresses
    ("", None),
    ("nonsense", None),
])
def test_parse_ip(text, expected):
    assert parse_ip(text) == expected


@pytest.mark.parametrize("text", ["10.1.0.0", "10.1.0/16", "10.1.0.0/33", "10.1.0.0/", "10.1.0.0/-1",
                                  "10.1.0.0/1a", "fe80::%eth0/64", "::/129", "/8", ""])
def test_parse_cidr_errors_name_the_text(text):
    with pytest.raises(ParseError) as info:
        parse_cidr(text)
    assert str(info.value) == f"invalid CIDR address: {text}"


def test_parse_cidr_masks_the_network_and_keeps_the_address():
    ip, network = parse_cidr("10.1.2.3/16")
    assert (to4(ip), network.ip, network.mask) == (bytes([10, 1, 2, 3]), bytes([10, 1, 0, 0]), bytes([255, 255, 0, 0]))
    assert parse_cidr("10.1.0.0/016")[1].mask == bytes([255, 255, 0, 0])  # dtoi takes leading zeros
    _, v6 = parse_cidr("2001:db8::/32")
    assert (len(v6.ip), v6.mask[:5]) == (16, b"\xff\xff\xff\xff\x00")


@pytest.mark.parametrize("cidr, address, inside", [
    ("10.1.0.0/16", "10.1.255.255", True),
    ("10.1.0.0/16", "10.2.0.1", False),
    ("10.1.0.0/16", "::ffff:10.1.0.1", True),  # an IPv4-mapped address is IPv4 to Go
    ("::ffff:10.0.0.0/104", "10.9.9.9", True),
    ("2001:db8::/32", "2001:db8:1::1", True),
    ("2001:db8::/32", "10.1.0.1", False),
    ("10.1.0.0/16", "2001:db8::1", False),
    ("0.0.0.0/0", "1.2.3.4", True),
])
def test_contains(cidr, address, inside):
    assert parse_cidr(cidr)[1].contains(parse_ip(address)) is inside


def test_an_unparsable_address_is_never_contained():
    assert parse_cidr("0.0.0.0/0")[1].contains(parse_ip("bogus")) is False
