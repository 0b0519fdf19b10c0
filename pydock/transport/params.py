"""Query parameters as the engine expects them (shared by the full and the quick transport)."""
from __future__ import annotations

import json
from collections.abc import Mapping


def encode_params(params) -> list[tuple[str, str]] | None:
    """Drop unset values; booleans become 1/0, dicts and lists JSON, as the engine expects.

    `params` is a mapping, or a list of (key, value) pairs when a key repeats.
    """
    if not params:
        return None
    items = params.items() if isinstance(params, Mapping) else params
    out: list[tuple[str, str]] = []
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, bool):
            out.append((key, "1" if value else "0"))
        elif isinstance(value, (dict, list)):
            out.append((key, json.dumps(value, separators=(",", ":"), sort_keys=True)))  # Go: map keys sorted
        else:
            out.append((key, str(value)))
    return out or None
