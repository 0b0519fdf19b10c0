"""-v, --mount and --tmpfs."""
from __future__ import annotations

import os

import pytest

from pydock.opts import OptError
from pydock.opts.mounts import parse_mount, parse_tmpfs, parse_volume_spec, split_volumes


@pytest.mark.parametrize("spec, kind, source, target, read_only", [
    ("/data", "volume", "", "/data", False),
    ("vol:/data", "volume", "vol", "/data", False),
    ("/host:/data:ro", "bind", "/host", "/data", True),
    ("./rel:/data:rw", "bind", "./rel", "/data", False),
    ("~/x:/data", "bind", "~/x", "/data", False),
    ("c:\\x:/y", "bind", "c:\\x", "/y", False),
    ("ab", "volume", "", "ab", False),
])
def test_volume_specs(spec, kind, source, target, read_only):
    parsed = parse_volume_spec(spec)
    assert (parsed["type"], parsed["source"], parsed["target"], parsed["read_only"]) == \
        (kind, source, target, read_only)


@pytest.mark.parametrize("spec, message", [
    ("/a::/b", "invalid spec: /a::/b: empty section between colons"),
    ("/a:/b:/c:ro", "invalid spec: /a:/b:/c:ro: too many colons"),
    ("", "invalid empty volume spec"),
])
def test_bad_volume_specs(spec, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_volume_spec(spec)


def test_binds_and_anonymous_volumes_split():
    binds, volumes = split_volumes(["/data", "vol:/v", "./rel:/r:ro", "/h:/c", "/data"])
    assert binds == ["vol:/v", os.path.abspath("rel") + ":/r:ro", "/h:/c"]
    assert volumes == {"/data": {}}


@pytest.mark.parametrize("value, mount", [
    ("type=bind,src=/tmp,dst=/x,ro", {"Type": "bind", "Source": "/tmp", "Target": "/x", "ReadOnly": True}),
    ("target=/v", {"Type": "volume", "Target": "/v"}),
    ("type=volume,target=/v,volume-label=a=b,volume-nocopy,volume-driver=local,volume-opt=o=1",
     {"Type": "volume", "Target": "/v", "VolumeOptions": {"Labels": {"a": "b"}, "NoCopy": True,
                                                          "DriverConfig": {"Name": "local", "Options": {"o": "1"}}}}),
    ("type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770",
     {"Type": "tmpfs", "Target": "/t", "TmpfsOptions": {"SizeBytes": 64 * 1024 * 1024, "Mode": 0o1770}}),
    ("type=bind,source=/a,target=/b,bind-propagation=RSHARED,readonly=false",
     {"Type": "bind", "Source": "/a", "Target": "/b", "BindOptions": {"Propagation": "rshared"}}),
    ("type=bind,src=/a,dst=/b,bind-recursive=disabled",
     {"Type": "bind", "Source": "/a", "Target": "/b", "BindOptions": {"NonRecursive": True}}),
    ('"type=bind","src=/a,b",dst=/c', {"Type": "bind", "Source": "/a,b", "Target": "/c"}),
])
def test_mounts(value, mount):
    assert parse_mount(value) == mount


@pytest.mark.parametrize("value, message", [
    ("foo", "invalid field 'foo' must be a key=value pair"),
    ("type=foo", "target is required"),
    ("type=bind,target=/x,volume-nocopy", "cannot mix 'volume-\\*' options with mount type 'bind'"),
    ("type=volume,target=/x,bind-propagation=shared", "cannot mix 'bind-\\*' options with mount type 'volume'"),
    ("type=tmpfs,target=/x,tmpfs-size=big", "invalid value for tmpfs-size: big"),
    ("type=tmpfs,target=/x,tmpfs-mode=9", "invalid value for tmpfs-mode: 9"),
    ("target=/x,ro=maybe", "invalid value for ro: maybe"),
    ("target=/x,color=red", "unexpected key 'color' in 'color=red'"),
    ("type=bind,src=/a,dst=/b,bind-recursive=writable",
     "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction"),
    ("", "EOF"),
])
def test_bad_mounts(value, message):
    with pytest.raises(OptError, match=f"^{message}$"):
        parse_mount(value)


def test_tmpfs():
    assert parse_tmpfs(["/run:rw,size=64m", "/tmp"]) == {"/run": "rw,size=64m", "/tmp": ""}
