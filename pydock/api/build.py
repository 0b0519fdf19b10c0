"""/build endpoints (the build cache, Engine API 1.41)."""
from __future__ import annotations

from .base import Endpoint, minimum_version


class BuildAPI(Endpoint):
    """The builder's cache."""

    @minimum_version("1.31", "build prune")
    def prune(self, filters: dict | None = None, *, all: bool = False) -> dict:  # noqa: A002 - the API's name
        """POST /build/prune: {"CachesDeleted": [ids] or None, "SpaceReclaimed": bytes}.

        `all` also removes cache that is not dangling. Engines before 23.0 accept `label` filters here
        but ignore them (moby's builder-next TODO): a label filter does not narrow a build cache prune.
        """
        return self._post("/build/prune", params={"all": all or None, "filters": filters or None})
