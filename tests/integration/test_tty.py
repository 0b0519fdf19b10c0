"""Interactive terminals, driven through a pty with pexpect: raw mode, resizes, detach keys."""
from __future__ import annotations

import json
import shlex
import subprocess
import time

import pexpect
import pytest

from tests.conftest import DOCKER, PYDOCK

PROMPT = b"/ # "


def spawn(*args, rows=30, cols=100, env=None, timeout=20) -> pexpect.spawn:
    import os

    command = " ".join(shlex.quote(a) for a in PYDOCK + [str(a) for a in args])
    return pexpect.spawn("/bin/sh", ["-c", command], timeout=timeout, dimensions=(rows, cols),
                         env={**os.environ, **(env or {})})


def state(name: str) -> dict | None:
    proc = subprocess.run([DOCKER, "inspect", "--format", "{{json .State}}", name], capture_output=True, text=True)
    return json.loads(proc.stdout) if proc.returncode == 0 else None


def wait_for_exit(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def expect_size(child: pexpect.spawn, size: bytes) -> None:
    """`stty size` until it shows `size`: resizes reach the engine asynchronously, as with docker."""
    for _ in range(20):
        child.sendline(b"stty size")
        if child.expect([size + b"\r\n", rb"\d+ \d+\r\n"]) == 0:
            return
        time.sleep(0.1)
    raise AssertionError(f"the terminal never reached {size!r}")


def detach(child: pexpect.spawn) -> None:
    child.send(b"\x10")
    time.sleep(0.2)  # the first key alone must be held back, not sent
    child.send(b"\x11")


def test_shell_session_sizes_and_exit_code(cleanup):
    name = cleanup.name()
    child = spawn("run", "-it", "--rm", "--name", name, "alpine", "sh")
    child.expect(PROMPT)
    child.sendline(b"echo hel''lo")
    child.expect(b"hello\r\n")
    expect_size(child, b"30 100")
    child.setwinsize(40, 120)
    expect_size(child, b"40 120")
    child.sendline(b"exit 3")
    assert wait_for_exit(child) == 3
    assert state(name) is None  # --rm


def test_detach_keys_leave_the_container_running_then_attach_and_exec(cleanup):
    name = cleanup.name()
    child = spawn("run", "-it", "--name", name, "alpine", "sh")
    child.expect(PROMPT)
    detach(child)
    child.expect(pexpect.EOF)
    assert b"read escape sequence" not in child.before
    child.close()
    assert child.exitstatus == 0
    assert state(name)["Running"] is True

    for command in (["attach", name], ["exec", "-it", name, "sh"]):
        child = spawn(*command)
        child.sendline(b"echo still-$((40+2))")
        child.expect(b"still-42")
        detach(child)
        child.expect(b"read escape sequence\r\n")
        assert wait_for_exit(child) == 1
    assert state(name)["Running"] is True


def test_custom_detach_keys_from_flag_and_config(cleanup, tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"detachKeys": "ctrl-y"}))
    for flags, keys, env in ((["--detach-keys", "ctrl-x,x"], b"\x18x", None),
                             ([], b"\x19", {"DOCKER_CONFIG": str(tmp_path)})):
        name = cleanup.name()
        child = spawn("run", "-it", *flags, "--name", name, "alpine", "sh", env=env)
        child.expect(PROMPT)
        child.send(keys)
        assert wait_for_exit(child) == 0
        assert state(name)["Running"] is True


def test_a_lone_first_detach_key_is_passed_on_with_the_next_key():
    child = spawn("run", "-it", "--rm", "alpine", "sh", "-c", "stty -echo; IFS= read -r line; "
                  "printf %s \"$line\" | od -An -c")
    time.sleep(1)
    child.send(b"a\x10b\r")
    child.expect(rb"a\s+020\s+b")
    assert wait_for_exit(child) == 0


def test_ctrl_c_goes_to_the_container_in_raw_mode():
    child = spawn("run", "-it", "--rm", "alpine", "sh", "-c",
                  "trap 'echo got-int; exit 6' INT; echo ready; while :; do sleep 0.1; done")
    child.expect(b"ready")
    child.send(b"\x03")
    child.expect(b"got-int")
    assert wait_for_exit(child) == 6


def _terminal_modes_after(command: str) -> list[bytes]:
    script = f"stty -a | grep -o -- '-*icanon'; {command}; stty -a | grep -o -- '-*icanon'"
    child = pexpect.spawn("/bin/sh", ["-c", script], timeout=20)
    child.expect(pexpect.EOF)
    return [line for line in child.before.split(b"\r\n") if line.endswith(b"icanon")]


@pytest.mark.parametrize("inner", ["run -it --rm alpine true", "run -it --rm alpine sh -c 'exit 4'",
                                   "run -it --rm alpine nosuchcmd"])
def test_the_terminal_is_restored(inner):
    pydock = " ".join(shlex.quote(a) for a in PYDOCK)
    assert _terminal_modes_after(f"{pydock} {inner}") == [b"icanon", b"icanon"]


def test_the_terminal_is_restored_after_detach(cleanup):
    name = cleanup.name()
    pydock = " ".join(shlex.quote(a) for a in PYDOCK)
    script = (f"{pydock} run -it --name {name} alpine sh; stty -a | grep -o -- '-*icanon'")
    child = pexpect.spawn("/bin/sh", ["-c", script], timeout=20)
    child.expect(PROMPT)
    detach(child)
    child.expect(pexpect.EOF)
    assert child.before.strip().endswith(b"icanon") and not child.before.strip().endswith(b"-icanon")


def test_exec_tty_gets_the_terminal_size(cleanup):
    name = cleanup.name()
    subprocess.run([DOCKER, "run", "-d", "--name", name, "alpine", "sleep", "60"], capture_output=True, check=True)
    # the exec starts at 0x0 (API 1.41 has no ConsoleSize): give the resize a moment, as docker needs too
    child = spawn("exec", "-it", name, "sh", "-c", "sleep 1; stty size", rows=33, cols=111)
    child.expect(b"33 111")
    assert wait_for_exit(child) == 0
