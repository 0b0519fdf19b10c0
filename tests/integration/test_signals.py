"""Signals sent to run, start -a, attach and exec, compared with docker's answer on the same engine.

Each case waits until the command is streaming (a "ready" line), sends the signal(s), and compares
stdout, stderr and the exit status. Cases where a lost signal would show are run in loops: the
fault fixed here (a Python-level handler waiting for a busy main thread) lost about one in three.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.oracle import Bed, inspect, sh

READY = "ready\n"
TRAP = "trap 'echo got; exit 3' INT TERM; echo ready; sleep 8 & wait; echo done; exit 9"
# prints "ready" until signalled (for attach, which only sees output made after it attached)
TRAP_LOOP = "trap 'echo got; exit 3' INT TERM; while :; do echo ready; sleep 0.2; done"
UNTRAPPED_LOOP = "i=0; while [ $i -lt 12 ]; do echo ready; sleep 0.2; i=$((i+1)); done; echo done; exit 9"


@dataclass(frozen=True)
class Outcome:
    out: str
    err: str
    code: int

    def without_ready(self) -> "Outcome":
        """The output after the first "ready" lines: their number depends on timing."""
        out = self.out
        while out.startswith(("ready\n", "ready\r\n")):
            out = out.split("\n", 1)[1]
        return Outcome(out, self.err, self.code)


def signalled(cli: list[str], args: list[str], sigs, *, gap: float = 0.3, settle: float = 0, group: bool = False,
              timeout: float = 30) -> Outcome:
    """Start `cli args`, wait for its first "ready" line (and `settle` seconds more), send each signal of
    `sigs` (gap seconds apart), and collect what it printed and how it ended (a negative code: killed
    by that signal). With `group`, each signal goes to the process and then to its process group,
    followed by SIGCONT to both, as coreutils' timeout sends it (the case of the issue, in which about
    one SIGINT in three was lost)."""
    proc = subprocess.Popen(cli + list(args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=group)
    try:
        head = _read_until(proc, timeout)
        time.sleep(settle)
        for index, sig in enumerate(sigs):
            if index:
                time.sleep(gap)
            proc.send_signal(sig)
            if group:
                os.killpg(proc.pid, sig)
                proc.send_signal(signal.SIGCONT)
                os.killpg(proc.pid, signal.SIGCONT)
        rest, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return Outcome((head + rest).decode(errors="replace"), err.decode(errors="replace"), proc.returncode)


def _read_until(proc, timeout: float) -> bytes:
    """Read stdout until a whole "ready" line (LF, or CRLF from a TTY) came."""
    import select

    fd, data, deadline = proc.stdout.fileno(), b"", time.monotonic() + timeout
    while b"ready\n" not in data and b"ready\r\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"no ready line within {timeout}s: {data!r}")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise AssertionError(f"ended before a ready line: {data!r} {proc.stderr.read()!r}")
        data += chunk
    return data


def compare(cases: dict, n_pydock: int = 1, n_docker: int = 1, workers: int = 3) -> dict:
    """Run each case `fn(cli, index)` n_pydock times with pydock and n_docker times with docker, a few at
    a time, and check every pydock outcome equals docker's (which must not vary). Returns docker's
    outcome per case."""
    jobs = [(key, cli, i) for key in cases for cli, n in ((PYDOCK, n_pydock), ([DOCKER], n_docker))
            for i in range(n)]
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda job: cases[job[0]](job[1], job[2]), jobs))
    expected, wrong = {}, []
    for key in cases:
        mine = [r for (k, cli, _), r in zip(jobs, results) if k == key and cli is PYDOCK]
        theirs = [r for (k, cli, _), r in zip(jobs, results) if k == key and cli is not PYDOCK]
        assert len(set(theirs)) == 1, f"{key}: docker itself varied: {theirs}"
        expected[key] = theirs[0]
        wrong += [(key, m, theirs[0]) for m in mine if m != theirs[0]]
    assert not wrong, f"{len(wrong)}/{n_pydock * len(cases)} pydock runs differ from docker: {wrong[:4]}"
    return expected


@pytest.fixture(scope="module")
def bed():
    b = Bed("signals")
    yield b
    b.remove()


def _run_args(bed, *args) -> list[str]:
    return ["run", "--rm", "--label", bed.label, *args]


# -- run ------------------------------------------------------------------------------
def test_run_forwards_sigint_to_init_every_time(bed):
    """The reported case: 20 runs, all forwarded (tini passes SIGINT on; the container exits 130). The
    signal comes while pydock idles in its read, when a handler waiting for the main thread lost it."""
    def case(cli, _):
        return signalled(cli, _run_args(bed, "--init", "alpine", "sh", "-c", "echo ready; exec sleep 10"),
                         [signal.SIGINT], settle=0.5, group=True)
    expected = compare({"init": case}, n_pydock=20, n_docker=2, workers=2)
    assert expected["init"] == Outcome(READY, "", 130)


def test_run_forwards_each_signal_to_a_trap(bed):
    def trapped(sig):
        name = sig.name.removeprefix("SIG")
        script = f"trap 'echo got-{name}; exit 3' {name}; echo ready; sleep 8 & wait; echo done; exit 9"
        return lambda cli, _: signalled(cli, _run_args(bed, "alpine", "sh", "-c", script), [sig])
    sigs = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGQUIT)
    expected = compare({sig: trapped(sig) for sig in sigs}, n_pydock=2)
    assert expected[signal.SIGUSR1] == Outcome(f"{READY}got-USR1\n", "", 3)


def test_run_without_init_pid1_ignores_sigint_and_the_run_goes_on(bed):
    """sleep as PID 1 has no SIGINT handler, so the forwarded signal does nothing: exit 0 at its end."""
    def case(cli, _):
        started = time.monotonic()
        outcome = signalled(cli, _run_args(bed, "alpine", "sh", "-c", "echo ready; exec sleep 2"), [signal.SIGINT],
                            settle=0.5)  # sh (which would die of it) has become sleep by then
        return outcome, time.monotonic() - started > 1.5
    expected = compare({"no-init": case}, n_pydock=2)
    assert expected["no-init"] == (Outcome(READY, "", 0), True)


def test_run_sig_proxy_false(bed):
    """docker leaves the container alone: SIGINT/SIGTERM are ignored (with a TTY too), SIGHUP ends it
    (Go's default), SIGUSR1 is ignored."""
    def case(sig, *flags):
        script = "echo ready; sleep 1.5; echo done; exit 9"
        return lambda cli, _: signalled(cli, _run_args(bed, "--sig-proxy=false", *flags, "alpine", "sh", "-c",
                                                       script), [sig])
    cases = {"int": case(signal.SIGINT), "term": case(signal.SIGTERM), "int-tty": case(signal.SIGINT, "-t"),
             "term-tty": case(signal.SIGTERM, "-t"), "hup": case(signal.SIGHUP), "usr1": case(signal.SIGUSR1)}
    expected = compare(cases)
    assert expected["int"] == Outcome(f"{READY}done\n", "", 9)
    assert expected["term-tty"] == Outcome("ready\r\ndone\r\n", "", 9)
    assert expected["hup"] == Outcome(READY, "", -signal.SIGHUP)


def test_three_sigints_force_the_exit(bed):
    """The third SIGINT/SIGTERM ends docker at once, whatever the container does."""
    def case(proxy):
        script = "trap '' INT TERM; echo ready; sleep 6"
        return lambda cli, _: signalled(cli, _run_args(bed, proxy, "alpine", "sh", "-c", script),
                                        [signal.SIGINT, signal.SIGTERM, signal.SIGINT])
    expected = compare({"proxy": case("--sig-proxy=true"), "no-proxy": case("--sig-proxy=false")})
    assert expected["proxy"] == Outcome(READY, "\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n", 1)


# -- start -a ---------------------------------------------------------------------------
@pytest.mark.parametrize("sig, runs", [(signal.SIGINT, 5), (signal.SIGTERM, 2)])
def test_start_attached_forwards_then_ends_at_once_with_0(bed, sig, runs):
    """docker forwards and returns 0 at once (its cancelled context); the container gets the signal.
    docker races the two; pydock forwards every time. (A signal during the start request itself
    fails that request in docker: 128+signal; the settle delay keeps clear of it.)"""
    mine_ctr, docker_ctr = (bed.create(f"start-{who}-{sig.name}", "alpine", "sh", "-c", TRAP)
                            for who in ("mine", "docker"))
    mine = []
    for _ in range(runs):
        mine.append(signalled(PYDOCK, ["start", "-a", mine_ctr], [sig], settle=0.5))
        sh("wait", mine_ctr)
        assert inspect(mine_ctr)["State"]["ExitCode"] == 3  # the trap ran: the signal was forwarded
    theirs = signalled([DOCKER], ["start", "-a", docker_ctr], [sig], settle=0.5)
    assert theirs == Outcome(READY, "", 0)
    assert mine == [theirs] * runs


def test_start_attached_with_a_tty_forwards_nothing_and_ends_with_0(bed):
    mine_ctr, docker_ctr = (bed.create(f"start-tty-{who}", "-t", "alpine", "sh", "-c",
                                       "echo ready; sleep 3; exit 9") for who in ("mine", "docker"))
    mine = signalled(PYDOCK, ["start", "-a", mine_ctr], [signal.SIGINT], settle=0.5)
    theirs = signalled([DOCKER], ["start", "-a", docker_ctr], [signal.SIGINT], settle=0.5)
    assert theirs == Outcome("ready\r\n", "", 0)
    assert mine == theirs
    assert inspect(mine_ctr)["State"]["Running"]  # nothing was forwarded


# -- attach ------------------------------------------------------------------------------
def test_attach_forwards_every_time(bed):
    def case(sig):
        def one(cli, index):
            name = bed.run(f"attach-{sig.name}-{len(cli)}-{index}", "alpine", "sh", "-c", TRAP_LOOP)
            return signalled(cli, ["attach", name], [sig]).without_ready()
        return one
    expected = compare({"int": case(signal.SIGINT), "term": case(signal.SIGTERM)}, n_pydock=4)
    assert expected["int"] == Outcome("got\n", "", 3)


def test_attach_without_forwarding_waits_for_the_container(bed):
    """--sig-proxy=false, or a TTY container: SIGINT/SIGTERM do not end attach; output and status come."""
    def case(sig, attach_flags, run_flags=()):
        def one(cli, index):
            name = bed.run(f"attach-np-{sig.name}-{len(run_flags)}-{len(cli)}-{index}", *run_flags, "alpine", "sh",
                           "-c", UNTRAPPED_LOOP)
            return signalled(cli, ["attach", *attach_flags, name], [sig]).without_ready()
        return one
    cases = {"int": case(signal.SIGINT, ["--sig-proxy=false"]), "term": case(signal.SIGTERM, ["--sig-proxy=false"]),
             "tty": case(signal.SIGINT, ["--no-stdin"], ["-t"])}
    expected = compare(cases)
    assert expected["int"] == Outcome("done\n", "", 9)
    assert expected["tty"] == Outcome("done\r\n", "", 9)


# -- exec --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sleeper(bed):
    return bed.run("sleeper", "alpine", "sleep", "600")


def test_exec_ends_at_once_with_0(sleeper):
    """Nothing is forwarded (exec has no kill endpoint): docker just stops, with 0, with or without
    -t and -i."""
    def case(sig, *flags):
        def one(cli, _):
            started = time.monotonic()
            outcome = signalled(cli, ["exec", *flags, sleeper, "sh", "-c", "echo ready; sleep 4; echo done"], [sig])
            return outcome.code, outcome.err, time.monotonic() - started < 3.5
        return one
    cases = {(sig, flags): case(sig, *flags) for sig in (signal.SIGINT, signal.SIGTERM)
             for flags in ((), ("-t",), ("-i",))}
    expected = compare(cases)
    assert set(expected.values()) == {(0, "", True)}


def test_exec_other_signals_act_as_on_docker(sleeper):
    """Go's defaults: SIGHUP kills, SIGUSR1/SIGUSR2/SIGALRM are ignored (the exec runs to its end),
    SIGQUIT ends with status 2 and Go's first line (its goroutine dump is not reproduced)."""
    def case(sig):
        def one(cli, _):
            outcome = signalled(cli, ["exec", sleeper, "sh", "-c", "echo ready; sleep 1.5; echo done"], [sig])
            return Outcome(outcome.out, outcome.err.split("\n", 1)[0], outcome.code)
        return one
    sigs = (signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM, signal.SIGQUIT)
    expected = compare({sig: case(sig) for sig in sigs})
    assert expected[signal.SIGHUP].code == -signal.SIGHUP
    assert expected[signal.SIGUSR1] == Outcome(f"{READY}done\n", "", 0)
    assert expected[signal.SIGQUIT] == Outcome(READY, "SIGQUIT: quit", 2)


# -- a terminal in raw mode comes back on every way out ------------------------------------
@pytest.mark.parametrize("args, sigs", [
    (["exec", "-it", "{sleeper}", "sh", "-c", "echo ready; sleep 5"], [signal.SIGTERM]),
    (["exec", "-it", "{sleeper}", "sh", "-c", "echo ready; sleep 5"], [signal.SIGHUP]),
    (["run", "-it", "--rm", "alpine", "sh", "-c", "trap '' INT TERM; echo ready; sleep 5"],
     [signal.SIGINT, signal.SIGTERM, signal.SIGINT]),
], ids=["exec-term", "exec-hup", "run-three-signals"])
def test_signals_restore_the_terminal(sleeper, args, sigs):
    """How each ends is docker's (exit 0; killed by SIGHUP; exit 1 after three); the terminal is left
    as it was found every time (docker leaves it raw when SIGHUP kills it)."""
    import shlex
    import termios

    import pexpect

    def session(cli):
        command = " ".join(shlex.quote(a) for a in cli + [a.format(sleeper=sleeper) for a in args])
        child = pexpect.spawn("/bin/sh", ["-c", f"exec {command}"], timeout=20, dimensions=(30, 100))
        child.expect(b"ready")
        raw = not termios.tcgetattr(child.child_fd)[3] & termios.ICANON
        for index, sig in enumerate(sigs):
            time.sleep(0.3 if index else 0.2)
            child.kill(sig)
        child.expect(pexpect.EOF)
        restored = bool(termios.tcgetattr(child.child_fd)[3] & termios.ICANON)
        child.close()
        return raw, restored, child.exitstatus, child.signalstatus

    mine, theirs = session(PYDOCK), session([DOCKER])
    assert mine == (True, True, theirs[2], theirs[3])
    assert theirs[0]
