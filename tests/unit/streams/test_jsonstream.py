"""json_objects: JSON values from a byte stream (pull/push/build progress, events, stats)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pydock.golang.jsondecode import decoder_error
from pydock.streams.jsonstream import JSONStreamError, json_objects


def _until_error(chunks):
    seen = []
    with pytest.raises(JSONStreamError) as info:
        for obj in json_objects(chunks):
            seen.append(obj)
    return seen, info.value


def test_one_object_per_line():
    data = b'{"status":"Pulling"}\r\n{"status":"Done"}\r\n'
    assert list(json_objects([data])) == [{"status": "Pulling"}, {"status": "Done"}]


def test_objects_split_across_chunks():
    data = b'{"id":"a","progress":"[==>  ]"}\n{"id":"b"}\n'
    for cut in range(len(data) + 1):
        assert list(json_objects([data[:cut], data[cut:]])) == [{"id": "a", "progress": "[==>  ]"}, {"id": "b"}]


def test_objects_sharing_a_line():
    assert list(json_objects([b'{"a":1}{"b":2} {"c":3}'])) == [{"a": 1}, {"b": 2}, {"c": 3}]


def test_utf8_split_inside_a_character():
    data = '{"status":"héllo ✓"}\n'.encode()
    cut = data.index("✓".encode()) + 1  # in the middle of the 3-byte character
    assert list(json_objects([data[:cut], data[cut:]])) == [{"status": "héllo ✓"}]


def test_a_stream_cut_inside_a_message_raises_after_the_whole_ones():
    seen, error = _until_error([b'{"a":1}\n{"b":'])
    assert seen == [{"a": 1}]
    assert error.data == b'{"b":'
    assert decoder_error(error.data) == "unexpected EOF"  # Go's json.Decoder on a cut value


def test_bytes_that_are_not_json_raise_with_go_words():
    seen, error = _until_error([b'{"a":1}\r\nnot json at all\r\n', b'{"b":2}\r\n'])
    assert seen == [{"a": 1}]  # nothing after the bad line is taken for a message, as docker stops there
    assert decoder_error(error.data) == "invalid character 'o' in literal null (expecting 'u')"


def test_a_cut_inside_a_utf8_character_raises():
    data = '{"status":"✓"}'.encode()
    _, error = _until_error([data[:-3]])
    assert decoder_error(error.data) == "unexpected EOF"


def test_blank_chunks_and_whitespace():
    assert list(json_objects([b"", b"\n\n", b'  {"a":1}  ', b"", b"\n"])) == [{"a": 1}]


def test_error_objects_come_through():
    data = b'{"errorDetail":{"message":"not found"},"error":"not found"}\n'
    assert list(json_objects([data])) == [{"errorDetail": {"message": "not found"}, "error": "not found"}]


@given(st.lists(st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), st.text(max_size=8))),
                max_size=8),
       st.integers(min_value=1, max_value=7))
def test_any_chunking(objects, size):
    data = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode()
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    assert list(json_objects(chunks)) == objects
