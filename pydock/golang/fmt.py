"""Go's fmt package (Sprint, Sprintln, Sprintf) and strconv quoting, for template output.

Python values stand for the Go values the templates see:

=====================  ==========================  =====================
Python                 Go                          %v
=====================  ==========================  =====================
str                    string                      as is
bool                   bool                        true / false
int                    int                         42
float                  float64                     1e+06, 3.5
list / tuple           []interface {}              [a b]
dict                   map[string]interface {}     map[a:1 b:2] (sorted)
None                   nil interface               <nil>
TypedNil               nil pointer (*T)(nil)       <nil>
other objects          *T (go_type_name)           String() or str()
=====================  ==========================  =====================
"""

from __future__ import annotations

from .strconv import (
    UnquoteError,
    can_backquote,
    format_float,
    go_quote,
    go_quote_ascii,
    go_quote_rune,
    go_unquote,
    go_unquote_char,
    is_go_print,
)

__all__ = [
    "TypedNil", "go_type_name", "go_quote", "go_quote_ascii", "go_quote_rune",
    "go_unquote", "go_unquote_char", "format_float", "sprint", "sprintln", "sprintf",
    "format_value", "is_go_print", "UnquoteError", "Uint8", "NamedString",
]


class TypedNil:
    """A nil pointer of a known Go type, e.g. what a context method returns as None."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str = "*interface {}"):
        self.type_name = type_name

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return f"TypedNil({self.type_name!r})"


class Uint8(int):
    """A byte, as indexing a Go string yields."""

    __slots__ = ()


class NamedString(str):
    """A value of a named string type (`type Action string`): prints as a string, `%T` shows its name,
    and template functions taking a `string` refuse it, as Go's reflection does."""

    go_type_name = "string"

    def __new__(cls, value: str, type_name: str):
        obj = super().__new__(cls, value)
        obj.go_type_name = type_name
        return obj


def go_type_name(value) -> str:
    """The Go type name Go's messages would show for a value (``%T``)."""
    if isinstance(value, TypedNil):
        return value.type_name
    name = getattr(value, "go_type_name", None)
    if isinstance(name, str):
        return name
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, Uint8):
        return "uint8"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, complex):
        return "complex128"
    if isinstance(value, (list, tuple)):
        return "[]interface {}"
    if isinstance(value, dict):
        return "map[string]interface {}"
    if isinstance(value, (bytes, bytearray)):
        return "[]uint8"
    return "*" + type(value).__name__


# --- the printer (fmt's pp) --------------------------------------------------------------

_LDIGITS = "0123456789abcdefx"
_UDIGITS = "0123456789ABCDEFX"


