"""Creating a container as `run` and `create` do: parse the flags, pull when needed, write the cidfile."""
from __future__ import annotations

import os

from ...errors import CANNOT_INVOKE, FLAG_ERROR, NOT_FOUND, StatusError
from ...output import print_line, write_flushed

PULL_CHOICES = ("always", "missing", "never")

def parse_config(ctx, env, command: str, image: str, args, values: dict, pull: str):
    """Flags -> ContainerConfig; refusals exit 125 with docker's `--help` pointer."""
    from ....opts import OptError
    from ....opts.container import parse
    from ....opts.env import with_proxy_env

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
    from ....config.credentials import stored_auths

    auths = stored_auths(env.config)
    if auths:
        cfg.config["Env"] = [*env_list, f"DOCKER_CONFIG={DOCKER_CONFIG_IN_CONTAINER}"]
        cfg.api_socket_auths = auths


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
                     quiet: bool = False, trusted: bool = False) -> str:
    """POST /containers/create, pulling a missing image first as docker does; returns the ID.

    Engine errors propagate; a bad reference, platform or cidfile raises ValueError, and so does a
    tagged image when content trust is on (`trusted`: docker would ask Notary for its digest).
    """
    from ....opts.platform import parse_platform
    from ....opts.reference import is_image_id, parse_normalized_named
    from ....streams.tty import stream_size
    from ....transport.errors import NotFound

    cidfile = CIDFile(cfg.host_config.get("ContainerIDFile", ""))
    try:
        image = cfg.config["Image"]
        named = None if is_image_id(image) else parse_normalized_named(image)
        if trusted and named is not None and (named.tag or not named.digest):
            from ...trust import TRUST_REFUSAL

            raise ValueError(TRUST_REFUSAL)
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
        try:
            warnings = list(response.get("Warnings") or []) + _dns_warnings(cfg.host_config)
            write_flushed(env.stderr, "".join(f"WARNING: {warning}\n" for warning in warnings))
            cidfile.write(response["Id"])
            if cfg.api_socket_auths:
                _copy_auths_into(env, response["Id"], cfg.api_socket_auths)
        except BaseException:
            if cfg.host_config.get("AutoRemove"):  # --rm: nothing that never ran is left behind
                remove_quietly(api, response["Id"])
            raise
        return response["Id"]
    finally:
        cidfile.close()


def remove_quietly(api, container_id: str) -> None:
    """What --rm would have done for a container that never ran: force-remove it with its anonymous
    volumes. Errors are ignored (the engine may be removing it already)."""
    try:
        api.remove(container_id, volumes=True, force=True)
    except Exception:
        pass


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


def with_help(ctx, message: str, command: str) -> str:
    """docker's decoration of run/create failures: the program name, then a pointer to --help."""
    prog = ctx.find_root().info_name
    return f"{prog}: {message}\n\nRun '{prog} {command} --help' for more information"


def to_status_error(ctx, error: Exception, command: str = "run") -> StatusError:
    """126 when the command cannot be invoked, 127 when it is not found, else 125."""
    message = str(error)
    if any(text in message for text in ("executable file not found", "no such file or directory",
                                         "system cannot find the file specified")):
        status = NOT_FOUND
    elif "permission denied" in message or "is a directory" in message:
        status = CANNOT_INVOKE
    else:
        status = FLAG_ERROR
    return StatusError(with_help(ctx, message, command), status)


def validate_pull(ctx, pull: str, command: str) -> None:
    if pull not in PULL_CHOICES and pull != "":
        raise StatusError(with_help(ctx, f"invalid pull option: '{pull}': must be one of \"always\", "
                                         f"\"missing\" or \"never\"", command), FLAG_ERROR)
