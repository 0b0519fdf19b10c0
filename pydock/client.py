"""The high-level Python API, shaped like docker-py's: pydock.from_env().containers.run(...).

    >>> import pydock
    >>> client = pydock.from_env()
    >>> client.containers.run("alpine", ["echo", "hello", "world"])
    b'hello world\\n'

Built on pydock.api; container settings go through the same parser as `pydock run`, so a
keyword here means what the matching flag means there.
"""
from __future__ import annotations

import os
from collections import namedtuple
from typing import Any, Iterator

from .transport.errors import DockerError, EngineError, NotFound

ExecResult = namedtuple("ExecResult", "exit_code,output")


class ContainerError(DockerError):
    """A container run by containers.run() exited with a non-zero status."""

    def __init__(self, container, exit_status: int, command, image: str, stderr: bytes | None):
        self.container, self.exit_status, self.command, self.image, self.stderr = \
            container, exit_status, command, image, stderr
        detail = f": {stderr.decode(errors='replace')}" if stderr else ""
        super().__init__(f"Command '{command}' in image '{image}' returned non-zero exit status {exit_status}"
                         f"{detail}")


ImageNotFound = NotFound
APIError = EngineError


class DockerClient:
    """A connection to one engine, with `.containers` and `.images` collections."""

    def __init__(self, base_url: str | None = None, version: str | None = None, timeout: float | None = None,
                 tls=None, environment=None):
        from .api.client import APIClient
        from .transport.client import Transport

        environment = os.environ if environment is None else environment
        if version == "auto":
            version = None
        if tls is None and environment.get("DOCKER_TLS_VERIFY"):
            tls = _tls_from_env(environment)
        self.api = APIClient(Transport(base_url if base_url is not None else environment.get("DOCKER_HOST"),
                                       tls=tls or None, api_version=version))
        self.containers = ContainerCollection(self)
        self.images = ImageCollection(self)

    @classmethod
    def from_env(cls, version: str | None = None, timeout: float | None = None, environment=None, **kwargs):
        """DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as docker-py reads them."""
        return cls(version=version, timeout=timeout, environment=environment, **kwargs)

    def ping(self) -> bool:
        self.api.system.ping()
        return True

    def version(self) -> dict:
        return self.api.system.version()

    def info(self) -> dict:
        return self.api.system.info()

    def close(self) -> None:
        self.api.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _tls_from_env(environment):
    from .config import default_config_dir
    from .transport.tls import TLSOptions

    return TLSOptions.resolve(tls=True, tlsverify=True, cacert=None, cert=None, key=None,
                              config_dir=default_config_dir(environment), env=environment)


class Model:
    """An engine object: `attrs` is its inspect data."""

    def __init__(self, attrs: dict, client: DockerClient):
        self.attrs = attrs
        self.client = client

    @property
    def id(self) -> str:
        return self.attrs.get("Id") or self.attrs.get("ID") or ""

    @property
    def short_id(self) -> str:
        return self.id.split(":")[-1][:12] if self.id.startswith("sha256:") else self.id[:12]

    def __eq__(self, other):
        return isinstance(other, self.__class__) and self.id == other.id

    def __hash__(self):
        return hash(f"{self.__class__.__name__}:{self.id}")

    def __repr__(self):
        return f"<{self.__class__.__name__}: {self.short_id}>"


