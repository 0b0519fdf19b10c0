"""docker/go-units and the bits of Go's time package that docker's output uses.

    human_duration(90)        -> "About a minute"     (units.HumanDuration)
    human_size(1_980_000)     -> "1.98MB"             (units.HumanSizeWithPrecision(n, 3))
    bytes_size(1572864)       -> "1.5MiB"             (units.BytesSize)
    ram_in_bytes("512m")      -> 536870912            (units.RAMInBytes)
    format_go_duration(90e9)  -> "1m30s"              (time.Duration.String, nanoseconds in)
    parse_go_duration("1m30s") -> 90_000_000_000      (time.ParseDuration, nanoseconds out)
"""

from __future__ import annotations

import datetime as _dt
import time as _time

from ..golang.strconv import format_float, go_quote

__all__ = [
    "human_duration", "human_size", "human_size_with_precision", "bytes_size", "custom_size",
    "from_human_size", "ram_in_bytes", "format_go_duration", "parse_go_duration", "running_for",
    "go_time_string", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB",
]

KB, MB, GB, TB, PB = (1000 ** i for i in range(1, 6))
KiB, MiB, GiB, TiB, PiB = (1024 ** i for i in range(1, 6))

_DECIMAL_MAP = {"k": KB, "m": MB, "g": GB, "t": TB, "p": PB}
_BINARY_MAP = {"k": KiB, "m": MiB, "g": GiB, "t": TiB, "p": PiB}
_DECIMAL_ABBRS = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")
_BINARY_ABBRS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB")

NANOSECOND, MICROSECOND, MILLISECOND, SECOND = 1, 1000, 1_000_000, 1_000_000_000
MINUTE, HOUR = 60 * SECOND, 3600 * SECOND


# --- HumanDuration ------------------------------------------------------------------------

