"""login, logout and credentials against the test bed's authenticated registry (127.0.0.1:5001).

Every test has config directories of its own (never ~/.docker). Every output captured here (stdout,
stderr, -D runs, the helper's argument vectors, the command lines of all processes while pydock
runs) is searched for the password in every encoding it could leak in.
"""
from __future__ import annotations

import base64
import json
import os
import re
import stat
import sys
import textwrap
import threading
import time
import uuid

import pytest

from tests.integration.oracle import as_pydock
from tests.integration.registries import (
    AUTH_PASSWORD,
    AUTH_REGISTRY,
    AUTH_USER,
    SECRETS,
    auth_header,
    delete_from_registry,
    docker,
    remove_local,
)
from tests.integration.replay_engine import ReplayEngine, Route

HELPER = textwrap.dedent('''\
    #!{python}
    """A credential helper speaking docker's protocol; it keeps credentials in store.json beside it
    and records each call's arguments (never the secret) in calls.log."""
    import json, os, sys
    here = os.path.dirname(os.path.abspath(__file__))
    store = os.path.join(here, "store.json")
    data = json.load(open(store)) if os.path.exists(store) else {{}}
    action, payload = sys.argv[1], sys.stdin.read()
    with open(os.path.join(here, "calls.log"), "a") as f:
        f.write(json.dumps(sys.argv[1:]) + "\\n")
    if action == "store":
        item = json.loads(payload)
        data[item["ServerURL"]] = {{"Username": item["Username"], "Secret": item["Secret"]}}
    elif action == "get":
        if payload not in data:
            print("credentials not found in native keychain"); sys.exit(1)
        print(json.dumps({{"ServerURL": payload, **data[payload]}}))
    elif action == "erase":
        if payload not in data:
            print("credentials not found in native keychain"); sys.exit(1)
        del data[payload]
    elif action == "list":
        print(json.dumps({{url: item["Username"] for url, item in data.items()}}))
    json.dump(data, open(store, "w"))
''')


class Transcript:
    """Everything the tests saw, to search for secrets at the end."""

    def __init__(self):
        self.texts: list[str] = []

    def add(self, result):
        if hasattr(result, "out"):
            self.texts += [result.out, result.err]
        else:
            self.texts += [result.stdout, result.stderr]
        return result

    def assert_no_secret(self):
        for text in self.texts:
            for secret in SECRETS:
                assert secret not in text


@pytest.fixture
def transcript():
    seen = Transcript()
    yield seen
    seen.assert_no_secret()


@pytest.fixture
def configs(tmp_path):
    """Two fresh config directories: one for pydock, one for docker (or shared, as a test likes)."""
    made = []
    for name in ("mine", "theirs"):
        directory = tmp_path / name
        directory.mkdir()
        made.append({"DOCKER_CONFIG": str(directory)})
    return made


