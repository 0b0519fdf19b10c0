"""read_failure: a stream broken while reading, in the words of docker's Go client."""
from __future__ import annotations

import errno

import httpx

from pydock.transport.errors import StreamInterrupted, read_failure


def _wrapped(os_error: OSError) -> httpx.ReadError:
    try:
        try:
            raise os_error
        except OSError as exc:
            raise httpx.ReadError(str(exc)) from exc
    except httpx.ReadError as error:
        return error


def test_a_body_cut_before_its_last_chunk_is_unexpected_eof():
    error = read_failure(httpx.RemoteProtocolError("peer closed connection without sending complete message body "
                                                   "(incomplete chunked read)"), "unix", "/var/run/docker.sock")
    assert isinstance(error, StreamInterrupted) and str(error) == "unexpected EOF"


def test_a_reset_on_a_unix_socket_is_gos_op_error():
    error = read_failure(_wrapped(ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")), "unix",
                         "/var/run/docker.sock")
    assert str(error) == "read unix @->/var/run/docker.sock: read: connection reset by peer"


def test_other_failures_keep_the_reason_without_pythons_errno():
    error = read_failure(_wrapped(ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")), "tcp",
                         "127.0.0.1:2375")
    assert str(error) == "error reading from the Docker daemon: connection reset by peer"
    assert str(read_failure(httpx.ReadError("connection reset"), "unix", "/x.sock")) == \
        "error reading from the Docker daemon: connection reset"
