"""/networks endpoints (Engine API 1.41)."""
from __future__ import annotations

from .base import Endpoint, minimum_version


class NetworksAPI(Endpoint):
    """Networks by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "network"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /networks: the engine's network objects (Name, Id, Driver, Scope, IPAM, Labels …).

        `filters` in the engine's form, e.g. {"driver": {"bridge": True}} (dangling, driver, id, label,
        name, scope, type).
        """
        return self._get("/networks", {"filters": filters or None})

    def inspect(self, network: str, *, verbose: bool = False, scope: str | None = None) -> dict:
        """GET /networks/{id}: one network with its Containers (and, with `verbose`, swarm Services)."""
        return self._get(self.path("/networks/{}", network), self._inspect_params(verbose, scope))

    def inspect_raw(self, network: str, *, verbose: bool = False, scope: str | None = None) -> bytes:
        """GET /networks/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/networks/{}", network), params=self._inspect_params(verbose, scope))

    @staticmethod
    def _inspect_params(verbose: bool, scope: str | None) -> dict:
        return {"verbose": "true" if verbose else None, "scope": scope or None}

    def create(self, body: dict) -> dict:
        """POST /networks/create with a NetworkCreateRequest ({"Name", "Driver", "IPAM", "Options",
        "Labels", "Internal", "Attachable", "EnableIPv6" …}): {"Id", "Warning"}."""
        return self._post("/networks/create", json=body)

    def remove(self, network: str) -> None:
        """DELETE /networks/{id}; a network with endpoints is refused by the engine (403)."""
        self._send("DELETE", self.path("/networks/{}", network))

    def connect(self, network: str, body: dict) -> None:
        """POST /networks/{id}/connect with {"Container": id or name, "EndpointConfig": {...}}."""
        path = self.path("/networks/{}/connect", network)
        self._send("POST", path, json={**body, "Container": self._checked(body.get("Container", ""), "container")})

    def disconnect(self, network: str, body: dict) -> None:
        """POST /networks/{id}/disconnect with {"Container": id or name, "Force": bool}."""
        path = self.path("/networks/{}/disconnect", network)
        self._send("POST", path, json={**body, "Container": self._checked(body.get("Container", ""), "container")})

    @minimum_version("1.25", "network prune")
    def prune(self, filters: dict | None = None) -> dict:
        """POST /networks/prune: {"NetworksDeleted": [names] or None}."""
        return self._post("/networks/prune", params={"filters": filters or None})
