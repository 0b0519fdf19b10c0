"""One TAB: the words typed so far -> the candidates for the last one, from the generated tree alone.

`complete(words, tree, lookup)` walks the words as pydock's parser would (groups, aliases, flags that take
a value, `--flag=value`, short clusters, `--`, commands that stop reading flags after their first
argument), then offers what the position takes: subcommands, flags not given yet (unless they repeat),
a flag's values, or an argument's kind. Kinds that live in the engine or in the context store are asked of
`lookup(kind, prefix)`, which returns (value, description) pairs or None; everything else is answered
here, with no import beyond the standard library.
"""
from __future__ import annotations

NO_SPACE, NO_FILES, DIRS_ONLY = 2, 4, 16
FILES_TOO = 64  # pydock's own bit: offer the shell's file names beside the candidates (cp's local paths)
FILE_KINDS = {"file": 0, "dir": DIRS_ONLY}

SIGNALS = ("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
           "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP",
           "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ")  # docker's SignalMap (linux)
PLATFORMS = ("linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm64",
             "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64", "wasip1/wasm")
OBJECT_TYPES = {"config", "container", "image", "network", "node", "secret", "service", "task", "volume"}
NETWORK_MODES = (("bridge", "the default bridge network"), ("host", "the host's network stack"),
                 ("none", "no networking"), ("container:", "the network stack of another container"))


class Answer:
    """Candidates [(value, description)] and cobra's directive bits."""

    def __init__(self, candidates=(), directive: int = NO_FILES):
        self.candidates = list(candidates)
        self.directive = directive

    def render(self) -> str:
        """The `__complete` output: `value<TAB>description` lines, then `:directive`."""
        lines = [f"{value}\t{text}" if text else value for value, text in self.candidates]
        return "".join(line + "\n" for line in lines) + f":{self.directive}\n"


def global_flags(words: list[str], tree: dict) -> dict:
    """The root flags given before the command, by long name: {"--host": "tcp://…", "--tls": True}."""
    return _walk(words[:-1], tree).globals


def complete(words: list[str], tree: dict, lookup) -> Answer:
    """The candidates for `words[-1]` ("" at a fresh position), `words` being what follows the program;
    `lookup` is called for engine objects and contexts (see objects.Lookup, made from global_flags())."""
    state = _walk(words[:-1], tree)
    current = words[-1] if words else ""
    if state.pending is not None:
        return _values(state.pending, current, "", lookup)
    if not state.after_flags and current.startswith("--") and "=" in current:
        name, _, value = current.partition("=")
        flag = state.flag(name)
        if flag is None or not flag["value"]:
            return Answer()
        return _values(flag, value, name + "=", lookup)
    if not state.after_flags and current.startswith("-"):
        return _flag_names(state, current)
    if "commands" in state.node:  # a group: its subcommands, unless an unknown word came first
        return Answer() if state.positional else _subcommands(state, current)
    return _argument(state, current, lookup)


class _State:
    def __init__(self, tree: dict):
        self.nodes = tree["nodes"]
        self.node = tree["root"]
        self.given: set[str] = set()  # ids of the flags given on this node
        self.positional: list[str] = []
        self.pending: dict | None = None  # a flag waiting for its value
        self.after_flags = False  # after `--`, or after the first argument of a non-interspersed command
        self.at_root = True
        self.globals: dict = {}  # the root's flags given, by long name
        self.values: dict = {}  # the current command's flags given, by every name

    def note(self, flag: dict, value) -> None:
        self.values.update(dict.fromkeys(flag["names"], value))
        if self.at_root:
            self.globals[flag["names"][-1] if flag["names"][-1].startswith("--") else flag["names"][0]] = value

    def flag(self, name: str) -> dict | None:
        return next((f for f in self.node["flags"] if name in f["names"]), None)

    def enter(self, name: str) -> bool:
        commands = self.node.get("commands")
        if commands is None:
            return False
        name = self.node.get("aliases", {}).get(name, name)
        if name not in commands:
            return False
        target = commands[name]
        self.node = self.nodes[target] if isinstance(target, str) else target
        self.given = set()
        self.values = {}
        self.at_root = False
        return True


def _walk(words: list[str], tree: dict) -> _State:
    state = _State(tree)
    for word in words:
        if state.pending is not None:
            state.note(state.pending, word)
            state.pending = None
        elif state.after_flags:
            state.positional.append(word)
        elif word == "--":
            state.after_flags = True
        elif word.startswith("--"):
            _long_flag(state, word)
        elif word.startswith("-") and len(word) > 1:
            _short_cluster(state, word)
        elif not state.positional and state.enter(word):
            continue
        else:
            state.positional.append(word)
            if not state.node.get("interspersed", True):
                state.after_flags = True
    return state


def _long_flag(state: _State, word: str) -> None:
    name, eq, _ = word.partition("=")
    flag = state.flag(name)
    if flag is None:
        return
    state.given.add(id(flag))
    if flag["value"] and not eq:
        state.pending = flag
    else:
        state.note(flag, word.partition("=")[2] if flag["value"] else True)


def _short_cluster(state: _State, word: str) -> None:
    for pos in range(1, len(word)):
        flag = state.flag("-" + word[pos])
        if flag is None:
            return
        state.given.add(id(flag))
        if flag["value"]:
            if pos == len(word) - 1:
                state.pending = flag
            else:
                state.note(flag, word[pos + 1:].lstrip("="))
            return
        state.note(flag, True)


