"""Helpers for comparing pydock with the real docker CLI on the same engine objects."""
from __future__ import annotations

import json
import re
import subprocess
import time
import uuid

from tests.conftest import DOCKER


def sh(*args, check=True, input=None) -> str:
    """Run the real docker CLI for setup and checks; returns stdout."""
    proc = subprocess.run([DOCKER, *map(str, args)], capture_output=True, text=True, check=False, input=input,
                          timeout=120)
    if check and proc.returncode:
        raise AssertionError(f"docker {' '.join(map(str, args))}: {proc.stderr}")
    return proc.stdout


def inspect(name: str) -> dict:
    return json.loads(sh("inspect", name))[0]


def exists(name: str) -> bool:
    return subprocess.run([DOCKER, "inspect", "--type", "container", name], capture_output=True).returncode == 0


def as_pydock(text: str) -> str:
    """docker's stderr with its own program name replaced where docker prints it."""
    text = re.sub(r"(?m)^docker: ", "pydock: ", text).replace("unknown command: docker ", "unknown command: pydock ")
    return text.replace("'docker ", "'pydock ").replace("Usage:  docker ", "Usage:  pydock ") \
        .replace("\tdocker cp", "\tpydock cp")


def assert_same(mine, theirs) -> None:
    assert mine.out_bytes == theirs.out_bytes
    assert mine.err == as_pydock(theirs.err)
    assert mine.code == theirs.code


def run_on_tty(argv) -> tuple[str, int]:
    """Run a program with a pseudo-terminal as its stdin, stdout and stderr: (its output, exit status)."""
    import os
    import pty

    out = bytearray()

    def read(fd):
        data = os.read(fd, 1024)
        out.extend(data)
        return data
    status = pty.spawn(argv, read)
    return out.decode(), os.waitstatus_to_exitcode(status)


def eventually_same(pydock, docker, *args, attempts: int = 4, **kwargs) -> None:
    """Outputs with relative times ("2 seconds ago") may straddle a second: compare a few times."""
    for _ in range(attempts - 1):
        mine, theirs = pydock(*args, **kwargs), docker(*args, **kwargs)
        if (mine.out_bytes, mine.err, mine.code) == (theirs.out_bytes, as_pydock(theirs.err), theirs.code):
            return
        time.sleep(0.2)
    assert_same(pydock(*args, **kwargs), docker(*args, **kwargs))


class Bed:
    """Containers for one test module, all carrying a label unique to it; removed at the end."""

    def __init__(self, prefix: str):
        self.label = f"pydt-{prefix}-{uuid.uuid4().hex[:8]}"
        self.names: list[str] = []

    def name(self, role: str) -> str:
        name = f"{self.label}-{role}"
        self.names.append(name)
        return name

    def run(self, role: str, *args, detach=True) -> str:
        name = self.name(role)
        sh("run", *(["-d"] if detach else []), "--name", name, "--label", self.label, *args)
        return name

    def create(self, role: str, *args) -> str:
        name = self.name(role)
        sh("create", "--name", name, "--label", self.label, *args)
        return name

    def remove(self) -> None:
        if self.names:
            subprocess.run([DOCKER, "rm", "-f", "-v", *self.names], capture_output=True, timeout=120)


class LabelledObjects:
    """Objects of one kind (network, volume) and containers made by one test, all labelled `self.label`.

    `remove()` deletes them: containers first, then the objects newest first (a config-only network is
    removable once the networks built from it are gone).
    """

    def __init__(self, kind: str, prefix: str, rm_flags: tuple[str, ...] = ()):
        self.kind, self.rm_flags = kind, rm_flags
        self.label = f"{prefix}-{uuid.uuid4().hex[:8]}"
        self.objects: list[str] = []
        self.containers: list[str] = []

    def name(self, role: str) -> str:
        name = f"{self.label}-{role}"
        self.objects.append(name)
        return name

    def create(self, role: str, *flags) -> str:
        name = self.name(role)
        sh(self.kind, "create", "--label", self.label, *flags, name)
        return name

    def run(self, role: str, *args) -> str:
        name = f"{self.label}-{role}"
        self.containers.append(name)
        sh("run", "-d", "--name", name, "--label", self.label, *args)
        return name

    def remove(self) -> None:
        if self.containers:
            subprocess.run([DOCKER, "rm", "-f", *self.containers], capture_output=True, timeout=120)
        if self.objects:
            subprocess.run([DOCKER, self.kind, "rm", *self.rm_flags, *reversed(self.objects)],
                           capture_output=True, timeout=120)
