"""Go structs for templates that docker runs over its own types (`version`, `info`).

Docker executes those templates on Go structs, not maps: an unknown field is an error
(`can't evaluate field Foo in type system.dockerInfo`), a nil slice prints `[]` and encodes as
`null`, and `{{json .}}` follows the struct's field order and `json:",omitempty"` tags. A
Schema describes one struct; `Schema.build(raw)` turns the engine's JSON into a GoStruct.

Field kinds: "string", "int", "bool", "slice", "map", "time" (a time.Time), "raw" (the JSON value as is, objects as
maps), a Schema (a struct value), ("ptr", Schema) (a pointer: nil prints `<nil>`) or
("slice", Schema) (a slice of structs).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .fmt import TypedNil, format_value
from .json import go_json

__all__ = ["Field", "Schema", "GoStruct", "GoMap", "as_pointer", "NilSlice", "NilMap", "to_plain", "struct_json",
           "json_funcs"]


class NilSlice(list):
    """A nil Go slice: prints `[]`, encodes as `null`."""


class GoTime:
    """A time.Time from the engine's RFC 3339 text: prints as Go does; `json` writes the text back."""

    go_type_name = "time.Time"

    def __init__(self, text: str):
        self.text = text

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        import re

        match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)Z", self.text)
        return f"{match[1]} {match[2]} +0000 UTC" if match else self.text

    __str__ = String


class GoMap(dict):
    """A typed Go map: `index` of a missing key gives the element type's zero value."""

    def __init__(self, items, go_zero):
        super().__init__(items)
        self.go_zero = go_zero


class NilMap(dict):
    """A nil Go map: prints `map[]`, encodes as `null`."""


@dataclass(frozen=True)
class Field:
    name: str  # the Go field name templates use
    kind: object = "string"
    json: str = ""  # the JSON key, when it differs from the name
    omitempty: bool = False
    embedded_in: str = ""  # the embedded struct holding the field: fmt prints its fields as one nested {…}

    @property
    def key(self) -> str:
        return self.json or self.name


@dataclass
class Schema:
    type_name: str  # as Go's messages show it, e.g. "system.dockerInfo" or "*types.Version"
    fields: tuple[Field, ...]
    sorted_json: bool = False  # the type marshals through a map (sorted keys)
    _cls: type | None = field(default=None, repr=False)

    @property
    def cls(self) -> type:
        if self._cls is None:
            name = self.type_name.rsplit(".", 1)[-1]
            self._cls = type(name, (GoStruct,), {"go_type_name": self.type_name, "schema": self})
        return self._cls

    def build(self, raw: dict | None = None, **overrides) -> "GoStruct":
        """A struct from `raw` (engine JSON: JSON keys, or Go field names); missing fields get zero values."""
        raw = raw or {}
        values = {}
        for f in self.fields:
            value = overrides[f.name] if f.name in overrides else raw.get(f.key, raw.get(f.name, _ABSENT))
            values[f.name] = _convert(f.kind, value)
        return self.cls(values)

    def pointer(self) -> "Schema":
        """The same struct seen through a pointer (for messages: `*types.Version`)."""
        return Schema("*" + self.type_name.lstrip("*"), self.fields, self.sorted_json)


_ABSENT = object()


def _convert(kind, value):
    if isinstance(value, (GoStruct, TypedNil, NilSlice, NilMap)):
        return value
    if isinstance(kind, tuple) and kind[0] == "ptr":
        schema: Schema = kind[1]
        if value is _ABSENT or value is None:
            return TypedNil(schema.type_name if schema.type_name.startswith("*") else "*" + schema.type_name)
        return as_pointer(schema.build(value))
    if isinstance(kind, Schema):
        return kind.build(value if isinstance(value, dict) else None)
    if isinstance(kind, tuple) and kind[0] == "slice":
        if value is _ABSENT or value is None:
            return NilSlice()
        if isinstance(kind[1], tuple):  # ("slice", ("ptr", Schema)): a slice of pointers
            return [as_pointer(kind[1][1].build(v)) if isinstance(v, dict) else v for v in value]
        return [kind[1].build(v) if isinstance(v, dict) else v for v in value]
    if kind == "time":
        return GoTime(value if isinstance(value, str) else "0001-01-01T00:00:00Z")
    if value is _ABSENT or value is None:
        return {"string": "", "int": 0, "bool": False, "slice": NilSlice(), "map": NilMap()}.get(kind)
    if kind == "int" and isinstance(value, bool):
        return int(value)
    return value


def as_pointer(value: "GoStruct") -> "GoStruct":
    """Mark a struct as reached through a pointer: nested in a struct, map or slice, fmt prints its address."""
    object.__setattr__(value, "go_pointer", True)
    return value


class GoStruct:
    """One Go struct value: its fields are attributes; anything else is an unknown field."""

    go_type_name = "struct {}"
    go_pointer = False  # the value is a *T; templates print a top-level pointer as the struct itself
    schema: Schema

    def __init__(self, values: dict):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str):
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        raise AttributeError(name)

    def __setattr__(self, name: str, value) -> None:
        if name not in self._values:
            raise AttributeError(name)
        self._values[name] = value

    def __str__(self) -> str:  # fmt's %v: {a b c}, &{…} for a pointer, {{a b} c} with an embedded struct
        parts, embedded, group = [], [], ""
        for f in self.schema.fields:
            if embedded and f.embedded_in != group:
                parts.append("{%s}" % " ".join(embedded))
                embedded = []
            group = f.embedded_in
            (embedded if group else parts).append(_nested(self._values[f.name]))
        if embedded:
            parts.append("{%s}" % " ".join(embedded))
        return ("&{%s}" if self.go_type_name.startswith("*") else "{%s}") % " ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._values!r})"

    def to_plain(self) -> dict:
        """The value json.Marshal writes: JSON keys, omitempty applied, nils as None."""
        out = {}
        for f in self.schema.fields:
            value = self._values[f.name]
            if f.omitempty and _is_empty(value):
                continue
            out[f.key] = to_plain(value)
        if self.schema.sorted_json:
            return _sorted_deep(out)
        return out


def _nested(value) -> str:
    if isinstance(value, GoStruct) and (value.go_pointer or value.go_type_name.startswith("*")):
        return "0xc000010000"  # Go prints a nested pointer's address
    return format_value(value)


def _is_empty(value) -> bool:
    if isinstance(value, TypedNil) or value is None:
        return True
    if isinstance(value, GoStruct):
        return False  # omitempty never drops a struct value
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) == 0
    return value is False or value == 0


def to_plain(value):
    if isinstance(value, GoStruct):
        return value.to_plain()
    if isinstance(value, (NilSlice, NilMap, TypedNil)):
        return None
    if isinstance(value, GoTime):
        return value.text
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def _sorted_deep(value):
    if isinstance(value, dict):
        return {k: _sorted_deep(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted_deep(v) for v in value]
    return value


def struct_json(value, plain=to_plain) -> str:
    """docker's `json` template function over Go structs (encoder with HTML escaping off).

    `plain(value)` gives what is encoded: the structs' JSON objects, by default.
    """
    from .json import JSONError
    from .template.funcs import MISSING, FuncError

    try:
        return go_json(None if value is MISSING else plain(value))
    except JSONError as err:
        raise FuncError(str(err)) from None


def json_funcs(plain=to_plain) -> dict:
    """Functions to pass to template.parse(funcs=…) so that `json` understands GoStructs."""
    from .template.funcs import ANY, FuncSpec

    return {"json": FuncSpec(lambda value: struct_json(value, plain), (ANY,))}
