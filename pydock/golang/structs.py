"""Go values for templates that docker runs over its own types (`version`, `info`, `inspect`).

Docker executes those templates on Go structs, not maps: an unknown field is an error
(`can't evaluate field Foo in type system.dockerInfo`), a nil slice prints `[]` and encodes as
`null`, and `{{json .}}` follows the struct's field order and `json:",omitempty"` tags. The struct
types themselves (golang.types: Schema, Field, TypeSet) build these values from the engine's JSON;
this module only holds the values, and imports no type machinery.

Python stand-ins for typed Go values (fmt reads their `go_type_name`):

* GoStruct (a Schema's class): fields as attributes, promoted fields of embedded structs too;
  as_pointer() makes it a `*T`.
* GoSlice / NilSlice, GoMap / NilMap: a list or dict with its Go type, possibly nil.
* GoPointer: a non-nil pointer to a non-struct (`*bool`).
* named_scalar_class(): str and int subclasses for named types (`nat.Port`, `int64`, `uint16`).
* GoTime, GoDuration: time.Time and time.Duration with Go's String().
"""
from __future__ import annotations

import re

from .fmt import TypedNil, format_value
from .json import StructObject

__all__ = ["GoStruct", "GoMap", "GoSlice", "GoPointer", "GoTime", "GoDuration", "as_pointer",
           "NilSlice", "NilMap", "named_scalar_class", "go_int_class", "to_plain", "GO_VALUES"]


class GoSlice(list):
    """A Go slice or array of a known type (`[]string`, `strslice.StrSlice`, `[2]uint`).

    A nil slice (`nil=True`) prints `[]` and encodes as `null`; `%#v` shows `[]string(nil)`.
    """

    def __init__(self, items=(), go_type_name: str = "[]interface {}", *, nil: bool = False, elem_type=None):
        super().__init__(items)
        self.go_type_name, self.nil, self.elem_type = go_type_name, nil, elem_type


class NilSlice(GoSlice):
    """A nil Go slice: prints `[]`, encodes as `null`."""

    def __init__(self, items=(), go_type_name: str = "[]interface {}", *, elem_type=None):
        super().__init__((), go_type_name, nil=True, elem_type=elem_type)


