"""Newline-delimited JSON streams (pull, push, build, events, stats)."""
from __future__ import annotations

import json
from typing import Iterable, Iterator


class JSONStreamError(ValueError):
    """The stream ended with bytes that are not a whole JSON value: cut inside a message (the engine
    or a proxy went away) or not JSON at all. `data` holds them, from the first undecodable byte;
    docker's json.Decoder reports Go's "unexpected EOF" or "invalid character …" for them
    (golang.jsondecode.decoder_error). docker-py calls this StreamParseError (`msg`)."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.data = data
        self.msg = f"the stream ended with data that is not JSON: {data[:80]!r}"

    def __str__(self) -> str:
        return self.msg


def json_objects(chunks: Iterable[bytes]) -> Iterator[dict]:
    """Split a byte stream into JSON values; tolerates values split across chunks or sharing a line.

    Raises JSONStreamError once the stream has ended if anything but white space is left that is not
    a whole value: a cut or corrupt stream is never taken for a complete one."""
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
    rest = buf.encode("utf-8", "surrogateescape") + pending
    if rest.strip(b" \t\r\n"):
        raise JSONStreamError(rest)
