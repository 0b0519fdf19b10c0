"""client.images against the real engine."""
from __future__ import annotations

import pytest

from pydock.errors import ImageNotFound, NotFound
from pydock.models.images import Image

from .conftest import docker_inspect


def test_get_list_and_pull(client):
    image = client.images.get("alpine")
    assert isinstance(image, Image) and "alpine:latest" in image.tags
    assert image.id == docker_inspect("image", "inspect", "alpine")["Id"]
    assert image.short_id == image.id[:19] and image.short_id.startswith("sha256:")
    assert image in client.images.list(name="alpine")
    assert client.images.pull("alpine").id == image.id


def test_missing_image(client):
    with pytest.raises(ImageNotFound) as info:
        client.images.get("pydt-no-such-image:latest")
    assert isinstance(info.value, NotFound) and info.value.status_code == 404


def test_tag_and_remove(client, cleanup):
    repository = cleanup.name("images")
    image = client.images.get("alpine")
    assert image.tag(repository, "t1") is True
    assert docker_inspect("image", "inspect", f"{repository}:t1")["Id"] == image.id
    assert client.images.remove(f"{repository}:t1") == [{"Untagged": f"{repository}:t1"}]
    assert docker_inspect("image", "inspect", f"{repository}:t1") is None
