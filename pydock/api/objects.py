"""Inspecting any kind of engine object by name, as raw JSON bytes (for `pydock inspect`)."""
from __future__ import annotations

from urllib.parse import quote

# kind -> (path template, extra query); the name is quoted into the path
_PATHS = {
    "container": ("/containers/{}/json", {}),
    "image": ("/images/{}/json", {}),
    "network": ("/networks/{}", {}),
    "volume": ("/volumes/{}", {}),
    "service": ("/services/{}", {"insertDefaults": True}),
    "task": ("/tasks/{}", {}),
    "node": ("/nodes/{}", {}),
    "plugin": ("/plugins/{}/json", {}),
    "secret": ("/secrets/{}", {}),
    "config": ("/configs/{}", {}),
}
KINDS = tuple(_PATHS)


class ObjectsAPI:
    def __init__(self, transport):
        self.t = transport

    def inspect_raw(self, kind: str, name: str, *, size: bool = False) -> bytes:
        """The engine's JSON for one object, as sent. Raises NotFound and friends."""
        template, params = _PATHS[kind]
        safe = "/:@" if kind in ("image", "plugin") else ""
        if kind == "container" and size:
            params = {"size": True}
        return self.t.request("GET", template.format(quote(name, safe=safe)), params=params or None).content
