"""build (the classic builder) against the real engine, compared with `DOCKER_BUILDKIT=0 docker build`."""
from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import tarfile
import uuid

import pytest

from tests.conftest import DOCKER, PYDOCK, Result
from tests.integration.oracle import as_pydock, sh

WORKTREE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEGACY = {"DOCKER_BUILDKIT": "0"}
DEPRECATION = re.compile(r"DEPRECATED: The legacy builder is deprecated.*?\n\n", re.S)


def run(argv, *, input=None, cwd=None, env=None) -> Result:
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(argv, input=data, capture_output=True, cwd=cwd, timeout=300,
                          env={**os.environ, **LEGACY, "PYTHONPATH": WORKTREE, **(env or {})},
                          stdin=None if data is not None else subprocess.DEVNULL)
    return Result(proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"), proc.returncode,
                  proc.stdout)


def pydock_build(*args, **kwargs) -> Result:
    return run([*PYDOCK, "build", *map(str, args)], **kwargs)


def docker_build(*args, **kwargs) -> Result:
    result = run([DOCKER, "build", *map(str, args)], **kwargs)
    result.err = as_pydock(DEPRECATION.sub("", result.err, count=1))  # docker's own builder's notice
    return result


def mask(text: str, *names: str) -> str:
    """IDs (of images, layers, intermediate containers) and our per-CLI names out of the way."""
    text = re.sub(r"sha256:[0-9a-f]{64}", "sha256:<id>", text)
    text = re.sub(r"\b[0-9a-f]{12}\b", "<id>", text)
    for i, name in enumerate(names):
        if name:
            text = text.replace(name, f"<name{i}>")
    return text


class Built:
    """Tags (and containers) a test makes, removed at the end."""

    def __init__(self):
        self.tags: list[str] = []

    def tag(self, role: str = "img") -> str:
        name = f"pydt-build-{uuid.uuid4().hex[:10]}-{role}"
        self.tags.append(name)
        return name

    def remove(self):
        if self.tags:
            subprocess.run([DOCKER, "rmi", "-f", *self.tags], capture_output=True, timeout=120)


@pytest.fixture
def built():
    b = Built()
    yield b
    b.remove()


def write_tree(root, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def docker_build_like(mine: Result, *args, attempts: int = 8, **kwargs) -> Result:
    """docker adds a Dockerfile read from elsewhere and its .dockerignore entry in Go's random map order
    (mostly the Dockerfile first, pydock's order), which changes the context's size: build again when
    docker happened on the other order."""
    for _ in range(attempts):
        theirs = docker_build(*args, **kwargs)
        if theirs.out.split("\r", 1)[0] == mine.out.split("\r", 1)[0]:
            break
        built_id = re.search(r"Successfully built ([0-9a-f]{12})", theirs.out)
        if built_id:  # the next attempt takes the tag: leave no unnamed image behind
            subprocess.run([DOCKER, "rmi", "-f", built_id.group(1)], capture_output=True)
    return theirs


def assert_builds_alike(mine: Result, theirs: Result, mine_tag: str = "", theirs_tag: str = "") -> None:
    assert mine.code == theirs.code
    assert mask(mine.out, mine_tag) == mask(theirs.out, theirs_tag)
    assert mask(mine.err, mine_tag) == mask(theirs.err, theirs_tag)


# -- a whole build ----------------------------------------------------------------------------------

DOCKERFILE = """FROM busybox
ARG GREETING=hello
ARG WHO
ENV GREETING=$GREETING
LABEL pydt.stage=final
COPY greet.sh /greet.sh
RUN echo "built with $GREETING $WHO" > /built && chmod +x /greet.sh
CMD ["/greet.sh"]
"""


def test_build_output_equals_dockers_and_the_image_runs(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": DOCKERFILE,
                          "greet.sh": "#!/bin/sh\necho \"$GREETING from pydock\"\ncat /built\n"})
    results = []
    for build, role in ((pydock_build, "p"), (docker_build, "d")):
        tag = built.tag(role)
        built.tags.append(f"{tag}:second")
        result = build("--no-cache", "-t", tag, "-t", f"{tag}:second", "--build-arg", "GREETING=hi",
                       "--build-arg", "WHO", "--label", "pydt.extra=1", tmp_path, env={"WHO": "you"})
        results.append((result, tag))
    (mine, mine_tag), (theirs, theirs_tag) = results
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    assert mine.code == 0 and mine.out.startswith("Sending build context to Docker daemon  ")
    assert f"Successfully tagged {mine_tag}:latest\nSuccessfully tagged {mine_tag}:second\n" in mine.out
    ran = subprocess.run([*PYDOCK, "run", "--rm", mine_tag], capture_output=True, text=True, cwd=WORKTREE)
    assert (ran.stdout, ran.returncode) == ("hi from pydock\nbuilt with hi you\n", 0)
    labels = sh("image", "inspect", "-f", "{{json .Config.Labels}}", mine_tag)
    assert '"pydt.extra":"1"' in labels and '"pydt.stage":"final"' in labels


