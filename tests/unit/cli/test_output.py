"""Failed writes to the standard streams (cli.output.GoStream): dropped and remembered, or turned into
the command's error where docker returns it; help reports it; a closed pipe is not swallowed."""
from __future__ import annotations

import io
import os

import pytest

from pydock.cli.errors import StatusError
from pydock.cli.output import GoStream, fail_on_write_error, print_help, write_stream_bytes


@pytest.fixture
def full():
    """A text stream on /dev/full (every write: ENOSPC), wrapped as cli.main wraps stdout."""
    stream = open(os.open("/dev/full", os.O_WRONLY), "w", encoding="utf-8")
    yield GoStream(stream, "stdout")
    stream.close()


def test_a_failed_write_is_dropped_and_remembered(full):
    full.write("table\n")
    full.flush()
    assert full.write_error is not None and full.write_error.strerror == "No space left on device"
    full.buffer.write(b"more")  # the descriptor now writes to /dev/null: nothing fails again, even at exit
    full.flush()


def test_a_write_docker_checks_fails_in_gos_words(full):
    with pytest.raises(StatusError) as caught:
        write_stream_bytes(full, b"archive")
    assert (caught.value.message, caught.value.status) == ("write /dev/stdout: no space left on device", 1)
    fail_on_write_error(GoStream(io.StringIO(), "stdout"))  # nothing failed: nothing raised


def test_help_reports_the_failed_write_on_stderr(full, monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    print_help("Usage:", full)
    assert err.getvalue() == "write /dev/stdout: no space left on device\n"


def test_a_closed_pipe_is_not_swallowed():
    read, write = os.pipe()
    os.close(read)
    raw = open(write, "w", encoding="utf-8")
    stream = GoStream(raw, "stdout")
    with pytest.raises(BrokenPipeError):
        stream.write("x")
        stream.flush()
    assert stream.write_error is None
    os.dup2(os.open(os.devnull, os.O_WRONLY), raw.fileno())  # let the pending "x" go at close