# -- containers -------------------------------------------------------------------
class Container(Model):
    @property
    def name(self) -> str | None:
        name = self.attrs.get("Name")
        return name.lstrip("/") if name else None

    @property
    def status(self) -> str:
        state = self.attrs.get("State")
        return state.get("Status", "") if isinstance(state, dict) else str(state or "")

    @property
    def labels(self) -> dict:
        return (self.attrs.get("Config") or {}).get("Labels") or {}

    @property
    def image(self):
        image_id = self.attrs.get("Image", "")
        return self.client.images.get(image_id) if image_id else None

    @property
    def _api(self):
        return self.client.api.containers

    def reload(self) -> None:
        self.attrs = self._api.inspect(self.id)

    def start(self) -> None:
        self._api.start(self.id)

    def stop(self, timeout: int | None = None) -> None:
        self._api.stop(self.id, timeout=timeout)

    def restart(self, timeout: int | None = None) -> None:
        self._api.restart(self.id, timeout=timeout)

    def kill(self, signal: str | int | None = None) -> None:
        self._api.kill(self.id, str(signal) if signal is not None else None)

    def pause(self) -> None:
        self._api.pause(self.id)

    def unpause(self) -> None:
        self._api.unpause(self.id)

    def rename(self, name: str) -> None:
        self._api.rename(self.id, name)

    def remove(self, v: bool = False, link: bool = False, force: bool = False) -> None:
        self._api.remove(self.id, volumes=v, link=link, force=force)

    def wait(self, timeout: float | None = None, condition: str | None = None) -> dict:
        """Block until the container stops: {"StatusCode": n, "Error": …}."""
        return self._api.wait(self.id, condition)

    def logs(self, stdout: bool = True, stderr: bool = True, stream: bool = False, timestamps: bool = False,
             tail: str | int = "all", since=None, follow: bool | None = None, until=None):
        """The container's output as bytes, or an iterator of chunks with stream=True."""
        tty = bool((self.attrs.get("Config") or {}).get("Tty"))
        follow = stream if follow is None else follow
        chunks = self._log_chunks(tty, stdout=stdout, stderr=stderr, follow=follow, timestamps=timestamps,
                                  tail=str(tail), since=_api_time(since), until=_api_time(until))
        return chunks if stream else b"".join(chunks)

    def _log_chunks(self, tty: bool, **params) -> Iterator[bytes]:
        """The logs request is sent now; the returned iterator reads its answer."""
        from .streams.frames import demux, raw

        context = self._api.logs(self.id, **params)
        response = context.__enter__()

        def chunks():
            try:
                frames = raw(response.iter_raw()) if tty else demux(response.iter_raw())
                for _, payload in frames:
                    yield payload
            finally:
                context.__exit__(None, None, None)
        return chunks()

    def exec_run(self, cmd, stdout: bool = True, stderr: bool = True, stdin: bool = False, tty: bool = False,
                 privileged: bool = False, user: str = "", detach: bool = False, stream: bool = False,
                 environment=None, workdir: str | None = None, demux: bool = False) -> ExecResult:
        """Run a command in the container; ExecResult(exit_code, output)."""
        api = self.client.api.exec
        body = {"User": user, "Privileged": privileged, "Tty": tty, "AttachStdin": stdin,
                "AttachStdout": stdout, "AttachStderr": stderr, "Detach": detach, "DetachKeys": "",
                "Env": _env_list(environment), "WorkingDir": workdir or "",
                "Cmd": _command(cmd)}
        exec_id = api.create(self.id, body)["Id"]
        if detach:
            api.start_detached(exec_id, tty=tty)
            return ExecResult(None, b"")
        conn = api.start_attached(exec_id, tty=tty)
        if stdin is False:
            conn.close_write()
        output = _read_output(conn, tty, demux, stream)
        if stream:
            return ExecResult(None, output)
        return ExecResult(api.inspect(exec_id).get("ExitCode"), output)


def _read_output(conn, tty: bool, demux: bool, stream: bool):
    from .streams.frames import STDERR, raw
    from .streams.frames import demux as demux_frames

    def frames():
        try:
            yield from (raw(conn.chunks()) if tty else demux_frames(conn.chunks()))
        finally:
            conn.close()

    if stream:
        return (payload for _, payload in frames())
    out, err = bytearray(), bytearray()
    for stream_id, payload in frames():
        (err if stream_id == STDERR and demux else out).extend(payload)
    if demux:
        return bytes(out) or None, bytes(err) or None
    return bytes(out)


def _api_time(value):
    if value is None:
        return None
    if hasattr(value, "timestamp"):
        return int(value.timestamp())
    return value


def _command(cmd) -> list[str] | None:
    if cmd is None:
        return None
    if isinstance(cmd, str):
        import shlex

        return shlex.split(cmd)
    return list(cmd)


