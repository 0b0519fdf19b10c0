"""The signal proxy: names as docker sends them, and forwarding through a kill function."""
from __future__ import annotations

import os
import signal
import threading

from pydock.streams.signals import SignalProxy, forwarded_signals, signal_name


def test_names():
    assert signal_name(signal.SIGINT) == "INT"
    assert signal_name(signal.SIGTERM) == "TERM"
    assert signal_name(signal.SIGRTMIN) == "RTMIN"
    assert signal_name(signal.SIGRTMIN + 1) == "RTMIN+1"
    assert signal_name(signal.SIGRTMAX) == "RTMAX"
    assert signal_name(signal.SIGRTMAX - 1) == "RTMAX-1"


def test_some_signals_are_never_forwarded():
    forwarded = set(forwarded_signals())
    for sig in (signal.SIGCHLD, signal.SIGPIPE, signal.SIGURG, signal.SIGWINCH, signal.SIGKILL, signal.SIGSTOP):
        assert sig not in forwarded
    assert {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGTSTP} <= forwarded


def test_received_signals_become_kills_and_handlers_come_back():
    before = signal.getsignal(signal.SIGUSR1)
    sent, got = [], threading.Event()

    def kill(name):
        sent.append(name)
        got.set()
    with SignalProxy(kill):
        os.kill(os.getpid(), signal.SIGUSR1)
        assert got.wait(2)
    assert sent == ["USR1"]
    assert signal.getsignal(signal.SIGUSR1) == before


def test_a_failing_kill_is_ignored():
    got = threading.Event()

    def kill(name):
        got.set()
        raise RuntimeError("engine said no")
    proxy = SignalProxy(kill).start()
    try:
        os.kill(os.getpid(), signal.SIGUSR2)
        assert got.wait(2)
    finally:
        proxy.stop()
