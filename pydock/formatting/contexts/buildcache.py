"""Build cache rows: docker/cli's formatter.buildCacheContext (cli/command/formatter/buildcache.go)
over one /system/df BuildCache record."""
from __future__ import annotations

from ..displayutils import truncate_id
from .base import Context, go_value

HEADERS = {
    "ID": "CACHE ID", "Parent": "PARENT", "CacheType": "CACHE TYPE", "Size": "SIZE", "CreatedSince": "CREATED",
    "LastUsedSince": "LAST USED", "UsageCount": "USAGE", "InUse": "IN USE", "Shared": "SHARED",
    "Description": "DESCRIPTION",
}
RAW_FORMAT = ("build_cache_id: {{.ID}}\nparent_id: {{.Parent}}\nbuild_cache_type: {{.CacheType}}\n"
              "description: {{.Description}}\ncreated_at: {{.CreatedAt}}\ncreated_since: {{.CreatedSince}}\n"
              "last_used_at: {{.LastUsedAt}}\nlast_used_since: {{.LastUsedSince}}\nusage_count: {{.UsageCount}}\n"
              "in_use: {{.InUse}}\nshared: {{.Shared}}\n")


def sort_records(records: list[dict]) -> list[dict]:
    """buildCacheSort: never-used records first, then by LastUsedAt, ties by ID."""
    def key(record: dict):
        last = record.get("LastUsedAt")
        return (0, 0, record.get("ID") or "") if not last else (1, parse_rfc3339(last), record.get("ID") or "")
    return sorted(records, key=key)


class BuildCacheContext(Context):
    """One build cache record; `trunc` shortens IDs."""

    go_type_name = "*formatter.buildCacheContext"
    json_fields = ("CacheType", "CreatedAt", "CreatedSince", "Description", "ID", "InUse", "LastUsedAt",
                   "LastUsedSince", "Parent", "Shared", "Size", "UsageCount")

    def __init__(self, record: dict | None = None, *, trunc: bool = True, now: float | None = None):
        self.v = record or {}
        self.trunc, self.now = trunc, now

    def go_fields(self) -> list[tuple[str, object]]:
        from ...golang.structs import GoPointer

        return [("trunc", self.trunc), ("v", GoPointer("*build.CacheRecord", go_value("build.CacheRecord", self.v)))]

    def ID(self) -> str:  # noqa: N802 - Go's field names
        ident = self.v.get("ID") or ""
        if self.trunc:
            ident = truncate_id(ident)
        return ident + "*" if self.v.get("InUse") else ident

    def Parent(self) -> str:  # noqa: N802
        # docker 28's CacheRecord tags Parents `json:" Parents"` (a leading space): the engine's
        # "Parents" never reaches it, so only the deprecated Parent shows
        parents = self.v.get(" Parents") or []
        parent = ", ".join(parents) if parents else (self.v.get("Parent") or "")
        return truncate_id(parent) if self.trunc else parent

    def CacheType(self) -> str:  # noqa: N802
        return self.v.get("Type") or ""

    def Description(self) -> str:  # noqa: N802
        return self.v.get("Description") or ""

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        return human_size_with_precision(float(self.v.get("Size") or 0), 3)

    def CreatedAt(self) -> str:  # noqa: N802
        from ...golang.structs import GoTime

        return GoTime(self.v.get("CreatedAt") or "0001-01-01T00:00:00Z").String()

    def CreatedSince(self) -> str:  # noqa: N802
        return self._since(self.v.get("CreatedAt") or "0001-01-01T00:00:00Z")

    def LastUsedAt(self) -> str:  # noqa: N802
        from ...golang.structs import GoTime

        last = self.v.get("LastUsedAt")
        return GoTime(last).String() if last else ""

    def LastUsedSince(self) -> str:  # noqa: N802
        last = self.v.get("LastUsedAt")
        return self._since(last) if last else ""

    def UsageCount(self) -> str:  # noqa: N802
        return str(self.v.get("UsageCount") or 0)

    def InUse(self) -> str:  # noqa: N802
        return "true" if self.v.get("InUse") else "false"

    def Shared(self) -> str:  # noqa: N802
        return "true" if self.v.get("Shared") else "false"

    def _since(self, text: str) -> str:
        import time

        from ..units import human_duration

        now = time.time() if self.now is None else self.now
        return human_duration(now - parse_rfc3339(text)) + " ago"


def parse_rfc3339(text: str) -> float:
    """Unix seconds of an engine timestamp ("2024-01-02T03:04:05.123456789Z", or with an offset)."""
    import re
    from datetime import datetime

    match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)", text)
    if match is None:
        return 0.0
    zone = "+00:00" if match[3] == "Z" else match[3]
    moment = datetime.fromisoformat(match[1] + zone)
    return moment.timestamp() + float("0." + (match[2] or "0"))
