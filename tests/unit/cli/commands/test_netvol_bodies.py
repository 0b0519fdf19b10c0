"""`network …`/`volume …` flags -> the requests sent, compared with what the real docker CLI sent.

netvol_bodies.json holds docker's own requests, output and exit status for each case (recorded by
collect_netvol_bodies.py against a fake engine); pydock, run in-process with its engine replaced by
pytest-httpx answering as that fake engine did, must send the same requests and print the same.
"""
from __future__ import annotations

import json
import os

import httpx
import pytest

from pydock.cli.env import CLIEnv
from pydock.cli.main import run
from pydock.transport.client import Transport
from tests.unit.cli.commands.collect_netvol_bodies import answer

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "netvol_bodies.json")))


@pytest.fixture
def engine(monkeypatch, tmp_path, httpx_mock, request):
    """pydock in-process against the collector's fake engine; returns the mock (its requests)."""
    api = getattr(request, "param", "1.41")
    transport = Transport("unix:///tmp/pydt-none.sock", api_version=api, httpx_transport=httpx.HTTPTransport())
    monkeypatch.setattr(CLIEnv, "transport", property(lambda self: transport))
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    monkeypatch.delenv("DOCKER_HOST", raising=False)

    def reply(request: httpx.Request) -> httpx.Response:
        path = request.url.path.split("/", 2)[2]
        status, body = answer(request.method, "/" + path, request.content.decode())
        return httpx.Response(status, json=body) if body is not None else httpx.Response(status)
    httpx_mock.add_callback(reply, is_optional=True, is_reusable=True)
    return httpx_mock


def sent(mock) -> list[dict]:
    """The requests as the collector recorded docker's: JSON bodies and queries decoded."""
    out = []
    for request in mock.get_requests():
        query = {k: json.loads(v) if k == "filters" else v for k, v in request.url.params.multi_items()}
        out.append({"method": request.method, "path": "/" + request.url.path.split("/", 2)[2], "query": query,
                    "body": json.loads(request.content) if request.content else None})
    return out


def recorded(case) -> list[dict]:
    return [{"method": r["method"], "path": r["path"],
             "query": {k: json.loads(v) if k == "filters" else v for k, v in r["query"].items()},
             "body": json.loads(r["body"]) if r["body"] else None} for r in case["requests"]]


def as_pydock(text: str) -> str:
    return text.replace("Usage:  docker ", "Usage:  pydock ").replace("'docker ", "'pydock ")


@pytest.mark.parametrize("case, engine", [(c, c["api"]) for c in CASES], indirect=["engine"],
                         ids=[f'{c["api"]} ' + " ".join(c["args"])[:70] for c in CASES])
def test_sends_and_prints_what_docker_does(case, engine, capsys):
    status = run(case["args"])
    out, err = capsys.readouterr()
    if case["args"][1] == "rm":  # pydock removes concurrently: the requests' order is not fixed
        assert sorted(sent(engine), key=str) == sorted(recorded(case), key=str)
    else:
        assert sent(engine) == recorded(case)
    assert (out, err, status) == (case["stdout"], as_pydock(case["stderr"]), case["status"])


def test_bodies_keep_docker_field_order(engine, capsys):
    """Go marshals struct fields in declaration order and map keys sorted: pydock's keys come in that order."""
    case = next(c for c in CASES if c["args"][:3] == ["network", "create", "-d"])
    run(case["args"])
    mine = json.dumps(json.loads(engine.get_requests()[0].content), separators=(",", ":"))
    assert mine + "\n" == case["requests"][0]["body"]
