"""/configs endpoints (Engine API 1.41, swarm managers only). Only inspect for now; the config commands add
the rest here."""
from __future__ import annotations

from .base import Endpoint


class ConfigsAPI(Endpoint):
    """Swarm configs by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "config"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /configs: every config, `filters` in the engine's form ({"name": {"x": True}})."""
        return self._get("/configs", {"filters": filters or None})

    def inspect(self, name: str) -> dict:
        """GET /configs/{id}: one config."""
        return self._get(self.path("/configs/{}", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /configs/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/configs/{}", name))
