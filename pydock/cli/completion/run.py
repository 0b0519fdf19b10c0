"""`pydock __complete WORDS…`: the shells' entry point, reached from launch.main before click is imported.

It reads the generated tree (`_tree.py`; the live click tree when that file is missing), answers, and
exits 0 whatever happens: a TAB never prints an error into the command line nor waits more than about a
second for the engine (a hard deadline ends the process quietly past 1 s).
"""
from __future__ import annotations

import os
import sys

DEADLINE = 1.0  # seconds from the start of the answer: past it the process ends, printing nothing more


def load_tree() -> dict:
    """The generated tree; built from the click declarations when it has not been generated."""
    import json

    try:
        from ._tree import TREE_JSON
    except ImportError:
        from .tree import build_tree

        return build_tree()
    return json.loads(TREE_JSON)


def main(words: list[str], descriptions: bool = True) -> None:
    """Print the candidates for `words` (cobra's protocol, see the package docstring; without their
    descriptions for cobra's `__completeNoDesc`) and exit 0."""
    import signal

    signal.signal(signal.SIGALRM, lambda *_: os._exit(0))
    signal.setitimer(signal.ITIMER_REAL, DEADLINE)
    try:
        from .objects import Lookup
        from .resolve import complete, global_flags

        tree = load_tree()
        answer = complete(words or [""], tree, Lookup(global_flags(words or [""], tree), os.environ))
        if not descriptions:
            answer.candidates = [(value, "") for value, _ in answer.candidates]
        sys.stdout.write(answer.render())
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001 - a TAB ends quietly, whatever went wrong
        if os.environ.get("PYDOCK_COMPLETION_DEBUG"):
            import traceback

            traceback.print_exc()
    os._exit(0)