def test_build_from_cache_equals_dockers(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nRUN echo cached > /c\n"})
    first = built.tag("first")
    assert pydock_build("-t", first, tmp_path).code == 0
    mine_tag, theirs_tag = built.tag("p"), built.tag("d")
    mine, theirs = pydock_build("-t", mine_tag, tmp_path), docker_build("-t", theirs_tag, tmp_path)
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    assert " ---> Using cache\n" in mine.out


def test_quiet_and_iidfile(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nRUN echo q > /q\n"})
    tag = built.tag()
    mine = pydock_build("-q", "--iidfile", tmp_path / "iid", "-t", tag, tmp_path)
    image_id = sh("image", "inspect", "-f", "{{.Id}}", tag).strip()
    assert (mine.out, mine.err, mine.code) == (image_id + "\n", "", 0)
    assert (tmp_path / "iid").read_text() == image_id + "\n"  # docker writes -q's output, newline included
    loud = pydock_build("--iidfile", tmp_path / "iid2", "-t", tag, tmp_path)
    assert loud.code == 0 and (tmp_path / "iid2").read_text() == image_id


def test_target_stage(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": "FROM busybox AS one\nRUN echo one > /stage\n"
                                        "FROM busybox AS two\nRUN echo two > /stage\n"})
    mine_tag, theirs_tag = built.tag("p"), built.tag("d")
    mine = pydock_build("--no-cache", "--target", "one", "-t", mine_tag, tmp_path)
    theirs = docker_build("--no-cache", "--target", "one", "-t", theirs_tag, tmp_path)
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    assert sh("run", "--rm", mine_tag, "cat", "/stage") == "one\n"


def test_resource_and_network_flags_reach_the_build(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nRUN cat /etc/hosts | grep pydt-host > /hosts; "
                                        "df -k /dev/shm | tail -1 | awk '{print $2}' > /shm; ulimit -n > /nofile\n"})
    tag = built.tag()
    result = pydock_build("--no-cache", "--add-host", "pydt-host:10.1.2.3", "--shm-size", "32m", "--ulimit",
                          "nofile=512:1024", "-m", "256m", "--memory-swap", "-1", "--cpu-shares", "512",
                          "--network", "bridge", "--force-rm", "--platform", "linux/amd64", "-t", tag, tmp_path)
    assert result.code == 0, result.err
    assert sh("run", "--rm", tag, "cat", "/hosts", "/shm", "/nofile") == "10.1.2.3\tpydt-host\n32768\n512\n"


# -- .dockerignore: what docker sends, file for file -------------------------------------------------

