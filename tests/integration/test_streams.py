"""Closed standard streams (`<&-`, `>&-`, `2>&-`) for every kind of command, compared with docker, and
no `--rm` container left behind by any failure after create."""
from __future__ import annotations

import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import DOCKER, PYDOCK, Result
from tests.integration.oracle import Bed, as_pydock, exists, sh

CLOSE = {"stdin": "<&-", "stdout": ">&-", "stderr": "2>&-", "stdout+stderr": ">&- 2>&-", "all": "<&- >&- 2>&-"}


def with_closed(cli: list[str], args: list[str], closed: str, *, timeout: float = 60) -> Result:
    """Run through sh with the named streams closed, as a user's shell would; the others are captured."""
    proc = subprocess.run(["sh", "-c", f'exec "$@" {CLOSE[closed]}', "sh", *cli, *map(str, args)],
                          capture_output=True, timeout=timeout)
    ids = re.compile(rb"\b[0-9a-f]{64}\b")
    out = ids.sub(b"<id>", proc.stdout)
    return Result(out.decode(errors="replace"), proc.stderr.decode(errors="replace"), proc.returncode, out)


@pytest.fixture(scope="module")
def bed():
    b = Bed("streams")
    b.run("ctr", "alpine", "sh", "-c", "echo logged; echo logged-err >&2; sleep 600")
    time.sleep(0.5)  # the log lines are written
    yield b
    b.remove()


def _commands(bed) -> dict[str, list[str]]:
    ctr = bed.names[0]
    return {
        "version": ["version", "--format", "{{.Server.Version}}"],
        "ps": ["ps", "-a", "--filter", f"label={bed.label}", "--format", "{{.Names}}"],
        "inspect": ["inspect", "-f", "{{.Name}}", ctr],
        "inspect-missing": ["inspect", "pydt-no-such-object"],
        "logs": ["logs", ctr],
        "exec": ["exec", ctr, "sh", "-c", "echo out; echo err >&2; exit 4"],
        "exec-stdin": ["exec", "-i", ctr, "sh", "-c", "cat; echo end"],
        "run": ["run", "--rm", "--label", bed.label, "alpine", "sh", "-c", "echo out; echo err >&2; exit 3"],
        "run-stdin": ["run", "--rm", "-i", "--label", bed.label, "alpine", "sh", "-c", "cat; echo end"],
        "run-detached": ["run", "-d", "--rm", "--label", bed.label, "alpine", "true"],
        "run-tty": ["run", "-it", "--rm", "--label", bed.label, "alpine", "true"],
    }


@pytest.mark.parametrize("closed", ["stdin", "stdout", "stderr", "all"])
def test_closed_streams_match_docker_for_every_kind_of_command(bed, closed):
    """docker (Go's runtime) opens /dev/null on a closed standard fd: reads end at once, writes vanish."""
    commands = _commands(bed)

    def both(args):
        return with_closed(PYDOCK, args, closed), with_closed([DOCKER], args, closed)
    with ThreadPoolExecutor(3) as pool:
        results = dict(zip(commands, pool.map(both, commands.values())))
    wrong = {name: (mine, theirs) for name, (mine, theirs) in results.items()
             if (mine.out, mine.err, mine.code) != (theirs.out, as_pydock(theirs.err), theirs.code)}
    assert not wrong, wrong
    assert results["version"][0].code == 0 and "Traceback" not in results["version"][0].err


def test_run_with_stdin_closed_ends_at_once(bed):
    """`run -i … cat <&-`: docker sees end of file at once and ends with 0 (it used to hang here)."""
    args = ["run", "--rm", "-i", "--label", bed.label, "alpine", "cat"]
    started = time.monotonic()
    mine = with_closed(PYDOCK, args, "stdin", timeout=30)
    elapsed = time.monotonic() - started
    theirs = with_closed([DOCKER], args, "stdin")
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code) == ("", "", 0)
    assert elapsed < 10


def test_run_rm_with_stderr_closed_prints_and_leaves_nothing(bed):
    name = bed.name("closed-stderr")
    mine = with_closed(PYDOCK, ["run", "--rm", "--name", name, "alpine", "echo", "hi"], "stderr")
    assert (mine.out, mine.code) == ("hi\n", 0)
    assert not exists(name)
    theirs = with_closed([DOCKER], ["run", "--rm", "--name", name, "alpine", "echo", "hi"], "stderr")
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)


