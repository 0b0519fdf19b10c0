"""Containers in the Python API (docker-py 7's models/containers.py, argument names and return shapes).

    >>> client.containers.run("alpine", ["echo", "hello"])
    b'hello\\n'
"""
from __future__ import annotations

from collections import namedtuple
from typing import Iterator

from ..api.base import as_filters
from ..errors import ContainerError, DockerException, ImageNotFound, InvalidArgument, NotFound
from .images import Image
from .resource import Collection, Model, lines, response_stream

ExecResult = namedtuple("ExecResult", "exit_code,output")
"""Container.exec_run's result: (exit_code, output)."""

DEFAULT_DATA_CHUNK_SIZE = 1024 * 2048


class Container(Model):
    """A container; `attrs` is GET /containers/{id}/json (or a list entry with sparse=True)."""

    @property
    def name(self) -> str | None:
        name = self.attrs.get("Name")
        return name.lstrip("/") if name is not None else None

    @property
    def image(self) -> Image | None:
        image_id = self.attrs.get("ImageID", self.attrs["Image"])
        if image_id is None:
            return None
        return self.client.images.get(image_id.split(":")[1])

    @property
    def labels(self) -> dict:
        try:
            return self.attrs["Config"].get("Labels") or {}
        except KeyError:
            raise DockerException("Label data is not available for sparse objects. Call reload() to retrieve "
                                  "all information") from None

    @property
    def status(self) -> str:
        """"running", "exited" …"""
        state = self.attrs["State"]
        return state["Status"] if isinstance(state, dict) else state

    @property
    def health(self) -> str:
        """The healthcheck's status ("healthy", "unhealthy", "starting"), "unknown" without one."""
        state = self.attrs.get("State", {})
        if not isinstance(state, dict):
            raise DockerException("Health data is not available for sparse objects. Call reload() to retrieve "
                                  "all information")
        return (state.get("Health") or {}).get("Status", "unknown")

    @property
    def ports(self) -> dict:
        """NetworkSettings.Ports: {"80/tcp": [{"HostIp", "HostPort"}] or None}."""
        return (self.attrs.get("NetworkSettings") or {}).get("Ports") or {}

    @property
    def _api(self):
        return self.client.api.containers

    def _tty(self) -> bool:
        config = self.attrs.get("Config")
        if config is None:
            config = self._api.inspect(self.id).get("Config") or {}
        return bool(config.get("Tty"))

    # -- reading -------------------------------------------------------------------------------
    def attach(self, stdout: bool = True, stderr: bool = True, stream: bool = False, logs: bool = False,
               demux: bool = False):
        """Attach to the container's output (POST /containers/{id}/attach).

        Returns the output as bytes once the container stops, or with stream=True a CancellableStream
        of chunks; with demux=True, (stdout, stderr) tuples instead of bytes.
        """
        tty = self._tty()
        conn = self._api.attach(self.id, stdin=False, stdout=stdout, stderr=stderr, logs=logs)
        output = _read_output(conn, tty, demux, stream)
        if not stream:
            return output
        from .resource import CancellableStream

        return CancellableStream(output, conn.shutdown)

    def attach_socket(self, stdin: bool = True, stdout: bool = True, stderr: bool = True, logs: bool = False):
        """The hijacked connection itself (a pydock.streams.hijack.HijackedStream: read, write,
        close_write, close); framed unless the container has a TTY."""
        return self._api.attach(self.id, stdin=stdin, stdout=stdout, stderr=stderr, logs=logs)

    def diff(self) -> list[dict]:
        """Changes to the filesystem: [{"Path", "Kind": 0 modified | 1 added | 2 deleted}]."""
        return self._api.changes(self.id)

    def export(self, chunk_size: int | None = DEFAULT_DATA_CHUNK_SIZE) -> Iterator[bytes]:
        """The container's filesystem as a tar stream (bytes chunks of `chunk_size`)."""
        return response_stream(self._api.export(self.id), lambda r: r.iter_raw(chunk_size))

    def get_archive(self, path: str, chunk_size: int | None = DEFAULT_DATA_CHUNK_SIZE,
                    encode_stream: bool = False) -> tuple[Iterator[bytes], dict]:
        """(tar stream of `path`, its stat {"name", "size", "mode", "mtime", "linkTarget"}).

        `encode_stream` is accepted for docker-py's signature; the transfer is not compressed.
        """
        import base64
        import json

        stat: dict = {}

        def read(response):
            header = response.headers.get("X-Docker-Container-Path-Stat", "")
            stat.update(json.loads(base64.b64decode(header)) if header else {})
            return response.iter_raw(chunk_size)

        chunks = response_stream(self._api.get_archive(self.id, path), read)
        return chunks, stat

    def logs(self, stdout: bool = True, stderr: bool = True, stream: bool = False, timestamps: bool = False,
             tail: str | int = "all", since=None, follow: bool | None = None, until=None):
        """The container's output as bytes, or with stream=True a CancellableStream of chunks.

        `since`/`until`: a datetime, or Unix seconds (int or float). `follow` defaults to `stream`.
        """
        follow = stream if follow is None else follow
        tty = self._tty()
        context = self._api.logs(self.id, stdout=stdout, stderr=stderr, follow=follow, timestamps=timestamps,
                                 tail=str(tail), since=_api_time(since), until=_api_time(until))
        chunks = response_stream(context, lambda r: (payload for _, payload in _frames(r.iter_raw(), tty)))
        return chunks if stream else b"".join(chunks)

    def stats(self, decode: bool = False, stream: bool = True, one_shot: bool | None = None):
        """Resource usage (GET /containers/{id}/stats): with stream=True a CancellableStream of JSON lines
        (dicts with decode=True), else one dict. `one_shot` (stream=False only) skips the second sample."""
        if one_shot and stream:
            raise InvalidArgument("one_shot is only available in conjunction with stream=False")
        context = self._api.stats(self.id, stream=stream, one_shot=bool(one_shot))
        if not stream:
            with context as response:
                response.read()
                return response.json()
        from ..streams.jsonstream import json_objects

        return response_stream(context, lambda r: json_objects(r.iter_raw()) if decode else lines(r.iter_raw()))

    def top(self, ps_args: str | None = None) -> dict:
        """The processes: {"Titles": [...], "Processes": [[...], ...]}."""
        return self._api.top(self.id, ps_args)

    def wait(self, timeout: float | None = None, condition: str | None = None) -> dict:
        """Block until the container stops (or `condition`: "not-running", "next-exit", "removed"):
        {"StatusCode": n, "Error": …}. `timeout` (seconds) raises EngineTimeout when exceeded."""
        return self._api.wait(self.id, condition, timeout=timeout)

    # -- acting --------------------------------------------------------------------------------
    def commit(self, repository: str | None = None, tag: str | None = None, message: str | None = None,
               author: str | None = None, pause: bool = True, changes=None, conf: dict | None = None) -> Image:
        """Commit the container to an image (POST /commit) and return the Image.

        `changes`: Dockerfile instructions (a string or a list), `conf`: Config to apply.
        """
        changes = [changes] if isinstance(changes, str) else changes
        answer = self._api.commit(self.id, repo=repository, tag=tag, comment=message, author=author, pause=pause,
                                  changes=changes, config=conf)
        return self.client.images.get(answer["Id"])

    def exec_run(self, cmd, stdout: bool = True, stderr: bool = True, stdin: bool = False, tty: bool = False,
                 privileged: bool = False, user: str = "", detach: bool = False, stream: bool = False,
                 socket: bool = False, environment=None, workdir: str | None = None,
                 demux: bool = False) -> ExecResult:
        """Run a command in the container: ExecResult(exit_code, output).

        output is bytes, (stdout, stderr) with demux=True, a generator of chunks with stream=True (exit_code
        None), or the HijackedStream with socket=True (exit_code None).
        """
        api = self.client.api.exec
        body = {"User": user, "Privileged": privileged, "Tty": tty, "AttachStdin": stdin,
                "AttachStdout": stdout, "AttachStderr": stderr, "Detach": detach, "DetachKeys": "",
                "Env": _env_list(environment), "WorkingDir": workdir or "", "Cmd": _command(cmd)}
        exec_id = api.create(self.id, body)["Id"]
        if detach:
            api.start_detached(exec_id, tty=tty)
            return ExecResult(None, b"")
        conn = api.start_attached(exec_id, tty=tty)
        if socket:
            return ExecResult(None, conn)
        if stdin is False:
            conn.close_write()
        output = _read_output(conn, tty, demux, stream)
        if stream:
            return ExecResult(None, output)
        return ExecResult(api.inspect(exec_id).get("ExitCode"), output)

    def kill(self, signal: str | int | None = None) -> None:
        """Send a signal (SIGKILL by default)."""
        self._api.kill(self.id, str(signal) if signal is not None else None)

    def pause(self) -> None:
        self._api.pause(self.id)

    def unpause(self) -> None:
        self._api.unpause(self.id)

    def put_archive(self, path: str, data) -> bool:
        """Extract a tar archive (bytes or an iterator of bytes) into `path`, which must exist. True once done."""
        self._api.put_archive(self.id, path, data, no_overwrite_dir_non_dir=False)  # docker-py sends only path
        return True

    def remove(self, v: bool = False, link: bool = False, force: bool = False) -> None:
        """Remove the container (`v`: its anonymous volumes too)."""
        self._api.remove(self.id, volumes=v, link=link, force=force)

    def rename(self, name: str) -> None:
        self._api.rename(self.id, name)

    def resize(self, height: int, width: int) -> None:
        """Resize the container's TTY (characters)."""
        self._api.resize(self.id, height, width)

    def restart(self, timeout: int | None = None) -> None:
        """Restart, killing after `timeout` seconds (the container's stop timeout by default)."""
        self._api.restart(self.id, timeout=timeout)

    def start(self) -> None:
        self._api.start(self.id)

    def stop(self, timeout: int | None = None) -> None:
        """Stop, killing after `timeout` seconds (the container's stop timeout by default)."""
        self._api.stop(self.id, timeout=timeout)

    def update(self, blkio_weight: int | None = None, cpu_period: int | None = None, cpu_quota: int | None = None,
               cpu_shares: int | None = None, cpuset_cpus: str | None = None, cpuset_mems: str | None = None,
               mem_limit=None, mem_reservation=None, memswap_limit=None, kernel_memory=None,
               restart_policy: dict | None = None) -> dict:
        """Change resources and the restart policy (POST /containers/{id}/update): {"Warnings": [...]}.

        Sizes are bytes, or strings with a unit ("128m").
        """
        from .container_args import _bytes

        body = {"BlkioWeight": blkio_weight, "CpuPeriod": cpu_period, "CpuShares": cpu_shares,
                "CpuQuota": cpu_quota, "CpusetCpus": cpuset_cpus, "CpusetMems": cpuset_mems,
                "RestartPolicy": restart_policy}
        for key, value in (("Memory", mem_limit), ("MemoryReservation", mem_reservation),
                           ("MemorySwap", memswap_limit), ("KernelMemory", kernel_memory)):
            body[key] = _bytes(value, key) if value else None
        return self._api.update(self.id, {k: v for k, v in body.items() if v})


