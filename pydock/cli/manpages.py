"""Manual pages (roff, section 1) for the whole command tree, read from the commands' own declarations.

    python -m pydock.cli.manpages man/      # what scripts/generate runs; rewrites man/pydock*.1

One page for the root (`pydock.1`, with the global options), one per group (`pydock-container.1`),
one per command of a group (`pydock-container-run.1`) and one per top-level command or shortcut
(`pydock-run.1`, `pydock-ps.1`, `pydock-version.1`). Everything comes from what --help reads: the
registry's table (cli/registry.py: groups, commands, aliases, shortcuts, the root's sections), the
click commands it loads (usage line, help text, flags through cli/help.py's flag_entries, so the
value names and defaults are --help's) and DockerCommand's `description` and `examples`. A command
added to the registry gets its page with no other change. Pages carry no date (the package version
stands in for one), so the output is the same on every run and every machine.

Only this generator imports this module: no command path does.
"""
from __future__ import annotations

import os
import sys

import click

PROG = "pydock"
MANUAL = "pydock Manual"
# the defaults docker's global flags show depend on $HOME and DOCKER_CONFIG: the pages say them as
# the documentation does
FIXED_ENVIRON = {"DOCKER_CONFIG": "~/.docker"}
ENVIRONMENT = (  # read by the global options' resolution (cli/env.py, transport), as docker reads them
    ("DOCKER_HOST", "Daemon socket to connect to (as -H)."),
    ("DOCKER_CONTEXT", "Name of the context to use (as --context)."),
    ("DOCKER_CONFIG", "Location of the client configuration files (as --config)."),
    ("DOCKER_TLS_VERIFY", "When set, use TLS and verify the remote (as --tlsverify)."),
    ("DOCKER_CERT_PATH", "Directory of the TLS files ca.pem, cert.pem and key.pem."),
    ("DOCKER_API_VERSION", "Engine API version to use instead of the negotiated one."),
)


# -- roff ----------------------------------------------------------------------------------------------

def roff(text: str) -> str:
    """`text` as roff input on one or more lines: backslashes, minus signs (so that flags can be copied),
    quotes and non-ASCII characters escaped; a newline becomes a line break; a line that would start
    with a control character is protected."""
    special = {"\\": "\\e", "-": "\\-", "'": "\\(aq", "`": "\\(ga"}
    out = []
    for line in text.split("\n"):
        escaped = "".join(special.get(ch) or (f"\\[u{ord(ch):04X}]" if ord(ch) > 126 else ch) for ch in line)
        if escaped.startswith(".") or not escaped.strip():
            escaped = "\\&" + escaped
        out.append(escaped)
    return "\n.br\n".join(out)


def bold(text: str) -> str:
    return f"\\fB{roff(text)}\\fR"


def italic(text: str) -> str:
    return f"\\fI{roff(text)}\\fR"


def page_ref(name: str) -> str:
    """`pydock-run(1)` as a cross reference."""
    return f"{bold(name)}(1)"


def paragraphs(text: str) -> list[str]:
    """Plain text paragraphs (separated by blank lines) as roff, each after a .PP."""
    out = []
    for block in text.strip().split("\n\n"):
        if block.strip():
            out += [".PP", roff(block.strip("\n"))]
    return out


def header(name: str, version: str) -> list[str]:
    title = roff(name.upper())
    return ['.\\" Generated from the command declarations by scripts/generate (pydock/cli/manpages.py); do not edit.',
            f'.TH "{title}" "1" "" "{PROG} {version}" "{MANUAL}"',
            ".nh", ".ad l"]  # no hyphenation (flags and names stay whole), ragged right


def synopsis(usage: str) -> list[str]:
    """The usage line(s) (cp has two, the second tab-indented as cobra prints it), each in bold."""
    return section("SYNOPSIS") + ["\n.br\n".join(bold(line.strip()) for line in usage.split("\n") if line.strip())]


def section(title: str) -> list[str]:
    return [f".SH {title}"]


# -- the tree ------------------------------------------------------------------------------------------