def _env_list(environment) -> list[str] | None:
    if not environment:
        return None
    if isinstance(environment, dict):
        return [f"{k}={v}" if v is not None else k for k, v in environment.items()]
    return list(environment)


class ContainerCollection:
    def __init__(self, client: DockerClient):
        self.client = client

    @property
    def _api(self):
        return self.client.api.containers

    def run(self, image, command=None, stdout: bool = True, stderr: bool = False, remove: bool = False,
            **kwargs):
        """Create and start a container; its output as bytes, or the Container with detach=True.

        A non-zero exit raises ContainerError (carrying the container's stderr).
        """
        image = image.id if isinstance(image, Model) else image
        stream = kwargs.pop("stream", False)
        detach = kwargs.pop("detach", False)
        platform = kwargs.pop("platform", None)
        if detach and remove:
            kwargs["auto_remove"] = True
            remove = False
        container = self.create(image, command, platform=platform, **kwargs)
        container.start()
        if detach:
            return container
        logging_driver = ((container.attrs.get("HostConfig") or {}).get("LogConfig") or {}).get("Type")
        out = None
        if logging_driver in ("json-file", "journald", "local"):
            out = container.logs(stdout=stdout, stderr=stderr, stream=True, follow=True)
        status = container.wait().get("StatusCode", 0)
        if status != 0:
            out = None if kwargs.get("auto_remove") else container.logs(stdout=False, stderr=True)
        if remove:
            container.remove()
        if status != 0:
            raise ContainerError(container, status, command, image, out)
        if stream or out is None:
            return out
        return b"".join(out)

    def create(self, image, command=None, **kwargs) -> Container:
        """Create (pulling the image if it is missing); returns the Container."""
        image = image.id if isinstance(image, Model) else image
        name, platform = kwargs.pop("name", None), kwargs.pop("platform", None)
        body = container_body(image, command, kwargs)
        try:
            response = self._api.create(body, name=name, platform=platform)
        except NotFound:
            self.client.images.pull(image, platform=platform)
            response = self._api.create(body, name=name, platform=platform)
        return self.get(response["Id"])

    def get(self, container_id: str) -> Container:
        return Container(self._api.inspect(container_id), self.client)

    def list(self, all: bool = False, before: str | None = None, filters: dict | None = None, limit: int = -1,
             since: str | None = None, sparse: bool = False, ignore_removed: bool = False) -> list[Container]:
        filters = _filters(filters)
        if before:
            filters["before"] = {before: True}
        if since:
            filters["since"] = {since: True}
        summaries = self._api.list(all=all, limit=limit, filters=filters or None)
        if sparse:
            return [Container(summary, self.client) for summary in summaries]
        out = []
        for summary in summaries:
            try:
                out.append(self.get(summary["Id"]))
            except NotFound:
                if not ignore_removed:
                    raise
        return out

    def prune(self, filters: dict | None = None) -> dict:
        return self._api.prune(_filters(filters) or None)


def _filters(filters: dict | None) -> dict:
    """docker-py's {"label": "a=b"} or {"status": ["exited"]} -> the engine's map of sets."""
    out: dict[str, dict[str, bool]] = {}
    for key, value in (filters or {}).items():
        values = value if isinstance(value, (list, tuple, set)) else [value]
        out[key] = {str(v).lower() if isinstance(v, bool) else str(v): True for v in values}
    return out


