"""Images in the Python API (docker-py 7's models/images.py): client.images.build/get/list/load/pull/
push/remove/prune/search, Image.history/reload/remove/save/tag."""
from __future__ import annotations

import re
from typing import Iterator

from ..api.base import as_filters
from .resource import Collection, Model

DEFAULT_DATA_CHUNK_SIZE = 1024 * 2048  # docker-py's chunk size for save


class Image(Model):
    """An image; `attrs` is GET /images/{name}/json (or a list entry)."""

    @property
    def short_id(self) -> str:
        """The ID truncated to 12 hex digits, keeping the "sha256:" prefix (as docker-py shows it)."""
        return self.id[:19] if self.id.startswith("sha256:") else self.id[:12]

    @property
    def tags(self) -> list[str]:
        return [t for t in self.attrs.get("RepoTags") or [] if t != "<none>:<none>"]

    @property
    def labels(self) -> dict:
        return self.attrs["Config"].get("Labels") or {}

    def tag(self, repository: str, tag: str | None = None, **kwargs) -> bool:
        """Tag this image as repository[:tag] (POST /images/{id}/tag); True once done."""
        self.client.api.images.tag(self.id, repository, tag)
        return True

    def remove(self, force: bool = False, noprune: bool = False) -> list[dict]:
        """Remove this image (DELETE /images/{id}): [{"Untagged"} | {"Deleted"}]."""
        return self.client.api.images.remove(self.id, force=force, noprune=noprune)

    def history(self) -> list[dict]:
        """The image's layers, newest first: [{Id, Created, CreatedBy, Tags, Size, Comment}]."""
        return self.client.api.images.history(self.id)

    def save(self, chunk_size: int | None = DEFAULT_DATA_CHUNK_SIZE, named: bool | str = False):
        """The image as a tar archive (`docker save`), a generator of byte chunks of `chunk_size`.

        `named=True` saves it under its first tag (so that a load gives the name back), `named="repo:tag"`
        under that tag, which must be one of the image's (else InvalidArgument); by default under its ID.
        """
        from ..errors import InvalidArgument

        name = self.id
        if named:
            name = self.tags[0] if self.tags else name
            if isinstance(named, str):
                if named not in self.tags:
                    raise InvalidArgument(f"{named} is not a valid tag for this image")
                name = named
        return _stream_chunks(self.client.api.images.save([name]), chunk_size)