TREE = {
    "a.txt": "a", "abc.txt": "abc", "axc.txt": "axc", "x1.txt": "x1", "keep.log": "k", "debug.log": "d",
    "spaced.txt": "s", "build/out.bin": "b", "dir/keep.txt": "k", "dir/drop.txt": "d", "dir/sub/deep.txt": "d",
    "src/main.c": "m", "src/gen/x.c": "x", "src/a/gen/y.c": "y", "src/debug.log": "l",
    "node_modules/m.js": "m", "lib/node_modules/n.js": "n", "docs/README.md": "r", "docs/other.md": "o",
}
IGNORES = {
    "none": None,
    "star-log": "*.log\n",
    "deep-log-with-exception": "**/*.log\n!keep.log\n",
    "leading-slash": "/build\n/dir/drop.txt\n",
    "dir-with-exception": "dir\n!dir/keep.txt\n",
    "dir-star-with-exception": "dir/*\n!dir/sub\n",
    "everything-but": "**\n!Dockerfile\n!src/**\n",
    "build-files": "Dockerfile\n.dockerignore\n",
    "comments-and-spaces": "# a comment\n  spaced.txt  \n\n#a.txt\n",
    "wildcards": "a?c.txt\n[x-z]*.txt\n",
    "nested-gen": "src/**/gen\n",
    "node-modules": "**/node_modules\n",
    "docs-folder-exception": "docs/\n!docs/README.md\n",
    "dot-slash": "./a.txt\n!./dir/../a.txt\n",
    "crlf-and-bom": "\ufeff*.md\r\n!docs/README.md\r\n",
}
LIST_FILES = 'FROM busybox\nCOPY . /ctx\nCMD ["sh", "-c", "cd /ctx && find . | sort"]\n'


def _context(tmp_path, ignore: str | None):
    write_tree(tmp_path, {**TREE, "Dockerfile": LIST_FILES})
    if ignore is not None:
        (tmp_path / ".dockerignore").write_text(ignore)
    return tmp_path


@pytest.mark.parametrize("case", list(IGNORES))
def test_dockerignore_sends_what_docker_sends(tmp_path, built, case):
    context = _context(tmp_path, IGNORES[case])
    files, sending = [], []
    for build, role in ((pydock_build, "p"), (docker_build, "d")):
        tag = built.tag(role)
        result = build("-t", tag, context)
        assert result.code == 0, result.err
        sending.append(result.out.splitlines()[0])
        files.append(sh("run", "--rm", tag))
    assert files[0] == files[1]
    assert sending[0] == sending[1]  # the same tar size: the same entries, laid out alike
    if case == "everything-but":
        assert files[0] == ".\n./Dockerfile\n./src\n./src/a\n./src/a/gen\n./src/a/gen/y.c\n./src/debug.log\n" \
                           "./src/gen\n./src/gen/x.c\n./src/main.c\n"


@pytest.mark.parametrize("ignore", ["!\n", "[\n", "a\n[x-\n"])
def test_bad_dockerignore_equals_dockers(tmp_path, built, ignore):
    context = _context(tmp_path, ignore)
    mine, theirs = pydock_build("-t", built.tag("p"), context), docker_build("-t", built.tag("d"), context)
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)
    assert mine.code == 1


# -- where the Dockerfile and the context come from ---------------------------------------------------

def test_dockerfile_in_a_subdirectory_and_outside_the_context(tmp_path, built):
    context = tmp_path / "ctx"
    write_tree(context, {"f.txt": "f", "sub/Dockerfile.custom": "FROM busybox\nCOPY f.txt /f\n"})
    write_tree(tmp_path, {"outside/Dockerfile": "FROM busybox\nCOPY f.txt /g\nCOPY . /all\n"})
    for dockerfile in ("ctx/sub/Dockerfile.custom", "outside/Dockerfile"):
        mine_tag, theirs_tag = built.tag("p"), built.tag("d")
        mine = pydock_build("--no-cache", "-f", dockerfile, "-t", mine_tag, "ctx", cwd=tmp_path)
        theirs = docker_build_like(mine, "--no-cache", "-f", dockerfile, "-t", theirs_tag, "ctx", cwd=tmp_path)
        assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
        assert mine.code == 0
    # the outside Dockerfile travelled under a random name that the build does not see
    assert sh("run", "--rm", mine_tag, "sh", "-c", "ls -A /all | sort") == "f.txt\nsub\n"


