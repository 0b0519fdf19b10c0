"""/_ping, /version, /info, /events, /system/df (Engine API 1.41), and the API version in use."""
from __future__ import annotations

from typing import Mapping

from .base import Endpoint


class SystemAPI(Endpoint):
    """The engine as a whole. Commands ask it, never the transport, about versions and the engine's OS."""

    def ping(self) -> Mapping[str, str]:
        """GET /_ping: its headers (API-Version, OSType, Docker-Experimental, Swarm …), case-insensitive."""
        return self.t.ping()

    @property
    def current_version(self) -> str:
        """The API version in use now, without asking the engine: ours until negotiated (docker's
        CurrentVersion, shown by `version` even when the engine is down)."""
        return self.t.current_version

    @property
    def daemon_host(self) -> str:
        """The engine's address as docker names it ("unix:///var/run/docker.sock", "tcp://h:2376")."""
        return self.t.host.url

    def os_type(self) -> str:
        """The engine's OS ("linux", "windows") from /_ping; "linux" when it does not say."""
        return self.ping().get("OSType") or "linux"

    def experimental(self) -> bool:
        """Whether the engine runs with experimental features (/_ping's Docker-Experimental)."""
        return (self.ping().get("Docker-Experimental") or "").lower() == "true"

    def version(self) -> dict:
        """GET /version: {"Version", "ApiVersion", "MinAPIVersion", "Components" …}."""
        return self._get("/version")

    def info(self) -> dict:
        """GET /info: {"Containers", "Images", "Driver", "Swarm" …}."""
        return self._get("/info")

    def auth(self, auth_config: dict) -> dict:
        """POST /auth: check credentials with a registry through the engine (docker login).

        `auth_config` has the keys username, password, serveraddress (and identitytoken …); empty
        ones are not sent. Returns {"Status": "Login Succeeded", "IdentityToken": ""}. A refusal raises
        EngineError (401 when the registry refused the credentials)."""
        body = {key: value for key, value in auth_config.items() if value}
        return self.t.post_json("/auth", json=body) or {}

    def df(self) -> dict:
        """GET /system/df: {"LayersSize": bytes, "Images", "Containers", "Volumes", "BuildCache"}."""
        return self._get("/system/df")

    def events(self, *, filters: dict | None = None, since: str | None = None, until: str | None = None):
        """GET /events: a context manager yielding the streaming response, one JSON object per event
        ({"Type", "Action", "Actor": {"ID", "Attributes"}, "time", "timeNano" …}).

        `since`/`until` are Unix times as docker sends them ("1700000000" or "1700000000.000000001");
        without `until` the stream stays open until closed.
        """
        params = {"filters": filters or None, "since": since, "until": until}
        return self.t.stream("GET", "/events", params=params)
