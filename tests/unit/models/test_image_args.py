"""client.images.build()'s keywords mapped to POST /build (query, context), the engine mocked."""
from __future__ import annotations

import base64
import io
import json
import re
import tarfile

import httpx
import pytest

import pydock
from pydock.errors import BuildError

BASE = "http://docker/v1.41"
DONE = b'{"stream":"Step 1/1 : FROM busybox\\n"}\r\n{"aux":{"ID":"sha256:' + b"ab" * 32 + b'"}}\r\n' \
       b'{"stream":"Successfully built abababababab\\n"}\r\n'


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    (tmp_path / "config.json").write_text(json.dumps({
        "proxies": {"default": {"httpProxy": "http://p:3128"}},
        "auths": {"127.0.0.1:5000": {"auth": "dTpw"}}}))  # u:p
    environment = {"DOCKER_HOST": "unix:///tmp/pydt-none.sock", "DOCKER_CONFIG": str(tmp_path)}
    c = pydock.DockerClient(version="1.41", environment=environment)
    c.api.transport._httpx_transport = httpx.HTTPTransport()
    return c


def _built(httpx_mock, body=DONE):
    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"), content=body)
    # as docker-py does, the image is looked up by the last ID the stream named ("Successfully built …")
    httpx_mock.add_response(method="GET", url=f"{BASE}/images/abababababab/json", json={"Id": "sha256:" + "ab" * 32})


def test_keywords_become_the_query(client, httpx_mock, tmp_path):
    (tmp_path / "ctx").mkdir()
    (tmp_path / "ctx" / "Dockerfile").write_text("FROM busybox\n")
    _built(httpx_mock)
    image, logs = client.images.build(
        path=str(tmp_path / "ctx"), tag="app:1", buildargs={"V": "2"}, labels={"l": "v"}, nocache=True, pull=True,
        forcerm=True, container_limits={"memory": 1024, "memswap": -1, "cpushares": 2, "cpusetcpus": "0"},
        shmsize=4096, network_mode="host", extra_hosts={"h": "1.2.3.4"}, cache_from=["x"], target="t",
        platform="linux/amd64")
    assert image.id == "sha256:" + "ab" * 32 and len(list(logs)) == 3
    request = httpx_mock.get_requests()[0]
    assert dict(request.url.params.multi_items()) == {
        "t": "app:1", "buildargs": '{"HTTP_PROXY":"http://p:3128","V":"2","http_proxy":"http://p:3128"}',
        "labels": '{"l":"v"}', "nocache": "1", "pull": "1", "forcerm": "1", "rm": "0", "memory": "1024",
        "memswap": "-1", "cpushares": "2", "cpusetcpus": "0", "shmsize": "4096", "networkmode": "host",
        "extrahosts": "h:1.2.3.4", "cachefrom": '["x"]', "target": "t", "platform": "linux/amd64",
        "dockerfile": "Dockerfile", "version": "1"}
    registry = json.loads(base64.urlsafe_b64decode(request.headers["X-Registry-Config"]))
    assert registry == {"127.0.0.1:5000": {"serveraddress": "127.0.0.1:5000", "username": "u", "password": "p"}}


def test_fileobj_is_a_dockerfile_and_proxies_can_be_left_out(client, httpx_mock):
    _built(httpx_mock)
    client.images.build(fileobj=io.BytesIO(b"FROM busybox\n"), rm=True, use_config_proxy=False)
    request = httpx_mock.get_requests()[0]
    assert "buildargs" not in request.url.params and "rm" not in request.url.params
    with tarfile.open(fileobj=io.BytesIO(request.read())) as tar:
        assert tar.getnames() == ["Dockerfile"] and tar.extractfile("Dockerfile").read() == b"FROM busybox\n"


def test_a_remote_path_is_fetched_by_the_engine(client, httpx_mock):
    _built(httpx_mock)
    client.images.build(path="https://example.invalid/ctx.tar", dockerfile="sub/Dockerfile",
                        use_config_proxy=False)
    request = httpx_mock.get_requests()[0]
    assert request.url.params["remote"] == "https://example.invalid/ctx.tar"
    assert request.url.params["dockerfile"] == "sub/Dockerfile" and request.read() == b""


def test_no_image_at_the_end_is_a_build_error(client, httpx_mock):
    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/build\?.*"),
                            content=b'{"stream":"Step 1/1 : FROM busybox\\n"}\r\n')
    with pytest.raises(BuildError) as info:
        client.images.build(fileobj=io.BytesIO(b"FROM busybox\n"), use_config_proxy=False)
    assert info.value.msg == {"stream": "Step 1/1 : FROM busybox\n"}  # docker-py's reason: the last message
    assert list(info.value.build_log) == [{"stream": "Step 1/1 : FROM busybox\n"}]