class _Printer:
    """A port of fmt.pp/fmt.fmt: one formatting pass writing to a list of strings."""

    def __init__(self):
        self.buf: list[str] = []
        self.clear_flags()
        self.arg = None
        self.erroring = False
        self.hidden = 0  # inside an unexported field: reflect cannot Interface() it, so no methods run

    def clear_flags(self):
        self.wid = self.prec = 0
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False

    def text(self) -> str:
        return "".join(self.buf)

    # padding
    def write_padding(self, n: int):
        if n > 0:
            self.buf.append(("0" if self.zero else " ") * n)

    def pad(self, s: str):
        if not self.wid_present or self.wid == 0:
            self.buf.append(s)
            return
        width = self.wid - len(s)
        if not self.minus:
            self.write_padding(width)
            self.buf.append(s)
        else:
            self.buf.append(s)
            self.write_padding(width)

    def pad_no_zero(self, s: str):
        old, self.zero = self.zero, False
        self.pad(s)
        self.zero = old

    # verbs on basic kinds
    def fmt_bool(self, v: bool, verb: str):
        if verb in "tv":
            self.pad("true" if v else "false")
        else:
            self.bad_verb(verb)

    def fmt_integer(self, v: int, verb: str):
        if verb == "v" and self.sharp_v and (isinstance(v, Uint8) or getattr(v, "go_unsigned", False)):
            saved, self.sharp = self.sharp, True  # %#v writes unsigned integers in hexadecimal (fmt0x64)
            self._integer(v, 16, "x", _LDIGITS)
            self.sharp = saved
        elif verb == "v" or verb == "d":
            self._integer(v, 10, verb, _LDIGITS)
        elif verb == "b":
            self._integer(v, 2, verb, _LDIGITS)
        elif verb in "oO":
            self._integer(v, 8, verb, _LDIGITS)
        elif verb == "x":
            self._integer(v, 16, verb, _LDIGITS)
        elif verb == "X":
            self._integer(v, 16, verb, _UDIGITS)
        elif verb == "c":
            self.pad(chr(v) if 0 <= v <= 0x10FFFF and not 0xD800 <= v <= 0xDFFF else "\ufffd")
        elif verb == "q":
            self.pad(go_quote_rune(v, ascii_only=self.plus))
        elif verb == "U":
            self._unicode(v)
        else:
            self.bad_verb(verb)

    def _integer(self, v: int, base: int, verb: str, digits: str):
        negative = v < 0
        u = -v if negative else v
        prec = 0
        if self.prec_present:
            prec = self.prec
            if prec == 0 and u == 0:
                old, self.zero = self.zero, False
                self.write_padding(self.wid)
                self.zero = old
                return
        elif self.zero and self.wid_present:
            prec = self.wid
            if negative or self.plus or self.space:
                prec -= 1
        body = _to_base(u, base, digits)
        if len(body) < prec:
            body = "0" * (prec - len(body)) + body
        if self.sharp:
            if base == 2:
                body = "0b" + body
            elif base == 8 and body[0] != "0":
                body = "0" + body
            elif base == 16:
                body = "0" + digits[16] + body
        if verb == "O":
            body = "0o" + body
        if negative:
            body = "-" + body
        elif self.plus:
            body = "+" + body
        elif self.space:
            body = " " + body
        self.pad_no_zero(body)

    def _unicode(self, u: int):
        u &= (1 << 64) - 1
        prec = self.prec if self.prec_present and self.prec > 4 else 4
        body = "U+" + ("%X" % u).rjust(prec, "0")
        if self.sharp and 0 <= u <= 0x10FFFF and is_go_print(chr(u)):
            body += " '" + chr(u) + "'"
        self.pad_no_zero(body)

    def fmt_float(self, v: float, verb: str):
        if verb == "v":
            self._float(v, "g", -1)
        elif verb in "bgGxX":
            self._float(v, verb, -1)
        elif verb in "feE":
            self._float(v, verb, 6)
        elif verb == "F":
            self._float(v, "f", 6)
        else:
            self.bad_verb(verb)

    def _float(self, v: float, verb: str, prec: int):
        if self.prec_present:
            prec = self.prec
        num = format_float(v, verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if self.space and num[0] == "+" and not self.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            old, self.zero = self.zero, False
            if num[1] == "N" and not self.space and not self.plus:
                num = num[1:]
            self.pad(num)
            self.zero = old
            return
        if self.sharp and verb != "b":
            num = self._sharp_float(num, verb, prec)
        if self.plus or num[0] != "+":
            if self.zero and self.wid_present and self.wid > len(num):
                self.buf.append(num[0])
                self.write_padding(self.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    @staticmethod
    def _sharp_float(num: str, verb: str, prec: int) -> str:
        digits = 0
        if verb in "vgGx":
            digits = 6 if prec == -1 else prec
        tail = ""
        has_point = saw_nonzero = False
        i = 1
        while i < len(num):
            c = num[i]
            if c == ".":
                has_point = True
            elif c in "pP" or (c in "eE" and verb not in "xX"):
                tail, num = num[i:], num[:i]
                break
            else:
                if c != "0":
                    saw_nonzero = True
                if saw_nonzero:
                    digits -= 1
            i += 1
        if not has_point:
            if len(num) == 2 and num[1] == "0":
                digits -= 1
            num += "."
        if digits > 0:
            num += "0" * digits
        return num + tail

    def fmt_complex(self, v: complex, verb: str):
        if verb not in "vbgGxXfFeE":
            self.bad_verb(verb)
            return
        old_plus = self.plus
        self.buf.append("(")
        self.fmt_float(v.real, verb)
        self.plus = True
        self.fmt_float(v.imag, verb)
        self.buf.append("i)")
        self.plus = old_plus

    def fmt_string(self, s: str, verb: str):
        if verb == "v":
            if self.sharp_v:
                self._quote(s)
            else:
                self._string(s)
        elif verb == "s":
            self._string(s)
        elif verb in "xX":
            self._hex_string(s, _LDIGITS if verb == "x" else _UDIGITS)
        elif verb == "q":
            self._quote(s)
        else:
            self.bad_verb(verb)

    def _truncate(self, s: str) -> str:
        if self.prec_present:
            return s[:self.prec]
        return s

    def _string(self, s: str):
        self.pad(self._truncate(s))

    def _quote(self, s: str):
        s = self._truncate(s)
        if self.sharp and can_backquote(s):
            self.pad("`" + s + "`")
        elif self.plus:
            self.pad(go_quote_ascii(s))
        else:
            self.pad(go_quote(s))

    def _hex_string(self, s: str, digits: str):
        data = s.encode("utf-8", "surrogateescape")
        length = len(data)
        if self.prec_present and self.prec < length:
            length = self.prec
        width = 2 * length
        if width > 0:
            if self.space:
                if self.sharp:
                    width *= 2
                width += length - 1
            elif self.sharp:
                width += 2
        else:
            if self.wid_present:
                self.write_padding(self.wid)
            return
        if self.wid_present and self.wid > width and not self.minus:
            self.write_padding(self.wid - width)
        out = []
        if self.sharp:
            out.append("0" + digits[16])
        for i in range(length):
            if self.space and i > 0:
                out.append(" ")
                if self.sharp:
                    out.append("0" + digits[16])
            c = data[i]
            out.append(digits[c >> 4] + digits[c & 0xF])
        self.buf.append("".join(out))
        if self.wid_present and self.wid > width and self.minus:
            self.write_padding(self.wid - width)

    # errors
    def bad_verb(self, verb: str):
        self.erroring = True
        self.buf.append("%!" + verb + "(")
        arg = self.arg
        if arg is None:
            self.buf.append("<nil>")
        else:
            self.buf.append(go_type_name(arg) + "=")
            self.print_arg(arg, "v")
        self.buf.append(")")
        self.erroring = False

    # dispatch (fmt's printArg, handleMethods and printValue)
    def print_arg(self, arg, verb: str):
        self.arg = arg
        if arg is None:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(verb)
            return
        if verb == "T":
            self._string(go_type_name(arg))
            return
        if verb == "p":
            self._pointer_verb(arg, verb)
            return
        if verb == "w" and not self.erroring:
            self.bad_verb(verb)
            return
        if type(arg) in _BASIC_TYPES or not self.handle_methods(arg, verb):
            self.print_value(arg, verb, 0)

    def handle_methods(self, value, verb: str) -> bool:
        """A GoStringer under %#v, a Stringer under %v %s %x %X %q: its text is what prints."""
        if self.erroring or self.hidden:
            return False
        if self.sharp_v:
            go_string = getattr(type(value), "GoString", None)
            if callable(go_string):
                self._string(str(go_string(value)))
                return True
            return False
        if verb in "vsxXq" and _has_stringer(value):
            self.fmt_string(str(value.String()), verb)
            return True
        return False

    def print_value(self, value, verb: str, depth: int):
        if depth > 0:
            self.arg = value
            if type(value) not in _BASIC_TYPES and value is not None and self.handle_methods(value, verb):
                return
        if isinstance(value, str):
            self.fmt_string(value, verb)
        elif isinstance(value, bool):
            self.fmt_bool(value, verb)
        elif isinstance(value, int):
            self.fmt_integer(value, verb)
        elif isinstance(value, float):
            self.fmt_float(value, verb)
        elif isinstance(value, complex):
            self.fmt_complex(value, verb)
        elif value is None:
            self.buf.append("<nil>" if not self.sharp_v else "interface {}(nil)")
        elif isinstance(value, TypedNil):
            self._nil_pointer(value, verb)
        elif getattr(value, "go_is_pointer", False):
            if depth == 0 and callable(getattr(value, "go_struct_fields", None)):
                self.buf.append("&")  # a pointer to a struct prints as the struct, at the top only
                self._struct(value, verb, depth + 1)
            else:
                self._pointer_verb(value, verb)
        elif callable(getattr(value, "go_struct_fields", None)):
            self._struct(value, verb, depth)
        elif isinstance(value, dict) and not _has_stringer(value):
            self._map(value, verb, depth)
        elif isinstance(value, (list, tuple)):
            self._slice(value, verb, depth)
        else:
            self._object(value, verb)

    def _struct(self, value, verb: str, depth: int):
        if self.sharp_v:
            self.buf.append(value.go_struct_name)
        self.buf.append("{")
        for i, (name, field_value) in enumerate(value.go_struct_fields()):
            if i:
                self.buf.append(", " if self.sharp_v else " ")
            if self.plus_v or self.sharp_v:
                self.buf.append(name + ":")
            hidden = name[:1].islower()  # an unexported field (formatter.ContainerContext's c)
            self.hidden += hidden
            try:
                self.print_value(field_value, verb, depth + 1)
            finally:
                self.hidden -= hidden
        self.buf.append("}")

    def _pointer_verb(self, value, verb: str):
        """fmt's fmtPointer: a pointer nested in a value prints its address (Go's differs on every run)."""
        if not getattr(value, "go_is_pointer", False):
            self.bad_verb(verb)
            return
        if verb == "v":
            if self.sharp_v:
                self.buf.append("(%s)(0x%x)" % (go_type_name(value), FAKE_ADDRESS))
            else:
                self.pad("0x%x" % FAKE_ADDRESS if not self.sharp else "%x" % FAKE_ADDRESS)
        elif verb == "p":
            self.pad("0x%x" % FAKE_ADDRESS if not self.sharp else "%x" % FAKE_ADDRESS)
        elif verb in "bodxX":
            self._integer(FAKE_ADDRESS, {"b": 2, "o": 8, "d": 10}.get(verb, 16), verb,
                          _UDIGITS if verb == "X" else _LDIGITS)
        else:
            self.bad_verb(verb)

    def _nil_pointer(self, value: TypedNil, verb: str):
        if verb == "v":
            self.pad("(%s)(nil)" % value.type_name if self.sharp_v else "<nil>")
        elif verb in "bodxX":
            self._integer(0, {"b": 2, "o": 8, "d": 10}.get(verb, 16), verb,
                          _UDIGITS if verb == "X" else _LDIGITS)
        else:
            self.bad_verb(verb)

    def _map(self, value: dict, verb: str, depth: int):
        if self.sharp_v:
            self.buf.append(go_type_name(value))
            if getattr(value, "nil", False) is True:
                self.buf.append("(nil)")
                return
            self.buf.append("{")
        else:
            self.buf.append("map[")
        for i, key in enumerate(_sorted_keys(value)):
            if i:
                self.buf.append(", " if self.sharp_v else " ")
            self.print_value(key, verb, depth + 1)
            self.buf.append(":")
            self.print_value(value[key], verb, depth + 1)
        self.buf.append("}" if self.sharp_v else "]")

    def _slice(self, value, verb: str, depth: int):
        if self.sharp_v:
            self.buf.append(go_type_name(value))
            if getattr(value, "nil", False) is True:
                self.buf.append("(nil)")
                return
            self.buf.append("{")
            sep = ", "
        else:
            self.buf.append("[")
            sep = " "
        for i, item in enumerate(value):
            if i:
                self.buf.append(sep)
            self.print_value(item, verb, depth + 1)
        self.buf.append("}" if self.sharp_v else "]")

    def _object(self, value, verb: str):
        if verb in "vs":
            self.pad(str(value))
        else:
            self.bad_verb(verb)


FAKE_ADDRESS = 0xc000010000  # where Go would print a real (and different every run) heap address
_BASIC_TYPES = (str, bool, int, float, complex)


def _has_stringer(value) -> bool:
    return callable(getattr(type(value), "String", None))


def _sorted_keys(mapping: dict) -> list:
    """internal/fmtsort order: numbers by value, strings bytewise, nil first."""
    keys = list(mapping)
    try:
        return sorted(keys)
    except TypeError:
        return sorted(keys, key=lambda k: (go_type_name(k), str(k)))


def _to_base(u: int, base: int, digits: str) -> str:
    if u == 0:
        return "0"
    out = []
    while u:
        u, r = divmod(u, base)
        out.append(digits[r])
    return "".join(reversed(out))


def format_value(value, *, indirect: bool = False) -> str:
    """fmt.Sprint(value). With `indirect`, a pointer prints as the value it points to, as a template
    action prints it (text/template's printableValue): ``{{.State}}`` is ``{running …}``, not ``&{…}``."""
    p = _Printer()
    p.print_arg(indirect_pointer(value) if indirect else value, "v")
    return p.text()


def indirect_pointer(value):
    """The value a non-nil pointer points to (text/template's printableValue); other values as they are."""
    if getattr(value, "go_is_pointer", False) and callable(getattr(value, "go_deref", None)):
        return value.go_deref()
    return value


def sprint(args) -> str:
    """fmt.Sprint: spaces between operands when neither is a string."""
    p = _Printer()
    prev_string = False
    for i, arg in enumerate(args):
        is_string = isinstance(arg, str)
        if i > 0 and not is_string and not prev_string:
            p.buf.append(" ")
        p.print_arg(arg, "v")
        prev_string = is_string
    return p.text()


def sprintln(args) -> str:
    """fmt.Sprintln: operands separated by spaces, then a newline."""
    p = _Printer()
    for i, arg in enumerate(args):
        if i > 0:
            p.buf.append(" ")
        p.print_arg(arg, "v")
    p.buf.append("\n")
    return p.text()


def sprintf(format_: str, args) -> str:
    """fmt.Sprintf with Go's verbs, flags, widths, precisions and argument indexes."""
    return _Sprintf(format_, list(args)).run()


class _Sprintf:
    def __init__(self, fmt: str, args: list):
        self.fmt, self.args, self.p = fmt, args, _Printer()
        self.reordered = False
        self.good_arg_num = True

    def run(self) -> str:
        fmt, p, args = self.fmt, self.p, self.args
        end, i, arg_num = len(fmt), 0, 0
        while i < end:
            self.good_arg_num = True
            start = i
            i = fmt.find("%", i)
            if i < 0:
                i = end
            if i > start:
                p.buf.append(fmt[start:i])
            if i >= end:
                break
            i += 1
            p.clear_flags()
            i, arg_num, done = self._flags_and_fast_path(i, arg_num)
            if done:
                continue
            i, arg_num, stop = self._verb(i, arg_num)
            if stop:
                break
        if not self.reordered and arg_num < len(args):
            self._extra(args[arg_num:])
        return p.text()

    def _flags_and_fast_path(self, i: int, arg_num: int):
        fmt, p = self.fmt, self.p
        while i < len(fmt):
            c = fmt[i]
            if c == "#":
                p.sharp = True
            elif c == "0":
                p.zero = not p.minus
            elif c == "+":
                p.plus = True
            elif c == "-":
                p.minus, p.zero = True, False
            elif c == " ":
                p.space = True
            else:
                if "a" <= c <= "z" and arg_num < len(self.args):
                    if c == "v":
                        p.sharp_v, p.sharp = p.sharp, False
                        p.plus_v, p.plus = p.plus, False
                    p.print_arg(self.args[arg_num], c)
                    return i + 1, arg_num + 1, True
                break
            i += 1
        return i, arg_num, False

    def _arg_number(self, arg_num: int, i: int):
        fmt = self.fmt
        if i >= len(fmt) or fmt[i] != "[":
            return arg_num, i, False
        self.reordered = True
        index, width, ok = _parse_arg_number(fmt[i:])
        if ok and 0 <= index < len(self.args):
            return index, i + width, True
        self.good_arg_num = False
        return arg_num, i + width, ok

    def _int_from_arg(self, arg_num: int):
        if arg_num < len(self.args):
            value = self.args[arg_num]
            ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) <= 1_000_000
            return (value if ok else 0), ok, arg_num + 1
        return 0, False, arg_num

    def _verb(self, i: int, arg_num: int):
        fmt, p, end = self.fmt, self.p, len(self.fmt)
        arg_num, i, after_index = self._arg_number(arg_num, i)
        if i < end and fmt[i] == "*":
            i += 1
            p.wid, p.wid_present, arg_num = self._int_from_arg(arg_num)
            if not p.wid_present:
                p.buf.append("%!(BADWIDTH)")
            if p.wid < 0:
                p.wid, p.minus, p.zero = -p.wid, True, False
            after_index = False
        else:
            p.wid, p.wid_present, i = _parse_num(fmt, i, end)
            if after_index and p.wid_present:
                self.good_arg_num = False
        if i + 1 < end and fmt[i] == ".":
            i += 1
            if after_index:
                self.good_arg_num = False
            arg_num, i, after_index = self._arg_number(arg_num, i)
            if i < end and fmt[i] == "*":
                i += 1
                p.prec, p.prec_present, arg_num = self._int_from_arg(arg_num)
                if p.prec < 0:
                    p.prec, p.prec_present = 0, False
                if not p.prec_present:
                    p.buf.append("%!(BADPREC)")
                after_index = False
            else:
                p.prec, p.prec_present, i = _parse_num(fmt, i, end)
                if not p.prec_present:
                    p.prec, p.prec_present = 0, True
        if not after_index:
            arg_num, i, after_index = self._arg_number(arg_num, i)
        if i >= end:
            p.buf.append("%!(NOVERB)")
            return i, arg_num, True
        verb = fmt[i]
        i += 1
        if verb == "%":
            p.buf.append("%")
        elif not self.good_arg_num:
            p.buf.append("%!" + verb + "(BADINDEX)")
        elif arg_num >= len(self.args):
            p.buf.append("%!" + verb + "(MISSING)")
        else:
            if verb == "v":
                p.sharp_v, p.sharp = p.sharp, False
                p.plus_v, p.plus = p.plus, False
            p.print_arg(self.args[arg_num], verb)
            arg_num += 1
        return i, arg_num, False

    def _extra(self, extra: list):
        p = self.p
        p.clear_flags()
        p.buf.append("%!(EXTRA ")
        for i, arg in enumerate(extra):
            if i:
                p.buf.append(", ")
            if arg is None:
                p.buf.append("<nil>")
            else:
                p.buf.append(go_type_name(arg) + "=")
                p.print_arg(arg, "v")
        p.buf.append(")")


def _parse_num(s: str, start: int, end: int):
    if start >= end:
        return 0, False, end
    num, i, isnum = 0, start, False
    while i < end and "0" <= s[i] <= "9":
        if num > 1_000_000:
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(s: str):
    if len(s) < 3:
        return 0, 1, False
    for i in range(1, len(s)):
        if s[i] == "]":
            width, ok, newi = _parse_num(s, 1, i)
            if not ok or newi != i:
                return 0, i + 1, False
            return width - 1, i + 1, True
    return 0, 1, False
