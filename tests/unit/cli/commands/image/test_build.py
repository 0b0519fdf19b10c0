"""build: the request it sends (query, headers, context tar) and what it prints, against a mocked engine."""
from __future__ import annotations

import base64
import io
import json
import re
import tarfile

import httpx
import pytest

from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import BASE, query

STREAM = [{"stream": "Step 1/1 : FROM busybox\n"}, {"stream": " ---> 6ac6b464a1ba\n"},
          {"aux": {"ID": "sha256:" + "ab" * 32}}, {"stream": "Successfully built abababababab\n"}]


def lines(messages) -> bytes:
    return b"".join(json.dumps(m).encode() + b"\r\n" for m in messages)


@pytest.fixture
def context(tmp_path):
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM busybox\n")
    (ctx / "a.log").write_text("log")
    (ctx / "keep.txt").write_text("keep")
    (ctx / ".dockerignore").write_text("*.log\nDockerfile\n")
    return ctx


def sent_names(request) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(request.read())) as tar:
        return tar.getnames()


def test_flags_become_the_query_and_the_context_honours_dockerignore(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), content=lines(STREAM))
    out = run(build, "-t", "a", "-t", "b:2", "--build-arg", "X=1", "--label", "l=v", "--no-cache", "--pull",
              "--target", "t", "--network", "host", "--add-host", "h:1.2.3.4", "--shm-size", "1m",
              "--ulimit", "nofile=1:2", "-m", "4m", "--cpu-shares", "3", "--platform", "linux/amd64", "--rm=false",
              str(context))
    request = httpx_mock.get_requests()[0]
    assert request.url.params.get_list("t") == ["a", "b:2"]
    assert query(request) == {
        "t": "b:2", "buildargs": '{"X":"1"}', "labels": '{"l":"v"}', "nocache": "1", "pull": "1", "target": "t",
        "networkmode": "host", "extrahosts": "h:1.2.3.4", "shmsize": "1048576",
        "ulimits": '[{"Name":"nofile","Hard":2,"Soft":1}]', "memory": "4194304", "cpushares": "3",
        "platform": "linux/amd64", "rm": "0", "dockerfile": "Dockerfile", "version": "1"}
    assert request.headers["Content-Type"] == "application/x-tar"
    assert base64.urlsafe_b64decode(request.headers["X-Registry-Config"]) == b"{}"
    assert sent_names(request) == [".dockerignore", "Dockerfile", "keep.txt"]  # the Dockerfile always goes
    assert out == ("Sending build context to Docker daemon  4.096kB\r\r\n" "Step 1/1 : FROM busybox\n"
                   " ---> 6ac6b464a1ba\n" "Successfully built abababababab\n")


def test_quiet_prints_only_the_engine_answer_and_writes_the_iidfile(run, httpx_mock, context, tmp_path):
    from pydock.cli.commands.image.build import build

    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"),
                            content=lines([{"stream": "sha256:" + "cd" * 32 + "\n"}]))
    iid = tmp_path / "iid"
    iid.write_text("stale")
    assert run(build, "-q", "--iidfile", str(iid), str(context)) == "sha256:" + "cd" * 32 + "\n"
    assert query(httpx_mock.get_requests()[0])["q"] == "1"
    assert iid.read_text() == "sha256:" + "cd" * 32 + "\n"


def test_an_error_in_the_stream_ends_with_its_code(run, httpx_mock, context, tmp_path):
    from pydock.cli.commands.image.build import build

    failure = {"errorDetail": {"code": 3, "message": "The command '/bin/sh -c exit 3' returned a non-zero code: 3"},
               "error": "The command '/bin/sh -c exit 3' returned a non-zero code: 3"}
    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), content=lines(STREAM[:2] + [failure]))
    (tmp_path / "iid").write_text("stale")
    with pytest.raises(StatusError) as info:
        run(build, "--iidfile", str(tmp_path / "iid"), str(context))
    assert (info.value.message, info.value.status) == (failure["error"], 3)
    assert not (tmp_path / "iid").exists()  # removed before the build, not written after a failure


def test_quiet_failure_shows_what_was_kept_aside(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"),
                            content=lines(STREAM[:1] + [{"errorDetail": {"message": "boom"}, "error": "boom"}]))
    with pytest.raises(StatusError) as info:
        run(build, "-q", str(context))
    assert (info.value.message, info.value.status) == ("boom", 1)
    assert run.env.stdout.getvalue() == ""
    assert run.err == "Sending build context to Docker daemon  4.096kB\r\r\nStep 1/1 : FROM busybox\n"


def test_an_engine_refusal_before_the_stream(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), status_code=400,
                            json={"message": "dockerfile parse error line 1: unknown instruction: FROMM"})
    with pytest.raises(StatusError) as info:
        run(build, str(context))
    assert info.value.message == ("Error response from daemon: dockerfile parse error line 1: unknown instruction: "
                                  "FROMM")


def test_dockerfile_from_stdin_travels_under_a_random_name(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), content=lines(STREAM))
    run.env.stdin = io.BytesIO(b"FROM busybox\nCOPY keep.txt /\n")
    run(build, "-f", "-", str(context))
    request = httpx_mock.get_requests()[0]
    name = query(request)["dockerfile"]
    assert name.startswith(".dockerfile.")
    assert sent_names_lenient(request.read()) == [".dockerignore", "keep.txt", name]


def sent_names_lenient(data: bytes) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(data + b"\0" * 1024)) as tar:  # docker's stream has no end blocks
        return tar.getnames()


def test_build_args_take_config_proxies(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    run.env.config.data["proxies"] = {"default": {"httpProxy": "http://proxy:3128"}}
    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), content=lines(STREAM))
    run(build, "--build-arg", "HTTP_PROXY=mine", str(context))
    args = json.loads(query(httpx_mock.get_requests()[0])["buildargs"])
    assert args == {"HTTP_PROXY": "mine", "http_proxy": "http://proxy:3128"}


@pytest.mark.parametrize("args, message", [
    (["-f", "-", "-"], "invalid argument: can't use stdin for both build context and dockerfile"),
    (["/nonexistent-ctx"], 'unable to prepare context: path "/nonexistent-ctx" not found'),
])
def test_refusals_before_any_request(run, args, message):
    from pydock.cli.commands.image.build import build

    with pytest.raises(StatusError) as info:
        run(build, *args)
    assert (info.value.message, info.value.status) == (message, 1)


def test_a_transport_failure_mid_stream(run, httpx_mock, context):
    from pydock.cli.commands.image.build import build

    def broken(request):
        request.read()

        def body():
            yield lines(STREAM[:1])
            raise httpx.ReadError("connection reset")
        return httpx.Response(200, stream=_Stream(body()))

    httpx_mock.add_callback(broken, method="POST", url=re.compile(rf"{BASE}/build\?.*"))
    with pytest.raises(StatusError) as info:
        run(build, str(context))
    assert info.value.message == "error reading from the Docker daemon: connection reset"


class _Stream(httpx.SyncByteStream):
    def __init__(self, chunks):
        self.chunks = chunks

    def __iter__(self):
        yield from self.chunks
