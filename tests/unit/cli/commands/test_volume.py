"""`volume` commands against a mocked engine: listings, inspect, prune (cases from docker/cli's tests)."""
from __future__ import annotations

import json

import pytest

from pydock.cli.errors import StatusError
from tests.unit.cli.commands.container.harness import BASE, Run

VOLUMES = {"Volumes": [{"Name": "volume", "Driver": "local"}, {"Name": "foo", "Driver": "bar"},
                       {"Name": "baz", "Driver": "local", "Labels": {"foo": "bar"}}], "Warnings": None}


def test_ls_default_table(run, httpx_mock):  # docker/cli volume-list-without-format.golden
    from pydock.cli.commands.volume import ls

    httpx_mock.add_response(url=f"{BASE}/volumes", json=VOLUMES)
    assert run(ls) == "DRIVER    VOLUME NAME\nlocal     baz\nbar       foo\nlocal     volume\n"


def test_ls_format_flag_and_config_format(tmp_path, httpx_mock):  # volume-list-with-(config-)format.golden
    from pydock.cli.commands.volume import ls

    httpx_mock.add_response(url=f"{BASE}/volumes", json=VOLUMES, is_reusable=True)
    expected = "baz local foo=bar\nfoo bar \nvolume local \n"
    assert Run(tmp_path)(ls, "--format", "{{ .Name }} {{ .Driver }} {{ .Labels }}") == expected
    (tmp_path / "config.json").write_text('{"volumesFormat": "{{ .Name }} {{ .Driver }} {{ .Labels }}"}')
    assert Run(tmp_path)(ls) == expected
    assert Run(tmp_path)(ls, "-q") == "baz\nfoo\nvolume\n"


def test_ls_sorts_names_naturally(run, httpx_mock):  # volume-list-sort.golden
    from pydock.cli.commands.volume import ls

    httpx_mock.add_response(url=f"{BASE}/volumes", json={"Volumes": [
        {"Name": "volume-2-foo"}, {"Name": "volume-10-foo"}, {"Name": "volume-1-foo"}]})
    assert run(ls, "--format", "{{ .Name }}") == "volume-1-foo\nvolume-2-foo\nvolume-10-foo\n"


def test_cluster_fields(run, httpx_mock):  # volume-cluster-volume-list.golden's statuses
    from pydock.cli.commands.volume import ls

    spec = lambda group, availability: {"Group": group, "Availability": availability}  # noqa: E731
    httpx_mock.add_response(url=f"{BASE}/volumes", json={"Volumes": [
        {"Name": "volume1", "Driver": "driver1", "ClusterVolume": {"Spec": spec("group1", "active")}},
        {"Name": "volume2", "Driver": "driver1", "ClusterVolume": {"Spec": spec("group1", "pause"),
                                                                   "Info": {"VolumeID": "v2"}}},
        {"Name": "volume3", "Driver": "driver2", "ClusterVolume": {"Spec": spec("group2", "active"),
                                                                   "Info": {"VolumeID": "v3"}, "PublishStatus": [{}]}},
        {"Name": "volume4", "Driver": "driver2", "ClusterVolume": {"Spec": spec("group2", "active"),
                                                                   "Info": {"VolumeID": "v4"},
                                                                   "PublishStatus": [{}, {}]}},
        {"Name": "volume5", "Driver": "local", "UsageData": {"RefCount": 2, "Size": 123456789}},
    ]})
    assert run(ls, "--format", "table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}\t"
               "{{.Links}}\t{{.Size}}") == (
        "VOLUME NAME   GROUP     DRIVER    AVAILABILITY   STATUS             LINKS     SIZE\n"
        "volume1       group1    driver1   active         pending creation   N/A       N/A\n"
        "volume2       group1    driver1   pause          created            N/A       N/A\n"
        "volume3       group2    driver2   active         in use (1 node)    N/A       N/A\n"
        "volume4       group2    driver2   active         in use (2 nodes)   N/A       N/A\n"
        "volume5       N/A       local     N/A            N/A                2         123.5MB\n")


def test_inspect_re_encodes_docker_s_struct(run, httpx_mock):
    """Not the engine's bytes: Go's field order, HTML escaped, nil maps as null."""
    from pydock.cli.commands.volume import inspect

    httpx_mock.add_response(url=f"{BASE}/volumes/v", json={"Scope": "local", "Name": "v", "Driver": "local",
                                                           "Labels": {"h": "<&>"}, "Mountpoint": "/m"})
    assert run(inspect, "v") == ('[\n    {\n        "Driver": "local",\n        "Labels": {\n            "h": '
                                 '"\\u003c\\u0026\\u003e"\n        },\n        "Mountpoint": "/m",\n'
                                 '        "Name": "v",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n')


def test_inspect_templates_see_only_the_go_type(run, httpx_mock):
    from pydock.cli.commands.volume import inspect

    httpx_mock.add_response(url=f"{BASE}/volumes/v", json={"Name": "v", "Driver": "local"}, is_reusable=True)
    assert run(inspect, "-f", "{{.}}", "v") == "{<nil>  local map[]  v map[]  map[] <nil>}\n"
    failing = Run(run.env.config_dir)
    with pytest.raises(StatusError) as info:
        failing(inspect, "-f", "{{.Foo}}", "v")
    assert failing.env.stdout.getvalue() == "\n"
    assert info.value.message == ('template parsing error: template: :1:2: executing "" at <.Foo>: '
                                  "can't evaluate field Foo in type volume.Volume")


