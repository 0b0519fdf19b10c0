"""-e, --env-file, -l and --label-file."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.env import (
    kv_to_map,
    parse_kv_file,
    read_kv_env_strings,
    read_kv_strings,
    validate_env,
    validate_label,
    with_proxy_env,
)


def test_env_values_and_lookup():
    environ = {"FOO": "from-env"}
    assert validate_env("A=1", environ) == "A=1"
    assert validate_env("A=", environ) == "A="
    assert validate_env("FOO", environ) == "FOO=from-env"
    assert validate_env("MISSING", environ) == "MISSING"
    with pytest.raises(OptError, match="^invalid environment variable: =x$"):
        validate_env("=x", environ)


def test_labels():
    assert validate_label("a=b") == "a=b"
    assert validate_label("  a") == "  a"
    with pytest.raises(OptError, match="^invalid label '=x': empty name$"):
        validate_label("=x")
    with pytest.raises(OptError, match="^label 'a b' contains whitespaces$"):
        validate_label("a b=c")


def test_kv_file(tmp_path):
    path = tmp_path / "env"
    path.write_bytes(b"\xef\xbb\xbfA=1\n  # comment\n\n  B=two words  \r\nFROM_ENV\nUNSET\nC=\n")
    assert parse_kv_file(str(path), {"FROM_ENV": "x"}.get) == ["A=1", "B=two words  ", "FROM_ENV=x", "C="]
    assert parse_kv_file(str(path)) == ["A=1", "B=two words  ", "C="]


@pytest.mark.parametrize("content, message", [
    (b"=x\n", "no variable name on line '=x'"),
    (b"A B=c\n", "variable 'A B' contains whitespaces"),
    (b"A=\xff\n", r"invalid utf8 bytes at line 1: \[65 61 255\]"),
])
def test_bad_kv_files(tmp_path, content, message):
    path = tmp_path / "env"
    path.write_bytes(content)
    with pytest.raises(OptError, match=rf"^invalid env file \({path}\): {message}$"):
        parse_kv_file(str(path))


def test_missing_file():
    with pytest.raises(OptError, match="^open /nonexistent-pydt: no such file or directory$"):
        read_kv_strings(["/nonexistent-pydt"], [])


def test_files_come_first_then_flags(tmp_path):
    path = tmp_path / "env"
    path.write_text("A=file\nB=file\n")
    assert read_kv_env_strings([str(path)], ["A=flag"], {}) == ["A=file", "B=file", "A=flag"]
    assert kv_to_map(["a=1", "b", "a=2"]) == {"a": "2", "b": ""}


def test_proxy_environment():
    proxies = {"default": {"httpProxy": "http://p", "noProxy": "x"}, "tcp://h:2375": {"ftpProxy": "ftp://f"}}
    assert with_proxy_env(["HTTP_PROXY=mine", "Z"], proxies, "unix:///var/run/docker.sock") == \
        ["HTTP_PROXY=mine", "Z", "http_proxy=http://p", "NO_PROXY=x", "no_proxy=x"]
    assert with_proxy_env([], proxies, "tcp://h:2375") == ["FTP_PROXY=ftp://f", "ftp_proxy=ftp://f"]
    assert with_proxy_env(["A=1"], None, "") == ["A=1"]
