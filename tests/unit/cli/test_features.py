"""Feature annotations on commands and flags, checked as docker's isSupported (cmd/docker/docker.go)."""
from __future__ import annotations

import click
import pytest

from pydock.cli.base import DockerCommand, LazyGroup, feature_annotations
from pydock.cli.errors import StatusError
from pydock.cli.flags import option


class System:
    def __init__(self, version="1.41", headers=None):
        self.version, self.headers, self.calls = version, headers or {"OSType": "linux"}, []

    @property
    def api_version(self):
        self.calls.append("version")
        return self.version

    def ping(self):
        self.calls.append("ping")
        return self.headers


class Env:
    def __init__(self, **kwargs):
        self.api = type("API", (), {})()
        self.api.system = System(**kwargs)


def command(**annotations):
    @click.command("create", cls=DockerCommand, annotations=feature_annotations(**annotations))
    @option("--annotation", kind="map", api_version="1.43", help="")
    @option("--cpu-count", kind="int64", os_type="windows", default=0, help="")
    @option("--checkpoint", experimental=True, default="", help="")
    @option("--plain", kind="bool", help="")
    def create(**_):
        click.echo("ran")
    return create


def invoke(cmd, args, env):
    return cmd.main(list(args), prog_name="pydock", obj=env, standalone_mode=False)


def test_flags_need_no_engine_unless_annotated_flags_are_given(capsys):
    env = Env()
    invoke(command(), ["--plain"], env)
    assert env.api.system.calls == [] and capsys.readouterr().out == "ran\n"


def test_every_unsupported_flag_in_flag_order():
    env = Env(headers={"OSType": "linux", "Docker-Experimental": "false"})
    with pytest.raises(StatusError) as info:
        invoke(command(), ["--cpu-count", "2", "--checkpoint", "", "--annotation", "a=b"], env)
    assert info.value.status == 1
    assert info.value.message.split("\n") == [
        '"--annotation" requires API version 1.43, but the Docker daemon API version is 1.41',
        '"--checkpoint" is only supported on a Docker daemon with experimental features enabled',
        '"--cpu-count" is only supported on a Docker daemon running on windows, but the Docker daemon is running '
        'on linux']


def test_supported_flags_run(capsys):
    env = Env(version="1.44", headers={"OSType": "windows", "Docker-Experimental": "true"})
    invoke(command(), ["--cpu-count", "2", "--checkpoint", "x", "--annotation", "a=b"], env)
    assert capsys.readouterr().out == "ran\n"


def test_an_unknown_os_type_is_not_refused(capsys):
    invoke(command(), ["--cpu-count", "2"], Env(headers={"OSType": ""}))
    assert capsys.readouterr().out == "ran\n"


def grouped(cmd, **annotations):
    return LazyGroup("pydock", lazy={"create": (lambda: cmd, "")}, annotations=feature_annotations(**annotations))


def test_command_and_group_annotations_come_first():
    with pytest.raises(StatusError, match="^pydock create requires API version 1.44, but the Docker daemon API "
                                          "version is 1.41$"):
        invoke(grouped(command(api_version="1.44")), ["create", "--annotation", "a=b"], Env())
    with pytest.raises(StatusError, match="^pydock create is only supported on a Docker daemon with experimental "
                                          "features enabled$"):
        invoke(grouped(command(), experimental=True, swarm="manager"), ["create"], Env())
    with pytest.raises(StatusError, match="^pydock create is only supported on a Docker daemon running on windows, "
                                          "but the Docker daemon is running on linux$"):
        invoke(grouped(command(os_type="windows")), ["create"], Env())


def test_swarm_is_recorded_not_checked(capsys):
    env = Env()
    invoke(command(swarm="manager"), [], env)
    assert capsys.readouterr().out == "ran\n"
    assert feature_annotations(swarm="", api_version="1.24") == {"version": "1.24", "swarm": ""}
