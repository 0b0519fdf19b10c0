"""The context store: contexts/meta/<sha256(name)>/meta.json and contexts/tls/<sha256(name)>/docker/."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

from ..transport.errors import ConfigError

DEFAULT_CONTEXT = "default"


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
    try:
        with open(meta_path(config_dir, name), "rb") as f:
            meta = json.load(f)
    except FileNotFoundError:
        raise ConfigError(f"context \"{name}\": context not found: "
                          f"open {meta_path(config_dir, name)}: no such file or directory") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"context \"{name}\": {exc}") from None
    docker = (meta.get("Endpoints") or {}).get("docker") or {}
    tls = tls_dir(config_dir, name)
    return ContextEndpoint(name, docker.get("Host"), bool(docker.get("SkipTLSVerify")),
                           tls if os.path.isdir(tls) else None)
