"""The `run` fixture: an image command run in-process, its engine mocked."""
from tests.unit.cli.commands.container.harness import run  # noqa: F401 - a fixture, found by its name
