"""client.volumes and Volume against the real engine, checked with `docker volume inspect`."""
from __future__ import annotations

import re

import pytest

from pydock.errors import APIError, NotFound
from pydock.models.volumes import Volume

from .conftest import docker_inspect


def test_create_get_list_remove(client, cleanup):
    name = cleanup.name("volumes")
    volume = client.volumes.create(name, driver="local", driver_opts={"type": "tmpfs", "device": "tmpfs"},
                                   labels={"pydt": "yes"})
    assert isinstance(volume, Volume) and volume.id == volume.name == name
    info = docker_inspect("volume", "inspect", name)
    assert (info["Driver"], info["Labels"], info["Options"]) == ("local", {"pydt": "yes"},
                                                                 {"type": "tmpfs", "device": "tmpfs"})
    assert client.volumes.get(name) == volume and client.volumes.get(name).attrs == info
    assert [v.name for v in client.volumes.list(filters={"name": name})] == [name]
    volume.remove()
    assert docker_inspect("volume", "inspect", name) is None
    with pytest.raises(NotFound):
        client.volumes.get(name)
    assert client.volumes.list(filters={"name": name}) == []


def test_the_engine_names_an_unnamed_volume(client, cleanup):
    volume = client.volumes.create(labels={"pydt": "anonymous"})
    cleanup.volumes.append(volume.name)
    assert re.fullmatch(r"[0-9a-f]{64}", volume.name)
    assert docker_inspect("volume", "inspect", volume.name)["Labels"] == {"pydt": "anonymous"}


def test_a_volume_in_use_is_not_removed(client, cleanup):
    volume = client.volumes.create(cleanup.name("volumes"))
    client.containers.create("alpine", name=cleanup.name(), volumes=[f"{volume.name}:/data"])
    with pytest.raises(APIError) as info:
        volume.remove()
    assert info.value.status_code == 409 and "volume is in use" in info.value.explanation
    assert docker_inspect("volume", "inspect", volume.name) is not None


def test_prune_removes_only_matching_volumes(client, cleanup):
    label = cleanup.name("volumes", "pydt-label")
    mine = client.volumes.create(cleanup.name("volumes"), labels={label: ""})
    other = client.volumes.create(cleanup.name("volumes"))
    result = client.volumes.prune(filters={"label": label})
    assert result["VolumesDeleted"] == [mine.name] and isinstance(result["SpaceReclaimed"], int)
    assert docker_inspect("volume", "inspect", mine.name) is None
    assert docker_inspect("volume", "inspect", other.name) is not None
