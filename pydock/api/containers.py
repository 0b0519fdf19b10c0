"""/containers endpoints (Engine API 1.41). Every method returns plain data (dicts, lists, bytes, iterators)."""
from __future__ import annotations

from .base import Endpoint, minimum_version, version_error


class ContainersAPI(Endpoint):
    """Containers by ID or name; an empty name raises InvalidArgument, a missing one NotFound."""

    kind = "container"

    # -- reading ----------------------------------------------------------------
    def list(self, *, all: bool = False, limit: int | None = None, size: bool = False,
             filters: dict | None = None) -> list[dict]:
        """GET /containers/json: summaries (Id, Names, Image, State, Status …)."""
        params = {"all": all or None, "limit": limit if limit and limit > 0 else None,
                  "size": size or None, "filters": filters or None}
        return self._get("/containers/json", params)

    def inspect(self, container: str, *, size: bool = False) -> dict:
        """GET /containers/{id}/json (with SizeRw and SizeRootFs when `size`)."""
        return self._get(self.path("/containers/{}/json", container), {"size": size or None})

    def inspect_raw(self, container: str, *, size: bool = False) -> bytes:
        """The engine's JSON as sent (docker indents these bytes rather than re-encoding them)."""
        return self._raw("GET", self.path("/containers/{}/json", container), params={"size": size or None})

    def top(self, container: str, ps_args: str | None = None) -> dict:
        """GET /containers/{id}/top: {"Titles": [...], "Processes": [[...], ...]}."""
        return self._get(self.path("/containers/{}/top", container), {"ps_args": ps_args or None})

    def changes(self, container: str) -> list[dict]:
        """GET /containers/{id}/changes: [{"Path", "Kind": 0 modified | 1 added | 2 deleted}]."""
        return self._get(self.path("/containers/{}/changes", container)) or []

    def logs(self, container: str, *, follow=False, stdout=True, stderr=True, since=None, until=None,
             timestamps=False, tail=None, details=False):
        """GET /containers/{id}/logs: a context manager yielding the streaming response (framed unless the
        container has a TTY). `since`/`until` are Unix seconds (docker's "seconds.nanoseconds" text too)."""
        params = {"follow": follow, "stdout": stdout, "stderr": stderr, "since": since, "until": until,
                  "timestamps": timestamps, "tail": tail, "details": details}
        return self.t.stream("GET", self.path("/containers/{}/logs", container), params=params)

    def export(self, container: str):
        """GET /containers/{id}/export: a context manager yielding the tar stream."""
        return self.t.stream("GET", self.path("/containers/{}/export", container))

    def stats(self, container: str, *, stream: bool = True, one_shot: bool = False):
        """GET /containers/{id}/stats: a context manager yielding a stream of JSON objects (one a second)."""
        params = {"stream": stream, "one-shot": one_shot or None}
        return self.t.stream("GET", self.path("/containers/{}/stats", container), params=params)

    def stats_once(self, container: str) -> dict:
        """GET /containers/{id}/stats?stream=0: one sample (the engine waits for a second one to compare)."""
        return self._get(self.path("/containers/{}/stats", container), {"stream": False})

    # -- lifecycle ----------------------------------------------------------------
    def create(self, body: dict, *, name: str | None = None, platform: str | None = None) -> dict:
        """POST /containers/create: {"Id", "Warnings"}.

        `body` is Config with HostConfig and NetworkingConfig (opts.container.ContainerConfig.body()).
        A MAC address per network needs API 1.44 (InvalidVersion, as docker's client refuses it).
        """
        endpoints = ((body.get("NetworkingConfig") or {}).get("EndpointsConfig") or {}).values()
        if any((endpoint or {}).get("MacAddress") for endpoint in endpoints) and not self.version_at_least("1.44"):
            raise version_error("specify mac-address per network", "1.44", self.api_version)
        return self._post("/containers/create", params={"name": name, "platform": platform}, json=body)

    def start(self, container: str, *, detach_keys: str | None = None) -> None:
        """POST /containers/{id}/start."""
        self._send("POST", self.path("/containers/{}/start", container), params={"detachKeys": detach_keys})

    def stop(self, container: str, *, timeout: int | None = None, signal: str | None = None) -> None:
        """POST /containers/{id}/stop; `timeout` in seconds before SIGKILL."""
        self._send("POST", self.path("/containers/{}/stop", container), params=self._stop_params(timeout, signal))

    def restart(self, container: str, *, timeout: int | None = None, signal: str | None = None) -> None:
        """POST /containers/{id}/restart; `timeout` in seconds before SIGKILL."""
        self._send("POST", self.path("/containers/{}/restart", container),
                   params=self._stop_params(timeout, signal))

    def _stop_params(self, timeout, signal) -> dict:
        # engines before API 1.42 know no `signal`: docker leaves it out rather than fail
        if signal and not self.version_at_least("1.42"):
            signal = None
        return {"t": timeout, "signal": signal or None}

    def kill(self, container: str, signal: str | None = None) -> None:
        """POST /containers/{id}/kill (SIGKILL unless `signal`, a name or number)."""
        self._send("POST", self.path("/containers/{}/kill", container), params={"signal": signal})

    def pause(self, container: str) -> None:
        """POST /containers/{id}/pause."""
        self._send("POST", self.path("/containers/{}/pause", container))

    def unpause(self, container: str) -> None:
        """POST /containers/{id}/unpause."""
        self._send("POST", self.path("/containers/{}/unpause", container))

    def rename(self, container: str, name: str) -> None:
        """POST /containers/{id}/rename?name=."""
        self._send("POST", self.path("/containers/{}/rename", container), params={"name": name})

    def update(self, container: str, body: dict) -> dict:
        """POST /containers/{id}/update with resources and RestartPolicy: {"Warnings": [...]}."""
        return self._post(self.path("/containers/{}/update", container), json=body) or {}

    def resize(self, container: str, height: int, width: int) -> None:
        """POST /containers/{id}/resize?h=&w= (the TTY's size in characters)."""
        self._send("POST", self.path("/containers/{}/resize", container), params={"h": height, "w": width})

    def wait(self, container: str, condition: str | None = None, *, timeout: float | None = None) -> dict:
        """POST /containers/{id}/wait; blocks until the condition: {"StatusCode": n, "Error": …}.

        `timeout` (seconds) bounds the wait: EngineTimeout when it passes first.
        """
        path = self.path("/containers/{}/wait", container)
        return self.t.request("POST", path, params={"condition": condition}, timeout=timeout).json()

    def wait_stream(self, container: str, condition: str | None = None):
        """Register a wait now and read its answer later (a context manager yielding the response)."""
        return self.t.stream("POST", self.path("/containers/{}/wait", container), params={"condition": condition})

    def remove(self, container: str, *, volumes: bool = False, force: bool = False, link: bool = False) -> None:
        """DELETE /containers/{id} (`volumes`: its anonymous volumes too)."""
        self._send("DELETE", self.path("/containers/{}", container),
                   params={"v": volumes or None, "force": force or None, "link": link or None})

    @minimum_version("1.25", "container prune")
    def prune(self, filters: dict | None = None) -> dict:
        """POST /containers/prune: {"ContainersDeleted": [...], "SpaceReclaimed": bytes}."""
        return self._post("/containers/prune", params={"filters": filters or None})

    def commit(self, container: str, *, repo: str | None = None, tag: str | None = None,
               comment: str | None = None, author: str | None = None, pause: bool = True,
               changes: list[str] | None = None, config: dict | None = None) -> dict:
        """POST /commit?container=: {"Id": "sha256:…"}; `changes` are Dockerfile instructions."""
        container = self._checked(container)
        params = {"container": container, "repo": repo, "tag": tag, "comment": comment, "author": author,
                  "pause": pause}
        query = [(k, v) for k, v in params.items() if v is not None]
        query.extend(("changes", change) for change in changes or [])
        return self._post("/commit", params=query, json=config or {})

    # -- attach and files ---------------------------------------------------------
    def attach(self, container: str, *, stdin=False, stdout=True, stderr=True, logs=False,
               detach_keys: str | None = None):
        """POST /containers/{id}/attach, hijacked; returns a HijackedStream."""
        from ..streams.hijack import HijackedStream

        params = {"stream": True, "stdin": stdin, "stdout": stdout, "stderr": stderr,
                  "logs": logs or None, "detachKeys": detach_keys}
        response, stream = self.t.upgrade(self.path("/containers/{}/attach", container), params=params)
        return HijackedStream(response, stream)

    def archive_stat(self, container: str, path: str) -> dict:
        """HEAD /containers/{id}/archive: the X-Docker-Container-Path-Stat header, decoded
        ({"name", "size", "mode", "mtime", "linkTarget"}; mode holds Go's os.FileMode bits).

        A HEAD answer has no body, so a failure carries only its status: NotFound (404: no such container
        or path) or EngineError (400, 500), worded as docker's client words a bodiless error.
        """
        import base64
        import json

        response = self.t.request("HEAD", self.path("/containers/{}/archive", container), params={"path": path})
        header = response.headers.get("X-Docker-Container-Path-Stat", "")
        return json.loads(base64.b64decode(header)) if header else {}

    def get_archive(self, container: str, path: str):
        """GET /containers/{id}/archive: a context manager yielding the streaming tar response; its stat
        is in the X-Docker-Container-Path-Stat header."""
        return self.t.stream("GET", self.path("/containers/{}/archive", container), params={"path": path})

    def put_archive(self, container: str, path: str, data, *, no_overwrite_dir_non_dir: bool = True,
                    copy_uid_gid: bool = False) -> None:
        """PUT /containers/{id}/archive: extract the tar `data` (bytes or an iterator of chunks) at `path`.

        Like docker's client (CopyToContainerOptions), a directory may not replace a file nor a file a
        directory unless `no_overwrite_dir_non_dir` is False. Errors: NotFound (no such container or
        path), EngineError (500 "extraction point is not a directory" …).
        """
        params = {"path": path, "noOverwriteDirNonDir": no_overwrite_dir_non_dir or None,
                  "copyUIDGID": copy_uid_gid or None}
        self._send("PUT", self.path("/containers/{}/archive", container), params=params, content=data,
                   headers={"Content-Type": "application/x-tar"})
