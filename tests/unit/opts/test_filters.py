"""--filter name=value."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.filters import filter_matches, filter_values, parse_filter, parse_filters


def test_filters_map():
    filters = parse_filters(["label=a=b", " Status = exited ", "status=dead", ""])
    assert filters == {"label": {"a=b": True}, "status": {"exited": True, "dead": True}}
    assert filter_values(filters, "status") == ["exited", "dead"]
    assert filter_matches(filters, "status", "dead") and not filter_matches(filters, "status", "running")
    assert filter_matches(filters, "name", "anything")


def test_bad_filter():
    assert parse_filter("") is None
    with pytest.raises(OptError, match=r"^bad format of filter \(expected name=value\)$"):
        parse_filter("dangling")
