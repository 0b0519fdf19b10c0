"""DockerClient as a whole: ping, version, info, df and events against the real engine."""
from __future__ import annotations

import json
import threading
import time

import pytest

import pydock
from pydock.errors import DockerException
from pydock.models.resource import CancellableStream

from .conftest import docker


def test_ping_version_info(client):
    assert client.ping() is True
    version = client.version()
    assert version["ApiVersion"] == json.loads(docker("version", "--format", "{{json .Server}}").stdout)["ApiVersion"]
    assert client.info()["ID"] == docker("info", "--format", "{{.ID}}").stdout.strip()


def test_pydock_docker_client_is_the_client_class():
    assert pydock.DockerClient is type(pydock.from_env())
    with pytest.raises(AttributeError):
        pydock.NoSuchThing  # noqa: B018


def test_df_sees_our_volume(client, cleanup):
    volume = client.volumes.create(cleanup.name("volumes"))
    usage = client.df()
    assert set(usage) >= {"LayersSize", "Images", "Containers", "Volumes"}
    assert volume.name in [v["Name"] for v in usage["Volumes"]]
    assert any("alpine:latest" in (image.get("RepoTags") or []) for image in usage["Images"])


def test_events_of_a_container_in_order_within_a_window(client, cleanup):
    label = cleanup.name("containers", "pydt-label")
    since = time.time() - 1
    client.containers.run("alpine", "true", name=cleanup.name(), labels={label: "1"}, remove=True)
    until = time.time() + 1
    time.sleep(1.1)  # `until` in the past: the engine sends what happened and ends the stream
    events = client.events(since=since, until=until, filters={"label": label, "type": "container"}, decode=True)
    assert isinstance(events, CancellableStream)
    actions = [event["Action"] for event in events]
    assert actions[:2] == ["create", "attach"] or actions[0] == "create"
    assert [a for a in actions if a in ("create", "start", "die", "destroy")] == ["create", "start", "die",
                                                                                 "destroy"]
    raw = list(client.events(since=str(int(since)), until=str(int(until) + 1), filters={"label": label}))
    assert raw and all(line.endswith(b"\n") and json.loads(line)["Actor"]["Attributes"][label] == "1"
                       for line in raw)


def test_a_live_event_stream_is_closed_from_another_thread(client, cleanup):
    label = cleanup.name("containers", "pydt-label")
    events = client.events(filters={"label": label}, decode=True)
    seen = []

    def read():
        for event in events:
            seen.append(event["Action"])

    reader = threading.Thread(target=read)
    reader.start()
    client.containers.create("alpine", name=cleanup.name(), labels={label: "1"})
    deadline = time.time() + 10
    while not seen and time.time() < deadline:
        time.sleep(0.1)
    events.close()
    reader.join(10)
    assert not reader.is_alive() and seen == ["create"]
    assert list(events) == []


def test_a_bad_window_is_the_engines_error(client):
    with pytest.raises(DockerException, match="must be after|since"):
        list(client.events(since=2000000000, until=1000000000))