@pytest.fixture
def helper(tmp_path):
    """A credential helper docker-credential-<name> in a folder of its own; returns (name, PATH env,
    folder)."""
    name = f"pydt-{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "helper-bin"
    folder.mkdir()
    program = folder / f"docker-credential-{name}"
    program.write_text(HELPER.format(python=sys.executable))
    program.chmod(0o755)
    return name, {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, folder


@pytest.fixture(scope="module")
def private_image():
    """busybox pushed to the authenticated registry under a name of its own; nothing local."""
    ref = f"{AUTH_REGISTRY}/pydt-{uuid.uuid4().hex[:10]}:v1"
    import tempfile

    with tempfile.TemporaryDirectory() as config:
        env = {"DOCKER_CONFIG": config}
        docker("login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY, input=AUTH_PASSWORD, env=env)
        docker("tag", "busybox:latest", ref)
        docker("push", "-q", ref, env=env)
    remove_local(ref)
    yield ref
    remove_local(ref)
    delete_from_registry(ref)


def login(run, env, password=AUTH_PASSWORD, *extra):
    return run("login", "-u", AUTH_USER, "--password-stdin", *extra, AUTH_REGISTRY, input=password, env=env)


def config_json(env) -> dict:
    with open(os.path.join(env["DOCKER_CONFIG"], "config.json")) as f:
        return json.load(f)


class CommandLines:
    """Samples the command line of every process while it runs: none may carry a secret."""

    def __init__(self):
        self.seen: set[str] = set()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while self.running:
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        with open(f"/proc/{pid}/cmdline", "rb") as f:
                            self.seen.add(f.read().replace(b"\0", b" ").decode(errors="replace"))
                    except OSError:
                        pass
            time.sleep(0.005)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()


def test_login_push_pull_run_logout_with_config_json(pydock, configs, transcript, cleanup):
    mine, theirs = configs
    ref = f"{AUTH_REGISTRY}/pydt-{uuid.uuid4().hex[:10]}:v1"
    docker("tag", "busybox:latest", ref)
    cleanup.images.append(ref)
    try:
        with CommandLines() as lines:
            logged = transcript.add(login(pydock, mine))
        assert any("pydock login" in line for line in lines.seen)  # the sampler saw pydock run
        assert not any(secret in line for line in lines.seen for secret in SECRETS)
        their_login = transcript.add(docker("login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY,
                                            input=AUTH_PASSWORD, env=theirs))
        assert (logged.out, logged.code) == ("Login Succeeded\n", 0)
        assert logged.err == their_login.stderr.replace(theirs["DOCKER_CONFIG"], mine["DOCKER_CONFIG"])
        path = os.path.join(mine["DOCKER_CONFIG"], "config.json")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert sorted(os.listdir(mine["DOCKER_CONFIG"])) == ["config.json"]
        encoded = base64.b64encode(f"{AUTH_USER}:{AUTH_PASSWORD}".encode()).decode()
        assert config_json(mine) == config_json(theirs) == {"auths": {AUTH_REGISTRY: {"auth": encoded}}}

        pushed = transcript.add(pydock("push", ref, env=mine))
        assert pushed.code == 0 and pushed.out.startswith(f"The push refers to repository [{ref[:-3]}]\n")
        remove_local(ref)
        pulled = transcript.add(pydock("pull", ref, env=mine))
        assert (pulled.code, pulled.out.splitlines()[-1]) == (0, ref)
        remove_local(ref)
        ran = transcript.add(pydock("run", "--rm", ref, "echo", "pydt-ran", env=mine))
        assert (ran.out, ran.code) == ("pydt-ran\n", 0)
        assert ran.err.startswith(f"Unable to find image '{ref}' locally\nv1: Pulling from ")
        remove_local(ref)

        out = transcript.add(pydock("logout", AUTH_REGISTRY, env=mine))
        assert (out.out, out.err, out.code) == (f"Removing login credentials for {AUTH_REGISTRY}\n", "", 0)
        assert config_json(mine) == {"auths": {}}
        refused, their_refusal = pydock("pull", ref, env=mine), docker("pull", ref, env=mine, check=False)
        assert (refused.out, refused.err, refused.code) == (their_refusal.stdout, their_refusal.stderr, 1)
        assert "no basic auth credentials" in refused.err
    finally:
        delete_from_registry(ref)


def test_wrong_password_is_refused_as_docker_refuses_it(pydock, configs, transcript):
    mine, theirs = configs
    for args in (["-u", AUTH_USER, "-p", "pydt-wrong-password", AUTH_REGISTRY],
                 ["-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY]):
        ours = transcript.add(pydock("login", *args, input="pydt-wrong-password\n", env=mine))
        their = transcript.add(docker("login", *args, input="pydt-wrong-password\n", env=theirs, check=False))
        assert (ours.out, ours.err, ours.code) == (their.stdout, their.stderr, their.returncode)
        assert ours.code == 1 and ours.err.endswith(
            f"Error response from daemon: login attempt to http://{AUTH_REGISTRY}/v2/ failed with status: "
            "401 Unauthorized\n")
    assert os.listdir(mine["DOCKER_CONFIG"]) == []  # nothing stored


@pytest.fixture
def unwritable_folder(tmp_path):
    """A config folder no new file can be made in, even by root (immutable), with a config.json in it."""
    import subprocess

    folder = tmp_path / "immutable"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("where", ["a file", "under a file", "immutable"])
def test_a_config_folder_that_cannot_be_written_is_reported_as_docker_does(pydock, tmp_path, transcript, where,
                                                                          unwritable_folder):
    """Go's words for the failed mkdir or temporary file (its random digits aside), exit 1; no [Errno]."""
    import re

    (tmp_path / "plain-file").write_text("x")
    folder = {"a file": tmp_path / "plain-file", "under a file": tmp_path / "plain-file" / "sub" / "dir",
              "immutable": unwritable_folder}[where]
    env = {"DOCKER_CONFIG": str(folder)}
    args = ["login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY]
    ours = transcript.add(pydock(*args, input=AUTH_PASSWORD + "\n", env=env))
    their = transcript.add(docker(*args, input=AUTH_PASSWORD + "\n", env=env, check=False))
    digits = re.compile(r"config\.json\d+:")
    assert their.returncode == 1 and "Error saving credentials: " in their.stderr
    assert (ours.out, digits.sub("config.json<n>:", ours.err), ours.code) == (
        their.stdout, digits.sub("config.json<n>:", their.stderr), their.returncode)
    assert "Errno" not in ours.err


@pytest.mark.parametrize("args", [
    ["-u", AUTH_USER, AUTH_REGISTRY], ["-p", "x", AUTH_REGISTRY], ["--password-stdin", AUTH_REGISTRY],
    ["--password-stdin", "-p", "x", "-u", "a", AUTH_REGISTRY], ["-u", "", "-p", "x", AUTH_REGISTRY],
    ["-u", "a", "-p", "", AUTH_REGISTRY], ["a", "b"], [AUTH_REGISTRY], [], ["--nope"],
])
def test_login_refusals_match_docker(pydock, configs, transcript, args):
    mine, theirs = configs
    ours = transcript.add(pydock("login", *args, env=mine))
    their = transcript.add(docker("login", *args, env=theirs, check=False))
    assert (ours.out, ours.err, ours.code) == (their.stdout, as_pydock(their.stderr), their.returncode)
    assert ours.code != 0


def test_logins_are_shared_with_docker_both_ways(pydock, configs, transcript, private_image):
    shared, _ = configs
    try:
        transcript.add(login(pydock, shared))
        got = transcript.add(docker("pull", "-q", private_image, env=shared))
        assert got.stdout == f"{private_image}\n"
        remove_local(private_image)
        transcript.add(docker("logout", AUTH_REGISTRY, env=shared))
        assert config_json(shared) == {"auths": {}}

        transcript.add(docker("login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY, input=AUTH_PASSWORD,
                              env=shared))
        ours = transcript.add(pydock("pull", "-q", private_image, env=shared))
        assert (ours.out, ours.code) == (f"{private_image}\n", 0)
        again = transcript.add(pydock("login", AUTH_REGISTRY, env=shared))  # the stored credentials
        theirs = transcript.add(docker("login", AUTH_REGISTRY, env=shared))
        assert (again.out, again.err, again.code) == (theirs.stdout, as_pydock(theirs.stderr), 0)
        assert again.err.startswith(f"Authenticating with existing credentials... [Username: {AUTH_USER}]\n")
    finally:
        remove_local(private_image)


def test_credentials_store_helper(pydock, configs, helper, transcript, private_image):
    name, path_env, folder = helper
    mine, theirs = configs
    for env in configs:
        with open(os.path.join(env["DOCKER_CONFIG"], "config.json"), "w") as f:
            json.dump({"credsStore": name}, f)
    try:
        with CommandLines() as lines:
            ours = transcript.add(login(pydock, {**mine, **path_env}))
        their = transcript.add(docker("login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY,
                                      input=AUTH_PASSWORD, env={**theirs, **path_env}))
        assert (ours.out, ours.err, ours.code) == (their.stdout, their.stderr, 0) == ("Login Succeeded\n", "", 0)
        assert config_json(mine) == config_json(theirs) == {"auths": {AUTH_REGISTRY: {}}, "credsStore": name}
        assert json.loads((folder / "store.json").read_text()) == {
            AUTH_REGISTRY: {"Username": AUTH_USER, "Secret": AUTH_PASSWORD}}

        pulled = transcript.add(pydock("pull", "-q", private_image, env={**mine, **path_env}))
        assert (pulled.out, pulled.code) == (f"{private_image}\n", 0)
        remove_local(private_image)
        out = transcript.add(pydock("logout", AUTH_REGISTRY, env={**mine, **path_env}))
        assert (out.out, out.err, out.code) == (f"Removing login credentials for {AUTH_REGISTRY}\n", "", 0)
        assert json.loads((folder / "store.json").read_text()) == {}
        assert config_json(mine) == {"auths": {}, "credsStore": name}
        calls = [json.loads(line) for line in (folder / "calls.log").read_text().splitlines()]
        assert {tuple(call) for call in calls} <= {("store",), ("get",), ("erase",), ("list",)}
        assert any(f"docker-credential-{name} store" in line for line in lines.seen) or \
            ["store"] in calls  # the helper may finish between two samples
        assert not any(secret in line for line in lines.seen for secret in SECRETS)
        transcript.texts.append((folder / "calls.log").read_text())
    finally:
        remove_local(private_image)


def test_cred_helpers_beat_creds_store(pydock, configs, helper, transcript, private_image):
    name, path_env, _ = helper
    mine, _ = configs
    with open(os.path.join(mine["DOCKER_CONFIG"], "config.json"), "w") as f:
        json.dump({"credsStore": "pydt-not-installed", "credHelpers": {AUTH_REGISTRY: name}}, f)
    env = {**mine, **path_env}
    try:
        assert transcript.add(login(pydock, env)).code == 0
        for client in (pydock, lambda *a, **k: docker(*a, **k, check=False)):
            result = transcript.add(client("pull", "-q", private_image, env=env))
            out = result.out if hasattr(result, "out") else result.stdout
            assert out == f"{private_image}\n"
            remove_local(private_image)
    finally:
        remove_local(private_image)


@pytest.mark.parametrize("stored", ["file", "helper", "hub-helper"])
def test_x_registry_auth_is_the_one_docker_sends(pydock, configs, helper, tmp_path, transcript, stored):
    """docker and pydock against a replaying engine: the same header for pull, push and run's pull."""
    name, path_env, folder = helper
    mine, _ = configs
    encoded = base64.b64encode(f"{AUTH_USER}:{AUTH_PASSWORD}".encode()).decode()
    config = {"auths": {AUTH_REGISTRY: {"auth": encoded}}}
    registry_ref = f"{AUTH_REGISTRY}/pydt-x:v1"
    if stored != "file":
        key = AUTH_REGISTRY if stored == "helper" else "https://index.docker.io/v1/"
        config = {"credHelpers": {key: name}}
        (folder / "store.json").write_text(json.dumps({key: {"Username": AUTH_USER, "Secret": AUTH_PASSWORD}}))
        registry_ref = f"{AUTH_REGISTRY}/pydt-x:v1" if stored == "helper" else "pydt-user/pydt-x:v1"
    with open(os.path.join(mine["DOCKER_CONFIG"], "config.json"), "w") as f:
        json.dump(config, f)
    env = {**mine, **path_env}
    done = [{"status": "Status: Image is up to date for x"}]
    routes = [Route("/images/create", done), Route("/push", done),
              Route("/containers/create", status=404, body={"message": "No such image: x"})]
    with ReplayEngine(str(tmp_path), routes) as engine:
        for args in (["pull", registry_ref], ["push", registry_ref], ["create", registry_ref]):
            transcript.add(docker("-H", engine.host, *args, env=env, check=False))
            transcript.add(pydock("-H", engine.host, *args, env=env))
    headers = [(r["path"].split("/")[-1], r["headers"].get("x-registry-auth")) for r in engine.requests
               if r["path"].endswith(("/images/create", "/push"))]
    assert len(headers) == 6  # pull, push and create's pull, by each client
    assert headers[0::2] == headers[1::2]
    sent = auth_header(headers[1][1])
    assert sent == {"username": AUTH_USER, "password": AUTH_PASSWORD,
                    "serveraddress": AUTH_REGISTRY if stored != "hub-helper" else "https://index.docker.io/v1/"}


def test_debug_output_carries_no_secret(pydock, configs, transcript, private_image):
    mine, _ = configs
    try:
        transcript.add(pydock("-D", "login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY,
                              input=AUTH_PASSWORD, env=mine))
        transcript.add(pydock("-D", "pull", private_image, env=mine))
        transcript.add(pydock("-D", "login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY,
                              input="pydt-wrong", env=mine))
        transcript.add(pydock("-D", "push", f"{AUTH_REGISTRY}/pydt-absent:v1", env=mine))
    finally:
        remove_local(private_image)


def converse(argv, env, answers) -> tuple[str, int]:
    """Run `argv` on a pseudo-terminal, answering each prompt in turn; (the whole screen text, exit)."""
    import pexpect

    child = pexpect.spawn(argv[0], argv[1:], env={**os.environ, **env}, timeout=30, dimensions=(30, 100))
    seen = b""
    for prompt, answer in answers:
        child.expect(prompt)
        seen += child.before + child.after
        child.sendline(answer)
    child.expect(pexpect.EOF)
    seen += child.before
    child.close()
    return seen.decode(), child.exitstatus


@pytest.mark.parametrize("stored", [None, "pydt-stale-password"])
def test_prompts_on_a_terminal_as_docker_prompts(configs, transcript, stored):
    """Username, then a password that is not echoed; with stale stored credentials, docker's retry
    and the stored user name offered as the default."""
    from tests.conftest import PYDOCK

    screens = []
    for argv, env in ((PYDOCK, configs[0]), ([docker_path()], configs[1])):
        if stored:
            encoded = base64.b64encode(f"{AUTH_USER}:{stored}".encode()).decode()
            with open(os.path.join(env["DOCKER_CONFIG"], "config.json"), "w") as f:
                json.dump({"auths": {AUTH_REGISTRY: {"auth": encoded}}}, f)
        user_prompt = f"Username \\({AUTH_USER}\\): " if stored else "Username: "
        screen, code = converse([*argv, "login", AUTH_REGISTRY], env,
                                [(user_prompt, "" if stored else AUTH_USER), ("Password: ", AUTH_PASSWORD)])
        assert code == 0 and screen.endswith("Login Succeeded\r\n")
        assert AUTH_PASSWORD not in screen  # not echoed
        screens.append(screen.replace(env["DOCKER_CONFIG"], "<config>"))
        transcript.texts.append(screen)
    assert screens[0] == as_pydock(screens[1])


@pytest.mark.parametrize("at", ["Username: ", "Password: "])
def test_ctrl_c_at_a_prompt_ends_the_line_and_exits_0_as_docker(configs, at):
    """docker's PromptForInput answers Ctrl-C with a newline and a cancelled error its main does not
    report: exit 0, nothing stored, the terminal's echo back on."""
    import time

    import pexpect

    from tests.conftest import PYDOCK

    screens = []
    for argv, env in ((PYDOCK, configs[0]), ([docker_path()], configs[1])):
        # the shell ignores the Ctrl-C itself (its children take SIGINT back, as Go's signal.Notify does)
        child = pexpect.spawn("/bin/bash", ["-c", "trap '' INT; " + " ".join([*argv, "login", AUTH_REGISTRY]) +
                                            "; echo status=$?; stty -a | grep -o '[-]*echo '"],
                              env={**os.environ, **env}, timeout=30, dimensions=(30, 100))
        child.expect("Username: ")
        if at == "Password: ":
            child.sendline(AUTH_USER)
            child.expect("Password: ")
        time.sleep(0.3)
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
        screens.append(child.before.decode())
        assert os.listdir(env["DOCKER_CONFIG"]) == []
    assert screens[0] == screens[1]
    assert screens[0].endswith("\r\nstatus=0\r\necho \r\n")


def test_an_empty_answer_is_refused_as_docker_refuses_it(configs):
    from tests.conftest import PYDOCK

    for answers, message in (([("Username: ", "")], "Error: Non-null Username Required"),
                             ([("Username: ", AUTH_USER), ("Password: ", "")], "Error: Password Required")):
        mine = converse([*PYDOCK, "login", AUTH_REGISTRY], configs[0], answers)
        theirs = converse([docker_path(), "login", AUTH_REGISTRY], configs[1], answers)
        assert mine == theirs and mine[1] == 1 and mine[0].endswith(message + "\r\n")


def docker_path() -> str:
    from tests.conftest import DOCKER

    return DOCKER


@pytest.mark.parametrize("password, server", [(AUTH_PASSWORD, AUTH_REGISTRY), ("pydt-wrong", AUTH_REGISTRY),
                                              ("x", "127.0.0.1:5999")])
def test_without_the_engine_login_goes_straight_to_the_registry(pydock, configs, transcript, password, server):
    """docker's loginClientSide: the same outcome, stored credentials and last line (docker also logs
    each endpoint it gave up on at level info, with Go pointers in them: those lines are not ours)."""
    host = ["-H", "unix:///nonexistent/pydt.sock"]
    mine, theirs = configs
    args = ["login", "-u", AUTH_USER, "--password-stdin", server]
    ours = transcript.add(pydock(*host, *args, input=password, env=mine))
    their = transcript.add(docker(*host, *args, input=password, env=theirs, check=False))
    assert (ours.out, ours.code) == (their.stdout, their.returncode)
    assert ours.err.splitlines()[-1:] == their.stderr.splitlines()[-1:]
    stored = [os.listdir(env["DOCKER_CONFIG"]) and config_json(env) for env in configs]
    assert stored[0] == stored[1]
    assert bool(stored[0]) == (password == AUTH_PASSWORD)


ENDPOINT_LOG = re.compile(r'^time="[^"]*" level=info msg="Error logging in to endpoint, trying next endpoint".*\n',
                          re.M)


def _readable_log(text: str) -> str:
    """docker's logrus lines with the time masked and the endpoint's Go struct (a pointer in it) as its URL."""
    text = re.sub(r'time="[^"]*"', 'time="<t>"', text)
    return re.sub(r'endpoint="\{\w+ (\S+) \w+ \w+ \w+ 0x[0-9a-f]+\}"', r'endpoint="\1"', text)


@pytest.mark.parametrize("password", [AUTH_PASSWORD, "pydt-wrong"])
def test_without_the_engine_dockers_endpoint_log_is_shown_only_with_debug(pydock, configs, transcript, password):
    """docker logs each endpoint it gave up on at level info; pydock only under -D (then as docker
    does, debug lines too), the endpoint as its URL rather than a Go struct with a pointer."""
    host = ["-H", "unix:///nonexistent/pydt.sock"]
    mine, theirs = configs
    args = ["login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY]
    ours = transcript.add(pydock(*host, *args, input=password, env=mine))
    their = transcript.add(docker(*host, *args, input=password, env=theirs, check=False))
    assert ENDPOINT_LOG.search(their.stderr) and not ENDPOINT_LOG.search(ours.err)
    same_dir = lambda text: text.replace(theirs["DOCKER_CONFIG"], mine["DOCKER_CONFIG"])  # noqa: E731
    assert (ours.out, ours.err, ours.code) == (their.stdout, same_dir(ENDPOINT_LOG.sub("", their.stderr)),
                                               their.returncode)
    ours = transcript.add(pydock("-D", *host, *args, input=password, env=mine))
    their = transcript.add(docker("-D", *host, *args, input=password, env=theirs, check=False))
    assert (ours.out, _readable_log(ours.err), ours.code) == (their.stdout, same_dir(_readable_log(their.stderr)),
                                                              their.returncode)


def test_an_unreachable_registry_is_reported_as_docker_reports_it(pydock, configs, transcript):
    mine, theirs = configs
    args = ["login", "-u", AUTH_USER, "--password-stdin", "127.0.0.1:5999"]
    ours = transcript.add(pydock(*args, input="pydt-any", env=mine))
    their = transcript.add(docker(*args, input="pydt-any", env=theirs, check=False))
    assert (ours.out, ours.err, ours.code) == (their.stdout, their.stderr, their.returncode)
    assert ours.code == 1 and "connection refused" in ours.err
