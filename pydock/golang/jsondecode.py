"""Reading docker's JSON files as Go's encoding/json does, with Go's error messages.

docker reports a broken config.json or context meta.json in Go's words ("invalid character 'b'
looking for beginning of object key string", "json: cannot unmarshal number into Go struct field
ConfigFile.psFormat of type string"); Python's json module words them differently and accepts
things Go refuses (NaN). `decode` checks the syntax first, then the value against the Go type it
is read into: object keys match field names case-insensitively, and a value of the wrong type is
left out, as Go leaves the field alone and carries on.
"""
from __future__ import annotations

import json

_SPACE = b" \t\r\n"
_DIGITS = b"0123456789"
_HEX = b"0123456789abcdefABCDEF"


class GoJSONError(ValueError):
    """str() is Go's message."""


# -- syntax -------------------------------------------------------------------------------------

def _char(c: int) -> str:
    """encoding/json's quoteChar."""
    if c == 0x27:
        return "'\\''"
    if c == 0x22:
        return "'\"'"
    from .strconv import go_quote

    return "'" + go_quote(chr(c))[1:-1] + "'"


def _invalid(c: int, context: str) -> GoJSONError:
    return GoJSONError(f"invalid character {_char(c)} {context}")


class _EOF(Exception):
    """The input ended inside a value."""


def first_value_end(data: bytes, *, whole: bool) -> int | None:
    """Where the first JSON value of `data` ends; GoJSONError with Go's message if it is malformed.

    whole=True is json.Unmarshal (nothing but spaces may follow; no value at all is an error);
    whole=False is a json.Decoder reading one value (None when there is none, the rest ignored).
    """
    start = _skip_space(data, 0)
    try:
        if start == len(data):
            raise _EOF
        end = _value(data, start)
    except _EOF:
        if not whole and start == len(data):
            return None
        raise GoJSONError("unexpected end of JSON input" if whole else "unexpected EOF") from None
    if whole:
        rest = _skip_space(data, end)
        if rest < len(data):
            raise _invalid(data[rest], "after top-level value")
    return end


def decoder_error(data: bytes) -> str:
    """What Go's json.Decoder says when a stream ends with `data` where a value should start:
    "unexpected EOF" for a value cut short, "invalid character 'o' in literal null (expecting 'u')"
    and the like for bytes that are not JSON (jsonmessage.DisplayJSONMessagesStream returns it as is)."""
    try:
        first_value_end(data, whole=False)
    except GoJSONError as exc:
        return str(exc)
    return "unexpected EOF"  # a whole value Python could not read (NaN …): Go stops there too


def _skip_space(data: bytes, i: int) -> int:
    while i < len(data) and data[i] in _SPACE:
        i += 1
    return i


def _at(data: bytes, i: int) -> int:
    if i >= len(data):
        raise _EOF
    return data[i]


def _value(data: bytes, i: int) -> int:
    """One value starting at data[i] (not a space); returns the index after it."""
    stack: list[int] = []  # the open containers: ord("{") or ord("[")
    while True:
        i = _skip_space(data, i)
        c = _at(data, i)
        if c == 0x7B:  # {
            i = _skip_space(data, i + 1)
            if _at(data, i) == 0x7D:
                i += 1
            else:
                stack.append(c)
                i = _object_key(data, i)
                continue
        elif c == 0x5B:  # [
            i = _skip_space(data, i + 1)
            if _at(data, i) == 0x5D:
                i += 1
            else:
                stack.append(c)
                continue
        else:
            i = _scalar(data, i)
        while True:  # after a value: close containers, or go on to the next element
            if not stack:
                return i
            i = _skip_space(data, i)
            c = _at(data, i)
            in_object = stack[-1] == 0x7B
            if c == 0x2C:  # ,
                i = _object_key(data, _skip_space(data, i + 1)) if in_object else i + 1
                break
            if c == (0x7D if in_object else 0x5D):
                stack.pop()
                i += 1
                continue
            raise _invalid(c, "after object key:value pair" if in_object else "after array element")


def _object_key(data: bytes, i: int) -> int:
    """`"key" :` at data[i]; returns the index after the colon."""
    c = _at(data, i)
    if c != 0x22:
        raise _invalid(c, "looking for beginning of object key string")
    i = _skip_space(data, _string(data, i))
    c = _at(data, i)
    if c != 0x3A:
        raise _invalid(c, "after object key")
    return i + 1


def _scalar(data: bytes, i: int) -> int:
    c = data[i]
    if c == 0x22:
        return _string(data, i)
    if c == 0x2D or c in _DIGITS:
        return _number(data, i)
    for word in (b"true", b"false", b"null"):
        if c == word[0]:
            for k in range(1, len(word)):
                got = _at(data, i + k)
                if got != word[k]:
                    raise _invalid(got, f"in literal {word.decode()} (expecting {_char(word[k])})")
            return i + len(word)
    raise _invalid(c, "looking for beginning of value")


