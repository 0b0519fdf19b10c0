"""Go types declared in Go syntax, JSON decoded into them, and fmt's verbs on the values (%v %+v %#v %T)."""
from __future__ import annotations

import re

import pytest

from pydock.golang.fmt import sprintf
from pydock.golang.json import Number, decode_use_number
from pydock.golang.template import TemplateExecError, parse
from pydock.golang.template.funcs import struct_json
from pydock.golang.types import TypeDeclarationError, TypeSet

TYPES = TypeSet("""
type pkg.Outer struct {
    *pkg.Base
    Policy   pkg.Policy
    Labels   map[string]string
    Ports    pkg.PortMap
    Inner    *pkg.Inner `json:",omitempty"`
    Flag     *bool
    Size     [2]uint
    Weight   uint16
    Args     pkg.StrSlice `json:"Arguments"`
    Wait     time.Duration `json:",omitempty"`
    When     time.Time
    Set      map[string]struct {}
    Any      interface {}
}
type pkg.Base struct {
    ID   string `json:"Id"`
    Mode pkg.Mode
}
type pkg.Policy struct {
    Name  pkg.Mode
    Count int
}
type pkg.Inner struct {
    A int64
    B []string
}
type pkg.Mode string
type pkg.Alias = string
type pkg.StrSlice []string
type pkg.PortMap map[pkg.Port][]pkg.Binding
type pkg.Port string
type pkg.Binding struct {
    HostIP string `json:"HostIp"`
}
""", methods={"pkg.Port": {"Proto": lambda p: str(p).partition("/")[2]}})

RAW = {"Id": "abc", "Mode": "on", "Policy": {"Name": "on-failure", "Count": 3}, "Labels": {"b": "2", "a": "1"},
       "Ports": {"80/tcp": [{"HostIp": "::"}], "81/udp": None}, "Inner": {"A": 7, "B": None},
       "Flag": False, "Size": [24, 80], "Weight": 0, "Arguments": ["x", "y"], "Wait": 30_000_000_000,
       "When": "2026-01-02T03:04:05.5Z", "Set": {"/v": {}}, "Any": {"n": 1}, "Unknown": 1}


@pytest.fixture
def outer():
    return TYPES.decode("pkg.Outer", RAW)


@pytest.mark.parametrize("fmt, path, expected", [
    ("%v", "Policy", "{on-failure 3}"),
    ("%+v", "Policy", "{Name:on-failure Count:3}"),
    ("%#v", "Policy", 'pkg.Policy{Name:"on-failure", Count:3}'),
    ("%T", "Policy", "pkg.Policy"),
    ("%T", "Policy.Name", "pkg.Mode"),
    ("%T", "Labels", "map[string]string"),
    ("%#v", "Labels", 'map[string]string{"a":"1", "b":"2"}'),
    ("%T", "Ports", "pkg.PortMap"),
    ("%+v", "Ports", "map[80/tcp:[{HostIP:::}] 81/udp:[]]"),
    ("%#v", "Ports", 'pkg.PortMap{"80/tcp":[]pkg.Binding{pkg.Binding{HostIP:"::"}}, "81/udp":[]pkg.Binding(nil)}'),
    ("%T", "Inner", "*pkg.Inner"),
    ("%+v", "Inner", "&{A:7 B:[]}"),
    ("%#v", "Inner", "&pkg.Inner{A:7, B:[]string(nil)}"),
    ("%T", "Inner.A", "int64"),
    ("%T", "Flag", "*bool"),
    ("%v", "Flag", "0xc000010000"),
    ("%#v", "Flag", "(*bool)(0xc000010000)"),
    ("%#v", "Size", "[2]uint{0x18, 0x50}"),
    ("%v", "Size", "[24 80]"),
    ("%#v", "Weight", "0x0"),
    ("%T", "Args", "pkg.StrSlice"),
    ("%q", "Args", '["x" "y"]'),
    ("%v %d %T", "Wait", "30s 30000000000 time.Duration"),
    ("%#v", "Wait", "30000000000"),
    ("%v", "When", "2026-01-02 03:04:05.5 +0000 UTC"),
    ("%#v", "When", "time.Date(2026, time.January, 2, 3, 4, 5, 500000000, time.UTC)"),
    ("%#v", "Set", 'map[string]struct {}{"/v":struct {}{}}'),
    ("%T %v", "Any", "map[string]interface {} map[n:1]"),
    ("%T", "Any.n", "float64"),
    ("%x", "Policy", "{6f6e2d6661696c757265 3}"),
    ("%d", "Policy", "{%!d(pkg.Mode=on-failure) 3}"),
    ("%T", "Base", "*pkg.Base"),
    ("%T %v", "ID", "string abc"),
])
def test_fmt_verbs_on_typed_values(outer, fmt, path, expected):
    value = outer
    for name in path.split("."):
        value = value[name] if isinstance(value, dict) else getattr(value, name)
    assert sprintf(fmt, [value] * fmt.count("%")) == expected


