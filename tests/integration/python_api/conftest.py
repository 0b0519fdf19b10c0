"""The Python API (pydock.from_env()) against the real engine; the docker CLI shows what was made."""
from __future__ import annotations

import json
import subprocess

import pytest

import pydock
from tests.conftest import DOCKER


@pytest.fixture
def client():
    with pydock.from_env() as c:
        yield c


def docker_inspect(*args: str):
    """`docker inspect` (or `docker <kind> inspect`, given as args) of one object, as a dict; None if missing."""
    command = [DOCKER, *args] if len(args) > 1 else [DOCKER, "inspect", *args]
    proc = subprocess.run(command, capture_output=True)
    if proc.returncode != 0:
        return None
    return json.loads(proc.stdout)[0]


def docker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([DOCKER, *args], capture_output=True, text=True)
