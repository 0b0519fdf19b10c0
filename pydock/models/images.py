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
             **kwargs) -> Image:
        """Pull an image (":latest" unless a tag or digest is given) and return it.

        A failed pull raises APIError carrying the engine's progress error.
        """
        from ..errors import APIError
        from ..opts.reference import parse_normalized_named
        from ..streams.jsonstream import json_objects
        from ..streams.progress import JSONMessageError

        ref = parse_normalized_named(repository)
        if tag:
            ref = type(ref)(ref.domain, ref.path, tag, "")
        with self.client.api.images.pull(ref.name, ref.api_tag, platform=platform) as response:
            for message in json_objects(response.iter_raw()):
                error = message.get("errorDetail") or ({"message": message["error"]} if message.get("error")
                                                       else None)
                if error:
                    raise APIError(500, JSONMessageError(error.get("message", "")).message)
        return self.get(ref.with_default_tag().familiar())

    def remove(self, image: str, force: bool = False, noprune: bool = False) -> list[dict]:
        """Remove an image by ID or reference: [{"Untagged"} | {"Deleted"}]."""
        return self.client.api.images.remove(image, force=force, noprune=noprune)
