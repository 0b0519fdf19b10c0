"""pull and push against the test bed's registry, compared with docker's output.

Live pulls and pushes are compared after masking digests and the order in which concurrent layer
downloads happened to finish; replays of one recorded engine stream (replay_engine.py) are compared
byte for byte, because then docker and pydock read the very same messages.
"""
from __future__ import annotations

import pytest

from tests.integration.oracle import as_pydock, run_on_tty
from tests.integration.registries import (
    MIRROR,
    MULTI,
    build_image,
    delete_from_registry,
    docker,
    normalized_progress,
    remove_local,
    unique_repo,
)
from tests.integration.replay_engine import ReplayEngine, Route, record


@pytest.fixture
def isolated(tmp_path):
    """Both clients with an empty config directory of their own (never the user's ~/.docker)."""
    directory = tmp_path / "docker-config"
    directory.mkdir()
    return {"DOCKER_CONFIG": str(directory)}


@pytest.fixture(scope="module")
def pushed():
    """A three-layer image of its own (on alpine) in the mirror under two tags; nothing local."""
    repo = unique_repo()
    build_image(f"{repo}:v1")
    docker("tag", f"{repo}:v1", f"{repo}:v2")
    for tag in ("v1", "v2"):
        docker("push", "-q", f"{repo}:{tag}")
    digest = docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", f"{repo}:v1").stdout.strip()
    remove_local(f"{repo}:v1", f"{repo}:v2")
    yield repo, digest.partition("@")[2]
    remove_local(f"{repo}:v1", f"{repo}:v2", f"{repo}@{digest.partition('@')[2]}")
    for tag in ("v1", "v2"):
        delete_from_registry(f"{repo}:{tag}")


def pull_both(pydock, *args, env, cleanup_refs):
    """docker pull, remove what it pulled, pydock pull (same starting state), remove again."""
    theirs = docker("pull", *args, env=env, check=False)
    remove_local(*cleanup_refs)
    mine = pydock("pull", *args, env=env)
    remove_local(*cleanup_refs)
    return mine, theirs


def test_pull_pipe_output_matches_docker(pydock, pushed, isolated):
    repo, _ = pushed
    mine, theirs = pull_both(pydock, repo, env=isolated, cleanup_refs=[f"{repo}:latest"])
    assert theirs.returncode == 1 and "manifest for" in theirs.stderr  # no :latest was pushed
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, as_pydock(theirs.stderr), theirs.returncode)

    mine, theirs = pull_both(pydock, f"{repo}:v1", env=isolated, cleanup_refs=[f"{repo}:v1"])
    assert (mine.code, theirs.returncode, mine.err, theirs.stderr) == (0, 0, "", "")
    assert normalized_progress(mine.out) == normalized_progress(theirs.stdout)
    plain, layers = normalized_progress(mine.out)
    assert plain == ["v1: Pulling from " + repo.partition("/")[2], "Digest: sha256:<digest>",
                     f"Status: Downloaded newer image for {repo}:v1", f"{repo}:v1"]
    assert list(layers.values()) == [["Already exists"]] + [
        ["Pulling fs layer", "Download complete", "Pull complete"]] * 3


def test_pull_of_a_present_image_and_by_digest(pydock, pushed, isolated):
    repo, digest = pushed
    docker("pull", "-q", f"{repo}:v1")
    try:
        for ref in (f"{repo}:v1", f"{repo}@{digest}", f"{repo}:v1@{digest}"):
            mine, theirs = pydock("pull", ref, env=isolated), docker("pull", ref, env=isolated, check=False)
            assert (mine.out, mine.err, mine.code) == (theirs.stdout, theirs.stderr, theirs.returncode) != ("", "", 0)
            assert mine.out.endswith(f"Status: Image is up to date for {ref.replace(':v1@', '@')}\n"
                                     f"{ref}\n")
    finally:
        remove_local(f"{repo}:v1", f"{repo}@{digest}")


