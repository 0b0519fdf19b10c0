"""Property tests: no input makes the template engine fail with anything but its own errors."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pydock.formatting.writer import render_listing_text
from pydock.golang.fmt import sprintf
from pydock.golang.template import TemplateContext, TemplateExecError, TemplateParseError, parse

PIECES = ["{{", "}}", "{{-", "-}}", " ", "(", ")", "|", ":=", "=", ",", "$", "$x", ".", ".A", ".B.c", ".L", ".N", ".Z",
          "\"s\"", "`r`", "'c'", "1", "-2", "1.5", "0x1F", "1e3", "nil", "true", "if", "else", "end", "range", "with",
          "define", "template", "block", "break", "continue", "len", "index", "slice", "printf", "print", "println",
          "eq", "lt", "and", "or", "not", "json", "join", "split", "upper", "pad", "truncate", "title", "call",
          "html", "js", "urlquery", "/*", "*/", "\n", "x", "\\", "\"", "%v", "%d", "%!", "é", "你"]

DATA = {"A": "web", "B": {"c": "x", "d": [1, 2]}, "L": ["p", None, 3.5], "N": 3, "Z": None, "F": 2.5, "T": True}


class Row(TemplateContext):
    def ID(self):
        return "abc"

    def Nil(self):
        return None

    def Label(self, name: str):
        return name


templates = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=60),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates, st.sampled_from([DATA, Row(), None, "str", [1, "a"], 7]))
def test_only_template_errors_escape(text, data):
    try:
        tmpl = parse(text)
    except TemplateParseError:
        return
    try:
        out = tmpl.execute(data)
    except TemplateExecError:
        return
    assert isinstance(out, str)


@settings(max_examples=300, deadline=None)
@given(templates)
def test_writer_only_raises_template_errors(text):
    try:
        render_listing_text([Row()], fmt=text, headers={"ID": "ID"}, default_format="table {{.ID}}")
    except (TemplateParseError, TemplateExecError):
        pass


_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5),
                   st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
_args = st.lists(_values, max_size=4)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="%-+# 0123456789.*[]vdsqxXoObcUeEfFgGtTpzw%ab", max_size=20), _args)
def test_sprintf_never_raises(fmt, args):
    assert isinstance(sprintf(fmt, args), str)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=60))
def test_deep_nesting_is_an_error_not_a_crash(depth):
    text = "{{" + "(" * depth * 20 + "1" + ")" * depth * 20 + "}}"
    try:
        assert parse(text).execute(None) == "1"
    except TemplateParseError:
        pass
