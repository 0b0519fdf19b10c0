"""The build context: which files go, how the tar is laid out, stdin contexts, an added Dockerfile."""
from __future__ import annotations

import gzip
import io
import os
import tarfile

import pytest

from pydock.archive import buildcontext as bc


def tree(root, names):
    for name in names:
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)


def members(chunks) -> list[tarfile.TarInfo]:
    with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as tar:
        return tar.getmembers()


FILES = ["Dockerfile", "a.log", "keep.log", "src/main.c", "src/gen/x.c", "docs/README.md", "docs/x.md", "empty/"]


@pytest.mark.parametrize("excludes, expected", [
    ([], ["Dockerfile", "a.log", "docs", "docs/README.md", "docs/x.md", "empty", "keep.log", "src", "src/gen",
          "src/gen/x.c", "src/main.c"]),
    (["*.log", "!keep.log"], ["Dockerfile", "docs", "docs/README.md", "docs/x.md", "empty", "keep.log", "src",
                              "src/gen", "src/gen/x.c", "src/main.c"]),
    (["docs", "!docs/README.md"], ["Dockerfile", "a.log", "docs/README.md", "empty", "keep.log", "src",
                                   "src/gen", "src/gen/x.c", "src/main.c"]),
    # "src" itself is excluded (only entered), "src/gen" is re-included by "src/**", as go-archive walks it
    (["**", "!Dockerfile", "!src/**"], ["Dockerfile", "src/gen", "src/gen/x.c", "src/main.c"]),
    (["src/**/gen"], ["Dockerfile", "a.log", "docs", "docs/README.md", "docs/x.md", "empty", "keep.log", "src",
                      "src/main.c"]),
])
def test_entries_follow_the_patterns_in_lexical_order(tmp_path, excludes, expected):
    tree(tmp_path, FILES)
    assert [name for _, name in bc.context_entries(str(tmp_path), excludes)] == expected


def test_tar_is_owned_by_root_with_go_layout(tmp_path):
    tree(tmp_path, ["Dockerfile", "d/f"])
    os.link(tmp_path / "d/f", tmp_path / "hard")
    os.symlink("d/f", tmp_path / "link")
    data = b"".join(bc.tar_context(str(tmp_path), []))
    assert len(data) % 512 == 0 and data.endswith(b"\0" * 1024)
    found = {m.name: m for m in members([data])}
    assert sorted(found) == ["Dockerfile", "d", "d/f", "hard", "link"]
    assert all((m.uid, m.gid, m.uname, m.gname) == (0, 0, "", "") for m in found.values())
    assert found["d"].isdir() and found["link"].issym() and found["link"].linkname == "d/f"
    assert found["hard"].islnk() and found["hard"].linkname == "d/f"  # the first name seen holds the data
    assert b"d/\0" in data  # directories end with a slash, as Go writes them


def test_trim_build_files_keeps_dockerfile_and_dockerignore():
    assert bc.trim_build_files(["*"], "Dockerfile", False) == ["*", "!.dockerignore", "!Dockerfile"]
    assert bc.trim_build_files(["*"], "-", True) == ["*", "!.dockerignore"]
    assert bc.trim_build_files(["*.log"], "Dockerfile", False) == ["*.log"]
    assert bc.trim_build_files(["sub"], "sub/Dockerfile", False) == ["sub", "!sub/Dockerfile"]


def test_read_dockerignore(tmp_path):
    assert bc.read_dockerignore(str(tmp_path)) == []
    (tmp_path / ".dockerignore").write_text("# c\n/build\n!/build/keep\n")
    assert bc.read_dockerignore(str(tmp_path)) == ["build", "!build/keep"]


