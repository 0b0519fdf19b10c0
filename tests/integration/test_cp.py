"""`cp` both ways against the real engine: the same files as docker's copy, and the same messages."""
from __future__ import annotations

import io
import os
import subprocess
import tarfile

import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.oracle import Bed, as_pydock, run_on_tty, sh


@pytest.fixture(scope="module")
def box():
    bed = Bed("cp")
    try:
        name = bed.run("box", "busybox", "sleep", "600")
        sh("exec", name, "sh", "-c", "mkdir -p /d/sub /t && echo hi > /d/f && echo s > /d/sub/g && "
                                     "ln -s /d/f /d/link && ln -s f /d/rel && ln /d/f /d/hard && chmod 600 /d/sub/g")
        yield name
    finally:
        bed.remove()


def tree(root) -> list[str]:
    """Every path under root with its type, mode, size and link target."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        for entry in sorted(dirnames + filenames):
            path = os.path.join(dirpath, entry)
            st = os.lstat(path)
            link = os.readlink(path) if os.path.islink(path) else ""
            size = st.st_size if os.path.isfile(path) and not link else 0
            out.append(f"{os.path.relpath(path, root)} {oct(st.st_mode)} {size} {link}")
    return sorted(out)


def both(tmp_path, *args):
    """Run the same `cp` with docker in one directory and pydock in another; returns both results."""
    results = []
    for tool, where in ((PYDOCK, tmp_path / "pydock"), ([DOCKER], tmp_path / "docker")):
        where.mkdir(exist_ok=True)
        proc = subprocess.run([*tool, "cp", *args], cwd=where, capture_output=True, text=True, timeout=60)
        results.append((proc.returncode, proc.stdout, proc.stderr))
    return results


@pytest.mark.parametrize("src, dst", [
    ("/d/f", "out"), ("/d", "out"), ("/d/.", "out"), ("/d/", "./out/"), ("/d/link", "out"), ("/d/sub", "."),
    ("/nope", "out"), ("/d", "/nonexistent/x"), ("/d/f", "nodir/"),
])
def test_from_container_same_as_docker(tmp_path, box, src, dst):
    mine, theirs = both(tmp_path, f"{box}:{src}", dst)
    assert mine == (theirs[0], theirs[1], as_pydock(theirs[2]))
    assert tree(tmp_path / "pydock") == tree(tmp_path / "docker")


def test_follow_link_from_container(tmp_path, box):
    mine, theirs = both(tmp_path, "-L", f"{box}:/d/link", "copy")
    assert mine == theirs and tree(tmp_path / "pydock") == tree(tmp_path / "docker")
    assert (tmp_path / "pydock" / "copy").read_text() == "hi\n"


def test_copy_into_an_existing_directory_and_over_a_file(tmp_path, box):
    (tmp_path / "pydock").mkdir()
    (tmp_path / "pydock" / "file").write_text("old")
    (tmp_path / "docker").mkdir()
    (tmp_path / "docker" / "file").write_text("old")
    assert both(tmp_path, f"{box}:/d/f", "file") == [(0, "", "")] * 2
    assert (tmp_path / "pydock" / "file").read_text() == "hi\n"
    mine, theirs = both(tmp_path, f"{box}:/d", "file")  # a directory over a file
    assert mine == theirs and mine[0] == 1


def make_source(root):
    (root / "src" / "sub").mkdir(parents=True)
    (root / "src" / "a").write_text("a")
    (root / "src" / "sub" / "b").write_text("bb")
    os.chmod(root / "src" / "a", 0o640)
    os.symlink("a", root / "src" / "la")
    os.link(root / "src" / "a", root / "src" / "ha")


def container_tree(box, path) -> str:
    return sh("exec", box, "sh", "-c", f"cd {path} && find . | sort | xargs ls -ldn | "
                                       "awk '{{print $1, $3, $4, $5, $9, $10, $11}}'")


@pytest.mark.parametrize("src, dst", [
    ("src/a", "a1"), ("src", "s1"), ("src/.", "s2"), ("src", ""), ("src/la", "la"), ("./src/sub/.", "subdot"),
])
def test_to_container_same_files_as_docker(tmp_path, box, src, dst):
    make_source(tmp_path)
    results = []
    for tool, target in ((PYDOCK, "/t/pydock"), ([DOCKER], "/t/docker")):
        sh("exec", box, "mkdir", "-p", target)
        proc = subprocess.run([*tool, "cp", src, f"{box}:{target}/{dst}"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60)
        results.append((proc.returncode, proc.stdout, proc.stderr))
    assert results[0] == results[1] == (0, "", "")
    assert container_tree(box, "/t/pydock") == container_tree(box, "/t/docker")


def test_to_container_with_follow_link_and_archive(tmp_path, box, pydock):
    make_source(tmp_path)
    os.chown(tmp_path / "src" / "a", 1234, 5678)
    assert pydock("cp", "-L", "-a", str(tmp_path / "src" / "la"), f"{box}:/t/linked").code == 0
    assert sh("exec", box, "sh", "-c", "cat /t/linked; stat -c '%u %g %a' /t/linked") == "a1234 5678 640\n"


@pytest.mark.parametrize("src, dst", [
    ("src/a", "{box}:/t/nodir/"), ("src", "{box}:/t/fileexists"), ("src/a", "{box}:/nonexist/x"),
    ("nope", "{box}:/t"), ("{box}:/x", "{box}:/y"), ("x", "y"), ("", "y"), ("x", ""), ("src/a", "pydt-cp-missing:/x"),
])
def test_to_container_errors_same_as_docker(tmp_path, box, src, dst):
    for tool in ("pydock", "docker"):
        (tmp_path / tool).mkdir()
        make_source(tmp_path / tool)
    sh("exec", box, "sh", "-c", "mkdir -p /t && touch /t/fileexists")
    args = [src.format(box=box), dst.format(box=box)]
    mine, theirs = both(tmp_path, *args)
    assert mine[:2] == theirs[:2]
    # docker also logs its own tar writer's broken pipe on some of these, before or after its
    # error: leave out those log lines and compare the rest
    def lines(text, name):
        return [line for line in text.replace(f"/{name}/", "/X/").splitlines()
                if not line.startswith("time=") and "level=" not in line]
    assert lines(mine[2], "pydock") == lines(as_pydock(theirs[2]), "docker")


def test_tar_streams_on_stdin_and_stdout(tmp_path, box, pydock, docker):
    assert pydock("cp", f"{box}:/d", "-").out_bytes == docker("cp", f"{box}:/d", "-").out_bytes
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("from-stdin.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hello"))
    assert pydock("cp", "-", f"{box}:/t/", input=buffer.getvalue()).code == 0
    assert sh("exec", box, "cat", "/t/from-stdin.txt") == "hello"
    mine, theirs = (tool("cp", "-", f"{box}:/t/from-stdin.txt", input=buffer.getvalue()) for tool in (pydock, docker))
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)


def test_progress_is_reported_only_on_a_terminal(tmp_path, box):
    mine, _ = run_on_tty([*PYDOCK, "cp", f"{box}:/d", str(tmp_path / "tty-pydock")])
    theirs, _ = run_on_tty([DOCKER, "cp", f"{box}:/d", str(tmp_path / "tty-docker")])
    assert mine.replace("tty-pydock", "X") == theirs.replace("tty-docker", "X")
    assert mine.startswith("Successfully copied ") and "kB to " in mine


@pytest.mark.parametrize("args", [[], ["{box}"], ["a", "b", "c"]])
def test_argument_count_usage_names_pydock_on_both_lines(pydock, docker, box, args):
    from tests.integration.oracle import assert_same

    args = [a.format(box=box) for a in args]
    mine = pydock("cp", *args)
    assert_same(mine, docker("cp", *args))
    assert "\tpydock cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n" in mine.err


# -- every error path, both directions, against docker -----------------------------------------

@pytest.fixture(scope="module")
def boxes(box):
    """The running box (with /a a file, /al a link to it, /fifo), a stopped copy, a read-only one, a missing one."""
    bed = Bed("cp-err")
    try:
        sh("exec", box, "sh", "-c", "echo a > /a && ln -sf /a /al && ln -sfn /d /dl && "
                                    "{ [ -p /fifo ] || mkfifo /fifo; }")
        stopped = bed.run("stopped", "busybox", "sh", "-c", "echo a > /a", detach=False)
        readonly = bed.run("ro", "--read-only", "--tmpfs", "/run", "busybox", "sleep", "600")
        yield {"C": box, "S": stopped, "R": readonly, "M": "pydt-cp-no-such-container"}
    finally:
        bed.remove()


def local_tree(root):
    """Local sources and destinations of every kind: a file, a directory, a directory holding a file where
    a copied directory has one of its own, links dangling inside the tree and links in a loop."""
    (root / "dir").mkdir(parents=True)
    (root / "file").write_text("f")
    (root / "conf" / "d").mkdir(parents=True)
    (root / "conf" / "d" / "sub").write_text("z")
    os.symlink("nothere", root / "dangling")
    os.symlink("loop1", root / "loop2")
    os.symlink("loop2", root / "loop1")


def without_docker_logs(text: str) -> list[str]:
    """docker's tar writer sometimes logs a broken pipe (`time=… level=error …`) around its error, depending
    on timing: those lines are docker's noise, not its answer."""
    return [line for line in text.splitlines() if "level=" not in line]


