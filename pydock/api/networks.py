"""/networks endpoints. Every method returns plain data (dicts, lists, bytes)."""
from __future__ import annotations

from urllib.parse import quote


def object_id(kind: str, value: str) -> str:
    """docker's client trims an object's name or ID and refuses an empty one (before any request)."""
    from ..transport.errors import DockerError

    value = value.strip()
    if not value:
        raise DockerError(f"invalid {kind} name or ID: value is empty")
    return value


def _path(network: str, action: str = "") -> str:
    path = f"/networks/{quote(object_id('network', network), safe='')}"
    return f"{path}/{action}" if action else path


class NetworksAPI:
    def __init__(self, transport):
        self.t = transport

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /networks: network summaries, in the engine's order. `filters` is {"name": {"value": True}}."""
        return self.t.get_json("/networks", {"filters": filters or None}) or []

    def inspect(self, id: str, verbose: bool = False, scope: str | None = None) -> dict:  # noqa: A002 - docker-py's name
        """GET /networks/{id}. Raises NotFound."""
        return self.t.get_json(_path(id), self._inspect_params(verbose, scope))

    def inspect_raw(self, id: str, verbose: bool = False, scope: str | None = None) -> bytes:  # noqa: A002
        """The engine's JSON as sent (docker indents these bytes rather than re-encoding them)."""
        return self.t.request("GET", _path(id), params=self._inspect_params(verbose, scope)).content

    @staticmethod
    def _inspect_params(verbose: bool, scope: str | None) -> dict:
        return {"verbose": "true" if verbose else None, "scope": scope or None}

    def create(self, body: dict) -> dict:
        """POST /networks/create with a network.CreateRequest (opts.network.create_request);
        returns {"Id", "Warning"}. Engines before API 1.44 are asked to refuse a duplicate name,
        as docker's client does."""
        if not self.t.version_at_least("1.44") and "CheckDuplicate" not in body:
            body = {**body, "CheckDuplicate": True}
        return self.t.post_json("/networks/create", json=body)

    def remove(self, id: str) -> None:  # noqa: A002
        self.t.request("DELETE", _path(id))

    def connect(self, id: str, body: dict) -> None:  # noqa: A002
        """POST /networks/{id}/connect with {"Container", "EndpointConfig"}; the container's name is
        trimmed as docker's client does."""
        path = _path(id, "connect")
        body = {**body, "Container": object_id("container", body.get("Container") or "")}
        self.t.request("POST", path, json=body)

    def disconnect(self, id: str, body: dict) -> None:  # noqa: A002
        """POST /networks/{id}/disconnect with {"Container", "Force"}."""
        path = _path(id, "disconnect")
        body = {**body, "Container": object_id("container", body.get("Container") or "")}
        self.t.request("POST", path, json=body)

    def prune(self, filters: dict | None = None) -> dict:
        """POST /networks/prune; returns {"NetworksDeleted": [names…]}."""
        return self.t.post_json("/networks/prune", params={"filters": filters or None}) or {}
