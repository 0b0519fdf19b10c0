"""Go's time.Local: TZ read as Go reads it (a zoneinfo name or file, never POSIX rules), and times in it."""
from __future__ import annotations

import shutil

import pytest

from pydock.golang import time as gotime
from pydock.opts.timestamps import get_timestamp

ZONEINFO = "/usr/share/zoneinfo"
NOV = 1_764_490_806  # 2025-11-30 08:20:06 UTC
JUL = 1_751_271_606  # 2025-06-30 08:20:06 UTC


@pytest.fixture
def roots(tmp_path):
    """An /etc holding localtime = Asia/Tokyo, and a zoneinfo tree with a few zones and a bad file."""
    etc, zones = tmp_path / "etc", tmp_path / "zoneinfo"
    (zones / "Asia").mkdir(parents=True)
    (zones / "Europe").mkdir()
    etc.mkdir()
    shutil.copy(f"{ZONEINFO}/Asia/Tokyo", etc / "localtime")
    for name in ("Asia/Tokyo", "Asia/Kolkata", "Europe/Paris", "UTC", "EST5EDT"):
        shutil.copy(f"{ZONEINFO}/{name}", zones / name)
    (zones / "Bogus").write_text("not a TZif file")
    return str(etc), (str(zones) + "/",)


def created_at(environ, roots, unix=NOV):
    etc, sources = roots
    return gotime.format_time(unix, 0, gotime.local_location(environ, etc_dir=etc, sources=sources))


@pytest.mark.parametrize("environ, expected", [
    ({}, "2025-11-30 17:20:06 +0900 JST"),  # TZ unset: /etc/localtime
    ({"TZ": ""}, "2025-11-30 08:20:06 +0000 UTC"),  # empty: UTC
    ({"TZ": "UTC"}, "2025-11-30 08:20:06 +0000 UTC"),
    ({"TZ": ":UTC"}, "2025-11-30 08:20:06 +0000 UTC"),
    ({"TZ": "Asia/Tokyo"}, "2025-11-30 17:20:06 +0900 JST"),
    ({"TZ": ":Asia/Tokyo"}, "2025-11-30 17:20:06 +0900 JST"),
    ({"TZ": "Asia/Kolkata"}, "2025-11-30 13:50:06 +0530 IST"),
    ({"TZ": "EST5EDT"}, "2025-11-30 03:20:06 -0500 EST"),  # a zoneinfo file of that name exists
    ({"TZ": "JST-9"}, "2025-11-30 08:20:06 +0000 UTC"),  # POSIX rules are not read: UTC
    ({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}, "2025-11-30 08:20:06 +0000 UTC"),
    ({"TZ": "Nonexistent/Zone"}, "2025-11-30 08:20:06 +0000 UTC"),
    ({"TZ": "Bogus"}, "2025-11-30 08:20:06 +0000 UTC"),  # not a zoneinfo file
    ({"TZ": "Europe"}, "2025-11-30 08:20:06 +0000 UTC"),  # a directory
    ({"TZ": "  "}, "2025-11-30 08:20:06 +0000 UTC"),
    ({"TZ": "Europe/../Asia/Tokyo"}, "2025-11-30 17:20:06 +0900 JST"),
    ({"TZ": f"{ZONEINFO}/Europe/Paris"}, "2025-11-30 09:20:06 +0100 CET"),  # an absolute path
    ({"TZ": f":{ZONEINFO}/Europe/Paris"}, "2025-11-30 09:20:06 +0100 CET"),
    ({"TZ": "/nonexistent/zone"}, "2025-11-30 08:20:06 +0000 UTC"),
])
def test_local_location_as_go_resolves_it(roots, environ, expected):
    assert created_at(environ, roots) == expected


def test_tz_unset_without_etc_localtime_is_utc(tmp_path, roots):
    assert created_at({}, (str(tmp_path / "no-etc"), roots[1])) == "2025-11-30 08:20:06 +0000 UTC"


def test_names_and_summer_time(roots):
    etc, sources = roots
    assert gotime.local_location({}, etc_dir=etc, sources=sources).name == "Local"
    assert gotime.local_location({"TZ": "JST-9"}, etc_dir=etc, sources=sources) == gotime.UTC
    assert created_at({"TZ": "Europe/Paris"}, roots, JUL) == "2025-06-30 10:20:06 +0200 CEST"
    assert gotime.zone_offset(JUL, gotime.local_location({"TZ": "Europe/Paris"}, etc_dir=etc, sources=sources)) \
        == ("CEST", 7200)


def test_time_strings():
    paris = gotime.Location("Europe/Paris", gotime.load_location("Europe/Paris", (ZONEINFO,)))
    assert gotime.format_time(NOV, 500_000_000, gotime.UTC) == "2025-11-30 08:20:06.5 +0000 UTC"
    assert gotime.format_time(NOV, 123, paris) == "2025-11-30 09:20:06.000000123 +0100 CET"
    assert gotime.format_rfc3339_nano_fixed(NOV * 10 ** 9 + 5, gotime.UTC) == "2025-11-30T08:20:06.000000005Z"
    assert gotime.format_rfc3339_nano_fixed(NOV * 10 ** 9, paris) == "2025-11-30T09:20:06.000000000+01:00"


@pytest.mark.parametrize("tz, expected", [
    ("JST-9", "1764490806.000000000"),  # read in UTC, as Go does
    ("UTC", "1764490806.000000000"),
    ("", "1764490806.000000000"),
    ("Asia/Tokyo", "1764458406.000000000"),  # 9 hours earlier
    ("Europe/Paris", "1764487206.000000000"),
])
def test_since_without_a_zone_is_read_in_gos_local_time(monkeypatch, tz, expected):
    monkeypatch.setenv("TZ", tz)
    assert get_timestamp("2025-11-30T08:20:06", NOV) == expected
    assert get_timestamp("2025-11-30T08:20:06Z", NOV) == "1764490806.000000000"  # a zone: as given
