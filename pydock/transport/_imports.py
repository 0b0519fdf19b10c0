"""Lazy, cheap imports of the HTTP stack.

httpx's package __init__ imports its own command-line tool, which pulls in click, rich and
pygments when they are installed (~50 ms). We never use that tool, so we register an empty
module in its place before the first import of httpx.
"""
import sys
import types


def httpx():
    mod = sys.modules.get("httpx")
    if mod is None:
        if "httpx._main" not in sys.modules:
            stub = types.ModuleType("httpx._main")
            stub.main = _no_cli
            sys.modules["httpx._main"] = stub
        import httpx as mod
    return mod


def _no_cli() -> None:  # pragma: no cover - never called
    raise SystemExit("httpx's command line is not available inside pydock")