def test_pull_quiet_prints_only_the_reference(pydock, pushed, isolated):
    repo, _ = pushed
    mine = pydock("pull", "-q", f"{repo}:v2", env=isolated)
    remove_local(f"{repo}:v2")
    assert (mine.out, mine.err, mine.code) == (f"{repo}:v2\n", "", 0)
    mine = pydock("pull", "--quiet", MULTI, env=isolated)
    assert (mine.out, mine.err, mine.code) == (f"docker.io/library/{MULTI}:latest\n", "", 0)
    remove_local(f"{MULTI}:latest")


def test_pull_all_tags(pydock, pushed, isolated):
    repo, _ = pushed
    refs = [f"{repo}:v1", f"{repo}:v2"]
    mine, theirs = pull_both(pydock, "-a", repo, env=isolated, cleanup_refs=refs)
    assert (mine.code, theirs.returncode, mine.err) == (0, 0, "")
    assert normalized_progress(mine.out) == normalized_progress(theirs.stdout)
    assert mine.out.endswith(f"Status: Downloaded newer image for {repo}\n{repo}\n")


@pytest.mark.parametrize("args", [
    ["Upper"], ["a:b:c"], ["alpine@sha256:" + "A" * 64], ["alpine@md5:" + "a" * 32], ["a" * 64], [""],
    ["-a", "alpine:latest"], [f"{MIRROR}/library/alpine:pydt-no-such-tag"], [f"{MIRROR}/pydt-no/such-repo"],
    ["127.0.0.1:5999/pydt-unreachable:v1"], ["Foo/bar"], ["--platform", "bad/x/y/z", "alpine"], [],
    ["alpine", "busybox"], ["--nope", "alpine"],
])
def test_pull_refusals_match_docker(pydock, isolated, args):
    mine, theirs = pydock("pull", *args, env=isolated), docker("pull", *args, env=isolated, check=False)
    assert theirs.returncode != 0
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, as_pydock(theirs.stderr), theirs.returncode)


def test_push_pipe_output_matches_docker(pydock, isolated, cleanup):
    """Two images of the same shape, each pushed for the first time (Pushed), then again (Layer
    already exists), one by docker and one by pydock."""
    repos = [unique_repo(), unique_repo()]
    for repo in repos:
        build_image(f"{repo}:v1")
        cleanup.images.append(f"{repo}:v1")
    try:
        for attempt in range(2):
            theirs = docker("push", f"{repos[0]}:v1", env=isolated, check=False)
            mine = pydock("push", f"{repos[1]}:v1", env=isolated)
            assert (mine.code, theirs.returncode, mine.err, theirs.stderr) == (0, 0, "", "")
            mine_plain, mine_layers = normalized_progress(mine.out.replace(repos[1], "<repo>"))
            their_plain, their_layers = normalized_progress(theirs.stdout.replace(repos[0], "<repo>"))
            assert (mine_plain, mine_layers) == (their_plain, their_layers)
            assert mine_plain[0] == "The push refers to repository [<repo>]"
            assert mine_plain[1].startswith("v1: digest: sha256:<digest> size: ")
            statuses = {status for steps in mine_layers.values() for status in steps}
            assert statuses >= ({"Pushed"} if attempt == 0 else {"Layer already exists"})
        for repo in repos:  # a second tag: -a pushes both
            docker("tag", f"{repo}:v1", f"{repo}:v2")
            cleanup.images.append(f"{repo}:v2")
        theirs = docker("push", "-a", repos[0], env=isolated, check=False)
        mine = pydock("push", "--all-tags", repos[1], env=isolated)
        assert (mine.code, theirs.returncode, mine.err) == (0, 0, "")
        assert normalized_progress(mine.out.replace(repos[1], "<repo>")) == \
            normalized_progress(theirs.stdout.replace(repos[0], "<repo>"))
        assert [line.split(":")[0] for line in mine.out.splitlines() if "digest:" in line] == ["v1", "v2"]
        quiet = pydock("push", "-q", f"{repos[1]}:v1", env=isolated)
        assert (quiet.out, quiet.err, quiet.code) == (f"{repos[1]}:v1\n", "", 0)
        pulled = docker("pull", "-q", f"{repos[1]}:v1")  # what pydock pushed is there to pull
        assert pulled.stdout == f"{repos[1]}:v1\n"
    finally:
        for repo in repos:
            delete_from_registry(f"{repo}:v1")
            delete_from_registry(f"{repo}:v2")


