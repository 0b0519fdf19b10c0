"""Volumes in the Python API: client.volumes.create/get/list/prune, Volume.remove."""
from __future__ import annotations

from ..api.base import as_filters
from .resource import Collection, Model


class Volume(Model):
    """A volume; its ID is its name. `attrs` is GET /volumes/{name} (or a list entry)."""

    id_attribute = "Name"

    @property
    def name(self) -> str:
        return self.attrs["Name"]

    def remove(self, force: bool = False) -> None:
        """Remove this volume (DELETE /volumes/{name}); one in use raises APIError (409)."""
        self.client.api.volumes.remove(self.id, force=force)


class VolumeCollection(Collection):
    """The engine's volumes."""

    model = Volume

    def create(self, name: str | None = None, driver: str | None = None, driver_opts: dict | None = None,
               labels: dict | None = None) -> Volume:
        """Create a volume (the engine names it when `name` is None) and return it."""
        if driver_opts is not None and not isinstance(driver_opts, dict):
            raise TypeError("driver_opts must be a dictionary")
        if labels is not None and not isinstance(labels, dict):
            raise TypeError("labels must be a dictionary")
        body = {"Name": name, "Driver": driver, "DriverOpts": driver_opts, "Labels": labels}
        return self.prepare_model(self.client.api.volumes.create({k: v for k, v in body.items() if v is not None}))

    def get(self, volume_id: str) -> Volume:
        """One volume by name (GET /volumes/{name}). Raises NotFound."""
        return self.prepare_model(self.client.api.volumes.inspect(volume_id))

    def list(self, filters: dict | None = None) -> list[Volume]:
        """Volumes (GET /volumes), filtered by dangling, driver, label, name."""
        answer = self.client.api.volumes.list(as_filters(filters))
        return [self.prepare_model(v) for v in answer.get("Volumes") or []]

    def prune(self, filters: dict | None = None) -> dict:
        """Remove unused volumes (POST /volumes/prune): {"VolumesDeleted": [names], "SpaceReclaimed": bytes}."""
        return self.client.api.volumes.prune(as_filters(filters))
