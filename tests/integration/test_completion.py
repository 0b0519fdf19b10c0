"""Tab completion in the real shells: bash (with Debian's bash-completion) and zsh (compinit) driven in
tmux by typing TAB, fish through its own `complete -C`. Each loads the script `pydock completion SHELL`
prints, and the candidates come from this checkout's pydock and the real engine."""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time

import pytest

from tests.conftest import DOCKER, unique

SHELLS = ("bash", "zsh", "fish")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A directory with a `pydock` on PATH that runs this checkout, each shell's rc file, and files."""
    root = tmp_path_factory.mktemp("completion")
    bin_dir = root / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "pydock"
    calls = root / "calls.log"  # one line per run of pydock: the script answers commands without it
    launcher.write_text(f"#!/bin/sh\necho \"$*\" >> {shlex.quote(str(calls))}\n"
                        f"exec {shlex.quote(sys.executable)} -m pydock \"$@\"\n")
    launcher.chmod(0o755)
    for shell in SHELLS:
        script = subprocess.run([str(launcher), "completion", shell], capture_output=True, text=True, check=True)
        name = {"bash": "pydock.bash", "zsh": "_pydock", "fish": "pydock.fish"}[shell]
        (root / name).write_text(script.stdout)
    (root / ".bashrc").write_text(
        "PS1='$ '\nsource /usr/share/bash-completion/bash_completion\n"
        f"source {root}/pydock.bash\nbind 'set show-all-if-ambiguous on'\nbind 'set bell-style none'\n")
    (root / ".zshrc").write_text(f"PS1='$ '\nfpath=({root} $fpath)\nautoload -U compinit\ncompinit -u -D\n"
                                 "unsetopt beep listambiguous\n")
    files = root / "envfiles"
    files.mkdir()
    for name in ("app.env", "db.env"):
        (files / name).write_text("A=1\n")
    config = root / "config"
    config.mkdir()
    return root


@pytest.fixture(scope="module")
def objects(home):
    """A running and a stopped container, a network, a volume, and a context, named with one prefix."""
    prefix = unique("pydt-comp")
    names = {"running": f"{prefix}-up", "stopped": f"{prefix}-down", "network": f"{prefix}-net",
             "volume": f"{prefix}-vol", "context": f"{prefix}-ctx", "prefix": prefix}
    docker = [DOCKER]
    subprocess.run(docker + ["run", "-d", "--name", names["running"], "busybox", "sleep", "600"], check=True,
                   capture_output=True)
    subprocess.run(docker + ["create", "--name", names["stopped"], "busybox", "true"], check=True, capture_output=True)
    subprocess.run(docker + ["network", "create", names["network"]], check=True, capture_output=True)
    subprocess.run(docker + ["volume", "create", names["volume"]], check=True, capture_output=True)
    subprocess.run(docker + ["--config", str(home / "config"), "context", "create", names["context"], "--docker",
                             "host=unix:///var/run/docker.sock"], check=True, capture_output=True)
    yield names
    subprocess.run(docker + ["rm", "-f", names["running"], names["stopped"]], capture_output=True)
    subprocess.run(docker + ["network", "rm", names["network"]], capture_output=True)
    subprocess.run(docker + ["volume", "rm", names["volume"]], capture_output=True)


