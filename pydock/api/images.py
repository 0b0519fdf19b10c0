"""/images endpoints."""
from __future__ import annotations

from urllib.parse import quote


class ImagesAPI:
    def __init__(self, transport):
        self.t = transport

    def list(self, *, all: bool = False, filters: dict | None = None, digests: bool = False) -> list[dict]:
        return self.t.get_json("/images/json", {"all": all or None, "filters": filters or None,
                                                "digests": digests or None})

    def inspect(self, name: str) -> dict:
        return self.t.get_json(f"/images/{quote(name, safe='/:@')}/json")

    def pull(self, image: str, tag: str | None = None, *, platform: str | None = None,
             auth: str | None = None):
        """A context manager yielding the streaming response of JSON progress messages.

        `auth` is the X-Registry-Auth header value, already encoded.
        """
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
        return self.t.stream("POST", f"/images/{quote(name, safe='/:@')}/push", params=params,
                             headers=headers)

    def remove(self, name: str, *, force: bool = False, noprune: bool = False) -> list[dict]:
        response = self.t.request("DELETE", f"/images/{quote(name, safe='/:@')}",
                                  params={"force": force or None, "noprune": noprune or None})
        return response.json()

    def tag(self, name: str, repo: str, tag: str | None = None) -> None:
        self.t.request("POST", f"/images/{quote(name, safe='/:@')}/tag", params={"repo": repo, "tag": tag})
