"""--filter name=value, collected into the engine's filters map ({"name": {"value": true}})."""
from __future__ import annotations

from . import OptError


def parse_filter(value: str) -> tuple[str, str] | None:
    """One --filter value -> (name, value); None for an empty value (docker ignores it)."""
    if value == "":
        return None
    if "=" not in value:
        raise OptError("bad format of filter (expected name=value)")
    name, _, val = value.partition("=")
    return name.strip().lower(), val.strip()


def add_filter(filters: dict, value: str) -> dict:
    """Add one --filter value to a filters map."""
    parsed = parse_filter(value)
    if parsed is not None:
        filters.setdefault(parsed[0], {})[parsed[1]] = True
    return filters


def parse_filters(values) -> dict[str, dict[str, bool]]:
    filters: dict[str, dict[str, bool]] = {}
    for value in values:
        add_filter(filters, value)
    return filters


def filter_values(filters: dict, name: str) -> list[str]:
    return list((filters or {}).get(name, {}))


def filter_matches(filters: dict, name: str, candidate: str) -> bool:
    """True when no filter for `name` is set, or one of its values equals `candidate`."""
    values = (filters or {}).get(name)
    return not values or candidate in values
