"""Go's strconv: Quote/Unquote (Go literal syntax), FormatFloat, and the integer, bool and IP
parsers whose error text docker's messages quote (strconv.ParseInt, ParseBool, net.ParseIP).

Strings are Python str; bytes that are not valid UTF-8 travel as surrogate escapes
(``"surrogateescape"``), so a Go string's bytes are ``s.encode("utf-8", "surrogateescape")``.
"""

from __future__ import annotations

import math
import re

__all__ = ["is_go_print", "go_quote", "go_quote_ascii", "go_quote_rune", "can_backquote",
           "UnquoteError", "go_unquote", "go_unquote_char", "format_float",
           "NumError", "parse_int", "parse_uint", "atoi", "parse_bool", "parse_ip", "ip_string"]

# --- strconv quoting -----------------------------------------------------------------

_ESCAPES = {"\a": r"\a", "\b": r"\b", "\f": r"\f", "\n": r"\n", "\r": r"\r", "\t": r"\t", "\v": r"\v"}


def is_go_print(ch: str) -> bool:
    """unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space."""
    return ch.isprintable() and not _is_surrogate(ch)


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def _escape_rune(ch: str, quote: str, ascii_only: bool) -> str:
    if ch == quote or ch == "\\":
        return "\\" + ch
    code = ord(ch)
    if _is_surrogate(ch):
        # A byte that was not valid UTF-8 (kept by surrogateescape) prints as \xNN.
        return "\\x%02x" % (code - 0xDC00 if code >= 0xDC80 else 0xFD)
    if ascii_only:
        if code < 0x80 and ch.isprintable():
            return ch
    elif ch.isprintable():
        return ch
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if code < 0x20 or code == 0x7F:
        return "\\x%02x" % code
    if code < 0x10000:
        return "\\u%04x" % code
    return "\\U%08x" % code


def go_quote(s: str, quote: str = '"', ascii_only: bool = False) -> str:
    """strconv.Quote: a double-quoted Go string literal."""
    return quote + "".join(_escape_rune(c, quote, ascii_only) for c in s) + quote


def go_quote_ascii(s: str) -> str:
    """strconv.QuoteToASCII."""
    return go_quote(s, ascii_only=True)


def go_quote_rune(code: int, ascii_only: bool = False) -> str:
    """strconv.QuoteRune: a single-quoted Go character literal."""
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code < 0:
        code = 0xFFFD
    return "'" + _escape_rune(chr(code), "'", ascii_only) + "'"


def can_backquote(s: str) -> bool:
    for ch in s:
        if ch == "\ufeff" or _is_surrogate(ch):
            return False
        if (ch < " " and ch != "\t") or ch == "`" or ch == "\x7f":
            return False
    return True


class UnquoteError(ValueError):
    """strconv.ErrSyntax: the message is Go's "invalid syntax"."""

    def __init__(self):
        super().__init__("invalid syntax")


_SIMPLE_UNESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def go_unquote_char(s: str, i: int, quote: str) -> tuple[str, int]:
    """strconv.UnquoteChar on s[i:]: returns (character, next index).

    Bytes written as \\x or octal escapes that are not valid UTF-8 on their own come back as
    surrogate-escaped characters, like Python's "surrogateescape" decoding.
    """
    if i >= len(s):
        raise UnquoteError()
    ch = s[i]
    if ch == quote and quote in "'\"":
        raise UnquoteError()
    if ch != "\\":
        return ch, i + 1
    if i + 1 >= len(s):
        raise UnquoteError()
    c = s[i + 1]
    i += 2
    if c in _SIMPLE_UNESCAPES:
        return _SIMPLE_UNESCAPES[c], i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        digits = s[i:i + n]
        if len(digits) < n or any(d not in "0123456789abcdefABCDEF" for d in digits):
            raise UnquoteError()
        value = int(digits, 16)
        if c == "x":
            return (chr(value) if value < 0x80 else chr(0xDC00 + value)), i + n
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise UnquoteError()
        return chr(value), i + n
    if c in "01234567":
        digits = s[i - 1:i + 2]
        if len(digits) < 3 or any(d not in "01234567" for d in digits):
            raise UnquoteError()
        value = int(digits, 8)
        if value > 255:
            raise UnquoteError()
        return (chr(value) if value < 0x80 else chr(0xDC00 + value)), i + 2
    if c in "'\"":
        if c != quote:
            raise UnquoteError()
        return c, i
    raise UnquoteError()


