"""/secrets endpoints (Engine API 1.41, swarm managers only). Only inspect for now; the secret commands add
the rest here."""
from __future__ import annotations

from .base import Endpoint


class SecretsAPI(Endpoint):
    """Swarm secrets by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "secret"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /secrets: every secret, `filters` in the engine's form ({"name": {"x": True}})."""
        return self._get("/secrets", {"filters": filters or None})

    def inspect(self, name: str) -> dict:
        """GET /secrets/{id}: one secret."""
        return self._get(self.path("/secrets/{}", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /secrets/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/secrets/{}", name))
