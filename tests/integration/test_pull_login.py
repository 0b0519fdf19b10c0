"""docker's "Login prior to pull/push": a pull or push the engine answers with 401 asks for
credentials and is sent once more (RegistryAuthenticationPrivilegedFunc, the moby client's
PrivilegeFunc). Engine 20.10 answers a registry's refusal with 500, so the real engine never starts
it: that is compared on a terminal against the htpasswd registry. The prompt itself is compared on a
scripted engine that answers 401 until it gets the right password, on a terminal (pexpect) and in a
pipe, with docker and pydock side by side."""
from __future__ import annotations

import base64
import json
import os

import pexpect
import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.fake_engine import FakeEngine
from tests.integration.oracle import as_pydock
from tests.integration.registries import AUTH_REGISTRY, SECRETS

SECRET = "pydt-s3cret-for-the-retry"
IMAGE = f"{AUTH_REGISTRY}/pydt-login-retry"
REFUSAL = {"message": f'Head "http://{AUTH_REGISTRY}/v2/pydt-login-retry/manifests/latest": no basic auth credentials'}
STREAM = (b'{"status":"Pulling from pydt-login-retry","id":"latest"}\n'
          b'{"status":"Digest: sha256:' + b"0" * 64 + b'"}\n'
          b'{"status":"Status: Downloaded newer image for ' + IMAGE.encode() + b':latest"}\n')


def _decoded(value: str | None) -> dict:
    try:
        return json.loads(base64.urlsafe_b64decode((value or "") + "=" * (-len(value or "") % 4)))
    except ValueError:
        return {}


@pytest.fixture
def engine(tmp_path):
    sent: list[dict] = []

    def registry(headers):
        auth = _decoded(headers.get("X-Registry-Auth"))
        sent.append(auth)
        return (200, STREAM) if auth.get("password") == SECRET else (401, REFUSAL)

    fake = FakeEngine(str(tmp_path / "engine.sock"), {
        r"/images/create": registry, r"/images/.+/push": registry,
        r"/containers/create": (404, {"message": f"No such image: {IMAGE}:latest"})})
    fake.sent = sent
    yield fake
    fake.close()


def cli(name: str) -> list[str]:
    return [DOCKER] if name == "docker" else list(PYDOCK)


def config_dir(tmp_path, name: str, auths: dict | None = None) -> str:
    path = tmp_path / f"config-{name}"
    path.mkdir()
    if auths:
        (path / "config.json").write_text(json.dumps({"auths": auths}))
    return str(path)


def on_terminal(argv, config: str, answers: list[tuple[str, str]]) -> tuple[str, int]:
    """Run on a pseudo-terminal, answering each prompt; (everything shown, exit status)."""
    child = pexpect.spawn(argv[0], argv[1:], env={**os.environ, "DOCKER_CONFIG": config}, timeout=60,
                          dimensions=(30, 200), encoding="utf-8")
    shown = ""
    for prompt, answer in answers:
        child.expect_exact(prompt)
        shown += child.before + child.after
        child.sendline(answer)
    child.expect(pexpect.EOF)
    shown += child.before
    child.close()
    return shown, child.exitstatus


def in_a_pipe(argv, config: str, stdin: bytes):
    import subprocess

    proc = subprocess.run(argv, input=stdin, capture_output=True, env={**os.environ, "DOCKER_CONFIG": config},
                          timeout=60)
    return proc.stdout, proc.stderr, proc.returncode


@pytest.mark.parametrize("action", ["pull", "push"])
def test_on_a_terminal_a_401_asks_and_sends_again_as_docker(engine, tmp_path, action):
    shown = {}
    for name in ("docker", "pydock"):
        engine.sent.clear()
        shown[name] = on_terminal([*cli(name), "-H", engine.host, action, IMAGE], config_dir(tmp_path, name),
                                  [("Username: ", "someone"), ("Password: ", SECRET)])
    assert shown["pydock"] == shown["docker"]
    text, status = shown["pydock"]
    assert status == 0 and f"\r\nLogin prior to {action}:\r\n" in text and SECRET not in text
    assert [a.get("username") for a in engine.sent] == [None, "someone"]  # stored ones first (none), then asked
    assert engine.sent[1]["password"] == SECRET
    assert not os.path.exists(tmp_path / "config-pydock" / "config.json")  # nothing is stored


def test_the_stored_username_is_the_default(engine, tmp_path):
    stored = {AUTH_REGISTRY: {"auth": base64.b64encode(b"stored-user:stale").decode()}}
    shown = {}
    for name in ("docker", "pydock"):
        engine.sent.clear()
        shown[name] = on_terminal([*cli(name), "-H", engine.host, "pull", IMAGE], config_dir(tmp_path, name, stored),
                                  [("Username (stored-user): ", ""), ("Password: ", SECRET)])
    assert shown["pydock"] == shown["docker"] and shown["pydock"][1] == 0
    assert [(a.get("username"), a.get("password")) for a in engine.sent] == [("stored-user", "stale"),
                                                                             ("stored-user", SECRET)]


@pytest.mark.parametrize("action", ["pull", "push"])
def test_in_a_pipe_the_username_is_read_then_the_password_cannot_be(engine, tmp_path, action):
    results = {name: in_a_pipe([*cli(name), "-H", engine.host, action, IMAGE], config_dir(tmp_path, name),
                               f"someone\n{SECRET}\n".encode()) for name in ("docker", "pydock")}
    assert results["pydock"] == results["docker"]
    out, err, status = results["pydock"]
    assert status == 1 and err == b"inappropriate ioctl for device\n" and out.endswith(b"\nUsername: ")


def test_in_a_pipe_at_end_of_input_pydock_does_not_wait(engine, tmp_path):
    """docker waits forever for a username that cannot come (its scanner gives up, nothing answers);
    pydock takes the empty answer."""
    out, err, status = in_a_pipe([*PYDOCK, "-H", engine.host, "pull", IMAGE], config_dir(tmp_path, "p"), b"")
    assert (err, status) == (b"Error: Non-null Username Required\n", 1) and out.endswith(b"Username: ")


def test_run_pulls_without_asking_as_docker(engine, tmp_path):
    results = {name: in_a_pipe([*cli(name), "-H", engine.host, "run", "--rm", IMAGE], config_dir(tmp_path, name),
                               f"someone\n{SECRET}\n".encode()) for name in ("docker", "pydock")}
    out, err, status = results["pydock"]
    assert status == 125 and b"Login prior" not in out + err
    assert (out, err.decode(), status) == (results["docker"][0], as_pydock(results["docker"][1].decode()), 125)


def test_the_real_engine_answers_500_so_neither_asks(tmp_path):
    shown = {}
    for name in ("docker", "pydock"):
        shown[name] = on_terminal([*cli(name), "pull", f"{AUTH_REGISTRY}/library/alpine"], config_dir(tmp_path, name),
                                  [])
    assert shown["pydock"] == shown["docker"]
    text, status = shown["pydock"]
    assert status == 1 and "no basic auth credentials" in text and "Login prior" not in text
    assert not any(secret in text for secret in SECRETS)