@pytest.mark.parametrize("version, flags, warning, sent", [
    ("1.41", [], "all local volumes", {"label": {"x": True}}),
    ("1.42", [], "anonymous local volumes", {"label": {"x": True}}),
    ("1.42", ["-a"], "all local volumes", {"label": {"x": True}, "all": {"true": True}}),
])
def test_prune_warning_depends_on_the_engine(tmp_path, httpx_mock, version, flags, warning, sent):
    import json

    from pydock.cli.commands.volume import prune

    run = Run(tmp_path, api_version=version, stdin="y\n")
    httpx_mock.add_response(method="POST", json={"VolumesDeleted": ["foo", "bar", "baz"], "SpaceReclaimed": 2000})
    out = run(prune, *flags, "--filter", "label=x")
    assert out == (f"WARNING! This will remove {warning} not used by at least one container.\n"
                   "Are you sure you want to continue? [y/N] Deleted Volumes:\nfoo\nbar\nbaz\n\n"
                   "Total reclaimed space: 2kB\n")
    assert json.loads(httpx_mock.get_requests()[0].url.params["filters"]) == sent


def test_prune_reports_zero_when_nothing_was_deleted(tmp_path, httpx_mock):
    from pydock.cli.commands.volume import prune

    httpx_mock.add_response(method="POST", json={"VolumesDeleted": None, "SpaceReclaimed": 0})
    assert Run(tmp_path)(prune, "-f") == "Total reclaimed space: 0B\n"


def test_prune_all_conflicts_with_an_all_filter(tmp_path):
    from pydock.cli.commands.volume import prune

    with pytest.raises(StatusError, match="^conflicting options: cannot specify both --all and --filter all=1$"):
        Run(tmp_path, api_version="1.42")(prune, "-a", "--filter", "all=1", "-f")


def test_rm_reports_failures_after_the_successes(run, httpx_mock):
    from pydock.cli.commands.volume import rm

    httpx_mock.add_response(method="DELETE", url=f"{BASE}/volumes/a?force=1", status_code=204)
    httpx_mock.add_response(method="DELETE", url=f"{BASE}/volumes/b?force=1", status_code=409,
                            json={"message": "remove b: volume is in use - [abc]"})
    with pytest.raises(StatusError) as info:
        run(rm, "-f", "a", "b")
    assert (run.env.stdout.getvalue(), info.value.message) == (
        "a\n", "Error response from daemon: remove b: volume is in use - [abc]")


# -- update (cluster volumes, API 1.42) --------------------------------------------------------------

CLUSTER_VOLUME = {"Name": "my-vol", "Driver": "csi", "Scope": "global", "ClusterVolume": {
    "ID": "8gqlbyg0gm6oj1mnoh6wk0azb", "Version": {"Index": 27},
    "Spec": {"Group": "g", "AccessMode": {"Scope": "multi", "Sharing": "all", "MountVolume": {}},
             "Availability": "active"}}}
BASE_142 = "http://docker/v1.42"


def test_update_sends_the_spec_back_with_the_new_availability(tmp_path, httpx_mock):
    from pydock.cli.commands.volume import update

    httpx_mock.add_response(method="GET", url=f"{BASE_142}/volumes/my-vol", json=CLUSTER_VOLUME)
    httpx_mock.add_response(method="PUT", status_code=200)
    run = Run(tmp_path, api_version="1.42")
    assert run(update, "--availability", "drain", "my-vol") == "" and run.err == ""
    put = httpx_mock.get_requests()[-1]
    assert put.url.path == "/v1.42/volumes/8gqlbyg0gm6oj1mnoh6wk0azb"
    assert dict(put.url.params) == {"version": "27"}
    spec = dict(CLUSTER_VOLUME["ClusterVolume"]["Spec"], Availability="drain")
    assert json.loads(put.content) == {"Spec": spec}


def test_update_without_flags_sends_the_spec_unchanged(tmp_path, httpx_mock):
    from pydock.cli.commands.volume import update

    httpx_mock.add_response(method="GET", json=CLUSTER_VOLUME)
    httpx_mock.add_response(method="PUT", status_code=200)
    Run(tmp_path, api_version="1.42")(update, "my-vol")
    assert json.loads(httpx_mock.get_requests()[-1].content) == {"Spec": CLUSTER_VOLUME["ClusterVolume"]["Spec"]}


def test_update_of_a_local_volume_is_refused_before_any_change(tmp_path, httpx_mock):
    from pydock.cli.commands.volume import update

    httpx_mock.add_response(method="GET", json={"Name": "local-vol", "Driver": "local"})
    with pytest.raises(StatusError, match="^can only update cluster volumes$"):
        Run(tmp_path, api_version="1.42")(update, "--availability", "pause", "local-vol")
    assert [r.method for r in httpx_mock.get_requests()] == ["GET"]


def test_update_needs_api_1_42_whatever_the_arguments(run, httpx_mock):
    from pydock.cli.commands.volume import update

    message = "^update requires API version 1.42, but the Docker daemon API version is 1.41$"
    for args in (["v"], ["--availability", "drain", "v"], ["--bogus", "v"], ["a", "b"], []):
        with pytest.raises(StatusError, match=message):
            run(update, *args)
    assert httpx_mock.get_requests() == []