def compare_cp(tmp_path, boxes, args):
    for tool in ("pydock", "docker"):
        local_tree(tmp_path / tool)
    argv = [a.format(**boxes) for a in args.split()]
    (code, out, err), (dcode, dout, derr) = both(tmp_path, *argv)
    assert (code, out) == (dcode, dout)
    assert without_docker_logs(err.replace(f"{tmp_path}/pydock", "X")) == \
        without_docker_logs(as_pydock(derr).replace(f"{tmp_path}/docker", "X"))
    assert tree(tmp_path / "pydock") == tree(tmp_path / "docker")
    return code, err


@pytest.mark.parametrize("args", [
    # a destination under a file, or asserting a directory that is a file or missing
    "file {C}:/a/x", "file {C}:", "file {C}:/a/", "file {C}:/a/.", "file {C}:/a/b/c", "file {C}:/al/x",
    "file {C}:/nope/x", "file {C}:/nope/", "file {C}:/nope/.", "file {C}:/proc/1/x",
    # a directory onto a file, into a missing place, or over a file with `/` and `/.`
    "dir {C}:/a", "dir {C}:/a/", "dir {C}:/a/.", "dir/ {C}:/a", "dir/. {C}:/a", "dir/. {C}:/a/x", "dir {C}:/nope/x",
    # local sources that are missing, files named as directories, dangling or looping links
    "nofile {C}:/d", "nofile/ {C}:/d", "nofile/. {C}:/d", "file/ {C}:/d", "file/. {C}:/d", "dangling/ {C}:/d",
    "-L dangling {C}:/d", "-L loop1 {C}:/d",
    # a tar on stdin needs a directory
    "- {C}:/a", "- {C}:/nope", "- {C}:/nope/", "- {M}:/x",
    # missing, stopped and read-only containers
    "file {M}:/x", "file {M}:", "file {S}:/a/x", "file {S}:/nope/x", "file {S}:", "file {R}:/a", "file {R}:/tmp",
    "- {R}:/",
])
def test_errors_to_container_same_as_docker(tmp_path, boxes, args):
    code, err = compare_cp(tmp_path, boxes, args)
    assert code == 1 and "request returned" not in err and "Traceback" not in err


