"""`events` / `system events` compared with docker: on the real engine within a --since/--until window, and
on a scripted engine (fake_engine) for the lines docker prints from given events and the query it sends."""
from __future__ import annotations

import json
import time

import pytest

from tests.conftest import unique
from tests.integration.fake_engine import FakeEngine
from tests.integration.oracle import as_pydock, sh

# -- a scripted engine: output for given events, and the request docker builds -----------------
CID = "6ff365b6789fe6ad10a0455f241d3aac5d589e0670764c7c9aeeb824ad0e0009"
EVENTS = [
    {"status": "create", "id": CID, "from": "alpine", "Type": "container", "Action": "create",
     "Actor": {"ID": CID, "Attributes": {"name": "pydt-x", "image": "alpine", "zz": "<b&c>", "Ünï": "ç"}},
     "scope": "local", "time": 1700000000, "timeNano": 1700000000012345678},
    {"Type": "network", "Action": "connect", "Actor": {"ID": "eb839dc55f68", "Attributes": {
        "container": CID, "name": "bridge", "type": "bridge"}}, "scope": "local", "time": 1700000001,
     "timeNano": 1700000001000000000},
    {"Type": "volume", "Action": "prune", "Actor": {"ID": "", "Attributes": {"reclaimed": "0"}},
     "scope": "local", "time": 1700000002},  # no timeNano: docker falls back to time
    {"Type": "image", "Action": "tag", "Actor": {"ID": "sha256:abc"}, "time": 1700000003},  # no attributes
    {"Type": "service", "Action": "update", "Actor": {"ID": "svc", "Attributes": {"name": "web", "updatestate.new":
     "updating"}}, "scope": "swarm", "time": 0, "timeNano": 0},  # no time at all
    {"Type": "container", "Action": "exec_start: sh -c 'echo hi'", "Actor": {"ID": CID, "Attributes": {
        "execID": "e1", "name": "pydt-x"}}, "time": 1700000004, "timeNano": 1700000004999999999},
]
STREAM = b"".join(json.dumps(e).encode() + b"\n" for e in EVENTS)


@pytest.fixture
def scripted(tmp_path):
    engine = FakeEngine(str(tmp_path / "engine.sock"), {"/events": STREAM})
    yield engine
    engine.close()


def _same(mine, theirs):
    assert (mine.out_bytes, mine.err, mine.code) == (theirs.out_bytes, as_pydock(theirs.err), theirs.code)


@pytest.mark.parametrize("fmt", [
    None, "json", "{{json .}}", "{{.Type}} {{.Action}} {{.Actor.ID}}", "{{.Actor}}", "{{.}}",
    "{{.Status}}|{{.ID}}|{{.From}}|{{.Scope}}|{{.Time}}|{{.TimeNano}}",
    '{{.Actor.Attributes.name}}|{{index .Actor.Attributes "image"}}|{{.Actor.Attributes.nope}}',
    "{{json .Actor}}", "{{json .Actor.Attributes}}", "{{range $k, $v := .Actor.Attributes}}{{$k}}={{$v}};{{end}}",
    "{{printf \"%T %T %T\" .Type .Action .Actor.Attributes}}", "plain text", "{{.Action}}\\t{{.Type}}",
    "{{printf \"%T %T\" .Time .TimeNano}}",
    "{{eq .Type \"container\"}} {{len .Action}} {{slice .Action 0 2}} {{upper (print .Action)}}",
])
def test_lines_for_given_events_are_dockers(pydock, docker, scripted, fmt):
    args = ["-H", scripted.host, "events", "--until", "1s", *(["--format", fmt] if fmt else [])]
    _same(pydock(*args), docker(*args))


@pytest.mark.parametrize("tz", ["Asia/Tokyo", "America/St_Johns", "Europe/Paris", "", "<+03>-3", "JST-9"])
def test_default_lines_show_local_time(pydock, docker, scripted, tz):
    """The time of the default line is in the local zone, with nine fraction digits."""
    args = ["-H", scripted.host, "events"]
    _same(pydock(*args, env={"TZ": tz}), docker(*args, env={"TZ": tz}))


