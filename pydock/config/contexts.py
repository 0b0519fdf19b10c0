"""The context store: contexts/meta/<sha256(name)>/meta.json and contexts/tls/<sha256(name)>/docker/."""
from __future__ import annotations

import os

from ..transport.errors import ConfigError

DEFAULT_CONTEXT = "default"
_UNTYPED = ("map", "any")


class ContextEndpoint:
    """A context's docker endpoint: `host` (None for "default"), `tls_dir` holding ca.pem, cert.pem and
    key.pem when the context has TLS material. (A plain class: completion reads contexts on every TAB.)"""

    def __init__(self, name: str, host: str | None, skip_tls_verify: bool = False, tls_dir: str | None = None):
        self.name, self.host, self.skip_tls_verify, self.tls_dir = name, host, skip_tls_verify, tls_dir

    def __eq__(self, other):
        return isinstance(other, ContextEndpoint) and vars(self) == vars(other)

    def __repr__(self):
        return f"ContextEndpoint({self.name!r}, {self.host!r}, {self.skip_tls_verify!r}, {self.tls_dir!r})"


def list_contexts(config_dir: str) -> list[tuple[str, str]]:
    """(name, description) of "default" and every stored context, sorted by name after "default"; the
    description is the context's own, else its docker host. Unreadable entries are left out (for
    completion, which must never fail)."""
    import json

    found = []
    meta_root = os.path.join(config_dir, "contexts", "meta")
    try:
        entries = os.listdir(meta_root)
    except OSError:
        entries = []
    for entry in entries:
        try:
            with open(os.path.join(meta_root, entry, "meta.json"), "rb") as f:
                meta = json.load(f)
            name = _field(meta, "Name")
            docker = _field(_field(meta, "Endpoints") or {}, "docker") or {}
            text = _field(_field(meta, "Metadata") or {}, "Description") or _field(docker, "Host") or ""
            found.append((str(name), str(text)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return [(DEFAULT_CONTEXT, "Current DOCKER_HOST based configuration")] + sorted(
        c for c in found if c[0] != DEFAULT_CONTEXT)


def context_dir_id(name: str) -> str:
    """The store's directory name for a context: the SHA-256 of its name, in hex."""
    import hashlib  # not at the top: completion lists the store on every TAB without it

    return hashlib.sha256(name.encode()).hexdigest()


def meta_path(config_dir: str, name: str) -> str:
    return os.path.join(config_dir, "contexts", "meta", context_dir_id(name), "meta.json")


def tls_dir(config_dir: str, name: str) -> str:
    return os.path.join(config_dir, "contexts", "tls", context_dir_id(name), "docker")


def load_endpoint(config_dir: str, name: str) -> ContextEndpoint:
    """The docker endpoint of a stored context; "default" means no stored endpoint."""
    if name == DEFAULT_CONTEXT:
        return ContextEndpoint(name, None)
    docker = _docker_endpoint(name, meta_path(config_dir, name))
    tls = tls_dir(config_dir, name)
    return ContextEndpoint(name, docker.get("Host"), bool(docker.get("SkipTLSVerify")),
                           tls if os.path.isdir(tls) else None)


def _field(obj: dict, key: str):
    """obj[key] matched as Go's encoding/json matches field names (case-insensitively)."""
    return next((value for name, value in obj.items() if name.lower() == key.lower()), None)


def _meta_struct():
    """docker 28's reading of meta.json: untyped first, then the metadata and each endpoint by its type."""
    from ..golang.jsondecode import Struct

    return Struct("store.untypedContextMetadata", {"metadata": "raw", "endpoints": ("map", "raw"), "name": "string"})


def _docker_endpoint(name: str, path: str) -> dict:
    from ..golang.jsondecode import GoJSONError, Struct, check, decode

    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise ConfigError(f'context "{name}": context not found: open {path}: no such file or directory') from None
    except OSError as exc:
        op = "read" if isinstance(exc, IsADirectoryError) else "open"
        text = exc.strerror or str(exc)
        raise ConfigError(f'context "{name}": {op} {path}: {text[:1].lower() + text[1:]}') from None
    try:
        meta, error = decode(raw, _meta_struct(), whole=True)
    except GoJSONError as exc:
        meta, error = {}, str(exc)
    endpoints = meta.get("endpoints") or {}
    if error is None:
        error = check(meta.get("metadata"), _UNTYPED)[1]
    if error is None and endpoints.get("docker") is not None:
        docker, error = check(endpoints["docker"], Struct("context.EndpointMetaBase",
                                                          {"Host": "string", "SkipTLSVerify": "bool"}))
    for other in endpoints:
        if error is None and other != "docker":
            error = check(endpoints[other], _UNTYPED)[1]
    if error is not None:
        raise ConfigError(f'context "{name}": parsing {path}: {error}')
    if "docker" not in endpoints:
        raise ConfigError("cannot find docker endpoint in context")
    if endpoints["docker"] is None:
        raise ConfigError('endpoint "docker" is not of type EndpointMeta')
    return docker
