"""Creating a container as `run` and `create` do: parse the flags, pull when needed, write the cidfile."""
from __future__ import annotations

import os

from ...errors import FAILURE, FLAG_ERROR, StatusError
from ...output import print_line, write_flushed


# Flags the engine must be new enough for (docker's "version" annotations), and Windows-only ones.
FLAG_API_VERSIONS = {"annotation": "1.43", "cgroupns": "1.41", "cpu_rt_period": "1.25", "cpu_rt_runtime": "1.25",
                     "cpus": "1.25", "health_start_interval": "1.44", "health_start_period": "1.29",
                     "init": "1.25", "stop_timeout": "1.25"}
WINDOWS_ONLY_FLAGS = {"cpu_count", "cpu_percent", "io_maxbandwidth", "io_maxiops"}


def check_flag_support(ctx, env) -> None:
    """Refuse flags the engine cannot honour, as docker does before running a command (exit 1)."""
    from click.core import ParameterSource

    errors = []
    system = env.api.system
    changed = sorted((p for p in ctx.command.params if p.name in FLAG_API_VERSIONS or p.name in WINDOWS_ONLY_FLAGS
                      if ctx.get_parameter_source(p.name) == ParameterSource.COMMANDLINE),
                     key=lambda p: p.name)
    for param in changed:
        flag = [o for o in param.opts if o.startswith("--")][0]
        needed = FLAG_API_VERSIONS.get(param.name)
        if needed and not system.version_at_least(needed):
            errors.append(f'"{flag}" requires API version {needed}, but the Docker daemon API version is '
                          f'{system.api_version}')
            continue
        if param.name in WINDOWS_ONLY_FLAGS:
            os_type = system.os_type()
            if os_type != "windows":
                errors.append(f'"{flag}" is only supported on a Docker daemon running on windows, but the Docker '
                              f'daemon is running on {os_type}')
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


def parse_config(ctx, env, command: str, image: str, args, values: dict, pull: str):
    """Flags -> ContainerConfig; refusals exit 125 with docker's `--help` pointer."""
    from ....opts import OptError
    from ....opts.container import parse
    from ....opts.env import with_proxy_env
    from .run import validate_pull, with_help

    check_flag_support(ctx, env)
    validate_pull(ctx, pull, command)
    values = dict(values)
    values["env"] = with_proxy_env(values.get("env") or (), env.config.get("proxies"), _daemon_host(env))
    use_api_socket = values.pop("use_api_socket", False)
    try:
        cfg = parse(values, image, args, server_os="linux")
    except OptError as exc:
        raise StatusError(with_help(ctx, str(exc), command), FLAG_ERROR) from None
    if use_api_socket:
        _use_api_socket(env, cfg)
    return cfg


DOCKER_CONFIG_IN_CONTAINER = "/run/secrets/docker"


def _use_api_socket(env, cfg) -> None:
    """--use-api-socket: bind the engine's socket; unless DOCKER_CONFIG is set, pass the stored
    credentials in through a config.json copied into the container after it is created."""
    cfg.host_config.setdefault("Mounts", []).append({"Type": "bind", "Source": "/var/run/docker.sock",
                                                     "Target": "/var/run/docker.sock", "BindOptions": {}})
    env_list = cfg.config.get("Env") or []
    if any(item.startswith("DOCKER_CONFIG=") for item in env_list):
        return
    auths = _stored_auths(env.config.get("auths") or {})
    if auths:
        cfg.config["Env"] = [*env_list, f"DOCKER_CONFIG={DOCKER_CONFIG_IN_CONTAINER}"]
        cfg.api_socket_auths = auths


def _stored_auths(auths: dict) -> dict:
    """config.json's auths as docker saves them: only the encoded secret and tokens are kept."""
    kept = {}
    for key, entry in auths.items():
        entry = entry or {}
        fields = {name: entry[name] for name in ("auth", "email", "identitytoken", "registrytoken")
                  if entry.get(name)}
        kept[key] = fields
    return kept


