"""client.images.build()'s keywords (docker-py 7's APIClient.build) as the build context and BuildOptions.

    context, options = build_request(client, path="app", tag="app:1", buildargs={"V": "2"}, rm=True)

`path` is a directory sent as docker's CLI sends it (.dockerignore with docker's own rules), or a URL
the engine fetches; `fileobj` is a Dockerfile, or with `custom_context=True` the whole context as a
tar (compressed or not). `dockerfile` is relative to `path` and may lie outside it, as in docker-py.
"""
from __future__ import annotations

import os

CONTAINER_LIMITS_KEYS = ("memory", "memswap", "cpushares", "cpusetcpus")
REMOTE_PREFIXES = ("http://", "https://", "git://", "github.com/", "git@")


def build_request(client, *, path=None, tag=None, quiet=False, fileobj=None, nocache=False, rm=False,
                  custom_context=False, encoding=None, pull=False, forcerm=False, dockerfile=None,
                  container_limits=None, buildargs=None, gzip=False, shmsize=None, labels=None, cache_from=None,
                  target=None, network_mode=None, squash=None, extra_hosts=None, platform=None, isolation=None,
                  use_config_proxy=True, **unexpected):
    """(context chunks or None, BuildOptions) for POST /build.

    Raises TypeError for a missing or impossible source (docker-py's words), DockerException for a bad
    tag or container limit, and the build context's ContextError messages as DockerException.
    """
    from ..api.build import BuildOptions
    from ..errors import DockerException, create_unexpected_kwargs_error

    if unexpected:
        raise create_unexpected_kwargs_error("build", unexpected)
    if path is None and fileobj is None:
        raise TypeError("Either path or fileobj needs to be provided.")
    if gzip and encoding is not None:
        raise DockerException("Can not use custom encoding if gzip is enabled")
    if tag is not None:
        _check_tag(tag)
    limits = dict(container_limits or {})
    for key in limits:
        if key not in CONTAINER_LIMITS_KEYS:
            raise DockerException(f"invalid tag '{key}': invalid reference format")  # docker-py's own wording
    options = BuildOptions(
        tags=[tag] if tag else [], quiet=bool(quiet), nocache=bool(nocache), rm=bool(rm), forcerm=bool(forcerm),
        pull=bool(pull), target=target or "", network_mode=network_mode or "", squash=bool(squash),
        platform=platform or "", isolation=isolation or "", labels=dict(labels or {}),
        cache_from=list(cache_from or []), shm_size=int(shmsize or 0), extra_hosts=_extra_hosts(extra_hosts),
        buildargs=_buildargs(client, buildargs, use_config_proxy),
        memory=int(limits.get("memory") or 0), memswap=int(limits.get("memswap") or 0),
        cpu_shares=int(limits.get("cpushares") or 0), cpuset_cpus=str(limits.get("cpusetcpus") or ""))
    from ..archive.buildcontext import gzip_chunks

    context = _context(path, fileobj, custom_context, dockerfile, options)
    if gzip and context is not None:
        context = gzip_chunks(context)
    return context, options


def _check_tag(tag: str) -> None:
    from ..errors import DockerException
    from ..opts.reference import parse_normalized_named

    try:
        parse_normalized_named(tag)
    except ValueError:
        raise DockerException(f"invalid tag '{tag}': invalid reference format") from None


def _extra_hosts(extra_hosts) -> list[str]:
    """docker-py takes {"host": "ip"} or ["host:ip", …]."""
    if isinstance(extra_hosts, dict):
        return [f"{host}:{ip}" for host, ip in sorted(extra_hosts.items())]
    return list(extra_hosts or [])


def _buildargs(client, buildargs, use_config_proxy: bool) -> dict:
    args = dict(buildargs or {})
    if use_config_proxy:
        from ..opts.env import kv_to_map_with_none

        for key, value in kv_to_map_with_none(client._proxy_env([])).items():
            args.setdefault(key, value)
    return args


def _context(path, fileobj, custom_context, dockerfile, options):
    """The tar to send (chunks), or None when the engine fetches a remote context itself."""
    from ..archive import buildcontext as bc
    from ..errors import DockerException

    if custom_context:
        if not fileobj:
            raise TypeError("You must specify fileobj with custom_context")
        options.dockerfile = dockerfile or ""
        return _read_chunks(fileobj)
    if fileobj is not None:
        data = fileobj.read()
        data = data.encode() if isinstance(data, str) else data
        options.dockerfile = "Dockerfile"
        return bc.single_file_tar("Dockerfile", data, mode=0o644, mtime=_now())
    path = os.fspath(path)
    if path.startswith(REMOTE_PREFIXES):
        options.remote, options.dockerfile = path, dockerfile or ""
        return None
    if not os.path.isdir(path):
        raise TypeError("You must specify a directory to build in path")
    given = ""
    if dockerfile:
        given = dockerfile if os.path.isabs(dockerfile) else os.path.join(path, dockerfile)
    try:
        body, options.dockerfile = bc.directory_context(path, given)
    except bc.ContextError as exc:
        raise DockerException(str(exc)) from None
    return body


def _read_chunks(fileobj, size: int = 64 * 1024):
    while True:
        chunk = fileobj.read(size)
        if not chunk:
            return
        yield chunk.encode() if isinstance(chunk, str) else chunk


def _now() -> float:
    import time

    return time.time()
