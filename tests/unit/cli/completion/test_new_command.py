"""A command added to the registry with `complete=` declarations completes with no other change: the
tree (and so every shell's answer and script) is built from the registry and the declarations alone."""
from __future__ import annotations

import click
import pytest

from pydock.cli import registry
from pydock.cli.base import DockerCommand
from pydock.cli.completion.resolve import complete
from pydock.cli.completion.scripts import script
from pydock.cli.completion.tree import build_tree
from pydock.cli.flags import argument, option

TARGET = f"{__name__}:greet"


@click.command("greet", cls=DockerCommand, usage="greet [OPTIONS] CONTAINER", nargs=("exact", 1))
@option("--style", default="plain", help="Greeting style", complete=("plain", "loud"))
@option("--from", "sender", help="Who greets", complete="container:running")
@argument("container", complete="container")
def greet(container, style, sender):
    pass  # pragma: no cover


@pytest.fixture
def with_greeter(monkeypatch):
    from pydock.cli import loader, main

    group = registry.Group("greeter", "Greet containers", {"greet": (TARGET, "Greet a container")})
    monkeypatch.setattr(registry, "GROUPS", (*registry.GROUPS, group))
    monkeypatch.setattr(main.cli, "lazy", loader.top_commands())  # the root's table, read anew


def test_a_new_group_and_command_complete(with_greeter):
    tree = build_tree()
    asked = []

    def lookup(kind, prefix):
        asked.append(kind)
        return [("web", "")]

    assert [v for v, _ in complete(["gree"], tree, lookup).candidates] == ["greeter"]
    assert complete(["greeter", ""], tree, lookup).candidates == [("greet", "Greet a container")]
    assert [v for v, _ in complete(["greeter", "greet", "--st"], tree, lookup).candidates] == ["--style"]
    assert [v for v, _ in complete(["greeter", "greet", "--style", ""], tree, lookup).candidates] == ["plain", "loud"]
    assert [v for v, _ in complete(["greeter", "greet", "--from", ""], tree, lookup).candidates] == ["web"]
    assert [v for v, _ in complete(["greeter", "greet", ""], tree, lookup).candidates] == ["web"]
    assert asked == ["container:running", "container"]
    assert "'pydock greeter') set -- \\\n        'greet' 'Greet a container'" in script("bash", tree=tree)