class ImageCollection(Collection):
    """The engine's images."""

    model = Image

    def build(self, **kwargs) -> tuple[Image, Iterator[dict]]:
        """Build an image with the classic builder: (the image, an iterator over the build's messages).

        Keywords as docker-py's: path (a directory, .dockerignore honoured as docker does, or a URL),
        fileobj (a Dockerfile; the whole context as a tar with custom_context=True), tag, dockerfile
        (relative to path), buildargs, labels, target, nocache, pull, rm (False by default, as in
        docker-py), forcerm, quiet, container_limits (memory, memswap, cpushares, cpusetcpus), shmsize,
        network_mode, extra_hosts, cache_from, platform, isolation, squash, gzip, encoding, timeout (s),
        use_config_proxy. Raises BuildError (with the log) when a step fails or no image comes out,
        APIError when the engine refuses the request, TypeError for a missing source.
        """
        from ..config.credentials import all_auth_configs
        from ..errors import BuildError
        from ..streams.jsonstream import json_objects
        from .image_args import build_request

        timeout = kwargs.pop("timeout", None)
        kwargs.pop("decode", None)
        context, options = build_request(self.client, **kwargs)
        log: list[dict] = []
        image_id = None
        with self.client.api.build.build(context, options, auth_configs=all_auth_configs(self.client.config),
                                         timeout=timeout) as response:
            for message in json_objects(response.iter_raw()):
                log.append(message)
                if "error" in message:
                    raise BuildError(message["error"], iter(log))
                match = re.search(r"(^Successfully built |sha256:)([0-9a-f]+)$", message.get("stream") or "")
                if match:
                    image_id = match.group(2)
        if image_id is None:
            raise BuildError(log[-1] if log else "Unknown", iter(log))
        return self.get(image_id), iter(log)

    def load(self, data) -> list[Image]:
        """Load images from a tar archive (bytes, or a binary file): the images it held. Raises
        ImageLoadError with the engine's message for an archive it cannot read."""
        from ..errors import ImageLoadError
        from ..streams.jsonstream import json_objects

        body = data if isinstance(data, (bytes, bytearray)) else _read_all(data)
        names = []
        with self.client.api.images.load(body, quiet=True) as response:
            for message in json_objects(response.iter_raw()):
                match = re.search(r"(^Loaded image ID: |^Loaded image: )(.+)$", message.get("stream") or "")
                if match:
                    names.append(match.group(2))
                if message.get("errorDetail"):
                    raise ImageLoadError(message["errorDetail"].get("message", ""))
        return [self.get(name) for name in names]

    def prune(self, filters: dict | None = None) -> dict:
        """Remove unused images (dangling ones unless filters={"dangling": False}):
        {"ImagesDeleted": [...], "SpaceReclaimed": bytes}."""
        return self.client.api.images.prune(as_filters(filters))

    def search(self, term: str, limit: int | None = None, **kwargs) -> list[dict]:
        """Search the registry (Docker Hub unless the term names one): [{name, description, star_count,
        is_official, is_automated}]. Raises APIError with the engine's message when it cannot reach it."""
        from ..config.credentials import encoded_auth

        first, slash, _ = term.partition("/")
        registry = first if slash and ("." in first or ":" in first or first == "localhost") else "docker.io"
        return self.client.api.images.search(term, limit=limit, filters=as_filters(kwargs.get("filters")),
                                             auth=encoded_auth(self.client.config, registry))

    def get(self, name: str) -> Image:
        """One image by ID, digest or reference. Raises ImageNotFound."""
        return self.prepare_model(self.client.api.images.inspect(name))

    def list(self, name: str | None = None, all: bool = False, filters: dict | None = None) -> list[Image]:
        """Images (GET /images/json); `name` keeps those of one reference (docker's `reference` filter)."""
        filters = dict(filters or {})
        if name:
            filters["reference"] = name
        return [self.prepare_model(summary) for summary in self.client.api.images.list(
            all=all, filters=as_filters(filters))]

    def pull(self, repository: str, tag: str | None = None, all_tags: bool = False, platform: str | None = None,
             auth_config: dict | None = None, **kwargs) -> Image | list[Image]:
        """Pull an image and return it (docker-py 7's ImageCollection.pull).

        `repository` may carry a tag or digest ("alpine:3.19", "app@sha256:…"); `tag` wins over it,
        "latest" is the default. With `all_tags`, every tag is pulled and the list of the
        repository's images is returned. `platform`: "linux/amd64" …. `auth_config`
        ({"username", "password"} …) goes to the engine as X-Registry-Auth; without it, the
        credentials client.login() kept for the registry, else those stored by docker (config.json
        or a credential helper). Raises NotFound/APIError for a refused pull, APIError with the
        engine's message for an error in the progress stream.
        """
        from ..opts.reference import split_repository_tag

        repository, found = split_repository_tag(repository)
        tag = tag or found or "latest"
        with self.client.api.images.pull(repository, None if all_tags else tag, platform=platform,
                                         auth=self.client.registry_auth(repository, auth_config)) as response:
            _drain(response)
        if all_tags:
            return self.list(repository)
        return self.get(f"{repository}{'@' if tag.startswith('sha256:') else ':'}{tag}")

    def push(self, repository: str, tag: str | None = None, stream: bool = False, auth_config: dict | None = None,
             decode: bool = False, **kwargs):
        """Push an image or, without a tag, every tag of a repository (docker-py 7's push).

        Returns the engine's progress output (str: JSON lines) once the push ended; with `stream`, an
        iterator over it as it comes: one JSON line (bytes) at a time, or dicts with `decode`. As in
        docker-py, a push that fails inside the stream is told in its messages ({"errorDetail"}),
        not raised. Credentials as for pull().
        """
        from ..opts.reference import split_repository_tag

        if not tag:
            repository, tag = split_repository_tag(repository)
        context = self.client.api.images.push(repository, tag, auth=self.client.registry_auth(repository,
                                                                                              auth_config))
        if stream:
            from ..streams.jsonstream import json_objects
            from .resource import lines, response_stream

            return response_stream(context, lambda r: json_objects(r.iter_raw()) if decode else lines(r.iter_raw()))
        with context as response:
            return b"".join(response.iter_raw()).decode("utf-8", "replace")

    def remove(self, image: str, force: bool = False, noprune: bool = False) -> list[dict]:
        """Remove an image by ID or reference: [{"Untagged"} | {"Deleted"}]."""
        return self.client.api.images.remove(image, force=force, noprune=noprune)


def _stream_chunks(context, chunk_size: int | None) -> Iterator[bytes]:
    """The body of a streaming request, in chunks of `chunk_size` (as they come when None)."""
    with context as response:
        if chunk_size is None:
            yield from response.iter_raw()
            return
        buffer = b""
        for data in response.iter_raw():
            buffer += data
            while len(buffer) >= chunk_size:
                yield buffer[:chunk_size]
                buffer = buffer[chunk_size:]
        if buffer:
            yield buffer


def _read_all(fileobj) -> bytes:
    data = fileobj.read()
    return data.encode() if isinstance(data, str) else data


def _drain(response) -> None:
    """Read a pull's progress to its end; an error message in it raises APIError with its text."""
    from ..errors import APIError
    from ..streams.jsonstream import json_objects

    for message in json_objects(response.iter_raw()):
        error = message.get("errorDetail") or ({"message": message["error"]} if message.get("error") else None)
        if error:
            raise APIError(500, error.get("message", ""))
