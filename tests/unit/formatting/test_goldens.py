"""Whole listings (template + header + tabwriter) against what docker 28.2.2 printed.

goldens/*.json were recorded by collect_goldens.py: `docker context ls` (no engine needed)
and `docker ps -a` over three containers of our own (engine). Each row context here is a
minimal stand-in for docker's, written the way a pydock command defines one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pydock.formatting.displayutils import ellipsis
from pydock.formatting.writer import render_listing_text
from pydock.golang.json import go_json
from pydock.golang.strconv import go_quote
from pydock.golang.template import TemplateContext, TemplateExecError, TemplateParseError

GOLDENS = Path(__file__).parent / "goldens"


def _load(name):
    return json.loads((GOLDENS / name).read_text())


def _fmt_and_quiet(args):
    fmt = args[args.index("--format") + 1] if "--format" in args else None
    return fmt, "-q" in args


def _render(rows, args, **kwargs):
    fmt, quiet = _fmt_and_quiet(args)
    try:
        return render_listing_text(rows, fmt=fmt, quiet=quiet, **kwargs), "", 0
    except (TemplateParseError, TemplateExecError) as err:
        return "", "template parsing error: %s\n" % err, 1


# --- docker context ls ------------------------------------------------------------------------

class ClientContext(TemplateContext):
    go_type_name = "*formatter.clientContextContext"

    def __init__(self, row):
        self.row = row

    def Name(self):
        return self.row["Name"]

    def Current(self):
        return self.row["Current"]

    def Description(self):
        return self.row["Description"]

    def DockerEndpoint(self):
        return self.row["DockerEndpoint"]

    def Error(self):
        return ellipsis(self.row["Error"], 45)


CONTEXT_HEADERS = {"Name": "NAME", "Description": "DESCRIPTION", "DockerEndpoint": "DOCKER ENDPOINT", "Error": "ERROR"}
CONTEXT_TABLE = "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}"
CONTEXT_LS = _load("context_ls.json")


@pytest.mark.parametrize("run", CONTEXT_LS["runs"], ids=lambda r: " ".join(r["args"][2:]) or "default")
def test_context_ls(run):
    rows = [ClientContext(r) for r in CONTEXT_LS["rows"]]
    got = _render(rows, run["args"], headers=CONTEXT_HEADERS, default_format=CONTEXT_TABLE, quiet_format="{{.Name}}")
    assert got == (run["stdout"], run["stderr"], run["rc"])


# --- docker ps -a -----------------------------------------------------------------------------

class Container(TemplateContext):
    go_type_name = "*formatter.ContainerContext"

    def __init__(self, c):
        self.c = c

    def ID(self):
        return self.c["Id"]

    def Names(self):
        return self.c["Name"].lstrip("/")

    def State(self):
        return self.c["State"]

    def Command(self):  # --no-trunc: quoted, not ellipsised; the engine quotes args with spaces
        args = ["'%s'" % a if " " in a else a for a in self.c["Args"]]
        return go_quote(" ".join([self.c["Path"]] + args))

    def Labels(self):
        return ",".join(sorted("%s=%s" % kv for kv in self.c["Labels"].items()))

    def Label(self, name: str):
        return self.c["Labels"].get(name, "")

    def Networks(self):
        return ",".join(self.c["Networks"])


PS_HEADERS = {"ID": "CONTAINER ID", "Names": "NAMES", "State": "STATE", "Command": "COMMAND", "Labels": "LABELS",
              "Networks": "NETWORKS"}
PS = _load("ps.json") if (GOLDENS / "ps.json").exists() else {"runs": [], "containers": []}


def _ps_rows():
    by_name = {c["Name"].lstrip("/"): c for c in PS["containers"]}
    order = PS["runs"][1]["stdout"].split("\n")  # "{{.Names}}\t{{.State}}": the engine's order
    return [Container(by_name[line.split("\t")[0]]) for line in order if line]


def _assert_same_json_fields(ours, theirs):
    # RunningFor, CreatedAt, Size… need a full ContainerContext: compare the fields we model,
    # byte for byte (HTML escaping included), and the key order.
    ours, theirs = ours.splitlines(), theirs.splitlines()
    assert len(ours) == len(theirs)
    for mine, docker in zip(ours, theirs):
        fields = json.loads(mine)
        assert list(fields) == sorted(fields)
        for key, value in fields.items():
            fragment = '"%s":%s' % (key, go_json(value, escape_html=True))
            assert fragment in mine and fragment in docker


@pytest.mark.parametrize("run", PS["runs"], ids=lambda r: r["args"][-1])
def test_ps(run):
    fmt, _ = _fmt_and_quiet(run["args"])
    out, err, rc = _render(_ps_rows(), run["args"], headers=PS_HEADERS, default_format="table {{.ID}}")
    assert (err, rc) == (run["stderr"], run["rc"])
    if fmt == "json":
        _assert_same_json_fields(out, run["stdout"])
    else:
        assert out == run["stdout"]
