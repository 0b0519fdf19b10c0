"""The attach pump: demultiplexing, raw TTY output, stdin half-close and the detach keys."""
from __future__ import annotations

import io
import os
import queue
import struct
import threading

from pydock.streams.pump import DETACHED, DONE, Pump, fd_writer, stdin_reader, stream_io


def frame(stream: int, payload: bytes) -> bytes:
    return struct.pack(">BxxxL", stream, len(payload)) + payload


class FakeConn:
    """A hijacked connection: scripted reads; records writes and the half-close."""

    def __init__(self, chunks=(), block_until_input_ends=False):
        self.reads: queue.SimpleQueue = queue.SimpleQueue()
        for chunk in chunks:
            self.reads.put(chunk)
        if not block_until_input_ends:
            self.reads.put(b"")
        self.written = bytearray()
        self.half_closed = threading.Event()
        self.shut = False

    def read(self, max_bytes=65536):
        return self.reads.get(timeout=5)

    def write(self, data):
        self.written += data

    def close_write(self):
        self.half_closed.set()

    def shutdown(self):
        self.shut = True
        self.reads.put(b"")

    def close(self):
        pass


def collect():
    out, err = bytearray(), bytearray()
    return out, err, out.extend, err.extend


def test_frames_are_split_to_stdout_and_stderr_across_chunks():
    data = frame(1, b"hello ") + frame(2, b"oops\n") + frame(1, b"world\n")
    chunks = [data[:3], data[3:11], data[11:]]
    out, err, write_out, write_err = collect()
    assert Pump(FakeConn(chunks), False, write_out, write_err).run() == DONE
    assert (bytes(out), bytes(err)) == (b"hello world\n", b"oops\n")


def test_tty_output_is_raw_bytes():
    out, err, write_out, write_err = collect()
    raw = b"\x01\x00\x00\x00 not a frame \xff"
    Pump(FakeConn([raw]), True, write_out, write_err).run()
    assert bytes(out) == raw and not err


def test_stdin_is_copied_then_half_closed():
    conn = FakeConn([frame(1, b"hi\n")], block_until_input_ends=True)
    inputs = iter([b"hi\n", b""])
    out, _, write_out, write_err = collect()

    def read_input():
        data = next(inputs)
        if not data:
            threading.Timer(0.05, lambda: conn.reads.put(b"")).start()
        return data

    assert Pump(conn, False, write_out, write_err, read_input=read_input).run() == DONE
    assert bytes(conn.written) == b"hi\n"
    assert conn.half_closed.wait(1)
    assert bytes(out) == b"hi\n"


def test_detach_keys_end_the_session_and_are_not_sent():
    conn = FakeConn(block_until_input_ends=True)
    inputs = iter([b"ls\r", b"\x10", b"\x11"])
    ended = []
    pump = Pump(conn, True, None, None, read_input=lambda: next(inputs), detach_keys=b"\x10\x11",
                on_input_end=lambda: ended.append(True))
    assert pump.run() == DETACHED
    assert bytes(conn.written) == b"ls\r"
    assert conn.shut and ended and not conn.half_closed.is_set()


def test_without_tty_the_detach_keys_pass_through():
    conn = FakeConn([b""], block_until_input_ends=True)
    done = threading.Event()
    inputs = iter([b"\x10\x11", b""])

    def read_input():
        data = next(inputs)
        if not data:
            done.set()
        return data
    Pump(conn, False, None, None, read_input=read_input, detach_keys=b"\x10\x11").run()
    done.wait(1)
    conn.half_closed.wait(1)
    assert bytes(conn.written) == b"\x10\x11"


def test_fd_writer_and_stdin_reader_use_file_descriptors(tmp_path):
    path = tmp_path / "out"
    with open(path, "wb") as f:
        fd_writer(f)(b"\x00bytes\xff")
    assert path.read_bytes() == b"\x00bytes\xff"
    read, write = os.pipe()
    os.write(write, b"abc")
    os.close(write)
    with os.fdopen(read, "rb") as f:
        reader = stdin_reader(f)
        assert reader() == b"abc" and reader() == b""
    buffer = io.BytesIO()
    fd_writer(buffer)(b"x")
    assert buffer.getvalue() == b"x"


def test_stream_io_without_a_terminal_never_goes_raw():
    out = io.BytesIO()
    assert stream_io(FakeConn([frame(1, b"a")]), tty=False, stdout=out, stderr=io.BytesIO()) == DONE
    assert out.getvalue() == b"a"