def _copy_auths_into(env, container_id: str, auths: dict) -> None:
    import io
    import json
    import tarfile

    data = json.dumps({"auths": dict(sorted(auths.items()))}, indent="\t").encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        member = tarfile.TarInfo(DOCKER_CONFIG_IN_CONTAINER + "/config.json")
        member.size, member.mode, member.mtime = len(data), 0o600, 0
        tar.addfile(member, io.BytesIO(data))
    env.api.containers.put_archive(container_id, "/", buffer.getvalue())


def _daemon_host(env) -> str:
    try:
        return env.api.system.daemon_host
    except Exception:  # a bad host is reported when the engine is first used
        return ""


class CIDFile:
    """--cidfile: refuse an existing file, create it first, remove it again if nothing was written."""

    def __init__(self, path: str):
        self.path = path
        self.file = None
        self.written = False
        if not path:
            return
        if os.path.exists(path):
            raise ValueError(f"container ID file found, make sure the other container isn't running or "
                             f"delete {path}")
        try:
            self.file = open(path, "w")
        except OSError as exc:
            raise ValueError(f"failed to create the container ID file: open {path}: "
                             f"{(exc.strerror or str(exc)).lower()}") from None

    def write(self, container_id: str) -> None:
        if self.file is None:
            return
        try:
            self.file.write(container_id)
            self.file.flush()
        except OSError as exc:
            raise ValueError(f"failed to write the container ID to the file: {exc}") from None
        self.written = True

    def close(self) -> None:
        if self.file is None:
            return
        self.file.close()
        if not self.written:
            try:
                os.remove(self.path)
            except OSError:
                pass


def create_container(env, cfg, *, name: str = "", platform: str = "", pull: str = "missing",
                     quiet: bool = False) -> str:
    """POST /containers/create, pulling a missing image first as docker does; returns the ID.

    Engine errors propagate; a bad reference, platform or cidfile raises ValueError.
    """
    from ....opts.platform import parse_platform
    from ....opts.reference import is_image_id, parse_normalized_named
    from ....streams.tty import stream_size
    from ....transport.errors import NotFound

    cidfile = CIDFile(cfg.host_config.get("ContainerIDFile", ""))
    try:
        image = cfg.config["Image"]
        named = None if is_image_id(image) else parse_normalized_named(image)
        platform_query = None
        if platform:
            try:
                platform_query = parse_platform(platform)
            except ValueError as exc:
                raise ValueError(f"error parsing specified platform: {exc}") from None
        if pull == "always":
            _pull(env, image, platform, quiet)
        cfg.host_config["ConsoleSize"] = list(stream_size(env.stdout))
        api = env.api.containers
        try:
            response = api.create(cfg.body(), name=name or None, platform=platform_query)
        except NotFound:
            if named is None or pull != "missing":
                raise
            if not quiet:
                print_line(env.stderr, f"Unable to find image '{named.with_default_tag().familiar()}' locally")
            _pull(env, image, platform, quiet)
            response = api.create(cfg.body(), name=name or None, platform=platform_query)
        warnings = list(response.get("Warnings") or []) + _dns_warnings(cfg.host_config)
        write_flushed(env.stderr, "".join(f"WARNING: {warning}\n" for warning in warnings))
        cidfile.write(response["Id"])
        if cfg.api_socket_auths:
            _copy_auths_into(env, response["Id"], cfg.api_socket_auths)
        return response["Id"]
    finally:
        cidfile.close()


def _pull(env, image: str, platform: str, quiet: bool) -> None:
    from .pulling import pull_image  # only when an image is pulled

    pull_image(env, image, platform=platform, quiet=quiet)


def _dns_warnings(host_config: dict) -> list[str]:
    import ipaddress

    for server in host_config.get("Dns") or []:
        try:
            if ipaddress.ip_address(server).is_loopback:
                return [f"Localhost DNS ({server}) may fail in containers."]
        except ValueError:
            continue
    return []