@pytest.mark.parametrize("args", [
    [f"{MIRROR}/pydt-not-here"], [f"{MIRROR}/pydt-not-here:v1"], ["alpine@sha256:" + "a" * 64],
    ["-a", "alpine:latest"], ["Upper"], ["127.0.0.1:5999/pydt-unreachable"], [],
    ["--platform", "linux/amd64", f"{MIRROR}/pydt-x"],
])
def test_push_refusals_match_docker(pydock, isolated, args):
    mine, theirs = pydock("push", *args, env=isolated), docker("push", *args, env=isolated, check=False)
    assert theirs.returncode != 0
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, as_pydock(theirs.stderr), theirs.returncode)


def test_push_to_an_unreachable_registry(pydock, isolated, cleanup):
    ref = "127.0.0.1:5999/pydt-unreachable:v1"
    docker("tag", "alpine:latest", ref)
    cleanup.images.append(ref)
    mine, theirs = pydock("push", ref, env=isolated), docker("push", ref, env=isolated, check=False)
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, theirs.stderr, theirs.returncode)
    assert mine.code == 1 and "connection refused" in mine.err


# -- replays: the same recorded stream to both clients ---------------------------------------------

@pytest.fixture(scope="module")
def recorded(pushed):
    """The real engine's streams for a pull of three new layers, a push and a failing push."""
    repo, _ = pushed
    _, pull = record("POST", f"/v1.41/images/create?fromImage={repo}&tag=v1", {"X-Registry-Auth": "e30="})
    _, push = record("POST", f"/v1.41/images/{repo}/push?tag=v1", {"X-Registry-Auth": "e30="})
    _, failed = record("POST", f"/v1.41/images/{MIRROR}/pydt-not-here/push?tag=v1", {"X-Registry-Auth": "e30="})
    remove_local(f"{repo}:v1")
    assert any(m.get("status") == "Pull complete" for m in pull) and failed[-1].get("errorDetail")
    return repo, pull, push, failed


def both_on(engine, pydock, *args, env):
    theirs = docker("-H", engine.host, *args, env=env, check=False)
    mine = pydock("-H", engine.host, *args, env=env)
    return mine, theirs


def test_replayed_pull_and_push_are_byte_for_byte_dockers(pydock, recorded, isolated, tmp_path):
    repo, pull, push, failed = recorded
    routes = [Route("/images/create", pull), Route(f"/images/{repo}/push", push),
              Route("/pydt-not-here/push", failed)]
    with ReplayEngine(str(tmp_path), routes) as engine:
        for args in (["pull", f"{repo}:v1"], ["pull", "-q", f"{repo}:v1"], ["push", f"{repo}:v1"],
                     ["push", "-q", f"{repo}:v1"], ["push", f"{MIRROR}/pydt-not-here:v1"],
                     ["image", "push", f"{MIRROR}/pydt-not-here:v1"]):
            mine, theirs = both_on(engine, pydock, *args, env=isolated)
            assert (mine.out_bytes, mine.err, mine.code) == (theirs.stdout.encode(), theirs.stderr,
                                                              theirs.returncode), args
    sent = [(r["method"], r["path"], r["query"], r["headers"].get("x-registry-auth")) for r in engine.requests
            if "_ping" not in r["path"]]
    assert sent[0::2] == sent[1::2]  # docker's request, then pydock's: the same each time


