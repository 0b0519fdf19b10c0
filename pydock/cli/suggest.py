"""What the user probably meant: one line after docker's error, on a terminal only.

    Did you mean: ps?                 # `pydock pss`, after docker's unknown-command text
    Did you mean: --all?              # `pydock ps --alll`
    Did you mean: web-1, web-2?       # `pydock rm web`, after the engine's "No such container: web"

cli/main.py calls `hint_for(error, ctx)` once a command has failed and docker's text is written, and
prints the line it returns only when stderr is a terminal: in a pipe stderr stays docker's bytes, and
the exit status and stdout never change. The words come from the command tree (commands, aliases,
shortcuts, flags: cli/base.py records what was typed and what could have been on the UsageFailure);
object names from the engine, asked for the kind the error names ("No such container: x",
"network x not found", …); a lookup that fails prints nothing.

The rule is cobra's (Command.SuggestionsFor): a candidate within Levenshtein distance 2 of the word,
case ignored, or one that starts with it; nearest first, prefixes before the rest.
"""
from __future__ import annotations

import re

MAX_DISTANCE = 2  # cobra's SuggestionsMinimumDistance
MAX_SHOWN = 5
LOOKUP_TIMEOUT = 1.0  # seconds the engine has to list the names of a kind


def distance(a: str, b: str) -> int:
    """Levenshtein distance between `a` and `b`, case ignored (cobra's ld(s, t, true))."""
    a, b = a.lower(), b.lower()
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def nearest(typed: str, candidates, limit: int = MAX_SHOWN) -> list[str]:
    """The candidates cobra's rule accepts for `typed` (distance <= 2 or a case-insensitive prefix match),
    best first: those that start with `typed`, then by distance, then by name; `typed` itself never,
    nor anything for an empty word. At most `limit`."""
    if not typed:
        return []
    ranked = []
    for name in set(candidates):
        if not name or name == typed:
            continue
        prefix = name.lower().startswith(typed.lower())
        gap = distance(typed, name)
        if prefix or gap <= MAX_DISTANCE:
            ranked.append((not prefix, gap, name))
    return [name for *_, name in sorted(ranked)[:limit]]


def did_you_mean(names: list[str]) -> str:
    return f"Did you mean: {', '.join(names)}?"


# -- words of the command line ---------------------------------------------------------------------------

def flag_names(typed: str, options: list[str]) -> list[str]:
    """Flags near an unknown one: for `--alll` the long flags by cobra's rule (compared without their
    dashes); for `-X`, a one-letter shorthand, only the same letter in the other case (any other letter
    is within distance 2 of it, which says nothing)."""
    if typed.startswith("--"):
        longs = {o[2:]: o for o in options if o.startswith("--")}
        return [longs[name] for name in nearest(typed[2:], longs)]
    letter = typed[1:2]
    return [o for o in sorted(options) if len(o) == 2 and o != typed and o[1:].lower() == letter.lower()]


def word_hint(error) -> str | None:
    """The line for an unknown command or flag (a UsageFailure carrying `typed` and `candidates`: flags,
    or a mapping of every word a subcommand answers to -> its name, so that an alias near the typed
    word suggests its command once: `network lss` -> `ls`, not `ls, list`)."""
    typed, candidates = getattr(error, "typed", ""), getattr(error, "candidates", ())
    if not typed or not candidates:
        return None
    if typed.startswith("-"):
        names = flag_names(typed, list(candidates))
    else:
        words = candidates if isinstance(candidates, dict) else {c: c for c in candidates}
        names = list(dict.fromkeys(words[word] for word in nearest(typed, words, limit=len(words))))[:MAX_SHOWN]
    return did_you_mean(names) if names else None


# -- engine objects ----------------------------------------------------------------------------------------

# the errors that name a missing object, as the engine (20.10 … 28) and docker's CLI word them
_MISSING = (
    (re.compile(r"No such container: (\S+)"), "container"),
    (re.compile(r"No such image: (\S+)"), "image"),
    (re.compile(r"No such network: (\S+)"), "network"),
    (re.compile(r"\bnetwork (\S+) not found"), "network"),
    (re.compile(r"No such volume: (\S+)"), "volume"),
    (re.compile(r"\bget (\S+): no such volume"), "volume"),
    (re.compile(r"No such object: (\S+)"), "object"),
)
KINDS = ("container", "image", "network", "volume")


def missing_objects(message: str) -> list[tuple[str, str]]:
    """(kind, name) of each missing object an error names, in order, once each; kind "object" for
    docker inspect's "No such object" (any kind)."""
    found = []
    for line in message.splitlines():
        for pattern, kind in _MISSING:
            for match in pattern.finditer(line):
                if (kind, match.group(1)) not in found:
                    found.append((kind, match.group(1)))
    return found


def object_names(api, kind: str) -> list[str]:
    """The names of every object of `kind` the engine has, as completion offers them (container names,
    images as repo:tag with no dangling ones, network and volume names), and a repo tagged latest also
    as the repo alone. Raises what the API raises."""
    from .completion.objects import candidates

    names = [name for name, _ in candidates(api, kind)]
    if kind == "image":  # "alpine:latest" is also "alpine", as docker inspect's "No such object: alpien" is typed
        names += [tag[:-len(":latest")] for tag in names if tag.endswith(":latest")]
    return names


def names_within(api, kinds: list[str], timeout: float = LOOKUP_TIMEOUT) -> dict[str, list[str]] | None:
    """{kind: object_names(api, kind)} for every kind, or None when the engine fails or takes longer than
    `timeout` seconds (a slow engine must not hold the prompt back for a hint; the lookup is left to
    end with the process)."""
    import threading

    found: dict[str, list[str]] = {}

    def look() -> None:
        try:
            for kind in kinds:
                found[kind] = object_names(api, kind)
        except Exception:  # a hint is never worth an error of its own
            found.clear()

    worker = threading.Thread(target=look, name="pydock-suggest", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive() or len(found) != len(kinds):
        return None
    return dict(found)


def object_hint(message: str, api) -> str | None:
    """The line for an error naming missing objects: the nearest existing names of that kind (of every
    kind for "No such object"). With several missing names, the best one for each, after it.
    None when nothing is close or the engine cannot say."""
    missing = missing_objects(message)
    if not missing:
        return None
    names = names_within(api, sorted({k for kind, _ in missing for k in (KINDS if kind == "object" else (kind,))}))
    if names is None:
        return None
    found = []
    for kind, typed in missing:
        pool = [n for k in (KINDS if kind == "object" else (kind,)) for n in names[k]]
        found.append((typed, nearest(typed, pool)))
    found = [(typed, close) for typed, close in found if close]
    if not found:
        return None
    if len(missing) == 1:
        return did_you_mean(found[0][1])
    return did_you_mean([f"{close[0]} (for {typed})" for typed, close in found])


def hint_for(error, ctx) -> str | None:
    """The line to add after `error`'s text, if any: words for a command-line mistake, names for a
    missing object, asked of the engine of `ctx` (the root context of the failed command line, or None).
    The objects are those `error` names and those the command reported itself (cli/batch.py's MISSING)."""
    hint = word_hint(error)
    env = getattr(ctx, "obj", None)
    if hint or env is None:
        return hint
    from .batch import MISSING

    earlier = ctx.meta.get(MISSING, [])
    message = getattr(error, "message", None) or str(error)
    return object_hint("\n".join([*earlier, message]), env.api)
