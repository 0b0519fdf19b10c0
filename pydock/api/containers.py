"""/containers endpoints. Every method returns plain data (dicts, lists, bytes, iterators)."""
from __future__ import annotations

from typing import Iterator
from urllib.parse import quote


def _path(container: str, action: str = "") -> str:
    path = f"/containers/{quote(container, safe='')}"
    return f"{path}/{action}" if action else path


class ContainersAPI:
    def __init__(self, transport):
        self.t = transport

    # -- reading ----------------------------------------------------------------
    def list(self, *, all: bool = False, limit: int | None = None, size: bool = False,
             filters: dict | None = None) -> list[dict]:
        params = {"all": all or None, "limit": limit if limit and limit > 0 else None,
                  "size": size or None, "filters": filters or None}
        return self.t.get_json("/containers/json", params)

    def inspect(self, container: str, *, size: bool = False) -> dict:
        return self.t.get_json(_path(container, "json"), {"size": size or None})

    def inspect_raw(self, container: str, *, size: bool = False) -> bytes:
        """The engine's JSON as sent (docker indents these bytes rather than re-encoding them)."""
        return self.t.request("GET", _path(container, "json"), params={"size": size or None}).content

    def top(self, container: str, ps_args: str | None = None) -> dict:
        return self.t.get_json(_path(container, "top"), {"ps_args": ps_args or None})

    def changes(self, container: str) -> list[dict]:
        return self.t.get_json(_path(container, "changes")) or []

    def logs(self, container: str, *, follow=False, stdout=True, stderr=True, since=None, until=None,
             timestamps=False, tail=None, details=False):
        """A context manager yielding the streaming response (framed unless the container has a TTY)."""
        params = {"follow": follow, "stdout": stdout, "stderr": stderr, "since": since, "until": until,
                  "timestamps": timestamps, "tail": tail, "details": details}
        return self.t.stream("GET", _path(container, "logs"), params=params)

    def export(self, container: str):
        return self.t.stream("GET", _path(container, "export"))

    def stats(self, container: str, *, stream: bool = True, one_shot: bool = False):
        params = {"stream": stream, "one-shot": one_shot or None}
        return self.t.stream("GET", _path(container, "stats"), params=params)

    def stats_once(self, container: str) -> dict:
        return self.t.get_json(_path(container, "stats"), {"stream": False})

    # -- lifecycle ----------------------------------------------------------------
    def create(self, body: dict, *, name: str | None = None, platform: str | None = None) -> dict:
        return self.t.post_json("/containers/create", params={"name": name, "platform": platform}, json=body)

    def start(self, container: str, *, detach_keys: str | None = None) -> None:
        self.t.request("POST", _path(container, "start"), params={"detachKeys": detach_keys})

    def stop(self, container: str, *, timeout: int | None = None, signal: str | None = None) -> None:
        self.t.request("POST", _path(container, "stop"), params=self._stop_params(timeout, signal))

    def restart(self, container: str, *, timeout: int | None = None, signal: str | None = None) -> None:
        self.t.request("POST", _path(container, "restart"), params=self._stop_params(timeout, signal))

    def _stop_params(self, timeout, signal) -> dict:
        # engines before API 1.42 know no `signal`: docker leaves it out rather than fail
        if signal and not self.t.version_at_least("1.42"):
            signal = None
        return {"t": timeout, "signal": signal or None}

    def kill(self, container: str, signal: str | None = None) -> None:
        self.t.request("POST", _path(container, "kill"), params={"signal": signal})

    def pause(self, container: str) -> None:
        self.t.request("POST", _path(container, "pause"))

    def unpause(self, container: str) -> None:
        self.t.request("POST", _path(container, "unpause"))

    def rename(self, container: str, name: str) -> None:
        self.t.request("POST", _path(container, "rename"), params={"name": name})

    def update(self, container: str, body: dict) -> dict:
        return self.t.post_json(_path(container, "update"), json=body) or {}

    def resize(self, container: str, height: int, width: int) -> None:
        self.t.request("POST", _path(container, "resize"), params={"h": height, "w": width})

    def wait(self, container: str, condition: str | None = None) -> dict:
        """Blocks until the condition; returns {"StatusCode": n, "Error": …}."""
        return self.t.post_json(_path(container, "wait"), params={"condition": condition})

    def wait_stream(self, container: str, condition: str | None = None):
        """Register a wait now and read its answer later (a context manager yielding the response)."""
        return self.t.stream("POST", _path(container, "wait"), params={"condition": condition})

    def remove(self, container: str, *, volumes: bool = False, force: bool = False, link: bool = False) -> None:
        self.t.request("DELETE", _path(container), params={"v": volumes or None, "force": force or None,
                                                           "link": link or None})

    def prune(self, filters: dict | None = None) -> dict:
        return self.t.post_json("/containers/prune", params={"filters": filters or None})

    def commit(self, container: str, *, repo: str | None = None, tag: str | None = None,
               comment: str | None = None, author: str | None = None, pause: bool = True,
               changes: list[str] | None = None, config: dict | None = None) -> dict:
        params = {"container": container, "repo": repo, "tag": tag, "comment": comment, "author": author,
                  "pause": pause, "changes": None}
        query = [(k, v) for k, v in params.items() if v is not None]
        for change in changes or []:
            query.append(("changes", change))
        return self.t.post_json("/commit", params=_multi(query), json=config or {})

    # -- attach and files ---------------------------------------------------------
    def attach(self, container: str, *, stdin=False, stdout=True, stderr=True, logs=False,
               detach_keys: str | None = None):
        """Hijack the connection; returns a HijackedStream."""
        from ..streams.hijack import HijackedStream

        params = {"stream": True, "stdin": stdin, "stdout": stdout, "stderr": stderr,
                  "logs": logs or None, "detachKeys": detach_keys}
        response, stream = self.t.upgrade(_path(container, "attach"), params=params)
        return HijackedStream(response, stream)

    def archive_stat(self, container: str, path: str) -> dict:
        """HEAD /archive: the X-Docker-Container-Path-Stat header, decoded ({"name", "size", "mode", "mtime",
        "linkTarget"}; mode holds Go's os.FileMode bits).

        A HEAD answer has no body, so a failure carries only its status: NotFound (404: no such container
        or path) or EngineError (400, 500), worded as docker's client words a bodiless error.
        """
        import base64
        import json

        response = self.t.request("HEAD", _path(container, "archive"), params={"path": path})
        header = response.headers.get("X-Docker-Container-Path-Stat", "")
        return json.loads(base64.b64decode(header)) if header else {}

    def get_archive(self, container: str, path: str):
        """A context manager yielding the streaming tar response; its stat is in the header."""
        return self.t.stream("GET", _path(container, "archive"), params={"path": path})

    def put_archive(self, container: str, path: str, data, *, no_overwrite_dir_non_dir: bool = True,
                    copy_uid_gid: bool = False) -> None:
        """PUT /archive: extract the tar `data` (bytes or an iterator of chunks) at `path`.

        Like docker's client (CopyToContainerOptions), a directory may not replace a file nor a file a
        directory unless `no_overwrite_dir_non_dir` is False. Errors: NotFound (no such container or
        path), EngineError (500 "extraction point is not a directory" …).
        """
        params = {"path": path, "noOverwriteDirNonDir": no_overwrite_dir_non_dir or None,
                  "copyUIDGID": copy_uid_gid or None}
        self.t.request("PUT", _path(container, "archive"), params=params, content=data,
                       headers={"Content-Type": "application/x-tar"})

    def logs_iter(self, container: str, tty: bool, **kwargs) -> Iterator[tuple[int, bytes]]:
        """(stream, bytes) pairs of a container's logs, demultiplexed when there is no TTY."""
        from ..streams.frames import demux, raw

        with self.logs(container, **kwargs) as response:
            chunks = response.iter_raw()
            yield from (raw(chunks) if tty else demux(chunks))


class _multi(list):
    """Repeated query keys: encode_params passes lists of pairs through unchanged."""