def test_errors_in_the_stream_end_with_dockers_line(pydock, tmp_path, isolated):
    lines = [{"status": "Pulling from library/pydt-x", "id": "v1"},
             {"errorDetail": {"message": "pydt: something broke"}, "error": "pydt: something broke"}]
    with ReplayEngine(str(tmp_path), [Route("/images/create", lines)]) as engine:
        mine, theirs = both_on(engine, pydock, "pull", "pydt-x:v1", env=isolated)
    assert theirs.returncode == 1 and theirs.stderr == "pydt: something broke\n"
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, theirs.stderr, theirs.returncode)


CUT_STREAMS = {  # the last bytes the engine sent before the stream ended
    "cut inside a message": b'{"status":"Downloa',
    "not JSON": b"<html>proxy error</html>\r\n",
    "a broken line, then messages": b'nul\r\n{"status":"Status: Downloaded newer image for pydt-x:v1"}\r\n',
}


@pytest.mark.parametrize("tail", list(CUT_STREAMS), ids=list(CUT_STREAMS))
@pytest.mark.parametrize("args", [["pull", "pydt-x:v1"], ["pull", "-q", "pydt-x:v1"], ["push", "pydt-x:v1"]],
                         ids=" ".join)
def test_a_cut_or_corrupt_stream_is_a_failure_as_dockers(pydock, tmp_path, isolated, args, tail):
    """Never success: docker's json.Decoder error ("unexpected EOF", "invalid character …"), exit 1, and what
    came before it printed as docker prints it."""
    lines = [{"status": "Pulling from library/pydt-x", "id": "v1"},
             {"status": "Pulling fs layer", "progressDetail": {}, "id": "0123456789ab"}]
    routes = [Route("/images/create", lines, tail=CUT_STREAMS[tail]),
              Route("/pydt-x/push", lines, tail=CUT_STREAMS[tail])]
    with ReplayEngine(str(tmp_path), routes) as engine:
        mine, theirs = both_on(engine, pydock, *args, env=isolated)
    assert theirs.returncode == 1 and theirs.stderr in ("unexpected EOF\n", *(
        f"invalid character '{c}' {rest}\n" for c, rest in (("<", "looking for beginning of value"),
                                                             ("\\r", "in literal null (expecting 'l')"))))
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, theirs.stderr, theirs.returncode)


@pytest.mark.parametrize("args", [["pull", "pydt-x:v1"], ["push", "pydt-x:v1"]], ids=" ".join)
def test_an_engine_dying_mid_answer_is_dockers_unexpected_eof(pydock, tmp_path, isolated, args):
    """The connection closes before the chunked body's end: Go's "unexpected EOF", exit 1 (not the HTTP
    library's words)."""
    lines = [{"status": "Pulling from library/pydt-x", "id": "v1"}]
    routes = [Route("/images/create", lines, unfinished=True), Route("/pydt-x/push", lines, unfinished=True)]
    with ReplayEngine(str(tmp_path), routes) as engine:
        mine, theirs = both_on(engine, pydock, *args, env=isolated)
    assert (theirs.returncode, theirs.stderr) == (1, "unexpected EOF\n")
    assert (mine.out, mine.err, mine.code) == (theirs.stdout, theirs.stderr, theirs.returncode)


# -- terminals ------------------------------------------------------------------------------------

def test_terminal_pull_draws_one_live_line_per_layer(pushed):
    repo, _ = pushed
    try:
        out, code = run_on_tty([*pydock_argv(), "pull", f"{repo}:v1"])
    finally:
        remove_local(f"{repo}:v1")
    assert code == 0
    assert out.startswith("v1: Pulling from ") and "\x1b[?25l" in out and "\x1b[?25h" in out  # cursor hidden, shown
    assert out.rstrip().endswith(f"Status: Downloaded newer image for {repo}:v1\r\n{repo}:v1")
    final = out[out.rindex("\x1b[?25h") - 2000:]
    assert final.count("Pull complete") >= 3 and "Already exists" in final
    assert "\u2501" in out and "B/" in out  # a bar and "current/total" sizes while downloading


