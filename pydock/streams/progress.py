"""Docker's display of JSON progress messages (pull, push, load …), as pkg/jsonmessage does it.

In a pipe: one plain line per status message; progress updates are skipped. On a terminal:
one line per layer ID, rewritten in place with cursor movements and progress bars.
"""
from __future__ import annotations

import time
from typing import Callable, Iterable

ESC = "\x1b["


class JSONMessageError(Exception):
    """An error carried inside the stream (errorDetail); str() is its message."""

    def __init__(self, message: str, code: int = 0):
        super().__init__(message)
        self.message = message
        self.code = code


def human_size(size: float) -> str:
    """go-units HumanSize: decimal units, 4 significant digits ("1.98MB", "512B")."""
    units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    i = 0
    while size >= 1000 and i < len(units) - 1:
        size /= 1000.0
        i += 1
    return f"{_go_g(size, 4)}{units[i]}"


def _go_g(value: float, precision: int) -> str:
    """Go's %.Ng: like Python's, but the exponent has at least two digits (same) and no '+0'."""
    return f"{value:.{precision}g}"


def _go_duration_seconds(seconds: int) -> str:
    """time.Duration(...).Round(time.Second).String() for whole seconds."""
    if seconds == 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = f"{hours}h" if hours else ""
    if hours or minutes:
        out += f"{minutes}m"
    return out + f"{secs}s"


def progress_string(detail: dict | None, width: int, now: float | None = None) -> str:
    """JSONProgress.String(): "[=====>    ]  1.2MB/3.4MB 2s"."""
    if not detail:
        return ""
    current, total = int(detail.get("current") or 0), int(detail.get("total") or 0)
    start, units = int(detail.get("start") or 0), detail.get("units") or ""
    if current <= 0 and total <= 0:
        return ""
    if total <= 0:
        return f"{human_size(current):>8}" if not units else f"{current} {units}"
    percentage = min(int(current / total * 100) // 2, 50)
    bar = ""
    if width > 110:
        bar = "[" + "=" * percentage + ">" + " " * max(50 - percentage, 0) + "] "
    numbers = ""
    if detail.get("hidecounts"):
        pass
    elif not units:
        numbers = f"{human_size(current):>8}/{human_size(total)}"
        if current > total:
            numbers = f"{human_size(current):>8}"
    else:
        numbers = f"{current}/{total} {units}" if current <= total else f"{current} {units}"
    left = ""
    if width > 50 and current > 0 and start > 0 and percentage < 50:
        elapsed = (now if now is not None else time.time()) - start
        per_entry = elapsed / current
        left = " " + _go_duration_seconds(round((total - current) * per_entry))
    return bar + numbers + left


def utc_rfc3339_nano_fixed(nanos: int) -> str:
    """jsonmessage.RFC3339NanoFixed in UTC ("2006-01-02T15:04:05.000000000Z")."""
    seconds, fraction = divmod(nanos, 10 ** 9)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{fraction:09d}Z"


def _timestamp(jm: dict, timestamp: Callable[[int], str]) -> str:
    nanos = jm.get("timeNano") or 0
    seconds = jm.get("time") or 0
    if not nanos and not seconds:
        return ""
    if not nanos:
        nanos = seconds * 10 ** 9
    return timestamp(nanos) + " "


def display_message(jm: dict, write: Callable[[str], None], is_terminal: bool, width: int,
                    timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> None:
    """JSONMessage.Display. `timestamp` formats a message's time (Unix nanoseconds) as docker does in its
    local time zone: the CLI passes golang.time.format_rfc3339_nano_fixed (Go's time.Local)."""
    error = jm.get("errorDetail")
    if error:
        raise JSONMessageError(error.get("message", ""), error.get("code", 0))
    if jm.get("error") and not error:
        raise JSONMessageError(jm["error"])
    progress = jm.get("progressDetail")
    endl = ""
    if is_terminal and not jm.get("stream") and progress is not None:
        write(ESC + "2K\r")
        endl = "\r"
    elif progress is not None and progress_string(progress, width) != "":
        return
    write(_timestamp(jm, timestamp))
    if jm.get("id"):
        write(f"{jm['id']}: ")
    if jm.get("from"):
        write(f"(from {jm['from']}) ")
    status = jm.get("status", "")
    if progress is not None and is_terminal:
        write(f"{status} {progress_string(progress, width)}{endl}")
    elif jm.get("progress"):
        write(f"{status} {jm['progress']}{endl}")
    elif jm.get("stream"):
        write(f"{jm['stream']}{endl}")
    else:
        write(f"{status}{endl}\n")


def display_stream(messages: Iterable[dict], write: Callable[[str], None], *, is_terminal: bool = False,
                   width: Callable[[], int] | None = None, aux: Callable[[dict], None] | None = None,
                   timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> None:
    """DisplayJSONMessagesStream: raises JSONMessageError for an error message (`timestamp`: see display_message)."""
    ids: dict[str, int] = {}
    for jm in messages:
        if jm.get("aux") is not None:
            if aux is not None:
                aux(jm)
            continue
        diff = 0
        if jm.get("id") and (jm.get("progressDetail") is not None or jm.get("progress")):
            line = ids.get(jm["id"])
            if line is None:
                line = len(ids)
                ids[jm["id"]] = line
                if is_terminal:
                    write("\n")
            diff = len(ids) - line
            if is_terminal and diff:
                write(f"{ESC}{diff}A")
        else:
            ids = {}
        try:
            display_message(jm, write, is_terminal, width() if width else 200, timestamp)
        finally:
            if jm.get("id") and is_terminal and diff:
                write(f"{ESC}{diff}B")
