"""The entry point: a closed stdin, stdout or stderr is opened on /dev/null before anything else."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import os, socket, sys
    from pydock.cli.main import open_standard_streams
    open_standard_streams()
    sock = socket.socket()  # must not take a standard fd number
    report = [sock.fileno() > 2]
    for fd, stream in ((0, sys.stdin), (1, sys.stdout), (2, sys.stderr)):
        report.append((os.readlink(f"/proc/self/fd/{fd}"), stream is not None and stream.fileno() == fd))
    print(sys.stdin.read() == "", file=sys.stdout, flush=True)
    sys.stderr.write("err\\n")
    os.write(int(sys.argv[1]), repr(report).encode())
""")


@pytest.mark.parametrize("closed", ["<&-", ">&-", "2>&-", "<&- >&- 2>&-"])
def test_closed_standard_fds_are_opened_on_dev_null(closed):
    read_end, write_end = os.pipe()
    proc = subprocess.run(["sh", "-c", f'exec "$@" {closed}', "sh", sys.executable, "-c", PROBE, str(write_end)],
                          input="", capture_output=True, text=True, pass_fds=(write_end,), timeout=30)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        report = ast.literal_eval(pipe.read())
    assert proc.returncode == 0, proc.stderr
    assert report[0] is True
    closed_fds = {"<&-": [0], ">&-": [1], "2>&-": [2]}.get(closed, [0, 1, 2])
    for fd, (target, wired) in enumerate(report[1:]):
        assert wired
        if fd in closed_fds:
            assert target == "/dev/null"
        else:
            assert target != "/dev/null"
    assert proc.stdout == ("" if 1 in closed_fds else "True\n")
    assert proc.stderr == ("" if 2 in closed_fds else "err\n")


def test_open_streams_leave_open_fds_alone():
    probe = PROBE.replace("os.write(int(sys.argv[1]), repr(report).encode())", "print(repr(report))")
    proc = subprocess.run([sys.executable, "-c", probe], input="", capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    answer, report = proc.stdout.splitlines()
    report = ast.literal_eval(report)
    assert answer == "True" and report[0] is True
    assert all(target.startswith("pipe:") and wired for target, wired in report[1:])