def test_no_rm_container_is_left_when_attaching_fails(bed, pydock, docker):
    """The attach is refused after create (bad detach keys). docker leaves the container in Created;
    pydock reports the same error and removes it, as --rm asks."""
    mine_name, their_name = bed.name("rm-attach-mine"), bed.name("rm-attach-docker")
    mine = pydock("run", "--rm", "--name", mine_name, "--detach-keys", "bogus", "alpine", "true")
    theirs = docker("run", "--rm", "--name", their_name, "--detach-keys", "bogus", "alpine", "true")
    assert (mine.out, mine.err, mine.code) == (theirs.out, as_pydock(theirs.err), theirs.code)
    assert mine.err == "unable to upgrade to tcp, received 400\n" and mine.code == 1
    assert not exists(mine_name)


@pytest.mark.parametrize("args", [["alpine", "pydt-no-such-command"],
                                  ["--network", "pydt-no-such-net", "alpine", "true"],
                                  ["-p", "127.0.0.1:1:80", "-p", "127.0.0.1:1:81", "alpine", "true"]],
                         ids=["command", "network", "port"])
def test_no_rm_container_is_left_when_start_fails(bed, pydock, docker, args):
    mine_name, their_name = bed.name(f"rm-start-mine-{len(args)}"), bed.name(f"rm-start-docker-{len(args)}")
    mine = pydock("run", "--rm", "--name", mine_name, *args)
    theirs = docker("run", "--rm", "--name", their_name, *args)

    def plain(text, name):  # the messages name the container and its ID
        return re.sub(r"\b[0-9a-f]{64}\b", "<id>", text.replace(name, "<name>"))
    assert (mine.out, plain(mine.err, mine_name), mine.code) == \
        (theirs.out, plain(as_pydock(theirs.err), their_name), theirs.code)
    assert mine.code != 0
    assert not exists(mine_name)


@pytest.mark.parametrize("proxy", ["--sig-proxy=true", "--sig-proxy=false"])
def test_run_detached_into_a_closed_pipe(bed, proxy):
    """The ID cannot be written. While proxying signals docker ignores that and starts the container;
    without, SIGPIPE ends it before the start (docker then leaves a Created container: pydock does not)."""
    mine_name, their_name = bed.name(f"pipe-mine{proxy[-4:]}"), bed.name(f"pipe-docker{proxy[-4:]}")
    mine = subprocess.run(["bash", "-c", '"$@" | (exec 0<&-; sleep 0.5); echo ${PIPESTATUS[0]}', "bash", *PYDOCK,
                           "run", "-d", "--rm", proxy, "--name", mine_name, "--label", bed.label, "alpine", "sleep",
                           "3"], capture_output=True, text=True, timeout=60)
    theirs = subprocess.run(["bash", "-c", '"$@" | (exec 0<&-; sleep 0.5); echo ${PIPESTATUS[0]}', "bash", DOCKER,
                             "run", "-d", "--rm", proxy, "--name", their_name, "--label", bed.label, "alpine",
                             "sleep", "3"], capture_output=True, text=True, timeout=60)
    assert (mine.stdout, mine.stderr) == (theirs.stdout, theirs.stderr)
    if proxy == "--sig-proxy=true":
        assert mine.stdout == "0\n" and exists(mine_name)  # started (removed by the engine when it ends)
    else:
        assert mine.stdout == "141\n" and not exists(mine_name)


# -- stdout or stderr that cannot be written: a full disk, a read-only descriptor, an I/O error ------------------

def with_broken(cli: list[str], args: list[str], stream: str, kind: str, *, timeout: float = 120) -> Result:
    """Run with `stream` ("stdout" or "stderr") unwritable and the other captured: /dev/full (ENOSPC), a file
    open read-only (EBADF: what a bash wrapper run with `2>&-` leaves on fd 2), or a terminal whose master end
    is gone (EIO). Logrus's time and 64-hex IDs are replaced."""
    import os
    import pty

    slave = None
    if kind == "full":
        target = open("/dev/full", "wb")
    elif kind == "readonly":
        target = open("/etc/hostname", "rb")
    else:
        master, slave = pty.openpty()
        os.close(master)
        target = slave
    other = "stderr" if stream == "stdout" else "stdout"
    try:
        proc = subprocess.run([*cli, *map(str, args)], stdin=subprocess.DEVNULL, timeout=timeout,
                              **{stream: target, other: subprocess.PIPE})
    finally:
        if slave is None:
            target.close()
        else:
            os.close(slave)
    text = getattr(proc, other).decode(errors="replace")
    text = re.sub(r'time="[^"]+"', 'time="<time>"', re.sub(r"\b[0-9a-f]{64}\b", "<id>", text))
    return Result(text if other == "stdout" else "", text if other == "stderr" else "", proc.returncode)


