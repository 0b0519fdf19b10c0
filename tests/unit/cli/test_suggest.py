"""Suggestions after a mistake: cobra's rule (Levenshtein distance <= 2, or a prefix), the words of the
command tree, the names in the engine's not-found errors; a terminal only."""
from __future__ import annotations

import io
import time

import pytest

from pydock.cli import main, suggest
from pydock.cli.errors import UsageFailure
from pydock.transport.errors import DaemonUnreachable


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("", "", 0), ("ps", "", 2), ("", "ps", 2), ("ps", "ps", 0), ("PS", "ps", 0), ("pss", "ps", 1),
    ("kitten", "sitting", 3), ("lsit", "list", 2), ("stpo", "stop", 2), ("network", "netwrok", 2),
])
def test_distance_is_levenshtein_with_case_ignored(a, b, expected):
    assert suggest.distance(a, b) == expected == suggest.distance(b, a)


COMMANDS = ["attach", "build", "ps", "pull", "push", "run", "start", "stats", "stop", "tag", "version"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("pss", ["ps", "push"]),  # distance 1, then 2
    ("sta", ["start", "stats", "stop", "tag"]),  # the prefixes first, then distance 2, by name
    ("verison", ["version"]),
    ("VERSION", ["version"]),  # case ignored, as cobra does
    ("bulid", ["build"]),
    ("xyzzy", []),
    ("", []),  # nothing is near an empty word
])
def test_nearest_follows_cobras_rule_prefixes_first(typed, expected):
    assert suggest.nearest(typed, COMMANDS) == expected


def test_nearest_never_offers_the_word_itself_and_stops_at_the_limit():
    assert "ps" not in suggest.nearest("ps", COMMANDS)
    names = [f"web-{i}" for i in range(20)]
    assert suggest.nearest("web", names) == ["web-0", "web-1", "web-2", "web-3", "web-4"]  # nearest prefixes
    assert suggest.nearest("web", names, limit=2) == ["web-0", "web-1"]


FLAGS = ["--all", "--filter", "--format", "--help", "--last", "--latest", "-a", "-f", "-l", "-n", "-q"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("--alll", ["--all"]),
    ("--lates", ["--latest"]),  # a prefix; --last is 3 edits away
    ("--fromat", ["--format"]),
    ("--bogus", []),
    ("-A", ["-a"]),  # a shorthand: only the same letter in the other case
    ("-X", []),  # any other letter is within distance 2 of it, which says nothing
])
def test_flag_names(typed, expected):
    assert suggest.flag_names(typed, FLAGS) == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("Error response from daemon: No such container: wbe", [("container", "wbe")]),
    ("Error response from daemon: Cannot kill container: wbe: No such container: wbe", [("container", "wbe")]),
    ("Error response from daemon: No such image: alpin:latest", [("image", "alpin:latest")]),
    ("Error response from daemon: no such image: alpin: No such image: alpin:latest", [("image", "alpin:latest")]),
    ("Error response from daemon: network nett not found\nexit status 1", [("network", "nett")]),
    ("Error response from daemon: get vl: no such volume", [("volume", "vl")]),
    ("Error: No such object: wbe", [("object", "wbe")]),
    ("Error response from daemon: No such container: a\nError response from daemon: No such container: b\n"
     "Error: failed to start containers: a, b", [("container", "a"), ("container", "b")]),
    ("Error response from daemon: No such container: a\nError response from daemon: No such container: a",
     [("container", "a")]),
    ("Error response from daemon: conflict: unable to delete", []),
])
def test_missing_objects_read_from_docker_and_engine_errors(message, expected):
    assert suggest.missing_objects(message) == expected


