"""go-units and time.Duration, against Go's own results (units_cases.json, duration_cases.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pydock.formatting import units

HERE = Path(__file__).parent
UNITS = json.loads((HERE / "units_cases.json").read_text())["cases"]
DURATIONS = json.loads((HERE / "duration_cases.json").read_text())

_OPS = {
    "size": lambda a: units.human_size(float(a)),
    "human4": lambda a: units.human_size(float(a), 4),
    "bytes": lambda a: units.bytes_size(float(a)),
    "dur": lambda a: units.human_duration(int(a) / 1e9),
    "from": units.from_human_size,
    "ram": units.ram_in_bytes,
}


@pytest.mark.parametrize("case", UNITS, ids=lambda c: "%s(%r)" % (c["op"], c["arg"]))
def test_go_units(case):
    try:
        got = {"out": _OPS[case["op"]](case["arg"])}
    except ValueError as err:
        got = {"err": str(err)}
    assert got == {k: case[k] for k in ("out", "err") if k in case}


@pytest.mark.parametrize("case", DURATIONS["parse"], ids=lambda c: repr(c["input"]))
def test_parse_go_duration(case):
    if "err" in case:
        with pytest.raises(ValueError) as err:
            units.parse_go_duration(case["input"])
        assert str(err.value) == case["err"]
    else:
        ns = units.parse_go_duration(case["input"])
        assert (str(ns), units.format_go_duration(ns)) == (case["ns"], case["str"])


@pytest.mark.parametrize("case", DURATIONS["format"], ids=lambda c: str(c["ns"]))
def test_format_go_duration(case):
    assert units.format_go_duration(case["ns"]) == case["out"]


def test_docker_examples():
    assert units.human_size(1_980_000) == "1.98MB"
    assert units.human_size(5600) == "5.6kB"
    assert units.human_size(0) == "0B"
    assert units.bytes_size(1572864) == "1.5MiB"
    assert units.ram_in_bytes("512m") == 512 * 1024 * 1024
    assert units.parse_go_duration("1m30s") == 90 * 10**9
    assert units.format_go_duration(90 * 10**9) == "1m30s"


def test_human_duration_thresholds_and_timedelta():
    assert units.human_duration(dt.timedelta(minutes=90)) == "2 hours"
    assert units.human_duration(89 * 60) == "About an hour"
    assert units.human_duration(-3) == "Less than a second"


def test_running_for():
    assert units.running_for(1000, now=1000.5) == "Less than a second ago"
    assert units.running_for(1000, now=1000 + 3 * 3600) == "3 hours ago"


def test_go_time_string():
    assert units.go_time_string(1700000000, dt.timezone.utc) == "2023-11-14 22:13:20 +0000 UTC"
    cet = dt.timezone(dt.timedelta(hours=1), "CET")
    assert units.go_time_string(1700000000, cet) == "2023-11-14 23:13:20 +0100 CET"
