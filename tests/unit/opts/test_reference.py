"""Image references, --platform and --since/--until values."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.platform import parse_platform
from pydock.opts.reference import is_image_id, parse_normalized_named
from pydock.opts.timestamps import get_timestamp


@pytest.mark.parametrize("text, name, familiar, tag", [
    ("alpine", "docker.io/library/alpine", "alpine:latest", "latest"),
    ("busybox:pydt-1", "docker.io/library/busybox", "busybox:pydt-1", "pydt-1"),
    ("user/app", "docker.io/user/app", "user/app:latest", "latest"),
    ("127.0.0.1:5000/library/busybox:t", "127.0.0.1:5000/library/busybox", "127.0.0.1:5000/library/busybox:t",
     "t"),
    ("localhost/app", "localhost/app", "localhost/app:latest", "latest"),
    ("index.docker.io/library/alpine:3", "docker.io/library/alpine", "alpine:3", "3"),
])
def test_references(text, name, familiar, tag):
    ref = parse_normalized_named(text)
    assert (ref.name, ref.with_default_tag().familiar(), ref.api_tag) == (name, familiar, tag)


def test_bad_references_and_ids():
    with pytest.raises(OptError, match=r"^invalid reference format: repository name \(library/UPPER\) must be "
                                       r"lowercase$"):
        parse_normalized_named("UPPER")
    with pytest.raises(OptError, match="^invalid reference format$"):
        parse_normalized_named("a:b:c")
    assert is_image_id("a" * 64) and is_image_id("sha256:" + "b" * 64) and not is_image_id("alpine")


@pytest.mark.parametrize("spec, result", [
    ("linux/amd64", "linux/amd64"), ("linux/x86_64", "linux/amd64"), ("linux/arm64/v8", "linux/arm64"),
    ("linux/arm", "linux/arm/v7"), ("arm64", "linux/arm64"), ("Linux/AMD64", "linux/amd64"),
])
def test_platforms(spec, result):
    assert parse_platform(spec) == result


def test_bad_platform():
    with pytest.raises(OptError, match='^"bad/x/y/z": cannot parse platform specifier: invalid argument$'):
        parse_platform("bad/x/y/z")


def test_timestamps():
    now = 1_700_000_000.0
    assert get_timestamp("10m", now) == "1699999400"
    assert get_timestamp("2024-01-02T13:23:37Z", now) == "1704201817.000000000"
    assert get_timestamp("1700000000.5", now) == "1700000000.5"
    assert get_timestamp("0", now) == "0"
    with pytest.raises(OptError, match='^failed to parse value as time or duration: "abc"$'):
        get_timestamp("abc", now)


@pytest.mark.parametrize("source, target, expected", [
    ("alpine", "x", ("docker.io/library/x", "latest")),
    ("2588a10bf67d", "user/x:1", ("docker.io/user/x", "1")),
    ("a" * 64, "localhost:5000/x:2", ("localhost:5000/x", "2")),
    ("sha256:" + "a" * 64, "127.0.0.1:5000/y", ("127.0.0.1:5000/y", "latest")),
])
def test_tag_target(source, target, expected):
    from pydock.opts.reference import tag_target

    assert tag_target(source, target) == expected


@pytest.mark.parametrize("source, target, message", [
    ("alpine", "UPPER", 'Error parsing reference: "UPPER" is not a valid repository/tag: invalid reference format: '
                        "repository name (library/UPPER) must be lowercase"),
    ("", "x", 'Error parsing reference: "" is not a valid repository/tag: invalid reference format'),
    ("alpine", "x@sha256:" + "0" * 64, "refusing to create a tag with a digest reference"),
    ("alpine", "x:-bad", 'Error parsing reference: "x:-bad" is not a valid repository/tag: invalid reference format'),
])
def test_tag_target_refusals(source, target, message):
    from pydock.opts import OptError
    from pydock.opts.reference import tag_target

    with pytest.raises(OptError) as info:
        tag_target(source, target)
    assert str(info.value) == message