# keyword -> run/create option name, for values that pass through unchanged
_SAME = {
    "cap_add": "cap_add", "cap_drop": "cap_drop", "cgroupns": "cgroupns", "cpu_period": "cpu_period",
    "cpu_quota": "cpu_quota", "cpu_shares": "cpu_shares", "cpuset_cpus": "cpuset_cpus",
    "cpuset_mems": "cpuset_mems", "device_cgroup_rules": "device_cgroup_rule", "devices": "device",
    "dns": "dns", "dns_opt": "dns_option", "dns_search": "dns_search", "domainname": "domainname",
    "entrypoint": "entrypoint", "group_add": "group_add", "hostname": "hostname", "init": "init",
    "ipc_mode": "ipc", "isolation": "isolation", "links": "link", "mac_address": "mac_address",
    "nano_cpus": "cpus", "oom_kill_disable": "oom_kill_disable", "oom_score_adj": "oom_score_adj",
    "pid_mode": "pid", "pids_limit": "pids_limit", "privileged": "privileged", "publish_all_ports": "publish_all",
    "read_only": "read_only", "runtime": "runtime", "security_opt": "security_opt", "stdin_open": "interactive",
    "stop_signal": "stop_signal", "stop_timeout": "stop_timeout", "tty": "tty", "user": "user",
    "userns_mode": "userns", "uts_mode": "uts", "volume_driver": "volume_driver", "volumes_from": "volumes_from",
    "working_dir": "workdir", "auto_remove": "rm", "mem_swappiness": "memory_swappiness",
    "blkio_weight": "blkio_weight",
}
_SIZES = {"mem_limit": "memory", "memswap_limit": "memory_swap", "mem_reservation": "memory_reservation",
          "shm_size": "shm_size", "kernel_memory": "kernel_memory"}


def container_body(image: str, command, kwargs: dict) -> dict:
    """docker-py's create() keywords -> the POST /containers/create body (via the run/create parser)."""
    from .opts.container import parse
    from .opts.mounts import parse_mount

    values: dict[str, Any] = {}
    for key, value in list(kwargs.items()):
        if value is None:
            continue
        if key in _SAME:
            values[_SAME[key]] = value
        elif key in _SIZES:
            values[_SIZES[key]] = _size(value)
        elif key in _CONVERTERS:
            _CONVERTERS[key](values, value)
        elif key == "mounts":
            values["mount"] = [parse_mount(m) if isinstance(m, str) else m for m in value]
        else:
            raise TypeError(f"create() got an unexpected keyword argument '{key}'")
    if "device" in values and isinstance(values["device"], str):
        values["device"] = [values["device"]]
    cfg = parse(values, image, _command(command) or ())
    return cfg.body()


def _size(value) -> int:
    if isinstance(value, int):
        return value
    from .opts.sizes import ram_in_bytes

    return ram_in_bytes(str(value))


def _set_env(values, value):
    values["env"] = _env_list(value) or []


def _set_labels(values, value):
    values["label"] = [f"{k}={v}" for k, v in value.items()] if isinstance(value, dict) else \
        [f"{k}=" for k in value]


def _set_ports(values, ports: dict):
    """{"80/tcp": 8080, "53/udp": ("127.0.0.1", 53), "81": None, "82": [8082, 8083]} -> -p specs."""
    specs = []
    for container_port, host in ports.items():
        container_port = str(container_port)
        bindings = host if isinstance(host, list) else [host]
        for binding in bindings:
            if binding is None:
                specs.append(container_port)
            elif isinstance(binding, tuple):
                ip, port = binding if len(binding) == 2 else (binding[0], "")
                specs.append(f"{ip}:{port or ''}:{container_port}")
            else:
                specs.append(f"{binding}:{container_port}")
    values["publish"] = specs


def _set_volumes(values, volumes):
    """{"/host": {"bind": "/c", "mode": "ro"}} or ["/host:/c:ro", "/anon"] -> -v specs."""
    if isinstance(volumes, dict):
        values["volume"] = [f"{host}:{spec['bind']}:{spec.get('mode', 'rw')}" if isinstance(spec, dict)
                            else f"{host}:{spec}" for host, spec in volumes.items()]
    else:
        values["volume"] = list(volumes)


def _set_network(values, value):
    from .opts.network import parse_network

    values["network"] = [parse_network(value)]


def _set_restart(values, policy: dict):
    name, count = policy.get("Name", ""), policy.get("MaximumRetryCount", 0)
    values["restart"] = f"{name}:{count}" if count else name


def _set_extra_hosts(values, hosts):
    values["add_host"] = [f"{k}:{v}" for k, v in hosts.items()] if isinstance(hosts, dict) else list(hosts)


