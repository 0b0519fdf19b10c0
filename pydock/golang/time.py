"""Go's time.Local, as the docker CLI (a Go program) resolves it, and times shown in it.

Go does not read the TZ variable as the C library does: it never parses POSIX rules like `JST-9`
or `CET-1CEST`. It loads TZ as the name of a zoneinfo file (time/zoneinfo_unix.go, initLocal):

* TZ unset: /etc/localtime;
* TZ="" or TZ="UTC": UTC;
* TZ="/path" or TZ=":/path": that file; TZ="Area/City" or ":Area/City": the file under
  /usr/share/zoneinfo/ (or /usr/share/lib/zoneinfo/, /usr/lib/locale/TZ/, /etc/zoneinfo/);
* anything that does not load as a zoneinfo file (`JST-9`, `Nonexistent/Zone`): UTC.

pydock must never let Python's own local time (libc's, which does read `JST-9`) decide what it shows:
use local_location() wherever docker shows or reads a local time.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass

__all__ = ["Location", "UTC", "local_location", "load_location", "format_time", "format_rfc3339_nano_fixed",
           "zone_offset", "format_duration"]

ZONE_SOURCES = ("/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo")


@dataclass(frozen=True)
class Location:
    """A Go *time.Location: its name ("Local", "UTC", "Asia/Tokyo") and the zone rules (a tzinfo)."""

    name: str
    tzinfo: _dt.tzinfo


UTC = Location("UTC", _dt.timezone.utc)

_cache: dict = {}


def local_location(environ=None, *, etc_dir: str = "/etc", sources=ZONE_SOURCES) -> Location:
    """time.Local for the environment `environ` (default os.environ): see the module's rules.

    `etc_dir` and `sources` are where Go looks for /etc/localtime and named zones (tests point them elsewhere).
    """
    environ = os.environ if environ is None else environ
    tz = environ.get("TZ")
    key = (tz, etc_dir, tuple(sources))
    if key not in _cache:
        _cache[key] = _resolve(tz, etc_dir, sources)
    return _cache[key]


def _resolve(tz: str | None, etc_dir: str, sources) -> Location:
    if tz is None:
        zone = load_location("localtime", (etc_dir,))
        return Location("Local", zone) if zone is not None else UTC
    if tz.startswith(":"):
        tz = tz[1:]
    if tz.startswith("/"):
        zone = load_location(tz, ("",))
        if zone is not None:
            return Location("Local" if tz == "/etc/localtime" else tz, zone)
    elif tz not in ("", "UTC"):
        zone = load_location(tz, sources)
        if zone is not None:
            return Location(tz, zone)
    return UTC


def load_location(name: str, sources) -> _dt.tzinfo | None:
    """time.loadLocation: the first source directory holding a zoneinfo (TZif) file `name`; None if none."""
    from zoneinfo import ZoneInfo

    for source in sources:
        path = f"{source}/{name}" if source else name
        try:
            with open(path, "rb") as data:
                return ZoneInfo.from_file(data, key=name)
        except (OSError, ValueError):
            continue
    return None


def zone_offset(unix_seconds: float, location: Location | None = None) -> tuple[str, int]:
    """(abbreviation, offset east of UTC in seconds) in effect at that instant (Go's Time.Zone)."""
    location = location or local_location()
    moment = _dt.datetime.fromtimestamp(int(unix_seconds // 1), _dt.timezone.utc).astimezone(location.tzinfo)
    offset = moment.utcoffset() or _dt.timedelta(0)
    return moment.tzname() or "", int(offset.total_seconds())


def format_time(unix_seconds: int, nanos: int = 0, location: Location | None = None) -> str:
    """Time.String() of time.Unix(unix_seconds, nanos) in `location` (default: Go's time.Local):
    "2006-01-02 15:04:05.999999999 -0700 MST", the fraction only when not zero."""
    location = location or local_location()
    name, offset = zone_offset(unix_seconds, location)
    wall = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=int(unix_seconds) + offset)
    text = wall.strftime("%Y-%m-%d %H:%M:%S")
    if nanos:
        text += "." + f"{nanos:09d}".rstrip("0")
    sign, minutes = ("-", -offset // 60) if offset < 0 else ("+", offset // 60)
    zone = f"{sign}{minutes // 60:02d}{minutes % 60:02d}"
    return f"{text} {zone} {name or zone}"


def format_rfc3339_nano_fixed(unix_nanos: int, location: Location | None = None) -> str:
    """jsonmessage.RFC3339NanoFixed ("2006-01-02T15:04:05.000000000Z07:00") in `location` (default time.Local)."""
    location = location or local_location()
    seconds, nanos = divmod(unix_nanos, 10 ** 9)
    _, offset = zone_offset(seconds, location)
    wall = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=seconds + offset)
    if offset == 0:
        zone = "Z"
    else:
        sign, minutes = ("-", -offset // 60) if offset < 0 else ("+", offset // 60)
        zone = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return wall.strftime("%Y-%m-%dT%H:%M:%S") + f".{nanos:09d}" + zone


NANOSECOND, MICROSECOND, MILLISECOND, SECOND = 1, 1000, 1_000_000, 1_000_000_000


def format_duration(nanoseconds: int | float) -> str:
    """time.Duration(nanoseconds).String(): "1h2m3.5s", "1.5µs", "0s"."""
    d = int(nanoseconds)
    neg, u = d < 0, abs(d)
    if u < SECOND:
        if u == 0:
            return "0s"
        if u < MICROSECOND:
            prec, unit = 0, "ns"
        elif u < MILLISECOND:
            prec, unit = 3, "µs"
        else:
            prec, unit = 6, "ms"
        frac, u = _fmt_frac(u, prec)
        text = str(u) + frac + unit
    else:
        frac, u = _fmt_frac(u, 9)
        text = str(u % 60) + frac + "s"
        u //= 60
        if u > 0:
            text = str(u % 60) + "m" + text
            u //= 60
            if u > 0:
                text = str(u) + "h" + text
    return "-" + text if neg else text


def _fmt_frac(v: int, prec: int) -> tuple[str, int]:
    """time's fmtFrac: the fraction of v (in units of 10**-prec) without trailing zeros, and v's integer part."""
    digits, printed = [], False
    for _ in range(prec):
        digit = v % 10
        printed = printed or digit != 0
        if printed:
            digits.append(str(digit))
        v //= 10
    text = ("." + "".join(reversed(digits))) if printed else ""
    return text, v
