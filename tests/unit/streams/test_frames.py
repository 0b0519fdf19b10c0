"""The 8-byte multiplexed stream framing: [stream, 0, 0, 0, big-endian uint32 length] + payload."""
from __future__ import annotations

import struct

from hypothesis import given
from hypothesis import strategies as st

from pydock.streams.frames import STDERR, STDIN, STDOUT, FrameDecoder, collect, demux, raw


def frame(stream: int, payload: bytes) -> bytes:
    return struct.pack(">BxxxL", stream, len(payload)) + payload


def test_header_layout():
    assert frame(STDOUT, b"hi") == b"\x01\x00\x00\x00\x00\x00\x00\x02hi"


def test_whole_frames():
    data = frame(STDOUT, b"out\n") + frame(STDERR, b"err\n")
    assert list(demux([data])) == [(STDOUT, b"out\n"), (STDERR, b"err\n")]


def test_frames_split_anywhere():
    data = frame(STDOUT, b"hello ") + frame(STDERR, b"oops") + frame(STDOUT, b"world")
    for cut in range(len(data) + 1):
        assert list(demux([data[:cut], data[cut:]])) == \
            [(STDOUT, b"hello "), (STDERR, b"oops"), (STDOUT, b"world")], cut


def test_byte_by_byte():
    data = frame(STDOUT, b"abc") + frame(STDERR, b"")
    assert list(demux(data[i:i + 1] for i in range(len(data)))) == [(STDOUT, b"abc"), (STDERR, b"")]


def test_empty_payload_and_stdin_id():
    assert list(demux([frame(STDIN, b"") + frame(STDOUT, b"x")])) == [(STDIN, b""), (STDOUT, b"x")]


def test_incomplete_frame_stays_pending():
    decoder = FrameDecoder()
    assert decoder.feed(frame(STDOUT, b"abcdef")[:10]) == []
    assert decoder.pending == 10
    assert decoder.feed(b"cdef") == [(STDOUT, b"abcdef")]
    assert decoder.pending == 0


def test_large_payload():
    payload = bytes(range(256)) * 4096  # 1 MiB
    data = frame(STDOUT, payload)
    chunks = [data[i:i + 32768] for i in range(0, len(data), 32768)]
    assert list(demux(chunks)) == [(STDOUT, payload)]


def test_binary_payload_is_untouched():
    payload = b"\x00\x01\xff\r\n\x1b[0m"
    assert list(demux([frame(STDERR, payload)])) == [(STDERR, payload)]


def test_raw_tty_stream_is_all_stdout():
    assert list(raw([b"a", b"", b"\x01\x00\x00\x00"])) == [(STDOUT, b"a"), (STDOUT, b"\x01\x00\x00\x00")]


def test_collect():
    frames = [(STDOUT, b"1"), (STDERR, b"2"), (STDOUT, b"3")]
    assert collect(frames) == (b"13", b"2")


@given(st.lists(st.tuples(st.sampled_from([STDOUT, STDERR]), st.binary(max_size=64)), max_size=20),
       st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=10))
def test_any_chunking_gives_the_same_frames(frames, sizes):
    data = b"".join(frame(s, p) for s, p in frames)
    chunks, pos, i = [], 0, 0
    while pos < len(data):
        size = sizes[i % len(sizes)]
        chunks.append(data[pos:pos + size])
        pos += size
        i += 1
    assert list(demux(chunks)) == frames
