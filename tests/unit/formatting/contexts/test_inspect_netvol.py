"""Templates over docker's network.Inspect and volume.Volume (outputs recorded from docker 28)."""
from __future__ import annotations

import json

import pytest

from pydock.formatting.contexts.inspect import TemplateInspector, parse_inspect_format
from pydock.formatting.contexts.inspect_types import volume_json

NETWORK = json.dumps({
    "Name": "pydt-nvt1", "Id": "887c", "Created": "2026-11-30T08:06:02.962078454Z", "Scope": "local",
    "Driver": "bridge", "EnableIPv6": False,
    "IPAM": {"Driver": "default", "Options": {}, "Config": [{"Subnet": "10.77.0.0/16", "Gateway": "10.77.0.1",
                                                             "AuxiliaryAddresses": {"x": "10.77.0.9"}}]},
    "Internal": False, "Attachable": False, "Ingress": False, "ConfigFrom": {"Network": ""}, "ConfigOnly": False,
    "Containers": {"c42e": {"Name": "pydt-nvc1", "EndpointID": "ea1f", "MacAddress": "02:42:0a:4d:00:02",
                            "IPv4Address": "10.77.0.2/16", "IPv6Address": ""}},
    "Options": {}, "Labels": {"a": "1"}}).encode()


def inspect(template: str, raw: bytes, kind: str, fallback: bool = True) -> str:
    inspector = TemplateInspector(parse_inspect_format(template), fallback)
    inspector.add(raw, kind)
    return inspector.text()


@pytest.mark.parametrize("template, expected", [
    ("{{.}}", "{pydt-nvt1 887c 2026-11-30 08:06:02.962078454 +0000 UTC local bridge false false {default map[] "
              "[{10.77.0.0/16  10.77.0.1 map[x:10.77.0.9]}]} false false false {} false map[c42e:{pydt-nvc1 ea1f "
              "02:42:0a:4d:00:02 10.77.0.2/16 }] map[] map[a:1] [] map[]}"),
    ("{{.IPAM}}", "{default map[] [{10.77.0.0/16  10.77.0.1 map[x:10.77.0.9]}]}"),
    ("{{.Created}}", "2026-11-30 08:06:02.962078454 +0000 UTC"),
    ("{{.ID}}", "887c"),
    ("{{.Id}}", "887c"),  # not a Go field: docker falls back to the JSON
    ("{{json .IPAM.Config}}",
     '[{"Subnet":"10.77.0.0/16","Gateway":"10.77.0.1","AuxiliaryAddresses":{"x":"10.77.0.9"}}]'),
    ("{{.ConfigFrom}} {{.Peers}} {{.Services}}", "{} [] map[]"),
])
def test_network_templates_see_docker_s_types(template, expected):
    assert inspect(template, NETWORK, "network") == expected + "\n"


def test_network_json_has_the_fields_docker_28_knows():
    text = inspect("{{json .}}", NETWORK, "network")
    assert '"Driver":"bridge","EnableIPv4":false,"EnableIPv6":false,"IPAM"' in text


def test_volume_typed_only_fails_without_fallback():
    raw = volume_json({"Name": "v", "Driver": "local", "Labels": {"h": "<&>"}})
    assert raw == (b'{"Driver":"local","Labels":{"h":"\\u003c\\u0026\\u003e"},"Mountpoint":"","Name":"v",'
                   b'"Options":null,"Scope":""}')
    assert inspect("{{.}}", raw, "volume") == "{<nil>  local map[h:<&>]  v map[]  map[] <nil>}\n"
    with pytest.raises(ValueError, match="can't evaluate field Foo in type volume.Volume"):
        inspect("{{.Foo}}", raw, "volume", fallback=False)
    assert inspect("{{.Foo}}", b'{"Foo": 1}', "volume") == "1\n"  # docker inspect falls back to the JSON