def _flag_names(state: _State, current: str) -> Answer:
    out = []
    for flag in state.node["flags"]:
        if id(flag) in state.given and not flag["repeat"]:
            continue
        for name in flag["shown"]:
            if name.startswith(current) and (current.startswith("--") <= name.startswith("--")):
                out.append((name, flag["help"]))
    return Answer(sorted(out, key=lambda c: (not c[0].startswith("--"), c[0])))


def _subcommands(state: _State, current: str) -> Answer:
    node = state.node
    out = [(name, (state.nodes[target] if isinstance(target, str) else target)["summary"])
           for name, target in node["commands"].items() if name.startswith(current)]
    if current and not out:  # an alias only when no name matches (`container li` -> list)
        out = [(alias, "") for alias in node.get("aliases", {}) if alias.startswith(current)]
    return Answer(sorted(out))


def _argument(state: _State, current: str, lookup) -> Answer:
    node, index = state.node, len(state.positional)
    if state.after_flags and not node.get("interspersed", True) and index >= len(node.get("positions", [])):
        return Answer()  # the command a container runs: nothing on this machine to offer
    positions = node.get("positions", [])
    spec = positions[index] if index < len(positions) else node.get("rest")
    if spec == "object" and state.values.get("--type") in OBJECT_TYPES:  # `inspect --type network …`
        spec = state.values["--type"]
    if spec == "container:removable" and "--force" in state.values:  # `rm -f` removes running ones too
        spec = "container"
    if spec == "cp-path" and any(":" in word for word in state.positional):
        return Answer(directive=0)  # after a container's path, only a local one (no copies between containers)
    return _spec(spec, current, "", lookup)


def _values(flag: dict, current: str, prefix: str, lookup) -> Answer:
    return _spec(flag["complete"], current, prefix, lookup)


def _spec(spec, current: str, prefix: str, lookup) -> Answer:
    """Candidates of one spec as the tree keeps it (tree.encode: a kind, choices or filter keys) for the
    word `current`, each written with `prefix` before it (`--restart=`, `status=`)."""
    if spec is None:
        return Answer()
    if current.startswith("container:") and (spec == "network-mode" or isinstance(spec, dict)
                                              and "container:" in spec.get("choices", ())):
        return _container_mode(current, prefix, lookup)
    if "choices" in spec and isinstance(spec, dict):
        return Answer((prefix + c, "") for c in spec["choices"] if c.startswith(current))
    if isinstance(spec, dict):
        return _filter(spec["filter"], current, prefix, lookup)
    if spec in FILE_KINDS:
        return Answer(directive=FILE_KINDS[spec])
    static = _static(spec, current)
    if static is not None:
        return _prefixed(static, prefix)
    found = lookup(spec, current) or []
    if spec == "network-mode":
        found = [*NETWORK_MODES, *found]
        directive = NO_FILES | (NO_SPACE if any(v == "container:" for v, _ in found if v.startswith(current)) else 0)
        return _prefixed(Answer([c for c in found if c[0].startswith(current)], directive), prefix)
    if spec == "cp-path":
        return _cp_path(found, current)
    return _prefixed(Answer(c for c in found if c[0].startswith(current)), prefix)


def _container_mode(current: str, prefix: str, lookup) -> Answer:
    """`container:NAME` (`--network`, `--pid`, `--ipc`): another running container's namespace."""
    found = lookup("container:running", current[len("container:"):]) or []
    return Answer((f"{prefix}container:{name}", text) for name, text in found
                  if f"container:{name}".startswith(current))


def _static(spec: str, current: str) -> Answer | None:
    if spec == "signal":
        names = [*SIGNALS, *(f"SIG{s}" for s in SIGNALS)] if current.upper().startswith("S") else SIGNALS
        return Answer((n, "") for n in names if n.startswith(current.upper()))
    if spec == "platform":
        return Answer((p, "") for p in PLATFORMS if p.startswith(current))
    if spec == "env":  # `-e NAME` passes the variable of this shell, as docker offers them
        import os

        return Answer((name, "") for name in sorted(os.environ) if name.startswith(current))
    return None


def _prefixed(answer: Answer, prefix: str) -> Answer:
    if prefix:
        answer.candidates = [(prefix + value, text) for value, text in answer.candidates]
    return answer


def _filter(keys: dict, current: str, prefix: str, lookup) -> Answer:
    """`--filter KEY=VALUE`: the command's keys (no space after `=`), then the key's values."""
    key, eq, value = current.partition("=")
    if not eq:
        return Answer(((prefix + k + "=", "") for k in sorted(keys) if k.startswith(current)), NO_FILES | NO_SPACE)
    if key not in keys:
        return Answer()
    return _spec(keys[key], value, prefix + key + "=", lookup)


def _cp_path(containers, current: str) -> Answer:
    """`cp`'s SRC and DEST: `container:` (no space after it), or a local path (the shell's files)."""
    if ":" in current:
        name, _, path = current.partition(":")
        return Answer([(f"{name}:/", "")] if not path else [], NO_SPACE | NO_FILES)
    matches = [(f"{value}:", text) for value, text in containers if value.startswith(current)]
    return Answer(matches, NO_SPACE | FILES_TOO if matches else 0)
