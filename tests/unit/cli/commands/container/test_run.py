"""`create`/`run` flags -> the create request body, compared with what the real docker CLI sent.

run_bodies.json holds docker's own requests for each flag set (recorded by
collect_run_bodies.py); pydock must send the same body and query. No engine is needed.
"""
from __future__ import annotations

import json
import os

import httpx
import pytest

from pydock.cli.env import CLIEnv
from pydock.cli.main import run
from pydock.transport.client import Transport

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "run_bodies.json")))
CONTAINER_ID = "c" * 64


@pytest.fixture
def engine(monkeypatch, tmp_path, httpx_mock):
    """pydock in-process, its engine replaced by pytest-httpx; returns the recorded requests."""
    transport = Transport("unix:///tmp/pydt-none.sock", api_version="1.41", httpx_transport=httpx.HTTPTransport())
    monkeypatch.setattr(CLIEnv, "transport", property(lambda self: transport))
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    for key, value in CASES["env"].items():
        monkeypatch.setenv(key, value)
    httpx_mock.add_response(method="POST", json={"Id": CONTAINER_ID, "Warnings": []}, is_optional=True,
                            is_reusable=True)
    return httpx_mock


def normalized(body: dict) -> dict:
    """Docker builds Env and Binds from Go maps, so their order is random."""
    body = json.loads(json.dumps(body))
    for holder, key in ((body, "Env"), (body["HostConfig"], "Binds")):
        if holder.get(key):
            holder[key] = sorted(holder[key])
    return body


def create_requests(mock):
    return [r for r in mock.get_requests() if r.url.path.endswith("/containers/create")]


@pytest.mark.parametrize("case", CASES["cases"], ids=[" ".join(c["flags"])[:60] for c in CASES["cases"]])
def test_create_sends_what_docker_sends(case, engine, capsys):
    status = run(["create", *case["flags"]])
    requests = create_requests(engine)
    if case["body"] is None:
        assert status == case["exit"] == 125
        assert requests == []
        return
    assert len(requests) == 1, capsys.readouterr().err
    request = requests[0]
    assert normalized(json.loads(request.content)) == normalized(case["body"])
    query = request.url.query.decode()
    assert (f"?{query}" if query else "") == case["query"]
    assert status == 0
    assert capsys.readouterr().out == CONTAINER_ID + "\n"


def test_run_detached_sends_no_attach_streams(engine, capsys):
    engine.add_response(method="POST", url=f"http://docker/v1.41/containers/{CONTAINER_ID}/start",
                        status_code=204)
    status = run(["run", "-d", "-i", "--name", "pydt-x", "alpine", "true"])
    body = json.loads(create_requests(engine)[0].content)
    assert (body["AttachStdin"], body["AttachStdout"], body["AttachStderr"], body["StdinOnce"]) == \
        (False, False, False, False)
    assert body["OpenStdin"] is True
    assert status == 0
    assert capsys.readouterr().out == CONTAINER_ID + "\n"


def test_proxies_from_config_become_environment(engine, tmp_path, capsys):
    (tmp_path / "config.json").write_text(json.dumps(
        {"proxies": {"default": {"httpProxy": "http://proxy:3128", "noProxy": "localhost"}}}))
    assert run(["create", "-e", "NO_PROXY=mine", "alpine"]) == 0
    env = json.loads(create_requests(engine)[0].content)["Env"]
    assert sorted(env) == ["HTTP_PROXY=http://proxy:3128", "NO_PROXY=mine", "http_proxy=http://proxy:3128",
                           "no_proxy=localhost"]


@pytest.mark.parametrize("flags, message", [
    (["-m", "abc"], 'invalid argument "abc" for "-m, --memory" flag: invalid size: \'abc\''),
    (["--cpus", "x"], 'invalid argument "x" for "--cpus" flag: failed to parse x as a rational number'),
    (["--stop-timeout", "abc"], 'invalid argument "abc" for "--stop-timeout" flag: strconv.ParseInt: parsing '
                                '"abc": invalid syntax'),
    (["--mount", "type=foo"], 'invalid argument "type=foo" for "--mount" flag: target is required'),
    (["-e", "=x"], 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x'),
    (["--health-interval", "5x"], 'invalid argument "5x" for "--health-interval" flag: time: unknown unit "x" '
                                  'in duration "5x"'),
    (["-a", "foo"], 'invalid argument "foo" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR'),
])
def test_bad_flag_values_fail_like_pflag(flags, message, engine, capsys):
    assert run(["create", *flags, "alpine"]) == 125
    err = capsys.readouterr().err
    assert err.startswith(message + "\n\nUsage:  pydock create [OPTIONS] IMAGE [COMMAND] [ARG...]\n")
    assert create_requests(engine) == []


@pytest.mark.parametrize("flags, message", [
    (["-p", "abc"], "invalid containerPort: abc"),
    (["-p", "8080:80/xyz"], "invalid proto: xyz"),
    (["--restart", "on-failure:x"], "invalid restart policy format: maximum retry count must be an integer"),
    (["--rm", "--restart", "always"], "conflicting options: cannot specify both --restart and --rm"),
    (["--expose", "1:2"], "invalid port format for --expose: 1:2"),
    (["--pull", "sometimes"], "invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or "
                              "\"never\""),
    (["--security-opt", "foo"], 'Invalid --security-opt: "foo"'),
    (["--no-healthcheck", "--health-cmd", "x"], "--no-healthcheck conflicts with --health-* options"),
    (["--memory-swappiness", "200"], "invalid value: 200. Valid memory swappiness range is 0-100"),
    (["--pid", "bogus"], "--pid: invalid PID mode"),
    (["--device", "/dev/null:rel"], "rel is not an absolute path"),
])
def test_bad_combinations_fail_with_help_pointer(flags, message, engine, capsys):
    assert run(["run", *flags, "alpine"]) == 125
    assert capsys.readouterr().err == f"pydock: {message}\n\nRun 'pydock run --help' for more information\n"
    assert create_requests(engine) == []


def test_flags_newer_than_the_engine_are_refused(engine, capsys):
    assert run(["create", "--annotation", "a=b", "alpine"]) == 1
    assert capsys.readouterr().err == \
        '"--annotation" requires API version 1.43, but the Docker daemon API version is 1.41\n'
