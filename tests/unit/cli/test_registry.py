"""cli.registry: the table of groups builds the lazy commands, --help's sections and Aliases lines."""
from __future__ import annotations

import click

from pydock.cli import registry
from pydock.cli.base import LazyGroup


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
    table = registry.top_commands()
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
    table = registry.top_commands()
    assert table["pydt"][1] == "Manage tests"
    assert ("Swarm Commands", ["pydt"]) in registry.root_sections(list(table))
    group = table["pydt"][0]()
    assert group.get_command(click.Context(group), "list").name == "ls"
