"""ps and stats row contexts, and inspect's JSON, computed as docker/cli does."""
from __future__ import annotations

import json

import pytest

from pydock.formatting.contexts.container import ContainerContext, displayable_ports
from pydock.formatting.contexts.inspect import go_compact, go_indent, json_array
from pydock.formatting.contexts.stats import StatsContext, StatsEntry, entry_from_sample, mem_usage_no_cache

P = lambda private, kind="tcp", ip="", public=0: {"PrivatePort": private, "Type": kind, "IP": ip,  # noqa: E731
                                                  "PublicPort": public}


@pytest.mark.parametrize("ports, expected", [
    ([], ""),
    ([P(80)], "80/tcp"),
    ([P(82), P(80), P(81)], "80-82/tcp"),
    ([P(80), P(82)], "80/tcp, 82/tcp"),
    ([P(80, ip="0.0.0.0", public=8080)], "0.0.0.0:8080->80/tcp"),
    ([P(80, ip="::", public=8080)], "[::]:8080->80/tcp"),
    ([P(9000, "udp", "0.0.0.0", 9000), P(9001, "udp", "0.0.0.0", 9001), P(7000)],
     "7000/tcp, 0.0.0.0:9000-9001->9000-9001/udp"),
    ([P(53, ip="127.0.0.1", public=32768), P(7000), P(80, "udp")], "80/udp, 7000/tcp, 127.0.0.1:32768->53/tcp"),
])
def test_displayable_ports(ports, expected):
    assert displayable_ports(ports) == expected


def summary(**fields):
    base = {"Id": "a" * 64, "Names": ["/web"], "Image": "busybox", "ImageID": "sha256:" + "b" * 64,
            "Command": "sh -c 'echo hello \"quoted\" && sleep 600'", "Created": 1_700_000_000, "Ports": [],
            "Labels": {"z": "1", "a": "2"}, "State": "running", "Status": "Up 2 minutes",
            "Mounts": [{"Name": "c" * 64, "Driver": "local", "Source": "/x"}, {"Source": "/host", "Driver": ""}],
            "NetworkSettings": {"Networks": {"bridge": {}}}}
    return {**base, **fields}


def test_container_fields():
    row = ContainerContext(summary(), now=1_700_000_130)
    assert row.ID() == "a" * 12
    assert row.Command() == '"sh -c \'echo hello \\"…"'
    assert row.RunningFor() == "2 minutes ago"
    assert row.Labels() == "a=2,z=1" and row.Label("z") == "1" and row.Label("nope") == ""
    assert row.Mounts() == "cccccccccccccc…,/host" and row.LocalVolumes() == "1"
    assert row.Networks() == "bridge" and row.Names() == "web"
    full = ContainerContext(summary(), trunc=False)
    assert full.ID() == "a" * 64 and full.Mounts() == "c" * 64 + ",/host"


def test_container_names_skip_link_names_when_truncated():
    row = ContainerContext(summary(Names=["/other/alias", "/web"]))
    assert row.Names() == "web"
    assert ContainerContext(summary(Names=["/other/alias", "/web"]), trunc=False).Names() == "other/alias,web"


@pytest.mark.parametrize("image, image_id, expected", [
    ("busybox", "sha256:" + "b" * 64, "busybox"),
    ("docker.io/library/busybox:1.36", "sha256:" + "b" * 64, "busybox:1.36"),
    ("busybox@sha256:" + "d" * 64, "sha256:" + "b" * 64, "busybox"),
    ("bbbbbbbbbbbb", "sha256:" + "b" * 64, "bbbbbbbbbbbb"),
    ("", "", "<no image>"),
])
def test_container_image(image, image_id, expected):
    assert ContainerContext(summary(Image=image, ImageID=image_id)).Image() == expected


def test_container_size_records_its_use():
    row = ContainerContext(summary(SizeRw=0, SizeRootFs=1_985_569))
    assert row.Size() == "0B (virtual 1.99MB)" and "Size" in row.fields_used
    assert ContainerContext(summary(SizeRw=12)).Size() == "12B"


def test_container_json_keys_are_docker_fields():
    keys = sorted(ContainerContext(summary()).to_json_dict())
    assert keys == ["Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names",
                    "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status"]


SAMPLE = {
    "name": "/web", "id": "f" * 64,
    "cpu_stats": {"cpu_usage": {"total_usage": 300, "percpu_usage": [1, 2]}, "system_cpu_usage": 2000,
                  "online_cpus": 2},
    "precpu_stats": {"cpu_usage": {"total_usage": 100}, "system_cpu_usage": 1000},
    "memory_stats": {"usage": 3 * 1024 * 1024, "limit": 100 * 1024 * 1024,
                     "stats": {"total_inactive_file": 1024 * 1024, "inactive_file": 5}},
    "blkio_stats": {"io_service_bytes_recursive": [{"op": "Read", "value": 1000}, {"op": "write", "value": 24},
                                                   {"op": "Total", "value": 1024}]},
    "networks": {"eth0": {"rx_bytes": 1500, "tx_bytes": 10}, "eth1": {"rx_bytes": 500, "tx_bytes": 0}},
    "pids_stats": {"current": 3},
}


