"""The context store: contexts/meta/<sha256(name)>/meta.json and contexts/tls/<sha256(name)>/docker/."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from ..golang.jsondecode import GoJSONError, Struct, check, decode
from ..transport.errors import ConfigError

DEFAULT_CONTEXT = "default"

# docker 28's reading of meta.json: untyped first, then the metadata and each endpoint by its type
_META = Struct("store.untypedContextMetadata", {"metadata": "raw", "endpoints": ("map", "raw"), "name": "string"})
_DOCKER_ENDPOINT = Struct("context.EndpointMetaBase", {"Host": "string", "SkipTLSVerify": "bool"})
_UNTYPED = ("map", "any")


@dataclass
class ContextEndpoint:
    name: str
    host: str | None
    skip_tls_verify: bool = False
    tls_dir: str | None = None  # holds ca.pem, cert.pem, key.pem when the context has TLS material


def context_dir_id(name: str) -> str:
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


def _docker_endpoint(name: str, path: str) -> dict:
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
        meta, error = decode(raw, _META, whole=True)
    except GoJSONError as exc:
        meta, error = {}, str(exc)
    endpoints = meta.get("endpoints") or {}
    if error is None:
        error = check(meta.get("metadata"), _UNTYPED)[1]
    if error is None and endpoints.get("docker") is not None:
        docker, error = check(endpoints["docker"], _DOCKER_ENDPOINT)
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
