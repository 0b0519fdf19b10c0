"""/_ping, /version, /info, /events, /system/df."""
from __future__ import annotations


class SystemAPI:
    def __init__(self, transport):
        self.t = transport

    def ping(self) -> dict[str, str]:
        return self.t.ping()

    def api_version(self) -> str:
        """The API version spoken with the engine ("1.41"): negotiated by a ping unless fixed."""
        return self.t.api_version

    def version_at_least(self, version: str) -> bool:
        """Whether the API version spoken is `version` ("1.42") or newer."""
        return self.t.version_at_least(version)

    def version(self) -> dict:
        return self.t.get_json("/version")

    def info(self) -> dict:
        return self.t.get_json("/info")

    def auth(self, auth_config: dict) -> dict:
        """POST /auth: check credentials with a registry through the engine (docker login).

        `auth_config` has the keys username, password, serveraddress (and identitytoken …); empty
        ones are not sent. Returns {"Status": "Login Succeeded", "IdentityToken": ""}. A refusal raises
        EngineError (401 when the registry refused the credentials)."""
        body = {key: value for key, value in auth_config.items() if value}
        return self.t.post_json("/auth", json=body) or {}

    def df(self) -> dict:
        return self.t.get_json("/system/df")

    def events(self, *, filters: dict | None = None, since: str | None = None, until: str | None = None):
        """A context manager yielding the streaming /events response (JSON objects, one per event)."""
        params = {"filters": filters or None, "since": since, "until": until}
        return self.t.stream("GET", "/events", params=params)
