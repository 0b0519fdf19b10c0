"""The command tree as plain data, read from the click declarations (every group, command, alias,
shortcut, flag and argument), for completion, and written as `_tree.py` so that a TAB reads it without
importing click or any command module.

Shape (all lists and dicts of strings, bools and `complete=` values, see cli/flags.py):

    {"root": group, "nodes": {key: command}}
    group: {"commands": {name: group or key}, "aliases": {alias: name}, "flags": [flag…], "summary": str}
    command: {"flags": [flag…], "positions": [spec…], "rest": spec, "interspersed": bool, "summary": str}
    flag: {"names": ["-a", "--all"], "shown": ["-a", "--all"], "value": bool, "repeat": bool,
           "complete": spec, "help": first line of the help}
    spec: None, a kind's name, {"choices": [...]} or {"filter": {key: spec}} (JSON has no tuples, so the
          declarations' tuples and dicts are tagged)

`names` are every spelling the parser accepts (deprecated ones too), `shown` those offered. A command
that stands at several places (`ps` and `container ls`) is one node, named by its key
("module:function") where it stands.
"""
from __future__ import annotations

import json
import textwrap


def build_tree() -> dict:
    """Load every command (this imports all of cli/commands) and return the tree (the module's shape)."""
    import click

    from ..main import cli

    ctx = click.Context(cli, info_name="pydock")
    nodes: dict = {}
    root = _group_node(cli, ctx, nodes)
    return {"root": root, "nodes": nodes}


def _group_node(group, ctx, seen: dict) -> dict:
    import click

    commands = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        sub_ctx = click.Context(command, info_name=name, parent=ctx)
        summary = getattr(group, "lazy", {}).get(name, (None, ""))[1]  # the registry's, as --help lists it
        if isinstance(command, click.Group):
            commands[name] = _group_node(command, sub_ctx, seen)
            commands[name]["summary"] = summary or commands[name]["summary"]
        else:
            key = f"{command.callback.__module__}:{command.callback.__name__}" if command.callback else name
            if key not in seen:
                seen[key] = _command_node(command)
                seen[key]["summary"] = summary or seen[key]["summary"]
            commands[name] = key
    return {"summary": _first_line(group.help), "commands": commands,
            "aliases": dict(getattr(group, "aliases", {})), "flags": _flags(group, ctx)}


def _command_node(command) -> dict:
    import click

    positions, rest = [], None
    for param in command.params:
        if not isinstance(param, click.Argument):
            continue
        spec = getattr(param, "complete", None)
        if isinstance(spec, list):
            positions += [encode(s) for s in spec]
        elif param.nargs == -1:
            rest = encode(spec)
        else:
            positions += [encode(spec)] * param.nargs
    interspersed = command.context_settings.get("allow_interspersed_args", True)
    return {"summary": _first_line(command.help), "flags": _flags(command, None), "positions": positions,
            "rest": rest, "interspersed": interspersed}


def _flags(command, ctx) -> list[dict]:
    import click

    params = list(command.params)
    flags = []
    for param in params:
        if not isinstance(param, click.Option):
            continue
        names = param.opts + param.secondary_opts
        shown = [] if param.hidden else [_first(names, short=True), _first(names, short=False)]
        flags.append({"names": names, "shown": [n for n in shown if n], "value": not (param.is_flag or param.count),
                      "repeat": bool(param.multiple or param.count),
                      "complete": encode(getattr(param, "complete", None)), "help": _first_line(param.help)})
    flags.append({"names": ["--help"], "shown": ["--help"], "value": False, "repeat": False, "complete": None,
                  "help": "Print usage"})
    return sorted(flags, key=lambda f: f["names"][-1].lstrip("-"))


def encode(spec):
    """A `complete=` value (cli/flags.py) as the tree keeps it: tuples of choices and filter dicts tagged."""
    if isinstance(spec, tuple):
        return {"choices": list(spec)}
    if isinstance(spec, dict):
        return {"filter": {key: encode(value) for key, value in spec.items()}}
    return spec


def _first(names: list[str], short: bool) -> str | None:
    return next((n for n in names if n.startswith("--") != short), None)


def _first_line(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0]


def render_module(tree: dict) -> str:
    """`_tree.py`'s text: the tree as one JSON string constant (a literal of nested dicts takes ~20 ms to
    build from bytecode; the string loads at once and json.loads decodes it in about a millisecond)."""
    data = json.dumps(tree, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    lines = textwrap.wrap(data, 110, drop_whitespace=False, break_on_hyphens=False, break_long_words=True)
    body = "\n".join(f"    {line!r}" for line in lines)
    return ('"""Generated by `scripts/generate` from the commands\' declarations (cli/completion/tree.py):\n'
            'do not edit; tests/unit/cli/test_completion.py fails when it is stale."""\n'
            f"TREE_JSON = (\n{body}\n)\n")


def main(argv: list[str] | None = None) -> None:
    """`python -m pydock.cli.completion.tree PATH`: write the tree module to PATH."""
    import sys

    path = (argv or sys.argv[1:])[0]
    with open(path, "w") as f:
        f.write(render_module(build_tree()))


if __name__ == "__main__":
    main()
