"""pull and push after a 401: docker's "Login prior to …" prompts and the second request's
X-Registry-Auth, against a mocked engine."""
from __future__ import annotations

import base64
import json

import pytest

from pydock.cli.commands import login as login_module
from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import BASE, Run

REFUSED = {"message": "unauthorized: authentication required"}
PULLED = b'{"status":"Status: Downloaded newer image for 127.0.0.1:5001/app:latest"}\n'


def auth_of(request) -> dict:
    value = request.headers["X-Registry-Auth"]
    return json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))


@pytest.fixture
def terminal(monkeypatch):
    """stdin taken for a terminal whose echo can be turned off."""
    monkeypatch.setattr(login_module, "_disable_echo", lambda env: (lambda: None))


@pytest.mark.parametrize("action", ["pull", "push"])
def test_a_401_asks_and_sends_the_answer(tmp_path, httpx_mock, terminal, action):
    from pydock.cli.commands.image import distribution

    httpx_mock.add_response(method="POST", status_code=401, json=REFUSED)
    httpx_mock.add_response(method="POST", content=PULLED)
    run = Run(tmp_path, stdin="bob\npw\n")
    out = run(getattr(distribution, action), "127.0.0.1:5001/app")
    first, second = httpx_mock.get_requests()
    assert auth_of(first) == {}
    assert auth_of(second) == {"username": "bob", "password": "pw", "serveraddress": "127.0.0.1:5001"}
    assert first.url == second.url
    assert out.startswith(f"Using default tag: latest\n\nLogin prior to {action}:\nLog in with your Docker ID")
    assert "Username: Password: \n" in out and "pw" not in out


def test_the_stored_user_is_offered_and_kept_on_an_empty_answer(tmp_path, httpx_mock, terminal):
    from pydock.cli.commands.image.distribution import pull

    (tmp_path / "config.json").write_text(json.dumps({"auths": {"127.0.0.1:5001": {
        "auth": base64.b64encode(b"alice:old").decode()}}}))
    httpx_mock.add_response(method="POST", status_code=401, json=REFUSED)
    httpx_mock.add_response(method="POST", content=PULLED)
    out = Run(tmp_path, stdin="\nnew\n")(pull, "127.0.0.1:5001/app")
    first, second = httpx_mock.get_requests()
    assert (auth_of(first)["password"], auth_of(second)["username"], auth_of(second)["password"]) == \
        ("old", "alice", "new")
    assert "Username (alice): " in out


def test_not_a_terminal_fails_after_the_username(tmp_path, httpx_mock):
    from pydock.cli.commands.image.distribution import pull

    httpx_mock.add_response(method="POST", status_code=401, json=REFUSED)
    run = Run(tmp_path, stdin="bob\npw\n")
    with pytest.raises(StatusError, match="^inappropriate ioctl for device$"):
        run(pull, "127.0.0.1:5001/app")
    assert len(httpx_mock.get_requests()) == 1 and run.env.stdout.getvalue().endswith("Username: ")


def test_other_refusals_are_not_retried(tmp_path, httpx_mock):
    from pydock.cli.commands.image.distribution import pull

    httpx_mock.add_response(method="POST", url=f"{BASE}/images/create?fromImage=127.0.0.1%3A5001%2Fapp&tag=latest",
                            status_code=500, json=REFUSED)
    with pytest.raises(Exception, match="unauthorized: authentication required"):
        Run(tmp_path, stdin="bob\npw\n")(pull, "127.0.0.1:5001/app")
    assert len(httpx_mock.get_requests()) == 1
