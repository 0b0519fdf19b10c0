"""Small display helpers of docker/cli's formatter package (displayutils.go, stringid)."""

from __future__ import annotations

import unicodedata

from ..golang.strconv import go_quote

__all__ = ["ellipsis", "truncate_id", "char_width", "go_quote", "pretty_print"]

SHORT_ID_LENGTH = 12


def char_width(ch: str) -> int:
    """golang.org/x/text/width: East Asian Wide and Fullwidth count 2, everything else 1."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def ellipsis(text: str, max_display_width: int) -> str:
    """formatter.Ellipsis: cut to fit max_display_width columns and end with "…"."""
    if max_display_width <= 0:
        return ""
    if max_display_width == 1:
        return text[:1]
    if text.isascii():
        if len(text) <= max_display_width:
            return text
        return text[:max_display_width - 1] + "…"
    display, total = [], 0
    for ch in text:
        total += char_width(ch)
        display.append(total)
    if total <= max_display_width:
        return text
    for i in range(len(display) - 1):
        if display[i] <= max_display_width - 1 < display[i + 1]:
            return text[:i + 1] + "…"
    return text  # docker's loop finds no cut when the first character is already too wide


def truncate_id(ident: str) -> str:
    """stringid.TruncateID: drop an "algo:" prefix and keep 12 characters."""
    _, sep, rest = ident.partition(":")
    if sep:
        ident = rest
    return ident[:SHORT_ID_LENGTH]


def pretty_print(value) -> str:
    """formatter.PrettyPrint: first letter upper case, the rest lower case; None -> "None"."""
    if value is None:
        return "None"
    text = value if isinstance(value, str) else str(value)
    if len(text) <= 1:
        return text.lower()
    return text[0].upper() + text[1:].lower()
