"""The engine's multiplexed stdout/stderr framing (used only when the container has no TTY).

Each frame: 1 byte stream id (0 stdin, 1 stdout, 2 stderr), 3 zero bytes, a big-endian uint32
length, then the payload.
"""
from __future__ import annotations

import struct
from typing import Iterable, Iterator

STDIN, STDOUT, STDERR = 0, 1, 2
HEADER = struct.Struct(">BxxxL")


class FrameDecoder:
    """Incremental decoder: feed bytes, get complete (stream, payload) frames back.

    Consumed bytes are dropped in one step per feed, so long streams stay linear.
    """

    def __init__(self):
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[tuple[int, bytes]]:
        buf = self._buf
        buf += data
        frames = []
        pos = 0
        size = len(buf)
        while size - pos >= 8:
            stream, length = HEADER.unpack_from(buf, pos)
            end = pos + 8 + length
            if end > size:
                break
            frames.append((stream, bytes(buf[pos + 8:end])))
            pos = end
        if pos:
            del buf[:pos]
        return frames

    @property
    def pending(self) -> int:
        return len(self._buf)


def demux(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    decoder = FrameDecoder()
    for chunk in chunks:
        yield from decoder.feed(chunk)


def raw(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """A TTY stream carries no frames: everything is stdout."""
    for chunk in chunks:
        if chunk:
            yield STDOUT, chunk


def collect(frames: Iterable[tuple[int, bytes]]) -> tuple[bytes, bytes]:
    out, err = bytearray(), bytearray()
    for stream, payload in frames:
        (err if stream == STDERR else out).extend(payload)
    return bytes(out), bytes(err)
