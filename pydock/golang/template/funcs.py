"""Functions available in templates: Go's builtins and docker's additions.

A function is described by a FuncSpec: the Python callable plus the Go parameter types
the executor checks arguments against (``string``, ``int``, ``bool``, ``float64``,
``interface {}`` and ``reflect.Value``; a ``reflect.Value`` parameter receives the raw value,
including MISSING and interface nils). Functions report failures by raising FuncError;
the executor turns that into ``error calling NAME: MESSAGE``.
"""

from __future__ import annotations

from ..fmt import TypedNil, Uint8, go_type_name, indirect_pointer, is_go_print, sprint, sprintf, sprintln
from ..json import JSONError, go_json

__all__ = ["FuncSpec", "FuncError", "MISSING", "BUILTINS", "DOCKER_FUNCS", "HEADER_FUNCS",
           "spec_for_callable", "truth", "value_type_name", "struct_json", "json_funcs"]

ANY = "interface {}"
VALUE = "reflect.Value"
STRING_SLICE = "[]string"  # a list whose items are all str is taken for a Go []string


class _Missing:
    """Go's invalid reflect.Value: a missing map key, or nothing at all."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = _Missing()


class InterfaceValue:
    """A function argument whose static Go type is interface{} (only slice cares)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class FuncError(Exception):
    """Raised by a template function; str() is the error text after ``error calling X: ``."""


class FuncSpec:
    """A template function: the callable, its Go parameter types, and the type of `...` args."""

    __slots__ = ("fn", "params", "variadic")

    def __init__(self, fn, params: tuple = (), variadic: str | None = None):
        self.fn, self.params, self.variadic = fn, tuple(params), variadic

    def __repr__(self) -> str:
        return "FuncSpec(%r, %r, %r)" % (self.fn, self.params, self.variadic)


def value_type_name(value) -> str:
    if value is MISSING:
        return "<invalid reflect.Value>"
    if value is None:
        return ANY
    return go_type_name(value)


def _indirect_interface(value):
    return MISSING if value is None else value


def truth(value) -> bool:
    """isTrue(indirectInterface(v)): Go's truth for if/with/and/or/not."""
    if value is MISSING or value is None or isinstance(value, TypedNil):
        return False
    if isinstance(value, (str, list, tuple, dict, bool, int, float, complex)):
        return bool(value)
    return True


def _go_len(value) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8", "surrogateescape"))
    return len(value)


# --- builtins -----------------------------------------------------------------------------

def _not(value):
    return not truth(value)


def _length(item):
    if item is None or isinstance(item, TypedNil):
        raise FuncError("len of nil pointer")
    if item is MISSING:
        raise FuncError("reflect: call of reflect.Value.Type on zero Value")
    if isinstance(item, (str, list, tuple, dict)):
        return _go_len(item)
    raise FuncError("len of type " + go_type_name(item))


def _index_arg(index, cap: int) -> int:
    index = _indirect_interface(index)
    if isinstance(index, InterfaceValue):
        raise FuncError("cannot index slice/array with type interface {}")
    if isinstance(index, int) and not isinstance(index, bool):
        x = index
    elif index is MISSING:
        raise FuncError("cannot index slice/array with nil")
    else:
        raise FuncError("cannot index slice/array with type " + go_type_name(index))
    if x < 0 or x > cap:
        raise FuncError("index out of range: %d" % x)
    return x


def _index(item, *indexes):
    item = _indirect_interface(item)
    if item is MISSING:
        raise FuncError("index of untyped nil")
    for index in indexes:
        index = _indirect_interface(index)
        if item is None or isinstance(item, TypedNil):
            raise FuncError("index of nil pointer")
        if isinstance(item, str):
            data = item.encode("utf-8", "surrogateescape")
            x = _index_arg(index, len(data))
            if x == len(data):
                raise FuncError("reflect: string index out of range")
            item = Uint8(data[x])
        elif isinstance(item, (list, tuple)):
            x = _index_arg(index, len(item))
            if x == len(item):
                raise FuncError("reflect: slice index out of range")
            item = item[x]
        elif isinstance(item, dict):
            key_type = getattr(item, "key_type_name", "string")
            if index is MISSING:
                raise FuncError("value is nil; should be of type " + key_type)
            if go_type_name(index) != key_type:  # Go's AssignableTo: a named type is only itself
                raise FuncError("value has type %s; should be %s" % (go_type_name(index), key_type))
            item = item[index] if index in item else getattr(item, "go_zero", None)
        else:
            raise FuncError("can't index item of type " + go_type_name(item))
    return item


