"""Go text/template for docker's ``--format``, with docker's template functions.

    tmpl = parse("{{.ID}}\\t{{.Names}}")   # TemplateParseError on bad syntax
    text = tmpl.execute(row)                # TemplateExecError on a bad lookup

Messages are Go's, byte for byte (``template: :1: unclosed action``); the docker CLI
prefixes them: see parse_error_message / exec_error_message.

Data protocol (how ``.Name`` resolves):

* dict: the key ``Name``; a missing key yields ``<no value>`` (not an error, unless
  ``missingkey="error"``, which ``docker inspect`` uses for its raw-JSON fallback).
* any other object: its attribute or method ``Name`` (first letter upper case, like Go's
  exported names); methods are called with the template's arguments
  (``{{.Label "com.x"}}``). Subclass TemplateContext to also get ``go_type_name`` for
  messages and ``to_json_dict()`` for ``{{json .}}``.
* str/int/float/bool/list: no fields; ``can't evaluate field Name in type string``.
"""

from __future__ import annotations

from ..fmt import TypedNil
from .exec import TemplateExecError, execute
from .funcs import BUILTINS, DOCKER_FUNCS, HEADER_FUNCS, MISSING, FuncError, FuncSpec, spec_for_callable
from .parser import TemplateParseError, parse_tree

__all__ = [
    "parse", "Template", "TemplateParseError", "TemplateExecError", "TemplateContext",
    "FuncError", "FuncSpec", "TypedNil", "MISSING", "HEADER_FUNCS",
    "parse_error_message", "exec_error_message", "template_parsing_error",
]

_DEFAULT_FUNCS = {**BUILTINS, **DOCKER_FUNCS}


class TemplateContext:
    """Base for row contexts: methods and properties named like Go fields (``ID``, ``Names``)
    are what ``{{.ID}}`` reads; methods may take arguments (``{{.Label "x"}}``), typed by their
    annotations (str, int, bool, float). A method returning None is a nil pointer (``<nil>``).

    Subclasses set ``go_type_name`` (shown in "can't evaluate field X in type …") and may
    set ``json_fields`` to choose what ``{{json .}}`` / ``--format json`` shows; by default
    that is every upper-case method or property taking no argument, like docker's
    formatter.MarshalJSON. The JSON object has sorted keys and HTML-escaped strings.
    """

    go_type_name = "*formatter.Context"
    json_fields: tuple[str, ...] | None = None

    def to_json_dict(self) -> dict:
        names = self.json_fields if self.json_fields is not None else _zero_arg_fields(type(self))
        return {name: _field_value(self, name) for name in names}


def _zero_arg_fields(cls) -> tuple[str, ...]:
    cached = cls.__dict__.get("_pydock_json_fields")
    if cached is not None:
        return cached
    names = []
    for name in sorted(dir(cls)):
        if not name[:1].isupper():
            continue
        attr = getattr(cls, name)
        if isinstance(attr, property):
            names.append(name)
        elif callable(attr) and not isinstance(attr, type):
            spec = spec_for_callable(attr)
            if not spec.params[1:] and spec.variadic is None:
                names.append(name)
    result = tuple(names)
    cls._pydock_json_fields = result
    return result


def _field_value(obj, name: str):
    value = getattr(obj, name)
    return value() if callable(value) else value


class Template:
    """A parsed template; execute() it once per row."""

    __slots__ = ("text", "name", "_trees", "_funcs")

    def __init__(self, text: str, trees: dict, funcs: dict, name: str = ""):
        self.text, self.name, self._trees, self._funcs = text, name, trees, funcs

    def execute(self, data, *, missingkey: str = "default", funcs: dict | None = None) -> str:
        """Run the template on `data`. `funcs` replaces functions for this run only
        (docker swaps in HEADER_FUNCS to render the table header)."""
        table = self._funcs if not funcs else {**self._funcs, **_as_specs(funcs)}
        return execute(self.name, self.text, self._trees, table, data, missingkey)

    def __repr__(self) -> str:
        return "Template(%r)" % self.text


def _as_specs(funcs: dict) -> dict:
    return {name: fn if isinstance(fn, FuncSpec) else spec_for_callable(fn) for name, fn in funcs.items()}


def parse(text: str, *, funcs: dict | None = None, name: str = "") -> Template:
    """Parse `text` with Go's builtins and docker's functions (plus `funcs`, if given)."""
    table = _DEFAULT_FUNCS if not funcs else {**_DEFAULT_FUNCS, **_as_specs(funcs)}
    trees = parse_tree(text, table, name)
    return Template(text, trees, table, name)


def parse_error_message(err: Exception) -> str:
    """What ``docker ps`` prints when --format does not parse."""
    return "failed to parse template: %s" % err


def exec_error_message(err: Exception) -> str:
    """What ``docker ps`` prints when --format fails on its field check."""
    return "failed to execute template: %s" % err


def template_parsing_error(err: Exception) -> str:
    """The prefix docker's formatter and inspect use for both kinds of failure."""
    return "template parsing error: %s" % err
