"""/exec endpoints (Engine API 1.41): processes started inside a running container."""
from __future__ import annotations

from .base import Endpoint


class ExecAPI(Endpoint):
    """Exec instances by ID (as POST /containers/{id}/exec returned it)."""

    def create(self, container: str, body: dict) -> dict:
        """POST /containers/{id}/exec with an ExecConfig body ({"Cmd", "AttachStdout" …}): {"Id"}."""
        return self._post(self.path("/containers/{}/exec", container, kind="container"), json=body)

    def _start_body(self, detach: bool, tty: bool, console_size: list[int] | None) -> dict:
        body = {"Detach": detach, "Tty": tty}
        if console_size and self.version_at_least("1.42"):  # [height, width]; older engines refuse it
            body["ConsoleSize"] = console_size
        return body

    def start_detached(self, exec_id: str, *, tty: bool = False, console_size: list[int] | None = None) -> None:
        """POST /exec/{id}/start with Detach: the process runs on its own."""
        self._send("POST", self.path("/exec/{}/start", exec_id), json=self._start_body(True, tty, console_size))

    def start_attached(self, exec_id: str, *, tty: bool = False, console_size: list[int] | None = None):
        """POST /exec/{id}/start, hijacked; returns a HijackedStream (framed unless `tty`)."""
        from ..streams.hijack import HijackedStream

        response, stream = self.t.upgrade(self.path("/exec/{}/start", exec_id),
                                          json=self._start_body(False, tty, console_size))
        return HijackedStream(response, stream)

    def resize(self, exec_id: str, height: int, width: int) -> None:
        """POST /exec/{id}/resize?h=&w= (characters)."""
        self._send("POST", self.path("/exec/{}/resize", exec_id), params={"h": height, "w": width})

    def inspect(self, exec_id: str) -> dict:
        """GET /exec/{id}/json: {"ExitCode", "Running", "Pid", "ProcessConfig" …}."""
        return self._get(self.path("/exec/{}/json", exec_id))
