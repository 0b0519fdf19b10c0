"""Helpers of the container commands: Go integer flags, running on many containers."""
from __future__ import annotations

import threading

import pytest

from pydock.cli.commands.container.common import each_container, parse_go_int
from pydock.transport.errors import NotFound


@pytest.mark.parametrize("text, value", [("10", 10), ("-3", -3), ("0x10", 16), ("010", 8), ("0b11", 3),
                                         ("1_000", 1000), ("+5", 5)])
def test_go_ints(text, value):
    assert parse_go_int(text) == value


@pytest.mark.parametrize("text, message", [
    ("abc", 'strconv.ParseInt: parsing "abc": invalid syntax'),
    ("", 'strconv.ParseInt: parsing "": invalid syntax'),
    ("99999999999999999999", 'strconv.ParseInt: parsing "99999999999999999999": value out of range'),
])
def test_go_int_errors(text, message):
    with pytest.raises(ValueError) as info:
        parse_go_int(text)
    assert str(info.value) == message


def test_uint16_range():
    assert parse_go_int("65535", 16, unsigned=True) == 65535
    with pytest.raises(ValueError, match="ParseUint.*value out of range"):
        parse_go_int("65536", 16, unsigned=True)


def test_each_container_runs_concurrently_and_answers_in_order():
    barrier = threading.Barrier(3, timeout=5)

    def op(name):
        barrier.wait()  # all three must be running at once
        if name == "b":
            raise NotFound(404, "No such container: b")

    results = list(each_container(["a", "b", "c"], op))
    assert [name for name, _ in results] == ["a", "b", "c"]
    assert results[0][1] is None and isinstance(results[1][1], NotFound) and results[2][1] is None
