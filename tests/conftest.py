"""Shared test helpers: run pydock (and the real docker, the oracle) as a user would."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass

import pytest

PYDOCK = [sys.executable, "-m", "pydock"]
# `python -m pydock` must import this checkout's code even when a test runs it from another directory
# (the venv's own pydock is the main branch)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (ROOT, os.environ.get("PYTHONPATH")) if p)
DOCKER = shutil.which("docker")


@dataclass
class Result:
    out: str
    err: str
    code: int
    out_bytes: bytes = b""


def _run(argv, *, input=None, env=None, timeout=120) -> Result:
    full_env = {**os.environ, **(env or {})}
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(argv, input=data, capture_output=True, env=full_env, timeout=timeout,
                          stdin=None if data is not None else subprocess.DEVNULL)
    return Result(proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"),
                  proc.returncode, proc.stdout)


# Python sets these to SIG_IGN itself and subprocess puts their default back in each child (restore_signals)
_PYTHONS_OWN = {getattr(signal, name) for name in ("SIGPIPE", "SIGXFZ", "SIGXFSZ") if hasattr(signal, name)}


def _do_nothing(signum, frame) -> None:
    pass


@pytest.fixture(scope="session", autouse=True)
def children_start_with_default_signals():
    """Every program the suite starts (pydock, docker, shells, pexpect's children) gets the default
    disposition of every signal and no blocked signal, as from an interactive shell's prompt, whatever
    the suite itself inherited: run under `nohup` (SIGHUP ignored), as a `&` job of a script (SIGINT and
    SIGQUIT ignored) or by a runner that blocks signals. Go, and pydock with it, keep an inherited SIG_IGN,
    so the signal tests would otherwise test the runner. A signal ignored here gets a do-nothing handler
    instead: the suite still ignores it, and execve() resets a handled signal to SIG_DFL in the child,
    where an ignored one would stay ignored."""
    replaced = {}
    for signum in signal.valid_signals():
        if signum in _PYTHONS_OWN:
            continue
        try:
            if signal.getsignal(signum) == signal.SIG_IGN:
                signal.signal(signum, _do_nothing)
                replaced[signum] = signal.SIG_IGN
        except (OSError, ValueError):  # SIGKILL, SIGSTOP, signals the C library keeps for itself
            pass
    blocked = signal.pthread_sigmask(signal.SIG_SETMASK, set())
    yield
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    for signum, handler in replaced.items():
        signal.signal(signum, handler)


@pytest.fixture
def pydock():
    """pydock(*args, input=None, env=None) -> Result, run in a subprocess with stdout a pipe."""
    def run(*args, **kwargs) -> Result:
        return _run(PYDOCK + [str(a) for a in args], **kwargs)
    return run


@pytest.fixture
def docker():
    """The real docker CLI, the oracle."""
    if DOCKER is None:
        pytest.fail("the real docker CLI is not installed; it is the oracle for these tests")

    def run(*args, **kwargs) -> Result:
        return _run([DOCKER] + [str(a) for a in args], **kwargs)
    return run


def unique(prefix: str = "pydt") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
