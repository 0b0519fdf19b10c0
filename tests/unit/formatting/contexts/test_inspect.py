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


def test_inspect_template_falls_back_to_the_json():
    from pydock.formatting.gotemplate import TemplateExecError

    assert run_inspect_template("{{.HostConfig.PortBindings}}", DOCUMENT) == "map[80/tcp:[{ 8080}]]\n"
    with pytest.raises(TemplateExecError, match='map has no entry for key "Nope"'):
        run_inspect_template("{{.Nope}}", DOCUMENT)
