"""/networks endpoints."""
from __future__ import annotations


class NetworksAPI:
    def __init__(self, transport):
        self.t = transport

    def prune(self, filters: dict | None = None) -> dict:
        """POST /networks/prune: {"NetworksDeleted": [names]}."""
        return self.t.post_json("/networks/prune", params={"filters": filters or None})