@pytest.mark.parametrize("fmt", ["{{.Actor.Attributes.name.Foo}}", "{{.Action}}:{{.Actor.Attributes.image.X}}"])
def test_template_failing_on_an_event_is_dockers(pydock, docker, scripted, fmt):
    """It passes docker's check on an empty message and fails on a real one: what came before is printed,
    then docker's deferred newline."""
    args = ["-H", scripted.host, "events", "--format", fmt]
    mine, theirs = pydock(*args), docker(*args)
    _same(mine, theirs)
    assert mine.code == 1


@pytest.mark.parametrize("fmt", ["{{upper .Action}}", "{{.Type | lower}}", "{{title .Type}}",
                                 "{{join (split .Type \"a\") \"-\"}}"])
def test_typed_strings_are_refused_by_string_functions(pydock, docker, scripted, fmt):
    """Type and Action are events.Type and events.Action, not string: Go's template refuses them (exit 64)."""
    args = ["-H", scripted.host, "events", "--format", fmt]
    mine, theirs = pydock(*args), docker(*args)
    _same(mine, theirs)
    assert mine.code == 64


def test_system_events_is_events(pydock, docker, scripted):
    mine = pydock("-H", scripted.host, "system", "events", "--until", "1s")
    assert mine.out == pydock("-H", scripted.host, "events", "--until", "1s").out != ""
    _same(mine, docker("-H", scripted.host, "system", "events", "--until", "1s"))


def _sent(engine, run, *args, env=None) -> dict:
    engine.requests.clear()
    result = run("-H", engine.host, "events", *args, env=env)
    assert result.code == 0, result.err
    [(_, _, query)] = engine.calls("/events")
    return query


@pytest.mark.parametrize("since", ["2024-01-02T13:23:37.5Z", "2024-01-02T14:23:37.999-05:30", "2024-01-02",
                                   "2024-06-30T23:59:59", "1704201817.5"])
@pytest.mark.parametrize("tz", ["UTC", "Europe/Paris"])
def test_absolute_times_are_sent_as_docker_computes_them(pydock, docker, scripted, since, tz):
    """timetypes.GetTimestamp: dates without a zone are local time; unix times pass through.
    (tests/unit/opts/test_timestamps_docker.py holds many more values docker was seen to send.)"""
    args = ("--since", since, "--until", "1s")
    mine, theirs = _sent(scripted, pydock, *args, env={"TZ": tz}), _sent(scripted, docker, *args, env={"TZ": tz})
    assert mine["since"] == theirs["since"]


@pytest.mark.parametrize("value", ["10m", "1h30m", "-10m", "1.5h", "300ms", "2h45m10.5s", "0s", "1us", "1µs"])
def test_durations_are_sent_relative_to_now(pydock, docker, scripted, value):
    mine = _sent(scripted, pydock, "--since", value, "--until", value)
    theirs = _sent(scripted, docker, "--since", value, "--until", value)
    assert mine["since"] == mine["until"]  # one reference time for both flags, as docker's
    assert "." not in mine["since"] and "." not in theirs["since"]
    assert abs(int(mine["since"]) - int(theirs["since"])) <= 2


def test_filters_are_sent_as_dockers(pydock, docker, scripted):
    args = ("--since", "1h", "--until", "1s", "--filter", "type=container", "--filter", "event=start",
            "-f", "event=die", "--filter", "label=com.x=y", "--filter", " Container = abc ", "--filter", "")
    mine, theirs = _sent(scripted, pydock, *args), _sent(scripted, docker, *args)
    assert json.loads(mine["filters"]) == json.loads(theirs["filters"]) == {
        "type": {"container": True}, "event": {"start": True, "die": True}, "label": {"com.x=y": True},
        "container": {"abc": True}}
    every = [f"--filter={key}=v" for key in ("config", "container", "daemon", "event", "image", "label", "network",
                                             "node", "plugin", "scope", "secret", "service", "type", "volume",
                                             "no-such-key")]
    mine, theirs = _sent(scripted, pydock, "--until", "1s", *every), _sent(scripted, docker, "--until", "1s", *every)
    assert json.loads(mine["filters"]) == json.loads(theirs["filters"])  # docker leaves checking keys to the engine
    assert len(json.loads(mine["filters"])) == len(every)


def test_no_window_no_filters_sends_nothing(pydock, docker, scripted):
    assert _sent(scripted, pydock) == _sent(scripted, docker) == {}


# -- the real engine ---------------------------------------------------------------------------
def _now() -> str:
    return "%.9f" % time.time()