def test_dockerfile_on_stdin_with_a_directory_context(tmp_path, built):
    write_tree(tmp_path, {"f.txt": "from-context"})
    mine_tag, theirs_tag = built.tag("p"), built.tag("d")
    dockerfile = "FROM busybox\nCOPY f.txt /f\n"
    mine = pydock_build("--no-cache", "-f", "-", "-t", mine_tag, tmp_path, input=dockerfile)
    theirs = docker_build_like(mine, "--no-cache", "-f", "-", "-t", theirs_tag, tmp_path, input=dockerfile)
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    assert sh("run", "--rm", mine_tag, "cat", "/f") == "from-context"


def test_context_from_stdin_dockerfile_and_tar(tmp_path, built):
    dockerfile = "FROM busybox\nRUN echo from-stdin > /s\n"
    mine_tag, theirs_tag = built.tag("p"), built.tag("d")
    mine = pydock_build("--no-cache", "-t", mine_tag, "-", input=dockerfile)
    theirs = docker_build("--no-cache", "-t", theirs_tag, "-", input=dockerfile)
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    assert sh("run", "--rm", mine_tag, "cat", "/s") == "from-stdin\n"

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, content in (("Dockerfile.alt", b"FROM busybox\nCOPY data /data\n"), ("data", b"tarred\n")):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    for data in (buffer.getvalue(), gzip.compress(buffer.getvalue())):
        mine_tag, theirs_tag = built.tag("p"), built.tag("d")
        mine = pydock_build("--no-cache", "-f", "Dockerfile.alt", "-t", mine_tag, "-", input=data)
        theirs = docker_build("--no-cache", "-f", "Dockerfile.alt", "-t", theirs_tag, "-", input=data)
        assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
        assert sh("run", "--rm", mine_tag, "cat", "/data") == "tarred\n"


def test_compressed_context(tmp_path, built):
    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nCOPY f /f\n", "f": "x" * 10000})
    tag = built.tag()
    result = pydock_build("--compress", "-t", tag, tmp_path)
    assert result.code == 0, result.err
    assert result.out.startswith("Sending build context to Docker daemon  ")
    assert sh("run", "--rm", tag, "wc", "-c", "/f").split()[0] == "10000"


# -- failures -----------------------------------------------------------------------------------------

def test_failing_run_step_equals_dockers(tmp_path):
    # (the pauses keep the two streams of the step in one order)
    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nRUN echo out; sleep 0.3; echo err >&2; sleep 0.3; exit 3\n"})
    mine, theirs = pydock_build("--force-rm", tmp_path), docker_build("--force-rm", tmp_path)
    assert_builds_alike(mine, theirs)
    assert mine.code == 3
    assert mine.err.endswith("The command '/bin/sh -c echo out; sleep 0.3; echo err >&2; sleep 0.3; exit 3' returned "
                             "a non-zero code: 3\n")
    quiet_mine, quiet_theirs = pydock_build("-q", "--force-rm", tmp_path), docker_build("-q", "--force-rm", tmp_path)
    assert_builds_alike(quiet_mine, quiet_theirs)
    assert quiet_mine.out == "" and "Step 2/2" in quiet_mine.err


