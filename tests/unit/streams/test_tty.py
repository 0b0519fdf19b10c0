"""Detach keys, raw mode and terminal size tracking."""
from __future__ import annotations

import os
import pty
import termios
import threading

import pytest

from pydock.streams.tty import (
    DEFAULT_DETACH_KEYS,
    DetachFilter,
    DetachKeysError,
    RawTerminal,
    SizeMonitor,
    detach_key_bytes,
    make_raw,
    parse_detach_keys,
    restore_terminals,
    terminal_size,
)


def test_detach_key_specs():
    assert parse_detach_keys("ctrl-p,ctrl-q") == b"\x10\x11"
    assert parse_detach_keys("ctrl-@,a,DEL,ctrl-\\") == b"\x00a\x7f\x1c"
    with pytest.raises(DetachKeysError, match="^Unknown character: 'foo'$"):
        parse_detach_keys("foo")
    assert detach_key_bytes("") == DEFAULT_DETACH_KEYS
    assert detach_key_bytes("bogus") == DEFAULT_DETACH_KEYS
    assert detach_key_bytes("ctrl-x") == b"\x18"


def test_a_lone_first_key_is_held_back_until_the_next():
    keys = DetachFilter(b"\x10\x11")
    assert keys.feed(b"ab\x10") == (b"ab", False)
    assert keys.feed(b"c") == (b"\x10c", False)
    assert keys.feed(b"\x10") == (b"", False)
    assert keys.feed(b"\x11rest") == (b"", True)


def test_sequence_split_inside_one_read_and_repeated_prefix():
    keys = DetachFilter(b"\x10\x11")
    assert keys.feed(b"x\x10\x11y") == (b"x", True)
    keys = DetachFilter(b"\x10\x11")
    assert keys.feed(b"\x10\x10\x11") == (b"\x10", True)
    assert DetachFilter(b"").feed(b"\x10\x11") == (b"\x10\x11", False)


def test_make_raw_turns_off_echo_canonical_and_signals():
    attrs = [termios.ICRNL | termios.IXON, termios.OPOST, termios.CS7 | termios.PARENB,
             termios.ECHO | termios.ICANON | termios.ISIG, 0, 0, [0] * 32]
    iflag, oflag, cflag, lflag, _, _, cc = make_raw(attrs)
    assert not iflag & (termios.ICRNL | termios.IXON)
    assert not oflag & termios.OPOST
    assert cflag & termios.CS8 == termios.CS8 and not cflag & termios.PARENB
    assert not lflag & (termios.ECHO | termios.ICANON | termios.ISIG)
    assert cc[termios.VMIN] == 1 and cc[termios.VTIME] == 0


def test_raw_terminal_is_restored_once(monkeypatch):
    monkeypatch.delenv("NORAW", raising=False)
    leader, follower = pty.openpty()
    try:
        before = termios.tcgetattr(follower)
        raw = RawTerminal(follower).enter()
        assert not termios.tcgetattr(follower)[3] & termios.ICANON
        raw.restore()
        raw.restore()
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def test_noraw_leaves_the_terminal_alone(monkeypatch):
    monkeypatch.setenv("NORAW", "1")
    leader, follower = pty.openpty()
    try:
        before = termios.tcgetattr(follower)
        with RawTerminal(follower):
            assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def _pty_with_size(rows, cols):
    import fcntl
    import struct

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return leader, follower


def test_size_monitor_resizes_at_start_and_after_failures():
    leader, follower = _pty_with_size(30, 100)
    calls, ok = [], threading.Event()

    def resize(h, w):
        calls.append((h, w))
        if len(calls) < 3:
            raise RuntimeError("not running yet")
        ok.set()
    try:
        assert terminal_size(follower) == (30, 100)
        monitor = SizeMonitor(resize, follower).start()
        assert ok.wait(2)
        monitor.stop()
        assert calls == [(30, 100)] * 3
    finally:
        os.close(leader)
        os.close(follower)


def test_size_monitor_reports_when_retries_run_out(capsys):
    import io

    leader, follower = _pty_with_size(10, 20)
    err = io.StringIO()
    try:
        monitor = SizeMonitor(lambda h, w: (_ for _ in ()).throw(RuntimeError()), follower, err)
        monitor._retry_initial()
        assert err.getvalue() == "failed to resize tty, using default size\n"
        monitor.nudge()
    finally:
        os.close(leader)
        os.close(follower)


def test_not_a_terminal_has_no_size(tmp_path):
    with open(tmp_path / "f", "w") as f:
        assert terminal_size(f.fileno()) == (0, 0)


def test_restore_terminals_puts_back_every_raw_terminal(monkeypatch):
    """What an immediate exit (a third SIGINT, SIGQUIT) calls first, from whichever thread."""
    monkeypatch.delenv("NORAW", raising=False)
    leader, follower = pty.openpty()
    try:
        before = termios.tcgetattr(follower)
        RawTerminal(follower).enter()
        worker = threading.Thread(target=restore_terminals)
        worker.start()
        worker.join(5)
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def test_a_resize_is_followed_while_the_main_thread_is_blocked():
    """SIGWINCH taken by another thread still resizes at once (it used to wait for the main thread)."""
    import fcntl
    import select
    import signal
    import struct

    leader, follower = _pty_with_size(30, 100)
    calls, resized = [], threading.Event()

    def resize(h, w):
        calls.append((h, w))
        if (h, w) == (50, 150):
            resized.set()
    stop_helper = threading.Event()
    helper = threading.Thread(target=stop_helper.wait, daemon=True)
    helper.start()
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGWINCH})
    monitor = SizeMonitor(resize, follower).start()
    wake_r, wake_w = os.pipe()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 150, 0, 0))
        os.kill(os.getpid(), signal.SIGWINCH)
        threading.Thread(target=lambda: resized.wait(5) and os.write(wake_w, b"x"), daemon=True).start()
        assert select.select([wake_r], [], [], 5)[0]
    finally:
        monitor.stop()
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        stop_helper.set()
        for fd in (wake_r, wake_w, leader, follower):
            os.close(fd)
    assert calls == [(30, 100), (50, 150)]
