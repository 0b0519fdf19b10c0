"""/volumes endpoints. Every method returns plain data (dicts, bytes)."""
from __future__ import annotations

from urllib.parse import quote


def _path(name: str) -> str:
    from .networks import object_id

    return f"/volumes/{quote(object_id('volume', name), safe='')}"


class VolumesAPI:
    def __init__(self, transport):
        self.t = transport

    def list(self, filters: dict | None = None) -> dict:
        """GET /volumes: the engine's {"Volumes": [...], "Warnings": [...]}."""
        return self.t.get_json("/volumes", {"filters": filters or None}) or {}

    def inspect(self, name: str) -> dict:
        """GET /volumes/{name}. Raises NotFound."""
        return self.t.get_json(_path(name))

    def inspect_raw(self, name: str) -> bytes:
        """The engine's JSON as sent."""
        return self.t.request("GET", _path(name)).content

    def create(self, body: dict) -> dict:
        """POST /volumes/create with a volume.CreateOptions (opts.volume.create_request); returns the volume."""
        return self.t.post_json("/volumes/create", json=body)

    def remove(self, name: str, force: bool = False) -> None:
        self.t.request("DELETE", _path(name), params={"force": 1 if force else None})

    def prune(self, filters: dict | None = None) -> dict:
        """POST /volumes/prune; returns {"VolumesDeleted": [names…], "SpaceReclaimed": bytes}."""
        return self.t.post_json("/volumes/prune", params={"filters": filters or None}) or {}
