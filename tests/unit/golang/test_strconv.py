"""Go's strconv parsing, with Go's messages."""
from __future__ import annotations

import pytest

from pydock.golang.strconv import atoi, parse_bool, parse_int, parse_uint
from pydock.opts import OptError


@pytest.mark.parametrize("text, value", [("10", 10), ("-3", -3), ("0x10", 16), ("010", 8), ("0o10", 8),
                                         ("0b11", 3), ("1_000", 1000), ("+5", 5), ("0", 0)])
def test_base0_ints(text, value):
    assert parse_int(text, base=0) == value


@pytest.mark.parametrize("text, message", [
    ("abc", 'strconv.ParseInt: parsing "abc": invalid syntax'),
    ("", 'strconv.ParseInt: parsing "": invalid syntax'),
    ("1__0", 'strconv.ParseInt: parsing "1__0": invalid syntax'),
    ("1_", 'strconv.ParseInt: parsing "1_": invalid syntax'),
    ("99999999999999999999", 'strconv.ParseInt: parsing "99999999999999999999": value out of range'),
])
def test_base0_int_errors(text, message):
    with pytest.raises(OptError) as info:
        parse_int(text, base=0)
    assert str(info.value) == message


def test_base0_uint16_range_and_sign():
    assert parse_uint("65535", 16, base=0) == 65535
    with pytest.raises(OptError, match=r'^strconv.ParseUint: parsing "65536": value out of range$'):
        parse_uint("65536", 16, base=0)
    with pytest.raises(OptError, match=r'^strconv.ParseUint: parsing "\+1": invalid syntax$'):
        parse_uint("+1", 16, base=0)


@pytest.mark.parametrize("text, value", [("10", 10), ("-3", -3), ("+5", 5), ("010", 10)])
def test_base10_ints(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("call, message", [
    (lambda: parse_int("0x10"), 'strconv.ParseInt: parsing "0x10": invalid syntax'),
    (lambda: parse_int("128", 8), 'strconv.ParseInt: parsing "128": value out of range'),
    (lambda: parse_uint("-1"), 'strconv.ParseUint: parsing "-1": invalid syntax'),
    (lambda: atoi("x"), 'strconv.Atoi: parsing "x": invalid syntax'),
    (lambda: parse_bool("yes"), 'strconv.ParseBool: parsing "yes": invalid syntax'),
])
def test_errors(call, message):
    with pytest.raises(OptError) as info:
        call()
    assert str(info.value) == message


@pytest.mark.parametrize("text, value", [("1", True), ("t", True), ("TRUE", True), ("0", False), ("False", False)])
def test_bools(text, value):
    assert parse_bool(text) is value
