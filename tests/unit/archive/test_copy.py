"""docker cp's path rules (go-archive) and the tar streams, on local files only."""
from __future__ import annotations

import io
import os
import tarfile

import pytest

from pydock.archive import copy as arc
from pydock.archive import paths
from pydock.archive.paths import CopyInfo


@pytest.mark.parametrize("path, cleaned, base, dirname", [
    ("", ".", ".", "."), ("/", "/", "/", "/"), ("a/b/", "a/b", "b", "a/b"), ("//a//b/./c/..", "/a/b", "..", "/a/b/c"),
    ("a", "a", "a", "."), ("/a", "/a", "a", "/"),
])
def test_go_filepath(path, cleaned, base, dirname):
    assert (paths.clean(path), paths.base(path), paths.dirname(path)) == (cleaned, base, dirname)


@pytest.mark.parametrize("arg, expected", [
    ("c:/x", ("c", "/x")), ("/abs:x", ("", "/abs:x")), ("./f:x", ("", "./f:x")), ("file", ("", "file")),
    ("c:", ("c", "")),
])
def test_split_cp_arg(arg, expected):
    assert paths.split_cp_arg(arg) == expected


def test_trailing_dot_and_separator_are_kept():
    assert paths.preserve_trailing_dot_or_separator("/a/b", "b/.") == "/a/b/."
    assert paths.preserve_trailing_dot_or_separator("/a/b", "b/") == "/a/b/"
    assert paths.split_path_dir_entry("/a/b/.") == ("/a/b", ".")
    assert paths.split_path_dir_entry("/a/b/") == ("/a", "b")


@pytest.mark.parametrize("src, dst, expected", [
    (CopyInfo("/s/f"), CopyInfo("/d", True, True), ("/d", None)),
    (CopyInfo("/s/f"), CopyInfo("/d/g", True, False), ("/d", ("f", "g"))),
    (CopyInfo("/s/dir", True, True), CopyInfo("/d/new"), ("/d", ("dir", "new"))),
    (CopyInfo("/s/dir/.", True, True), CopyInfo("/d/new"), ("/d", (".", "new"))),
    (CopyInfo("/s/a", True, False, "link"), CopyInfo("/d/x"), ("/d", ("link", "x"))),
])
def test_prepare_copy(src, dst, expected):
    assert arc.prepare_copy(src, dst) == expected


def test_prepare_copy_refusals():
    with pytest.raises(arc.CopyError, match="^cannot copy directory$"):
        arc.prepare_copy(CopyInfo("/s/d", True, True), CopyInfo("/d/f", True, False))
    with pytest.raises(arc.CopyError, match="^no such directory$"):
        arc.prepare_copy(CopyInfo("/s/f", True, False), CopyInfo("/d/nodir/"))


def test_renamer_replaces_the_first_occurrence_only():
    rename = arc.renamer(("a", "la"), ("la", "x"), None)
    assert rename("a/a") == "x/a"
    assert arc.renamer(("/", "x"))("etc/") == "xetc/"  # "/" means the root: replaced by an empty string


def make_tree(root):
    (root / "src" / "sub").mkdir(parents=True)
    (root / "src" / "a").write_text("a")
    (root / "src" / "sub" / "b").write_text("bb")
    os.symlink("a", root / "src" / "la")
    os.link(root / "src" / "a", root / "src" / "ha")
    return root / "src"


def test_tar_chunks_names_and_end(tmp_path):
    src = make_tree(tmp_path)
    info = arc.source_info(str(src), follow_link=False)
    data = b"".join(arc.tar_chunks(info, arc.renamer(("src", "dst"))))
    assert len(data) % 512 == 0 and data.endswith(b"\0" * 1024)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert sorted(members) == ["dst", "dst/a", "dst/ha", "dst/la", "dst/sub", "dst/sub/b"]
    assert members["dst/ha"].islnk() and members["dst/ha"].linkname == "dst/a"
    assert members["dst/la"].issym() and members["dst/la"].linkname == "a"
    assert members["dst/a"].uname == "" and isinstance(members["dst/a"].mtime, int)


def test_source_info_follows_links_only_when_asked(tmp_path):
    src = make_tree(tmp_path)
    assert arc.source_info(str(src / "la"), follow_link=False) == CopyInfo(str(src / "la"), True, False, "")
    assert arc.source_info(str(src / "la"), follow_link=True) == CopyInfo(str(src / "a"), True, False, "la")


def test_untar_round_trip_and_refusals(tmp_path):
    src = make_tree(tmp_path)
    data = b"".join(arc.tar_chunks(arc.source_info(str(src), False), arc.renamer()))
    out = tmp_path / "out"
    out.mkdir()
    arc.untar(io.BytesIO(data), str(out), arc.renamer())
    assert (out / "src" / "sub" / "b").read_text() == "bb" and os.readlink(out / "src" / "la") == "a"
    assert os.stat(out / "src" / "ha").st_ino == os.stat(out / "src" / "a").st_ino
    (out / "file").write_text("x")
    with pytest.raises(arc.CopyError, match="cannot overwrite non-directory"):
        arc.untar(io.BytesIO(data), str(out), arc.renamer(("src", "file")))


def test_untar_refuses_entries_outside_the_destination(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("../escape")
        tar.addfile(info, io.BytesIO(b""))
    (tmp_path / "out").mkdir()
    with pytest.raises(arc.CopyError, match="outside of the destination"):
        arc.untar(io.BytesIO(buffer.getvalue()), str(tmp_path / "out"), arc.renamer())
    assert not (tmp_path / "escape").exists()