@pytest.mark.parametrize("args", [
    # sources under a file, missing, with `/` and `/.`
    "{C}:/a/x out", "{C}:/a/ out", "{C}:/a/. out", "{C}:/nope out", "{C}:/nope/ out", "{C}:/nope/. out",
    "{C}: out", "{C}:/a/x -", "{C}:/nope -", "-L {C}:/a/x out", "-L {C}:/nope out",
    # local destinations that are files, missing, named as directories, or links
    "{C}:/d/ file", "{C}:/d/. file", "{C}:/d file/", "{C}:/a file/", "{C}:/a file/.", "{C}:/a file/x",
    "{C}:/a nodir/", "{C}:/a nodir/.", "{C}:/a loop1", "{C}:/a loop1/", "{C}:/a /proc/x/y", "{C}:/a /dev/null",
    # a copied directory whose file lands on a local directory
    "{C}:/d conf", "{C}:/d/. conf/d",
    # missing and stopped containers
    "{M}:/a out", "{M}:/a -", "-L {M}:/a out", "{S}:/nope out", "{S}:/a/x out",
])
def test_errors_from_container_same_as_docker(tmp_path, boxes, args):
    code, err = compare_cp(tmp_path, boxes, args)
    assert code == 1 and "request returned" not in err and "Traceback" not in err


@pytest.mark.parametrize("args", [
    "file {C}:/d", "file {C}:/d/", "file {C}:/d/.", "file {C}:/dl/sub/", "file {C}:relative", "loop1 {C}:/d",
    "dangling {C}:/d", "file {S}:/", "{C}:/a dangling", "{C}:/a dir/", "{C}:/d dir/.", "{S}:/a out",
    "-L {C}:/al out", "{C}:relative out",
])
def test_edge_cases_that_succeed_same_as_docker(tmp_path, boxes, args):
    sh("exec", boxes["C"], "touch", "/relative")
    code, _ = compare_cp(tmp_path, boxes, args)
    assert code == 0


def test_engine_error_wording_of_the_issue(tmp_path, boxes, pydock):
    """The two cases of the report, word for word."""
    (tmp_path / "file").write_text("f")
    mine = pydock("cp", tmp_path / "file", f"{boxes['C']}:/a/x")
    assert (mine.code, mine.err) == (1, "Error response from daemon: extraction point is not a directory\n")
    mine = pydock("cp", tmp_path / "file", f"{boxes['C']}:")
    assert (mine.code, mine.err) == (1, "no such directory\n")