def test_stats_entry_and_columns():
    row = StatsContext(entry_from_sample("web", SAMPLE))
    assert row.CPUPerc() == "40.00%"  # 200/1000 * 2 CPUs
    assert row.MemUsage() == "2MiB / 100MiB" and row.MemPerc() == "2.00%"
    assert row.NetIO() == "2kB / 10B" and row.BlockIO() == "1kB / 24B" and row.PIDs() == "3"
    assert row.Name() == "web" and row.ID() == "f" * 12 and row.Container() == "web"


def test_stats_invalid_entry_shows_dashes():
    row = StatsContext(StatsEntry("web", is_invalid=True))
    assert [row.CPUPerc(), row.MemUsage(), row.MemPerc(), row.NetIO(), row.BlockIO(), row.PIDs(), row.Name()] == \
        ["--", "-- / --", "--", "--", "--", "--", "--"]


def test_memory_without_cache():
    assert mem_usage_no_cache({"usage": 100, "stats": {"total_inactive_file": 40}}) == 60
    assert mem_usage_no_cache({"usage": 100, "stats": {"inactive_file": 30}}) == 70  # cgroup v2
    assert mem_usage_no_cache({"usage": 100, "stats": {"total_inactive_file": 400}}) == 100


def test_go_indent_keeps_the_engine_bytes():
    raw = b'{"A":[],"B":{},"C":"x\\u003cy, \\"z\\"","D":[1,{"E":null}]}\n'
    assert go_indent(raw) == (b'{\n    "A": [],\n    "B": {},\n    "C": "x\\u003cy, \\"z\\"",\n    "D": [\n'
                              b'        1,\n        {\n            "E": null\n        }\n    ]\n}')
    assert json.loads(go_indent(raw)) == json.loads(raw)
    assert go_compact(b'{ "a" : [ 1 , " x y " ] }\n') == b'{"a":[1," x y "]}'


def test_json_array():
    assert json_array([]) == b"[]\n"
    assert json_array([b'{"a":1}\n', b'{"b":2}\n'], compact=True) == b'[{"a":1},{"b":2}]\n'


def run_inspect_template(fmt: str, document: dict) -> str:
    from pydock.formatting.contexts.inspect import TemplateInspector, parse_inspect_format

    inspector = TemplateInspector(parse_inspect_format(fmt))
    inspector.add(json.dumps(document).encode(), "container")
    return inspector.text()


DOCUMENT = {
    "Id": "abc", "State": {"Status": "running", "Running": True, "Paused": False, "Restarting": False,
                           "OOMKilled": False, "Dead": False, "Pid": 42, "ExitCode": 0, "Error": "",
                           "StartedAt": "s", "FinishedAt": "f"},
    "HostConfig": {"RestartPolicy": {"Name": "no", "MaximumRetryCount": 0}, "CpuShares": 512,
                   "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}},
    "Mounts": [], "Config": {"Labels": {"a": "b"}, "Healthcheck": {"Test": ["CMD", "x"], "Interval": 90_000_000_000}},
    "NetworkSettings": {"Ports": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}], "7000/tcp": None}},
}


@pytest.mark.parametrize("fmt, expected", [
    ("{{.State}}", "{running true false false false false 42 0  s f <nil>}"),
    ("{{.State.Health}} {{.SizeRw}}", "<nil> <nil>"),
    ("{{.HostConfig.RestartPolicy}} {{.HostConfig.CPUShares}}", "{no 0} 512"),
    # a JSON spelling is no Go field: the whole template runs again over the JSON
    ("{{.HostConfig.RestartPolicy}} {{.HostConfig.CpuShares}}", "map[MaximumRetryCount:0 Name:no] 512"),
    ("{{.NetworkSettings.Ports}}", "map[7000/tcp:[] 80/tcp:[{0.0.0.0 8080}]]"),
    ("{{.Config.Healthcheck}} {{.Config.Healthcheck.Interval}}", "{[CMD x] 1m30s 0s 0s 0s 0} 1m30s"),
    ("{{json .Config.Healthcheck}}", '{"Test":["CMD","x"],"Interval":90000000000}'),
    ("{{.Config.Labels.nope}} {{.ID}} {{.Mounts}}", "<no value> abc []"),
    ("{{json .State}}", '{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,'
                        '"Dead":false,"Pid":42,"ExitCode":0,"Error":"","StartedAt":"s","FinishedAt":"f"}'),
])
def test_inspect_templates_see_docker_types(fmt, expected):
    assert run_inspect_template(fmt, DOCUMENT) == expected + "\n"


def test_inspect_template_falls_back_to_the_json():
    from pydock.formatting.gotemplate import TemplateExecError

    assert run_inspect_template("{{.HostConfig.PortBindings}}", DOCUMENT) == "map[80/tcp:[{ 8080}]]\n"
    with pytest.raises(TemplateExecError, match='map has no entry for key "Nope"'):
        run_inspect_template("{{.Nope}}", DOCUMENT)
