"""Every flag and argument is declared through cli.flags (DockerOption / DockerArgument), keeping its kind and
what its values are (`complete=`), which completion, man pages and --help all read from the declaration."""
from __future__ import annotations

import click
import pytest

from pydock.cli import flags
from pydock.cli.main import cli


def _commands():
    """(words, command) for the root, every group and every command, each command once."""
    seen = set()

    def walk(command, words):
        key = getattr(command, "target", None) or " ".join(words)
        if key in seen:
            return
        seen.add(key)
        yield words, command
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, name), words + [name])
    return list(walk(cli, []))


COMMANDS = _commands()
MACHINERY = {"h"}  # cobra's deprecated -h shorthand (cli.base), no declaration of a command's own


@pytest.mark.parametrize("words,command", COMMANDS, ids=[" ".join(w) or "pydock" for w, _ in COMMANDS])
def test_every_parameter_is_a_toolkit_declaration(words, command):
    for param in command.params:
        if param.name in MACHINERY:
            continue
        assert isinstance(param, (flags.DockerOption, flags.DockerArgument)), (words, param.name)
        if isinstance(param, flags.DockerOption):
            assert param.kind in set(flags.TYPES) | {"bool", "optbool", "count"}, (words, param.name, param.kind)
            if param.kind in flags.MULTIPLE or param.kind == "strings":
                assert param.multiple
        assert flags.check_complete(param.complete) == param.complete
        if param.name == "filters":
            assert param.complete, f"{words}: --filter names no keys"


def _param(words: list[str], name: str):
    ctx = click.Context(cli)
    command = cli
    for word in words:
        command = command.get_command(ctx, word)
        ctx = click.Context(command, parent=ctx)
    return next(p for p in command.params if name in getattr(p, "opts", ()) or p.name == name)


RESTART = ("no", "always", "on-failure", "unless-stopped")


@pytest.mark.parametrize("words,flag,expected", [
    ([], "--log-level", ("debug", "info", "warn", "error", "fatal", "panic")),
    ([], "--context", "context"),
    ([], "--tlscacert", "file"),
    (["run"], "--restart", RESTART),
    (["container", "create"], "--restart", RESTART),
    (["update"], "--restart", RESTART),
    (["run"], "--pull", ("always", "missing", "never")),
    (["run"], "--network", "network-mode"),
    (["build"], "--network", "network-mode"),
    (["run"], "--env-file", "file"),
    (["exec"], "--env-file", "file"),
    (["run"], "--label-file", "file"),
    (["run"], "--cidfile", "file"),
    (["run"], "--stop-signal", "signal"),
    (["run"], "--platform", "platform"),
    (["run"], "--volumes-from", "container"),
    (["run"], "--link", "container"),
    (["kill"], "-s", "signal"),
    (["stop"], "--signal", "signal"),
    (["pull"], "--platform", "platform"),
    (["build"], "-f", "file"),
    (["build"], "--iidfile", "file"),
    (["save"], "-o", "file"),
    (["export"], "-o", "file"),
    (["load"], "-i", "file"),
    (["login"], "--password-stdin", None),
    (["ps"], "--format", ("table", "json")),
    (["inspect"], "--format", ("json",)),
    (["inspect"], "--type", ("config", "container", "image", "network", "node", "plugin", "secret", "service",
                             "task", "volume")),
])
def test_values_are_declared(words, flag, expected):
    assert _param(words, flag).complete == expected


@pytest.mark.parametrize("words,key,expected", [
    (["ps"], "status", ("created", "restarting", "running", "removing", "paused", "exited", "dead")),
    (["ps"], "health", ("starting", "healthy", "unhealthy", "none")),
    (["ps"], "ancestor", "image"),
    (["ps"], "network", "network"),
    (["ps"], "before", "container"),
    (["images"], "dangling", ("true", "false")),
    (["images"], "reference", "image"),
    (["network", "ls"], "type", ("custom", "builtin")),
    (["network", "ls"], "driver", None),
    (["volume", "ls"], "dangling", ("true", "false")),
    (["events"], "type", ("container", "image", "volume", "network", "daemon", "plugin", "node", "service", "secret",
                          "config")),
    (["events"], "container", "container"),
    (["search"], "is-official", ("true", "false")),
    (["container", "prune"], "until", None),
    (["system", "prune"], "label", None),
])
def test_filter_keys_are_declared_with_their_values(words, key, expected):
    keys = _param(words, "filters").complete
    assert key in keys and keys[key] == expected


@pytest.mark.parametrize("words,expected", [
    (["stop"], "container:live"), (["exec"], "container:running"), (["attach"], "container:running"),
    (["pause"], "container:running"), (["kill"], "container:live"), (["unpause"], "container:paused"),
    (["start"], "container:stopped"), (["rm"], "container:removable"), (["logs"], "container"),
    (["container", "inspect"], "container"), (["cp"], "cp-path"), (["run"], "image"), (["rmi"], "image"),
    (["tag"], "image"), (["push"], "image"), (["history"], ["image"]), (["save"], "image"),
    (["network", "rm"], "network"), (["network", "connect"], ["network", "container"]),
    (["volume", "rm"], "volume"), (["build"], ["dir"]), (["rename"], ["container"]),
])
def test_arguments_name_what_they_take(words, expected):
    ctx = click.Context(cli)
    command = cli
    for word in words:
        command = command.get_command(ctx, word)
    first = next(p for p in command.params if isinstance(p, click.Argument))
    assert first.complete == expected


def test_run_completes_the_image_and_nothing_after_it():
    run = cli.get_command(click.Context(cli), "run")
    assert [(p.name, p.nargs, p.complete) for p in run.params if isinstance(p, click.Argument)] == [
        ("image", 1, "image"), ("args", -1, None)]


DOCUMENTED = [["run"], ["ps"], ["exec"], ["build"], ["pull"], ["push"], ["images"], ["logs"], ["rm"], ["stop"],
              ["start"], ["cp"], ["network", "create"], ["network", "ls"], ["volume", "create"], ["volume", "ls"],
              ["login"], ["inspect"], ["system", "prune"]]


@pytest.mark.parametrize("words", DOCUMENTED, ids=[" ".join(w) for w in DOCUMENTED])
def test_common_commands_carry_a_description_and_examples_for_their_manual_page(words):
    ctx = click.Context(cli, info_name="pydock")
    for word in words:
        ctx = click.Context(ctx.command.get_command(ctx, word), info_name=word, parent=ctx)
    command = ctx.command
    assert len(command.description) > 2 * len(command.short_help)
    assert 3 <= len(command.examples) <= 5
    for what, line in command.examples:
        assert what and "pydock " in line
    help_text = command.get_help(ctx)  # --help stays docker's: neither shows
    assert command.description.split("\n")[0][:40] not in help_text
    assert "Examples" not in help_text and command.examples[-1][1] not in help_text