def _set_tmpfs(values, tmpfs):
    values["tmpfs"] = [f"{k}:{v}" if v else k for k, v in tmpfs.items()] if isinstance(tmpfs, dict) \
        else list(tmpfs)


def _set_sysctls(values, sysctls: dict):
    values["sysctl"] = [f"{k}={v}" for k, v in sysctls.items()]


def _set_ulimits(values, ulimits):
    values["ulimit"] = [{"Name": u["Name"] if isinstance(u, dict) else u.name,
                         "Soft": u["Soft"] if isinstance(u, dict) else u.soft,
                         "Hard": u["Hard"] if isinstance(u, dict) else u.hard} for u in ulimits]


def _set_log_config(values, config):
    config = config if isinstance(config, dict) else {"Type": config.type, "Config": config.config}
    values["log_driver"] = config.get("Type") or config.get("type") or ""
    values["log_opt"] = [f"{k}={v}" for k, v in (config.get("Config") or config.get("config") or {}).items()]


def _set_healthcheck(values, check: dict):
    test = check.get("test") or check.get("Test")
    if test in (["NONE"], "NONE"):
        values["no_healthcheck"] = True
        return
    if isinstance(test, str):
        values["health_cmd"] = test
    elif test and test[0] == "CMD-SHELL":
        values["health_cmd"] = test[1]
    for key, option in (("interval", "health_interval"), ("timeout", "health_timeout"),
                        ("start_period", "health_start_period"), ("retries", "health_retries")):
        value = check.get(key, check.get(key.title().replace("_", "")))
        if value:
            values[option] = value


_CONVERTERS = {
    "environment": _set_env, "labels": _set_labels, "ports": _set_ports, "volumes": _set_volumes,
    "network": _set_network, "network_mode": _set_network, "restart_policy": _set_restart,
    "extra_hosts": _set_extra_hosts, "tmpfs": _set_tmpfs, "sysctls": _set_sysctls, "ulimits": _set_ulimits,
    "log_config": _set_log_config, "healthcheck": _set_healthcheck,
}


# -- images -----------------------------------------------------------------------
class Image(Model):
    @property
    def tags(self) -> list[str]:
        return [t for t in self.attrs.get("RepoTags") or [] if t != "<none>:<none>"]

    @property
    def labels(self) -> dict:
        return (self.attrs.get("Config") or {}).get("Labels") or {}

    def reload(self) -> None:
        self.attrs = self.client.api.images.inspect(self.id)

    def tag(self, repository: str, tag: str | None = None) -> bool:
        self.client.api.images.tag(self.id, repository, tag)
        return True


class ImageCollection:
    def __init__(self, client: DockerClient):
        self.client = client

    def get(self, name: str) -> Image:
        return Image(self.client.api.images.inspect(name), self.client)

    def list(self, name: str | None = None, all: bool = False, filters: dict | None = None) -> list[Image]:
        filters = _filters(filters)
        if name:
            filters["reference"] = {name: True}
        return [Image(summary, self.client) for summary in self.client.api.images.list(all=all,
                                                                                       filters=filters or None)]

    def pull(self, repository: str, tag: str | None = None, all_tags: bool = False, platform: str | None = None,
             **kwargs) -> Image:
        """Pull an image (":latest" unless a tag or digest is given); returns it."""
        from .opts.reference import parse_normalized_named
        from .streams.jsonstream import json_objects
        from .streams.progress import JSONMessageError

        ref = parse_normalized_named(repository)
        if tag:
            ref = type(ref)(ref.domain, ref.path, tag, "")
        with self.client.api.images.pull(ref.name, ref.api_tag, platform=platform) as response:
            for message in json_objects(response.iter_raw()):
                error = message.get("errorDetail") or ({"message": message["error"]} if message.get("error")
                                                       else None)
                if error:
                    raise EngineError(500, JSONMessageError(error.get("message", "")).message)
        return self.get(ref.with_default_tag().familiar())

    def remove(self, image: str, force: bool = False, noprune: bool = False) -> list[dict]:
        return self.client.api.images.remove(image, force=force, noprune=noprune)
