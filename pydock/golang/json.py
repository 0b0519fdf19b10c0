"""Go's encoding/json output for Python values, as docker's ``{{json}}`` prints them.

Differences from Python's json module that matter for byte-exact output: compact
separators, floats in Go's form (``1`` not ``1.0``, ``1e+21``), U+2028/U+2029 always escaped,
``<``, ``>`` and ``&`` escaped only when HTML escaping is on, and non-ASCII kept as is.

Dict order: dicts are written in their own order, because ours come from the engine's JSON,
which Go already wrote in struct-field order (structs) or sorted order (maps). Pass
``sort_keys=True`` for a dict that stands for a Go map built on the client side.
"""

from __future__ import annotations

import math

from .fmt import TypedNil, format_float

__all__ = ["go_json", "JSONError", "Number", "StructObject", "InterfaceSlice", "decode_use_number"]


class StructObject(dict):
    """A Go struct's JSON object: its keys stay in field order even when `go_json(sort_keys=True)` sorts maps."""


class Number(str):
    """encoding/json's Number: what a decoder with UseNumber() gives for a JSON number (its text).

    A string type with a String method: `%v` prints the text, `%T` is `json.Number`, `%d` is a bad verb,
    `eq` with an integer is an incompatible comparison, and `json` writes the number back unquoted.
    """

    __slots__ = ()
    go_type_name = "json.Number"
    go_json_number = True

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        return str.__str__(self)


class InterfaceSlice(list):
    """A JSON array decoded into an interface {}: a []interface {}, which Go does not take for a []string."""

    go_type_name = "[]interface {}"


def decode_use_number(data):
    """json.NewDecoder(…).UseNumber().Decode(&v) into an interface {}: objects, arrays (InterfaceSlice),
    strings, bools, nil and Numbers. Raises ValueError on bad JSON."""
    import json

    return _arrays(json.loads(data, parse_int=Number, parse_float=Number, parse_constant=_no_constant))


def _arrays(value):
    if isinstance(value, list):
        return InterfaceSlice(_arrays(v) for v in value)
    if isinstance(value, dict):
        return {k: _arrays(v) for k, v in value.items()}
    return value


def _no_constant(name: str):
    raise ValueError(f"invalid character {name[0]!r} looking for beginning of value")


class JSONError(ValueError):
    """A value json.Marshal refuses; the message is Go's."""


_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(ch: str, escape_html: bool) -> str:
    if ch in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[ch]
    code = ord(ch)
    if code < 0x20:
        return "\\u%04x" % code
    if escape_html and ch in _HTML_ESCAPES:
        return _HTML_ESCAPES[ch]
    if code in (0x2028, 0x2029):
        return "\\u%04x" % code
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"  # invalid UTF-8 is replaced, as Go does
    return ch


def _needs_escape(s: str, escape_html: bool) -> bool:
    for ch in s:
        if ch < " " or ch in '"\\' or ord(ch) in (0x2028, 0x2029) or 0xD800 <= ord(ch) <= 0xDFFF:
            return True
        if escape_html and ch in "<>&":
            return True
    return False


def _string(s: str, escape_html: bool) -> str:
    if not _needs_escape(s, escape_html):
        return '"' + s + '"'
    return '"' + "".join(_escape_char(c, escape_html) for c in s) + '"'


def _float(v: float) -> str:
    if math.isnan(v) or math.isinf(v):
        raise JSONError("json: unsupported value: " + format_float(v, "g", -1))
    a = abs(v)
    fmt = "e" if a != 0 and (a < 1e-6 or a >= 1e21) else "f"
    text = format_float(v, fmt, -1)
    if fmt == "e" and len(text) >= 4 and text[-4] == "e" and text[-3] == "-" and text[-2] == "0":
        text = text[:-2] + text[-1]  # e-07 -> e-7
    return text


def go_json(value, *, escape_html: bool = False, sort_keys: bool = False) -> str:
    """Compact JSON the way Go's encoder writes it (no trailing newline)."""
    out: list[str] = []
    _encode(value, out, escape_html, sort_keys)
    return "".join(out)


def _encode(value, out: list, escape_html: bool, sort_keys: bool):
    if isinstance(value, Number):
        out.append(str.__str__(value))
    elif isinstance(value, str):
        out.append(_string(value, escape_html))
    elif value is None or isinstance(value, TypedNil):
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        _encode_dict(value, out, escape_html, sort_keys)
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _encode(item, out, escape_html, sort_keys)
        out.append("]")
    else:
        _encode_object(value, out, escape_html)


def _encode_dict(value: dict, out: list, escape_html: bool, sort_keys: bool):
    keys = list(value)
    if sort_keys and not isinstance(value, StructObject):
        keys.sort(key=lambda k: str(k).encode("utf-8", "surrogateescape"))
    out.append("{")
    for i, key in enumerate(keys):
        if i:
            out.append(",")
        out.append(_string(str(key), escape_html))
        out.append(":")
        _encode(value[key], out, escape_html, sort_keys)
    out.append("}")


def _encode_object(value, out: list, escape_html: bool):
    # A row context marshals like docker's formatter.MarshalJSON: a Go map (sorted keys)
    # encoded by json.Marshal, which escapes HTML whatever the outer encoder says.
    to_json = getattr(value, "to_json_dict", None)
    if callable(to_json):
        out.append(go_json(to_json(), escape_html=True, sort_keys=True))
        return
    raise JSONError("json: unsupported type: " + type(value).__name__)
