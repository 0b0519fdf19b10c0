"""--since/--until values as docker's api/types/time.GetTimestamp turns them into the API's form."""
from __future__ import annotations

import time

from ..golang.strconv import parse_int
from . import OptError


def get_timestamp(value: str, now: float | None = None) -> str:
    """"10m" -> seconds ten minutes ago; RFC 3339 dates -> "secs.nanos"; unix times pass through."""
    from .sizes import parse_duration

    now = time.time() if now is None else now
    if value != "0":
        try:
            return str(_unix(now, parse_duration(value)))
        except OptError:
            pass
    try:
        seconds, nanos = _parse_date(value, now)
    except OptError:
        if "-" in value:  # an RFC 3339-like date the parser refused: its error
            raise
        _check_unix(value)
        return value
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


def _layout(value: str) -> tuple[str, bool]:
    """The Go layout docker's GetTimestamp picks for a date, and whether it is read in local time."""
    in_location = not any(c in value for c in "zZ+") and value.count("-") != 3
    zone = "" if in_location else "Z07:00"
    if "." in value:
        return "2006-01-02T15:04:05.999999999" + zone, in_location
    if "T" in value:
        colons = value.count(":")
        if not in_location and not any(c in value for c in "zZ") and colons > 0:
            colons -= 1  # the zone offset's own colon
        return ("2006-01-02T15", "2006-01-02T15:04", "2006-01-02T15:04:05")[min(colons, 2)] + zone, in_location
    return "2006-01-02" + zone, in_location


def _parse_date(value: str, now: float) -> tuple[int, int]:
    """(unix seconds, nanoseconds), or OptError worded as Go's time.Parse."""
    import calendar

    layout, in_location = _layout(value)
    fields, offset = _GoTimeParser(layout, value).parse()
    year, month, day, hour, minute, second, nanos = fields
    if offset is None:
        # time.ParseInLocation(…, time.FixedZone(now.Zone())): the offset Go's time.Local has now
        from ..golang.time import zone_offset

        offset = zone_offset(now)[1] if in_location else 0
    seconds = calendar.timegm((year, month, day, hour, minute, second)) - offset
    return seconds, nanos


# layout element -> (field, digits: fixed 2, 4 or up to 2, range check name, low, high)
_ELEMENTS = {"2006": (0, 4, None, 0, 9999), "01": (1, 2, "month", 1, 12), "02": (2, 2, None, 0, 99),
             "15": (3, 0, "hour", 0, 23), "04": (4, 2, "minute", 0, 59), "05": (5, 2, "second", 0, 59)}
_TOKENS = ("2006", "01", "02", "15", "04", "05", ".999999999", "Z07:00")


class _GoTimeParser:
    """time.Parse for the few layouts above, with its error messages."""

    def __init__(self, layout: str, value: str):
        self.layout, self.value = layout, value

    def error(self, rest: str, element: str = "", message: str = "") -> OptError:
        from ..golang.strconv import go_quote

        if message:
            return OptError(f"parsing time {go_quote(self.value)}{message}")
        return OptError(f"parsing time {go_quote(self.value)} as {go_quote(self.layout)}: cannot parse "
                        f"{go_quote(rest)} as {go_quote(element)}")

    def parse(self):
        fields, offset, rest, layout = [0, 1, 1, 0, 0, 0, 0], None, self.value, self.layout
        while layout:
            token = next((t for t in _TOKENS if layout.startswith(t)), None)
            if token is None:
                if not rest.startswith(layout[0]):
                    raise self.error(rest, layout[0])
                rest, layout = rest[1:], layout[1:]
                continue
            layout = layout[len(token):]
            if token == ".999999999":
                rest = self._fraction(rest, fields)
            elif token == "Z07:00":
                offset, rest = self._zone(rest)
            else:
                rest = self._number(token, rest, fields)
                if token == "05":
                    rest = self._fraction(rest, fields) if not layout.startswith(".") else rest
        if rest:
            from ..golang.strconv import go_quote

            raise self.error(rest, message=f": extra text: {go_quote(rest)}")
        import calendar

        year, month, day = fields[:3]
        if day < 1 or day > calendar.monthrange(year, month)[1]:
            raise self.error(rest, message=": day out of range")
        return fields, offset

    def _number(self, token: str, rest: str, fields: list) -> str:
        index, width, name, low, high = _ELEMENTS[token]
        if width == 0:  # up to two digits
            width = 2 if rest[1:2].isdigit() else 1
        text = rest[:width]
        if len(text) < width or not text.isdigit() or not text.isascii():
            raise self.error(rest, token)
        number = int(text)
        if name and not low <= number <= high:
            raise self.error(rest, message=f": {name} out of range")
        fields[index] = number
        return rest[width:]

    @staticmethod
    def _fraction(rest: str, fields: list) -> str:
        """An optional `.digits` (Go reads at most 9 of them)."""
        if len(rest) < 2 or rest[0] not in ".," or not rest[1].isdigit():
            return rest
        end = 1
        while end < len(rest) and rest[end].isdigit():
            end += 1
        fields[6] = int(rest[1:end][:9].ljust(9, "0"))
        return rest[end:]

    def _zone(self, rest: str) -> tuple[int, str]:
        if rest.startswith("Z"):
            return 0, rest[1:]
        sign, hours, colon, minutes = rest[:1], rest[1:3], rest[3:4], rest[4:6]
        if len(rest) < 6 or colon != ":" or sign not in "+-" or not (hours + minutes).isdigit():
            raise self.error(rest, "Z07:00")
        if int(hours) > 24:
            raise self.error(rest, message=": time zone offset hour out of range")
        if int(minutes) > 60:
            raise self.error(rest, message=": time zone offset minute out of range")
        offset = int(hours) * 3600 + int(minutes) * 60
        return (offset if sign == "+" else -offset), rest[6:]
