"""The lazy click groups built from cli.registry's table (which is plain data and imports nothing).

The root's table (top_commands) names every group, shortcut and top-level command with its summary;
a group is built (build_group) when its name is used, and a command module imported only when its
command runs or its --help shows (cli.base.LazyGroup).
"""
from __future__ import annotations

import copy
from functools import partial

from . import registry
from .base import LazyGroup, load_target


def top_commands() -> dict:
    """The root's lazy table: name -> (loader, summary), a loader being "module:attr" or a callable."""
    table = {group.name: (partial(build_group, group.name), group.summary) for group in registry.GROUPS}
    for group in registry.GROUPS:
        for top, name in group.shortcuts.items():
            target, summary = group.commands[name]
            table[top] = (target if top == name else partial(renamed, target, top), summary)
    table.update(registry.TOP_LEVEL)
    return table


def build_group(name: str) -> LazyGroup:
    """The click group of `name`, its commands still unloaded."""
    group = registry.group_named(name)
    return LazyGroup(group.name, lazy=group.commands, hidden_aliases=group.aliases,
                     usage=f"{group.name} {group.usage}".strip(), help=group.long or group.summary,
                     annotations=group.annotations, features=group.features, lenient=group.lenient)


def renamed(target: str, name: str):
    """A shortcut under another name (`ps` for `container ls`): the same command, its usage line
    naming the shortcut."""
    command = load_target(target)
    alias = copy.copy(command)
    alias.name = name
    alias.docker_usage = command.docker_usage.replace(command.name, name, 1)
    return alias
