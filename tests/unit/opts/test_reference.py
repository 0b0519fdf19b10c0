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


@pytest.mark.parametrize("text, string, familiar", [
    ("alpine", "docker.io/library/alpine", "alpine"),
    ("localhost:5000/x", "localhost:5000/x", "localhost:5000/x"),
    ("localhost/x:1", "localhost/x:1", "localhost/x:1"),
    ("[::1]:5000/x:1", "[::1]:5000/x:1", "[::1]:5000/x:1"),
    ("Foo/bar", "Foo/bar", "Foo/bar"),  # an upper-case first part is a domain; the engine refuses it
    ("library/alpine:3", "docker.io/library/alpine:3", "alpine:3"),
    ("docker.io/user/app", "docker.io/user/app", "user/app"),
    ("a/b/c:t@sha256:" + "a" * 64, "docker.io/a/b/c:t@sha256:" + "a" * 64, "a/b/c:t@sha256:" + "a" * 64),
    ("sha256:" + "a" * 64, "docker.io/library/sha256:" + "a" * 64, "sha256:" + "a" * 64),
    ("x/" + "a" * 252, "docker.io/x/" + "a" * 252, "x/" + "a" * 252),  # 254 long: the engine decides
])
def test_normalized_strings(text, string, familiar):
    ref = parse_normalized_named(text)
    assert (ref.string(), ref.familiar()) == (string, familiar)


def test_name_only_and_default_tag():
    ref = parse_normalized_named("127.0.0.1:5000/app")
    assert ref.name_only and ref.index_name == "127.0.0.1:5000"
    assert ref.with_default_tag().string() == "127.0.0.1:5000/app:latest"
    digested = parse_normalized_named("app@sha256:" + "b" * 64)
    assert not digested.name_only and digested.with_default_tag() == digested
    assert digested.api_tag == "sha256:" + "b" * 64


# every message as docker 28.2.2 prints it for `docker pull REF` (client-side refusals)
@pytest.mark.parametrize("text, message", [
    ("", "invalid reference format"),
    ("Upper", "invalid reference format: repository name (library/Upper) must be lowercase"),
    ("foo/Bar", "invalid reference format: repository name (foo/Bar) must be lowercase"),
    ("localhost:5000/Bar", "invalid reference format: repository name (Bar) must be lowercase"),
    ("a:b:c", "invalid reference format"),
    ("a" * 256, "repository name must not be more than 255 characters"),
    ("alpine@sha256:abc", "invalid reference format"),
    ("alpine@sha256:" + "A" * 64, "invalid checksum digest format"),
    ("alpine@md5:" + "a" * 32, "unsupported digest algorithm"),
    ("alpine@sha256:" + "a" * 63, "invalid checksum digest length"),
    ("a" * 64, f"invalid repository name ({'a' * 64}), cannot specify 64-byte hexadecimal strings"),
    ("alpine:bad tag", "invalid reference format"),
    ("alpine:-x", "invalid reference format"),
    ("a//b", "invalid reference format"),
    ("alpine:" + "a" * 129, "invalid reference format"),
    ("\u00e9a", "invalid reference format"),
    ("alpine:\u00e9", "invalid reference format"),
])
def test_refusals_in_dockers_words(text, message):
    with pytest.raises(OptError) as caught:
        parse_normalized_named(text)
    assert str(caught.value) == message


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
@pytest.mark.parametrize("name, split", [
    ("alpine", ("alpine", None)), ("alpine:3", ("alpine", "3")), ("127.0.0.1:5000/app", ("127.0.0.1:5000/app", None)),
    ("127.0.0.1:5000/app:v1", ("127.0.0.1:5000/app", "v1")), ("app@sha256:" + "a" * 64, ("app", "sha256:" + "a" * 64)),
])
def test_split_repository_tag_as_docker_py(name, split):
    from pydock.opts.reference import split_repository_tag

    assert split_repository_tag(name) == split
