"""A broken config.json or context against the real docker CLI: the same warning or error, the same outcome."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pydock.config.contexts import meta_path
from tests.integration.oracle import assert_same


@pytest.mark.parametrize("content", ["{bad", '{"psFormat": 5, "detachKeys": "ctrl-x"}', "[1]",
                                     '{"auths": {"r": {"auth": "Zm9v"}}}'])
def test_broken_config_warns_and_goes_on(pydock, docker, tmp_path, content):
    (tmp_path / "config.json").write_text(content)
    args = ("--config", str(tmp_path), "ps", "-q", "--filter", "name=pydt-config-nothing-matches")
    mine, theirs = pydock(*args), docker(*args)
    assert theirs.err.startswith("WARNING: Error parsing config file") and theirs.code == 0
    assert_same(mine, theirs)


@pytest.mark.parametrize("meta", ['{"Name": "pydt-broken", "Endpoints": {"docker": {"Host": 5}}}',
                                  '{"Name": "pydt-broken", "Endpoints": {}}', "{"])
def test_broken_context_fails_to_initialize(pydock, docker, tmp_path, meta):
    path = Path(meta_path(str(tmp_path), "pydt-broken"))
    path.parent.mkdir(parents=True)
    path.write_text(meta)
    args = ("--config", str(tmp_path), "--context", "pydt-broken", "ps")
    mine, theirs = pydock(*args), docker(*args)
    assert theirs.err.startswith("Failed to initialize") and theirs.code == 1
    assert_same(mine, theirs)


def test_case_insensitive_keys_apply(pydock, docker, tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"PSFORMAT": "{{.ID}}"}))
    args = ("--config", str(tmp_path), "ps", "--filter", "name=pydt-config-nothing-matches")
    assert_same(pydock(*args), docker(*args))
