"""The ssh command line for ssh:// hosts, as docker 28 runs it (observed with a fake ssh on PATH):
`ssh -o ConnectTimeout=30 -T [-l user] [-p port] -- host docker [--host unix://path] system dial-stdio`."""
from __future__ import annotations

import sys

import pytest

from pydock.transport.hosts import parse_host
from pydock.transport.ssh import SSHStream, ssh_command

BASE = ["ssh", "-o ConnectTimeout=30", "-T"]
DIAL = ["docker", "system", "dial-stdio"]


@pytest.fixture(autouse=True)
def _no_ssh_opts(monkeypatch):
    monkeypatch.delenv("DOCKER_SSH_OPTS", raising=False)
    monkeypatch.delenv("PYDOCK_SSH_OPTS", raising=False)


@pytest.mark.parametrize("url, middle", [
    ("ssh://host", []),
    ("ssh://user@host", ["-l", "user"]),
    ("ssh://user@host:22", ["-l", "user", "-p", "22"]),
    ("ssh://host:2222", ["-p", "2222"]),
])
def test_command(url, middle):
    host = parse_host(url)
    assert ssh_command(host) == BASE + middle + ["--", host.address] + DIAL


def test_remote_socket_path():
    host = parse_host("ssh://host/var/run/x.sock")
    assert ssh_command(host) == BASE + ["--", "host", "docker", "--host", "unix:///var/run/x.sock",
                                        "system", "dial-stdio"]


def test_root_path_is_no_socket_path():
    assert ssh_command(parse_host("ssh://host/"))[-3:] == DIAL


def test_host_is_after_double_dash():
    # a host starting with "-" must never be read as an ssh option
    cmd = ssh_command(parse_host("ssh://-oProxyCommand=x"))
    assert cmd[cmd.index("--") + 1] == "-oProxyCommand=x"


def test_extra_flags_keep_their_own_timeout_and_tty_choice():
    host = parse_host("ssh://host")
    assert ssh_command(host, ["-o", "ConnectTimeout=5", "-T"]) == \
        ["ssh", "-o", "ConnectTimeout=5", "-T", "--", "host"] + DIAL
    assert ssh_command(host, ["-v"]) == ["ssh", "-v", "-o ConnectTimeout=30", "-T", "--", "host"] + DIAL


def test_stream_over_a_child_process():
    """SSHStream pipes bytes through the child's stdin/stdout and half-closes on shutdown_write."""
    echo = [sys.executable, "-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().upper())"]
    stream = SSHStream(echo)
    try:
        stream.write(b"ping\n")
        stream.shutdown_write()
        data = b""
        while True:
            chunk = stream.read(1024, timeout=10)
            if not chunk:
                break
            data += chunk
        assert data == b"PING\n"
    finally:
        stream.close()


def test_missing_program_is_a_connect_error():
    import httpcore

    with pytest.raises(httpcore.ConnectError):
        SSHStream(["/nonexistent/pydt-ssh"])


def test_a_failed_child_is_dockers_commandconn_error_read_or_written():
    """The child's failure, its stderr as written (read once: httpcore reads an answer after a failed write)."""
    from pydock.transport.ssh import SSHExited, SSHWriteExited

    failing = [sys.executable, "-c", "import os, sys; sys.stderr.write('Host key verification failed.\\r\\n'); "
               "os._exit(255)"]
    expected = (f"command [{' '.join(failing)}] has exited with exit status 255, make sure the URL is valid, and "
                "Docker 18.09 or later is installed on the remote host: stderr=Host key verification failed.\r\n")
    stream = SSHStream(failing)
    try:
        with pytest.raises((SSHExited, SSHWriteExited)) as first:
            stream.write(b"x" * 1_000_000)  # more than a pipe holds: the write fails once the child is gone
            stream.read(1024, timeout=10)
        with pytest.raises(SSHExited) as second:
            stream.read(1024, timeout=10)
        assert str(first.value) == str(second.value) == expected
    finally:
        stream.close()


def test_a_child_killed_by_a_signal_reads_as_go_prints_it():
    from pydock.transport.ssh import exited_text

    assert exited_text(["ssh", "-o ConnectTimeout=30", "h"], -9, b"").startswith(
        "command [ssh -o ConnectTimeout=30 h] has exited with signal: killed, make sure")
    assert exited_text(["ssh"], -15, b"").startswith("command [ssh] has exited with signal: terminated,")
