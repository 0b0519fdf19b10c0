"""Client-side registry login (docker's loginClientSide) against small registries served on loopback:
one asking for Basic credentials, one sending clients to a token service (Bearer)."""
from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pydock.transport.registry import RegistryLoginError, login

USER, PASSWORD = "pydt-user", "pydt-pass"


def serve(scheme: str):
    """A registry on 127.0.0.1 (plain http, so the https endpoint fails and http is tried, as docker
    does for insecure registries). Returns (server, the requests it saw)."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            auth = self.headers.get("Authorization", "")
            seen.append((self.path, auth.split(" ")[0]))
            basic_ok = auth == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.path.startswith("/token"):
                return self._answer(200 if basic_ok else 401, {"token": "pydt-token"} if basic_ok else {})
            if scheme == "basic" and basic_ok or scheme == "bearer" and auth == "Bearer pydt-token":
                return self._answer(200, {})
            port = self.server.server_address[1]
            challenge = (f'Bearer realm="http://127.0.0.1:{port}/token",service="pydt-registry"'
                         if scheme == "bearer" else 'Basic realm="pydt"')
            self._answer(401, {"errors": [{"code": "UNAUTHORIZED"}]}, {"WWW-Authenticate": challenge})

        def _answer(self, status, body, headers=None):
            data = json.dumps(body).encode()
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


@pytest.fixture(params=["basic", "bearer"])
def registry(request):
    server, seen = serve(request.param)
    yield f"127.0.0.1:{server.server_address[1]}", seen, request.param
    server.shutdown()
    server.server_close()


def test_good_credentials_log_in(registry):
    address, seen, scheme = registry
    assert login({"username": USER, "password": PASSWORD, "serveraddress": address}) == ("Login Succeeded", "")
    if scheme == "bearer":
        assert ("/token?account=pydt-user&client_id=docker&service=pydt-registry", "Basic") in seen


def test_bad_credentials_in_dockers_words(registry):
    address, _, scheme = registry
    with pytest.raises(RegistryLoginError) as caught:
        login({"username": USER, "password": "wrong", "serveraddress": f"http://{address}/"})
    if scheme == "bearer":  # the token service refused: docker reports the /v2/ request it was for
        assert str(caught.value) == f'Get "http://{address}/v2/": unauthorized: authentication required'
    else:
        assert str(caught.value) == f"login attempt to http://{address}/v2/ failed with status: 401 Unauthorized"


def test_an_unreachable_registry_in_gos_words():
    with pytest.raises(RegistryLoginError) as caught:
        login({"username": USER, "password": PASSWORD, "serveraddress": "127.0.0.1:9"})
    assert str(caught.value) == 'Get "http://127.0.0.1:9/v2/": dial tcp 127.0.0.1:9: connect: connection refused'
