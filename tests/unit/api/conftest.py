"""An APIClient whose engine is pytest-httpx: `api` speaks API 1.41, `old_api` 1.24."""
from __future__ import annotations

import json

import httpx
import pytest

from pydock.api.client import APIClient
from pydock.transport.client import Transport

BASE = "http://docker/v1.41"


def make_api(version: str = "1.41") -> APIClient:
    return APIClient(Transport("unix:///tmp/pydt-none.sock", api_version=version,
                               httpx_transport=httpx.HTTPTransport()))


@pytest.fixture
def api(monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    return make_api()


@pytest.fixture
def old_api(monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    return make_api("1.24")


def sent(httpx_mock) -> httpx.Request:
    """The one request sent."""
    requests = httpx_mock.get_requests()
    assert len(requests) == 1, requests
    return requests[0]


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return list(request.url.params.multi_items())


def body(request: httpx.Request):
    return json.loads(request.content)