@pytest.fixture(scope="module")
def writer_bed():
    b = Bed("write")
    b.run("ctr", "alpine", "sh", "-c", "echo logged; touch /new; sleep 600")
    b.run("both", "alpine", "sh", "-c", "echo logged; sleep 0.2; echo logged-err >&2; sleep 600")
    b.network = b.label + "-net"
    b.volume = b.label + "-vol"
    subprocess.run([DOCKER, "network", "create", "--label", b.label, b.network], capture_output=True, check=True)
    subprocess.run([DOCKER, "volume", "create", "--label", b.label, b.volume], capture_output=True, check=True)
    time.sleep(0.5)
    yield b
    b.remove()
    subprocess.run([DOCKER, "rm", "-f", *subprocess.run([DOCKER, "ps", "-aq", "--filter", f"label={b.label}"],
                                                       capture_output=True, text=True).stdout.split()],
                   capture_output=True)
    subprocess.run([DOCKER, "network", "rm", b.network], capture_output=True)
    subprocess.run([DOCKER, "volume", "rm", b.volume], capture_output=True)


def _writing_commands(bed) -> dict[str, list[str]]:
    ctr, label = bed.names[0], bed.label
    recent = ["--filter", f"container={ctr}", "--since", "60s", "--until", "0s"]
    return {  # what docker does with a stdout it cannot write, measured with docker 28.2:
        # ignored (fmt.Fprint*'s error): silent, exit 0
        "ps": ["ps", "-a", "--filter", f"label={label}"],
        "images": ["images", "alpine"],
        "network ls": ["network", "ls", "--filter", f"label={label}"],
        "volume ls": ["volume", "ls", "--filter", f"label={label}"],
        "info": ["info"],
        "version -f": ["version", "-f", "{{.Server.Version}}"],
        "system df": ["system", "df"],
        "history": ["history", "alpine"],
        "top": ["top", ctr],
        "diff": ["diff", ctr],
        "stats": ["stats", "--no-stream", ctr],
        "events": ["events", *recent],
        "run -d": ["run", "-d", "--rm", "--label", label, "alpine", "true"],
        "create": ["create", "--label", label, "alpine"],
        "pull -q": ["pull", "-q", "alpine"],
        # logged by inspect (logrus, level=error), exit 0 (1 only for the missing object)
        "inspect": ["inspect", ctr],
        "inspect -f": ["inspect", "-f", "{{.Name}}", ctr],
        "image inspect": ["image", "inspect", "alpine"],
        "network inspect": ["network", "inspect", bed.network],
        "volume inspect": ["volume", "inspect", bed.volume],
        "inspect missing": ["inspect", ctr, "pydt-no-such-object"],
        # help: the plain line, exit 0
        "--help": ["--help"],
        "ps --help": ["ps", "--help"],
        # checked: `write /dev/stdout: …`, exit 1
        "version": ["version"],
        "info -f json": ["info", "-f", "{{json .}}"],
        "system df -v json": ["system", "df", "-v", "--format", "json"],
        "events json": ["events", "--format", "json", *recent],
        "run": ["run", "--rm", "--label", label, "alpine", "echo", "hi"],
        "exec": ["exec", ctr, "echo", "out"],
        "logs": ["logs", ctr],
        "save": ["save", "busybox"],
        "export": ["export", ctr],
        "cp to stdout": ["cp", f"{ctr}:/etc/hostname", "-"],
    }


SMALL = ("ps", "create", "inspect", "inspect missing", "ps --help", "version", "run", "exec", "save")


@pytest.mark.parametrize("kind", ["full", "readonly", "eio"])
def test_unwritable_stdout_matches_docker_for_every_kind_of_command(writer_bed, kind):
    commands = _writing_commands(writer_bed)
    if kind != "full":
        commands = {name: args for name, args in commands.items() if name in SMALL}

    def both(args):
        if "events" in args:  # an event in the window, so that something is written
            subprocess.run([DOCKER, "kill", "-s", "CONT", writer_bed.names[0]], capture_output=True)
        return with_broken(PYDOCK, args, "stdout", kind), with_broken([DOCKER], args, "stdout", kind)
    with ThreadPoolExecutor(3) as pool:
        results = dict(zip(commands, pool.map(both, commands.values())))
    wrong = {name: (mine, theirs) for name, (mine, theirs) in results.items()
             if (mine.err, mine.code) != (as_pydock(theirs.err), theirs.code)}
    assert not wrong, wrong
    errno_text = {"full": "no space left on device", "readonly": "bad file descriptor",
                  "eio": "input/output error"}[kind]
    assert results["ps"][0] == Result("", "", 0)
    assert results["inspect"][0].err == f'time="<time>" level=error msg="write /dev/stdout: {errno_text}"\n'
    assert results["version"][0] == Result("", f"write /dev/stdout: {errno_text}\n", 1)
    assert results["ps --help"][0] == Result("", f"write /dev/stdout: {errno_text}\n", 0)


