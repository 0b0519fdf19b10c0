"""--gpus: docker's GpuOpts, one DeviceRequest per flag value."""
from __future__ import annotations

from ..golang.strconv import atoi
from . import OptError
from .csvline import csv_fields


def _count(text: str) -> int:
    if text == "all":
        return -1
    try:
        return atoi(text)
    except OptError as exc:
        reason = str(exc).rsplit(": ", 1)[-1]
        raise OptError(f'invalid count ({text}): value must be either "all" or an integer: {reason}') from None


def _options(text: str) -> dict:
    try:
        fields = csv_fields(text)
    except OptError as exc:
        raise OptError(f"failed to read gpu options: {exc}") from None
    return dict((key, value) for key, _, value in (field.partition("=") for field in fields))


def parse_gpu_request(value: str) -> dict:
    """`all`, `2`, `device=0`, `"capabilities=compute,utility"`, `driver=…`, `options=…`, comma-joined."""
    request = {"Driver": "", "Count": 0, "DeviceIDs": None, "Capabilities": None, "Options": None}
    seen: set[str] = set()
    for field in csv_fields(value):
        key, has_value, val = field.partition("=")
        if key in seen:
            raise OptError(f"gpu request key '{key}' can be specified only once")
        seen.add(key)
        if not has_value:
            seen.add("count")
            request["Count"] = _count(key)
        elif key == "driver":
            request["Driver"] = val
        elif key == "count":
            request["Count"] = _count(val)
        elif key == "device":
            request["DeviceIDs"] = val.split(",")
        elif key == "capabilities":
            request["Capabilities"] = [[*val.split(","), "gpu"]]
        elif key == "options":
            request["Options"] = _options(val)
        else:
            raise OptError(f"unexpected key '{key}' in '{field}'")
    if "count" not in seen and request["DeviceIDs"] is None:
        request["Count"] = 1
    request["Options"] = request["Options"] or {}
    request["Capabilities"] = request["Capabilities"] or [["gpu"]]
    return request
