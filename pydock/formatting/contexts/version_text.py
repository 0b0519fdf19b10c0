"""`docker version` without --format: docker's default template, rendered directly.

Same text as docker's defaultVersionTemplate through tabwriter.NewWriter(out, 20, 1, 1, ' ', 0),
with "Python version" where docker prints its Go version.
"""
from __future__ import annotations

import re

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)$")


def reformat_build_time(value: str) -> str:
    """RFC 3339 -> Go's time.ANSIC ("Thu May  7 21:09:36 2026"), in the time's own zone; else as is."""
    import datetime

    match = _RFC3339.match(value or "")
    if not match:
        return value
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    try:
        weekday = datetime.date(year, month, day).weekday()
    except ValueError:
        return value
    return f"{_WEEKDAYS[weekday]} {_MONTHS[month - 1]} {day:2d} {hour:02d}:{minute:02d}:{second:02d} {year}"


def version_lines(client: dict, server: dict | None) -> list[str]:
    """The template's lines, cells separated by tabs, before the tabwriter aligns them."""
    platform = (client.get("Platform") or {}).get("Name", "")
    api = client.get("APIVersion", "")
    default_api = client.get("DefaultAPIVersion", "")
    downgraded = f" (downgraded from {default_api})" if api != default_api else ""
    lines = [
        "Client:" + (f" {platform}" if platform else ""),
        f" Version:\t{client.get('Version', '')}",
        f" API version:\t{api}{downgraded}",
        f" Python version:\t{client.get('PythonVersion', '')}",
        f" Git commit:\t{client.get('GitCommit', '')}",
        f" Built:\t{client.get('BuildTime', '')}",
        f" OS/Arch:\t{client.get('Os', '')}/{client.get('Arch', '')}",
        f" Context:\t{client.get('Context', '')}",
    ]
    if server is not None:
        lines += _server_lines(server)
    return lines


def _server_lines(server: dict) -> list[str]:
    name = (server.get("Platform") or {}).get("Name", "")
    lines = ["", "Server:" + (f" {name}" if name else "")]
    for component in server.get("Components") or []:
        details = component.get("Details") or {}
        lines.append(f" {component.get('Name', '')}:")
        if component.get("Name") == "Engine":
            d = lambda key: details.get(key, "")  # noqa: E731, B023 - used at once; Go's index on a map: "" when absent
            lines += [
                f"  Version:\t{component.get('Version', '')}",
                f"  API version:\t{d('ApiVersion')} (minimum version {d('MinAPIVersion')})",
                f"  Go version:\t{d('GoVersion')}",
                f"  Git commit:\t{d('GitCommit')}",
                f"  Built:\t{d('BuildTime')}",
                f"  OS/Arch:\t{d('Os')}/{d('Arch')}",
                f"  Experimental:\t{d('Experimental')}",
            ]
        else:
            lines.append(f"  Version:\t{component.get('Version', '')}")
            lines += [f"  {key}:\t{details[key]}" for key in sorted(details)]
    return lines


def version_text(client: dict, server: dict | None) -> str:
    from ...golang.tabwriter import TabWriter

    writer = TabWriter(minwidth=20, tabwidth=1, padding=1, padchar=" ", flags=0)
    writer.write("\n".join(version_lines(client, server)) + "\n")
    return writer.flush()
