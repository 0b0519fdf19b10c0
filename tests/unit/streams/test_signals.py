"""Signals taken off the main thread, the session policy (proxy, cancel, forced exit) and Go's defaults."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from pydock.streams.signals import FORCE_EXIT_MESSAGE, Cancel, SessionSignals, forwarded_signals, notify, signal_name


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


def test_a_signal_taken_by_another_thread_is_handled_while_the_main_thread_is_blocked():
    """The fault behind lost SIGINTs: the kernel hands a process-directed signal to a thread that does
    not block it, and a Python-level handler then waits for the main thread. Here the main thread
    blocks the signal and sits in select(); only a helper thread can take it."""
    wake_r, wake_w = os.pipe()
    got = []

    def on_signal(signum):
        got.append(signum)
        os.write(wake_w, b"x")

    stop_helper = threading.Event()
    helper = threading.Thread(target=stop_helper.wait, daemon=True)
    helper.start()  # started before the mask below, so SIGUSR1 reaches this thread only
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    try:
        with notify(on_signal, [signal.SIGUSR1]):
            started = time.monotonic()
            os.kill(os.getpid(), signal.SIGUSR1)
            ready, _, _ = select.select([wake_r], [], [], 5)
            elapsed = time.monotonic() - started
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        stop_helper.set()
        os.close(wake_r)
        os.close(wake_w)
    assert ready and got == [signal.SIGUSR1]
    assert elapsed < 2


def test_stop_gives_back_the_handlers_and_the_wakeup_fd():
    before = signal.getsignal(signal.SIGUSR2)
    subscription = notify(lambda signum: None, [signal.SIGUSR2])
    assert signal.getsignal(signal.SIGUSR2) != before
    subscription.stop()
    assert signal.getsignal(signal.SIGUSR2) == before
    current = signal.set_wakeup_fd(-1)
    assert current == -1


def test_two_subscriptions_share_a_signal_and_each_gets_it():
    before = signal.getsignal(signal.SIGUSR1)  # SIG_DFL, unless the suite was started with it ignored
    seen_a, seen_b = threading.Event(), threading.Event()
    a = notify(lambda signum: seen_a.set(), [signal.SIGUSR1])
    b = notify(lambda signum: seen_b.set(), [signal.SIGUSR1, signal.SIGUSR2])
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        assert seen_a.wait(2) and seen_b.wait(2)
        a.stop()
        assert signal.getsignal(signal.SIGUSR1) not in (signal.SIG_DFL, None)  # b still catches it
        seen_b.clear()
        os.kill(os.getpid(), signal.SIGUSR2)
        assert seen_b.wait(2)
    finally:
        a.stop()
        b.stop()
    assert signal.getsignal(signal.SIGUSR1) == before


def test_the_proxy_forwards_each_signal_by_docker_name_and_comes_undone():
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGUSR1, signal.SIGHUP)}
    events = []
    with SessionSignals(events.append, on_cancel=lambda signum: events.append(("cancel", signum))):
        for sig in (signal.SIGUSR1, signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
            os.kill(os.getpid(), sig)
            time.sleep(0.05)  # one at a time: standard signals of one kind coalesce
    # stop() let the last kill go out; the first SIGINT/SIGTERM cancels before it is forwarded
    assert events == ["USR1", "HUP", ("cancel", signal.SIGINT), "INT", "TERM"]
    assert {s: signal.getsignal(s) for s in before} == before


def test_a_failing_kill_is_ignored_and_later_signals_still_go():
    sent = []
    done = threading.Event()

    def kill(name):
        sent.append(name)
        if len(sent) == 1:
            raise RuntimeError("engine said no")
        done.set()
    with SessionSignals(kill):
        os.kill(os.getpid(), signal.SIGUSR2)
        time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGUSR2)
        assert done.wait(2)
    assert sent == ["USR2", "USR2"]


def test_cancel_runs_callbacks_once_and_late_ones_at_once():
    cancel = Cancel()
    calls = []
    cancel.after(lambda: calls.append("early"))
    assert not cancel.cancelled and calls == []
    cancel(signal.SIGTERM)
    cancel(signal.SIGINT)
    assert cancel.cancelled and calls == ["early"] and cancel.signum == signal.SIGTERM
    cancel.after(lambda: calls.append("late"))
    assert calls == ["early", "late"]


def _child(code: str, *, timeout: float = 10) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter (some behaviours end the process)."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, cwd=os.getcwd())


def test_the_third_sigint_or_sigterm_forces_the_exit_like_docker():
    proc = _child("""
        import os, signal, time
        from pydock.streams.signals import SessionSignals
        SessionSignals().start()
        for sig in (signal.SIGINT, signal.SIGTERM):
            os.kill(os.getpid(), sig)
            time.sleep(0.2)
        print("still here", flush=True)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
        print("not reached")
    """)
    assert (proc.stdout, proc.stderr, proc.returncode) == ("still here\n", FORCE_EXIT_MESSAGE, 1)


def test_sigquit_not_forwarded_ends_as_go_does():
    proc = _child("""
        import os, signal, time
        from pydock.streams.signals import SessionSignals
        SessionSignals().start()
        os.kill(os.getpid(), signal.SIGQUIT)
        time.sleep(5)
    """)
    assert (proc.stderr, proc.returncode) == ("SIGQUIT: quit\n", 2)


def test_runtime_defaults_ignore_what_go_ignores_and_keep_the_rest():
    proc = _child("""
        import os, signal, time
        from pydock.streams.signals import install_runtime_defaults
        install_runtime_defaults()
        for sig in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM, signal.SIGRTMIN + 1, signal.SIGPWR):
            os.kill(os.getpid(), sig)
            time.sleep(0.02)
        print("alive", flush=True)
        os.kill(os.getpid(), signal.SIGHUP)
        time.sleep(5)
    """)
    assert proc.stdout == "alive\n" and proc.returncode == -signal.SIGHUP


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_die_by_signal_from_another_thread_ends_a_blocked_main_thread(sig):
    proc = _child(f"""
        import os, select, signal, threading
        from pydock.streams.signals import die_by_signal, notify
        notify(lambda signum: die_by_signal(signum), [{int(sig)}])
        threading.Timer(0.2, os.kill, (os.getpid(), {int(sig)})).start()
        r, w = os.pipe()
        select.select([r], [], [], 8)
        print("main thread woke up on its own")
    """)
    assert proc.stdout == "" and proc.returncode == -sig


# -- the command's cancellation (docker's notifyContext(TerminationSignals)) ----------------------
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_the_first_termination_signal_interrupts_a_blocked_main_thread_once(sig):
    proc = _child(f"""
        import os, select, signal, sys, threading
        from pydock.streams.signals import Terminated, catch_termination
        catch_termination()
        threading.Timer(0.2, os.kill, (os.getpid(), {int(sig)})).start()
        r, w = os.pipe()
        try:
            select.select([r], [], [], 8)
        except Terminated as exc:
            print("cancelled", exc.signum, exc.status, isinstance(exc, KeyboardInterrupt))
        os.kill(os.getpid(), {int(sig)})  # the second changes nothing
        select.select([r], [], [], 0.2)
        print("still here")
    """)
    assert (proc.stdout, proc.stderr) == (f"cancelled {int(sig)} {128 + sig} True\nstill here\n", "")


def test_a_held_block_is_never_cut_short_and_the_cancel_comes_after_it():
    proc = _child("""
        import os, signal, time
        from pydock.streams.signals import Terminated, catch_termination, held
        catch_termination()
        steps = []
        try:
            with held():
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.1)
                steps.append("first")
                steps.append("second")
            steps.append("after")
        except Terminated as exc:
            print(steps, exc.status)
    """)
    assert proc.stdout == "['first', 'second'] 130\n"


def test_a_cancellation_python_drops_in_a_callback_is_raised_at_command_done():
    """A signal whose Terminated is raised inside a weakref callback (as importlib's module locks run
    them) is dropped by Python ('Exception ignored in …'): the command must still end cancelled, quietly."""
    proc = _child("""
        import os, signal, weakref
        from pydock.streams.signals import Terminated, catch_termination, command_done
        catch_termination()

        class Thing:
            pass

        thing = Thing()
        keep = weakref.ref(thing, lambda ref: os.kill(os.getpid(), signal.SIGTERM))
        del thing  # the callback runs, the handler raises inside it, Python drops the exception
        print("went on", flush=True)
        try:
            command_done()
        except Terminated as exc:
            print("cancelled", exc.status)
    """)
    assert (proc.stdout, proc.stderr) == ("went on\ncancelled 143\n", "")


def test_after_command_done_a_signal_no_longer_cancels_and_three_still_force_the_exit():
    proc = _child("""
        import os, signal, time
        from pydock.streams.signals import catch_termination, command_done
        catch_termination()
        command_done()
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.1)
        print("finished", flush=True)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    """)
    assert (proc.stdout, proc.stderr, proc.returncode) == ("finished\n", FORCE_EXIT_MESSAGE, 1)


def test_a_signal_during_the_interpreter_exit_does_not_kill_the_process():
    """The fault behind `save -o` ending killed by SIGINT (-2): Python's finalization puts SIG_DFL back
    for every Python-level handler; a signal then killed the process instead of letting it exit with
    the status already decided. SIGINTs are sent without pause while the child exits (without
    settle_for_exit it dies of one, or the third forces exit 1, most of the time: a race)."""
    expected = {7}
    code = textwrap.dedent("""
        import sys
        from pydock.streams.signals import catch_termination, command_done, settle_for_exit
        catch_termination()
        command_done()
        settle_for_exit()
        print("exiting", flush=True)
        sys.exit(7)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"exiting\n"
    while proc.poll() is None:
        try:
            proc.send_signal(signal.SIGINT)
        except ProcessLookupError:
            break
        time.sleep(0.0005)
    proc.wait()
    assert proc.returncode in expected


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_the_cli_loads_ends_it_with_128_plus_the_signal(sig):
    """`python -m pydock` catches SIGINT/SIGTERM before importing anything (a signal while click and
    the command load once printed a traceback and ended killed by SIGINT). The CLI is made to load
    slowly by a module that sleeps on import, found first on the path."""
    import tempfile

    with tempfile.TemporaryDirectory() as slow:
        with open(os.path.join(slow, "click.py"), "w") as f:
            f.write("import time\ntime.sleep(5)\n")
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([slow, root])}
        proc = subprocess.Popen([sys.executable, "-m", "pydock", "version"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
    assert (proc.returncode, out, err) == (128 + sig, "", "")
