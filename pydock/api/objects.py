"""Inspecting any kind of engine object by name (for `pydock inspect`): dispatches to the kind's own inspect."""
from __future__ import annotations

# docker's object kind -> the APIClient attribute whose inspect_raw answers for it
_ENDPOINTS = {
    "container": "containers",
    "image": "images",
    "network": "networks",
    "volume": "volumes",
    "service": "services",
    "task": "tasks",
    "node": "nodes",
    "plugin": "plugins",
    "secret": "secrets",
    "config": "configs",
}
KINDS = tuple(_ENDPOINTS)


class ObjectsAPI:
    def __init__(self, client):
        self.client = client

    def inspect_raw(self, kind: str, name: str, *, size: bool = False) -> bytes:
        """The engine's JSON for one object of `kind`, as sent. Raises NotFound, InvalidArgument …

        `size` applies to containers only; services are shown with the engine's defaults filled in, as
        `docker inspect` asks for them.
        """
        api = getattr(self.client, _ENDPOINTS[kind])
        if kind == "container":
            return api.inspect_raw(name, size=size)
        if kind == "service":
            return api.inspect_raw(name, insert_defaults=True)
        return api.inspect_raw(name)
