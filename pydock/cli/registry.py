"""The table of commands, as plain data: every group, its commands and aliases, docker's top-level
shortcuts, the --help categories, and each command's one-line summary and feature annotations. It
imports nothing; cli.loader builds the lazy click groups from it, and a command module is imported
only when its command runs (or its --help shows).

This table is the one place a command's summary and annotations are declared: the command's own
decorator does not repeat them (cli.base.DockerCommand takes them from here, by its "module:function"
target, when the command is built). A command keeps `help=` only for a text longer than the summary
(docker's Long, as cp's). Adding a group is one GROUPS entry plus its module, e.g. for `pydock network …`:

    N = "pydock.cli.commands.network"
    Group("network", "Manage networks", {
        "connect": (f"{N}:connect", "Connect a container to a network"),
        "ls": (f"{N}:ls", "List networks"),
        ...
    }, aliases={"list": "ls", "remove": "rm"}, features={"prune": {"version": "1.25"}}),

`aliases` are a group's hidden extra names (docker's cobra Aliases), `shortcuts` the top-level
commands that are the same command (`docker ps` is `docker container ls`: {"ps": "ls"}),
`category` the section of the root --help (MANAGEMENT or SWARM), `annotations` docker's feature
annotations of the whole group (swarm's: `feature_annotations(api_version="1.24", swarm="")`),
`features` those of single commands. --help's Aliases line, the root --help sections, completion
and man pages read this table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MANAGEMENT, SWARM = "Management Commands", "Swarm Commands"
PRUNE_FEATURES = {"version": "1.25"}  # docker's prune commands and `system df` need API 1.25

C = "pydock.cli.commands.container"  # a package: one module per family of commands
S = "pydock.cli.commands.system"
IMG = "pydock.cli.commands.image"  # a package: one module per family of commands
L = "pydock.cli.commands.login"
N = "pydock.cli.commands.network"
V = "pydock.cli.commands.volume"
COMP = "pydock.cli.commands.completion"


@dataclass(frozen=True)
class Group:
    """A command group: name, one-line summary, commands (name -> ("module:attr", summary))."""

    name: str
    summary: str
    commands: dict[str, tuple[str, str]]
    aliases: dict[str, str] = field(default_factory=dict)  # hidden alias -> command name
    shortcuts: dict[str, str] = field(default_factory=dict)  # top-level name -> command name
    category: str = MANAGEMENT
    annotations: dict[str, str] = field(default_factory=dict)  # cli.flags.feature_annotations(), e.g. swarm's
    unlisted: frozenset = frozenset()  # aliases docker's --help leaves out of the Aliases line (image rmi)
    usage: str = ""  # after the group's name in its usage line ("COMMAND" for `volume COMMAND`)
    # the feature annotations of single commands (cli.flags.feature_annotations()): checked before the command
    # runs, and read by the group's --help to leave out what the engine cannot run (hideUnsupportedFeatures)
    features: dict[str, dict[str, str]] = field(default_factory=dict)
    hidden: bool = False  # left out of the root --help (docker's `completion`), still completed and run
    long: str = ""  # the group's own --help text when longer than its summary
    lenient: bool = False  # cobra's own `completion`: alone or before an unknown word, its help on stdout, exit 0


GROUPS = (
    Group("container", "Manage containers", {
        "attach": (f"{C}.attach:attach", "Attach local standard input, output, and error streams to a running "
                   "container"),
        "commit": (f"{C}.files:commit", "Create a new image from a container's changes"),
        "cp": (f"{C}.files:cp", "Copy files/folders between a container and the local filesystem"),
        "create": (f"{C}.run:create", "Create a new container"),
        "diff": (f"{C}.listing:diff", "Inspect changes to files or directories on a container's filesystem"),
        "exec": (f"{C}.exec:exec_", "Execute a command in a running container"),
        "export": (f"{C}.files:export", "Export a container's filesystem as a tar archive"),
        "inspect": (f"{C}.listing:inspect", "Display detailed information on one or more containers"),
        "kill": (f"{C}.lifecycle:kill", "Kill one or more running containers"),
        "logs": (f"{C}.logs:logs", "Fetch the logs of a container"),
        "ls": (f"{C}.listing:ls", "List containers"),
        "pause": (f"{C}.lifecycle:pause", "Pause all processes within one or more containers"),
        "port": (f"{C}.listing:port", "List port mappings or a specific mapping for the container"),
        "prune": (f"{C}.lifecycle:prune", "Remove all stopped containers"),
        "rename": (f"{C}.lifecycle:rename", "Rename a container"),
        "restart": (f"{C}.lifecycle:restart", "Restart one or more containers"),
        "rm": (f"{C}.lifecycle:rm", "Remove one or more containers"),
        "run": (f"{C}.run:run", "Create and run a new container from an image"),
        "start": (f"{C}.attach:start", "Start one or more stopped containers"),
        "stats": (f"{C}.stats:stats", "Display a live stream of container(s) resource usage statistics"),
        "stop": (f"{C}.lifecycle:stop", "Stop one or more running containers"),
        "top": (f"{C}.listing:top", "Display the running processes of a container"),
        "unpause": (f"{C}.lifecycle:unpause", "Unpause all processes within one or more containers"),
        "update": (f"{C}.lifecycle:update", "Update configuration of one or more containers"),
        "wait": (f"{C}.logs:wait", "Block until one or more containers stop, then print their exit codes"),
    }, aliases={"list": "ls", "ps": "ls", "remove": "rm"}, shortcuts={
        **{name: name for name in ("attach", "commit", "cp", "create", "diff", "exec", "export", "kill", "logs",
                                   "pause", "port", "rename", "restart", "rm", "run", "start", "stats", "stop",
                                   "top", "unpause", "update", "wait")},
        "ps": "ls",
    }, features={"prune": PRUNE_FEATURES}),
    Group("image", "Manage images", {
        "build": (f"{IMG}.build:build", "Build an image from a Dockerfile"),
        "history": (f"{IMG}.listing:history", "Show the history of an image"),
        "import": (f"{IMG}.archive:import_", "Import the contents from a tarball to create a filesystem image"),
        "inspect": (f"{IMG}.listing:inspect", "Display detailed information on one or more images"),
        "load": (f"{IMG}.archive:load", "Load an image from a tar archive or STDIN"),
        "ls": (f"{IMG}.listing:ls", "List images"),
        "prune": (f"{IMG}.lifecycle:prune", "Remove unused images"),
        "pull": (f"{IMG}.distribution:pull", "Download an image from a registry"),
        "push": (f"{IMG}.distribution:push", "Upload an image to a registry"),
        "rm": (f"{IMG}.lifecycle:rm", "Remove one or more images"),
        "save": (f"{IMG}.archive:save", "Save one or more images to a tar archive (streamed to STDOUT by default)"),
        "tag": (f"{IMG}.lifecycle:tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"),
    }, aliases={"list": "ls", "remove": "rm", "rmi": "rm"}, unlisted=frozenset({"rmi"}), shortcuts={
        **{name: name for name in ("build", "history", "import", "load", "pull", "push", "save", "tag")},
        "images": "ls", "rmi": "rm",
    }, features={"prune": PRUNE_FEATURES}),
    Group("system", "Manage Docker", {
        "df": (f"{S}:df", "Show docker disk usage"),
        "events": (f"{S}:events", "Get real time events from the server"),
        "info": (f"{S}:info", "Display system-wide information"),
        "prune": (f"{S}:prune", "Remove unused data"),
    }, shortcuts={"events": "events", "info": "info"}, features={"df": PRUNE_FEATURES, "prune": PRUNE_FEATURES}),
    Group("network", "Manage networks", {
        "connect": (f"{N}:connect", "Connect a container to a network"),
        "create": (f"{N}:create", "Create a network"),
        "disconnect": (f"{N}:disconnect", "Disconnect a container from a network"),
        "inspect": (f"{N}:inspect", "Display detailed information on one or more networks"),
        "ls": (f"{N}:ls", "List networks"),
        "prune": (f"{N}:prune", "Remove all unused networks"),
        "rm": (f"{N}:rm", "Remove one or more networks"),
    }, aliases={"list": "ls", "remove": "rm"}, annotations={"version": "1.21"}, features={"prune": PRUNE_FEATURES}),
    Group("volume", "Manage volumes", {
        "create": (f"{V}:create", "Create a volume"),
        "inspect": (f"{V}:inspect", "Display detailed information on one or more volumes"),
        "ls": (f"{V}:ls", "List volumes"),
        "prune": (f"{V}:prune", "Remove unused local volumes"),
        "rm": (f"{V}:rm", "Remove one or more volumes"),
        "update": (f"{V}:update", "Update a volume (cluster volumes only)"),
    }, aliases={"list": "ls", "remove": "rm"}, usage="COMMAND", annotations={"version": "1.21"},
        features={"prune": PRUNE_FEATURES, "update": {"version": "1.42", "swarm": "manager"}}),
    Group("completion", "Generate the autocompletion script for the specified shell", {
        "bash": (f"{COMP}:bash", "Generate the autocompletion script for bash"),
        "fish": (f"{COMP}:fish", "Generate the autocompletion script for fish"),
        "zsh": (f"{COMP}:zsh", "Generate the autocompletion script for zsh"),
    }, usage="COMMAND", hidden=True, lenient=True,
        long="Generate the autocompletion script for pydock for the specified shell.\nSee each sub-command's help "
             "for details on how to use the generated script."),
)
# names the root --help never lists (cobra's rule for its help command; docker hides completion)
UNLISTED_TOP = frozenset({"help"} | {group.name for group in GROUPS if group.hidden})

# top-level commands that belong to no group
TOP_LEVEL = {
    "version": (f"{S}:version", "Show the Docker version information"),
    "inspect": (f"{S}:inspect_objects", "Return low-level information on Docker objects"),
    "help": ("pydock.cli.commands.help:help_", "Help about the command"),  # never listed (cobra's rule)
    "login": (f"{L}:login", "Authenticate to a registry"),
    "logout": (f"{L}:logout", "Log out from a registry"),
    "search": (f"{IMG}.search:search", "Search Docker Hub for images"),
}

# docker's "Common Commands" section, in its order
COMMON = ("run", "exec", "ps", "build", "pull", "push", "images", "login", "logout", "search", "version", "info")


def group_named(name: str) -> Group:
    return next(group for group in GROUPS if group.name == name)


def command_entry(target: str) -> tuple[str, dict[str, str]] | None:
    """(summary, feature annotations) of the command at `target` ("module:function"), as this table
    declares them; None for a command it does not name."""
    for group in GROUPS:
        for name, (where, summary) in group.commands.items():
            if where == target:
                return summary, dict(group.features.get(name, {}))
    return next(((summary, {}) for where, summary in TOP_LEVEL.values() if where == target), None)


def root_sections(names: list[str]) -> list[tuple[str, list[str]]]:
    """The root --help sections as docker prints them: Common, Management, Swarm, then the rest (sorted)."""
    categories = {group.name: group.category for group in GROUPS}
    common = [name for name in COMMON if name in names]
    sections = [("Common Commands", common)]
    for category in (MANAGEMENT, SWARM):
        sections.append((category, sorted(name for name in names if categories.get(name) == category)))
    sections.append(("Commands", sorted(name for name in names if name not in common and name not in categories)))
    return sections


def aliases_of(target: str, prog: str) -> list[str]:
    """Every name the command at `target` answers to, in docker's order: in its group, the group's
    aliases for it, then the top-level shortcut."""
    names = []
    for group in GROUPS:
        for name, (where, _) in group.commands.items():
            if where != target:
                continue
            names.append(f"{prog} {group.name} {name}")
            names += [f"{prog} {group.name} {alias}" for alias, real in group.aliases.items()
                      if real == name and alias not in group.unlisted]
            names += [f"{prog} {top}" for top, real in group.shortcuts.items() if real == name]
    names += [f"{prog} {name}" for name, (where, _) in TOP_LEVEL.items() if where == target]
    return names