class Tmux:
    """One interactive shell in a detached tmux session: type a line, press TAB, read the screen."""

    def __init__(self, shell: str, home, env: dict):
        self.name = unique("pydt-tmux")
        self.marks = 0
        self.socket = ["tmux", "-L", self.name]
        command = {"bash": f"bash --rcfile {home}/.bashrc --noprofile -i",
                   "zsh": "zsh -i"}[shell]
        full_env = {**os.environ, **env, "ZDOTDIR": str(home), "TERM": "xterm"}
        subprocess.run(self.socket + ["new-session", "-d", "-x", "150", "-y", "40", command], env=full_env,
                       check=True)
        self.wait_for(lambda screen: screen.strip().endswith("$"), "the prompt")

    def screen(self) -> str:
        return subprocess.run(self.socket + ["capture-pane", "-p"], capture_output=True, text=True).stdout

    def wait_for(self, ready, what: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"no {what} on the screen:\n{self.screen()}")

    def tab(self, line: str, expect) -> str:
        """Type `line`, press TAB, and return the screen once `expect(screen)` holds (or fail)."""
        # keys are read in order (C-u is a key; C-c would be a signal, racing them): once the marker's echo
        # has run, the line before it is gone
        self.marks += 1
        subprocess.run(self.socket + ["send-keys", "C-u"], check=True)
        subprocess.run(self.socket + ["send-keys", "-l", f"echo mark-{self.marks}-done"], check=True)
        subprocess.run(self.socket + ["send-keys", "Enter"], check=True)
        self.wait_for(lambda screen: f"\nmark-{self.marks}-done\n$" in screen, "marker")
        subprocess.run(self.socket + ["send-keys", "C-l"], check=True)
        self.wait_for(lambda screen: screen.strip() == "$", "clear screen")
        subprocess.run(self.socket + ["send-keys", "-l", line], check=True)
        subprocess.run(self.socket + ["send-keys", "Tab"], check=True)
        return self.wait_for(expect, f"completion of {line!r}")

    def close(self):
        subprocess.run(self.socket + ["kill-server"], capture_output=True)


def fish_candidates(line: str, home, env: dict) -> list[str]:
    full_env = {**os.environ, **env}
    out = subprocess.run(["fish", "--no-config", "-c", f"source {home}/pydock.fish; complete -C {shlex.quote(line)}"],
                         capture_output=True, text=True, env=full_env, timeout=30)
    assert out.stderr == ""
    return [row.split("\t")[0] for row in out.stdout.splitlines()]


@pytest.fixture(params=SHELLS)
def complete(request, home, objects):
    """complete(line, expected, absent=()) -> checks that TAB after `line` offers every `expected` value
    (or, when exactly one is expected, completes the line with it) and none of `absent`."""
    env = {"PATH": f"{home}/bin:{os.environ['PATH']}", "DOCKER_CONFIG": str(home / "config")}
    shell = request.param
    if shell == "fish":
        def check(line, expected, absent=()):
            found = fish_candidates(line, home, env)
            found += [os.path.basename(path) for path in found if "/" in path]  # fish lists files by path
            assert set(expected) <= set(found), found
            assert not set(absent) & set(found), found
        yield check
        return
    tmux = Tmux(shell, home, env)

    def check(line, expected, absent=()):
        if len(expected) == 1:
            screen = tmux.tab(line, lambda s: line.rsplit(" ", 1)[0] + " " + expected[0] in s)
        else:
            screen = tmux.tab(line, lambda s: all(e in s for e in expected))
        below = screen.split(line, 1)[-1]
        for word in absent:
            assert word not in below, screen
    yield check
    tmux.close()


def test_commands(complete):
    complete("pydock st", ["start", "stats", "stop"], absent=["search"])


def test_commands_and_subcommands_start_no_process(complete, home):
    calls = home / "calls.log"
    before = calls.read_text() if calls.exists() else ""
    complete("pydock st", ["start", "stats", "stop"])
    complete("pydock network ", ["connect", "create", "ls", "rm"])
    complete("pydock container l", ["logs", "ls"])
    assert (calls.read_text() if calls.exists() else "") == before


def test_rm_offers_stopped_containers_and_with_force_every_one(complete, objects):
    complete(f"pydock rm {objects['prefix']}", [objects["stopped"]], absent=[objects["running"]])
    complete(f"pydock rm -f {objects['prefix']}", [objects["running"], objects["stopped"]])


def test_aliases_complete_where_no_name_matches(complete):
    complete("pydock container li", ["list"])