@pytest.fixture(scope="module")
def lifecycle():
    """A container created, started, stopped and removed inside a window [since, until]."""
    label = unique("pydt-events")
    since = _now()
    time.sleep(0.05)
    cid = sh("create", "--label", label, "--name", label, "busybox", "sh", "-c", "exit 3").strip()
    sh("start", cid)
    sh("wait", cid)
    sh("rm", cid)
    time.sleep(0.05)
    until = _now()
    return {"label": label, "id": cid, "since": since, "until": until}


@pytest.mark.parametrize("extra", [
    [], ["--format", "json"], ["--format", "{{json .}}"], ["--format", "{{.Action}} {{.Actor.Attributes.exitCode}}"],
    ["--filter", "event=die"], ["--filter", "event=create", "--filter", "event=destroy"],
    ["--filter", "type=container"], ["--filter", "type=network"], ["--filter", "image=busybox"],
])
def test_window_on_the_engine_is_dockers(pydock, docker, lifecycle, extra):
    args = ("events", "--since", lifecycle["since"], "--until", lifecycle["until"], "--filter",
            f"container={lifecycle['id']}", *extra)
    mine, theirs = pydock(*args), docker(*args)
    _same(mine, theirs)
    assert mine.code == 0


def test_create_start_die_destroy_in_order(pydock, docker, lifecycle):
    args = ("system", "events", "--since", lifecycle["since"], "--until", lifecycle["until"], "--filter",
            f"label={lifecycle['label']}", "--format", "{{.Type}} {{.Action}} {{.Actor.ID}}")
    mine = pydock(*args)
    assert mine.out.splitlines() == [f"container {action} {lifecycle['id']}"
                                     for action in ("create", "start", "die", "destroy")]
    _same(mine, docker(*args))
    default = pydock("events", "--since", lifecycle["since"], "--until", lifecycle["until"], "--filter",
                     f"label={lifecycle['label']}", "--filter", "event=die")
    [line] = default.out.splitlines()
    # attributes sorted by key: "name" before the "pydt-…" label
    assert line.endswith(f" container die {lifecycle['id']} (exitCode=3, image=busybox, "
                         f"name={lifecycle['label']}, {lifecycle['label']}=)")


def test_unknown_filter_keys_go_to_the_engine_as_dockers_do(pydock, docker, lifecycle):
    """Engine 20.10 does not refuse unknown event filters; docker sends them as they are."""
    args = ("events", "--since", lifecycle["since"], "--until", lifecycle["until"], "--filter", "foo=bar",
            "--filter", f"label={lifecycle['label']}")
    _same(pydock(*args), docker(*args))


def test_streams_until_the_until_time(pydock):
    """--until in the future: the command waits for it, then ends with 0."""
    label = unique("pydt-events-until")
    started = time.time()
    mine = pydock("events", "--until", "%.3f" % (started + 2), "--filter", f"label={label}")
    assert (mine.code, mine.out, mine.err) == (0, "", "")
    assert 1.5 <= time.time() - started < 10


@pytest.mark.parametrize("argv", [
    ["--since", "2024-01-02T00:00:00Z", "--until", "2023-12-31"], ["--since", "2026-13-01"], ["--until", "1.5x"],
    ["--since", "10mx"],
    ["--until", "1700000000.abc"], ["--since", "2024-01-02T25:00:00Z"], ["--since", "2024-02-30"],
    ["--since", "T"], ["--until", "2024-01-02 12:00:00"], ["--format", "{{.Foo}}"], ["--format", "{{"],
    ["--format", "{{.Actor.Foo}}"], ["--format", "{{json .Foo}}"], ["--format", "{{.Foo}}", "--since", "xyz"],
    ["--since", "xyz", "--format", "{{"], ["x"], ["--filter", "foo"], ["--bogus"], ["-f"], ["--since", "-1.5"],
    ["--until", "2024-01-02T13:23:37+0100"], ["--since", "1.5.5"], ["--since", "2024-01-02T13:23:37.Z"],
    ["--format", "{{.Time.Foo}}"],
    ["--format", "{{upper .Type}}"], ["--since", "17."], ["--until", "1e9"], ["--since", "2024-01-02t13:23:37z"],
    ["--since", "2024-01-02T13:23:37.5z"], ["--format", "{{.Actor.Attributes | len | printf \"%d\" | upper}}x{{"],
])
def test_bad_input_is_dockers(pydock, docker, argv):
    prefix = ["system"] if argv[0] in ("x", "--bogus", "--since") else []  # `system events` now and then
    mine, theirs = pydock(*prefix, "events", *argv), docker(*prefix, "events", *argv)
    _same(mine, theirs)
    assert mine.code != 0