@pytest.mark.parametrize("args, files, stdin", [
    (["{tmp}/missing"], {}, None),
    (["{tmp}/Dockerfile"], {"Dockerfile": "FROM busybox\n"}, None),
    (["-f", "{tmp}/nope", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["{tmp}"], {"other": "x"}, None),
    (["{tmp}"], {"Dockerfile": "FROMM busybox\n"}, None),
    (["{tmp}"], {"Dockerfile": "FROM busybox\nCOPY\n"}, None),
    (["-t", "UPPER", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["--build-arg", "=x", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["--label", " =x", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["--ulimit", "nofile", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["-m", "lots", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["-f", "-", "-"], {}, "FROM busybox\n"),
    (["-f", "x", "-"], {}, "FROM busybox\n"),
    (["-f", "-", "-"], {}, ""),
    ([], {}, None),
    (["a", "b"], {}, None),
    (["--target", "nope", "{tmp}"], {"Dockerfile": "FROM busybox AS one\n"}, None),
    (["--platform", "bogus/x/y/z", "{tmp}"], {"Dockerfile": "FROM busybox\n"}, None),
    (["{tmp}"], {"Dockerfile": "FROM pydt-build-missing-image\n"}, None),
])
def test_bad_input_equals_dockers(tmp_path, args, files, stdin):
    write_tree(tmp_path, files)
    args = [a.format(tmp=tmp_path) for a in args]
    mine, theirs = pydock_build(*args, input=stdin), docker_build(*args, input=stdin)
    assert_builds_alike(mine, theirs)
    assert mine.code != 0 and "Traceback" not in mine.err


def test_dockerfile_named_lowercase_is_found(tmp_path, built):
    write_tree(tmp_path, {"dockerfile": "FROM busybox\nRUN echo lower > /l\n"})
    tag = built.tag()
    assert pydock_build("-t", tag, tmp_path).code == 0
    assert sh("run", "--rm", tag, "cat", "/l") == "lower\n"


def test_help_lists_dockers_flags():
    mine = subprocess.run([*PYDOCK, "build", "--help"], capture_output=True, text=True, cwd=WORKTREE,
                          env={**os.environ, "COLUMNS": "100"})
    theirs = subprocess.run([DOCKER, "build", "--help"], capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "100"})
    flags = lambda text: re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", text, re.M)  # noqa: E731
    assert flags(mine.stdout) == flags(theirs.stdout)


def test_dockerfile_on_stdin_with_a_dockerignore_in_the_context(tmp_path, built):
    write_tree(tmp_path, {"f.txt": "kept", "g.txt": "ignored", ".dockerignore": "g.txt\n"})
    mine_tag, theirs_tag = built.tag("p"), built.tag("d")
    dockerfile = "FROM busybox\nCOPY . /c\n"
    mine = pydock_build("--no-cache", "-f", "-", "-t", mine_tag, tmp_path, input=dockerfile)
    theirs = docker_build("--no-cache", "-f", "-", "-t", theirs_tag, tmp_path, input=dockerfile)
    assert_builds_alike(mine, theirs, mine_tag, theirs_tag)
    listed = sh("run", "--rm", mine_tag, "ls", "-A", "/c")
    assert listed == sh("run", "--rm", theirs_tag, "ls", "-A", "/c") == ".dockerignore\nf.txt\n"


def test_on_a_terminal_the_upload_line_is_redrawn(tmp_path, built):
    from tests.integration.oracle import run_on_tty

    write_tree(tmp_path, {"Dockerfile": "FROM busybox\nCOPY big /big\n"})
    (tmp_path / "big").write_bytes(os.urandom(3 * 1024 * 1024))
    tag = built.tag()
    out, status = run_on_tty([*PYDOCK, "build", "-t", tag, str(tmp_path)])
    assert status == 0, out
    sending = out.split("\r\r\r\n", 1)[0].split("\r")  # the terminal turned the final \n into \r\n
    assert len(sending) >= 2 and all(s.startswith("Sending build context to Docker daemon  ") for s in sending)
    assert sending[-1] == "Sending build context to Docker daemon  3.148MB"
    assert out.endswith(f"Successfully tagged {tag}:latest\r\n")


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["plain", "quiet"])
def test_a_build_stream_cut_short_fails_as_dockers(tmp_path, quiet):
    """An engine (or proxy) that stops mid-message: docker's "unexpected EOF", exit 1 — never "built"."""
    from tests.integration.replay_engine import ReplayEngine, Route

    write_tree(tmp_path / "ctx", {"Dockerfile": "FROM alpine\n"})
    lines = [{"stream": "Step 1/1 : FROM alpine\n"}, {"stream": " ---> 2588a10bf67d\n"}]
    with ReplayEngine(str(tmp_path), [Route("/build", lines, tail=b'{"aux":{"ID":"sha256:01')]) as engine:
        mine = pydock_build(*quiet, tmp_path / "ctx", env={"DOCKER_HOST": engine.host})
        theirs = docker_build(*quiet, tmp_path / "ctx", env={"DOCKER_HOST": engine.host})
    assert theirs.code == 1 and theirs.err.endswith("unexpected EOF\n")
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)


def test_content_trust_refuses_the_build_where_docker_asks_notary(tmp_path, built):
    """With content trust on, docker resolves FROM's tag through Notary (unreachable here: exit 1); pydock
    says it cannot verify, exit 1, and builds nothing. --disable-content-trust builds as usual."""
    write_tree(tmp_path / "ctx", {"Dockerfile": "FROM alpine\nLABEL pydt-trust=1\n"})
    refusal = ("Error: content trust (image signing and verification) is not supported by pydock: unset "
               "DOCKER_CONTENT_TRUST or add --disable-content-trust\n")
    for args, env in (([], {"DOCKER_CONTENT_TRUST": "1"}), (["--disable-content-trust=false"], {})):
        tags = [built.tag("docker"), built.tag("mine")]
        theirs = docker_build("-q", "-t", tags[0], *args, tmp_path / "ctx", env=env)
        mine = pydock_build("-q", "-t", tags[1], *args, tmp_path / "ctx", env=env)
        assert theirs.code == 1 and "notary" in theirs.err
        assert (mine.out, mine.err, mine.code) == ("", refusal, 1)
        assert subprocess.run([DOCKER, "image", "inspect", tags[1]], capture_output=True).returncode == 1
    tag = built.tag("allowed")
    allowed = pydock_build("-q", "-t", tag, "--disable-content-trust", tmp_path / "ctx",
                           env={"DOCKER_CONTENT_TRUST": "1"})
    assert allowed.code == 0 and allowed.out.startswith("sha256:")


def test_a_socket_in_the_context_is_left_out_with_dockers_log_line(built):
    """go-archive cannot tar a socket: docker logs logrus's error line on stderr and builds without it."""
    import pathlib
    import shutil
    import socket
    import tempfile

    context = pathlib.Path(tempfile.mkdtemp(prefix="pydt-sock-"))  # short: a socket path is at most 107 bytes
    try:
        write_tree(context, {"Dockerfile": "FROM alpine\nCOPY . /ctx/\nRUN ls /ctx\n"})
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(context / "sock"))
        tags = [built.tag("mine"), built.tag("theirs")]
        mine = pydock_build("-t", tags[0], context, env={"TZ": "Asia/Tokyo"})
        theirs = docker_build("-t", tags[1], context, env={"TZ": "Asia/Tokyo"})
        server.close()
    finally:
        shutil.rmtree(context)
    stamp = re.compile(r'^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00" ', re.M)
    line = f"level=error msg=\"Can't add file {context}/sock to tar: archive/tar: sockets not supported\"\n"
    assert stamp.sub("", theirs.err) == line and stamp.match(theirs.err)
    assert stamp.sub("", mine.err) == line and stamp.match(mine.err)
    assert mine.code == theirs.code == 0
    assert "\nDockerfile\n" in mine.out and "sock" not in mine.out  # `ls /ctx` in the build
