"""Go's encoding/json reading: where a value ends, and Go's messages (configfile/contexts tests hold docker's)."""
from __future__ import annotations

import json

import pytest

from pydock.golang.jsondecode import GoJSONError, Struct, check, first_value_end


@pytest.mark.parametrize("text", [
    '{}', '[]', '""', '0', '-0.5e-3', '1E+2', 'true', 'false', 'null', '"\\u00e9\\n\\/"',
    '{"a":[1,2,{"b":[]}],"c":{},"d":"x"}', '[' * 20 + ']' * 20, '  {"a" : [ 1 , 2 ] }  ',
])
def test_valid_documents_end_where_json_does(text):
    data = text.encode()
    assert first_value_end(data, whole=True) == len(text.rstrip())
    assert json.loads(data) is not None or text == "null"


def test_deep_nesting_needs_no_recursion():
    data = b"[" * 5000 + b"]" * 5000
    assert first_value_end(data, whole=True) == len(data)


@pytest.mark.parametrize("text, whole, expected", [
    ("", False, None), ("  ", False, None), ('{"a":1} {', False, 7), ("12 x", False, 2),
])
def test_a_decoder_reads_one_value(text, whole, expected):
    assert first_value_end(text.encode(), whole=whole) == expected


@pytest.mark.parametrize("text, message", [
    ("", "unexpected end of JSON input"), ("[1,", "unexpected end of JSON input"),
    ("[1] 2", "invalid character '2' after top-level value"),
    ("[1,]", "invalid character ']' looking for beginning of value"),
    ("\x01", "invalid character '\\x01' looking for beginning of value"),
])
def test_unmarshal_messages(text, message):
    with pytest.raises(GoJSONError) as info:
        first_value_end(text.encode(), whole=True)
    assert str(info.value) == message


def test_check_drops_what_does_not_fit_and_keeps_unknown_keys():
    point = Struct("pkg.Point", {"X": "string", "Tags": ("slice", "string")})
    value, error = check({"x": 1, "tags": ["a", 2], "extra": True}, point)
    assert value == {"Tags": ["a", ""], "extra": True}
    assert error == "json: cannot unmarshal number into Go struct field Point.X of type string"
