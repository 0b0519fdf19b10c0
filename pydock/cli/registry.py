"""Which module holds each command: imported only when the command runs."""

C = "pydock.cli.commands.container"  # a package: one module per family of commands
S = "pydock.cli.commands.system"
I = "pydock.cli.commands.image"  # a package: one module per family of commands
R = "pydock.cli.commands.login"

# container subcommands: name -> (module:attr, summary)
CONTAINER_COMMANDS = {
    "attach": (f"{C}.attach:attach", "Attach local standard input, output, and error streams to a running container"),
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
}
CONTAINER_ALIASES = {"list": "ls", "ps": "ls", "remove": "rm"}

# image subcommands: name -> (module:attr, summary)
IMAGE_COMMANDS = {
    "pull": (f"{I}.distribution:pull", "Download an image from a registry"),
    "push": (f"{I}.distribution:push", "Upload an image to a registry"),
}
IMAGE_ALIASES: dict[str, str] = {}

# top-level commands: the groups and docker's shortcuts
TOP_COMMANDS = {
    "container": ("pydock.cli.commands.groups:container", "Manage containers"),
    "image": ("pydock.cli.commands.groups:image", "Manage images"),
    "login": (f"{R}:login", "Authenticate to a registry"),
    "logout": (f"{R}:logout", "Log out from a registry"),
    "pull": IMAGE_COMMANDS["pull"],
    "push": IMAGE_COMMANDS["push"],
    "version": (f"{S}:version", "Show the Docker version information"),
    "info": (f"{S}:info", "Display system-wide information"),
    "ps": (f"{C}.listing:ps", "List containers"),
    "inspect": (f"{C}.listing:inspect_objects", "Return low-level information on Docker objects"),
    **{name: CONTAINER_COMMANDS[name] for name in (
        "attach", "commit", "cp", "create", "diff", "exec", "export", "kill", "logs", "pause", "port",
        "rename", "restart", "rm", "run", "start", "stats", "stop", "top", "unpause", "update", "wait")},
}

GROUPS = {"container": ("container", CONTAINER_COMMANDS, CONTAINER_ALIASES),
          "image": ("image", IMAGE_COMMANDS, IMAGE_ALIASES)}


# top-level shortcuts that are their own command objects (for their usage line) but the same command
SHORTCUTS = {f"{C}.listing:ps": f"{C}.listing:ls"}


def aliases_of(target: str, prog: str) -> list[str]:
    """Every name a command answers to, in docker's order: group name, group aliases, shortcut."""
    target = SHORTCUTS.get(target, target)
    names = []
    for group, (_, commands, aliases) in GROUPS.items():
        for name, (where, _) in commands.items():
            if where == target:
                names.append(f"{prog} {group} {name}")
                names += [f"{prog} {group} {alias}" for alias, real in aliases.items() if real == name]
    names += [f"{prog} {name}" for name, (where, _) in TOP_COMMANDS.items()
              if SHORTCUTS.get(where, where) == target]
    return names