def page_name(ctx: click.Context) -> str:
    """`pydock-container-run` for the context of `pydock container run`."""
    return "-".join(ctx.command_path.split())


def walk(root: click.Group):
    """Every context of the tree whose page is written, root first, then each top-level name in order
    and, under a group, its commands; cobra's help command has none (docker's man pages leave it out)."""
    root_ctx = click.Context(root, info_name=PROG)
    yield root_ctx
    for name in sorted(root.lazy):
        if name == "help":
            continue
        ctx = click.Context(root.get_command(root_ctx, name), info_name=name, parent=root_ctx)
        yield ctx
        if isinstance(ctx.command, click.Group):
            for sub in sorted(ctx.command.lazy):
                yield click.Context(ctx.command.get_command(ctx, sub), info_name=sub, parent=ctx)


class Links:
    """The registry's names that have pages of their own, linked both ways: a shortcut and its long
    form (`run` and `container run`)."""

    def __init__(self):
        from .registry import GROUPS

        self.long_form: dict[str, str] = {}  # "pydock-run" -> "pydock-container-run"
        self.shortcuts: dict[str, list[str]] = {}  # "pydock-container-ls" -> ["pydock-ps"]
        for group in GROUPS:
            for top, name in sorted(group.shortcuts.items()):
                long = f"{PROG}-{group.name}-{name}"
                self.long_form[f"{PROG}-{top}"] = long
                self.shortcuts.setdefault(long, []).append(f"{PROG}-{top}")
        self.group_aliases = {group.name: group.aliases for group in GROUPS}


def summary(command: click.Command) -> str:
    return (command.short_help or (command.help or "").strip().split("\n")[0]).strip()


def options_section(params, title: str = "OPTIONS", defaults: dict[str, str] | None = None) -> list[str]:
    """Each flag --help lists: names, value name, help text and default as --help shows them."""
    from .help import flag_entries

    entries = flag_entries(params, defaults)
    if not entries:
        return []
    lines = section(title)
    for short, long, value, text in entries:
        names = ", ".join(bold(name) for name in (short, long) if name)
        lines += [".TP", names + (f" {italic(value)}" if value else ""), roff(text) if text else "\\&"]
    return lines


def command_entries(rows: list[tuple[str, str]], aliases: dict[str, str] | None = None) -> list[str]:
    """A group's commands: name (and its aliases) and summary, aligned on the longest name."""
    lines = [".PD 0"]  # one line per command, no space between
    tags = [(", ".join([name] + sorted(a for a, real in (aliases or {}).items() if real == name)), text)
            for name, text in rows]
    indent = max((len(tag) for tag, _ in tags), default=0) + 2
    for tag, text in tags:
        lines += [f".TP {indent}", ", ".join(bold(n) for n in tag.split(", ")), roff(text)]
    return lines + [".PD"]


def see_also(names: list[str]) -> list[str]:
    seen = list(dict.fromkeys(names))
    if not seen:
        return []
    return section("SEE ALSO") + [", ".join(page_ref(n) for n in seen)]


# -- pages ---------------------------------------------------------------------------------------------

def root_page(ctx: click.Context, version: str) -> str:
    from .base import usage_line
    from .help import root_defaults
    from .registry import root_sections

    root = ctx.command
    rows = {name: text for name, (_, text) in root.lazy.items() if name != "help"}
    lines = header(PROG, version)
    lines += section("NAME") + [f"{roff(PROG)} \\- {roff(summary(root))}"]
    lines += synopsis(usage_line(ctx, root))
    lines += section("DESCRIPTION") + paragraphs(root.help or "")
    lines += [".PP", f"Run {bold(f'{PROG} COMMAND --help')} for the options of a command, or read its page "
              f"(for {bold(f'{PROG} container run')}: {page_ref(f'{PROG}-container-run')})."]
    lines += section("COMMANDS")
    for title, names in root_sections(sorted(rows)):
        if names:
            lines += [f'.SS "{roff(title)}"'] + command_entries([(n, rows[n]) for n in names])
    lines += options_section(root.params, "GLOBAL OPTIONS", root_defaults(FIXED_ENVIRON))
    lines += section("ENVIRONMENT")
    for name, text in ENVIRONMENT:
        lines += [".TP", bold(name), roff(text)]
    lines += see_also([f"{PROG}-{name}" for name in sorted(rows)])
    return "\n".join(lines) + "\n"


