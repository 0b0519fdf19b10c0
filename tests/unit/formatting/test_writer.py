"""The listing writer: format choice, docker's plain output, and the terminal renderer."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from pydock.formatting.writer import (
    QUIET_WARNING,
    HeaderMap,
    choose_source,
    precheck_format,
    render_listing,
    render_listing_text,
    resolve_format,
    template_string,
)
from pydock.golang.template import TemplateContext, TemplateExecError, TemplateParseError

HEADERS = {"ID": "CONTAINER ID", "Names": "NAMES", "Status": "STATUS", "State": "STATE"}
DEFAULT = "table {{.ID}}\\t{{.Names}}\\t{{.Status}}"


class Row(TemplateContext):
    go_type_name = "*formatter.ContainerContext"

    def __init__(self, ident, names, status, state):
        self._values = (ident, names, status, state)

    def ID(self):
        return self._values[0]

    def Names(self):
        return self._values[1]

    def Status(self):
        return self._values[2]

    def State(self):
        return self._values[3]

    def Label(self, name: str):
        return "<" + name + ">"


ROWS = [Row("0d4af884b768", "web", "Up 3 minutes (unhealthy)", "running"),
        Row("aecdc912a8e6", "db-with-a-long-name", "Exited (0) 2 minutes ago", "exited")]


def text(fmt=None, rows=ROWS, **kwargs):
    return render_listing_text(rows, fmt=fmt, headers=HEADERS, default_format=DEFAULT, **kwargs)


@pytest.mark.parametrize("fmt, expected", [
    ("table", ""), ("json", "{{json .}}"), ("table {{.ID}}\\t{{.Names}}", "{{.ID}}\t{{.Names}}"),
    ("  {{.ID}}\\n  ", "{{.ID}}\n"), ("table\t{{.ID}} ", "\t{{.ID}}"), ("tablex", "x"), ("{{json .}}", "{{json .}}"),
])
def test_template_string(fmt, expected):
    assert template_string(fmt) == expected


def test_default_table():
    assert text() == ("CONTAINER ID   NAMES                 STATUS\n"
                      "0d4af884b768   web                   Up 3 minutes (unhealthy)\n"
                      "aecdc912a8e6   db-with-a-long-name   Exited (0) 2 minutes ago\n")
    assert text("table") == text()


def test_empty_listing_still_has_its_header():
    assert text(rows=[]) == "CONTAINER ID   NAMES     STATUS\n"


def test_custom_formats_are_not_aligned():
    assert text("{{.ID}}\\t{{.Names}}") == "0d4af884b768\tweb\naecdc912a8e6\tdb-with-a-long-name\n"


def test_header_of_unknown_field_and_label():
    assert text('table {{.Names}}\\t{{.Size}}\\t{{.Label "com.example.my-app_name"}}', rows=[]) \
        == "NAMES     <no value>   my app name\n"


def test_header_keeps_column_names_through_docker_functions():
    assert text("table {{upper .Names}}\\t{{json .State}}\\t{{truncate .ID 3}}", rows=ROWS[:1]) == \
        "NAMES     STATE       CONTAINER ID\nWEB       \"running\"   0d4\n"


def test_json_lines_sorted_and_html_escaped():
    lines = text("json").splitlines()
    assert lines[0] == '{"ID":"0d4af884b768","Names":"web","State":"running","Status":"Up 3 minutes (unhealthy)"}'
    assert len(lines) == 2


def test_quiet():
    assert text(quiet=True) == "0d4af884b768\naecdc912a8e6\n"
    assert text("{{.Names}}", quiet=True) == "0d4af884b768\naecdc912a8e6\n"
    assert text("{{.Names}}", quiet=True, quiet_beats_custom=False) == "web\ndb-with-a-long-name\n"


def choose(flag, *, quiet=False, config_format=None, warn_quiet_with_format=False):
    source, warning = choose_source(flag, quiet=quiet, config_format=config_format,
                                    warn_quiet_with_format=warn_quiet_with_format)
    return resolve_format(source, quiet=quiet, default_format=DEFAULT), warning


def test_choose_source_precedence():
    assert choose("{{.ID}}", config_format="{{.Names}}")[0] == "{{.ID}}"
    assert choose(None, config_format="{{.Names}}")[0] == "{{.Names}}"
    assert choose("")[0] == DEFAULT
    assert choose(None, quiet=True, config_format="{{.Names}}")[0] == "{{.ID}}"
    ps = choose("{{.Names}}", quiet=True, warn_quiet_with_format=True)
    assert ps == ("{{.ID}}", QUIET_WARNING)
    assert QUIET_WARNING == "WARNING: Ignoring custom format, because both --format and --quiet are set."
    assert resolve_format("raw", default_format=DEFAULT, raw_format="id: {{.ID}}\\n") == "id: {{.ID}}\\n"


def test_errors_write_nothing():
    out = io.StringIO()
    with pytest.raises(TemplateParseError):
        render_listing(out, ROWS, fmt="{{.ID", headers=HEADERS, default_format=DEFAULT, is_tty=False)
    with pytest.raises(TemplateExecError, match=r"can't evaluate field Foo in type \*formatter.ContainerContext"):
        render_listing(out, ROWS, fmt="table {{.Foo}}", headers=HEADERS, default_format=DEFAULT, is_tty=True)
    assert out.getvalue() == ""


def test_precheck_like_docker_ps():
    # `docker ps --format …` output, recorded with docker 28.2.2 (no engine needed for these).
    empty = Row("", "", "", "")
    assert precheck_format("{{.Foo}}", empty) == ('failed to execute template: template: :1:2: executing "" at <.Foo>: '
                                                  "can't evaluate field Foo in type *formatter.ContainerContext")
    assert precheck_format("{{.Foo", empty) == "failed to parse template: template: :1: unclosed action"
    assert precheck_format("{{.ID }x}}", empty) == 'failed to parse template: template: :1: unexpected "}" in operand'
    assert precheck_format(r'table {{.ID}}\t{{printf "%s\n" .Names}}', empty) is None  # raw value parses…
    with pytest.raises(TemplateParseError, match="unterminated quoted string"):  # …the expanded one does not
        text(r'table {{.ID}}\t{{printf "%s\n" .Names}}')


def test_header_map_label():
    assert HeaderMap().Label("com.docker.compose.project-name") == "project name"


# --- on a terminal ------------------------------------------------------------------------------

def tty(fmt=None, width=120, rows=ROWS):
    out = io.StringIO()
    render_listing(out, rows, fmt=fmt, headers=HEADERS, default_format=DEFAULT, is_tty=True, width=width)
    return out.getvalue()


def test_tty_table_colours_states(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    shown = tty("table {{.ID}}\\t{{.Names}}\\t{{.Status}}\\t{{.State}}")
    assert "\x1b[32mUp\x1b[0m" in shown and "\x1b[31munhealthy\x1b[0m" in shown
    assert "\x1b[31mExited\x1b[0m" in shown and "\x1b[32mrunning\x1b[0m" in shown and "\x1b[31mexited\x1b[0m" in shown


def test_tty_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    shown = tty()
    assert "\x1b[" not in shown
    assert [line.split() for line in shown.splitlines()][1][:2] == ["0d4af884b768", "web"]


def test_tty_wraps_long_cells_but_keeps_ids_and_names_whole(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    shown = tty(width=60)
    lines = shown.splitlines()
    assert all(len(line.rstrip()) <= 60 for line in lines)
    assert "0d4af884b768" in shown and "db-with-a-long-name" in shown
    words = " ".join(shown.split())
    for word in ("Up", "3", "minutes", "(unhealthy)", "Exited", "(0)", "ago"):
        assert word in words


def test_tty_too_narrow_for_a_table_shows_records(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert tty(width=30) == ("CONTAINER ID  0d4af884b768\nNAMES         web\nSTATUS        Up 3 minutes\n"
                             "              (unhealthy)\n\n"
                             "CONTAINER ID  aecdc912a8e6\nNAMES         db-with-a-long-\n              name\n"
                             "STATUS        Exited (0) 2\n              minutes ago\n")


def test_tty_too_narrow_even_for_records_falls_back_to_docker_lines(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert tty(width=15) == render_listing_text(ROWS, fmt=None, headers=HEADERS, default_format=DEFAULT)


def test_tty_custom_format_is_plain(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert tty("{{.ID}}: {{.Status}}") == ("0d4af884b768: Up 3 minutes (unhealthy)\n"
                                           "aecdc912a8e6: Exited (0) 2 minutes ago\n")
    assert tty("json") == text("json")


def test_no_rich_or_httpx_until_a_terminal_table():
    code = (
        "import sys, io\n"
        "from pydock.formatting import writer, units\n"
        "from pydock.golang import template, tabwriter\n"
        "writer.render_listing(io.StringIO(), [], fmt=None, headers={}, default_format='table {{.ID}}', is_tty=False)\n"
        "print(sorted(m for m in ('rich', 'httpx', 'click') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