def test_struct_verbs_nest_pointers_as_addresses(outer):
    assert sprintf("%+v", [outer]).startswith("{Base:0xc000010000 Policy:{Name:on-failure Count:3} Labels:map[a:1 b:2]")
    assert sprintf("%#v", [outer]).startswith('pkg.Outer{Base:(*pkg.Base)(0xc000010000), Policy:pkg.Policy{')


def test_json_follows_the_struct(outer):
    """Structs in field order, embedded ones flattened, maps sorted, omitempty and nil as encoding/json."""
    assert struct_json(outer, sort_maps=True) == (
        '{"Id":"abc","Mode":"on","Policy":{"Name":"on-failure","Count":3},"Labels":{"a":"1","b":"2"},'
        '"Ports":{"80/tcp":[{"HostIp":"::"}],"81/udp":null},"Inner":{"A":7,"B":null},"Flag":false,"Size":[24,80],'
        '"Weight":0,"Arguments":["x","y"],"Wait":30000000000,"When":"2026-01-02T03:04:05.5Z","Set":{"/v":{}},'
        '"Any":{"n":1}}')
    empty = struct_json(TYPES.decode("pkg.Outer", {}), sort_maps=True)
    assert '"Inner"' not in empty and '"Wait"' not in empty and '"Flag":null' in empty and '"Size":[0,0]' in empty


def run(text, data, **kwargs):
    return parse(text).execute(data, **kwargs)


@pytest.mark.parametrize("text, expected", [
    ("{{.Policy}}|{{.Inner}}|{{.Flag}}", "{on-failure 3}|{7 []}|false"),  # an action prints what a pointer points to
    ("{{.ID}} {{.Mode}} {{.Base.ID}}", "abc on abc"),  # promoted through the embedded *pkg.Base
    ('{{index .Labels "zz"}}|{{.Labels.zz}}', "|<no value>"),
    ("{{range $p, $b := .Ports}}{{$p}}={{$p.Proto}} {{end}}", "80/tcp=tcp 81/udp=udp "),
    ('{{eq .Policy.Name "on-failure"}} {{eq .Weight 0}} {{len .Size}} {{len .Labels}}', "true true 2 2"),
    ("{{printf \"%T\" (slice .Args 0 1)}} {{printf \"%T\" (slice .Size 1)}}", "pkg.StrSlice []uint"),
    ("{{if .Flag}}set{{end}} {{if .Inner}}inner{{end}}", "set inner"),
])
def test_templates_on_typed_values(outer, text, expected):
    assert run(text, outer) == expected


@pytest.mark.parametrize("text, message", [
    ('{{index .Ports "80/tcp"}}', 'error calling index: value has type string; should be pkg.Port'),
    ("{{.Ports.foo}}", "can't evaluate field foo in type pkg.PortMap"),
    ("{{.Id}}", "can't evaluate field Id in type pkg.Outer"),
    ("{{len .Policy}}", "error calling len: len of type pkg.Policy"),
    ("{{len .Inner}}", "error calling len: len of type *pkg.Inner"),
    ("{{upper .Policy.Name}}", "wrong type for value; expected string; got pkg.Mode"),
])
def test_typed_errors(outer, text, message):
    with pytest.raises(TemplateExecError, match=re.escape(message)):
        run(text, outer)


def test_json_numbers_of_the_raw_fallback():
    data = decode_use_number(b'{"n": 3, "f": 1.50, "s": "x"}')
    assert isinstance(data["n"], Number) and data["f"] == "1.50"
    assert run('{{printf "%T %v %d %q" .n .n .n .n}}', data) == 'json.Number 3 %!d(json.Number=3) "3"'
    assert run("{{json .}}", data) == '{"n":3,"f":1.50,"s":"x"}'
    assert run('{{eq .n "3"}} {{if .n}}t{{end}} {{len .f}}', data) == "true t 4"
    with pytest.raises(TemplateExecError, match="incompatible types for comparison"):
        run("{{eq .n 3}}", data)


def test_declaration_errors():
    with pytest.raises(TypeDeclarationError):
        TypeSet("type a.B struct {\n    X unknown.Type\n}").decode("a.B", {})
    with pytest.raises(TypeDeclarationError):
        TypeSet("this is not Go")
    assert TYPES.resolve("pkg.Alias").name == "string"
    assert TYPES.resolve("map[pkg.Port][]*pkg.Inner").name == "map[pkg.Port][]*pkg.Inner"
