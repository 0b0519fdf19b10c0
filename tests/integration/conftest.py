"""Integration tests run against the real engine started by scripts/engine."""
from __future__ import annotations

import subprocess

import pytest

from tests.conftest import DOCKER, unique

SOCKET = "/var/run/docker.sock"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.engine)


@pytest.fixture(scope="session", autouse=True)
def engine_up():
    """Fail loudly (not skip) when the engine is missing: the test bed must be up."""
    import socket

    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.connect(SOCKET)
    except OSError as exc:
        pytest.fail(f"no engine at {SOCKET} ({exc}); run scripts/engine up")
    finally:
        sock.close()


class Cleanup:
    """Records what a test creates and removes it afterwards, even on failure."""

    def __init__(self):
        self.containers: list[str] = []
        self.images: list[str] = []
        self.networks: list[str] = []
        self.volumes: list[str] = []

    def name(self, kind: str = "containers", prefix: str = "pydt") -> str:
        value = unique(prefix)
        getattr(self, kind).append(value)
        return value

    def run(self):
        def quiet(*args):
            subprocess.run([DOCKER, *args], capture_output=True, timeout=60)
        if self.containers:
            quiet("rm", "-f", "-v", *self.containers)
        if self.images:
            quiet("rmi", "-f", *self.images)
        if self.networks:
            quiet("network", "rm", *self.networks)
        if self.volumes:
            quiet("volume", "rm", "-f", *self.volumes)


@pytest.fixture
def cleanup():
    c = Cleanup()
    yield c
    c.run()
