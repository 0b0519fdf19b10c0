"""/images endpoints (Engine API 1.41). References keep "/", ":" and "@" unquoted in paths."""
from __future__ import annotations

from ..transport.errors import ImageNotFound
from .base import Endpoint, minimum_version


class ImagesAPI(Endpoint):
    """Images by ID, digest or reference."""

    safe = "/:@"

    def list(self, *, all: bool = False, filters: dict | None = None, digests: bool = False) -> list[dict]:
        """GET /images/json: summaries (Id, RepoTags, RepoDigests, Created, Size …)."""
        return self._get("/images/json", {"all": all or None, "filters": filters or None,
                                          "digests": digests or None})

    def inspect(self, name: str) -> dict:
        """GET /images/{name}/json. An empty name raises ImageNotFound, as docker's client does."""
        return self._get(self._inspect_path(name))

    def inspect_raw(self, name: str) -> bytes:
        """The engine's JSON for one image, as sent."""
        return self._raw("GET", self._inspect_path(name))

    def _inspect_path(self, name: str) -> str:
        if not name:
            raise ImageNotFound(404, "Error: No such image: ", from_daemon=False)
        return self.path("/images/{}/json", name)

    def pull(self, image: str, tag: str | None = None, *, platform: str | None = None,
             auth: str | None = None):
        """POST /images/create?fromImage=: a context manager yielding the streaming response of JSON
        progress messages. `auth` is the X-Registry-Auth header value, already encoded."""
        headers = {"X-Registry-Auth": auth} if auth else None
        params = {"fromImage": image, "tag": tag, "platform": platform}
        return self.t.stream("POST", "/images/create", params=params, headers=headers)

    def push(self, name: str, tag: str | None = None, *, auth: str | None = None, platform: str | None = None):
        """POST /images/{name}/push: a context manager yielding the streaming response of JSON
        progress messages. `name` is the familiar name ("127.0.0.1:5000/app", "user/app"); without
        `tag` every tag of the repository is pushed. `auth` is the X-Registry-Auth value, already
        encoded; `platform` the JSON of an OCI platform (API 1.46)."""
        headers = {"X-Registry-Auth": auth} if auth else None
        params = {"tag": tag, "platform": platform}
        return self.t.stream("POST", self.path("/images/{}/push", name), params=params, headers=headers)

    def remove(self, name: str, *, force: bool = False, noprune: bool = False) -> list[dict]:
        """DELETE /images/{name}: [{"Untagged": ref} | {"Deleted": id}, ...]."""
        response = self.t.request("DELETE", self.path("/images/{}", name),
                                  params={"force": force or None, "noprune": noprune or None})
        return response.json()

    def tag(self, name: str, repo: str, tag: str | None = None) -> None:
        """POST /images/{name}/tag?repo=&tag=."""
        self._send("POST", self.path("/images/{}/tag", name), params={"repo": repo, "tag": tag})

    @minimum_version("1.25", "image prune")
    def prune(self, filters: dict | None = None) -> dict:
        """POST /images/prune: {"ImagesDeleted": [{"Untagged": ref} or {"Deleted": id}], "SpaceReclaimed": bytes}."""
        return self._post("/images/prune", params={"filters": filters or None})
