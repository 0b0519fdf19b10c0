"""The base of every endpoint class in api/: one way to build a path, one API-version guard.

Each kind of object (containers, images, networks …) is an `Endpoint` subclass with plain methods,
one per Engine API endpoint, taking and returning plain data. The shape follows docker-py's
api/client.py (`_url()` quoting every path argument, `@minimum_version`) and the checks docker's
Go client (moby/client) makes before it sends anything (`trimID`, `NewVersionError`).
"""
from __future__ import annotations

import functools
from urllib.parse import quote

from ..transport.errors import InvalidArgument, InvalidVersion


def quote_segment(value: str, safe: str = "") -> str:
    """Percent-encode one path argument (docker-py's `_url()`); `safe` lists characters kept as they are.

    Raises InvalidArgument when `value` is not a string, as docker-py refuses one.
    """
    if not isinstance(value, str):
        raise InvalidArgument(f"Expected a string but found {value!r} ({type(value).__name__}) instead")
    return quote(value, safe=safe)


def version_error(feature: str, required: str, actual: str) -> InvalidVersion:
    """docker's client-side refusal (moby/client NewVersionError), word for word."""
    return InvalidVersion(f'"{feature}" requires API version {required}, but the Docker daemon API version is '
                          f'{actual}')


def minimum_version(version: str, feature: str):
    """Decorate an Endpoint method that the engine only has from API `version` on.

    Calling it against an older engine raises InvalidVersion with docker's wording, naming `feature`
    (as docker names it: "container prune", "network prune" …) before any request is sent.
    """
    def decorator(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            self.require_version(version, feature)
            return method(self, *args, **kwargs)
        guarded.min_api_version = version
        return guarded
    return decorator


class Endpoint:
    """One kind of engine object over one transport.

    Subclasses set `kind` (docker's word for the object in "invalid <kind> name or ID: value is empty";
    empty for kinds whose names docker does not check) and `safe` (characters a path argument keeps:
    "/:@" for image and plugin references, none otherwise).
    """

    kind = ""
    safe = ""

    def __init__(self, transport):
        self.t = transport

    # -- paths ----------------------------------------------------------------------------------
    def path(self, template: str, *names: str, kind: str | None = None) -> str:
        """`template` with each "{}" replaced by one quoted name, e.g. path("/networks/{}", "my net").

        For a checked kind (`kind`, else the class's), names are trimmed of surrounding blanks and an
        empty one raises InvalidArgument, as docker's client does before sending anything (moby/client
        trimID).
        """
        kind = self.kind if kind is None else kind
        return template.format(*(quote_segment(self._checked(name, kind), self.safe) for name in names))

    def _checked(self, name: str, kind: str | None = None) -> str:
        kind = self.kind if kind is None else kind
        if not kind or not isinstance(name, str):
            return name
        name = name.strip()
        if not name:
            raise InvalidArgument(f"invalid {kind} name or ID: value is empty")
        return name

    # -- versions -------------------------------------------------------------------------------
    @property
    def api_version(self) -> str:
        """The negotiated API version ("1.41"); the first call pings the engine."""
        return self.t.api_version

    def version_at_least(self, version: str) -> bool:
        return self.t.version_at_least(version)

    def require_version(self, version: str, feature: str) -> None:
        """Raise InvalidVersion (docker's words) unless the engine speaks API `version` or newer."""
        if not self.t.version_at_least(version):
            raise version_error(feature, version, self.t.api_version)

    # -- requests (thin names over the transport) --------------------------------------------------
    def _get(self, path: str, params: dict | None = None):
        return self.t.get_json(path, params)

    def _post(self, path: str, *, params=None, json=None):
        return self.t.post_json(path, params=params, json=json)

    def _raw(self, method: str, path: str, **kwargs) -> bytes:
        return self.t.request(method, path, **kwargs).content

    def _send(self, method: str, path: str, **kwargs) -> None:
        self.t.request(method, path, **kwargs)


def as_filters(filters: dict | None) -> dict | None:
    """Filters as docker's CLI sends them (a map of sets), from docker-py's shapes too.

    {"label": "a=b", "dangling": True, "name": ["x", "y"]} -> {"label": {"a=b": True}, "dangling":
    {"true": True}, "name": {"x": True, "y": True}}; the engine's own {"name": {"x": True}} passes
    through. None or {} -> None.
    """
    if not filters:
        return None
    out: dict = {}
    for key, value in filters.items():
        if isinstance(value, dict):
            out[key] = value
            continue
        values = value if isinstance(value, (list, tuple, set)) else [value]
        out[key] = {str(v).lower() if isinstance(v, bool) else str(v): True for v in values}
    return out
