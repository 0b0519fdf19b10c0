"""/nodes endpoints (Engine API 1.41, swarm managers only). Only inspect for now; the node commands add
the rest here."""
from __future__ import annotations

from .base import Endpoint


class NodesAPI(Endpoint):
    """Swarm nodes by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "node"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /nodes: every node, `filters` in the engine's form ({"name": {"x": True}})."""
        return self._get("/nodes", {"filters": filters or None})

    def inspect(self, name: str) -> dict:
        """GET /nodes/{id}: one node."""
        return self._get(self.path("/nodes/{}", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /nodes/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/nodes/{}", name))