@pytest.mark.parametrize("kind", ["full", "readonly", "eio"])
def test_unwritable_stderr_stops_nothing(writer_bed, kind):
    """docker ignores a failed write of its own messages; only a container's lost stderr fails (exit 1)."""
    bed = writer_bed
    commands = {
        "ps": ["ps", "-a", "--filter", f"name={bed.names[0]}", "--format", "{{.Names}}"],  # not those made here
        "version -f": ["version", "-f", "{{.Server.Version}}"],
        "inspect missing": ["inspect", "-f", "{{.Name}}", bed.names[0], "pydt-no-such-object"],
        "create": ["create", "--label", bed.label, "alpine"],
        "run": ["run", "--rm", "--label", bed.label, "alpine", "echo", "hi"],
        "run -d": ["run", "-d", "--label", bed.label, "alpine", "true"],
        "exec": ["exec", bed.names[0], "echo", "out"],
        "logs": ["logs", bed.names[1]],  # its stderr line is lost: exit 1
        # the engine's warning fails first; the container's stderr must still count as lost (exit 1)
        "run warned": ["run", "--rm", "--label", bed.label, "--oom-kill-disable", "alpine", "sh", "-c",
                       "echo e >&2; sleep 0.3; echo o"],
        "--help": ["--help"],
    }

    def both(args):
        return with_broken(PYDOCK, args, "stderr", kind), with_broken([DOCKER], args, "stderr", kind)
    with ThreadPoolExecutor(3) as pool:
        results = dict(zip(commands, pool.map(both, commands.values())))
    wrong = {name: (mine, theirs) for name, (mine, theirs) in results.items()
             if name != "--help" and (mine.out, mine.code) != (theirs.out, theirs.code)}
    assert not wrong, wrong
    assert results["run"][0] == Result("hi\n", "", 0)
    assert results["create"][0] == Result("<id>\n", "", 0)
    assert results["logs"][0] == Result("logged\n", "", 1)
    assert results["run warned"][0].code == 1
    assert results["--help"][0].code == 0 and results["--help"][0].out.startswith("Usage:  pydock")


def test_run_rm_and_create_with_an_unwritable_stderr_finish_their_work(writer_bed):
    """The qa finding: `create … 2>/dev/full` created the container but said nothing and failed;
    `run --rm … 2>/dev/full` lost the container's output. Both finish, as docker does."""
    bed = writer_bed
    created = bed.name("full-create")
    mine = with_broken(PYDOCK, ["create", "--name", created, "--label", bed.label, "alpine"], "stderr", "full")
    assert mine == Result("<id>\n", "", 0) and exists(created)
    removed = bed.name("full-run")
    mine = with_broken(PYDOCK, ["run", "--rm", "--name", removed, "alpine", "echo", "hi"], "stderr", "full")
    assert mine == Result("hi\n", "", 0)
    assert not exists(removed)

# -- a stream that cannot be written (a full disk: /dev/full; or an fd open read-only, as a bash wrapper
#    script run with `2>&-` leaves fd 2 on the script itself) ---------------------------------------

def with_redirect(cli: list[str], args: list[str], redirect: str, *, timeout: float = 60) -> Result:
    proc = subprocess.run(["sh", "-c", f'exec "$@" {redirect}', "sh", *cli, *map(str, args)],
                          capture_output=True, timeout=timeout)
    out = re.sub(rb"\b[0-9a-f]{64}\b", b"<id>", proc.stdout)
    err = re.sub(r'time="[^"]*"', 'time="<t>"', proc.stderr.decode(errors="replace"))
    return Result(out.decode(errors="replace"), err, proc.returncode, out)


