"""What `version --format` and `info --format` see: Go struct semantics on docker's types."""
from __future__ import annotations

import pytest

from pydock.formatting.contexts.system import docker_info, version_info
from pydock.golang.structs import NilSlice, json_funcs
from pydock.golang.template import TemplateExecError, parse
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
