"""client.images against the real engine."""
from __future__ import annotations

import io
import re
import tarfile
import uuid

import pytest

from pydock.errors import (
    APIError,
    BuildError,
    DockerException,
    ImageLoadError,
    ImageNotFound,
    InvalidArgument,
    NotFound,
)
from pydock.models.images import Image

from .conftest import docker, docker_inspect


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


# -- build, load, save, history, prune, search ---------------------------------------------------------

def _tar(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_build_from_a_directory(client, cleanup, tmp_path):
    tag = cleanup.name("images")
    (tmp_path / "Dockerfile").write_text("FROM busybox\nARG WHO\nLABEL pydt.who=$WHO\nCOPY . /ctx\n"
                                         'CMD ["sh", "-c", "cd /ctx && find . | sort"]\n')
    (tmp_path / "keep.txt").write_text("k")
    (tmp_path / "drop.log").write_text("d")
    (tmp_path / ".dockerignore").write_text("*.log\n")
    image, logs = client.images.build(path=str(tmp_path), tag=tag, buildargs={"WHO": "python"}, rm=True,
                                      labels={"pydt.extra": "1"})
    logs = list(logs)
    assert image.id == docker_inspect("image", "inspect", tag)["Id"] and f"{tag}:latest" in image.tags
    assert image.labels == {"pydt.who": "python", "pydt.extra": "1"}
    assert any(m.get("stream", "").startswith("Successfully built") for m in logs)
    assert {"aux": {"ID": image.id}} in logs
    assert docker("run", "--rm", tag).stdout == ".\n./.dockerignore\n./Dockerfile\n./keep.txt\n"


def test_build_from_a_dockerfile_object_a_custom_context_and_quietly(client, cleanup, tmp_path):
    first, second = cleanup.name("images"), cleanup.name("images")
    image, _ = client.images.build(fileobj=io.BytesIO(b"FROM busybox\nRUN echo fileobj > /f\n"), tag=first, rm=True)
    assert docker("run", "--rm", first, "cat", "/f").stdout == "fileobj\n"
    context = _tar({"build.Dockerfile": b"FROM busybox\nCOPY data /data\n", "data": b"tarred\n"})
    image, logs = client.images.build(fileobj=io.BytesIO(context), custom_context=True, gzip=False,
                                      dockerfile="build.Dockerfile", tag=second, rm=True, quiet=True)
    assert [m["stream"] for m in logs if "stream" in m] == [image.id + "\n"]
    assert docker("run", "--rm", second, "cat", "/data").stdout == "tarred\n"


def test_build_with_a_dockerfile_outside_the_path(client, cleanup, tmp_path):
    tag = cleanup.name("images")
    (tmp_path / "ctx").mkdir()
    (tmp_path / "ctx" / "f").write_text("in context")
    (tmp_path / "Dockerfile.out").write_text("FROM busybox\nCOPY f /f\n")
    image, _ = client.images.build(path=str(tmp_path / "ctx"), dockerfile="../Dockerfile.out", tag=tag, rm=True)
    assert docker("run", "--rm", tag, "cat", "/f").stdout == "in context"


def test_a_failing_build_raises_build_error_with_its_log(client, tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM busybox\nRUN echo before; exit 7\n")
    with pytest.raises(BuildError) as info:
        client.images.build(path=str(tmp_path), forcerm=True)
    assert info.value.msg == "The command '/bin/sh -c echo before; exit 7' returned a non-zero code: 7"
    streamed = "".join(m.get("stream", "") for m in info.value.build_log)
    assert "Step 2/2 : RUN echo before; exit 7" in streamed and "before\n" in streamed


@pytest.mark.parametrize("kwargs, error, message", [
    ({}, TypeError, "Either path or fileobj needs to be provided."),
    ({"path": "/nonexistent-dir"}, TypeError, "You must specify a directory to build in path"),
    ({"path": ".", "tag": "UPPER"}, DockerException, "invalid tag 'UPPER': invalid reference format"),
    ({"path": ".", "container_limits": {"cpus": 1}}, DockerException, "invalid tag 'cpus': invalid reference format"),
    ({"path": ".", "gzip": True, "encoding": "gzip"}, DockerException,
     "Can not use custom encoding if gzip is enabled"),
    ({"custom_context": True, "path": "."}, TypeError, "You must specify fileobj with custom_context"),
    ({"path": ".", "bogus": 1}, TypeError, "build() got an unexpected keyword argument 'bogus'"),
])
def test_build_refuses_bad_arguments(client, kwargs, error, message):
    with pytest.raises(error) as info:
        client.images.build(**kwargs)
    assert str(info.value) == message


def test_a_dockerfile_the_engine_refuses(client):
    with pytest.raises(APIError) as info:
        client.images.build(fileobj=io.BytesIO(b"FROMM busybox\n"))
    assert info.value.status_code == 400
    assert "unknown instruction: FROMM" in str(info.value)


def test_save_remove_load_round_trip(client, cleanup, tmp_path):
    tag = cleanup.name("images")
    (tmp_path / "Dockerfile").write_text(f"FROM busybox\nRUN echo {tag} > /marker\n")
    image, _ = client.images.build(path=str(tmp_path), tag=tag, rm=True)
    data = b"".join(image.save(named=True))
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        assert "manifest.json" in tar.getnames()
    assert b"".join(image.save(chunk_size=None)) != b""
    with pytest.raises(InvalidArgument):
        image.save(named="pydt-not-a-tag:x")
    client.images.remove(image.id, force=True)
    with pytest.raises(ImageNotFound):
        client.images.get(tag)
    loaded = client.images.load(data)
    assert [i.id for i in loaded] == [image.id] and f"{tag}:latest" in loaded[0].tags
    assert loaded[0].history()[0]["Id"] == image.id
    with open(tmp_path / "img.tar", "wb") as handle:
        handle.write(data)
    with open(tmp_path / "img.tar", "rb") as handle:
        assert client.images.load(handle) == loaded


def test_load_of_a_broken_archive(client):
    with pytest.raises(ImageLoadError) as info:
        client.images.load(b"garbage\n")
    assert str(info.value) == "Error processing tar file(exit status 1): unexpected EOF"


def test_history_and_reload(client):
    image = client.images.get("busybox")
    history = image.history()
    ids = docker("history", "-q", "--no-trunc", "busybox").stdout.split()
    assert [layer["Id"] for layer in history] == ids and {"Created", "CreatedBy", "Size", "Tags"} <= set(history[0])
    image.attrs = {"Id": image.id}  # a sparse view, as a list gives
    image.reload()
    assert image.attrs == docker_inspect("image", "inspect", "busybox")


def test_prune_with_a_label_filter_and_search_offline(client, tmp_path):
    label = f"pydt-pyprune-{uuid.uuid4().hex[:8]}"
    (tmp_path / "Dockerfile").write_text(f"FROM busybox\nLABEL {label}=1\nRUN echo 1 > /a\n")
    image, _ = client.images.build(path=str(tmp_path), rm=True)  # no tag: dangling from the start
    report = client.images.prune(filters={"label": label})
    assert {"Deleted": image.id} in report["ImagesDeleted"] and report["SpaceReclaimed"] >= 0
    assert client.images.prune(filters={"label": label, "dangling": False}) == {"ImagesDeleted": None,
                                                                                 "SpaceReclaimed": 0}
    with pytest.raises(APIError) as info:
        client.images.search("alpine", limit=5)
    assert re.search(r"index\.docker\.io", str(info.value))


def test_a_pull_stream_cut_short_raises_stream_parse_error(tmp_path):
    """docker-py raises StreamParseError when the stream ends inside a message; never an Image."""
    import pydock
    from pydock.errors import StreamParseError
    from tests.integration.replay_engine import ReplayEngine, Route

    lines = [{"status": "Pulling from library/pydt-x", "id": "v1"}]
    with ReplayEngine(str(tmp_path), [Route("/images/create", lines, tail=b'{"status":"Down')]) as engine:
        with pydock.DockerClient(base_url=engine.host) as cut_client:
            with pytest.raises(StreamParseError) as info:
                cut_client.images.pull("pydt-x", tag="v1")
    assert info.value.data == b'{"status":"Down' and "not JSON" in info.value.msg
