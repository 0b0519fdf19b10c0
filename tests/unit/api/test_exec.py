"""ExecAPI requests."""
from __future__ import annotations

import pytest

from pydock.transport.errors import InvalidArgument

from .conftest import body, sent


def test_create_names_the_container(api, httpx_mock):
    httpx_mock.add_response(json={"Id": "e1"})
    assert api.exec.create("my c", {"Cmd": ["ls"]}) == {"Id": "e1"}
    request = sent(httpx_mock)
    assert request.url.raw_path == b"/v1.41/containers/my%20c/exec" and body(request) == {"Cmd": ["ls"]}


def test_create_refuses_an_empty_container(api, httpx_mock):
    with pytest.raises(InvalidArgument, match="invalid container name or ID: value is empty"):
        api.exec.create(" ", {})


def test_start_detached_sends_console_size_only_from_1_42(api, httpx_mock):
    httpx_mock.add_response(status_code=200)
    api.exec.start_detached("e1", tty=True, console_size=[24, 80])
    request = sent(httpx_mock)
    assert request.url.path == "/v1.41/exec/e1/start" and body(request) == {"Detach": True, "Tty": True}


def test_inspect_and_resize(api, httpx_mock):
    httpx_mock.add_response(url="http://docker/v1.41/exec/e1/json", json={"ExitCode": 3})
    httpx_mock.add_response(url="http://docker/v1.41/exec/e1/resize?h=24&w=80", status_code=201)
    assert api.exec.inspect("e1")["ExitCode"] == 3
    api.exec.resize("e1", 24, 80)