def test_dead_engine(pydock, docker):
    for argv in (["--until", "1s"], ["--until", "1sx"], ["--format", "{{.Foo}}"]):
        args = ("-H", "unix:///nonexistent.sock", "events", *argv)
        _same(pydock(*args), docker(*args))


@pytest.mark.parametrize("command", ["events", "system events"])
def test_help_is_dockers(pydock, docker, command):
    mine, theirs = pydock(*command.split(), "--help"), docker(*command.split(), "--help")
    assert (mine.out.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.code)


def _follow(argv: list[str], label: str, ignored=()):
    """Start `events` for one label (with the `ignored` signals ignored from the start, as a shell
    does for a `cmd &` job); return the process once it listens (a probe event has arrived).
    Its stdout is unbuffered (bufsize=0: readline takes one line and leaves the rest in the pipe), so
    select() on it sees every line not yet read; a buffered reader could hold the next one unseen."""
    import signal
    import subprocess

    def ignore():
        for signum in ignored:
            signal.signal(signum, signal.SIG_IGN)

    process = subprocess.Popen([*argv, "events", "--filter", f"label={label}", "--format",
                                "{{.Action}} {{.Actor.ID}}"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=ignore, bufsize=0)
    deadline = time.time() + 20
    while time.time() < deadline:
        sh("rm", sh("create", "--label", label, "busybox").strip())  # events it sees once it listens
        import select

        if select.select([process.stdout], [], [], 0.5)[0]:
            process.stdout.readline()
            return process
    process.kill()
    raise AssertionError("events never started")


@pytest.mark.parametrize("cli", ["pydock", "docker"])
def test_each_event_is_flushed_at_once_and_ctrl_c_ends_with_130(cli):
    """`pydock events | grep` works live: a line arrives while the command still runs; SIGINT ends it
    with docker's 130 and nothing on stderr."""
    import select
    import signal

    from tests.conftest import DOCKER, PYDOCK

    label, container = unique("pydt-events-live"), ""
    process = _follow(PYDOCK if cli == "pydock" else [DOCKER], label)
    try:
        container = sh("create", "--label", label, "busybox").strip()
        lines = []
        while f"create {container}\n".encode() not in lines:  # after what is left of the probes
            assert select.select([process.stdout], [], [], 30)[0], "no line while the command runs"
            lines.append(process.stdout.readline())
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 130
        assert process.stderr.read() == b""
    finally:
        process.kill()
        sh("rm", container, check=False)


@pytest.mark.parametrize("cli", ["pydock", "docker"])
@pytest.mark.parametrize("signame, status", [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_termination_signal_ignored_since_start_still_ends_it(cli, signame, status):
    """`pydock events &` in a script starts with SIGINT ignored; docker's signal.Notify takes it back,
    so `kill -INT` ends it with 130 (SIGTERM: 143) instead of leaving it running."""
    import signal

    from tests.conftest import DOCKER, PYDOCK

    signum = getattr(signal, signame)
    process = _follow(PYDOCK if cli == "pydock" else [DOCKER], unique("pydt-events-ign"), ignored=(signum,))
    try:
        process.send_signal(signum)
        assert process.wait(timeout=10) in (status, -signum)
        assert process.stderr.read() == b""
    finally:
        process.kill()


@pytest.mark.parametrize("cli", ["pydock", "docker"])
def test_a_closed_pipe_ends_it_as_docker(cli):
    """The reader goes away (`pydock events | head -1`): the next event ends the command by SIGPIPE."""
    from tests.conftest import DOCKER, PYDOCK

    label = unique("pydt-events-pipe")
    process = _follow(PYDOCK if cli == "pydock" else [DOCKER], label)
    try:
        process.stdout.close()
        for _ in range(3):
            sh("rm", sh("create", "--label", label, "busybox").strip())
        assert process.wait(timeout=10) == -13
        assert process.stderr.read() == b""
    finally:
        process.kill()
