"""Go's time.Time.Format: a layout written as the reference time "Mon Jan 2 15:04:05 MST 2006".

Follows Go's src/time/format.go (nextStdChunk, appendFormat): the same chunks recognised in the same
order, everything else copied literally.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Clock", "format_layout"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


@dataclass(frozen=True)
class Clock:
    """A time's fields as Go's Format reads them, in the time's own zone.

    `weekday` 0 = Sunday; `yday` 1–366; `offset` the zone's offset east of UTC in seconds; `zone` its
    abbreviation ("UTC"; "" for a fixed offset parsed from RFC 3339 text, which Go prints as -0700)."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    nanosecond: int
    weekday: int
    yday: int
    zone: str
    offset: int


# nextStdChunk's alternatives, longest first where one is a prefix of another
_CHUNK = re.compile(
    r"January|Jan|Monday|Mon|MST"
    r"|Z07:00:00|Z070000|Z07:00|Z0700|Z07"
    r"|-07:00:00|-070000|-07:00|-0700|-07"
    r"|2006|002|__2|_2(?!006)|06|01|02|03|04|05|15|PM|pm"
    r"|[.,](?:0+|9+)(?![0-9])"
    r"|1|2|3|4|5")


def format_layout(clock: Clock, layout: str) -> str:
    """`layout` with each of Go's std chunks replaced by `clock`'s value (Go's Time.Format)."""
    out: list[str] = []
    pos = 0
    for match in _CHUNK.finditer(layout):
        out.append(layout[pos:match.start()])
        out.append(_std(clock, match.group()))
        pos = match.end()
    out.append(layout[pos:])
    return "".join(out)


def _std(c: Clock, chunk: str) -> str:
    hour12 = c.hour % 12 or 12
    simple = {
        "January": MONTHS[c.month - 1], "Jan": MONTHS[c.month - 1][:3],
        "Monday": DAYS[c.weekday], "Mon": DAYS[c.weekday][:3],
        "2006": _year(c.year), "06": f"{c.year % 100:02d}",
        "1": str(c.month), "01": f"{c.month:02d}",
        "2": str(c.day), "_2": f"{c.day:>2}", "02": f"{c.day:02d}",
        "__2": f"{c.yday:>3}", "002": f"{c.yday:03d}",
        "15": f"{c.hour:02d}", "3": str(hour12), "03": f"{hour12:02d}",
        "4": str(c.minute), "04": f"{c.minute:02d}",
        "5": str(c.second), "05": f"{c.second:02d}",
        "PM": "PM" if c.hour >= 12 else "AM", "pm": "pm" if c.hour >= 12 else "am",
    }
    if chunk in simple:
        return simple[chunk]
    if chunk == "MST":
        return c.zone or _offset(c.offset, "-0700")
    if chunk[0] in "Z-":
        if chunk[0] == "Z" and c.offset == 0:
            return "Z"
        return _offset(c.offset, "-" + chunk[1:])
    return _fraction(c.nanosecond, chunk)


def _year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _offset(offset: int, form: str) -> str:
    sign = "-" if offset < 0 else "+"
    minutes, seconds = divmod(abs(offset), 60)
    hours, minutes = divmod(minutes, 60)
    colon = ":" in form
    text = sign + f"{hours:02d}"
    if form not in ("-07",):
        text += (":" if colon else "") + f"{minutes:02d}"
    if form in ("-07:00:00", "-070000"):
        text += (":" if colon else "") + f"{seconds:02d}"
    return text


def _fraction(nanos: int, chunk: str) -> str:
    """".000" always prints that many digits; ".999" drops trailing zeros (and the point if none left)."""
    digits = len(chunk) - 1
    text = f"{nanos:09d}"[:digits]
    if chunk[1] == "9":
        text = text.rstrip("0")
        return chunk[0] + text if text else ""
    return chunk[0] + text
