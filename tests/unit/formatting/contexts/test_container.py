"""ps's row context, computed as docker/cli's ContainerContext does."""
from __future__ import annotations

import pytest

from pydock.formatting.contexts.container import ContainerContext, displayable_ports

P = lambda private, kind="tcp", ip="", public=0: {"PrivatePort": private, "Type": kind, "IP": ip,  # noqa: E731
                                                  "PublicPort": public}


@pytest.mark.parametrize("ports, expected", [
    ([], ""),
    ([P(80)], "80/tcp"),
    ([P(82), P(80), P(81)], "80-82/tcp"),
    ([P(80), P(82)], "80/tcp, 82/tcp"),
    ([P(80, ip="0.0.0.0", public=8080)], "0.0.0.0:8080->80/tcp"),
    ([P(80, ip="::", public=8080)], "[::]:8080->80/tcp"),
    ([P(9000, "udp", "0.0.0.0", 9000), P(9001, "udp", "0.0.0.0", 9001), P(7000)],
     "7000/tcp, 0.0.0.0:9000-9001->9000-9001/udp"),
    ([P(53, ip="127.0.0.1", public=32768), P(7000), P(80, "udp")], "80/udp, 7000/tcp, 127.0.0.1:32768->53/tcp"),
])
def test_displayable_ports(ports, expected):
    assert displayable_ports(ports) == expected


def summary(**fields):
    base = {"Id": "a" * 64, "Names": ["/web"], "Image": "busybox", "ImageID": "sha256:" + "b" * 64,
            "Command": "sh -c 'echo hello \"quoted\" && sleep 600'", "Created": 1_700_000_000, "Ports": [],
            "Labels": {"z": "1", "a": "2"}, "State": "running", "Status": "Up 2 minutes",
            "Mounts": [{"Name": "c" * 64, "Driver": "local", "Source": "/x"}, {"Source": "/host", "Driver": ""}],
            "NetworkSettings": {"Networks": {"bridge": {}}}}
    return {**base, **fields}


def test_container_fields():
    row = ContainerContext(summary(), now=1_700_000_130)
    assert row.ID() == "a" * 12
    assert row.Command() == '"sh -c \'echo hello \\"…"'
    assert row.RunningFor() == "2 minutes ago"
    assert row.Labels() == "a=2,z=1" and row.Label("z") == "1" and row.Label("nope") == ""
    assert row.Mounts() == "cccccccccccccc…,/host" and row.LocalVolumes() == "1"
    assert row.Networks() == "bridge" and row.Names() == "web"
    full = ContainerContext(summary(), trunc=False)
    assert full.ID() == "a" * 64 and full.Mounts() == "c" * 64 + ",/host"


def test_container_names_skip_link_names_when_truncated():
    row = ContainerContext(summary(Names=["/other/alias", "/web"]))
    assert row.Names() == "web"
    assert ContainerContext(summary(Names=["/other/alias", "/web"]), trunc=False).Names() == "other/alias,web"


@pytest.mark.parametrize("image, image_id, expected", [
    ("busybox", "sha256:" + "b" * 64, "busybox"),
    ("docker.io/library/busybox:1.36", "sha256:" + "b" * 64, "busybox:1.36"),
    ("busybox@sha256:" + "d" * 64, "sha256:" + "b" * 64, "busybox"),
    ("bbbbbbbbbbbb", "sha256:" + "b" * 64, "bbbbbbbbbbbb"),
    ("", "", "<no image>"),
])
def test_container_image(image, image_id, expected):
    assert ContainerContext(summary(Image=image, ImageID=image_id)).Image() == expected


def test_container_size_records_its_use():
    row = ContainerContext(summary(SizeRw=0, SizeRootFs=1_985_569))
    assert row.Size() == "0B (virtual 1.99MB)" and "Size" in row.fields_used
    assert ContainerContext(summary(SizeRw=12)).Size() == "12B"


def test_container_json_keys_are_docker_fields():
    keys = sorted(ContainerContext(summary()).to_json_dict())
    assert keys == ["Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names",
                    "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status"]