def _slice(item, *indexes):
    if isinstance(item, InterfaceValue):
        item = item.value
    item = _indirect_interface(item)
    if item is MISSING:
        raise FuncError("slice of untyped nil")
    if isinstance(item, TypedNil):
        raise FuncError("slice of nil pointer")
    if len(indexes) > 3:
        raise FuncError("too many slice indexes: %d" % len(indexes))
    if isinstance(item, str):
        if len(indexes) == 3:
            raise FuncError("cannot 3-index slice a string")
        data = item.encode("utf-8", "surrogateescape")
    elif isinstance(item, (list, tuple)):
        data = item
    else:
        raise FuncError("can't slice item of type " + go_type_name(item))
    idx = [0, len(data), 0]
    for i, index in enumerate(indexes):
        idx[i] = _index_arg(index, len(data))
    if idx[0] > idx[1]:
        raise FuncError("invalid slice index: %d > %d" % (idx[0], idx[1]))
    if len(indexes) == 3 and idx[1] > idx[2]:
        raise FuncError("invalid slice index: %d > %d" % (idx[1], idx[2]))
    part = data[idx[0]:idx[1]]
    if isinstance(item, str):
        return part.decode("utf-8", "surrogateescape")
    type_name = getattr(item, "go_type_name", None)
    if isinstance(type_name, str):  # a typed slice keeps its type; a slice of an array [N]T is a []T
        from ..structs import GoSlice

        if type_name.startswith("[") and not type_name.startswith("[]"):
            type_name = "[]" + type_name.split("]", 1)[1]
        return GoSlice(part, type_name, elem_type=getattr(item, "elem_type", None))
    return list(part)


_KIND_BOOL, _KIND_INT, _KIND_FLOAT, _KIND_COMPLEX, _KIND_STRING = "bool", "int", "float", "complex", "string"


def _basic_kind(value):
    if isinstance(value, bool):
        return _KIND_BOOL
    if isinstance(value, int):
        return _KIND_INT
    if isinstance(value, float):
        return _KIND_FLOAT
    if isinstance(value, complex):
        return _KIND_COMPLEX
    if isinstance(value, str):
        return _KIND_STRING
    return None


def _is_nil(value) -> bool:
    return value is MISSING or value is None or isinstance(value, TypedNil)


def _eq(arg1, *arg2):
    arg1 = _indirect_interface(arg1)
    if not arg2:
        raise FuncError("missing argument for comparison")
    k1 = _basic_kind(arg1)
    for arg in arg2:
        arg = _indirect_interface(arg)
        k2 = _basic_kind(arg)
        if k1 != k2:
            if arg1 is not MISSING and arg is not MISSING:
                raise FuncError("incompatible types for comparison")
            equal = False
        elif k1 is not None:
            equal = arg1 == arg
        else:
            equal = _eq_other(arg1, arg)
        if equal:
            return True
    return False


def _eq_other(a, b) -> bool:
    if not (a is MISSING or b is MISSING or _kind_name(a) == _kind_name(b)):
        raise FuncError(sprintf("non-comparable types %s: %v, %s: %v",
                                [a, value_type_name(a), value_type_name(b), b]))
    if _is_nil(a) or _is_nil(b):
        return _is_nil(a) == _is_nil(b)
    if isinstance(b, (list, tuple, dict)):
        raise FuncError(sprintf("non-comparable type %s: %v", [b, value_type_name(b)]))
    return a is b


def _kind_name(value) -> str:
    if isinstance(value, (list, tuple)):
        return "slice"
    if isinstance(value, dict):
        return "map"
    return "ptr"


def _ne(arg1, arg2):
    return not _eq(arg1, arg2)


def _lt(arg1, arg2):
    arg1, arg2 = _indirect_interface(arg1), _indirect_interface(arg2)
    k1, k2 = _basic_kind(arg1), _basic_kind(arg2)
    if k1 is None or k2 is None:
        raise FuncError("invalid type for comparison")
    if k1 != k2:
        raise FuncError("incompatible types for comparison")
    if k1 in (_KIND_BOOL, _KIND_COMPLEX):
        raise FuncError("invalid type for comparison")
    if k1 == _KIND_STRING:
        return arg1.encode("utf-8", "surrogateescape") < arg2.encode("utf-8", "surrogateescape")
    return arg1 < arg2


