"""/build endpoints (the build cache)."""
from __future__ import annotations


class BuildAPI:
    def __init__(self, transport):
        self.t = transport

    def prune(self, filters: dict | None = None, *, all: bool = False) -> dict:  # noqa: A002 - the API's name
        """POST /build/prune: {"CachesDeleted": [ids], "SpaceReclaimed": bytes}.

        `all` also removes cache that is not dangling. Engines before 23.0 accept but ignore `label`
        filters here (moby's builder-next TODO), so a label filter does not narrow the build cache prune.
        """
        return self.t.post_json("/build/prune", params={"all": all or None, "filters": filters or None})