def test_terminal_replay_draws_bars_for_every_layer(recorded, tmp_path):
    """Slowed down, every layer is seen downloading with its own bar and byte counts."""
    repo, pull, _, _ = recorded
    layers = {m["id"] for m in pull if m.get("status") == "Downloading"}
    with ReplayEngine(str(tmp_path), [Route("/images/create", pull, delay=0.02)]) as engine:
        out, code = run_on_tty([*pydock_argv(), "-H", engine.host, "pull", f"{repo}:v1"])
    assert code == 0 and len(layers) == 3
    import re

    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    for layer in layers:
        bar, size = "\u2501*[\u2501\u2578\u257a]+", r"\d[\d.]*[kM]?B"
        assert re.search(rf"{layer}: Downloading +{bar} +{size}/{size}", plain), layer
        assert re.search(rf"{layer}: Pull complete", plain)
    assert plain.index("Pulling from") < plain.index("Pull complete") < plain.index("Digest: sha256:")


def pydock_argv() -> list[str]:
    from tests.conftest import PYDOCK

    return list(PYDOCK)


def test_ctrl_c_during_a_terminal_pull_ends_cleanly(recorded, tmp_path):
    """Exit 130 as docker's, the cursor shown again and the layer lines left as they were."""
    import time

    import pexpect

    repo, pull, _, _ = recorded
    with ReplayEngine(str(tmp_path), [Route("/images/create", pull, delay=0.3)]) as engine:
        child = pexpect.spawn(pydock_argv()[0], [*pydock_argv()[1:], "-H", engine.host, "pull", f"{repo}:v1"],
                              timeout=30, dimensions=(30, 120))
        child.expect("Pulling fs layer")
        time.sleep(0.2)
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
    assert child.exitstatus == 130
    assert child.before.endswith(b"\x1b[?25h") and b"Traceback" not in child.before


def test_content_trust_is_refused_not_skipped(pydock, isolated):
    """Signing and verification (Notary) are not pydock's: with content trust on it says so, exit 1."""
    refusal = ("Error: content trust (image signing and verification) is not supported by pydock: unset "
               "DOCKER_CONTENT_TRUST or add --disable-content-trust\n")
    for args, env in ((["pull", "-q", "alpine"], {"DOCKER_CONTENT_TRUST": "1"}),
                      (["pull", "-q", "--disable-content-trust=false", "alpine"], {}),
                      (["push", "-q", f"{MIRROR}/pydt-not-here:v1"], {"DOCKER_CONTENT_TRUST": "yes"})):
        refused = pydock(*args, env={**isolated, **env})
        assert (refused.out, refused.err, refused.code) == ("", refusal, 1)
    for args in (["pull", "-q", "--disable-content-trust", "alpine"], ["pull", "-q", "alpine"]):
        allowed = pydock(*args, env={**isolated, "DOCKER_CONTENT_TRUST": "1" if len(args) == 4 else "false"})
        assert (allowed.out, allowed.code) == ("docker.io/library/alpine:latest\n", 0)


@pytest.mark.parametrize("command", ["push", "image push", "pull", "image pull"])
def test_help_hides_what_the_engine_cannot_do_as_docker(pydock, command):
    """push's --platform needs API 1.46: docker leaves it out of the help for this engine (1.41), and shows
    it when no engine answers."""
    offline = ["-H", "unix:///nonexistent/docker.sock"]
    for prefix in ([], offline):
        argv = [*prefix, *command.split(), "--help"]
        mine, theirs = pydock(*argv), docker(*argv)
        assert (mine.out.replace("pydock", "docker"), mine.err, mine.code) == (
            theirs.stdout, theirs.stderr, theirs.returncode)
        if command.endswith("push"):
            assert ("--platform" in mine.out) == (prefix == offline)
