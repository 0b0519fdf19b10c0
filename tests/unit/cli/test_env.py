"""Resolving the engine endpoint from -H, DOCKER_HOST and TLS flags: docker's "Failed to initialize"
messages, compared with the real CLI (none of these reach an engine)."""
from __future__ import annotations

import pytest

from pydock.cli.env import CLIEnv, GlobalOptions
from pydock.transport.errors import ConfigError


def endpoint_error(env: dict, **options) -> str:
    with pytest.raises(ConfigError) as info:
        CLIEnv(GlobalOptions(**options), environ=env).transport
    return str(info.value)


def test_bad_host():
    assert endpoint_error({}, hosts=("foo://x",)) == \
        "Failed to initialize: unable to resolve docker endpoint: invalid bind address format: foo://x"


def test_two_hosts():
    assert endpoint_error({}, hosts=("tcp://127.0.0.1:1", "unix:///x")) == \
        "Failed to initialize: unable to resolve docker endpoint: Specify only one -H"


def test_ssh_errors_have_no_endpoint_prefix():
    assert endpoint_error({}, hosts=("ssh://u:pw@h",)) == \
        "Failed to initialize: ssh host connection is not valid: invalid SSH URL: plain-text password is not supported"


def test_tls_cert_dir_is_docker_config_not_the_config_flag(tmp_path):
    # docker reads the default TLS files from DOCKER_CONFIG (or ~/.docker), whatever --config says
    env = {"DOCKER_CONFIG": str(tmp_path / "envdir")}
    message = endpoint_error(env, tls=True, config_dir=str(tmp_path / "flagdir"), hosts=("tcp://127.0.0.1:1",))
    assert message == ("Failed to initialize: unable to resolve docker endpoint: "
                       f"open {tmp_path}/envdir/ca.pem: no such file or directory")


def test_docker_host_env_is_used(tmp_path):
    env = CLIEnv(GlobalOptions(), environ={"DOCKER_HOST": "tcp://127.0.0.1:1", "DOCKER_CONFIG": str(tmp_path)})
    assert env.transport.host.url == "tcp://127.0.0.1:1"


def test_host_flag_beats_docker_host(tmp_path):
    env = CLIEnv(GlobalOptions(hosts=("unix:///pydt.sock",)),
                 environ={"DOCKER_HOST": "tcp://127.0.0.1:1", "DOCKER_CONFIG": str(tmp_path)})
    assert env.transport.host.url == "unix:///pydt.sock"


def test_tls_without_host_means_localhost_2376(tmp_path):
    (tmp_path / "ca.pem").write_text("x")
    env = CLIEnv(GlobalOptions(tls=True), environ={"DOCKER_CONFIG": str(tmp_path)})
    assert env.transport.host.url == "tcp://localhost:2376"


@pytest.mark.parametrize("argv", [
    ["-H", "foo://x", "version"],
    ["-H", "tcp://a://b", "info"],
    ["-H", "tcp://127.0.0.1:abc", "version"],
    ["-H", "ssh://user:pw@host", "version"],
    ["-H", "ssh://", "version"],
    ["-H", "ssh://host?x=1", "version"],
    ["-H", "tcp://127.0.0.1:1", "-H", "unix:///x", "version"],
    ["--tls", "-H", "tcp://127.0.0.1:1", "version"],
    ["--tlsverify=false", "-H", "tcp://127.0.0.1:1", "version"],
    ["--context", "pydt-nope", "version"],
])
def test_same_as_docker(pydock, docker, tmp_path, argv):
    env = {"DOCKER_CONFIG": str(tmp_path), "DOCKER_HOST": "", "DOCKER_CONTEXT": ""}
    mine, theirs = pydock(*argv, env=env), docker(*argv, env=env)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)