def _le(arg1, arg2):
    return _lt(arg1, arg2) or _eq(arg1, arg2)


def _gt(arg1, arg2):
    return not _le(arg1, arg2)


def _ge(arg1, arg2):
    return not _lt(arg1, arg2)


def _eval_args(args) -> str:
    """text/template's evalArgs: one string as is, else fmt.Sprint of the printable values (pointers followed)."""
    if len(args) == 1 and type(args[0]) is str:
        return args[0]
    return sprint(["<no value>" if a is MISSING or a is None else indirect_pointer(a) for a in args])


_HTML_ESCAPES = {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _html(*args):
    return "".join(_HTML_ESCAPES.get(c, c) for c in _eval_args(args))


_JS_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D"}


def _js_char(c: str) -> str:
    if c in _JS_ESCAPES:
        return _JS_ESCAPES[c]
    if c < " ":
        return "\\u00%02X" % ord(c)
    if ord(c) >= 0x80 and not is_go_print(c):
        return "\\u%04X" % ord(c)
    return c


def _js(*args):
    return "".join(_js_char(c) for c in _eval_args(args))


def _urlquery(*args):
    from urllib.parse import quote_plus

    return quote_plus(_eval_args(args).encode("utf-8", "surrogateescape"), safe="-_.~")


def _print(*args):
    return sprint(list(args))


def _printf(format_, *args):
    return sprintf(format_, list(args))


def _println(*args):
    return sprintln(list(args))


def _unreachable(*_args):  # and/or are evaluated by the executor (they short-circuit)
    raise AssertionError("unreachable")


def _call(name, fn, *args):
    fn = _indirect_interface(fn)
    if fn is MISSING:
        raise FuncError("call of nil")
    if not callable(fn):
        raise FuncError("non-function %s of type %s" % (name, go_type_name(fn)))
    return fn(*args)


BUILTINS = {
    "and": FuncSpec(_unreachable, (VALUE,), VALUE),
    "or": FuncSpec(_unreachable, (VALUE,), VALUE),
    "not": FuncSpec(_not, (VALUE,)),
    "len": FuncSpec(_length, (VALUE,)),
    "index": FuncSpec(_index, (VALUE,), VALUE),
    "slice": FuncSpec(_slice, (VALUE,), VALUE),
    "call": FuncSpec(_call, (VALUE,), VALUE),
    "html": FuncSpec(_html, (), ANY),
    "js": FuncSpec(_js, (), ANY),
    "urlquery": FuncSpec(_urlquery, (), ANY),
    "print": FuncSpec(_print, (), ANY),
    "printf": FuncSpec(_printf, ("string",), ANY),
    "println": FuncSpec(_println, (), ANY),
    "eq": FuncSpec(_eq, (VALUE,), VALUE),
    "ne": FuncSpec(_ne, (VALUE, VALUE)),
    "lt": FuncSpec(_lt, (VALUE, VALUE)),
    "le": FuncSpec(_le, (VALUE, VALUE)),
    "gt": FuncSpec(_gt, (VALUE, VALUE)),
    "ge": FuncSpec(_ge, (VALUE, VALUE)),
}


# --- docker's functions (docker/cli templates/templates.go) ----------------------------------

def _json(value):
    try:
        return go_json(None if value is MISSING else value)
    except JSONError as err:
        raise FuncError(str(err)) from None


def struct_json(value, plain=None, *, sort_maps: bool = False) -> str:
    """docker's `json` template function over Go structs (encoder with HTML escaping off).

    `plain(value)` gives what is encoded: the structs' JSON objects (golang.structs.to_plain), by default.
    With `sort_maps`, every JSON object that is not a struct's is a Go map and comes out with sorted keys,
    as encoding/json writes maps (the raw JSON docker's inspect falls back to is all maps).
    """
    if plain is None:
        from ..structs import to_plain as plain
    try:
        return go_json(None if value is MISSING else plain(value), sort_keys=sort_maps)
    except JSONError as err:
        raise FuncError(str(err)) from None


def json_funcs(plain=None, *, sort_maps: bool = False) -> dict:
    """Functions to pass to template.parse(funcs=…) so that `json` understands GoStructs (see struct_json)."""
    return {"json": FuncSpec(lambda value: struct_json(value, plain, sort_maps=sort_maps), (ANY,))}


def _split(s: str, sep: str):
    if sep == "":
        return list(s)
    return s.split(sep)


def _join(elems: list, sep: str):
    """strings.Join, as docker 28 registers it (newer docker/cli joins any slice)."""
    return sep.join(elems)


def _is_separator(ch: str) -> bool:
    if ch <= "\x7f":
        return not (ch.isalnum() or ch == "_")
    if ch.isalpha() or ch.isdecimal():
        return False
    return ch.isspace()


def _rune_map(s: str, mapping) -> str:
    out = []
    for ch in s:
        mapped = mapping(ch)
        out.append(mapped if len(mapped) == 1 else ch)
    return "".join(out)


def _title(s: str) -> str:
    out, prev = [], " "
    for ch in s:
        if _is_separator(prev):
            titled = ch.title()
            out.append(titled if len(titled) == 1 else ch)
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


def _lower(s: str) -> str:
    if s.isascii():
        return s.lower()
    return "".join((c.lower()[0] if c.lower() else c) for c in s)


def _upper(s: str) -> str:
    if s.isascii():
        return s.upper()
    return _rune_map(s, str.upper)


def _pad(source: str, prefix: int, suffix: int) -> str:
    if source == "":
        return source
    if prefix < 0 or suffix < 0:
        raise FuncError("strings: negative Repeat count")
    return " " * prefix + source + " " * suffix


def _truncate(source: str, length: int) -> str:
    data = source.encode("utf-8", "surrogateescape")
    if len(data) < length:
        return source
    if length < 0:
        raise FuncError("runtime error: slice bounds out of range [:%d]" % length)
    return data[:length].decode("utf-8", "surrogateescape")


DOCKER_FUNCS = {
    "json": FuncSpec(_json, (ANY,)),
    "split": FuncSpec(_split, ("string", "string")),
    "join": FuncSpec(_join, (STRING_SLICE, "string")),
    "title": FuncSpec(_title, ("string",)),
    "lower": FuncSpec(_lower, ("string",)),
    "upper": FuncSpec(_upper, ("string",)),
    "pad": FuncSpec(_pad, ("string", "int", "int")),
    "truncate": FuncSpec(_truncate, ("string", "int")),
}


def _identity(value, *_ignored):
    return value


# templates.HeaderFunctions: the header row keeps the column names intact.
HEADER_FUNCS = {
    "json": FuncSpec(_identity, ("string",)),
    "split": FuncSpec(_identity, ("string", "string")),
    "join": FuncSpec(_identity, ("string", "string")),
    "title": FuncSpec(_identity, ("string",)),
    "lower": FuncSpec(_identity, ("string",)),
    "upper": FuncSpec(_identity, ("string",)),
    "truncate": FuncSpec(_identity, ("string", "int")),
}


# --- Python callables (context methods, extra functions) ---------------------------------------

_ANNOTATION_TYPES = {str: "string", int: "int", bool: "bool", float: "float64",
                     "str": "string", "int": "int", "bool": "bool", "float": "float64"}

_SPEC_CACHE: dict = {}


def spec_for_callable(fn) -> FuncSpec:
    """A FuncSpec from a Python signature: annotations str/int/bool/float type the parameters."""
    key = getattr(fn, "__func__", fn)
    bound = key is not fn
    cached = _SPEC_CACHE.get(key)
    if cached is None:
        cached = _signature_types(fn)
        _SPEC_CACHE[key] = cached
    params, variadic = cached
    if bound:
        params = params[1:] if _is_plain_function(key) else params
    return FuncSpec(fn, params, variadic)


def _is_plain_function(fn) -> bool:
    import inspect

    return inspect.isfunction(fn)


def _signature_types(fn):
    import inspect

    target = getattr(fn, "__func__", fn)
    try:
        sig = inspect.signature(target)
    except (TypeError, ValueError):
        return (), ANY
    params, variadic = [], None
    for p in sig.parameters.values():
        kind = _ANNOTATION_TYPES.get(p.annotation, ANY)
        if p.kind == p.VAR_POSITIONAL:
            variadic = kind
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty:
            params.append(kind)
    return tuple(params), variadic
