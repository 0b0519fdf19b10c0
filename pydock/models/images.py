"""Images in the Python API: client.images.get/list/pull/remove/prune, Image.tag/remove."""
from __future__ import annotations

from ..api.base import as_filters
from .resource import Collection, Model


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


class ImageCollection(Collection):
    """The engine's images."""

    model = Image

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


def _drain(response) -> None:
    """Read a pull's progress to its end; an error message in it raises APIError with its text."""
    from ..errors import APIError
    from ..streams.jsonstream import json_objects

    for message in json_objects(response.iter_raw()):
        error = message.get("errorDetail") or ({"message": message["error"]} if message.get("error") else None)
        if error:
            raise APIError(500, error.get("message", ""))
