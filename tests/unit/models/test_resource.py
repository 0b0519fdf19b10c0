"""Model, Collection and CancellableStream on their own."""
from __future__ import annotations

import pytest

from pydock.models.resource import CancellableStream, Collection, Model, lines


class Thing(Model):
    pass


class Things(Collection):
    model = Thing

    def get(self, key):
        return self.prepare_model({"Id": key, "Reloaded": True})


def test_models_compare_by_kind_and_id():
    things = Things(client="c")
    a, b = things.prepare_model({"Id": "x" * 64}), things.prepare_model({"Id": "x" * 64})
    assert a == b and hash(a) == hash(b) and a != Model({"Id": "x" * 64})
    assert a.short_id == "x" * 12 and repr(a) == f"<Thing: {'x' * 12}>" and a.client == "c"
    a.reload()
    assert a.attrs["Reloaded"] is True
    with pytest.raises(TypeError, match="not callable"):
        things()
    with pytest.raises(TypeError, match="Can't create Thing"):
        things.prepare_model(3)


def test_cancellable_stream_stops_on_close():
    cancelled = []
    stream = CancellableStream(iter([1, 2, 3]), lambda: cancelled.append(True))
    assert next(stream) == 1
    stream.close()
    stream.close()
    assert cancelled == [True] and list(stream) == []


def test_errors_after_close_end_the_iteration_and_before_propagate():
    def broken():
        yield 1
        raise OSError("cut")
    stream = CancellableStream(broken(), lambda: None)
    assert next(stream) == 1
    with pytest.raises(OSError):
        next(stream)
    stream = CancellableStream(broken(), lambda: None)
    next(stream)
    stream.close()
    assert list(stream) == []


def test_lines_rejoin_split_chunks():
    assert list(lines([b'{"a":', b'1}\n{"b"', b":2}\n", b"tail"])) == [b'{"a":1}\n', b'{"b":2}\n', b"tail"]
