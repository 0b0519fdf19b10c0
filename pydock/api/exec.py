"""/exec endpoints."""
from __future__ import annotations

from urllib.parse import quote


class ExecAPI:
    def __init__(self, transport):
        self.t = transport

    def create(self, container: str, body: dict) -> dict:
        return self.t.post_json(f"/containers/{quote(container, safe='')}/exec", json=body)

    def start_detached(self, exec_id: str, *, tty: bool = False, console_size: list[int] | None = None) -> None:
        body = {"Detach": True, "Tty": tty}
        if console_size and self.t.version_at_least("1.42"):
            body["ConsoleSize"] = console_size
        self.t.request("POST", f"/exec/{exec_id}/start", json=body)

    def start_attached(self, exec_id: str, *, tty: bool = False, console_size: list[int] | None = None):
        """Start and hijack; returns a HijackedStream."""
        from ..streams.hijack import HijackedStream

        body = {"Detach": False, "Tty": tty}
        if console_size and self.t.version_at_least("1.42"):
            body["ConsoleSize"] = console_size
        response, stream = self.t.upgrade(f"/exec/{exec_id}/start", json=body)
        return HijackedStream(response, stream)

    def resize(self, exec_id: str, height: int, width: int) -> None:
        self.t.request("POST", f"/exec/{exec_id}/resize", params={"h": height, "w": width})

    def inspect(self, exec_id: str) -> dict:
        return self.t.get_json(f"/exec/{exec_id}/json")
