"""`search` rows: docker/cli's registry/formatter_search.go over /images/search results."""
from __future__ import annotations

from ..displayutils import ellipsis
from .base import Context, ListingSpec, go_value

DEFAULT_TABLE = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}"
HEADERS = {"Name": "NAME", "Description": "DESCRIPTION", "StarCount": "STARS", "IsOfficial": "OFFICIAL"}


def spec() -> ListingSpec:
    """NewSearchFormat for cli.listing: "" and "table" are the default table, anything else a template."""
    return ListingSpec(context=SearchContext, headers=HEADERS, default_table=DEFAULT_TABLE, quiet_beats_custom=False)


class SearchContext(Context):
    """One search result; `trunc` is false with --no-trunc. In JSON, booleans read "true"/"false"."""

    go_type_name = "*registry.searchContext"
    json_fields = ("Description", "IsOfficial", "Name", "StarCount")

    def __init__(self, result: dict | None = None, *, trunc: bool = True):
        self.s = result or {}
        self.trunc = trunc
        self.json = False

    def go_fields(self) -> list[tuple[str, object]]:
        return [("trunc", self.trunc), ("json", self.json), ("s", go_value("registry.SearchResult", self.s))]

    def to_json_dict(self) -> dict:
        self.json = True
        try:
            return {name: getattr(self, name)() for name in self.json_fields}
        finally:
            self.json = False

    def Name(self) -> str:  # noqa: N802 - Go's field names
        return self.s.get("name") or ""

    def Description(self) -> str:  # noqa: N802
        text = (self.s.get("description") or "").replace("\n", " ").replace("\r", " ")
        return ellipsis(text, 45) if self.trunc else text

    def StarCount(self) -> str:  # noqa: N802
        return str(self.s.get("star_count") or 0)

    def IsOfficial(self) -> str:  # noqa: N802
        value = bool(self.s.get("is_official"))
        if self.json:
            return "true" if value else "false"
        return "[OK]" if value else ""