def go_unquote(s: str) -> str:
    """strconv.Unquote for "…", `…` and '…' literals."""
    if len(s) < 2 or s[0] != s[-1] or s[0] not in "\"'`":
        raise UnquoteError()
    quote, body = s[0], s[1:-1]
    if quote == "`":
        if "`" in body:
            raise UnquoteError()
        return body.replace("\r", "")
    if "\n" in body:
        raise UnquoteError()
    out, i = [], 0
    while i < len(body):
        ch, i = go_unquote_char(body, i, quote)
        out.append(ch)
        if quote == "'" and i < len(body):
            raise UnquoteError()
    if quote == "'" and len(out) != 1:
        raise UnquoteError()
    return _merge_escaped_bytes("".join(out))


def _merge_escaped_bytes(s: str) -> str:
    """Escaped bytes that together form valid UTF-8 become the characters they spell."""
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in s):
        return s
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")


# --- floats ----------------------------------------------------------------------------

def _shortest_digits(v: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of abs(v) and the decimal point position."""
    text = repr(abs(v))
    mantissa, _, exp = text.partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    dp = len(whole) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    return digits, dp


def _rounded_digits(v: float, ndigits: int) -> tuple[str, int]:
    text = "%.*e" % (ndigits - 1, abs(v))
    mantissa, _, exp = text.partition("e")
    digits = mantissa.replace(".", "").rstrip("0")
    return digits, int(exp) + 1


def _fmt_e(digits: str, dp: int, prec: int, letter: str) -> str:
    out = digits[0] if digits else "0"
    if prec > 0:
        frac = digits[1:prec + 1]
        out += "." + frac + "0" * (prec - len(frac))
    exp = dp - 1 if digits else 0
    sign = "-" if exp < 0 else "+"
    return "%s%s%s%02d" % (out, letter, sign, abs(exp))


def _fmt_f(digits: str, dp: int, prec: int) -> str:
    if dp > 0:
        whole = digits[:dp] + "0" * (dp - len(digits[:dp]))
    else:
        whole = "0"
    if prec <= 0:
        return whole
    frac = "".join(digits[dp + i] if 0 <= dp + i < len(digits) else "0" for i in range(prec))
    return whole + "." + frac


def _format_g(v: float, letter: str, prec: int) -> str:
    shortest = prec < 0
    if v == 0:
        digits, dp = "", 0
        if shortest:
            prec = 0
    elif shortest:
        digits, dp = _shortest_digits(v)
        prec = len(digits)
    else:
        prec = prec or 1
        digits, dp = _rounded_digits(v, prec)
    nd = len(digits)
    eprec = prec
    if eprec > nd and nd >= dp:
        eprec = nd
    if shortest:
        eprec = 6
    exp = dp - 1
    if exp < -4 or exp >= eprec:
        return _fmt_e(digits, dp, min(prec, nd) - 1, "e" if letter == "g" else "E")
    if prec > dp:
        prec = nd
    return _fmt_f(digits, dp, max(prec - dp, 0))


def _format_hex_float(v: float, prec: int, upper: bool) -> str:
    if v == 0:
        mant, exp = "0", 0
    else:
        m, e = math.frexp(abs(v))  # v = m * 2**e, 0.5 <= m < 1
        bits = int(m * (1 << 53))  # 53 significant bits, leading one first
        exp = e - 1
        frac = bits - (1 << 52)
        hexdigits = "%013x" % frac
        if 0 <= prec < 13:
            shift = 4 * (13 - prec)
            total = (1 << 52) + frac
            half = 1 << (shift - 1)
            rem = total & ((1 << shift) - 1)
            total >>= shift
            if rem > half or (rem == half and total & 1):
                total += 1
            if total >> (4 * prec) >= 2:
                total >>= 1
                exp += 1
            hexdigits = ("%0*x" % (prec, total - (1 << (4 * prec)))) if prec else ""
            mant = "1" + ("." + hexdigits if prec else "")
        else:
            hexdigits = hexdigits.rstrip("0")
            if prec > 13:
                hexdigits += "0" * (prec - len(hexdigits))
            mant = "1" + ("." + hexdigits if hexdigits else "")
    if v == 0 and prec > 0:
        mant += "." + "0" * prec
    sign = "-" if exp < 0 else "+"
    text = "0x%sp%s%02d" % (mant, sign, abs(exp))
    return text.upper() if upper else text


def format_float(v: float, fmt: str, prec: int) -> str:
    """strconv.FormatFloat(v, fmt, prec, 64); prec < 0 means the shortest exact form."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+Inf" if v > 0 else "-Inf"
    neg = math.copysign(1.0, v) < 0
    a = abs(v)
    if fmt in "eE":
        if prec < 0:
            digits, dp = _shortest_digits(a) if a else ("", 0)
            prec = max(len(digits) - 1, 0)
        else:
            digits, dp = _rounded_digits(a, prec + 1) if a else ("", 0)
        body = _fmt_e(digits, dp, prec, fmt)
    elif fmt == "f":
        if prec < 0:
            digits, dp = _shortest_digits(a) if a else ("", 0)
            body = _fmt_f(digits, dp, max(len(digits) - dp, 0))
        else:
            body = "%.*f" % (prec, a)
    elif fmt in "gG":
        body = _format_g(a, fmt, prec)
    elif fmt in "xX":
        body = _format_hex_float(a, prec, fmt == "X")
    elif fmt == "b":
        m, e = math.frexp(a)
        body = "%dp%+d" % (int(m * (1 << 53)), e - 53) if a else "0p-1074"
    else:
        return "%" + fmt
    return ("-" + body) if neg else body


# --- strconv parsing -----------------------------------------------------------------

class NumError(ValueError):
    """A value Go's parsers refuse; str() is Go's message (`strconv.ParseInt: parsing "x": invalid syntax`)."""

# base 0: 0x/0o/0b prefixes, a leading 0 means octal, underscores only between digits
_BASE0_INT = re.compile(r"[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)")


def parse_int(text: str, bits: int = 64, base: int = 10) -> int:
    """strconv.ParseInt(text, base, bits), base 10 or 0 (pflag's int flags use 0)."""
    return _parse(text, "ParseInt", bits, signed=True, base=base)


def parse_uint(text: str, bits: int = 64, base: int = 10) -> int:
    """strconv.ParseUint(text, base, bits), base 10 or 0."""
    return _parse(text, "ParseUint", bits, signed=False, base=base)


def atoi(text: str) -> int:
    """strconv.Atoi: errors read `strconv.Atoi: parsing "x": invalid syntax`."""
    return _parse(text, "Atoi", 64, signed=True)


def _parse(text: str, func: str, bits: int, signed: bool, base: int = 10) -> int:
    value = _base0_value(text, signed) if base == 0 else _base10_value(text, signed)
    if value is None:
        raise NumError(f'strconv.{func}: parsing "{text}": invalid syntax')
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if not low <= value <= high:
        raise NumError(f'strconv.{func}: parsing "{text}": value out of range')
    return value


def _base10_value(text: str, signed: bool) -> int | None:
    digits = text[1:] if signed and text[:1] in ("+", "-") else text
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    return int(text)


def _base0_value(text: str, signed: bool) -> int | None:
    if not _BASE0_INT.fullmatch(text) or (not signed and text[:1] in "+-") or "__" in text or text.endswith("_"):
        return None
    sign, body = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    body = body.replace("_", "")
    if len(body) > 1 and body[0] == "0" and body[1] in "0123456789":
        body = "0o" + body[1:]
    return sign * int(body, 0)


def parse_bool(text: str) -> bool:
    """strconv.ParseBool."""
    if text in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if text in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise NumError(f'strconv.ParseBool: parsing "{text}": invalid syntax')


def parse_ip(text: str):
    """net.ParseIP: an address object, or None. No zones, no brackets, no leading zeros."""
    import ipaddress

    if not text or "%" in text or text != text.strip():
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def ip_string(addr) -> str:
    """net.IP.String(): IPv4-mapped IPv6 addresses print as dotted IPv4."""
    if getattr(addr, "ipv4_mapped", None) is not None:
        return str(addr.ipv4_mapped)
    return str(addr)
