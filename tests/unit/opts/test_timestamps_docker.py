"""--since/--until values against what the real docker CLI sent for them (timestamps_docker.json, recorded by
collect_timestamps.py): the same API value, or the same error, in several time zones."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from pydock.opts import OptError
from pydock.opts.timestamps import get_timestamp

GOLDEN = json.loads((Path(__file__).parent / "timestamps_docker.json").read_text())


@pytest.fixture
def zone():
    """Switch the process's local time zone (TZ, as docker read it) for one test."""
    saved = os.environ.get("TZ")

    def use(tz: str) -> None:
        os.environ["TZ"] = tz
        time.tzset()
    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: f"{c['tz']}:{c['value']}")
def test_value_sent_is_dockers(case, zone):
    zone(case["tz"])
    if case["rc"] == 0:
        assert get_timestamp(case["value"], case["now"]) == case["since"]
        return
    with pytest.raises(OptError) as info:
        get_timestamp(case["value"], case["now"])
    assert str(info.value) + "\n" == case["stderr"]
