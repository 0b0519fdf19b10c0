"""The resolver on the real command tree (built from the declarations): what each position offers.
Engine kinds are answered by a lookup that records what it was asked (the engine side is tested in
tests/integration/test_completion.py)."""
from __future__ import annotations

import pytest

from pydock.cli.completion.resolve import DIRS_ONLY, FILES_TOO, NO_FILES, NO_SPACE, complete, global_flags
from pydock.cli.completion.tree import build_tree


@pytest.fixture(scope="module")
def tree():
    return build_tree()


class Asked:
    """A lookup that answers every kind with two objects named after it, and remembers the kinds."""

    def __init__(self):
        self.kinds = []

    def __call__(self, kind, prefix):
        self.kinds.append(kind)
        return [(f"{kind}-one", "first"), (f"{kind}-two", "")]


def values(words, tree, lookup=None):
    answer = complete(words, tree, lookup or Asked())
    return [value for value, _ in answer.candidates], answer.directive


def test_commands_at_the_root_with_their_summaries(tree):
    answer = complete(["st"], tree, Asked())
    assert [v for v, _ in answer.candidates] == ["start", "stats", "stop"]
    assert all(text for _, text in answer.candidates)
    assert answer.directive == NO_FILES


def test_subcommands_and_an_alias_only_when_no_name_matches(tree):
    assert values(["network", ""], tree)[0] == ["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"]
    assert values(["container", "li"], tree)[0] == ["list"]
    assert values(["image", "rm"], tree)[0] == ["rm"]


def test_flags_long_and_short_not_offered_twice(tree):
    found, _ = values(["ps", "-"], tree)
    assert "--all" in found and "-a" in found and "--help" in found
    found, _ = values(["ps", "-a", "--"], tree)
    assert "--all" not in found and "--filter" in found and "-q" not in found
    found, _ = values(["ps", "-a", "-"], tree)
    assert "-a" not in found and "--all" not in found


def test_a_repeatable_flag_is_offered_again(tree):
    found, _ = values(["run", "-e", "A=1", "--e"], tree)
    assert "--env" in found and "--env-file" in found


def test_fixed_choices_after_the_flag_and_after_equals(tree):
    assert values(["run", "--restart", ""], tree)[0] == ["no", "always", "on-failure", "unless-stopped"]
    assert values(["run", "--restart=on"], tree)[0] == ["--restart=on-failure"]
    assert values(["run", "--pull", "m"], tree)[0] == ["missing"]
    assert "json" in values(["ps", "--format", ""], tree)[0]
    assert values(["--log-level", "w"], tree)[0] == ["warn"]


def test_filter_keys_then_values(tree):
    keys, directive = values(["ps", "--filter", ""], tree)
    assert "status=" in keys and "label=" in keys and directive & NO_SPACE
    assert values(["ps", "--filter", "status=ru"], tree)[0] == ["status=running"]
    assert values(["ps", "-f", "status=e"], tree)[0] == ["status=exited"]
    assert values(["images", "--filter=dangling="], tree)[0] == ["--filter=dangling=true", "--filter=dangling=false"]


def test_engine_objects_by_kind(tree):
    for words, kind in [(["rm", ""], "container:removable"), (["rm", "-f", ""], "container"),
                        (["stop", ""], "container:live"), (["kill", ""], "container:live"),
                        (["start", ""], "container:stopped"), (["unpause", ""], "container:paused"),
                        (["exec", ""], "container:running"), (["rmi", ""], "image"), (["run", ""], "image"),
                        (["network", "rm", ""], "network"), (["volume", "rm", ""], "volume"),
                        (["--context", ""], "context"), (["-c", ""], "context")]:
        lookup = Asked()
        found, _ = values(words, tree, lookup)
        assert lookup.kinds == [kind], words
        assert found == [f"{kind}-one", f"{kind}-two"]


def test_positions_differ(tree):
    lookup = Asked()
    values(["network", "connect", "net", ""], tree, lookup)
    assert lookup.kinds == ["container"]
    lookup = Asked()
    assert values(["run", "alpine", ""], tree, lookup) == ([], NO_FILES)  # the container's own command
    assert values(["run", "alpine", "-"], tree, lookup) == ([], NO_FILES)
    assert lookup.kinds == []


def test_flag_values_that_are_paths(tree):
    assert values(["run", "--env-file", ""], tree) == ([], 0)  # the shell's file names
    assert values(["build", ""], tree) == ([], DIRS_ONLY)
    assert values(["save", "-o", ""], tree)[1] == 0


def test_cp_offers_containers_with_a_colon_and_local_files(tree):
    found, directive = values(["cp", "cp"], tree)
    assert found == ["cp-path-one:", "cp-path-two:"] and directive & NO_SPACE and directive & FILES_TOO
    found, directive = values(["cp", "box:"], tree)
    assert found == ["box:/"] and directive & NO_SPACE


def test_signals(tree):
    found, _ = values(["kill", "-s", "TE"], tree)
    assert found == ["TERM"]
    assert "SIGKILL" in values(["kill", "--signal", "SIGK"], tree)[0]


def test_network_mode_offers_modes_and_names(tree):
    found, directive = values(["run", "--network", ""], tree)
    assert found[:4] == ["bridge", "host", "none", "container:"] and "network-mode-one" in found
    assert directive & NO_SPACE


def test_global_flags_choose_the_engine(tree):
    assert global_flags(["-H", "tcp://h:1", "--context=x", "rm", ""], tree) == {"--host": "tcp://h:1", "--context": "x"}
    assert global_flags(["--tls", "ps", "-a", ""], tree) == {"--tls": True}


def test_after_double_dash_no_flags(tree):
    found, _ = values(["logs", "--", ""], tree)
    assert found == ["container-one", "container-two"]


def test_unknown_words_offer_nothing(tree):
    assert values(["bogus", ""], tree) == ([], NO_FILES)
    assert values(["ps", "--bogus="], tree) == ([], NO_FILES)
    assert values(["ps", "--filter", "bogus="], tree) == ([], NO_FILES)


def test_hidden_commands_are_not_offered(tree):
    found, _ = values([""], tree)
    assert "__complete" not in found and "completion" in found and "run" in found


def test_inspect_offers_any_object_or_the_type_given(tree):
    lookup = Asked()
    values(["inspect", ""], tree, lookup)
    values(["inspect", "--type", "network", ""], tree, lookup)
    values(["inspect", "--type=volume", "x", ""], tree, lookup)
    values(["inspect", "--type", "bogus", ""], tree, lookup)
    assert lookup.kinds == ["object", "network", "volume", "object"]


def test_cp_destination_after_a_container_source_is_local(tree):
    assert values(["cp", "box:/etc", ""], tree) == ([], 0)


def test_another_containers_namespace(tree):
    found, _ = values(["run", "--network", "container:"], tree)
    assert found == ["container:container:running-one", "container:container:running-two"]
    found, _ = values(["run", "--pid=container:"], tree)
    assert found == ["--pid=container:container:running-one", "--pid=container:container:running-two"]


def test_environment_names(tree, monkeypatch):
    monkeypatch.setenv("PYDOCK_TEST_VARIABLE", "1")
    assert values(["run", "-e", "PYDOCK_TEST_V"], tree)[0] == ["PYDOCK_TEST_VARIABLE"]
