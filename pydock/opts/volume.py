"""`volume create`'s flags into the body of POST /volumes/create."""
from __future__ import annotations


def create_request(name: str = "", *, driver: str = "local", driver_opts=(), labels=(),
                   cluster_spec: dict | None = None) -> dict:
    """volume.CreateOptions as docker 28 sends it: every field omitted when empty.

    `driver_opts` and `labels` are "key=value" strings (a bare key maps to ""); `cluster_spec`
    comes from cluster_volume_spec.
    """
    from .env import kv_to_map

    body = {"ClusterVolumeSpec": cluster_spec, "Driver": driver, "DriverOpts": kv_to_map(driver_opts),
            "Labels": kv_to_map(labels), "Name": name}
    return {key: (dict(sorted(value.items())) if key != "ClusterVolumeSpec" and isinstance(value, dict) else value)
            for key, value in body.items() if value}


def cluster_volume_spec(*, group: str = "", scope: str = "single", sharing: str = "none",
                        availability: str = "active", access_type: str = "block", secrets=(),
                        required_bytes: int | None = None, limit_bytes: int | None = None,
                        topology_required=(), topology_preferred=()) -> dict:
    """The ClusterVolumeSpec of `volume create --group/--scope/…` (docker's runCreate, API 1.42+).

    `secrets` are "key=secret" strings (sent sorted by key); a topology is "segment=value,…";
    sizes are in bytes (None: not given, sent as 0).
    """
    from .env import kv_to_map

    access = {"Scope": scope, "Sharing": sharing}
    if access_type in ("mount", "block"):
        access["MountVolume" if access_type == "mount" else "BlockVolume"] = {}
    spec = {"Group": group, "AccessMode": {k: v for k, v in access.items() if v != ""},
            "AccessibilityRequirements": {"Requisite": [_topology(t) for t in topology_required],
                                          "Preferred": [_topology(t) for t in topology_preferred]},
            "CapacityRange": {"RequiredBytes": max(required_bytes or 0, 0), "LimitBytes": max(limit_bytes or 0, 0)},
            "Secrets": [{"Key": k, "Secret": v} for k, v in sorted(kv_to_map(secrets).items())],
            "Availability": availability}
    spec["AccessibilityRequirements"] = {k: v for k, v in spec["AccessibilityRequirements"].items() if v}
    return {k: v for k, v in spec.items() if k in ("AccessibilityRequirements", "CapacityRange") or v}


def _topology(text: str) -> dict:
    segments = dict(segment.partition("=")[::2] for segment in text.split(","))
    return {"Segments": dict(sorted(segments.items()))} if segments else {}
