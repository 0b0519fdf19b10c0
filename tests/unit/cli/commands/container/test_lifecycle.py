"""stop/kill/rm/rename/update/prune: the requests they send and what they print, against a mocked engine."""
from __future__ import annotations

import json

import pytest

from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import BASE, Run, query


def test_stop_sends_timeout_and_drops_signal_before_1_42(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import stop

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/stop?t=3", status_code=204)
    assert run(stop, "-t", "3", "-s", "SIGUSR1", "a") == "a\n"


def test_stop_sends_signal_from_1_42(tmp_path, httpx_mock):
    from pydock.cli.commands.container.lifecycle import stop

    run = Run(tmp_path, api_version="1.42")
    httpx_mock.add_response(method="POST", url="http://docker/v1.42/containers/a/stop?signal=SIGUSR1",
                            status_code=204)
    assert run(stop, "-s", "SIGUSR1", "a") == "a\n"


def test_stop_reports_each_failure_after_the_successes(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import stop

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/stop", status_code=204)
    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/b/stop", status_code=404,
                            json={"message": "No such container: b"})
    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/c/stop", status_code=204)
    with pytest.raises(StatusError) as info:
        run(stop, "a", "b", "c")
    assert run.env.stdout.getvalue() == "a\nc\n"
    assert (info.value.message, info.value.status) == ("Error response from daemon: No such container: b", 1)


def test_deprecated_time_flag_warns_on_stdout(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import restart

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/restart?t=0", status_code=204)
    assert run(restart, "--time", "0", "a") == "Flag --time has been deprecated, use --timeout instead\na\n"


def test_kill_passes_the_signal_as_given(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import kill

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/kill?signal=HUP", status_code=204)
    assert run(kill, "-s", "HUP", "a") == "a\n"


def test_rm_flags(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import rm

    httpx_mock.add_response(method="DELETE", url=f"{BASE}/containers/a?v=1&force=1&link=1", status_code=204)
    assert run(rm, "-fvl", "/a/") == "/a/\n"


def test_rm_force_of_a_missing_container_is_not_a_failure(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import rm

    httpx_mock.add_response(method="DELETE", url=f"{BASE}/containers/a?force=1", status_code=204)
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/containers/b?force=1", status_code=404,
                            json={"message": "No such container: b"})
    assert run(rm, "-f", "a", "b") == "a\n"
    assert run.err == "Error response from daemon: No such container: b\n"


def test_rm_of_an_empty_name(run):
    from pydock.cli.commands.container.lifecycle import rm

    with pytest.raises(StatusError, match="^container name cannot be empty$"):
        run(rm, "/")


def test_rename_prints_the_engine_error_then_its_own(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import rename

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/rename?name=b", status_code=409,
                            json={"message": "Conflict."})
    with pytest.raises(StatusError, match="^Error: failed to rename container named a$"):
        run(rename, "a", "b")
    assert run.err == "Error response from daemon: Conflict.\n"


def test_update_body(run, httpx_mock):
    from pydock.cli.commands.container.lifecycle import update

    httpx_mock.add_response(method="POST", url=f"{BASE}/containers/a/update", json={"Warnings": ["w1"]})
    out = run(update, "--cpus", "1.5", "-m", "64m", "--memory-swap", "-1", "--pids-limit", "10",
              "--restart", "on-failure:3", "--cpuset-cpus", "0", "--blkio-weight", "300", "a")
    body = json.loads(httpx_mock.get_request().content)
    assert out == "a\nw1\n"
    assert body["NanoCpus"] == 1_500_000_000 and body["Memory"] == 64 * 1024 * 1024
    assert body["MemorySwap"] == -1 and body["PidsLimit"] == 10 and body["CpusetCpus"] == "0"
    assert body["BlkioWeight"] == 300 and body["CPUShares"] == 0
    assert body["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 3}


def test_prune_asks_first_and_stops_on_no(tmp_path, httpx_mock):
    from pydock.cli.commands.container.lifecycle import prune

    run = Run(tmp_path, stdin="n\n")
    assert run(prune) == "WARNING! This will remove all stopped containers.\n" \
                         "Are you sure you want to continue? [y/N] "
    assert not httpx_mock.get_requests()


def test_prune_with_filters_and_config_filters(tmp_path, httpx_mock):
    from pydock.cli.commands.container.lifecycle import prune

    (tmp_path / "config.json").write_text(json.dumps({"pruneFilters": ["label=x", "label!=keep", "until=1h"]}))
    run = Run(tmp_path, stdin="y\n")
    httpx_mock.add_response(method="POST", json={"ContainersDeleted": ["c1", "c2"], "SpaceReclaimed": 2048})
    out = run(prune, "--filter", "label=keep")
    filters = json.loads(query(httpx_mock.get_request())["filters"])
    # docker 28 (measured against a recording engine): a configured label=x needs a label! flag beside it
    assert filters == {"label": {"keep": True}, "until": {"1h": True}}
    assert out.endswith("[y/N] Deleted Containers:\nc1\nc2\n\nTotal reclaimed space: 2.048kB\n")


@pytest.mark.parametrize("flags, configured, expected", [
    ({"label!": {"a": True}}, ["label=x"], {"label!": {"a": True}, "label": {"x": True}}),
    ({"label!": {"x": True}}, ["label=x"], {"label!": {"x": True}}),
    ({}, ["label=x", "label!=y"], {}),
    ({"label": {"a": True}}, ["label!=y", "until=1h", "bad"], {"label": {"a": True}, "label!": {"y": True},
                                                              "until": {"1h": True}}),
])
def test_config_prune_filters_merge_as_docker_28(flags, configured, expected):
    from pydock.cli.batch import merge_prune_filters

    assert merge_prune_filters(flags, configured) == expected
