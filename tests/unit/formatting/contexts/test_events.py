"""`events` lines and templates, as docker/cli's system/events.go prints them (values seen with docker 28)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from pydock.formatting.contexts.events import message, pretty_line, rfc3339_nano_fixed
from pydock.golang.template import TemplateExecError, parse
from pydock.golang.template.funcs import json_funcs

CREATE = {"status": "create", "id": "abc", "from": "alpine", "Type": "container", "Action": "create",
          "Actor": {"ID": "abc", "Attributes": {"name": "x", "image": "alpine", "Zed": "1", "a.b": "<&>"}},
          "scope": "local", "time": 1700000000, "timeNano": 1700000000012345678}


def run(template: str, data):
    return parse(template, funcs=json_funcs()).execute(data)


@pytest.mark.parametrize("nanos, tz, expected", [
    (1700000000012345678, dt.timezone.utc, "2023-11-14T22:13:20.012345678Z"),
    (1700000000000000000, dt.timezone(dt.timedelta(hours=9)), "2023-11-15T07:13:20.000000000+09:00"),
    (1700000000000000001, dt.timezone(-dt.timedelta(hours=3, minutes=30)), "2023-11-14T18:43:20.000000001-03:30"),
    (0, dt.timezone.utc, "1970-01-01T00:00:00.000000000Z"),
])
def test_time_has_nine_fraction_digits_and_the_zone(nanos, tz, expected):
    assert rfc3339_nano_fixed(nanos, tz) == expected


def test_default_line_sorts_attributes_by_key(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    assert pretty_line(CREATE) == ("2023-11-14T22:13:20.012345678Z container create abc "
                                   "(Zed=1, a.b=<&>, image=alpine, name=x)\n")


@pytest.mark.parametrize("event, expected", [
    ({"Type": "image", "Action": "tag", "Actor": {"ID": "sha256:1"}, "time": 1700000000},
     "2023-11-14T22:13:20.000000000Z image tag sha256:1\n"),  # no timeNano: time; no attributes: no brackets
    ({"Type": "service", "Action": "update", "Actor": {"ID": "s", "Attributes": {}}}, "service update s\n"),
    ({}, "  \n"),
])
def test_default_line_without_parts(event, expected, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    assert pretty_line(event) == expected


def test_json_follows_the_message_struct():
    """Field order as events.Message declares it, omitempty fields left out, attributes sorted."""
    event = {**CREATE, "Actor": {"Attributes": {"b": "2", "a": "1"}, "ID": "abc"}}
    assert run("{{json .}}", message(event)) == (
        '{"status":"create","id":"abc","from":"alpine","Type":"container","Action":"create",'
        '"Actor":{"ID":"abc","Attributes":{"a":"1","b":"2"}},"scope":"local","time":1700000000,'
        '"timeNano":1700000000012345678}')
    bare = {"Type": "volume", "Action": "prune", "Actor": {"ID": ""}}
    assert json.loads(run("{{json .}}", message(bare))) == {"Type": "volume", "Action": "prune",
                                                            "Actor": {"ID": "", "Attributes": None}}


def test_fields_print_as_go_prints_them():
    data = message(CREATE)
    assert run("{{.Actor}}", data) == "{abc map[Zed:1 a.b:<&> image:alpine name:x]}"
    assert run('{{printf "%T %T %T" .Type .Action .Actor.Attributes}}', data) == \
        "events.Type events.Action map[string]string"
    assert run('{{index .Actor.Attributes "nope"}}|{{.Actor.Attributes.nope}}', data) == "|<no value>"
    assert run('{{index .Actor.Attributes "nope"}}|{{.Actor}}', message({"Actor": {"ID": "i"}})) == "|{i map[]}"


@pytest.mark.parametrize("template, error", [
    ("{{.Foo}}", 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *events.Message'),
    ("{{upper .Action}}", 'template: :1:8: executing "" at <.Action>: wrong type for value; expected string; '
                          'got events.Action'),
])
def test_docker_checks_templates_on_an_empty_message(template, error):
    with pytest.raises(TemplateExecError) as info:
        run(template, message(None, pointer=True))
    assert str(info.value) == error


def test_a_field_of_an_attribute_is_a_field_of_a_string():
    with pytest.raises(TemplateExecError) as info:
        run("{{.Actor.Attributes.name.Foo}}", message(CREATE))
    assert str(info.value).endswith("can't evaluate field Foo in type string")
    assert run("{{.Actor.Attributes.name.Foo}}", message(None, pointer=True)) == "<no value>"
