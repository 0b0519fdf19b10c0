"""APIClient: one engine connection, one attribute per object kind, each loaded on first use."""
from __future__ import annotations

import importlib
import os
from functools import cached_property

# attribute -> (module, class): every one an api.base.Endpoint over the same transport
_KINDS = {
    "system": ("pydock.api.system", "SystemAPI"),
    "containers": ("pydock.api.containers", "ContainersAPI"),
    "exec": ("pydock.api.exec", "ExecAPI"),
    "images": ("pydock.api.images", "ImagesAPI"),
    "networks": ("pydock.api.networks", "NetworksAPI"),
    "volumes": ("pydock.api.volumes", "VolumesAPI"),
    "plugins": ("pydock.api.plugins", "PluginsAPI"),
    "services": ("pydock.api.services", "ServicesAPI"),
    "tasks": ("pydock.api.tasks", "TasksAPI"),
    "nodes": ("pydock.api.nodes", "NodesAPI"),
    "secrets": ("pydock.api.secrets", "SecretsAPI"),
    "configs": ("pydock.api.configs", "ConfigsAPI"),
    "build": ("pydock.api.build", "BuildAPI"),
}


class APIClient:
    """The Engine API, one attribute per kind (`client.containers.inspect(id)` …), over one transport."""

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

    @cached_property
    def objects(self):
        """Any kind by name (`inspect`): dispatches to the kind's own endpoint."""
        from .objects import ObjectsAPI

        return ObjectsAPI(self)

    def close(self) -> None:
        self.transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
