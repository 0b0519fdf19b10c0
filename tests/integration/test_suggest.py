"""Help that guides: after docker's own error, on a terminal only, one line naming what was probably meant
(an unknown command, subcommand or flag; a misspelt container, image, network or volume). In a pipe,
stderr and the exit status are docker's to the byte; on a terminal, docker's text comes first, unchanged."""
from __future__ import annotations

import uuid

import pexpect
import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.oracle import as_pydock, assert_same, sh


def on_terminal(argv: list[str]) -> tuple[bytes, int]:
    """Run `argv` with a pseudo-terminal as stdin, stdout and stderr: (all it wrote, exit status)."""
    child = pexpect.spawn(argv[0], argv[1:], timeout=60, dimensions=(30, 100))
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    return output, child.exitstatus


def compare_on_terminal(args: list[str], hint: str | None) -> None:
    """pydock writes on a terminal what docker writes, then `hint` (when given) on a line of its own;
    the exit status is docker's."""
    mine, my_status = on_terminal(PYDOCK + args)
    theirs, their_status = on_terminal([DOCKER, *args])
    assert my_status == their_status
    expected = as_pydock(theirs.decode()) + (f"{hint}\r\n" if hint else "")
    assert mine.decode() == expected


@pytest.mark.parametrize(("args", "hint"), [
    (["pss"], "Did you mean: ps, push?"),
    (["network", "lss"], "Did you mean: ls?"),
    (["container", "remvoe", "x"], "Did you mean: rm?"),
    (["ps", "--alll"], "Did you mean: --all?"),
    (["ps", "-A"], "Did you mean: -a?"),
    (["ps", "-X"], None),  # nothing close: docker's text alone
    (["network", "ls", "--fitler", "x"], "Did you mean: --filter?"),
])
def test_unknown_words(pydock, docker, args, hint):
    assert_same(pydock(*args), docker(*args))
    compare_on_terminal(args, hint)


@pytest.fixture(scope="module")
def objects():
    """A container, a network, a volume and an image tag, with names no other test comes near."""
    base = f"pydt-sug{uuid.uuid4().hex[:8]}"
    made = {"container": f"{base}-web", "network": f"{base}-net", "volume": f"{base}-vol", "image": f"{base}-img:1"}
    sh("run", "-d", "--name", made["container"], "alpine", "sleep", "300")
    sh("network", "create", made["network"])
    sh("volume", "create", made["volume"])
    sh("tag", "alpine", made["image"])
    yield made
    sh("rm", "-f", made["container"], check=False)
    sh("network", "rm", made["network"], check=False)
    sh("volume", "rm", made["volume"], check=False)
    sh("rmi", made["image"], check=False)


def misspelt(name: str) -> str:
    """The name with the first two letters of its last word swapped ("-web" -> "-ewb", "-img:1" ->
    "-mig:1"): two edits away, and no prefix of it."""
    head, word = name.rsplit("-", 1)
    return f"{head}-{word[1]}{word[0]}{word[2:]}"


@pytest.mark.parametrize(("args", "kind"), [
    (["rm", "{}"], "container"),
    (["logs", "{}"], "container"),
    (["exec", "{}", "true"], "container"),
    (["stop", "-t", "0", "{}"], "container"),
    (["start", "{}"], "container"),
    (["inspect", "{}"], "container"),  # "No such object": every kind is searched
    (["container", "inspect", "{}"], "container"),
    (["network", "rm", "{}"], "network"),  # printed by the command itself, then `exit status 1`
    (["network", "inspect", "{}"], "network"),
    (["volume", "rm", "{}"], "volume"),
    (["rmi", "{}"], "image"),
])
def test_misspelt_object_names(pydock, docker, objects, args, kind):
    wrong = misspelt(objects[kind])
    argv = [a.format(wrong) for a in args]
    assert_same(pydock(*argv), docker(*argv))
    compare_on_terminal(argv, f"Did you mean: {objects[kind]}?")


def test_several_misspelt_names_get_one_line(pydock, docker, objects):
    argv = ["rm", misspelt(objects["container"]), "pydt-nothing-near-this", misspelt(objects["volume"])]
    assert_same(pydock(*argv), docker(*argv))
    compare_on_terminal(argv, f"Did you mean: {objects['container']} (for {misspelt(objects['container'])})?")


def test_an_image_is_suggested_as_it_is_typed(pydock, docker):
    """alpine (the test bed's) is tagged latest: `inspect alpien` offers `alpine`, `rmi alpien` the tag
    the engine's message names."""
    assert_same(pydock("inspect", "alpien"), docker("inspect", "alpien"))
    compare_on_terminal(["inspect", "alpien"], "Did you mean: alpine?")
    compare_on_terminal(["rmi", "alpien"], "Did you mean: alpine:latest?")


def test_nothing_close_adds_nothing(objects):
    compare_on_terminal(["rm", "pydt-zzzzzzzzzzzz-nothing-near"], None)
