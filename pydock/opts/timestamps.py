"""--since/--until values as docker's api/types/time.GetTimestamp turns them into the API's form."""
from __future__ import annotations

import time
from datetime import datetime

from . import OptError
from .gostrconv import parse_int


def get_timestamp(value: str, now: float | None = None) -> str:
    """"10m" -> seconds ten minutes ago; RFC 3339 dates -> "secs.nanos"; unix times pass through."""
    from .sizes import parse_duration

    now = time.time() if now is None else now
    if value != "0":
        try:
            return str(_unix(now, parse_duration(value)))
        except OptError:
            pass
    parsed = _parse_date(value, now)
    if parsed is None:
        if "-" in value:
            raise OptError(f'parsing time "{value}": cannot parse')
        _check_unix(value)
        return value
    seconds = int(parsed.timestamp() // 1)
    nanos = parsed.microsecond * 1000
    return f"{seconds}.{nanos:09d}"


def _unix(now: float, nanos: int) -> int:
    """reference.Add(-d).Unix(): whole seconds, rounded toward negative infinity."""
    total = int(now * 1e9) - nanos
    return total // 10 ** 9


def _check_unix(value: str) -> None:
    whole, dot, frac = value.partition(".")
    try:
        parse_int(whole)
        if dot:
            parse_int(frac)
    except OptError:
        raise OptError(f'failed to parse value as time or duration: "{value}"') from None


def _parse_date(value: str, now: float) -> datetime | None:
    in_location = not (any(c in value for c in "zZ+") or value.count("-") == 3)
    local = datetime.fromtimestamp(now).astimezone().tzinfo
    text = value
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    formats = ["%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H", "%Y-%m-%d"]
    if not in_location:
        formats = [f + "%z" for f in formats]
    for fmt in formats:
        try:
            parsed = datetime.strptime(_trim_nanos(text), fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=local) if parsed.tzinfo is None else parsed
    return None


def _trim_nanos(text: str) -> str:
    """strptime's %f takes at most 6 digits; Go accepts 9."""
    if "." not in text:
        return text
    head, _, rest = text.partition(".")
    digits = ""
    while rest and rest[0].isdigit():
        digits, rest = digits + rest[0], rest[1:]
    return f"{head}.{digits[:6] or '0'}{rest}"