def _unwritable_cases(bed) -> dict[str, tuple[list[str], str]]:
    ctr = bed.names[0]
    return {
        # stderr full: docker drops its own messages and goes on; a container's stderr output ends the copy
        "create": (["create", "--label", bed.label, "alpine", "true"], "2>/dev/full"),
        "run": (["run", "--rm", "--label", bed.label, "alpine", "echo", "hi"], "2>/dev/full"),
        "run-stderr-output": (["run", "--rm", "--label", bed.label, "alpine", "sh", "-c",
                               "echo e >&2; sleep 0.3; echo o"], "2>/dev/full"),
        "exec-stderr-output": (["exec", ctr, "sh", "-c", "echo e >&2; sleep 0.3; echo o"], "2>/dev/full"),
        "logs-stderr": (["logs", ctr], "2>/dev/full"),
        "inspect-missing-stderr": (["inspect", "pydt-no-such-object"], "2>/dev/full"),
        # stdout full: tables and IDs are dropped (exit 0), inspect logs the failure, streams fail
        "ps": (["ps", "-a", "--filter", f"label={bed.label}"], ">/dev/full"),
        "network-ls": (["network", "ls"], ">/dev/full"),
        "volume-ls": (["volume", "ls"], ">/dev/full"),
        "info": (["info"], ">/dev/full"),
        "system-df": (["system", "df"], ">/dev/full"),
        "run-detached": (["run", "-d", "--rm", "--label", bed.label, "alpine", "true"], ">/dev/full"),
        "inspect": (["inspect", "-f", "{{.Name}}", ctr], ">/dev/full"),
        "network-inspect": (["network", "inspect", "bridge"], ">/dev/full"),
        "logs": (["logs", ctr], ">/dev/full"),
        "exec": (["exec", ctr, "echo", "hi"], ">/dev/full"),
        "run-tty": (["run", "--rm", "-t", "--label", bed.label, "alpine", "echo", "hi"], ">/dev/full"),
        "version": (["version"], ">/dev/full"),
        "version-format": (["version", "-f", "{{.Server.Version}}"], ">/dev/full"),
        "info-format": (["info", "-f", "{{json .ID}}"], ">/dev/full"),
        "events-format": (["events", "--since", "1h", "--until", "1s", "--format", "json"], ">/dev/full"),
        "df-verbose-format": (["system", "df", "-v", "--format", "json"], ">/dev/full"),
        # help: cobra reports the failed write, exit 0
        "help": (["help", "run"], ">/dev/full"),
        "root-help": (["--help"], ">/dev/full"),
        # byte streams io.Copy'd to stdout
        "cp-to-stdout": (["cp", f"{ctr}:/etc/hostname", "-"], ">/dev/full"),
        "export": (["export", ctr], ">/dev/full"),
        "save": (["save", "alpine"], ">/dev/full"),
    }


def test_unwritable_streams_match_docker(bed):
    """A write that fails otherwise than on a closed pipe: docker's fmt.Fprint calls drop the error,
    except where docker returns it (container output, a template executed straight to stdout), as
    `write /dev/stdout: no space left on device` (exit 1). No Python errno text, no half-done create."""
    cases = _unwritable_cases(bed)

    def both(case):
        args, redirect = case
        return with_redirect(PYDOCK, args, redirect), with_redirect([DOCKER], args, redirect)
    try:
        with ThreadPoolExecutor(3) as pool:
            results = dict(zip(cases, pool.map(both, cases.values())))
    finally:  # the unnamed containers `create` made
        made = sh("ps", "-aq", "--filter", f"label={bed.label}", "--filter", "status=created").split()
        if made:
            sh("rm", *made, check=False)
    wrong = {name: (mine, theirs) for name, (mine, theirs) in results.items()
             if (mine.out, mine.err, mine.code) != (theirs.out, as_pydock(theirs.err), theirs.code)}
    assert not wrong, wrong
    assert results["create"][0].out == "<id>\n" and results["create"][0].code == 0
    assert results["run"][0].out == "hi\n"
    assert results["logs"][0].err.endswith("write /dev/stdout: no space left on device\n")
    assert results["export"][0].err == "write /dev/stdout: no space left on device\n" == results["save"][0].err
    assert results["inspect"][0].err.endswith('level=error msg="write /dev/stdout: no space left on device"\n')
    assert not any("Errno" in mine.err for mine, _ in results.values())


def test_a_wrapper_script_run_with_stderr_closed(bed, tmp_path):
    """bash opens the script on the free fd 2 (read-only) and the program inherits it: writes there fail
    with EBADF. docker prints the output and exits 0; so does pydock."""
    script = tmp_path / "wrapper"
    script.write_text('#!/bin/bash\nexec "$@"\n')
    script.chmod(0o755)
    args = ["run", "--rm", "--label", bed.label, "alpine", "echo", "hi"]
    mine = with_redirect([str(script), *PYDOCK], args, "2>&-")
    theirs = with_redirect([str(script), DOCKER], args, "2>&-")
    assert (mine.out, mine.code) == (theirs.out, theirs.code) == ("hi\n", 0)
