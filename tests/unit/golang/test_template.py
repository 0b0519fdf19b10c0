"""Go template engine against recorded Go/docker behaviour (template_cases.json).

How each group of expected outputs was obtained is written in the file's "source" fields:
Go 1.19's text/template run by a harness over the same data, and docker 28.2.2 itself
(`docker context ls --format …`, Go 1.24) for what changed since.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pydock.formatting.writer import template_string
from pydock.golang.template import (
    FuncError,
    TemplateContext,
    TemplateExecError,
    TemplateParseError,
    TypedNil,
    exec_error_message,
    parse,
    parse_error_message,
    template_parsing_error,
)

CASES = json.loads((Path(__file__).parent / "template_cases.json").read_text())


def _sorted(value):
    # Go prints and encodes maps in key order; the harness's data were Go maps.
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


class Ctx(TemplateContext):
    """Mirror of the harness's Go type *main.Ctx."""

    go_type_name = "*main.Ctx"

    def __init__(self):
        self.labels = {"com.x": "y", "a": "b"}

    def ID(self):
        return "abc123"

    def Names(self):
        return "web"

    def Label(self, name: str):
        return self.labels.get(name, "")

    def Count(self):
        return 3

    def Ok(self):
        return True

    def Nil(self):
        return None

    def Labels(self):
        return self.labels

    def Fail(self):
        raise FuncError("boom")

    def Sum(self, a: int, b: int):
        return a + b


class ClientContextRow(TemplateContext):
    """docker's *formatter.clientContextContext for the default context."""

    go_type_name = "*formatter.clientContextContext"

    def Name(self):
        return "default"

    def Current(self):
        return True

    def Description(self):
        return "Current DOCKER_HOST based configuration"

    def DockerEndpoint(self):
        return "unix:///var/run/docker.sock"

    def Error(self):
        return ""


def _data(case):
    if case.get("ctx"):
        return Ctx()
    if case.get("context"):
        return ClientContextRow()
    data = case.get("data")
    return _sorted(CASES["data"] if data == "D" else data)


def _run(case):
    text = case["tmpl"]
    if case.get("context"):
        text = template_string(text)  # docker's formatter trims spaces and expands \t, \n
    try:
        tmpl = parse(text)
    except TemplateParseError as err:
        return {"kind": "parse", "err": str(err)}
    try:
        out = tmpl.execute(_data(case), missingkey=case.get("missingkey", "default"))
    except TemplateExecError as err:
        result = {"kind": "exec", "err": str(err)}
        if err.partial_output:
            result["out"] = err.partial_output
        return result
    return {"kind": "ok", "out": out} if out else {"kind": "ok"}


def _expected(case):
    want = {"kind": case["kind"]}
    for key in ("out", "err"):
        if case.get(key):
            want[key] = case[key]
    if case.get("context") and want["kind"] == "exec":
        want.pop("out", None)  # docker discards partial output of a failed row
    return want


def _params():
    for group in CASES["groups"]:
        for case in group["cases"]:
            yield pytest.param(case, id=case["tmpl"][:60])


def _normalise(result):
    # Go writes the bytes of a string; we keep bytes that are not UTF-8 as surrogate escapes.
    return {k: v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if isinstance(v, str) else v
            for k, v in result.items()}


@pytest.mark.parametrize("case", list(_params()))
def test_recorded_case(case):
    got = _run(case)
    if case.get("context") and got["kind"] == "exec":
        got.pop("out", None)
    assert _normalise(got) == _normalise(_expected(case))


# --- behaviour specific to this port ------------------------------------------------------

def test_parse_once_execute_many():
    tmpl = parse("{{.ID}}:{{.Names}}")
    assert [tmpl.execute({"ID": str(i), "Names": "n"}) for i in range(3)] == ["0:n", "1:n", "2:n"]


def test_join_accepts_a_list_of_strings_as_go_string_slice():
    # Engine lists of strings are typed []string in docker's structs (Config.Cmd…).
    assert parse('{{join .Cmd " "}}').execute({"Cmd": ["sh", "-c", "echo hi"]}) == "sh -c echo hi"
    with pytest.raises(TemplateExecError, match=r"expected \[\]string; got \[\]interface \{\}"):
        parse('{{join .L ","}}').execute({"L": [1, 2]})


def test_method_returning_none_is_a_typed_nil():
    class Row(TemplateContext):
        def Platform(self):
            return None

        def Other(self):
            return TypedNil("*formatter.Platform")

    assert parse("{{.Platform}}|{{json .Platform}}").execute(Row()) == "<nil>|null"
    with pytest.raises(TemplateExecError, match=r"nil pointer evaluating \*formatter.Platform.OS"):
        parse("{{.Other.OS}}").execute(Row())


def test_dict_keeps_insertion_order_in_json_but_contexts_sort():
    assert parse("{{json .}}").execute({"b": 1, "a": 2}) == '{"b":1,"a":2}'

    class Row(TemplateContext):
        def Zed(self):
            return "<z>"

        def Alpha(self):
            return "a"

        def Label(self, name: str):  # takes an argument: not in the JSON
            return name

    assert parse("{{json .}}").execute(Row()) == '{"Alpha":"a","Zed":"\\u003cz\\u003e"}'


def test_lower_case_names_are_not_fields():
    class Row(TemplateContext):
        go_type_name = "*formatter.ContainerContext"

        def id(self):
            return "x"

    with pytest.raises(TemplateExecError) as err:
        parse("{{.id}}").execute(Row())
    assert str(err.value).endswith("can't evaluate field id in type *formatter.ContainerContext")


def test_missingkey_error_like_docker_inspect_fallback():
    with pytest.raises(TemplateExecError) as err:
        parse("{{.State.Foo}}").execute({"State": {"Status": "running"}}, missingkey="error")
    assert str(err.value) == 'template: :1:8: executing "" at <.State.Foo>: map has no entry for key "Foo"'


def test_extra_functions_and_header_override():
    tmpl = parse("{{shout .Name}}", funcs={"shout": lambda s: s.upper() + "!"})
    assert tmpl.execute({"Name": "web"}) == "WEB!"
    assert tmpl.execute({"Name": "web"}, funcs={"shout": lambda s: s}) == "web"


def test_error_message_helpers():
    with pytest.raises(TemplateParseError) as err:
        parse("{{.Foo")
    assert parse_error_message(err.value) == "failed to parse template: template: :1: unclosed action"
    assert template_parsing_error(err.value) == "template parsing error: template: :1: unclosed action"
    assert exec_error_message(ValueError("x")) == "failed to execute template: x"


def test_partial_output_is_kept_on_error():
    with pytest.raises(TemplateExecError) as err:
        parse("a{{.X}}b{{.Y.Z}}c").execute({"X": 1, "Y": "s"})
    assert err.value.partial_output == "a1b"


def test_byte_columns_in_error_positions():
    with pytest.raises(TemplateExecError) as err:
        parse("é€{{.X.Y}}").execute({"X": 1})
    assert str(err.value).startswith("template: :1:9: ")  # 2 + 3 bytes before "{{", then 2 + 2
