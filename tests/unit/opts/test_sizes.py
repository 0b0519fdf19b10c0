"""Sizes, durations and CPU counts."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.sizes import format_duration, from_human_size, parse_cpus, parse_duration, ram_in_bytes


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


@pytest.mark.parametrize("text, nanos, shown", [
    ("30s", 30 * 10 ** 9, "30s"), ("1m30s", 90 * 10 ** 9, "1m30s"), (".5s", 5 * 10 ** 8, "500ms"),
    ("1h2m3.5s", 3723_500_000_000, "1h2m3.5s"), ("0", 0, "0s"), ("-1s", -10 ** 9, "-1s"),
])
def test_durations(text, nanos, shown):
    assert parse_duration(text) == nanos
    assert format_duration(nanos) == shown


@pytest.mark.parametrize("text, message", [
    ("5x", 'time: unknown unit "x" in duration "5x"'), ("5", 'time: missing unit in duration "5"'),
    ("", 'time: invalid duration ""'),
])
def test_bad_durations(text, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_duration(text)


def test_cpus():
    assert parse_cpus("1.5") == 1_500_000_000
    assert parse_cpus("3/2") == 1_500_000_000
    assert parse_cpus("0.000000001") == 1
    with pytest.raises(OptError, match="^value is too precise$"):
        parse_cpus("0.0000000001")
    with pytest.raises(OptError, match="^failed to parse abc as a rational number$"):
        parse_cpus("abc")