def group_page(ctx: click.Context, links: Links, version: str) -> str:
    group, name = ctx.command, page_name(ctx)
    rows = sorted((sub, text) for sub, (_, text) in group.lazy.items())
    lines = header(name, version)
    lines += section("NAME") + [f"{roff(name)} \\- {roff(summary(group))}"]
    lines += synopsis(f"{ctx.command_path} COMMAND")
    lines += section("DESCRIPTION") + paragraphs(getattr(group, "description", "") or group.help or "")
    lines += section("COMMANDS") + command_entries(rows, links.group_aliases.get(ctx.info_name))
    lines += see_also([PROG] + [f"{name}-{sub}" for sub, _ in rows])
    return "\n".join(lines) + "\n"


def command_page(ctx: click.Context, links: Links, version: str) -> str:
    """The page of one command (or top-level shortcut): the sections --help has, and more."""
    from .base import usage_line
    from .registry import aliases_of

    command, name = ctx.command, page_name(ctx)
    lines = header(name, version)
    lines += section("NAME") + [f"{roff(name)} \\- {roff(summary(command))}"]
    lines += synopsis(usage_line(ctx, command))
    lines += section("DESCRIPTION") + paragraphs(getattr(command, "description", "") or command.help or "")
    target = f"{command.callback.__module__}:{command.callback.__name__}" if command.callback else ""
    aliases = aliases_of(target, PROG)
    if len(aliases) > 1:
        lines += section("ALIASES") + [", ".join(bold(alias) for alias in aliases)]
    lines += options_section(command.params)
    examples = getattr(command, "examples", None) or []
    if examples:
        lines += section("EXAMPLES")
        for what, line in examples:
            lines += [".PP", roff(what), ".PP", ".RS 4", ".nf", roff(line), ".fi", ".RE"]
    parent = page_name(ctx.parent)
    related = [parent, links.long_form.get(name, ""), *links.shortcuts.get(name, [])]
    lines += see_also([n for n in related if n] + ([PROG] if parent != PROG else []))
    return "\n".join(lines) + "\n"


def render_all(root: click.Group | None = None) -> dict[str, str]:
    """Every page: file name ("pydock-run.1") -> roff text. Loads every command of the tree."""
    from .main import VERSION
    from .main import cli as default_root

    root = root if root is not None else default_root
    links = Links()
    pages = {}
    for ctx in walk(root):
        if ctx.parent is None:
            text = root_page(ctx, VERSION)
        elif isinstance(ctx.command, click.Group):
            text = group_page(ctx, links, VERSION)
        else:
            text = command_page(ctx, links, VERSION)
        pages[f"{page_name(ctx)}.1"] = text
    return pages


def write_pages(directory: str, root: click.Group | None = None) -> list[str]:
    """Write every page into `directory` (made if missing) and remove the pydock*.1 pages no command has
    any more; returns the names written, sorted."""
    pages = render_all(root)
    os.makedirs(directory, exist_ok=True)
    for stale in os.listdir(directory):
        if stale.startswith(PROG) and stale.endswith(".1") and stale not in pages:
            os.remove(os.path.join(directory, stale))
    for name, text in sorted(pages.items()):
        with open(os.path.join(directory, name), "w", encoding="ascii", newline="\n") as out:
            out.write(text)
    return sorted(pages)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or args and args[0].startswith("-"):
        print("usage: python -m pydock.cli.manpages [DIRECTORY]   (default: man)", file=sys.stderr)
        return 2
    directory = args[0] if args else "man"
    written = write_pages(directory)
    print(f"{directory}: {len(written)} manual pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
