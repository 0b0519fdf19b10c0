"""save/load/import and tag/rmi/prune: requests and output, against a mocked engine."""
from __future__ import annotations

import io
import os
import re

import httpx
import pytest

from pydock.cli.errors import StatusError
from pydock.transport.errors import StreamInterrupted
from tests.unit.cli.commands.container.harness import BASE, query


class _Broken(httpx.SyncByteStream):
    def __iter__(self):
        yield b"x" * 70000
        raise httpx.ReadError("connection reset by peer")


def test_save_interrupted_mid_stream_leaves_no_file(run, httpx_mock, tmp_path):
    from pydock.cli.commands.image.archive import save

    httpx_mock.add_callback(lambda request: httpx.Response(200, stream=_Broken()), method="GET",
                            url=f"{BASE}/images/get?names=a&names=b")
    with pytest.raises(StreamInterrupted) as info:
        run(save, "-o", str(tmp_path / "out.tar"), "a", "b")
    assert str(info.value) == "error reading from the Docker daemon: connection reset by peer"
    assert os.listdir(tmp_path) == []


def test_save_to_a_file(run, httpx_mock, tmp_path):
    from pydock.cli.commands.image.archive import save

    httpx_mock.add_response(method="GET", url=f"{BASE}/images/get?names=a", content=b"tar-bytes")
    assert run(save, "--output", str(tmp_path / "out.tar"), "a") == ""
    assert (tmp_path / "out.tar").read_bytes() == b"tar-bytes"


def test_load_prints_json_messages_or_raw_text(run, httpx_mock, tmp_path):
    from pydock.cli.commands.image.archive import load

    (tmp_path / "in.tar").write_bytes(b"tar")
    httpx_mock.add_response(method="POST", url=f"{BASE}/images/load?quiet=1", match_content=b"tar",
                            headers={"Content-Type": "application/json"},
                            content=b'{"stream":"Loaded image: a:latest\\n"}\r\n')
    assert run(load, "-i", str(tmp_path / "in.tar")) == "Loaded image: a:latest\n"
    httpx_mock.add_response(method="POST", url=f"{BASE}/images/load?quiet=1", content=b"plain answer\n",
                            headers={"Content-Type": "text/plain"})
    run.env.stdin = io.BytesIO(b"tar")
    assert run(load, "-q") == "Loaded image: a:latest\nplain answer\n"


def test_load_stream_error(run, httpx_mock):
    from pydock.cli.commands.image.archive import load

    httpx_mock.add_response(method="POST", url=f"{BASE}/images/load?quiet=1",
                            headers={"Content-Type": "application/json"},
                            content=b'{"errorDetail":{"message":"Error processing tar file(exit status 1): unexpected '
                                    b'EOF"},"error":"Error processing tar file(exit status 1): unexpected EOF"}\r\n')
    run.env.stdin = io.BytesIO(b"tar")
    with pytest.raises(StatusError) as info:
        run(load)
    assert (info.value.message, info.value.status) == ("Error processing tar file(exit status 1): unexpected EOF", 1)


def test_import_query(run, httpx_mock, tmp_path):
    from pydock.cli.commands.image.archive import import_

    (tmp_path / "fs.tar").write_bytes(b"tar")
    httpx_mock.add_response(method="POST", match_content=b"tar", content=b'{"status":"sha256:abc"}\r\n')
    assert run(import_, "-c", "ENV A=1", "-c", "CMD x", "-m", "msg", "--platform", "Linux/AMD64",
               str(tmp_path / "fs.tar"), "repo:tag") == "sha256:abc\n"
    request = httpx_mock.get_requests()[0]
    assert request.url.params.get_list("changes") == ["ENV A=1", "CMD x"]
    assert query(request) == {"fromSrc": "-", "repo": "repo:tag", "message": "msg", "platform": "linux/amd64",
                              "changes": "CMD x"}


def test_tag_sends_the_full_name_and_default_tag(run, httpx_mock):
    from pydock.cli.commands.image.lifecycle import tag

    httpx_mock.add_response(method="POST", url=f"{BASE}/images/alpine/tag?repo=docker.io%2Flibrary%2Fx&tag=latest",
                            status_code=201)
    httpx_mock.add_response(method="POST", url=f"{BASE}/images/alpine/tag?repo=127.0.0.1%3A5000%2Fy&tag=2",
                            status_code=201)
    assert run(tag, "alpine", "x") == ""
    assert run(tag, "alpine", "127.0.0.1:5000/y:2") == ""


def test_rmi_in_order_with_untagged_and_deleted_lines(run, httpx_mock):
    from pydock.cli.commands.image.lifecycle import rm

    httpx_mock.add_response(method="DELETE", url=f"{BASE}/images/a?force=1&noprune=1",
                            json=[{"Untagged": "a:latest"}, {"Deleted": "sha256:1"}])
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/images/b?force=1&noprune=1", status_code=404,
                            json={"message": "No such image: b:latest"})
    assert run(rm, "-f", "--no-prune", "a", "b") == "Untagged: a:latest\nDeleted: sha256:1\n"
    assert run.err == "Error response from daemon: No such image: b:latest\n"  # -f: only shown


def test_rmi_any_other_failure_fails_even_with_force(run, httpx_mock):
    from pydock.cli.commands.image.lifecycle import rm

    httpx_mock.add_response(method="DELETE", url=f"{BASE}/images/a?force=1", status_code=404,
                            json={"message": "No such image: a:latest"})
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/images/b?force=1", status_code=409,
                            json={"message": "conflict: unable to delete b"})
    with pytest.raises(StatusError) as info:
        run(rm, "-f", "a", "b")
    assert info.value.message == ("Error response from daemon: No such image: a:latest\n"
                                  "Error response from daemon: conflict: unable to delete b")


def test_prune_adds_dangling_and_config_filters(run, httpx_mock):
    import json

    from pydock.cli.commands.image.lifecycle import prune

    run.env.config.data["pruneFilters"] = ["label=from-config", "label!=skip"]
    httpx_mock.add_response(method="POST", url=re.compile(rf"{BASE}/images/prune\?.*"),
                            json={"ImagesDeleted": [{"Untagged": "a:latest"}, {"Deleted": "sha256:1"}],
                                  "SpaceReclaimed": 1985569})
    out = run(prune, "-a", "-f", "--filter", "label!=skip", "--filter", "until=1h")
    filters = json.loads(query(httpx_mock.get_requests()[0])["filters"])
    assert filters == {"dangling": {"false": True}, "label!": {"skip": True}, "until": {"1h": True},
                       "label": {"from-config": True}}
    assert out == "Deleted Images:\nuntagged: a:latest\ndeleted: sha256:1\n\nTotal reclaimed space: 1.986MB\n"
