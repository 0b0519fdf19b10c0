"""/tasks endpoints (Engine API 1.41, swarm managers only). Only inspect for now; the task commands add
the rest here."""
from __future__ import annotations

from .base import Endpoint


class TasksAPI(Endpoint):
    """Swarm tasks by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "task"

    def list(self, filters: dict | None = None) -> list[dict]:
        """GET /tasks: every task, `filters` in the engine's form ({"name": {"x": True}})."""
        return self._get("/tasks", {"filters": filters or None})

    def inspect(self, name: str) -> dict:
        """GET /tasks/{id}: one task."""
        return self._get(self.path("/tasks/{}", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /tasks/{id}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/tasks/{}", name))