def _string(data: bytes, i: int) -> int:
    i += 1
    while True:
        c = _at(data, i)
        if c == 0x22:
            return i + 1
        if c == 0x5C:  # backslash
            c = _at(data, i + 1)
            if c == 0x75:  # u
                for k in range(2, 6):
                    h = _at(data, i + k)
                    if h not in _HEX:
                        raise _invalid(h, "in \\u hexadecimal character escape")
                i += 6
                continue
            if c not in b'"\\/bfnrt':
                raise _invalid(c, "in string escape code")
            i += 2
            continue
        if c < 0x20:
            raise _invalid(c, "in string literal")
        i += 1


def _number(data: bytes, i: int) -> int:
    end = len(data)
    if data[i] == 0x2D:
        i += 1
        c = _at(data, i)
        if c not in _DIGITS:
            raise _invalid(c, "in numeric literal")
    if data[i] == 0x30:
        i += 1
    else:
        while i < end and data[i] in _DIGITS:
            i += 1
    if i < end and data[i] == 0x2E:  # .
        c = _at(data, i + 1)
        if c not in _DIGITS:
            raise _invalid(c, "after decimal point in numeric literal")
        i += 1
        while i < end and data[i] in _DIGITS:
            i += 1
    if i < end and data[i] in b"eE":
        i += 1
        if _at(data, i) in b"+-":
            i += 1
        c = _at(data, i)
        if c not in _DIGITS:
            raise _invalid(c, "in exponent of numeric literal")
        while i < end and data[i] in _DIGITS:
            i += 1
    return i


# -- types ----------------------------------------------------------------------------------------

class Struct:
    """A Go struct: its qualified type name and its fields (JSON name -> type).

    A type is "string", "bool", "raw" (any JSON, as json.RawMessage), "any" (any JSON, as
    interface{}), ("slice", T), ("map", T) or a Struct.
    """

    def __init__(self, name: str, fields: dict):
        self.name, self.fields = name, fields
        self._folded = {key.lower(): key for key in fields}

    def field(self, key: str) -> str | None:
        """Go's field matching: the exact name, else one equal to it case-insensitively."""
        return key if key in self.fields else self._folded.get(key.lower())


def type_name(kind) -> str:
    if isinstance(kind, Struct):
        return kind.name
    if isinstance(kind, tuple):
        return ("[]" if kind[0] == "slice" else "map[string]") + type_name(kind[1])
    return {"raw": "json.RawMessage", "any": "interface {}"}.get(kind, kind)


def _json_kind(value) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    return "bool" if isinstance(value, bool) else "number"


def _zero(kind):
    return {"string": "", "bool": False}.get(kind) if not isinstance(kind, Struct) else {}


class _Checker:
    """json.Unmarshal's type checking: keeps the first error, drops the values that caused them."""

    def __init__(self):
        self.error: str | None = None

    def mismatch(self, value, kind, where: tuple[Struct, list[str]] | None) -> None:
        if self.error is not None:
            return
        target = "Go value"
        if where is not None:
            struct, path = where
            target = f"Go struct field {struct.name.rsplit('.', 1)[-1]}.{'.'.join(path)}"
        self.error = f"json: cannot unmarshal {_json_kind(value)} into {target} of type {type_name(kind)}"

    def check(self, value, kind, where=None):
        """`value` as Go would hold it, or the _DROP marker when it does not fit."""
        if value is None or kind in ("raw", "any"):
            return value
        if isinstance(kind, Struct):
            if not isinstance(value, dict):
                return self._drop(value, kind, where)
            out = {}
            for key, item in value.items():
                name = kind.field(key)
                if name is None:
                    out[key] = item  # unknown to docker: kept as is
                    continue
                path = (where[1] if where else []) + [name]
                checked = self.check(item, kind.fields[name], (kind, path))
                if checked is not _DROP:
                    out[name] = checked
            return out
        if isinstance(kind, tuple):
            container = list if kind[0] == "slice" else dict
            if not isinstance(value, container):
                return self._drop(value, kind, where)
            items = enumerate(value) if container is list else value.items()
            out = [None] * len(value) if container is list else {}
            for key, item in items:
                checked = self.check(item, kind[1], where)
                out[key] = _zero(kind[1]) if checked is _DROP else checked
            return out
        fits = isinstance(value, bool) if kind == "bool" else isinstance(value, str)
        return value if fits else self._drop(value, kind, where)

    def _drop(self, value, kind, where):
        self.mismatch(value, kind, where)
        return _DROP


_DROP = object()


def decode(data: bytes, kind: Struct, *, whole: bool) -> tuple[dict, str | None]:
    """Read `data` into the Go struct `kind`: (the value as Go would hold it, Go's type error or None).

    A syntax error raises GoJSONError (Go reads nothing then); a type error leaves the fields that fit.
    See first_value_end for `whole`.
    """
    end = first_value_end(data, whole=whole)
    if end is None:
        return {}, None
    return check(json.loads(data[:end].decode("utf-8", "replace")), kind)


def check(value, kind) -> tuple[dict, str | None]:
    """A decoded JSON value read into the Go struct `kind`: as decode, without the syntax."""
    checker = _Checker()
    checked = checker.check(value, kind)
    if checked is _DROP or checked is None:
        checked = {}
    return checked, checker.error
