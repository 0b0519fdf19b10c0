"""Newline-delimited JSON streams (pull, push, build, events, stats)."""
from __future__ import annotations

import json
from typing import Iterable, Iterator


def json_objects(chunks: Iterable[bytes]) -> Iterator[dict]:
    """Split a byte stream into JSON values; tolerates values split across chunks or sharing a line."""
    decoder = json.JSONDecoder()
    buf = ""
    pending = b""
    for chunk in chunks:
        try:
            buf += (pending + chunk).decode()
            pending = b""
        except UnicodeDecodeError:
            pending += chunk
            continue
        pos = 0
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            if pos >= len(buf):
                break
            try:
                obj, end = decoder.raw_decode(buf, pos)
            except ValueError:
                break
            yield obj
            pos = end
        buf = buf[pos:]
