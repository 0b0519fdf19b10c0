"""A file written whole or not at all (save -o)."""
from __future__ import annotations

import os
import stat

import pytest

from pydock.archive.atomicfile import AtomicFile, AtomicFileError


def test_commit_puts_the_file_in_place_with_its_mode(tmp_path):
    target = tmp_path / "out.tar"
    target.write_bytes(b"old")
    with AtomicFile(str(target), 0o600) as f:
        f.write(b"new")
        assert target.read_bytes() == b"old"
        f.commit()
    assert target.read_bytes() == b"new" and stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert os.listdir(tmp_path) == ["out.tar"]


@pytest.mark.parametrize("failure", [OSError("stream broke"), KeyboardInterrupt()])
def test_a_failure_half_way_leaves_nothing(tmp_path, failure):
    with pytest.raises(type(failure)):
        with AtomicFile(str(tmp_path / "out.tar")) as f:
            f.write(b"half")
            raise failure
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name, message", [
    ("", "file name is empty"), ("{tmp}", "cannot write to a directory"),
    ("{tmp}/missing/x", "invalid output path: stat {tmp}/missing: no such file or directory"),
    ("{tmp}/file/x", "invalid output path: stat {tmp}/file: not a directory"),
    ("{tmp}/link", "cannot write to a symbolic link directly"),
    ("/dev/null", "cannot write to a character device file"),
])
def test_refused_destinations(tmp_path, name, message):
    (tmp_path / "file").write_text("x")
    os.symlink("file", tmp_path / "link")
    with pytest.raises(AtomicFileError) as info:
        AtomicFile(name.format(tmp=tmp_path))
    assert str(info.value) == message.format(tmp=tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["file", "link"]
