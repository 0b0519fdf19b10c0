"""build from a URL or a git repository, compared with `DOCKER_BUILDKIT=0 docker build` on the same
servers: an HTTP server of the test's own (a tarball, a lone Dockerfile, a bare repository served
"dumb" after `git update-server-info`), a `git daemon` (git://) and, for git@host:repo, an ssh
stand-in (GIT_SSH_COMMAND) that runs git-upload-pack locally. Nothing leaves 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import tarfile
import threading
import time

import pytest

from tests.integration.test_build import Built, docker_build, mask, pydock_build

DOCKERFILE = "FROM busybox\nCOPY a.txt /a.txt\nRUN cat /a.txt\n"
SUB_DOCKERFILE = "FROM busybox\nCOPY b.txt /b.txt\nRUN cat /b.txt\n"


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Servers:
    """What the tests build from: `http` (base URL), `git` (git:// base), `ssh_env` (GIT_SSH_COMMAND)."""

    def __init__(self, root):
        self.root = root
        self.srv = root / "srv"
        self.srv.mkdir()
        self._files()
        self._repository()
        handler = functools.partial(_QuietHandler, directory=str(self.srv))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.http = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        port = _free_port()
        self.daemon = subprocess.Popen(["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={self.srv}",
                                        "--listen=127.0.0.1", f"--port={port}", str(self.srv)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.git = f"git://127.0.0.1:{port}"
        _wait_for(port)
        ssh = root / "fake-ssh"
        ssh.write_text(f'#!/bin/sh\nfor last; do :; done\ncd "{self.srv}" && exec sh -c "$last"\n')
        ssh.chmod(0o755)
        self.ssh_env = {"GIT_SSH_COMMAND": str(ssh)}

    def _files(self):
        (self.srv / "Dockerfile").write_text("FROM busybox\nRUN echo from a remote Dockerfile\n")
        ctx = self.root / "ctx"
        ctx.mkdir()
        (ctx / "Dockerfile").write_text(DOCKERFILE)
        (ctx / "a.txt").write_text("from a remote tarball\n")
        with tarfile.open(self.srv / "ctx.tar.gz", "w:gz") as tar:
            for name in ("Dockerfile", "a.txt"):
                tar.add(ctx / name, name)

    def _repository(self):
        work = self.root / "work"
        work.mkdir()
        _git(work, "init", "-q", "-b", "master")
        (work / "Dockerfile").write_text(DOCKERFILE)
        (work / "a.txt").write_text("on master\n")
        (work / "sub").mkdir()
        (work / "sub" / "Dockerfile").write_text(SUB_DOCKERFILE)
        (work / "sub" / "b.txt").write_text("in sub\n")
        _git(work, "add", ".")
        _git(work, "commit", "-qm", "one")
        _git(work, "tag", "v1")
        _git(work, "checkout", "-qb", "dev")
        (work / "a.txt").write_text("on dev\n")
        _git(work, "commit", "-qam", "dev")
        _git(self.root, "clone", "-q", "--bare", str(work), str(self.srv / "repo.git"))
        _git(self.srv / "repo.git", "update-server-info")

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.daemon.terminate()
        self.daemon.wait(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files, and under /smart/ git's "smart" HTTP protocol through `git http-backend` (CGI)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._smart() if self.path.startswith("/smart/") else super().do_GET()

    def do_HEAD(self):
        self._smart() if self.path.startswith("/smart/") else super().do_HEAD()

    def do_POST(self):
        self._smart()

    def _smart(self):
        path, _, query = self.path[len("/smart"):].partition("?")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {**os.environ, "GIT_PROJECT_ROOT": self.directory, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
               "QUERY_STRING": query, "REQUEST_METHOD": self.command, "REMOTE_ADDR": "127.0.0.1",
               "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
               "GIT_PROTOCOL": self.headers.get("Git-Protocol", "")}
        done = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True)
        head, _, payload = done.stdout.partition(b"\r\n\r\n")
        status, headers = 200, []
        for line in head.decode().split("\r\n"):
            name, _, value = line.partition(": ")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"git daemon did not listen on {port}")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    s = Servers(tmp_path_factory.mktemp("remote"))
    yield s
    s.close()


@pytest.fixture
def built():
    b = Built()
    yield b
    b.remove()


@pytest.fixture
def tmpdir_env(tmp_path):
    """A TMPDIR of the test's own, to see that pydock leaves no clone behind."""
    path = tmp_path / "tmp"
    path.mkdir()
    return path


def clean(text: str, *names: str) -> str:
    return re.sub(r"docker-build-git\w+", "docker-build-git<tmp>", mask(text, *names))


def both(built, *args, env=None, tag=True, tmpdir=None):
    """The same build by pydock and docker (each tagging its own image), both with TMPDIR=`tmpdir` (a
    directory of the test's own in any case: docker leaves clones behind, they must not pile up in
    /tmp): (mine, what pydock left in tmpdir)."""
    import tempfile

    own = None if tmpdir else tempfile.mkdtemp(prefix="pydt-remote-")
    results, left = [], []
    try:
        for build, role in ((pydock_build, "p"), (docker_build, "d")):
            name = built.tag(role) if tag else ""
            extra = {**(env or {}), "TMPDIR": str(tmpdir or own)}
            results.append((build("--no-cache", *(["-t", name] if tag else []), *args, env=extra), name))
            if role == "p":
                left = os.listdir(tmpdir or own)
    finally:
        if own:
            shutil.rmtree(own, ignore_errors=True)
    (mine, mine_tag), (theirs, theirs_tag) = results
    assert clean(mine.out, mine_tag) == clean(theirs.out, theirs_tag)
    assert clean(mine.err, mine_tag) == clean(theirs.err, theirs_tag)
    assert mine.code == theirs.code
    assert left == []  # pydock removes what it downloaded or cloned, however the build ended
    return mine, left


# -- a URL: downloaded by the CLI ------------------------------------------------------------------

def test_a_dockerfile_url_downloads_with_dockers_progress_and_builds(servers, built):
    url = f"{servers.http}/Dockerfile"
    mine, _ = both(built, url)
    size = len((servers.srv / "Dockerfile").read_bytes())
    line = f"Downloading build context from remote url: {url} [{'=' * 50}>] {f'{size}B':>8}/{size}B\r"
    assert mine.out.startswith(line + line + "\r\nSending build context to Docker daemon  2.048kB\r\r\n")
    assert "from a remote Dockerfile" in mine.out and mine.code == 0


def test_a_tarball_url_is_the_context(servers, built):
    mine, _ = both(built, f"{servers.http}/ctx.tar.gz")
    assert "from a remote tarball" in mine.out and mine.code == 0


def test_quiet_url_build_prints_only_the_id(servers, built):
    mine, _ = both(built, "-q", f"{servers.http}/ctx.tar.gz")
    assert re.fullmatch(r"sha256:[0-9a-f]{64}\n", mine.out)


@pytest.mark.parametrize("path", ["missing", "missing.tar"])
def test_a_url_that_answers_404_fails_as_docker_does(servers, built, path):
    mine, _ = both(built, f"{servers.http}/{path}", tag=False)
    assert mine.code == 1
    assert mine.err.startswith(f"unable to prepare context: unable to download remote context {servers.http}/{path}: "
                               f"failed to GET {servers.http}/{path} with status 404 File not found: <!DOCTYPE")


def test_quiet_download_failure_prints_the_progress_buffer_first(servers, built):
    mine, _ = both(built, "-q", f"{servers.http}/missing", tag=False)
    assert mine.err.startswith("\nunable to prepare context: ")


def test_an_unreachable_host_and_a_tls_mismatch_fail_as_docker_does(servers, built):
    closed = _free_port()
    mine, _ = both(built, f"http://127.0.0.1:{closed}/Dockerfile", tag=False)
    assert mine.err == (f"unable to prepare context: unable to download remote context http://127.0.0.1:{closed}/"
                        f'Dockerfile: Get "http://127.0.0.1:{closed}/Dockerfile": dial tcp 127.0.0.1:{closed}: '
                        "connect: connection refused\n")
    https = servers.http.replace("http://", "https://") + "/Dockerfile"
    mine, _ = both(built, https, tag=False)
    assert mine.err.endswith("tls: first record does not look like a TLS handshake\n") and mine.code == 1


# -- git: cloned with the local git ----------------------------------------------------------------

@pytest.mark.parametrize("fragment, says", [("", "on master"), ("#dev", "on dev"), ("#:sub", "in sub"),
                                            ("#v1:sub", "in sub")])
def test_a_dumb_http_git_repository_with_ref_and_subdirectory(servers, built, tmpdir_env, fragment, says):
    mine, left = both(built, f"{servers.http}/repo.git{fragment}", tmpdir=tmpdir_env)
    assert mine.code == 0 and says in mine.out
    assert left == []  # docker leaves the clone behind when a subdirectory is the context


@pytest.mark.parametrize("fragment, says", [("", "on master"), ("#dev:sub", "in sub")])
def test_a_smart_http_git_repository_is_fetched_shallow(servers, built, tmpdir_env, fragment, says):
    """The server answers info/refs for git-upload-pack as a smart one: `fetch --depth 1`, as docker
    decides it (the context, .git included, is then as small as docker's)."""
    mine, left = both(built, f"{servers.http}/smart/repo.git{fragment}", tmpdir=tmpdir_env)
    assert mine.code == 0 and says in mine.out and left == []


@pytest.mark.parametrize("fragment, says", [("", "on master"), ("#v1:sub", "in sub")])
def test_a_git_daemon_repository(servers, built, tmpdir_env, fragment, says):
    mine, left = both(built, f"{servers.git}/repo.git{fragment}", tmpdir=tmpdir_env)
    assert mine.code == 0 and says in mine.out
    assert left == []


def test_a_git_at_address_goes_through_ssh(servers, built):
    mine, _ = both(built, "-q", "git@127.0.0.1:repo.git#dev", env=servers.ssh_env)
    assert mine.code == 0 and re.fullmatch(r"sha256:[0-9a-f]{64}\n", mine.out)


def test_dockerfile_flag_is_relative_to_the_clone(servers, built):
    mine, _ = both(built, "-f", "sub/Dockerfile", f"{servers.git}/repo.git")
    assert "Step 2/3 : COPY b.txt /b.txt" in mine.out and mine.code == 1  # b.txt is not at the top
    mine, _ = both(built, "-f", "../Dockerfile", f"{servers.git}/repo.git#:sub", tag=False)
    assert mine.err == "unable to prepare context: the Dockerfile (../Dockerfile) must be within the build context\n"


@pytest.mark.parametrize("address", ["{git}/repo.git#nope", "{git}/missing.git", "{http}/repo.git#nope",
                                     "{http}/missing.git", "{git}/repo.git#v1:nosuch", "{git}/repo.git#-x",
                                     "{git}/repo.git#v1:../../etc", "git://127.0.0.1:{closed}/repo.git"])
def test_git_failures_are_worded_as_dockers(servers, built, tmpdir_env, address):
    url = address.format(git=servers.git, http=servers.http, closed=_free_port())
    mine, left = both(built, url, tag=False, tmpdir=tmpdir_env)
    assert mine.code == 1 and mine.out == ""
    assert mine.err.startswith("unable to prepare context: unable to 'git clone' to temporary context directory: ")
    assert left == []


def test_a_dockerfile_on_stdin_wants_an_archive_at_the_url(servers, tmpdir_env):
    url = f"{servers.http}/Dockerfile"
    mine = pydock_build("-f", "-", url, input="FROM busybox\n", env={"TMPDIR": str(tmpdir_env)})
    theirs = docker_build("-f", "-", url, input="FROM busybox\n", env={"TMPDIR": str(tmpdir_env)})
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)
    assert mine.err == "unable to prepare context: build context is not an archive\n" and mine.code == 1
    assert mine.out.count("\r") == 1  # docker stops reading at the end of the body: no final progress line


def test_ctrl_c_during_the_clone_ends_cleanly_and_removes_it(tmpdir_env):
    """A git server that never answers; SIGINT to the process group, as a terminal's Ctrl-C sends it.
    (docker reports git's death instead: "error fetching: : signal: interrupt", exit 1.)"""
    import signal

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    from tests.conftest import PYDOCK

    proc = subprocess.Popen([*PYDOCK, "build", f"git://127.0.0.1:{listener.getsockname()[1]}/repo.git"],
                            env={**os.environ, "TMPDIR": str(tmpdir_env)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        for _ in range(200):
            if accepted:
                break
            time.sleep(0.05)
        assert accepted and os.listdir(tmpdir_env)  # cloning, into its temporary directory
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        listener.close()
    assert (proc.returncode, out, err) == (130, b"", b"")
    assert os.listdir(tmpdir_env) == []
