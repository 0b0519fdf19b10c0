"""Registry credentials stored in config.json's `auths`, as docker reads and sends them.

`config` is a ConfigFile (anything with .get(key)). Keys are registry addresses; Docker Hub's is
INDEX_SERVER. Credential helpers (credsStore, credHelpers) are not consulted yet.
"""
from __future__ import annotations

import base64
import json

INDEX_SERVER = "https://index.docker.io/v1/"


def _auths(config) -> dict:
    return config.get("auths") or {}


def encoded_auth(config, registry: str) -> str:
    """X-Registry-Auth for `registry` ("docker.io", "127.0.0.1:5000"): URL-safe base64 of the JSON
    {"username","password","serveraddress"} (or {"identitytoken","serveraddress"}) stored for it,
    else of "{}" (as docker sends). Never raises on a malformed entry: that is sent as "{}"."""
    key = INDEX_SERVER if registry == "docker.io" else registry
    auths = _auths(config)
    entry = auths.get(key) or auths.get(f"https://{key}") or auths.get(f"http://{key}") or {}
    auth = {}
    if entry.get("auth"):
        try:
            user, _, password = base64.b64decode(entry["auth"]).decode().partition(":")
            auth = {"username": user, "password": password, "serveraddress": key}
        except (ValueError, UnicodeDecodeError):
            auth = {}
    elif entry.get("identitytoken"):
        auth = {"identitytoken": entry["identitytoken"], "serveraddress": key}
    raw = json.dumps(auth, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def stored_auths(config) -> dict:
    """config.json's auths as docker saves them: per registry, only the encoded secret and tokens
    ("auth", "email", "identitytoken", "registrytoken") that are set."""
    kept = {}
    for key, entry in _auths(config).items():
        entry = entry or {}
        kept[key] = {name: entry[name] for name in ("auth", "email", "identitytoken", "registrytoken")
                     if entry.get(name)}
    return kept


def hub_username(config) -> str:
    """The user logged in to Docker Hub ("" when none), as `docker info` shows it."""
    entry = _auths(config).get(INDEX_SERVER) or {}
    if entry.get("username"):
        return entry["username"]
    try:
        return base64.b64decode(entry.get("auth") or "").decode().partition(":")[0]
    except ValueError:
        return ""
