"""/images endpoints (Engine API 1.41). References keep "/", ":" and "@" unquoted in paths."""
from __future__ import annotations

import posixpath

from ..transport.errors import ImageNotFound
from .base import Endpoint, minimum_version


def go_clean(path: str) -> str:
    """The path as docker's client sends it (moby/client getAPIPath joins and cleans it, as Go's
    path.Join does): "/images//history" of an empty name is "/images/history", which the engine
    answers "page not found", as it does for docker."""
    cleaned = posixpath.normpath(path)
    return "/" + cleaned.lstrip("/")


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
        response = self.t.request("DELETE", go_clean(self.path("/images/{}", name)),
                                  params={"force": force or None, "noprune": noprune or None})
        return response.json()

    def tag(self, name: str, repo: str, tag: str | None = None) -> None:
        """POST /images/{name}/tag?repo=&tag=."""
        self._send("POST", go_clean(self.path("/images/{}/tag", name)), params={"repo": repo, "tag": tag})

    def history(self, name: str) -> list[dict]:
        """GET /images/{name}/history: [{Id, Created (Unix s), CreatedBy, Tags, Size (bytes), Comment}],
        newest layer first."""
        return self._get(go_clean(self.path("/images/{}/history", name))) or []

    def save(self, names: list[str]):
        """GET /images/get?names=…: a context manager yielding the streaming tar response."""
        return self.t.stream("GET", "/images/get", params=[("names", name) for name in names])

    def load(self, data, *, quiet: bool = True):
        """POST /images/load: a context manager yielding the response (JSON messages when its
        Content-Type is application/json, else plain text). `data` is bytes or an iterator of chunks."""
        return self.t.stream("POST", "/images/load", params={"quiet": "1" if quiet else "0"}, content=data,
                             headers={"Content-Type": "application/x-tar"})

    def import_image(self, data=None, *, source: str = "-", repo: str = "", tag: str = "", message: str = "",
                     platform: str = "", changes: list[str] | None = None):
        """POST /images/create?fromSrc=…: a context manager yielding the JSON message stream.

        `source` is "-" when `data` (bytes or chunks of a tar, possibly compressed) is the body, or a
        URL the engine downloads itself."""
        query = [("fromSrc", source)] if source else []
        query += [(key, value) for key, value in (("repo", repo), ("tag", tag), ("message", message),
                                                  ("platform", platform.lower())) if value]
        query += [("changes", change) for change in changes or []]
        return self.t.stream("POST", "/images/create", params=sorted(query, key=lambda kv: kv[0]), content=data)

    @minimum_version("1.25", "image prune")
    def prune(self, filters: dict | None = None) -> dict:
        """POST /images/prune: {"ImagesDeleted": [{"Untagged": ref} or {"Deleted": id}], "SpaceReclaimed": bytes}."""
        return self._post("/images/prune", params={"filters": filters or None}) or {}

    def search(self, term: str, *, limit: int | None = None, filters: dict | None = None,
               auth: str | None = None) -> list[dict]:
        """GET /images/search: [{name, description, star_count, is_official, is_automated}], from the
        engine's registry search. `auth` is the X-Registry-Auth header value, already encoded."""
        params = {"term": term, "limit": limit if limit and limit > 0 else None, "filters": filters or None}
        headers = {"X-Registry-Auth": auth} if auth is not None else None
        return self.t.request("GET", "/images/search", params=params, headers=headers).json() or []
