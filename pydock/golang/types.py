"""Go types declared in Go's own syntax, and JSON decoded into values of those types.

docker runs some templates over its Go structs, where the types show: `%T` names them, `%+v` names
struct fields, `%#v` prints Go syntax, `index` refuses a key of the wrong type, a nil slice prints `[]`
and encodes as `null`. A TypeSet holds declarations copied from docker's source:

    types = TypeSet('''
    type container.RestartPolicy struct {
        Name              container.RestartPolicyMode
        MaximumRetryCount int
    }
    type container.RestartPolicyMode string
    type container.HealthStatus = string
    ''')
    policy = types.decode("container.RestartPolicy", {"Name": "always", "MaximumRetryCount": 0})

Names are written package-qualified (`container.RestartPolicy`), as `%T` prints them. A struct field
is `Name Type` with an optional `json:"key,omitempty"` tag in back quotes; an embedded field is just
its type (`*container.ContainerJSONBase`, `container.Resources`). Type expressions: predeclared names,
`*T`, `[]T`, `[N]T`, `map[K]V`, `struct {}`, `interface {}`. decode() follows encoding/json: JSON null
leaves a zero value (nil for pointers, slices and maps), keys match field names case-insensitively,
unknown keys are dropped, and numbers inside an `interface {}` become float64.

Values: see golang.structs (GoStruct, GoSlice, GoMap, GoPointer, named scalars).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .fmt import TypedNil
from .structs import (
    GO_VALUES,
    GoMap,
    GoPointer,
    GoSlice,
    GoStruct,
    GoTime,
    NilMap,
    NilSlice,
    as_pointer,
    go_int_class,
    named_scalar_class,
)

__all__ = ["GoType", "TypeSet", "TypeDeclarationError", "Field", "Schema"]

INT_KINDS = ("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr")
BASIC_KINDS = ("bool", "string", "float32", "float64", *INT_KINDS)


class TypeDeclarationError(ValueError):
    """A declaration this parser does not understand (a programming error in a TypeSet)."""


@dataclass(eq=False)
class GoType:
    """One Go type. `name` is what `%T` prints; `kind` is reflect's kind (bool, string, int64, …,
    slice, array, map, ptr, struct, interface)."""

    name: str
    kind: str
    elem: "GoType | None" = None  # slice, array, map values, pointer target
    key: "GoType | None" = None  # map keys
    length: int = 0  # arrays
    named: bool = False  # a defined type (its own name), not a type literal
    schema: Schema | None = None  # structs
    methods: dict = field(default_factory=dict)  # Go methods templates may call: name -> Python function


@dataclass(frozen=True)
class Field:
    """One field of a Schema: its Go name, its kind (a GoType, a type expression such as "[]string" or
    "int64", or one of the older kinds: see Schema) and its JSON tag."""

    name: str  # the Go field name templates use
    kind: object = "string"
    json: str = ""  # the JSON key, when it differs from the name
    omitempty: bool = False
    embedded: bool = False  # an embedded struct: its fields are promoted, and JSON flattens them

    @property
    def key(self) -> str:
        return self.json or self.name


@dataclass
class Schema:
    """A Go struct type; `build(raw)` turns the engine's JSON into its GoStruct value.

    Field kinds: a Go type declared through a TypeSet (preferred) or a type expression of predeclared
    types ("int64", "map[string]interface {}"), or the older strings "string", "int", "bool", "slice",
    "map", "time" (a time.Time), "raw" (the JSON value as is, objects as maps), a Schema (a struct
    value), ("ptr", Schema) (a pointer: nil prints `<nil>`) or ("slice", Schema) (a slice of structs).
    """

    type_name: str  # as Go's messages show it, e.g. "system.dockerInfo" or "*types.Version"
    fields: tuple[Field, ...]
    sorted_json: bool = False  # the type marshals through a map (sorted keys)
    methods: dict = field(default_factory=dict)  # Go methods templates may call
    _cls: type | None = field(default=None, repr=False)

    @property
    def cls(self) -> type:
        if self._cls is None:
            name = self.type_name.rsplit(".", 1)[-1]
            self._cls = type(name, (GoStruct,), {"go_type_name": self.type_name, "schema": self, **self.methods})
        return self._cls

    def build(self, raw: dict | None = None, **overrides) -> "GoStruct":
        """A struct from `raw` (engine JSON: JSON keys, or Go field names); missing fields get zero values."""
        raw = raw or {}
        values = {}
        for f in self.fields:
            if f.name not in overrides:
                values[f.name] = self.convert(f, raw)
            elif _go_type_of(f.kind) is not None and not isinstance(overrides[f.name], GO_VALUES):
                values[f.name] = self.convert(f, {f.key: overrides[f.name]})
            else:
                values[f.name] = _convert(f.kind, overrides[f.name])
        return self.cls(values)

    def convert(self, f: Field, raw: dict):
        gotype = _go_type_of(f.kind)
        if gotype is not None:  # a Go type: declared through golang.types, or a type expression
            return decode(gotype, raw if f.embedded else raw.get(f.key, raw.get(f.name)))
        if f.embedded:  # an embedded struct decodes from the same JSON object
            return _convert(f.kind, raw)
        return _convert(f.kind, raw.get(f.key, raw.get(f.name, _ABSENT)))

    def pointer(self) -> "Schema":
        """The same struct seen through a pointer (for messages: `*types.Version`)."""
        return Schema("*" + self.type_name.lstrip("*"), self.fields, self.sorted_json)


_ABSENT = object()  # a key the JSON object does not have
_LEGACY_KINDS = ("string", "int", "bool", "slice", "map", "time", "raw")


def _go_type_of(kind):
    """The GoType a field kind names: a TypeSet's lazy type, a GoType, or a type expression of predeclared
    types ("[]string", "map[string]string", "int64"); None for the older kinds."""
    if hasattr(kind, "get"):
        return kind.get()
    if isinstance(kind, GoType):
        return kind
    if isinstance(kind, str) and kind not in _LEGACY_KINDS:
        return predeclared().resolve(kind)
    return None


def _convert(kind, value):
    if isinstance(value, GO_VALUES):
        return value
    if isinstance(kind, tuple) and kind[0] == "ptr":
        schema: Schema = kind[1]
        if value is _ABSENT or value is None:
            return TypedNil(schema.type_name if schema.type_name.startswith("*") else "*" + schema.type_name)
        return as_pointer(schema.build(value))
    if isinstance(kind, Schema):
        return kind.build(value if isinstance(value, dict) else None)
    if isinstance(kind, tuple) and kind[0] == "slice":
        pointers = isinstance(kind[1], tuple)  # ("slice", ("ptr", Schema)): a slice of pointers
        schema = kind[1][1] if pointers else kind[1]
        type_name = ("[]*" if pointers else "[]") + schema.type_name.lstrip("*")
        if value is _ABSENT or value is None:
            return NilSlice((), type_name)
        if pointers:
            return GoSlice([as_pointer(schema.build(v)) if isinstance(v, dict) else v for v in value], type_name)
        return GoSlice([schema.build(v) if isinstance(v, dict) else v for v in value], type_name)
    if kind == "time":
        return GoTime(value if isinstance(value, str) else "0001-01-01T00:00:00Z")
    if value is _ABSENT or value is None:
        return {"string": "", "int": 0, "bool": False, "slice": NilSlice(), "map": NilMap()}.get(kind)
    if kind == "int" and isinstance(value, bool):
        return int(value)
    return value


_PREDECLARED = {name: GoType(name, name, named=True) for name in BASIC_KINDS}
_PREDECLARED["byte"] = _PREDECLARED["uint8"]
_PREDECLARED["rune"] = _PREDECLARED["int32"]
INTERFACE = GoType("interface {}", "interface")
EMPTY_STRUCT = GoType("struct {}", "struct", schema=Schema("struct {}", ()))

_TYPE_LINE = re.compile(r"type\s+([\w.]+)\s*(=)?\s*(.*)$")
_JSON_TAG = re.compile(r'json:"([^"]*)"')


class TypeSet:
    """Named Go types, declared in Go syntax (several `type … ` declarations in one text).

    time.Time and time.Duration are known (see golang.structs GoTime, GoDuration). `methods` maps type
    names to {method name: function(value, …)} that templates may call on values of that type.
    """

    def __init__(self, declarations: str = "", *, methods: dict | None = None):
        self._types: dict[str, GoType] = dict(_PREDECLARED)
        self._types["time.Time"] = GoType("time.Time", "struct", named=True)
        self._types["time.Duration"] = GoType("time.Duration", "int64", named=True)
        self._pending: dict[str, tuple[bool, str, list[str]]] = {}
        self._methods = methods or {}
        if declarations:
            self.declare(declarations)

    # -- declarations ----------------------------------------------------------------------
    def declare(self, text: str) -> None:
        """Add `type Name Type`, `type Name = Type` and `type Name struct { … }` declarations."""
        lines = [line.split("//", 1)[0].strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        i = 0
        while i < len(lines):
            match = _TYPE_LINE.match(lines[i])
            if not match:
                raise TypeDeclarationError(f"not a type declaration: {lines[i]!r}")
            name, alias, rest = match[1], bool(match[2]), match[3].strip()
            body: list[str] = []
            if rest == "struct {":
                i += 1
                while lines[i] != "}":
                    body.append(lines[i])
                    i += 1
                rest = "struct"
            self._pending[name] = (alias, rest, body)
            i += 1

    def __getitem__(self, expr: str) -> GoType:
        return self.resolve(expr)

    def resolve(self, expr: str) -> GoType:
        """The GoType of a type expression (`[]container.MountPoint`, `map[string]*network.EndpointSettings`)."""
        expr = expr.strip()
        known = self._types.get(expr)
        if known is not None:
            return known
        if expr in self._pending:
            return self._define(expr)
        if expr.startswith("*"):
            elem = self.resolve(expr[1:])
            return GoType("*" + elem.name, "ptr", elem=elem)
        if expr.startswith("[]"):
            elem = self.resolve(expr[2:])
            return GoType("[]" + elem.name, "slice", elem=elem)
        if expr.startswith("["):
            length, _, rest = expr[1:].partition("]")
            elem = self.resolve(rest)
            return GoType(f"[{int(length)}]{elem.name}", "array", elem=elem, length=int(length))
        if expr.startswith("map["):
            key_expr, rest = _split_map(expr)
            key, elem = self.resolve(key_expr), self.resolve(rest)
            return GoType(f"map[{key.name}]{elem.name}", "map", elem=elem, key=key)
        if re.fullmatch(r"struct\s*{\s*}", expr):
            return EMPTY_STRUCT
        if re.fullmatch(r"interface\s*{\s*}|any", expr):
            return INTERFACE
        raise TypeDeclarationError(f"unknown Go type {expr!r}")

    def _define(self, name: str) -> GoType:
        alias, rest, body = self._pending.pop(name)
        if alias:
            target = self.resolve(rest)
            self._types[name] = target
            return target
        if rest == "struct":
            gotype = GoType(name, "struct", named=True, methods=self._methods.get(name, {}))
            self._types[name] = gotype  # before the fields: a struct may point to itself
            gotype.schema = Schema(name, tuple(self._field(line) for line in body))
            gotype.schema.methods = gotype.methods
            return gotype
        underlying = self.resolve(rest)
        gotype = GoType(name, underlying.kind, elem=underlying.elem, key=underlying.key, length=underlying.length,
                        named=True, schema=underlying.schema, methods=self._methods.get(name, {}))
        self._types[name] = gotype
        return gotype

    def _field(self, line: str) -> Field:
        """`Name Type` or an embedded `Type` (named after its type), with an optional `json:"key,omitempty"` tag."""
        decl, _, tag = line.partition("`")
        parts = decl.split(None, 1)
        if len(parts) == 2:
            name, type_expr, embedded = parts[0], parts[1].strip(), False
        elif len(parts) == 1:
            type_expr, embedded = parts[0], True
            name = type_expr.lstrip("*").rsplit(".", 1)[-1]
        else:
            raise TypeDeclarationError(f"not a struct field: {line!r}")
        key, omitempty = name, False
        json_tag = _JSON_TAG.search(tag)
        if json_tag:
            tag_name, *options = json_tag[1].split(",")
            key, omitempty = tag_name or name, "omitempty" in options
        return Field(name, _Lazy(self, type_expr), json=key if key != name else "", omitempty=omitempty,
                     embedded=embedded)

    # -- values ----------------------------------------------------------------------------
    def decode(self, type_expr: "str | GoType", value):
        """encoding/json.Unmarshal of an already parsed JSON value into the type: a Go value (see golang.structs)."""
        gotype = type_expr if isinstance(type_expr, GoType) else self.resolve(type_expr)
        return decode(gotype, value)

    def zero(self, type_expr: "str | GoType"):
        gotype = type_expr if isinstance(type_expr, GoType) else self.resolve(type_expr)
        return zero(gotype)


@lru_cache(maxsize=None)
def predeclared() -> TypeSet:
    """A TypeSet of Go's predeclared types only (for expressions like `[]string` or `map[string]int64`)."""
    return TypeSet()


