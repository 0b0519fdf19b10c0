"""Running a container command in-process against an engine mocked by pytest-httpx."""
from __future__ import annotations

import io

import httpx
import pytest

from pydock.cli.env import CLIEnv, GlobalOptions
from pydock.transport.client import Transport

BASE = "http://docker/v1.41"


class Run:
    """Run one command in-process, stdout/stderr captured, engine mocked by pytest-httpx."""

    def __init__(self, tmp_path, api_version="1.41", stdin=""):
        self.env = CLIEnv(GlobalOptions(config_dir=str(tmp_path)), stdin=io.StringIO(stdin),
                          stdout=io.StringIO(), stderr=io.StringIO(), environ={})
        self.env.__dict__["transport"] = Transport("unix:///pydt.sock", httpx_transport=httpx.HTTPTransport(),
                                                   api_version=api_version)

    def __call__(self, command, *args):
        command.main(list(args), prog_name=command.name, obj=self.env, standalone_mode=False)
        return self.env.stdout.getvalue()

    @property
    def err(self) -> str:
        return self.env.stderr.getvalue()


@pytest.fixture
def run(tmp_path):
    return Run(tmp_path)


def query(request) -> dict:
    return dict(request.url.params.multi_items())
