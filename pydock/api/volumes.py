"""/volumes endpoints (Engine API 1.41)."""
from __future__ import annotations

from .base import Endpoint, minimum_version


class VolumesAPI(Endpoint):
    """Volumes by name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "volume"

    def list(self, filters: dict | None = None) -> dict:
        """GET /volumes: the engine's {"Volumes": [...] or None, "Warnings": [...] or None}.

        `filters` in the engine's form, e.g. {"dangling": {"true": True}} (dangling, driver, label, name).
        """
        return self._get("/volumes", {"filters": filters or None})

    def inspect(self, name: str) -> dict:
        """GET /volumes/{name}: {"Name", "Driver", "Mountpoint", "Labels", "Options", "Scope", "CreatedAt"}."""
        return self._get(self.path("/volumes/{}", name))

    def inspect_raw(self, name: str) -> bytes:
        """GET /volumes/{name}: the engine's JSON as sent."""
        return self._raw("GET", self.path("/volumes/{}", name))

    def create(self, body: dict) -> dict:
        """POST /volumes/create with {"Name", "Driver", "DriverOpts", "Labels"} (an empty Name lets the
        engine generate one): the volume, as inspect returns it."""
        return self._post("/volumes/create", json=body)

    def remove(self, name: str, *, force: bool = False) -> None:
        """DELETE /volumes/{name}; an engine before API 1.25 gets no `force`, as docker's client sends it."""
        force = force and self.version_at_least("1.25")
        self._send("DELETE", self.path("/volumes/{}", name), params={"force": force or None})

    @minimum_version("1.42", "volume update")
    def update(self, volume_id: str, version: int, spec: dict) -> None:
        """PUT /volumes/{id}?version=N with {"Spec": spec}: change a cluster volume (moby client's
        VolumeUpdate). `volume_id` is the cluster volume's ID (inspect's ClusterVolume.ID), `version`
        its ClusterVolume.Version.Index (the swarm object version the change is based on), `spec` the
        whole ClusterVolumeSpec ({"Group", "AccessMode", "Availability" …}). Raises InvalidVersion
        before API 1.42, NotFound, or EngineError (a stale version, not a swarm manager …)."""
        self._send("PUT", self.path("/volumes/{}", volume_id), params={"version": str(version)}, json={"Spec": spec})

    @minimum_version("1.25", "volume prune")
    def prune(self, filters: dict | None = None) -> dict:
        """POST /volumes/prune: {"VolumesDeleted": [names] or None, "SpaceReclaimed": bytes}."""
        return self._post("/volumes/prune", params={"filters": filters or None})
