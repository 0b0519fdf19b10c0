"""cli.registry: the table of groups builds the lazy commands (cli.loader), --help's sections and Aliases
lines, and is the one place each command's summary and feature annotations are declared."""
from __future__ import annotations

import importlib

import click
import pytest

from pydock.cli import loader, registry
from pydock.cli.base import DockerCommand, LazyGroup
from pydock.cli.main import cli


def test_root_sections_follow_docker_categories():
    names = ["attach", "container", "info", "inspect", "ps", "run", "version", "zz"]
    assert registry.root_sections(names) == [
        ("Common Commands", ["run", "ps", "version", "info"]), ("Management Commands", ["container"]),
        ("Swarm Commands", []), ("Commands", ["attach", "inspect", "zz"])]


def test_aliases_in_docker_order():
    target = registry.group_named("container").commands["ls"][0]
    assert registry.aliases_of(target, "docker") == [
        "docker container ls", "docker container list", "docker container ps", "docker ps"]
    assert registry.aliases_of(registry.TOP_LEVEL["version"][0], "docker") == ["docker version"]
    info = registry.group_named("system").commands["info"][0]
    assert registry.aliases_of(info, "docker") == ["docker system info", "docker info"]  # as `docker info --help`


def test_groups_and_renamed_shortcuts_are_built_on_demand():
    table = loader.top_commands()
    group = table["container"][0]()
    assert isinstance(group, LazyGroup) and group.help == "Manage containers" and group.aliases["remove"] == "rm"
    ps = table["ps"][0]()
    ls = group.get_command(click.Context(group), "ls")
    assert ps.callback is ls.callback and ps.docker_usage == "ps [OPTIONS]" and ls.docker_usage == "ls [OPTIONS]"
    assert table["run"][0] == registry.group_named("container").commands["run"][0]  # same name: no copy


def test_one_entry_adds_a_group(monkeypatch):
    extra = registry.Group("pydt", "Manage tests", {"ls": ("pydock.cli.commands.container.listing:ls", "List")},
                           aliases={"list": "ls"}, category=registry.SWARM)
    monkeypatch.setattr(registry, "GROUPS", registry.GROUPS + (extra,))
    table = loader.top_commands()
    assert table["pydt"][1] == "Manage tests"
    assert ("Swarm Commands", ["pydt"]) in registry.root_sections(list(table))
    group = table["pydt"][0]()
    assert group.get_command(click.Context(group), "list").name == "ls"


def _entries():
    for group in registry.GROUPS:
        for name, (target, summary) in group.commands.items():
            yield [group.name, name], target, summary, group.features.get(name, {})
    for name, (target, summary) in registry.TOP_LEVEL.items():
        yield [name], target, summary, {}


@pytest.mark.parametrize("words,target,summary,features", list(_entries()),
                         ids=[" ".join(words) for words, *_ in _entries()])
def test_every_entry_loads_and_its_help_says_the_summary(words, target, summary, features):
    module, _, attr = target.partition(":")
    command = getattr(importlib.import_module(module), attr)
    assert isinstance(command, DockerCommand) and command.target == target
    assert command.short_help == summary and command.annotations == features
    # --help prints, under the usage line, the summary or (cp, login …) the longer text the command declares
    assert command.help == summary or len(command.help) > len(summary)
    ctx = click.Context(cli, info_name="pydock")
    for word in words:
        ctx = click.Context(ctx.command.get_command(ctx, word), info_name=word, parent=ctx)
    shown = ctx.command.get_help(ctx).split("\n\n", 1)[1]
    assert (shown.rstrip("\n") + "\n\n").startswith(command.help.strip() + "\n\n")


def test_group_and_root_listings_show_the_table_without_importing_commands():
    import subprocess
    import sys

    code = ("import sys; from pydock.cli.main import cli; import click; ctx = click.Context(cli, info_name='pydock');"
            "cli.get_help(ctx); g = cli.get_command(ctx, 'container'); "
            "g.get_help(click.Context(g, info_name='container', parent=ctx));"
            "print(sorted(m for m in sys.modules if m.startswith('pydock.cli.commands')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    root = click.Context(cli, info_name="pydock")
    for group in registry.GROUPS:
        command = loader.build_group(group.name)
        text = command.get_help(click.Context(command, info_name=group.name, parent=root))
        rows = dict(line.split(None, 1) for line in text.split("Commands:\n")[1].split("\n\n")[0].splitlines())
        assert rows == {name: summary for name, (_, summary) in group.commands.items()}


def test_a_command_may_not_repeat_what_the_table_declares(monkeypatch):
    extra = registry.Group("pydt", "Manage tests", {"x": (f"{__name__}:x", "Do x")},
                           features={"x": {"version": "1.30"}})
    monkeypatch.setattr(registry, "GROUPS", registry.GROUPS + (extra,))

    def x():
        """A docstring is no summary."""

    command = click.command("x", cls=DockerCommand)(x)
    assert (command.help, command.short_help, command.annotations) == ("Do x", "Do x", {"version": "1.30"})
    with pytest.raises(ValueError, match="summary is declared in cli.registry"):
        click.command("x", cls=DockerCommand, help="Do x")(x)
    with pytest.raises(ValueError, match="annotations are declared in cli.registry"):
        click.command("x", cls=DockerCommand, annotations={"version": "1.30"})(x)
