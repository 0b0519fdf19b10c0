"""inspect's JSON and templates over docker's types."""
from __future__ import annotations

import json

import pytest

from pydock.formatting.contexts.inspect import go_compact, go_indent, json_array


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


HEALTHY = {**DOCUMENT, "State": {**DOCUMENT["State"], "Health": {"Status": "healthy", "FailingStreak": 0, "Log": [
    {"Start": "2026-01-02T03:04:05.5Z", "End": "2026-01-02T03:04:06Z", "ExitCode": 0, "Output": "ok"}]}},
    "NetworkSettings": {"Networks": {"bridge": {"NetworkID": "n1", "IPAddress": "172.17.0.2", "IPPrefixLen": 16}}}}


@pytest.mark.parametrize("fmt, expected", [
    # pointers inside structs, maps and slices print as addresses; a top-level one as its struct
    ("{{.State.Health}}", "{healthy 0 [0xc000010000]}"),
    ("{{.NetworkSettings.Networks}}", "map[bridge:0xc000010000]"),
    ("{{.Config.Healthcheck.Retries}} {{.Config}}",
     "0 {   false false false map[] false false false [] [] 0xc000010000 false  map[]  [] false  [] map[a:b]  "
     "<nil> []}"),
    ("{{with index .State.Health.Log 0}}{{.}}|{{.Start}}|{{json .End}}{{end}}",
     '{2026-01-02 03:04:05.5 +0000 UTC 2026-01-02 03:04:06 +0000 UTC 0 ok}|2026-01-02 03:04:05.5 +0000 UTC|'
     '"2026-01-02T03:04:06Z"'),
    # docker 28's EndpointSettings, in its field order, with fields older engines do not send
    ("{{index .NetworkSettings.Networks \"bridge\"}}", "{<nil> [] []  map[] 0 n1   172.17.0.2 16   0 []}"),
    # NetworkSettingsBase and DefaultNetworkSettings are embedded structs
    ("{{.NetworkSettings}}", "{{   map[] false  0 [] []} {   0  0  } map[bridge:0xc000010000]}"),
    ("{{json .NetworkSettings.Networks}}",
     '{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"","DriverOpts":null,"GwPriority":0,'
     '"NetworkID":"n1","EndpointID":"","Gateway":"","IPAddress":"172.17.0.2","IPPrefixLen":16,"IPv6Gateway":"",'
     '"GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null}}'),
])
def test_inspect_templates_see_pointers_and_times(fmt, expected):
    assert run_inspect_template(fmt, HEALTHY) == expected + "\n"


def test_index_of_a_missing_key_is_the_zero_value():
    fmt = '{{index .Config.Labels "nope"}}|{{index .NetworkSettings.Networks "nope"}}|{{.Config.Labels.nope}}'
    assert run_inspect_template(fmt, HEALTHY) == "|<nil>|<no value>\n"


def test_inspect_template_falls_back_to_the_json():
    from pydock.golang.template import TemplateExecError

    assert run_inspect_template("{{.HostConfig.PortBindings}}", DOCUMENT) == "map[80/tcp:[{ 8080}]]\n"
    with pytest.raises(TemplateExecError, match='map has no entry for key "Nope"'):
        run_inspect_template("{{.Nope}}", DOCUMENT)


def test_host_config_json_follows_docker_28():
    """Every Go field in docker 28's order (ConsoleSize after VolumesFrom, Resources flattened where it is
    embedded), omitempty fields left out when empty, keys docker's types do not know dropped."""
    document = {**DOCUMENT, "HostConfig": {"Binds": None, "VolumesFrom": None, "CapAdd": None, "ConsoleSize": [0, 0],
                                           "DeviceRequests": None, "KernelMemory": 5, "KernelMemoryTCP": 0,
                                           "MemoryReservation": 0, "NotAGoField": 1}}
    keys = list(json.loads(run_inspect_template("{{json .HostConfig}}", document)))
    assert keys[:11] == ["Binds", "ContainerIDFile", "LogConfig", "NetworkMode", "PortBindings", "RestartPolicy",
                         "AutoRemove", "VolumeDriver", "VolumesFrom", "ConsoleSize", "CapAdd"]
    assert keys[keys.index("Isolation") + 1:keys.index("Isolation") + 4] == ["CpuShares", "Memory", "NanoCpus"]
    assert "KernelMemory" in keys and "KernelMemoryTCP" not in keys and "NotAGoField" not in keys
    assert keys[-2:] == ["MaskedPaths", "ReadonlyPaths"] and "Init" not in keys and "Tmpfs" not in keys
