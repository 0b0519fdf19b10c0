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


def test_help_of_an_unsupported_command_is_its_refusal_on_stdout(capsys):
    assert invoke(command(api_version="1.42"), ["--help"], Env()) == 0
    assert capsys.readouterr().out == "pydock requires API version 1.42, but the Docker daemon API version is 1.41\n"
    assert invoke(command(api_version="1.41"), ["--help"], Env()) == 0
    assert capsys.readouterr().out.startswith("Usage:  pydock")


def test_flag_and_argument_errors_of_an_unsupported_command_report_the_version():
    for args in (["--bogus"], ["--annotation"], ["--plain=maybe"]):
        with pytest.raises(StatusError, match="^pydock requires API version 1.42"):
            invoke(command(api_version="1.42"), args, Env())


class Unreachable(System):
    @property
    def api_version(self):
        from pydock.transport.errors import DaemonUnreachable

        raise DaemonUnreachable("unix:///nonexistent.sock")

    def ping(self):
        return self.api_version

    current_version = "1.50"


def test_an_unreachable_engine_shows_the_help_and_fails_at_its_use(capsys):
    from pydock.transport.errors import DaemonUnreachable

    env = Env()
    env.api.system = Unreachable()
    assert invoke(command(api_version="1.42"), ["--help"], env) == 0
    assert capsys.readouterr().out.startswith("Usage:  pydock")
    with pytest.raises(DaemonUnreachable):
        invoke(command(api_version="1.42"), [], env)


def listed(features, env, capsys):
    group = LazyGroup("volume", lazy={"ls": ("x:y", "List volumes"), "update": ("x:y", "Update a volume")},
                      features=features)
    group.main(["--help"], prog_name="volume", obj=env, standalone_mode=False)
    return [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]


def test_a_groups_help_leaves_out_what_the_engine_cannot_run(capsys):
    features = {"update": {"version": "1.42", "swarm": "manager"}}
    assert listed(features, Env(), capsys) == ["ls"]
    assert listed(features, Env(version="1.42"), capsys) == ["ls", "update"]  # no Swarm header: not hidden
    assert listed(features, Env(version="1.42", headers={"Swarm": "active/worker"}), capsys) == ["ls"]
    assert listed(features, Env(version="1.42", headers={"Swarm": "active/manager"}), capsys) == ["ls", "update"]
    assert listed({"update": {"swarm": "active"}}, Env(headers={"Swarm": "inactive"}), capsys) == ["ls"]
    assert listed({}, Env(), capsys) == ["ls", "update"]
