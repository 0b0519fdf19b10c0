"""Go's filepath.EvalSymlinks and os.(L)Stat errors, as `docker cp` prints them, on local files."""
from __future__ import annotations

import os

import pytest

from pydock.archive import copy as arc
from pydock.archive import paths


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "file").write_text("f")
    os.symlink("dir", tmp_path / "rel")
    os.symlink(str(tmp_path / "file"), tmp_path / "abs")
    os.symlink("nothere", tmp_path / "dangling")
    os.symlink("loop2", tmp_path / "loop1")
    os.symlink("loop1", tmp_path / "loop2")
    os.symlink("../file", tmp_path / "dir" / "up")
    return tmp_path


@pytest.mark.parametrize("path, expected", [
    ("dir", "dir"), ("dir/", "dir"), ("dir/.", "dir"), ("rel/sub", "dir/sub"), ("abs", "file"),
    ("dir/up", "file"), ("dir/../rel/./sub/..", "dir"), ("", "."),
])
def test_eval_symlinks_resolves_as_go(tree, path, expected):
    assert paths.eval_symlinks(f"{tree}/{path}" if path else "") == (f"{tree}/{expected}" if path else ".")


@pytest.mark.parametrize("path, message", [
    ("file/", "not a directory"),  # a file followed by anything, even a slash, is ENOTDIR, bare
    ("file/.", "not a directory"),
    ("abs/", "not a directory"),
    ("file/x", "not a directory"),
    ("nope/x", "lstat {t}/nope: no such file or directory"),  # the first missing component, no slash
    ("dangling", "lstat {t}/nothere: no such file or directory"),
    ("loop1", "EvalSymlinks: too many links"),
])
def test_eval_symlinks_errors_as_go(tree, path, message):
    with pytest.raises(paths.CopyError) as info:
        paths.eval_symlinks(f"{tree}/{path}")
    assert str(info.value) == message.format(t=tree)


def test_stat_errors_name_the_system_call(tree):
    with pytest.raises(paths.CopyError, match=r"^stat .*/file/: not a directory$"):
        paths.stat(f"{tree}/file/")
    with pytest.raises(paths.CopyError, match=r"^lstat .*/nope: no such file or directory$"):
        paths.lstat(f"{tree}/nope")
    with pytest.raises(paths.CopyError, match=r"^stat .*/loop1: too many levels of symbolic links$"):
        paths.stat(f"{tree}/loop1")


def test_source_and_destination_info_errors(tree):
    with pytest.raises(paths.CopyError, match="^not a directory$"):
        arc.source_info(f"{tree}/file/.", False)
    with pytest.raises(paths.CopyError, match=r"^lstat .*/nothere: no such file or directory$"):
        arc.source_info(f"{tree}/dangling/", False)
    assert arc.source_info(f"{tree}/dangling", False).path == f"{tree}/dangling"  # the link itself is copied
    with pytest.raises(paths.CopyError, match=r"^stat .*/nodir: no such file or directory$"):
        arc.destination_info(f"{tree}/nodir/.")
    with pytest.raises(paths.CopyError, match=r"^lstat .*/file/x: not a directory$"):
        arc.destination_info(f"{tree}/file/x")
    with pytest.raises(paths.CopyError, match=r"^lstat .*/abs/\.: not a directory$"):
        arc.destination_info(f"{tree}/abs/.")
    assert arc.destination_info(f"{tree}/dangling") == paths.CopyInfo(f"{tree}/nothere")


def test_entries_may_land_anywhere_under_the_root_directory():
    """Extracting into `/` (a local link pointing there) is allowed, as docker allows it."""
    assert arc._inside("/", "nonexistent") == "/nonexistent"
    assert arc._inside("/tmp", "a/b") == "/tmp/a/b"
    with pytest.raises(paths.CopyError, match="outside of the destination"):
        arc._inside("/tmp", "../etc")