class _Lazy:
    """A field's type, resolved when first used (declarations may refer to types declared later)."""

    __slots__ = ("types", "expr", "_resolved")

    def __init__(self, types: TypeSet, expr: str):
        self.types, self.expr, self._resolved = types, expr, None

    def get(self) -> GoType:
        if self._resolved is None:
            self._resolved = self.types.resolve(self.expr)
        return self._resolved


def field_type(f: Field) -> GoType | None:
    """The GoType of a field declared through a TypeSet (None for the older kind strings)."""
    return f.kind.get() if isinstance(f.kind, _Lazy) else None


def _split_map(expr: str) -> tuple[str, str]:
    depth = 0
    for i, ch in enumerate(expr[3:], start=3):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return expr[4:i], expr[i + 1:]
    raise TypeDeclarationError(f"bad map type {expr!r}")


# -- decoding ----------------------------------------------------------------------------------

def zero(t: GoType):
    """The zero value of a type, as a Go value."""
    kind = t.kind
    if t.name == "time.Time":
        return GoTime("0001-01-01T00:00:00Z")
    if kind == "string":
        return named_scalar_class(str, t)("") if t.named and t.name != "string" else ""
    if kind == "bool":
        return False
    if kind in INT_KINDS:
        return go_int_class(t)(0)
    if kind in ("float32", "float64"):
        return 0.0
    if kind == "slice":
        return NilSlice((), t.name, elem_type=t.elem)
    if kind == "array":
        return GoSlice([zero(t.elem) for _ in range(t.length)], t.name, elem_type=t.elem)
    if kind == "map":
        return NilMap((), t.name, go_zero=zero(t.elem), key_type_name=t.key.name)
    if kind == "ptr":
        return TypedNil(t.name)
    if kind == "struct":
        return _build_struct(t, {})
    return None  # interface {}: nil


