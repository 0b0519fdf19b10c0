"""`network ls` rows: docker/cli's network.networkContext (cli/command/network/formatter.go)."""
from __future__ import annotations

from ..displayutils import truncate_id
from .base import Context, ListingSpec, go_value

HEADERS = {
    "ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv4": "IPV4", "IPv6": "IPV6",
    "Internal": "INTERNAL", "Labels": "LABELS", "CreatedAt": "CREATED AT",
}


def _go_bool(value) -> str:
    return "true" if value else "false"


class NetworkContext(Context):
    """One network summary from GET /networks; `trunc` is false with --no-trunc."""

    go_type_name = "*network.networkContext"
    json_fields = ("CreatedAt", "Driver", "ID", "IPv4", "IPv6", "Internal", "Labels", "Name", "Scope")

    def __init__(self, summary: dict | None = None, trunc: bool = True):
        self.n = summary or {}
        self.trunc = trunc

    def go_fields(self) -> list[tuple[str, object]]:
        return [("trunc", self.trunc), ("n", go_value("network.Inspect", self.n))]  # network.Summary = Inspect

    def ID(self) -> str:  # noqa: N802 - Go's field names
        ident = self.n.get("Id") or ""
        return truncate_id(ident) if self.trunc else ident

    def Name(self) -> str:  # noqa: N802
        return self.n.get("Name") or ""

    def Driver(self) -> str:  # noqa: N802
        return self.n.get("Driver") or ""

    def Scope(self) -> str:  # noqa: N802
        return self.n.get("Scope") or ""

    def IPv4(self) -> str:  # noqa: N802 - engines before API 1.48 do not send EnableIPv4: Go's zero value
        return _go_bool(self.n.get("EnableIPv4"))

    def IPv6(self) -> str:  # noqa: N802
        return _go_bool(self.n.get("EnableIPv6"))

    def Internal(self) -> str:  # noqa: N802
        return _go_bool(self.n.get("Internal"))

    def Labels(self) -> str:  # noqa: N802 - docker joins a Go map (random order): pydock sorts
        labels = self.n.get("Labels")
        if labels is None:
            return ""
        return ",".join(f"{k}={v}" for k, v in sorted(labels.items()))

    def Label(self, name: str) -> str:  # noqa: N802
        return (self.n.get("Labels") or {}).get(name, "")

    def CreatedAt(self) -> str:  # noqa: N802 - time.Time.String()
        from ...golang.structs import GoTime

        return GoTime(self.n.get("Created") or "0001-01-01T00:00:00Z").String()


SPEC = ListingSpec(context=NetworkContext, config_key="networksFormat", headers=HEADERS,
                   default_table="table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}", quiet_format="{{.ID}}",
                   raw_format="network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n",
                   raw_quiet_format="network_id: {{.ID}}", quiet_beats_custom=False)
