"""`--help` in docker's layout (cobra's templates, pflag's flag listing and wrapping)."""
from __future__ import annotations

import shutil

import click


def terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def _value_name(option: click.Option) -> str:
    if option.is_flag or option.count:
        return ""
    if option.metavar:
        return option.metavar
    if option.multiple:
        return "list"
    if isinstance(option.type, click.types.IntParamType):
        return "int"
    return "string"


def _default_suffix(option: click.Option) -> str:
    default = option.default
    if option.is_flag or option.show_default is False or isinstance(default, bool):
        return ""
    if not isinstance(default, (str, int, float)) or default in ("", 0):
        return ""
    if isinstance(default, str):
        return f' (default "{default}")'
    return f" (default {default})"


def flag_entries(params, defaults: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """The flags --help lists, in its order: (short "-a" or "", long "--all" or "", value name ("string",
    "" for a bool), help text with its default as pflag shows it). Man pages (cli/manpages.py) list the same.

    cobra's own --help flag is hidden, except where -h means something else (run's --hostname).
    `defaults` gives the default shown for a flag (by param name) whose value is None until given.
    """
    options = [p for p in params if isinstance(p, click.Option) and not p.hidden and p.name != "help"]
    if any("-h" in o.opts for o in options):
        options.append(click.Option(["--help"], is_flag=True, help="Print usage"))
    options.sort(key=lambda o: _long_name(o).lstrip("-"))
    entries = []
    for option in options:
        shorts = [o for o in option.opts if not o.startswith("--")]
        longs = [o for o in option.opts if o.startswith("--")]
        shown = (defaults or {}).get(option.name)
        text = (option.help or "") + (f' (default "{shown}")' if shown else _default_suffix(option))
        entries.append((shorts[0] if shorts else "", longs[0] if longs else "", _value_name(option), text))
    return entries


def flag_usages(params, width: int, defaults: dict[str, str] | None = None) -> str:
    """pflag's FlagUsagesWrapped: flags sorted by name (flag_entries), descriptions aligned and wrapped."""
    lines = []
    for short, long, value, text in flag_entries(params, defaults):
        if short and long:
            head = f"  {short}, {long}"
        elif long:
            head = f"      {long}"
        else:
            head = f"  {short}"
        if value:
            head += " " + value
        lines.append((head, text))
    if not lines:
        return ""
    maxlen = max(len(head) for head, _ in lines) + 1
    out = []
    for head, usage in lines:
        spacing = " " * (maxlen - len(head))
        out.append(f"{head} {spacing} {_wrap(maxlen + 2, width, usage)}")
    return "\n".join(out) + "\n"


def _long_name(option: click.Option) -> str:
    longs = [o for o in option.opts if o.startswith("--")]
    return (longs or option.opts)[0]


def _wrap_n(i: int, slop: int, s: str) -> tuple[str, str]:
    if i + slop > len(s):
        return s, ""
    w = max(s.rfind(" ", 0, i), s.rfind("\t", 0, i), s.rfind("\n", 0, i))
    if w <= 0:
        return s, ""
    nl = s.rfind("\n", 0, i)
    if 0 < nl < w:
        return s[:nl], s[nl + 1:]
    return s[:w], s[w + 1:]


def _wrap(i: int, w: int, s: str) -> str:
    """pflag's wrap(): fill s into the space between column i and width w."""
    room = w - i
    prefix = ""
    if room < 24:
        i = 16
        room = w - i
        prefix = "\n" + " " * i
    if room < 24:
        return s.replace("\n", prefix)
    slop = 5
    room -= slop
    first, s = _wrap_n(room, slop, s)
    result = prefix + first.replace("\n", "\n" + " " * i)
    while s:
        line, s = _wrap_n(room, slop, s)
        result += "\n" + " " * i + line.replace("\n", "\n" + " " * i)
    return result


def command_help(ctx: click.Context, command, aliases: list[str], params=None) -> str:
    """cobra's help of one command; `params` the flags to list (all of the command's by default)."""
    root = ctx.find_root().info_name
    parent = ctx.parent.command_path + " " if ctx.parent else f"{root} "
    usage = getattr(command, "docker_usage", "") or command.name
    parts = [f"Usage:  {parent}{usage}", "", (command.help or command.short_help or "").strip(), ""]
    if len(aliases) > 1:
        parts += ["Aliases:", "  " + ", ".join(aliases), ""]
    flags = flag_usages(command.params if params is None else params, terminal_width() - 1)
    if flags:
        parts += ["Options:", flags.rstrip("\n")]
    return "\n".join(parts).rstrip("\n")


def group_help(ctx: click.Context, group, rows: list[tuple[str, str]], sections=None) -> str:
    path = ctx.command_path
    is_root = ctx.parent is None
    parts = [f"Usage:  {path} {'[OPTIONS] ' if is_root else ''}COMMAND", "", (group.help or "").strip(), ""]
    for title, names in (sections or [("Commands", [name for name, _ in rows])]):
        known = dict(rows)
        entries = [(n, known[n]) for n in names if n in known]
        if entries:
            parts.append(f"{title}:")
            parts += [f"  {name.ljust(11)} {text}" for name, text in entries]
            parts.append("")
    if is_root:
        parts += ["Global Options:", flag_usages(group.params, terminal_width() - 1, root_defaults()).rstrip("\n"),
                  ""]
    parts.append(f"Run '{path} COMMAND --help' for more information on a command.")
    if is_root:
        parts += ["", "For more help on how to use Docker, head to https://docs.docker.com/go/guides/"]
    return "\n".join(parts) + "\n"


def root_defaults(environ=None) -> dict[str, str]:
    """The defaults docker's global flags show: the config directory (DOCKER_CONFIG, else ~/.docker)
    and the TLS files in DOCKER_CERT_PATH, else in that directory (cli/flags/options.go)."""
    import os

    from ..config import default_config_dir

    environ = os.environ if environ is None else environ
    config_dir = default_config_dir(environ)
    cert_path = environ.get("DOCKER_CERT_PATH") or config_dir
    return {"config_dir": config_dir, "tlscacert": os.path.join(cert_path, "ca.pem"),
            "tlscert": os.path.join(cert_path, "cert.pem"), "tlskey": os.path.join(cert_path, "key.pem")}
