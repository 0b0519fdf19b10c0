"""`history` rows: docker/cli's image/formatter_history.go over /images/{name}/history entries."""
from __future__ import annotations

from ..displayutils import ellipsis, truncate_id
from .base import Context, ListingSpec, go_value

DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
NON_HUMAN_TABLE = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
QUIET_FORMAT = "{{.ID}}"

HEADERS = {"ID": "IMAGE", "CreatedSince": "CREATED", "CreatedAt": "CREATED AT", "CreatedBy": "CREATED BY",
           "Size": "SIZE", "Comment": "COMMENT"}

EPOCH = 946684800  # 2000-01-01T00:00:00Z: older dates are shown as N/A


def spec(human: bool = True) -> ListingSpec:
    """NewHistoryFormat for cli.listing: -H=false shows dates as RFC 3339; -q keeps a custom format."""
    return ListingSpec(context=HistoryContext, headers=HEADERS,
                       default_table=DEFAULT_TABLE if human else NON_HUMAN_TABLE,
                       quiet_format=QUIET_FORMAT, quiet_beats_custom=False)


class HistoryContext(Context):
    """One layer of an image's history; `human` is -H (sizes and dates for people)."""

    go_type_name = "*image.historyContext"
    json_fields = ("Comment", "CreatedAt", "CreatedBy", "CreatedSince", "ID", "Size")

    def __init__(self, item: dict | None = None, *, trunc: bool = True, human: bool = True,
                 now: float | None = None):
        self.h = item or {}
        self.trunc, self.human, self.now = trunc, human, now

    def go_fields(self) -> list[tuple[str, object]]:
        return [("trunc", self.trunc), ("human", self.human), ("h", go_value("image.HistoryResponseItem", self.h))]

    def ID(self) -> str:  # noqa: N802 - Go's field names
        ident = self.h.get("Id") or ""
        return truncate_id(ident) if self.trunc else ident

    def CreatedAt(self) -> str:  # noqa: N802
        """time.Unix(created, 0).Format(time.RFC3339), in Go's local zone (TZ read as Go reads it:
        a zoneinfo name, never a POSIX rule such as `<+03>-3`)."""
        import datetime as dt

        from ...golang.time import zone_offset

        created = int(self.h.get("Created") or 0)
        _, offset = zone_offset(created)
        text = (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=created + offset)).strftime("%Y-%m-%dT%H:%M:%S")
        if not offset:
            return text + "Z"
        sign, minutes = ("-", -offset // 60) if offset < 0 else ("+", offset // 60)
        return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"

    def CreatedSince(self) -> str:  # noqa: N802
        from ..units import running_for

        if not self.human:
            return self.CreatedAt()
        created = self.h.get("Created") or 0
        if created <= EPOCH:
            return "N/A"
        return running_for(created, self.now)

    def CreatedBy(self) -> str:  # noqa: N802
        created_by = (self.h.get("CreatedBy") or "").replace("\t", " ")
        return ellipsis(created_by, 45) if self.trunc else created_by

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        size = self.h.get("Size") or 0
        return human_size_with_precision(float(size), 3) if self.human else str(size)

    def Comment(self) -> str:  # noqa: N802
        return self.h.get("Comment") or ""
