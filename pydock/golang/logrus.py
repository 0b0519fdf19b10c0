"""logrus's TextFormatter lines, as docker's libraries print them on stderr when the output is not
a terminal: time="2006-01-02T15:04:05Z07:00" level=error msg="…"."""
from __future__ import annotations

import re
import time

_PLAIN = re.compile(r"[A-Za-z0-9\-._/@^+]*")


def _value(text: str) -> str:
    """TextFormatter.appendValue: as is when every character is one logrus leaves bare, else %q."""
    if _PLAIN.fullmatch(text):
        return text
    from .strconv import go_quote

    return go_quote(text)


def text_line(level: str, message: str, now: float | None = None) -> str:
    """One logrus line (no newline) at `now` (seconds; default: the current time) in Go's local zone."""
    import datetime as dt

    from .time import zone_offset

    seconds = int(time.time() if now is None else now)
    _, offset = zone_offset(seconds)
    stamp = (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds + offset)).strftime("%Y-%m-%dT%H:%M:%S")
    if offset:
        sign, minutes = ("-", -offset // 60) if offset < 0 else ("+", offset // 60)
        stamp += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    else:
        stamp += "Z"
    return f"time={_value(stamp)} level={_value(level)} msg={_value(message)}"
