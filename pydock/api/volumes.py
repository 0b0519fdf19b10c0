"""/volumes endpoints."""
from __future__ import annotations


class VolumesAPI:
    def __init__(self, transport):
        self.t = transport

    def prune(self, filters: dict | None = None) -> dict:
        """POST /volumes/prune: {"VolumesDeleted": [names], "SpaceReclaimed": bytes}.

        Before API 1.42 every unused volume matching the filters goes, named ones too."""
        return self.t.post_json("/volumes/prune", params={"filters": filters or None})