class Engine:
    """What the hint asks of the API: lists of each kind (as the engine returns them)."""

    def __init__(self, delay: float = 0.0, fail: bool = False):
        self.delay, self.fail = delay, fail
        self.containers, self.images, self.networks, self.volumes = self, self, self, self
        self.kind = None

    def list(self, **kwargs):
        time.sleep(self.delay)
        if self.fail:
            raise DaemonUnreachable("unix:///nowhere")
        return {"containers": [{"Names": ["/web-1"]}, {"Names": ["/web-2"]}, {"Names": ["/db"]}],
                "images": [{"RepoTags": ["alpine:latest", "busybox:latest"]}, {"RepoTags": ["<none>:<none>"]},
                           {"RepoTags": None}],
                "networks": [{"Name": "bridge"}, {"Name": "backend"}],
                "volumes": {"Volumes": [{"Name": "data"}], "Warnings": None}}[self.kind]


class Api:
    def __init__(self, **kwargs):
        for kind in ("containers", "images", "networks", "volumes"):
            engine = Engine(**kwargs)
            engine.kind = kind
            setattr(self, kind, engine)


@pytest.mark.parametrize(("message", "expected"), [
    ("Error response from daemon: No such container: web", "Did you mean: web-1, web-2, db?"),  # prefixes first
    ("Error response from daemon: No such container: dbb", "Did you mean: db?"),
    ("Error response from daemon: No such image: alpin:latest", "Did you mean: alpine:latest?"),
    ("Error response from daemon: network backnd not found\nexit status 1", "Did you mean: backend?"),
    ("Error response from daemon: get dta: no such volume", "Did you mean: data?"),
    ("Error: No such object: bridg", "Did you mean: bridge?"),  # every kind
    ("Error: No such object: alpien", "Did you mean: alpine?"),  # an image tagged latest, as it is typed
    ("Error response from daemon: No such container: wbe-1\nError response from daemon: No such container: dbx\n"
     "Error response from daemon: No such container: zzzzzz", "Did you mean: web-1 (for wbe-1), db (for dbx)?"),
    ("Error response from daemon: No such container: zzzzzz", None),
    ("Error response from daemon: No such container: <none>:<none>", None),
    ("Error response from daemon: something else", None),
])
def test_object_hint_names_the_nearest_existing_objects(message, expected):
    assert suggest.object_hint(message, Api()) == expected


def test_no_hint_when_the_engine_cannot_say_or_is_slow():
    assert suggest.object_hint("Error response from daemon: No such container: web", Api(fail=True)) is None
    start = time.monotonic()
    assert suggest.names_within(Api(delay=2), ["container"], timeout=0.2) is None
    assert time.monotonic() - start < 1


def test_word_hint_from_a_usage_failure():
    failure = UsageFailure("pydock: unknown command: pydock pss", "pydock", "", 1, typed="pss",
                           candidates=("ps", "push", "run"))
    assert suggest.hint_for(failure, None) == "Did you mean: ps, push?"
    assert suggest.hint_for(UsageFailure("x", "pydock", "", 1), None) is None


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(("argv", "hint", "code"), [
    (["pss"], "Did you mean: ps, push?", 1),
    (["network", "lss"], "Did you mean: ls?", 1),
    (["container", "remvoe"], "Did you mean: rm?", 1),  # an alias, named by its command
    (["imagse"], "Did you mean: image, images?", 1),  # a group and a shortcut
    (["ps", "--alll"], "Did you mean: --all?", 125),
    (["ps", "-A"], "Did you mean: -a?", 125),
    (["--hots", "ps"], "Did you mean: --host?", 125),
    (["ps", "-X"], None, 125),
    (["xyzzy"], None, 1),
])
def test_unknown_words_get_a_hint_on_a_terminal_only(monkeypatch, argv, hint, code):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert main.run(argv, prog="pydock") == code
    import sys

    plain = sys.stderr.getvalue()
    assert "Did you mean" not in plain
    monkeypatch.setattr("sys.stderr", Terminal())
    assert main.run(argv, prog="pydock") == code
    shown = sys.stderr.getvalue()
    assert shown == plain + (f"{hint}\n" if hint else "")