def decode(t: GoType, value):
    """A parsed JSON value decoded into type `t` (see TypeSet.decode)."""
    if value is None and t.kind not in ("interface",):
        return zero(t)
    kind = t.kind
    if t.name == "time.Time":
        return GoTime(value if isinstance(value, str) else "0001-01-01T00:00:00Z")
    if kind == "string":
        text = value if isinstance(value, str) else str(value)
        return named_scalar_class(str, t)(text) if t.named and t.name != "string" else text
    if kind == "bool":
        return bool(value)
    if kind in INT_KINDS:
        number = int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0
        return go_int_class(t)(number)
    if kind in ("float32", "float64"):
        return float(value) if isinstance(value, (int, float)) else 0.0
    if kind == "slice":
        items = value if isinstance(value, list) else []
        return GoSlice([decode(t.elem, v) for v in items], t.name, elem_type=t.elem)
    if kind == "array":
        items = list(value if isinstance(value, list) else [])[:t.length]
        items += [None] * (t.length - len(items))
        return GoSlice([decode(t.elem, v) for v in items], t.name, elem_type=t.elem)
    if kind == "map":
        items = value if isinstance(value, dict) else {}
        return GoMap({decode(t.key, k): decode(t.elem, v) for k, v in items.items()}, zero(t.elem), t.name,
                     key_type_name=t.key.name)
    if kind == "ptr":
        target = decode(t.elem, value)
        if isinstance(target, GoStruct):
            return as_pointer(target)
        return GoPointer(t.name, target)
    if kind == "struct":
        return _build_struct(t, value if isinstance(value, dict) else {})
    return _interface(value)


def _interface(value):
    """JSON decoded into an interface {}: numbers become float64, objects map[string]interface {}."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return {k: _interface(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_interface(v) for v in value]
    return value


def _build_struct(t: GoType, raw: dict) -> GoStruct:
    schema = t.schema
    folded = {key.lower(): key for key in raw}
    values = {}
    for f in schema.fields:
        ftype = field_type(f)
        if ftype is None:  # declared with the older kind strings
            values[f.name] = schema.convert(f, raw)
        elif f.embedded:
            values[f.name] = decode(ftype, raw)
        else:
            key = f.key if f.key in raw else folded.get(f.key.lower())
            values[f.name] = decode(ftype, raw[key]) if key is not None else zero(ftype)
    return schema.cls(values)