def test_dockerfile_rel_path(tmp_path, monkeypatch):
    tree(tmp_path, ["ctx/dockerfile", "ctx/sub/Other", "outside/Dockerfile"])
    ctx = str(tmp_path / "ctx")
    assert bc.dockerfile_rel_path(ctx, "") == "dockerfile"  # the lower-case name, when it is the only one
    assert bc.dockerfile_rel_path(ctx, "sub/Other") == "sub/Other"
    assert bc.dockerfile_rel_path(ctx, str(tmp_path / "outside/Dockerfile")) == "../outside/Dockerfile"
    assert bc.dockerfile_rel_path(ctx, "-") == "-"
    with pytest.raises(bc.ContextError, match=r"^unable to evaluate symlinks in Dockerfile path: lstat .*/ctx/nope: "
                                              r"no such file or directory$"):
        bc.dockerfile_rel_path(ctx, "nope")
    monkeypatch.chdir(tmp_path)
    assert bc.context_from_local_dir("ctx", "outside/Dockerfile") == (ctx, "../outside/Dockerfile")
    with pytest.raises(bc.ContextError, match="^context must be a directory: .*/ctx/dockerfile$"):
        bc.context_from_local_dir("ctx/dockerfile", "")


def test_validate_reports_a_bad_pattern(tmp_path):
    tree(tmp_path, ["Dockerfile"])
    with pytest.raises(bc.ContextError, match=r'^error checking context: illegal exclusion pattern: "!"$'):
        bc.validate_context_directory(str(tmp_path), ["!"])
    bc.validate_context_directory(str(tmp_path), ["*.log"])


@pytest.mark.parametrize("header, expected", [
    (b"FROM busybox\n", False), (b"", False), (gzip.compress(b"x", mtime=0), True), (b"BZh91AY", True),
    (b"\xfd7zXZ\x00rest", True), (b"\x28\xb5\x2f\xfdrest", True),
])
def test_is_archive(header, expected):
    assert bc.is_archive(header) is expected


def _tar(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_context_from_reader():
    data = _tar({"Dockerfile.x": b"FROM busybox\n"})
    chunks, name = bc.context_from_reader(io.BytesIO(data), "Dockerfile.x")
    assert (b"".join(chunks), name) == (data, "Dockerfile.x")
    chunks, name = bc.context_from_reader(io.BytesIO(b"FROM busybox\n"), "")
    found = members(chunks)
    assert name == "Dockerfile" and [m.name for m in found] == ["Dockerfile"] and found[0].size == 13
    with pytest.raises(bc.ContextError, match="^build context is not an archive$"):
        bc.context_from_reader(io.BytesIO(b"FROM busybox\n"), "-")
    with pytest.raises(bc.ContextError, match="^ambiguous Dockerfile source: both stdin and flag correspond to "
                                              "Dockerfiles$"):
        bc.context_from_reader(io.BytesIO(b"FROM busybox\n"), "x")


def test_add_dockerfile_ends_the_stream_as_dockers_wrapper_does():
    chunks, name = bc.add_dockerfile([_tar({"f.txt": b"twelve bytes"})], b"FROM busybox\n")
    data = b"".join(chunks)
    assert name.startswith(".dockerfile.") and len(name) == len(".dockerfile.") + 20
    ignore = f".dockerignore\n{name}\n".encode()
    assert len(data) == 1024 + 512 + 512 + 512 + len(ignore)  # no padding after the last entry, no end blocks
    assert data.endswith(ignore)
    with tarfile.open(fileobj=io.BytesIO(data + b"\0" * 1024)) as tar:
        assert tar.getnames() == ["f.txt", name, ".dockerignore"]
        assert tar.extractfile(name).read() == b"FROM busybox\n"


def test_add_dockerfile_changes_an_existing_dockerignore_in_place():
    chunks, name = bc.add_dockerfile([_tar({".dockerignore": b"*.log", "f.txt": b"f"})], b"FROM busybox\n")
    data = b"".join(chunks)
    assert data.endswith(b"FROM busybox\n")
    with tarfile.open(fileobj=io.BytesIO(data + b"\0" * 1024)) as tar:
        assert tar.getnames() == [".dockerignore", "f.txt", name]
        assert tar.extractfile(".dockerignore").read() == f"*.log\n{name}\n".encode()