class GoTime:
    """A time.Time from the engine's RFC 3339 text: prints as Go does; `json` writes the text back."""

    go_type_name = "time.Time"

    def __init__(self, text: str):
        self.text = text

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        match = _RFC3339_UTC.fullmatch(self.text)
        return f"{match[1]} {match[2]} +0000 UTC" if match else self.text

    def GoString(self) -> str:  # noqa: N802 - fmt's GoStringer (%#v)
        match = _RFC3339_PARTS.fullmatch(self.text)
        if not match:
            return self.text
        year, month, day, hour, minute, second, fraction = match.groups()
        nanos = int((fraction or "").ljust(9, "0")[:9] or 0)
        return (f"time.Date({int(year)}, time.{_MONTHS[int(month) - 1]}, {int(day)}, {int(hour)}, {int(minute)}, "
                f"{int(second)}, {nanos}, time.UTC)")

    __str__ = String

    # -- time.Time's methods a template may call ({{.Created.Unix}}, {{.Created.Format "2006"}}) --
    def _clock(self):
        from .timelayout import Clock

        match = _RFC3339_ZONED.fullmatch(self.text)
        if not match:
            return Clock(1, 1, 1, 0, 0, 0, 0, 1, 1, "UTC", 0)
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
        date = _date(int(year), int(month), int(day))
        return Clock(int(year), int(month), int(day), int(hour), int(minute), int(second),
                     int((fraction or "").ljust(9, "0")[:9]), (date.toordinal()) % 7,
                     date.timetuple().tm_yday, "UTC" if zone == "Z" else "", offset)

    def Unix(self) -> int:  # noqa: N802 - Go method names
        """Seconds since 1970-01-01 UTC (negative before)."""
        c = self._clock()
        days = _date(c.year, c.month, c.day).toordinal() - _UNIX_EPOCH_ORDINAL
        return _int64(days * 86400 + c.hour * 3600 + c.minute * 60 + c.second - c.offset)

    def UnixMilli(self) -> int:  # noqa: N802
        return _int64(self.Unix() * 1000 + self._clock().nanosecond // 1_000_000)

    def UnixMicro(self) -> int:  # noqa: N802
        return _int64(self.Unix() * 1_000_000 + self._clock().nanosecond // 1000)

    def UnixNano(self) -> int:  # noqa: N802
        return _int64(self.Unix() * 1_000_000_000 + self._clock().nanosecond)

    def Year(self) -> int:  # noqa: N802
        return self._clock().year

    def Month(self) -> GoMonth:  # noqa: N802
        return GoMonth(self._clock().month)

    def Day(self) -> int:  # noqa: N802
        return self._clock().day

    def Hour(self) -> int:  # noqa: N802
        return self._clock().hour

    def Minute(self) -> int:  # noqa: N802
        return self._clock().minute

    def Second(self) -> int:  # noqa: N802
        return self._clock().second

    def Nanosecond(self) -> int:  # noqa: N802
        return self._clock().nanosecond

    def YearDay(self) -> int:  # noqa: N802
        return self._clock().yday

    def Weekday(self) -> GoWeekday:  # noqa: N802
        return GoWeekday(self._clock().weekday)

    def IsZero(self) -> bool:  # noqa: N802
        return self.UnixNano() == _ZERO_UNIX_NANO

    def UTC(self) -> GoTime:  # noqa: N802
        """The same instant in UTC."""
        c = self._clock()
        if c.offset == 0:
            return GoTime(self.text[:-6] + "Z" if not self.text.endswith("Z") else self.text)
        import datetime as _dt

        moment = _dt.datetime(c.year, c.month, c.day, c.hour, c.minute, c.second) - _dt.timedelta(seconds=c.offset)
        fraction = f".{c.nanosecond:09d}".rstrip("0").rstrip(".")
        return GoTime(moment.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z")

    def Format(self, layout: str) -> str:  # noqa: N802
        """Go's Time.Format with a reference-time layout ("2006-01-02", time.RFC3339's text …)."""
        from .timelayout import format_layout

        return format_layout(self._clock(), layout)

    go_methods = ("String", "Unix", "UnixMilli", "UnixMicro", "UnixNano", "Year", "Month", "Day", "Hour", "Minute",
                  "Second", "Nanosecond", "YearDay", "Weekday", "IsZero", "UTC", "Format")

    go_struct_name = "time.Time"

    def go_struct_fields(self) -> list[tuple[str, object]]:
        """time.Time's own fields, which fmt prints where it may not call String() (a value reached through
        an unexported field): wall (the nanoseconds of a parsed time), ext (seconds since January 1 of year 1,
        UTC) and loc (nil for a "Z" time, else a *time.Location)."""
        import datetime as _dt

        match = _RFC3339_ZONED.fullmatch(self.text)
        if not match:
            return [("wall", 0), ("ext", 0), ("loc", TypedNil("*time.Location"))]
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        since = _dt.datetime(*map(int, (year, month, day, hour, minute, second))) - _dt.datetime(1, 1, 1)
        offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
        loc = TypedNil("*time.Location") if zone == "Z" else GoPointer("*time.Location", None)
        uint64 = go_int_class(_PredeclaredInt("uint64"))
        return [("wall", uint64(int((fraction or "").ljust(9, "0")[:9] or 0))),
                ("ext", since.days * 86400 + since.seconds - offset), ("loc", loc)]


_RFC3339_UTC = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)Z")
_RFC3339_PARTS = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z")
_RFC3339_ZONED = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)")
_UNIX_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_ZERO_UNIX_NANO = -62135596800 * 1_000_000_000  # 0001-01-01T00:00:00Z


class _PredeclaredInt:
    """What named_scalar_class reads of one of Go's predeclared integer types (golang.types declares
    the same, without methods): both give the one class per name."""

    methods: dict = {}

    def __init__(self, name: str):
        self.name = self.kind = name


def _int64(value: int):
    return go_int_class(_PredeclaredInt("int64"))(value)


def _date(year: int, month: int, day: int):
    import datetime as _dt

    return _dt.date(year, month, day)


class GoMonth(int):
    """time.Month: prints as its English name."""

    go_type_name = "time.Month"

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        return _MONTHS[self - 1]


class GoWeekday(int):
    """time.Weekday (0 = Sunday): prints as its English name."""

    go_type_name = "time.Weekday"

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        return ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")[self]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class GoMap(dict):
    """A typed Go map (`map[string]string`, `nat.PortMap`).

    `index` of a missing key gives `go_zero`, the element type's zero value; `index` with a key of
    another type than `key_type_name` fails as Go's does. A nil map prints `map[]` and encodes as `null`.
    """

    def __init__(self, items, go_zero, go_type_name: str = "map[string]interface {}", *,
                 key_type_name: str = "string", nil: bool = False):
        super().__init__(items)
        self.go_zero, self.go_type_name, self.key_type_name, self.nil = go_zero, go_type_name, key_type_name, nil


class NilMap(GoMap):
    """A nil Go map: prints `map[]`, encodes as `null`."""

    def __init__(self, items=(), go_type_name: str = "map[string]interface {}", *, go_zero=None,
                 key_type_name: str = "string"):
        super().__init__({}, go_zero, go_type_name, key_type_name=key_type_name, nil=True)


class GoPointer:
    """A non-nil pointer to a value that is not a struct (`*bool`, `*int64`): fmt prints an address,
    `json` encodes the value pointed to."""

    go_is_pointer = True

    def __init__(self, go_type_name: str, elem):
        self.go_type_name, self.elem = go_type_name, elem

    def go_deref(self):
        return self.elem


_SCALAR_CLASSES: dict = {}


def named_scalar_class(base: type, gotype) -> type:
    """The Python class standing for a named Go string or number type (`nat.Port`, `container.NetworkMode`):
    a subclass of str or int whose `go_type_name` is the Go name, with the type's Go methods."""
    key = (base, gotype.name)
    cls = _SCALAR_CLASSES.get(key)
    if cls is None:
        attrs = {"go_type_name": gotype.name, "__slots__": (), "go_methods": tuple(gotype.methods),
                 **gotype.methods}
        if base is int:
            attrs["go_unsigned"] = gotype.kind.startswith("uint")
        cls = _SCALAR_CLASSES[key] = type(gotype.name.rsplit(".", 1)[-1], (base,), attrs)
    return cls


class GoDuration(int):
    """A time.Duration (nanoseconds): prints as Go does ("1m30s"); `%d` and `json` see the number."""

    __slots__ = ()
    go_type_name = "time.Duration"
    go_unsigned = False

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        from .time import format_duration

        return format_duration(int(self))

    __str__ = String

    @property
    def nanoseconds(self) -> int:
        return int(self)


def go_int_class(gotype) -> type:
    """The Python class for a Go integer type: int itself for `int`, else a subclass naming the type."""
    if gotype.name == "int":
        return int
    if gotype.name == "time.Duration":
        return GoDuration
    return named_scalar_class(int, gotype)


def as_pointer(value: "GoStruct") -> "GoStruct":
    """Mark a struct as reached through a pointer: `%T` shows `*T`; nested in a struct, map or slice,
    fmt prints its address, and at the top `&{…}`."""
    object.__setattr__(value, "go_pointer", True)
    type_name = type(value).go_type_name
    object.__setattr__(value, "go_type_name", type_name if type_name.startswith("*") else "*" + type_name)
    return value


_ABSENT = object()


class GoStruct:
    """One Go struct value: its fields are attributes (promoted ones from embedded structs too);
    anything else is an unknown field."""

    go_type_name = "struct {}"
    go_pointer = False  # the value is a *T; templates print a top-level pointer as the struct itself
    schema: object  # its golang.types.Schema (fields: name, key, embedded, omitempty)

    def __init__(self, values: dict):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str):
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        found = self._promoted(name)
        if found is not _ABSENT:
            return found
        raise AttributeError(name)

    def _promoted(self, name: str):
        """A field of an embedded struct, shallowest first (Go's promotion rule)."""
        embedded = [self._values[f.name] for f in self.schema.fields if f.embedded]
        for inner in embedded:
            if isinstance(inner, GoStruct) and name in inner._values:
                return inner._values[name]
        for inner in embedded:
            if isinstance(inner, GoStruct):
                found = inner._promoted(name)
                if found is not _ABSENT:
                    return found
        return _ABSENT

    def __setattr__(self, name: str, value) -> None:
        if name not in self._values:
            raise AttributeError(name)
        self._values[name] = value

    @property
    def go_is_pointer(self) -> bool:
        return self.go_pointer or self.go_type_name.startswith("*")

    def go_deref(self) -> "GoStruct":
        """The struct a pointer points to (the same fields, seen as a value)."""
        value = type(self)(self._values)
        if type(self).go_type_name.startswith("*"):
            object.__setattr__(value, "go_type_name", type(self).go_type_name[1:])
        return value

    @property
    def go_struct_name(self) -> str:
        """The struct type's name without the pointer star (what `%#v` writes before `{`)."""
        return type(self).go_type_name.lstrip("*")

    def go_struct_fields(self) -> list[tuple[str, object]]:
        """(Go field name, value) in declaration order; an embedded struct is one field named after its type."""
        return [(f.name, self._values[f.name]) for f in self.schema.fields]

    def __str__(self) -> str:  # fmt's %v: {a b c}, &{…} for a pointer
        return format_value(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._values!r})"

    def to_plain(self) -> dict:
        """The value json.Marshal writes: JSON keys, omitempty applied, embedded structs flattened, nils as None."""
        out = {}
        for f in self.schema.fields:
            value = self._values[f.name]
            if f.key == "-":  # json:"-": never encoded
                continue
            if f.embedded:
                if isinstance(value, GoStruct):
                    out.update(value.to_plain())
                continue
            if f.omitempty and _is_empty(value):
                continue
            out[f.key] = to_plain(value)
        if self.schema.sorted_json:
            return _sorted_deep(out)
        return StructObject(out)


# values that already are Go values (a Schema keeps them as they are)
GO_VALUES = (GoStruct, TypedNil, GoSlice, GoMap, GoPointer)


def _is_empty(value) -> bool:
    if isinstance(value, TypedNil) or value is None:
        return True
    if isinstance(value, GoPointer):
        return False
    if isinstance(value, GoStruct):
        return False  # omitempty never drops a struct value
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) == 0
    return value is False or value == 0


def to_plain(value):
    if isinstance(value, GoStruct):
        return value.to_plain()
    if isinstance(value, TypedNil) or getattr(value, "nil", False) is True:
        return None
    if isinstance(value, GoPointer):
        return to_plain(value.elem)
    if isinstance(value, GoTime):
        return value.text
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and type(value) is not int:
        return int(value)  # a named integer type (time.Duration, int64): its number
    if isinstance(value, str) and type(value) is not str and not hasattr(value, "go_json_number"):
        return str(value)
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