def human_duration(seconds: float | _dt.timedelta) -> str:
    """units.HumanDuration for a duration in seconds (or a timedelta)."""
    if isinstance(seconds, _dt.timedelta):
        seconds = seconds.total_seconds()
    nanos = int(round(seconds * SECOND))
    secs = int(nanos / SECOND)
    if secs < 1:
        return "Less than a second"
    if secs == 1:
        return "1 second"
    if secs < 60:
        return "%d seconds" % secs
    minutes = int(nanos / MINUTE)
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return "%d minutes" % minutes
    hours = int(nanos / HOUR + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return "%d hours" % hours
    if hours < 24 * 7 * 2:
        return "%d days" % (hours // 24)
    if hours < 24 * 30 * 2:
        return "%d weeks" % (hours // 24 // 7)
    if hours < 24 * 365 * 2:
        return "%d months" % (hours // 24 // 30)
    return "%d years" % (int(nanos / HOUR) // 24 // 365)


def running_for(created_unix: float, now: float | None = None) -> str:
    """docker's RunningFor / CreatedSince: how long ago, e.g. "2 hours ago"."""
    if now is None:
        now = _time.time()
    return human_duration(now - int(created_unix)) + " ago"


def go_time_string(unix_seconds: float, tz: _dt.tzinfo | None = None) -> str:
    """time.Unix(s, 0).String(): "2024-05-01 10:00:00 +0200 CEST", in Go's time.Local (TZ read as Go
    reads it, see golang.time) or in the zone `tz` when given."""
    from ..golang.time import Location, format_time

    return format_time(int(unix_seconds), 0, Location("", tz) if tz is not None else None)


# --- sizes --------------------------------------------------------------------------------

def _size_and_unit(size: float, base: float, abbrs) -> tuple[float, str]:
    i = 0
    while size >= base and i < len(abbrs) - 1:
        size /= base
        i += 1
    return size, abbrs[i]


def custom_size(fmt: str, size: float, base: float, abbrs) -> str:
    """units.CustomSize for formats of the form %.<n>g%s."""
    size, unit = _size_and_unit(float(size), base, abbrs)
    precision = int(fmt[2:fmt.index("g")])
    return format_float(size, "g", precision) + unit


def human_size_with_precision(size: float, precision: int) -> str:
    size, unit = _size_and_unit(float(size), 1000.0, _DECIMAL_ABBRS)
    return format_float(size, "g", precision) + unit


def human_size(size: float, precision: int = 3) -> str:
    """Decimal size as docker prints it (HumanSizeWithPrecision(size, 3)): "1.98MB", "0B".

    go-units' own HumanSize uses precision 4; pass precision=4 for that.
    """
    return human_size_with_precision(size, precision)


def bytes_size(size: float) -> str:
    """units.BytesSize: binary units, 4 significant digits, "1.5MiB"."""
    return custom_size("%.4g%s", size, 1024.0, _BINARY_ABBRS)


def _parse_go_float(text: str) -> float:
    """strconv.ParseFloat(text, 64), with its error messages."""
    syntax = ValueError("strconv.ParseFloat: parsing %s: invalid syntax" % go_quote(text))
    if not text or text != text.strip():
        raise syntax
    try:
        body = text.lstrip("+-")
        if body[:2].lower() == "0x" and "p" not in body.lower():
            raise ValueError  # a hexadecimal mantissa needs a p exponent
        value = float.fromhex(text) if body[:2].lower() == "0x" else float(text)
    except ValueError:
        raise syntax from None
    if value in (float("inf"), float("-inf")) and "inf" not in text.lower():
        raise ValueError("strconv.ParseFloat: parsing %s: value out of range" % go_quote(text))
    return value


def _int64(value: float) -> int:
    """Go's int64(f) on amd64: out-of-range values become the smallest int64."""
    if value != value or not -(2 ** 63) <= value < 2 ** 63:
        return -(2 ** 63)
    return int(value)


def _parse_size(text: str, mapping: dict) -> int:
    sep = max(text.rfind(c) for c in "0123456789. ")
    if sep == -1:
        raise ValueError("invalid size: '%s'" % text)
    if text[sep] != " ":
        num, sfx = text[:sep + 1], text[sep + 1:]
    else:
        num, sfx = text[:sep], text[sep + 1:]
    size = _parse_go_float(num)
    if size < 0:
        raise ValueError("invalid size: '%s'" % text)
    if not sfx:
        return _int64(size)
    if len(sfx) > 3:
        raise ValueError("invalid suffix: '%s'" % sfx)
    sfx = sfx.lower()
    if sfx[0] == "b":
        if len(sfx) > 1:
            raise ValueError("invalid suffix: '%s'" % sfx)
        return _int64(size)
    if sfx[0] not in mapping:
        raise ValueError("invalid suffix: '%s'" % sfx)
    size *= mapping[sfx[0]]
    if (len(sfx) == 2 and sfx[1] != "b") or (len(sfx) == 3 and sfx[1:] != "ib"):
        raise ValueError("invalid suffix: '%s'" % sfx)
    return _int64(size)


def from_human_size(text: str) -> int:
    """units.FromHumanSize: "32kB" -> 32000 (decimal); ValueError with go-units' message."""
    return _parse_size(text, _DECIMAL_MAP)


def ram_in_bytes(text: str) -> int:
    """units.RAMInBytes: "512m" -> 536870912 (binary, as --memory takes it)."""
    return _parse_size(text, _BINARY_MAP)


# --- time.Duration ------------------------------------------------------------------------

def format_go_duration(nanoseconds: int | float) -> str:
    """time.Duration(nanoseconds).String(): "1h2m3.5s", "1.5µs", "0s" (see golang.time.format_duration)."""
    from ..golang.time import format_duration

    return format_duration(nanoseconds)


_UNITS = {"ns": NANOSECOND, "us": MICROSECOND, "µs": MICROSECOND, "μs": MICROSECOND,
          "ms": MILLISECOND, "s": SECOND, "m": MINUTE, "h": HOUR}


def _time_quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ord(ch) >= 0x80 or ch < " ":
            out.extend("\\x%02x" % b for b in ch.encode("utf-8", "surrogateescape"))
        else:
            out.append("\\" + ch if ch in '"\\' else ch)
    return "".join(out) + '"'


def _leading_int(s: str, i: int) -> tuple[int, int]:
    start, x = i, 0
    while i < len(s) and "0" <= s[i] <= "9":
        x = x * 10 + ord(s[i]) - 48
        if x > 1 << 63:
            raise OverflowError
        i += 1
    return x, i - start


def parse_go_duration(text: str) -> int:
    """time.ParseDuration: "1h30m", "1.5s", "-2ms" -> nanoseconds; ValueError with Go's message."""
    invalid = ValueError("time: invalid duration " + _time_quote(text))
    neg, i = text[:1] == "-", 1 if text[:1] in ("-", "+") else 0
    if text[i:] == "0":
        return 0
    if i >= len(text):
        raise invalid
    total = 0
    while i < len(text):
        value, i = _duration_component(text, i, invalid)
        total += value
        if total > 1 << 63:
            raise invalid
    if total > (1 << 63) - 1 and not neg:
        raise invalid
    return -total if neg else total


def _duration_component(s: str, i: int, invalid: ValueError) -> tuple[int, int]:
    """One "1.5h" of a duration: returns (nanoseconds, index after it)."""
    if not (s[i] == "." or "0" <= s[i] <= "9"):
        raise invalid
    try:
        whole, n = _leading_int(s, i)
    except OverflowError:
        raise invalid from None
    pre, i = n > 0, i + n
    frac, scale, post = 0, 1, False
    if i < len(s) and s[i] == ".":
        start = i = i + 1
        while i < len(s) and "0" <= s[i] <= "9":
            if scale < 10 ** 18:
                frac, scale = frac * 10 + ord(s[i]) - 48, scale * 10
            i += 1
        post = i > start
    if not pre and not post:
        raise invalid
    start = i
    while i < len(s) and not (s[i] == "." or "0" <= s[i] <= "9"):
        i += 1
    name = s[start:i]
    if not name:
        raise ValueError("time: missing unit in duration " + _time_quote(s))
    if name not in _UNITS:
        raise ValueError("time: unknown unit %s in duration %s" % (_time_quote(name), _time_quote(s)))
    unit = _UNITS[name]
    if whole > (1 << 63) // unit:
        raise invalid
    value = whole * unit + int(frac * (unit / scale))
    if value > 1 << 63:
        raise invalid
    return value, i
