"""Failed writes to the standard streams (cli.output): swallowed and remembered, checked, logged, reported."""
from __future__ import annotations

import io
import os
import re

import pytest

from pydock.cli.output import GuardedStream, WriteFailed, write_checked, write_logged, write_reported


@pytest.fixture
def full():
    """A text stream on /dev/full (every write: ENOSPC), guarded as cli.main guards stdout."""
    stream = open(os.open("/dev/full", os.O_WRONLY), "w", encoding="utf-8")
    yield GuardedStream(stream, "stdout")
    stream.close()


def test_a_failed_write_is_swallowed_and_remembered(full):
    full.write("table\n")
    full.flush()
    assert full.failure is not None and full.failure.strerror == "No space left on device"
    full.buffer.write(b"more")  # the descriptor now writes to /dev/null: nothing fails again, even at exit
    full.flush()


def test_a_checked_write_fails_in_gos_words(full):
    with pytest.raises(WriteFailed) as caught:
        write_checked(full, "version\n")
    assert (caught.value.message, caught.value.status) == ("write /dev/stdout: no space left on device", 1)


def test_a_checked_write_to_an_unguarded_stream_fails_the_same_way():
    with open(os.open("/dev/full", os.O_WRONLY), "wb", buffering=0) as raw:
        with pytest.raises(WriteFailed, match="^write /dev/stdout: no space left on device$"):
            write_checked(io.TextIOWrapper(raw, write_through=True), "x")


def test_inspect_logs_the_failure_and_help_reports_it(full):
    err = io.StringIO()
    write_logged(full, b"[]\n", err)
    assert re.fullmatch(r'time="[0-9T:+Z-]+" level=error msg="write /dev/stdout: no space left on device"\n',
                        err.getvalue())
    err = io.StringIO()
    write_reported(full, "Usage:\n", err)
    assert err.getvalue() == "write /dev/stdout: no space left on device\n"


def test_a_closed_pipe_is_not_swallowed():
    read, write = os.pipe()
    os.close(read)
    stream = GuardedStream(open(write, "w", encoding="utf-8"), "stdout")
    with pytest.raises(BrokenPipeError):
        stream.write("x")
        stream.flush()
    assert stream.failure is None