def test_a_file_after_flag_equals(complete, home):
    complete(f"pydock run --env-file={home}/envfiles/", ["app.env", "db.env"])


def test_another_containers_namespace(complete, objects):
    complete(f"pydock run --network container:{objects['prefix']}", [f"container:{objects['running']}"],
             absent=[objects["stopped"]])


def test_start_offers_only_stopped_containers(complete, objects):
    complete(f"pydock start {objects['prefix']}", [objects["stopped"]], absent=[objects["running"]])


def test_stop_offers_only_running_containers(complete, objects):
    complete(f"pydock stop {objects['prefix']}", [objects["running"]], absent=[objects["stopped"]])


def test_restart_policies(complete):
    complete("pydock run --restart ", ["no", "always", "on-failure", "unless-stopped"])


def test_network_names(complete, objects):
    complete(f"pydock network rm {objects['prefix']}", [objects["network"]], absent=[objects["volume"]])


def test_volume_names(complete, objects):
    complete(f"pydock volume rm {objects['prefix']}", [objects["volume"]], absent=[objects["network"]])


def test_env_file_offers_files(complete, home):
    complete(f"pydock run --env-file {home}/envfiles/", ["app.env", "db.env"])


def test_contexts_from_the_store(complete, objects):
    complete("pydock --context ", ["default", objects["context"]])


def test_cp_container_path(complete, objects):
    complete(f"pydock cp {objects['running']}:", [f"{objects['running']}:/"])


def test_filter_values(complete):
    complete("pydock ps --filter status=e", ["status=exited"])


@pytest.mark.parametrize("host", ["unix:///nonexistent/docker.sock", "tcp://127.0.0.1:9"])
def test_a_dead_engine_answers_at_once_and_quietly(host, objects):
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "pydock", "__complete", "-H", host, "rm", ""], capture_output=True,
                         text=True, timeout=10)
    assert time.monotonic() - start < 1.2
    assert (out.returncode, out.stdout, out.stderr) == (0, ":4\n", "")


def test_an_engine_that_never_answers_is_given_up(tmp_path):
    import socket

    path = str(tmp_path / "silent.sock")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(8)
    try:
        start = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "pydock", "__complete", "-H", f"unix://{path}", "rm", ""],
                             capture_output=True, text=True, timeout=10)
        assert time.monotonic() - start < 1.2
        assert (out.returncode, out.stderr) == (0, "")
    finally:
        server.close()


def test_a_broken_config_offers_nothing_and_prints_nothing(tmp_path):
    (tmp_path / "config.json").write_text("{not json")
    out = subprocess.run([sys.executable, "-m", "pydock", "__complete", "--context", ""], capture_output=True,
                         text=True, env={**os.environ, "DOCKER_CONFIG": str(tmp_path)})
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.splitlines()[0] == "default\tCurrent DOCKER_HOST based configuration"


@pytest.mark.parametrize("args", [["completion", "bash", "extra"], ["completion", "bash", "--bogus"],
                                  ["completion", "zsh", "x"], ["completion", "fish", "--help"],
                                  ["completion", "zsh", "--help"], ["completion", "bash", "--help"]])
def test_the_completion_commands_answer_as_dockers(args, pydock, docker):
    ours, theirs = pydock(*args), docker(*args)
    assert (ours.code, ours.out, ours.err) == (theirs.code, theirs.out.replace("docker", "pydock"),
                                               theirs.err.replace("docker", "pydock"))


@pytest.mark.parametrize("args", [["completion"], ["completion", "tcsh"]])
def test_completion_alone_shows_its_help_on_stdout(args, pydock, docker):
    ours, theirs = pydock(*args), docker(*args)
    assert (ours.code, ours.err) == (theirs.code, theirs.err) == (0, "")
    # docker's cobra also has powershell, which pydock does not generate
    assert ours.out == theirs.out.replace("docker", "pydock").replace(
        "  powershell  Generate the autocompletion script for powershell\n", "")
