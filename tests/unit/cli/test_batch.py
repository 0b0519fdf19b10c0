"""cli.batch: acting on several objects at once."""
from __future__ import annotations

import io
import threading

import pytest

from pydock.cli.batch import each_object, run_on_each
from pydock.cli.errors import StatusError
from pydock.transport.errors import NotFound


def test_each_object_runs_concurrently_and_answers_in_order():
    barrier = threading.Barrier(3, timeout=5)

    def op(name):
        barrier.wait()  # all three must be running at once
        if name == "b":
            raise NotFound(404, "No such container: b")

    results = list(each_object(["a", "b", "c"], op))
    assert [name for name, _, _ in results] == ["a", "b", "c"]
    assert results[0][2] is None and isinstance(results[1][2], NotFound) and results[2][2] is None


class _Env:
    def __init__(self):
        self.stdout, self.stderr = io.StringIO(), io.StringIO()


def test_run_on_each_shows_results_then_fails_with_every_error():
    def op(name):
        if name != "a":
            raise NotFound(404, f"No such container: {name}")
        return 7

    env = _Env()
    with pytest.raises(StatusError) as info:
        run_on_each(env, ["a", "b", "c"], op, shown=lambda name, result: f"{name}={result}")
    assert env.stdout.getvalue() == "a=7\n"
    assert info.value.message == ("Error response from daemon: No such container: b\n"
                                  "Error response from daemon: No such container: c")


def test_run_on_each_can_only_warn():
    def op(name):
        raise NotFound(404, f"No such container: {name}")

    env = _Env()
    run_on_each(env, ["a"], op, only_warn=lambda error: isinstance(error, NotFound))
    assert (env.stdout.getvalue(), env.stderr.getvalue()) == ("", "Error response from daemon: No such container: a\n")


def test_ctrl_c_at_the_prompt_ends_quietly_as_docker_s_cancelled_prompt(tmp_path):
    import io

    from pydock.cli.batch import confirm
    from pydock.cli.env import CLIEnv, GlobalOptions
    from pydock.cli.errors import StatusError

    class Interrupted(io.StringIO):
        def readline(self, *args):
            raise KeyboardInterrupt

    env = CLIEnv(GlobalOptions(config_dir=str(tmp_path)), stdin=Interrupted(), stdout=io.StringIO(),
                 stderr=io.StringIO(), environ={})
    with pytest.raises(StatusError) as info:
        confirm(env, "Sure?")
    assert (env.stdout.getvalue(), info.value.message, info.value.status) == ("Sure? [y/N] \n", "", 0)
