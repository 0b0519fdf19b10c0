"""The `run` fixture (a command run in-process, its engine mocked) for every group's tests."""
from tests.unit.cli.commands.container.harness import run  # noqa: F401 - a fixture, found by its name
