"""What `version --format` and `info --format` see: Go struct semantics on docker's types."""
from __future__ import annotations

import pytest

from pydock.formatting.contexts.system import docker_info, version_info
from pydock.golang.structs import NilSlice
from pydock.golang.template import TemplateExecError, parse
from pydock.golang.template.funcs import json_funcs
from tests.unit.formatting.contexts.system_data import CLIENT, SERVER


def render(text: str, data, name: str = "") -> str:
    return parse(text, funcs=json_funcs(), name=name).execute(data)


def test_struct_fields_and_errors():
    data = version_info(CLIENT, SERVER)
    assert render("{{.Server.Platform.Name}}|{{.Client.Platform}}|{{.Server.Experimental}}", data) == \
        "Docker Engine - Community|<nil>|false"
    with pytest.raises(TemplateExecError) as info:
        render("{{.Client.GoVersion}}", data, "version")
    assert str(info.value) == ('template: version:1:9: executing "version" at <.Client.GoVersion>: '
                               "can't evaluate field GoVersion in type system.clientVersion")


def test_struct_json_order_and_omitempty():
    data = version_info({**CLIENT, "GitCommit": ""}, None)
    assert render("{{json .}}", data) == (
        '{"Client":{"Version":"0.1.0","ApiVersion":"1.41","DefaultAPIVersion":"1.47","PythonVersion":"3.11.7",'
        '"Os":"linux","Arch":"amd64","BuildTime":"unknown-buildtime","Context":"default"},"Server":null}')


def test_nil_slices_print_empty_and_encode_null():
    info = docker_info({"Labels": None, "Warnings": ["w"]}, {"Context": "default"})
    assert isinstance(info.Labels, NilSlice)
    assert render("{{.Labels}} {{json .Labels}} {{len .Labels}} {{.Warnings}}", info) == "[] null 0 [w]"


def test_registry_config_json_is_sorted():
    info = docker_info({"RegistryConfig": {
        "AllowNondistributableArtifactsCIDRs": [], "InsecureRegistryCIDRs": ["127.0.0.0/8"],
        "IndexConfigs": {"z.io": {"Name": "z.io", "Mirrors": [], "Secure": False, "Official": False}},
        "Mirrors": []}}, {"Context": "default"})
    assert render("{{json .RegistryConfig}}", info) == (
        '{"IndexConfigs":{"z.io":{"Mirrors":[],"Name":"z.io","Official":false,"Secure":false}},'
        '"InsecureRegistryCIDRs":["127.0.0.0/8"],"Mirrors":[]}')


def test_a_pointer_prints_as_its_struct_at_top_level_and_as_an_address_inside():
    """text/template's printableValue dereferences the value it prints; fmt shows &{…} for a pointer
    given to printf, and an address for a pointer inside a map (docker 28: `{{.RegistryConfig}}`)."""
    info = docker_info({"RegistryConfig": {
        "InsecureRegistryCIDRs": ["127.0.0.0/8"], "Mirrors": ["http://m/"],
        "IndexConfigs": {"docker.io": {"Name": "docker.io", "Mirrors": [], "Secure": True, "Official": True}}}},
        {"Context": "default"})
    assert render("{{.RegistryConfig}}", info) == "{[] [] [127.0.0.0/8] map[docker.io:0xc000010000] [http://m/] map[]}"
    assert render('{{printf "%v" .RegistryConfig}}', info).startswith("&{[] [] [127.0.0.0/8] ")
    assert render('{{index .RegistryConfig.IndexConfigs "docker.io"}}', info) == "{docker.io [] true true}"
    assert render("{{.ClientInfo}}", info) == "{false {<nil>%sdefault} [] []}" % (" " * 9)  # clientVersion embedded
    assert render("{{.ClientInfo.Context}}", info) == "default"  # promoted from the embedded clientVersion


def test_runtimes_are_runtime_with_status_structs():
    info = docker_info({"Runtimes": {"runc": {"path": "runc"}, "x": {"runtimeType": "io.x", "status": {"a": "b"}}}},
                       {"Context": "default"})
    assert render("{{.Runtimes}}", info) == "map[runc:{{runc []  map[]} map[]} x:{{ [] io.x map[]} map[a:b]}]"
    assert render("{{json .Runtimes}}", info) == \
        '{"runc":{"path":"runc"},"x":{"runtimeType":"io.x","status":{"a":"b"}}}'
    with pytest.raises(TemplateExecError) as error:
        render("{{range .Runtimes}}{{.Foo}}{{end}}", info)
    assert str(error.value).endswith("can't evaluate field Foo in type system.RuntimeWithStatus")


def test_int64_fields_and_fields_json_skips():
    info = docker_info({"MemTotal": 5, "NCPU": 2}, {"Context": "default"})
    assert render('{{printf "%T %T" .MemTotal .NCPU}}|{{.UserName}}|{{.DiscoveredDevices}}', info) == "int64 int||[]"
    with pytest.raises(TemplateExecError) as error:
        render("{{.MemTotal.X}}", info)
    assert str(error.value).endswith("can't evaluate field X in type int64")
    assert "UserName" not in render("{{json .}}", info)
    assert "ExtraFields" not in render("{{json .RegistryConfig}}", docker_info({"RegistryConfig": {}}, {}))
