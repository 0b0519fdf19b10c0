"""Go's Time.Format layouts and time.Time's template methods (expected values from Go's time package)."""
from __future__ import annotations

import pytest

from pydock.golang.structs import GoTime

REFERENCE = GoTime("2006-01-02T15:04:05.123456789Z")
OFFSET = GoTime("2026-11-30T23:30:00.5+01:30")


@pytest.mark.parametrize("layout, expected", [
    ("2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z"),
    ("Mon Jan _2 15:04:05 MST 2006", "Mon Jan  2 15:04:05 UTC 2006"),
    ("Monday, 02-Jan-06 15:04:05 MST", "Monday, 02-Jan-06 15:04:05 UTC"),
    ("3:04PM", "3:04PM"), ("03:04:05 pm", "03:04:05 pm"),
    ("2006-01-02 15:04:05.000", "2006-01-02 15:04:05.123"),
    (".999999999 .000000 ,999", ".123456789 .123456 ,123"),
    ("002 __2 1/2 06", "002   2 1/2 06"),
    ("-0700 -07:00 -07 Z0700", "+0000 +00:00 +00 Z"),
    ("_2006", "_2006"), ("no chunks here", "no chunks here"),
])
def test_format_utc(layout, expected):
    assert REFERENCE.Format(layout) == expected


@pytest.mark.parametrize("layout, expected", [
    ("2006-01-02T15:04:05Z07:00", "2026-11-30T23:30:00+01:30"),
    ("MST", "+0130"),  # a fixed zone without a name prints as -0700
    ("-07 Z07:00:00 -070000", "+01 +01:30:00 +013000"),
    ("15:04:05.999", "23:30:00.5"), ("05.000", "00.500"), ("05.9", "00.5"), ("05.99999", "00.5"),
    ("Monday January 2", "Monday November 30"),
])
def test_format_fixed_offset(layout, expected):
    assert OFFSET.Format(layout) == expected


def test_methods():
    assert OFFSET.Unix() == 1796076000  # 22:00 UTC
    assert OFFSET.UnixNano() == 1796076000_500000000 and OFFSET.UnixMilli() == 1796076000500
    assert (OFFSET.Year(), OFFSET.Month().String(), OFFSET.Day(), OFFSET.Hour(), OFFSET.YearDay()) == (
        2026, "November", 30, 23, 334)
    assert OFFSET.Weekday().String() == "Monday" and REFERENCE.Weekday().String() == "Monday"
    assert OFFSET.UTC().String() == "2026-11-30 22:00:00.5 +0000 UTC"
    assert GoTime("0001-01-01T00:00:00Z").IsZero() and not OFFSET.IsZero()
    assert GoTime("0001-01-01T00:00:00Z").Unix() == -62135596800
