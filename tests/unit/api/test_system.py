"""SystemAPI: ping and the version accessors commands use instead of the transport; df and events."""
from __future__ import annotations

import httpx
import pytest

from pydock.api.client import APIClient
from pydock.transport.client import MAX_API_VERSION, Transport
from pydock.transport.errors import StreamInterrupted

from .conftest import BASE, query, sent


def test_ping_headers_os_and_experimental(api, httpx_mock):
    httpx_mock.add_response(url="http://docker/_ping", headers={"API-Version": "1.41", "OSType": "linux",
                                                                "Docker-Experimental": "true"}, text="OK",
                            is_reusable=True)
    assert api.system.ping()["ostype"] == "linux"
    assert api.system.os_type() == "linux" and api.system.experimental() is True


def test_negotiated_version(httpx_mock, monkeypatch):
    monkeypatch.delenv("DOCKER_API_VERSION", raising=False)
    httpx_mock.add_response(url="http://docker/_ping", headers={"API-Version": "1.40"}, text="OK")
    system = APIClient(Transport("unix:///tmp/pydt.sock", httpx_transport=httpx.HTTPTransport())).system
    assert system.current_version == MAX_API_VERSION  # not asked yet
    assert system.api_version == "1.40" and system.current_version == "1.40"
    assert system.version_at_least("1.40") and not system.version_at_least("1.41")
    assert system.daemon_host == "unix:///tmp/pydt.sock"


def test_df(api, httpx_mock):
    httpx_mock.add_response(url=f"{BASE}/system/df", json={"LayersSize": 1, "Images": [], "Containers": [],
                                                           "Volumes": [], "BuildCache": []})
    assert api.system.df()["LayersSize"] == 1


def test_events_stream_with_window(api, httpx_mock):
    httpx_mock.add_response(content=b'{"Type":"container","Action":"start"}\n{"Type":"container"}\n')
    with api.system.events(filters={"type": {"container": True}}, since="1700000000", until="1700000010") as r:
        assert r.read().count(b"\n") == 2
    assert query(sent(httpx_mock)) == [("filters", '{"type":{"container":true}}'), ("since", "1700000000"),
                                       ("until", "1700000010")]


class _Broken(httpx.SyncByteStream):
    def __iter__(self):
        yield b'{"Type":"container","Action":"start"}\n'
        raise httpx.ReadError("connection reset")


def test_events_cut_short_is_stream_interrupted(api, httpx_mock):
    httpx_mock.add_response(stream=_Broken())
    chunks = []
    with pytest.raises(StreamInterrupted, match="error reading from the Docker daemon: connection reset"):
        with api.system.events() as response:
            for chunk in response.iter_raw():
                chunks.append(chunk)
    assert chunks == [b'{"Type":"container","Action":"start"}\n']
