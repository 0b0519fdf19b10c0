"""`volume ls` rows: docker/cli's formatter.volumeContext (cli/command/formatter/volume.go)."""
from __future__ import annotations

from .base import Context, ListingSpec, go_value

HEADERS = {
    "ID": "ID", "Name": "VOLUME NAME", "Group": "GROUP", "Driver": "DRIVER", "Scope": "SCOPE",
    "Availability": "AVAILABILITY", "Mountpoint": "MOUNTPOINT", "Labels": "LABELS", "Links": "LINKS",
    "Size": "SIZE", "Status": "STATUS",
}


class VolumeContext(Context):
    """One volume from GET /volumes (its "Volumes" entries)."""

    go_type_name = "*formatter.volumeContext"
    json_fields = ("Availability", "Driver", "Group", "Labels", "Links", "Mountpoint", "Name", "Scope", "Size",
                   "Status")

    def __init__(self, volume: dict | None = None):
        self.v = volume or {}

    def go_fields(self) -> list[tuple[str, object]]:
        return [("v", go_value("volume.Volume", self.v))]

    def Name(self) -> str:  # noqa: N802 - Go's field names
        return self.v.get("Name") or ""

    def Driver(self) -> str:  # noqa: N802
        return self.v.get("Driver") or ""

    def Scope(self) -> str:  # noqa: N802
        return self.v.get("Scope") or ""

    def Mountpoint(self) -> str:  # noqa: N802
        return self.v.get("Mountpoint") or ""

    def Labels(self) -> str:  # noqa: N802 - docker joins a Go map (random order): pydock sorts
        labels = self.v.get("Labels")
        if labels is None:
            return ""
        return ",".join(f"{k}={v}" for k, v in sorted(labels.items()))

    def Label(self, name: str) -> str:  # noqa: N802
        return (self.v.get("Labels") or {}).get(name, "")

    def Links(self) -> str:  # noqa: N802
        usage = self.v.get("UsageData")
        return "N/A" if usage is None else str(usage.get("RefCount") or 0)

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size

        usage = self.v.get("UsageData")
        return "N/A" if usage is None else human_size(float(usage.get("Size") or 0), 4)

    def Group(self) -> str:  # noqa: N802
        cluster = self.v.get("ClusterVolume")
        return "N/A" if cluster is None else ((cluster.get("Spec") or {}).get("Group") or "")

    def Availability(self) -> str:  # noqa: N802
        cluster = self.v.get("ClusterVolume")
        return "N/A" if cluster is None else ((cluster.get("Spec") or {}).get("Availability") or "")

    def Status(self) -> str:  # noqa: N802
        cluster = self.v.get("ClusterVolume")
        if cluster is None:
            return "N/A"
        if not (cluster.get("Info") or {}).get("VolumeID"):
            return "pending creation"
        published = len(cluster.get("PublishStatus") or [])
        if published == 0:
            return "created"
        return "in use (1 node)" if published == 1 else f"in use ({published} nodes)"


SPEC = ListingSpec(context=VolumeContext, config_key="volumesFormat", headers=HEADERS,
                   default_table="table {{.Driver}}\t{{.Name}}", quiet_format="{{.Name}}",
                   raw_format="name: {{.Name}}\\ndriver: {{.Driver}}\\n", raw_quiet_format="name: {{.Name}}",
                   quiet_beats_custom=False)


def cluster_spec() -> ListingSpec:
    """`volume ls --cluster`: docker's cluster table, whatever --format or volumesFormat say."""
    from dataclasses import replace

    return replace(SPEC, default_table="table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}",
                   config_key=None)
