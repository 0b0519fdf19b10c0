"""Remote build contexts: which strings are URLs, git addresses as moby parses them, the download
progress as docker prints it, and a subdirectory kept inside the clone."""
from __future__ import annotations

import os

import pytest

from pydock.archive.buildcontext import ContextError
from pydock.archive.remotecontext import (
    GitRemote,
    ProgressReader,
    follow_symlink_in_scope,
    is_git_url,
    is_url,
    parse_remote_url,
)


@pytest.mark.parametrize("text, git, url", [
    ("https://example.com/repo.git", True, True),
    ("https://example.com/repo.git#main:app", True, True),
    ("http://example.com/repo.gitx", False, True),
    ("http://example.com/ctx.tar.gz", False, True),
    ("git://example.com/repo", True, False),
    ("git@example.com:org/repo.git", True, False),
    ("github.com/org/repo", True, False),
    ("ssh://example.com/repo.git", False, False),
    ("./ctx", False, False),
])
def test_url_kinds_as_urlutil(text, git, url):
    assert (is_git_url(text), is_url(text)) == (git, url)


@pytest.mark.parametrize("address, expected", [
    ("github.com/org/repo", GitRemote("https://github.com/org/repo", "master", "")),
    ("https://h/r.git#v1:sub/dir", GitRemote("https://h/r.git", "v1", "sub/dir")),
    ("git://h/r.git#:docker", GitRemote("git://h/r.git", "master", "docker")),
    ("git@h:org/r.git#pull/42/head", GitRemote("git@h:org/r.git", "pull/42/head", "")),
])
def test_remote_ref_and_subdirectory(address, expected):
    assert parse_remote_url(address) == expected


def test_a_ref_that_looks_like_an_option_is_refused():
    with pytest.raises(ContextError, match="^invalid refspec: --upload-pack=x$"):
        parse_remote_url("git://h/r.git#--upload-pack=x")


def test_download_progress_lines_as_dockers_plain_formatter():
    lines = []
    reader = ProgressReader(iter([b"x" * 25]), 25, "Downloading build context from remote url: u", lines.append, 200)
    assert reader.read(1024) == b"x" * 25 and reader.at_eof and len(lines) == 1
    assert reader.read(1024) == b""
    bar = "[" + "=" * 50 + ">]      25B/25B"
    assert lines == [f"Downloading build context from remote url: u {bar}\r",
                     f"Downloading build context from remote url: u {bar}\r\r\n"]


def test_download_progress_without_a_length_or_a_wide_terminal():
    lines = []
    reader = ProgressReader(iter([b"ab", b"cd"]), -1, "D", lines.append, 80)
    assert reader.read() == b"abcd"
    assert lines == ["D " + "4B".rjust(8) + "\r\r\n"]


def test_a_subdirectory_stays_inside_the_clone(tmp_path):
    root = tmp_path / "clone"
    (root / "sub").mkdir(parents=True)
    os.symlink("/etc", root / "escape")
    assert follow_symlink_in_scope(str(root / "sub"), str(root)) == str(root / "sub")
    assert follow_symlink_in_scope(str(root / "escape"), str(root)) == str(root / "etc")
    with pytest.raises(ContextError, match=f"^evalSymlinksInScope: {tmp_path}/etc is not in {root}$"):
        follow_symlink_in_scope(os.path.normpath(str(root / ".." / "etc")), str(root))
