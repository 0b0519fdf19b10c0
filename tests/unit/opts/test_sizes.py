"""Sizes, durations and CPU counts."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.sizes import from_human_size, parse_cpus, parse_duration, parse_swap, ram_in_bytes


@pytest.mark.parametrize("text, value", [
    ("512m", 512 * 1024 ** 2), ("1g", 1024 ** 3), ("1.5k", 1536), ("10", 10), ("1 kb", 1024), ("1kib", 1024),
    ("32b", 32), ("1e3", 1000),
])
def test_ram_in_bytes(text, value):
    assert ram_in_bytes(text) == value


def test_from_human_size_is_decimal():
    assert from_human_size("1k") == 1000
    assert from_human_size("2MB") == 2_000_000


@pytest.mark.parametrize("text, message", [
    ("abc", "invalid size: 'abc'"), ("1x", "invalid suffix: 'x'"), ("1kbb", "invalid suffix: 'kbb'"),
    ("-1", "invalid size: '-1'"),
])
def test_bad_sizes(text, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        ram_in_bytes(text)


def test_swap_takes_minus_one_for_unlimited():
    assert parse_swap("-1") == -1
    assert parse_swap("1g") == 1024 ** 3
    with pytest.raises(OptError, match="^invalid size: '-2'$"):
        parse_swap("-2")


@pytest.mark.parametrize("text, nanos", [
    ("30s", 30 * 10 ** 9), ("1m30s", 90 * 10 ** 9), (".5s", 5 * 10 ** 8), ("1h2m3.5s", 3723_500_000_000), ("0", 0),
    ("-1s", -10 ** 9),
])
def test_durations(text, nanos):
    assert parse_duration(text) == nanos


@pytest.mark.parametrize("text, message", [
    ("5x", 'time: unknown unit "x" in duration "5x"'), ("5", 'time: missing unit in duration "5"'),
    ("", 'time: invalid duration ""'),
])
def test_bad_durations(text, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_duration(text)


@pytest.mark.parametrize("text, nano", [
    ("1.5", 1_500_000_000), ("3/2", 1_500_000_000), ("0.000000001", 1), ("0.5", 500_000_000), ("2", 2_000_000_000),
    ("1_0", 10_000_000_000),  # big.Rat takes digit separators, as docker does
])
def test_cpus(text, nano):
    assert parse_cpus(text) == nano


@pytest.mark.parametrize("text, message", [
    ("0.0000000001", "value is too precise"), ("abc", "failed to parse abc as a rational number"),
    (" 1", "failed to parse  1 as a rational number"), ("1/0", "failed to parse 1/0 as a rational number"),
    ("1__0", "failed to parse 1__0 as a rational number"), ("_1", "failed to parse _1 as a rational number"),
    ("1_", "failed to parse 1_ as a rational number"),
])
def test_bad_cpus(text, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_cpus(text)
