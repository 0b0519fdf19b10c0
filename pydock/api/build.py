"""/build endpoints: the classic builder (docker/docker client's ImageBuild and its query) and the
build cache (Engine API 1.41)."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Iterable

from .base import Endpoint, minimum_version


@dataclass
class BuildOptions:
    """build.ImageBuildOptions: what the query of POST /build says. Sizes in bytes.

    `buildargs` maps a name to its value, or None for a bare `--build-arg NAME` (the Dockerfile's
    default then applies); `ulimits` are {"Name", "Hard", "Soft"} dicts.
    """

    tags: list[str] = field(default_factory=list)
    dockerfile: str = ""
    buildargs: dict[str, str | None] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    target: str = ""
    quiet: bool = False
    nocache: bool = False
    rm: bool = True
    forcerm: bool = False
    pull: bool = False
    squash: bool = False
    network_mode: str = ""
    platform: str = ""
    extra_hosts: list[str] = field(default_factory=list)
    security_opt: list[str] = field(default_factory=list)
    cache_from: list[str] = field(default_factory=list)
    isolation: str = ""
    memory: int = 0
    memswap: int = 0
    shm_size: int = 0
    cpu_shares: int = 0
    cpu_period: int = 0
    cpu_quota: int = 0
    cpuset_cpus: str = ""
    cpuset_mems: str = ""
    cgroup_parent: str = ""
    ulimits: list[dict] = field(default_factory=list)
    remote: str = ""
    version: str = "1"  # BuilderV1, the classic builder


def _json(value) -> str:
    """encoding/json.Marshal: compact, map keys sorted, no HTML escaping needed for these values."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def build_params(o: BuildOptions) -> list[tuple[str, str]]:
    """imageBuildOptionsToQuery, in url.Values.Encode's order (keys sorted, repeats kept in order)."""
    query: dict[str, list[str]] = {}

    def put(key: str, value: str) -> None:
        query[key] = [value]

    if o.tags:
        query["t"] = list(o.tags)
    if o.security_opt:
        query["securityopt"] = list(o.security_opt)
    if o.extra_hosts:
        query["extrahosts"] = list(o.extra_hosts)
    if o.quiet:
        put("q", "1")
    if o.remote:
        put("remote", o.remote)
    if o.nocache:
        put("nocache", "1")
    if not o.rm:
        put("rm", "0")
    if o.forcerm:
        put("forcerm", "1")
    if o.pull:
        put("pull", "1")
    if o.squash:
        put("squash", "1")
    if o.isolation and o.isolation.lower() != "default":
        put("isolation", o.isolation)
    if o.cpuset_cpus:
        put("cpusetcpus", o.cpuset_cpus)
    if o.network_mode and o.network_mode != "default":
        put("networkmode", o.network_mode)
    if o.cpuset_mems:
        put("cpusetmems", o.cpuset_mems)
    for key, value in (("cpushares", o.cpu_shares), ("cpuquota", o.cpu_quota), ("cpuperiod", o.cpu_period),
                       ("memory", o.memory), ("memswap", o.memswap)):
        if value:
            put(key, str(value))
    if o.cgroup_parent:
        put("cgroupparent", o.cgroup_parent)
    if o.shm_size:
        put("shmsize", str(o.shm_size))
    if o.dockerfile:
        put("dockerfile", o.dockerfile)
    if o.target:
        put("target", o.target)
    if o.ulimits:
        put("ulimits", json.dumps(o.ulimits, separators=(",", ":")))
    if o.buildargs:
        put("buildargs", _json(o.buildargs))
    if o.labels:
        put("labels", _json(o.labels))
    if o.cache_from:
        put("cachefrom", _json(list(o.cache_from)))
    if o.platform:
        put("platform", o.platform.lower())
    if o.version:
        put("version", o.version)
    return [(key, value) for key in sorted(query) for value in query[key]]


def registry_config_header(auth_configs: dict[str, dict]) -> str:
    """X-Registry-Config: URL-safe base64 of {registry: AuthConfig} (docker sends "e30=" for none)."""
    return base64.urlsafe_b64encode(json.dumps(auth_configs or {}, separators=(",", ":")).encode()).decode()


class BuildAPI(Endpoint):
    """POST /build, the classic builder, and its cache."""

    @minimum_version("1.31", "build prune")
    def prune(self, filters: dict | None = None, *, all: bool = False) -> dict:  # noqa: A002 - the API's name
        """POST /build/prune: {"CachesDeleted": [ids] or None, "SpaceReclaimed": bytes}.

        `all` also removes cache that is not dangling. Engines before 23.0 accept `label` filters here
        but ignore them (moby's builder-next TODO): a label filter does not narrow a build cache prune.
        """
        return self._post("/build/prune", params={"all": all or None, "filters": filters or None})

    def build(self, context: Iterable[bytes] | bytes | None, options: BuildOptions, *,
              auth_configs: dict[str, dict] | None = None, timeout: float | None = None):
        """A context manager yielding the streaming response: JSON messages (`stream`, `aux` with the
        image ID, `errorDetail`). `context` is the tar stream (chunks, possibly compressed: the engine
        detects gzip, bzip2, xz and zstd), or None with `options.remote`. Raises InvalidVersion for
        an option the engine is too old for, EngineError when the engine refuses the request (a
        Dockerfile that does not parse, a bad option …). `timeout` bounds each read, in seconds.
        """
        if options.platform:
            self.require_version("1.32", "platform")
        if options.squash:
            self.require_version("1.25", "squash")
        headers = {"Content-Type": "application/x-tar", "X-Registry-Config": registry_config_header(auth_configs)}
        return self.t.stream("POST", "/build", params=build_params(options), content=context, headers=headers,
                             timeout=timeout)
