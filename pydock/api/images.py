"""/images endpoints."""
from __future__ import annotations

import posixpath
from urllib.parse import quote


def _path(name: str, action: str = "") -> str:
    """/images/{name}[/action], cleaned as Go's path.Join cleans docker's request paths: an empty name
    gives "/images/history", which the engine answers "page not found", as it does for docker."""
    path = posixpath.normpath(f"/images/{quote(name, safe='/:@')}" + (f"/{action}" if action else ""))
    return "/" + path.lstrip("/")


class ImagesAPI:
    def __init__(self, transport):
        self.t = transport

    def list(self, *, all: bool = False, filters: dict | None = None, digests: bool = False) -> list[dict]:
        return self.t.get_json("/images/json", {"all": all or None, "filters": filters or None,
                                                "digests": digests or None})

    def inspect(self, name: str) -> dict:
        return self.t.get_json(_path(name, "json"))

    def pull(self, image: str, tag: str | None = None, *, platform: str | None = None,
             auth: str | None = None):
        """A context manager yielding the streaming response of JSON progress messages.

        `auth` is the X-Registry-Auth header value, already encoded.
        """
        headers = {"X-Registry-Auth": auth} if auth else None
        params = {"fromImage": image, "tag": tag, "platform": platform}
        return self.t.stream("POST", "/images/create", params=params, headers=headers)

    def remove(self, name: str, *, force: bool = False, noprune: bool = False) -> list[dict]:
        response = self.t.request("DELETE", _path(name),
                                  params={"force": force or None, "noprune": noprune or None})
        return response.json()

    def tag(self, name: str, repo: str, tag: str | None = None) -> None:
        self.t.request("POST", _path(name, "tag"), params={"repo": repo, "tag": tag})

    def inspect_raw(self, name: str) -> bytes:
        """The engine's JSON as sent (docker indents these bytes rather than re-encoding them).

        An empty name is refused before any request, as docker's client does."""
        from ..transport.errors import NotFound

        if not name:
            raise NotFound(404, "Error: No such image: ", from_daemon=False)
        return self.t.request("GET", _path(name, "json")).content

    def history(self, name: str) -> list[dict]:
        """[{Id, Created (Unix s), CreatedBy, Tags, Size (bytes), Comment}], newest layer first."""
        return self.t.get_json(_path(name, "history")) or []

    def save(self, names: list[str]):
        """GET /images/get: a context manager yielding the streaming tar response."""
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

    def prune(self, filters: dict | None = None) -> dict:
        """{"ImagesDeleted": [{"Untagged"|"Deleted": …}], "SpaceReclaimed": bytes}."""
        return self.t.post_json("/images/prune", params={"filters": filters or None}) or {}

    def search(self, term: str, *, limit: int | None = None, filters: dict | None = None,
               auth: str | None = None) -> list[dict]:
        """[{name, description, star_count, is_official, is_automated}] from the engine's registry search."""
        params = {"term": term, "limit": limit if limit and limit > 0 else None, "filters": filters or None}
        headers = {"X-Registry-Auth": auth} if auth is not None else None
        return self.t.request("GET", "/images/search", params=params, headers=headers).json() or []
