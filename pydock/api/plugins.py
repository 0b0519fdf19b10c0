"""/plugins endpoints (Engine API 1.41). Only inspect for now; the plugin commands add the rest here."""
from __future__ import annotations

from .base import Endpoint


class PluginsAPI(Endpoint):
    """Plugins by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "plugin"
    safe = "/:@"

    def inspect(self, name: str) -> dict:
        """GET /plugins/{name}/json: one plugin."""
        return self._get(self.path("/plugins/{}/json", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /plugins/{name}/json: the engine's JSON as sent."""
        return self._raw("GET", self.path("/plugins/{}/json", name))
