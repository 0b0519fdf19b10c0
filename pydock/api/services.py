"""/services endpoints (Engine API 1.41, swarm managers only). Only inspect for now; the service
commands add the rest here."""
from __future__ import annotations

from .base import Endpoint


class ServicesAPI(Endpoint):
    """Swarm services by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "service"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /services: every service, `filters` in the engine's form ({"name": {"x": True}})."""
        return self._get("/services", {"filters": filters or None})

    def inspect(self, name: str, *, insert_defaults: bool = False) -> dict:
        """GET /services/{id}: one service (`insert_defaults` fills in the engine's defaults)."""
        return self._get(self.path("/services/{}", name), {"insertDefaults": insert_defaults or None})

    def inspect_raw(self, name: str, *, insert_defaults: bool = False) -> bytes:
        """GET /services/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/services/{}", name), params={"insertDefaults": insert_defaults or None})
