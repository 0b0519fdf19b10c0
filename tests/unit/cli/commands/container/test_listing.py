"""ps and port against a mocked engine: the query sent, the lines printed."""
from __future__ import annotations

import json

import pytest

from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import query


def test_ps_request(run, httpx_mock):
    from pydock.cli.commands.container.listing import ls

    httpx_mock.add_response(method="GET", json=[])
    run(ls, "-a", "-n", "3", "--filter", "label=a", "--filter", "status=exited", "--format", "{{.Size}}")
    params = query(httpx_mock.get_request())
    assert params["all"] == "1" and params["limit"] == "3" and params["size"] == "1"
    assert json.loads(params["filters"]) == {"label": {"a": True}, "status": {"exited": True}}


def test_ps_size_false_wins_over_template(run, httpx_mock):
    from pydock.cli.commands.container.listing import ls

    httpx_mock.add_response(method="GET", json=[])
    run(ls, "-l", "--size=false", "--format", "{{.Size}}")
    params = query(httpx_mock.get_request())
    assert params == {"limit": "1"}


def test_port_lists_naturally_sorted(run, httpx_mock):
    from pydock.cli.commands.container.listing import port

    ports = {"10000/tcp": [{"HostIp": "0.0.0.0", "HostPort": "1"}], "9/tcp": [{"HostIp": "::", "HostPort": "2"}],
             "80/udp": None}
    httpx_mock.add_response(method="GET", json={"NetworkSettings": {"Ports": ports}})
    assert run(port, "c") == "9/tcp -> [::]:2\n10000/tcp -> 0.0.0.0:1\n"


def test_port_of_one_unpublished_port(run, httpx_mock):
    from pydock.cli.commands.container.listing import port

    httpx_mock.add_response(method="GET", json={"NetworkSettings": {"Ports": {"80/udp": None}}})
    with pytest.raises(StatusError, match="^Error: No public port '80/udp' published for c$"):
        run(port, "c", "80/udp")
