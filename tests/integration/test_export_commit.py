"""export and commit against the real engine."""
from __future__ import annotations

import io
import json
import os
import stat
import tarfile

import pytest

from tests.conftest import PYDOCK
from tests.integration.oracle import Bed, assert_same, run_on_tty, sh


@pytest.fixture(scope="module")
def box():
    bed = Bed("expcom")
    try:
        name = bed.run("box", "busybox", "sleep", "600")
        sh("exec", name, "sh", "-c", "echo exported > /marker")
        yield name
    finally:
        bed.remove()


def names_in(data: bytes) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return sorted(tar.getnames())


def test_export_to_a_file(pydock, docker, box, tmp_path):
    assert pydock("export", "-o", tmp_path / "mine.tar", box).code == 0
    assert docker("export", "-o", tmp_path / "theirs.tar", box).code == 0
    mine, theirs = (tmp_path / "mine.tar").read_bytes(), (tmp_path / "theirs.tar").read_bytes()
    assert names_in(mine) == names_in(theirs) and "marker" in names_in(mine)
    assert stat.S_IMODE(os.stat(tmp_path / "mine.tar").st_mode) == 0o600
    with tarfile.open(tmp_path / "mine.tar") as tar:
        assert tar.extractfile("marker").read() == b"exported\n"


def test_export_to_stdout(pydock, box):
    assert "marker" in names_in(pydock("export", box).out_bytes)


@pytest.mark.parametrize("args", [["-o", "/nonexistent/x.tar", "{box}"], ["-o", "/tmp", "{box}"],
                                  ["-o", "/dev/null", "{box}"], ["pydt-expcom-missing"], [], ["a", "b"]])
def test_export_errors(pydock, docker, box, args):
    args = [a.format(box=box) for a in args]
    assert_same(pydock("export", *args), docker("export", *args))


def test_export_of_a_missing_container_leaves_no_file(pydock, tmp_path):
    assert pydock("export", "-o", tmp_path / "x.tar", "pydt-expcom-missing").code == 1
    assert os.listdir(tmp_path) == []


def test_export_refuses_a_terminal(box):
    out, status = run_on_tty([*PYDOCK, "export", box])
    assert out.strip() == "cowardly refusing to save to a terminal. Use the -o flag or redirect"
    assert status == 1


def test_commit_makes_an_image_with_message_author_and_changes(pydock, box, cleanup):
    image = cleanup.name("images")
    cleanup.images.append(f"{image}:v1")  # the cleanup removes names as given: :latest by default
    mine = pydock("commit", "-m", "a message", "-a", "Someone <s@example.com>", "-c", "ENV A=1",
                  "-c", 'CMD ["sh"]', "-c", "LABEL pydt=1", "-p", box, f"{image}:v1")
    assert mine.code == 0 and mine.out.startswith("sha256:") and len(mine.out.strip()) == 71
    data = json.loads(sh("image", "inspect", f"{image}:v1"))[0]
    assert data["Id"] == mine.out.strip()
    assert (data["Comment"], data["Author"]) == ("a message", "Someone <s@example.com>")
    assert "A=1" in data["Config"]["Env"] and data["Config"]["Cmd"] == ["sh"]
    assert data["Config"]["Labels"]["pydt"] == "1"
    assert sh("run", "--rm", f"{image}:v1", "cat", "/marker") == "exported\n"


def test_commit_without_a_tag_is_latest_and_without_pause(pydock, box, cleanup):
    image = cleanup.name("images")
    assert pydock("commit", "--pause=false", box, image).code == 0
    assert sh("image", "inspect", "-f", "{{.RepoTags}}", image) == f"[{image}:latest]\n"


@pytest.mark.parametrize("args", [
    ["{box}", "pydt-IMG"], ["{box}", "pydt-img@sha256:" + "0" * 64], ["pydt-expcom-missing"], ["", "x"],
    ["-c", "BOGUS x", "{box}"], ["{box}", "pydt-img:t1", "-c", "x"], [],
])
def test_commit_errors(pydock, docker, box, args):
    args = [a.format(box=box) for a in args]
    assert_same(pydock("commit", *args), docker("commit", *args))
