"""`volume create`'s flags into the body of POST /volumes/create."""
from __future__ import annotations


def create_request(name: str = "", *, driver: str = "local", driver_opts=(), labels=()) -> dict:
    """volume.CreateOptions as docker 28 sends it: every field omitted when empty.

    `driver_opts` and `labels` are "key=value" strings (a bare key maps to "").
    """
    from .env import kv_to_map

    body = {"Driver": driver, "DriverOpts": kv_to_map(driver_opts), "Labels": kv_to_map(labels), "Name": name}
    return {key: (dict(sorted(value.items())) if isinstance(value, dict) else value)
            for key, value in body.items() if value}