def _frames(chunks, tty: bool):
    from ..streams.frames import demux, raw

    return raw(chunks) if tty else demux(chunks)


def _read_output(conn, tty: bool, demux: bool, stream: bool):
    """A hijacked connection's output: bytes, (stdout, stderr), or a generator of either per frame."""
    from ..streams.frames import STDERR

    def frames():
        try:
            yield from _frames(conn.chunks(), tty)
        finally:
            conn.close()

    if stream:
        if demux:
            return ((None, p) if s == STDERR else (p, None) for s, p in frames())
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


class ContainerCollection(Collection):
    """The engine's containers."""

    model = Container

    @property
    def _api(self):
        return self.client.api.containers

    def run(self, image, command=None, stdout: bool = True, stderr: bool = False, remove: bool = False,
            **kwargs):
        """Create and start a container (pulling a missing image); like `docker run`.

        Takes every keyword create() takes. Returns the output as bytes (a generator with stream=True),
        or the Container with detach=True. A non-zero exit raises ContainerError carrying its stderr.
        """
        image = image.id if isinstance(image, Image) else image
        stream = kwargs.pop("stream", False)
        detach = kwargs.pop("detach", False)
        platform = kwargs.get("platform")
        if detach and remove:
            kwargs["auto_remove"] = True
        if kwargs.get("network") and kwargs.get("network_mode"):
            raise RuntimeError('The options "network" and "network_mode" can not be used together.')
        if kwargs.get("networking_config") and not kwargs.get("network"):
            raise RuntimeError('The option "networking_config" can not be used without "network".')
        try:
            container = self.create(image, command, detach=detach, **kwargs)
        except ImageNotFound:
            self.client.images.pull(image, platform=platform)
            container = self.create(image, command, detach=detach, **kwargs)
        container.start()
        if detach:
            return container
        logging_driver = container.attrs["HostConfig"]["LogConfig"]["Type"]
        out = None
        if logging_driver in ("json-file", "journald", "local"):
            out = container.logs(stdout=stdout, stderr=stderr, stream=True, follow=True)
        status = container.wait()["StatusCode"]
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
        """Create a container (POST /containers/create) without starting it; like `docker create`.

        Keywords are docker-py's (environment, ports, volumes, mounts, network, networking_config,
        restart_policy, mem_limit …, and detach, name, platform, use_config_proxy). config.json's
        proxies are added to the environment unless use_config_proxy=False. Raises ImageNotFound when
        the image is missing (run() pulls it), TypeError for an unknown keyword, InvalidArgument for a
        bad value.
        """
        from ..opts.container import build
        from .container_args import create_spec

        image = image.id if isinstance(image, Image) else image
        spec, meta = create_spec(image, command, kwargs, proxy_env=self.client._proxy_env)
        answer = self._api.create(build(spec).body(), name=meta["name"], platform=meta["platform"])
        return self.get(answer["Id"])

    def get(self, container_id: str) -> Container:
        """One container by ID or name. Raises NotFound."""
        return self.prepare_model(self._api.inspect(container_id))

    def list(self, all: bool = False, before: str | None = None, filters: dict | None = None, limit: int = -1,
             since: str | None = None, sparse: bool = False, ignore_removed: bool = False) -> list[Container]:
        """Containers, like `docker ps`; each inspected unless sparse=True (then `attrs` is the list entry,
        and labels, health … raise DockerException until reload())."""
        filters = dict(filters or {})
        if before:
            filters["before"] = before
        if since:
            filters["since"] = since
        summaries = self._api.list(all=all, limit=limit, filters=as_filters(filters))
        if sparse:
            return [self.prepare_model(summary) for summary in summaries]
        out = []
        for summary in summaries:
            try:
                out.append(self.get(summary["Id"]))
            except NotFound:
                if not ignore_removed:
                    raise
        return out

    def prune(self, filters: dict | None = None) -> dict:
        """Remove stopped containers: {"ContainersDeleted": [ids], "SpaceReclaimed": bytes}."""
        return self._api.prune(as_filters(filters))
