"""ssh:// hosts: HTTP over `ssh … docker system dial-stdio`, as an httpcore network backend."""
from __future__ import annotations

import os
import select
import subprocess
import typing

import httpcore

from .hosts import Host


def ssh_command(host: Host, extra_flags: list[str] | None = None) -> list[str]:
    """The ssh argv docker 28's connection helper runs (verified with a fake ssh on PATH)."""
    flags = list(extra_flags if extra_flags is not None else _env_flags())
    if "ConnectTimeout" not in "".join(flags):
        flags.append("-o ConnectTimeout=30")  # one argument, as docker passes it
    if "-T" not in flags:
        flags.append("-T")  # no pseudo-terminal: the remote must not run a login shell
    cmd = ["ssh", *flags]
    if host.user:
        cmd += ["-l", host.user]
    if host.port:
        cmd += ["-p", str(host.port)]
    remote = ["docker", "system", "dial-stdio"]
    if host.path.strip("/"):
        remote = ["docker", "--host", f"unix://{host.path}", "system", "dial-stdio"]
    return cmd + ["--", host.address, *remote]


def _env_flags() -> list[str]:
    extra = os.environ.get("DOCKER_SSH_OPTS") or os.environ.get("PYDOCK_SSH_OPTS")
    return extra.split() if extra else []


def exited_text(argv: list[str], returncode: int, stderr: bytes) -> str:
    """docker's commandconn error when the ssh child ended: the argv as Go prints a []string, the
    *exec.ExitError ("exit status 255", "signal: killed") and ssh's stderr as it came (often
    ending in "\\r\\n")."""
    import signal

    if returncode < 0:
        name = signal.strsignal(-returncode) or f"signal {-returncode}"
        status = "signal: " + name[:1].lower() + name[1:]
    else:
        status = f"exit status {returncode}"
    return (f"command [{' '.join(argv)}] has exited with {status}, make sure the URL is valid, and Docker 18.09 "
            f"or later is installed on the remote host: stderr={stderr.decode(errors='replace')}")


class SSHExited(httpcore.ReadError):
    """The ssh child ended with a failure before the engine answered; str() is docker's text."""


class SSHWriteExited(httpcore.WriteError):
    """As SSHExited, seen while writing the request."""


class SSHStream(httpcore.NetworkStream):
    """The stdin/stdout pipes of one ssh child, read and written as a byte stream."""

    def __init__(self, argv: list[str]):
        self._argv = argv
        self._stderr: bytes | None = None
        try:
            # A new session keeps the terminal's Ctrl-C away from the tunnel.
            self._proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True, bufsize=0,
            )
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot run ssh: {exc}") from exc
        self._out = self._proc.stdout.fileno()
        self._in = self._proc.stdin.fileno()

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        ready, _, _ = select.select([self._out], [], [], timeout)
        if not ready:
            raise httpcore.ReadTimeout("timed out reading from ssh")
        data = os.read(self._out, max_bytes)
        if not data:
            self._raise_if_failed(SSHExited)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        view = memoryview(buffer)
        try:
            while view:
                written = os.write(self._in, view)
                view = view[written:]
        except BrokenPipeError as exc:
            self._raise_if_failed(SSHWriteExited)
            raise httpcore.WriteError("ssh connection closed") from exc

    def shutdown_write(self) -> None:
        if self._proc.stdin and not self._proc.stdin.closed:
            self._proc.stdin.close()

    def close(self) -> None:
        self.shutdown_write()
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        for pipe in (self._proc.stdout, self._proc.stderr):
            if pipe:
                pipe.close()

    def get_extra_info(self, info: str) -> typing.Any:
        return self if info == "pydock_half_close" else None

    def _raise_if_failed(self, error: type) -> None:
        """ssh closed its end: once it has exited (a moment later), a failure is docker's error."""
        try:
            status = self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return
        if status:
            if self._stderr is None:  # read once: httpcore reads the answer after a failed write too
                try:
                    self._stderr = self._proc.stderr.read()
                except (OSError, ValueError):
                    self._stderr = b""
            raise error(exited_text(self._argv, status, self._stderr))


class SSHBackend(httpcore.NetworkBackend):
    def __init__(self, host: Host):
        self._argv = ssh_command(host)

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        return SSHStream(self._argv)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return SSHStream(self._argv)

    def sleep(self, seconds: float) -> None:
        import time

        time.sleep(seconds)
