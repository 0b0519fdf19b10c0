"""`network` commands against a mocked engine: listings, removal, prune (cases from docker/cli's tests)."""
from __future__ import annotations

import json

import pytest

from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import BASE, Run

NET = {"Name": "network_1", "Id": "123454321", "Driver": "09.7.01", "Scope": "global",
       "Created": "2025-01-02T03:04:05.123456789Z", "Labels": {"a": "1"}, "Internal": True}


def test_ls_default_table(run, httpx_mock):  # docker/cli network-list.golden
    from pydock.cli.commands.network import ls

    httpx_mock.add_response(url=f"{BASE}/networks?filters=%7B%22image.name%22%3A%7B%22ubuntu%22%3Atrue%7D%7D",
                            json=[NET])
    assert run(ls, "--filter", "image.name=ubuntu") == (
        "NETWORK ID   NAME        DRIVER    SCOPE\n123454321    network_1   09.7.01   global\n")


def test_ls_sorts_names_naturally(run, httpx_mock):  # network-list-sort.golden
    from pydock.cli.commands.network import ls

    httpx_mock.add_response(url=f"{BASE}/networks", json=[{"Name": n} for n in
                                                          ("network-2-foo", "network-1-foo", "network-10-foo")])
    assert run(ls, "--format", "{{ .Name }}") == "network-1-foo\nnetwork-2-foo\nnetwork-10-foo\n"


def test_ls_fields_truncation_and_json(run, httpx_mock):
    from pydock.cli.commands.network import ls

    row = {**NET, "Id": "f" * 64}
    httpx_mock.add_response(url=f"{BASE}/networks", json=[row], is_reusable=True)
    assert run(ls, "--format", "{{.ID}} {{.IPv4}} {{.IPv6}} {{.Internal}} {{.Labels}} {{.CreatedAt}}") == (
        "ffffffffffff false false true a=1 2025-01-02 03:04:05.123456789 +0000 UTC\n")
    assert json.loads(Run(run.env.config_dir)(ls, "--no-trunc", "--format", "json")) == {
        "CreatedAt": "2025-01-02 03:04:05.123456789 +0000 UTC", "Driver": "09.7.01", "ID": "f" * 64,
        "IPv4": "false", "IPv6": "false", "Internal": "true", "Labels": "a=1", "Name": "network_1", "Scope": "global"}


def test_quiet_keeps_a_custom_format_silently_and_ignores_the_config_format(tmp_path, httpx_mock):
    from pydock.cli.commands.network import ls

    (tmp_path / "config.json").write_text('{"networksFormat": "{{.Name}} from config"}')
    httpx_mock.add_response(url=f"{BASE}/networks", json=[NET], is_reusable=True)
    run = Run(tmp_path)
    assert run(ls) == "network_1 from config\n"
    assert Run(tmp_path)(ls, "-q") == "123454321\n"
    quiet = Run(tmp_path)
    assert quiet(ls, "-q", "--format", "{{.Driver}}") == "09.7.01\n" and quiet.err == ""


def test_a_bad_template_fails_only_on_a_row(run, httpx_mock):
    from pydock.cli.commands.network import ls

    httpx_mock.add_response(url=f"{BASE}/networks", json=[], is_reusable=True)
    assert run(ls, "--format", "{{.Nope}}") == ""  # docker checks nothing before it has rows
    httpx_mock.add_response(url=f"{BASE}/networks?filters=%7B%22name%22%3A%7B%22x%22%3Atrue%7D%7D", json=[NET])
    with pytest.raises(StatusError) as info:
        Run(run.env.config_dir)(ls, "-f", "name=x", "--format", "{{.Nope}}")
    assert info.value.message == ('template parsing error: template: :1:2: executing "" at <.Nope>: '
                                  "can't evaluate field Nope in type *network.networkContext")


def test_rm_prints_in_argument_order_and_force_hides_missing_ones(run, httpx_mock):
    from pydock.cli.commands.network import rm

    for name in ("a", "b", "c"):
        status = 404 if name == "b" else 200
        httpx_mock.add_response(method="GET", url=f"{BASE}/networks/{name}", status_code=status,
                                json={"Name": name, "Ingress": False} if status == 200 else {"message": "x"})
        httpx_mock.add_response(method="DELETE", url=f"{BASE}/networks/{name}", status_code=404 if name == "b" else 204,
                                json={"message": f"network {name} not found"} if name == "b" else None)
    assert run(rm, "-f", "a", "b", "c") == "a\nc\n" and run.err == ""


def test_rm_reports_each_failure_then_exit_status(run, httpx_mock):
    from pydock.cli.commands.network import rm

    httpx_mock.add_response(method="GET", url=f"{BASE}/networks/a", status_code=404, json={"message": "x"})
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/networks/a", status_code=403,
                            json={"message": "a has active endpoints"})
    with pytest.raises(StatusError) as info:
        run(rm, "a")
    assert (run.err, info.value.message) == ("Error response from daemon: a has active endpoints\n", "exit status 1")


def test_rm_of_an_ingress_network_asks_first(tmp_path, httpx_mock):
    from pydock.cli.commands.network import INGRESS_WARNING, rm

    run = Run(tmp_path, stdin="n\n")
    httpx_mock.add_response(method="GET", url=f"{BASE}/networks/a", json={"Name": "a", "Ingress": False})
    httpx_mock.add_response(method="GET", url=f"{BASE}/networks/ingress", json={"Name": "ingress", "Ingress": True})
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/networks/a", status_code=204)
    assert run(rm, "a", "ingress") == f"a\n{INGRESS_WARNING} [y/N] "  # refused: ingress is kept


@pytest.mark.parametrize("answer, deleted, expected", [
    ("y\n", ["n1", "n2"], "Deleted Networks:\nn1\nn2\n\n"),
    ("y\n", [], ""),
    ("n\n", None, ""),
])
def test_prune_prompt_and_output(tmp_path, httpx_mock, answer, deleted, expected):
    from pydock.cli.commands.network import PRUNE_WARNING, prune

    run = Run(tmp_path, stdin=answer)
    if deleted is not None:
        httpx_mock.add_response(method="POST", url=f"{BASE}/networks/prune?filters=%7B%22label%22%3A%7B%22x%22%3A"
                                "true%7D%7D", json={"NetworksDeleted": deleted or None})
    assert run(prune, "--filter", "label=x") == f"{PRUNE_WARNING} [y/N] " + expected


def test_prune_adds_the_configured_prune_filters(tmp_path, httpx_mock):
    from pydock.cli.commands.network import prune

    (tmp_path / "config.json").write_text('{"pruneFilters": ["label=keep", "until=24h"]}')
    httpx_mock.add_response(method="POST", json={})
    httpx_mock.add_response(method="POST", json={})
    Run(tmp_path)(prune, "-f")
    Run(tmp_path)(prune, "-f", "--filter", "label!=other")
    first, second = (json.loads(r.url.params["filters"]) for r in httpx_mock.get_requests())
    # docker 28 (seen on a recording engine): a configured label=v counts only beside a label! flag
    assert first == {"until": {"24h": True}}
    assert second == {"label": {"keep": True}, "label!": {"other": True}, "until": {"24h": True}}
