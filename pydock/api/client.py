"""APIClient: one engine connection, one attribute per object kind, each loaded on first use."""
from __future__ import annotations

import importlib
import os

_KINDS = {
    "system": ("pydock.api.system", "SystemAPI"),
    "containers": ("pydock.api.containers", "ContainersAPI"),
    "exec": ("pydock.api.exec", "ExecAPI"),
    "images": ("pydock.api.images", "ImagesAPI"),
    "networks": ("pydock.api.networks", "NetworksAPI"),
    "volumes": ("pydock.api.volumes", "VolumesAPI"),
    "build": ("pydock.api.build", "BuildAPI"),
    "objects": ("pydock.api.objects", "ObjectsAPI"),
}


class APIClient:
    def __init__(self, transport=None):
        if transport is None:
            from ..transport.client import Transport

            transport = Transport(os.environ.get("DOCKER_HOST"))
        self.transport = transport

    def __getattr__(self, name: str):
        if name not in _KINDS:
            raise AttributeError(name)
        module, cls = _KINDS[name]
        api = getattr(importlib.import_module(module), cls)(self.transport)
        setattr(self, name, api)
        return api

    def close(self) -> None:
        self.transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
