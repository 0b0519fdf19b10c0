"""cli.listing.Listing: the format's precedence, docker ps's warning and precheck, pipe vs terminal."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from pydock.cli.errors import StatusError
from pydock.cli.listing import Listing
from pydock.formatting.contexts import container
from pydock.formatting.contexts.base import Context, ListingSpec, simple_columns


class Row(Context):
    go_type_name = "*network.networkContext"

    def __init__(self, ident: str = "", name: str = ""):
        self.ident, self.name = ident, name

    def ID(self):  # noqa: N802
        return self.ident

    def Name(self):  # noqa: N802
        return self.name


SPEC = ListingSpec(context=Row, default_table="table {{.ID}}\t{{.Name}}", headers={"ID": "NETWORK ID", "Name": "NAME"},
                   raw_format="network_id: {{.ID}}\\nname: {{.Name}}\\n", raw_quiet_format="network_id: {{.ID}}",
                   config_key="networksFormat", quiet_beats_custom=False)
ROWS = [Row("0123456789ab", "bridge"), Row("ba9876543210", "a-much-longer-name")]


class Env:
    def __init__(self, config=None, tty=False, environ=None):
        self.config = dict(config or {})
        self.stdout, self.stderr = io.StringIO(), io.StringIO()
        self.tty = tty
        self.environ = environ or {}

    def stdout_is_tty(self):
        return self.tty


def written(fmt="", quiet=False, spec=SPEC, rows=ROWS, **env):
    env = Env(**env)
    Listing(env, spec, fmt, quiet=quiet).write(rows)
    return env.stdout.getvalue(), env.stderr.getvalue()


def test_default_table_in_a_pipe():
    assert written() == ("NETWORK ID     NAME\n0123456789ab   bridge\nba9876543210   a-much-longer-name\n", "")
    assert written("table") == written()


def test_flag_beats_config_which_beats_the_default():
    config = {"networksFormat": "{{.Name}}"}
    assert written(config=config)[0] == "bridge\na-much-longer-name\n"
    assert written("{{.ID}}", config=config)[0] == "0123456789ab\nba9876543210\n"
    assert written(quiet=True, config=config)[0] == "0123456789ab\nba9876543210\n"  # -q skips the config format


def test_quiet_custom_and_raw_as_network_ls():
    assert written("{{.Name}}", quiet=True) == ("bridge\na-much-longer-name\n", "")  # no warning, custom wins
    assert written("raw", rows=ROWS[:1])[0] == "network_id: 0123456789ab\nname: bridge\n\n"
    assert written("raw", quiet=True, rows=ROWS[:1])[0] == "network_id: 0123456789ab\n"
    assert written("json", rows=ROWS[:1])[0] == '{"ID":"0123456789ab","Name":"bridge"}\n'


def test_ps_warns_and_quiet_beats_custom():
    rows = [container.ContainerContext({"Id": "f" * 64})]
    out, err = written("{{.Names}}", quiet=True, spec=container.SPEC, rows=rows)
    assert out == "f" * 12 + "\n"
    assert err == "WARNING: Ignoring custom format, because both --format and --quiet are set.\n"


def test_ps_precheck_fails_before_the_engine_and_finds_size():
    with pytest.raises(StatusError, match="^failed to parse template: template: :1: unclosed action$"):
        Listing(Env(), container.SPEC, "{{.ID")
    with pytest.raises(StatusError, match=r"^failed to execute template: .* in type \*formatter.ContainerContext$"):
        Listing(Env(config={"psFormat": "{{.Foo}}"}), container.SPEC, "", quiet=True)  # ps reads psFormat under -q
    assert Listing(Env(), container.SPEC, "table {{.Names}}\t{{.Size}}").uses("Size")
    assert not Listing(Env(), container.SPEC, "{{.Names}}").uses("Size")
    Listing(Env(), SPEC, "{{.ID")  # no precheck elsewhere: docker asks the engine first


def test_template_errors_write_nothing():
    env = Env()
    listing = Listing(env, SPEC, "table {{.ID}}\t{{.Foo}}")
    with pytest.raises(StatusError) as info:
        listing.write(ROWS)
    assert info.value.status == 1 and env.stdout.getvalue() == ""
    assert info.value.message == ('template parsing error: template: :1:10: executing "" at <.Foo>: '
                                  "can't evaluate field Foo in type *network.networkContext")


def test_terminal_gets_a_fitted_table_unless_dumb(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert Listing(Env(tty=True), SPEC, "").on_terminal()
    assert not Listing(Env(tty=True, environ={"TERM": "dumb"}), SPEC, "").on_terminal()
    assert not Listing(Env(tty=True), SPEC, "{{.ID}}").on_terminal()
    out, _ = written(tty=True)
    assert out.split("\n")[0].split() == ["NETWORK", "ID", "NAME"]


def test_simple_columns():
    assert simple_columns("table {{.ID}}\t{{.Name}}") == ("ID", "Name")
    assert simple_columns("{{.ID}}\\t{{.Name}}") == ("ID", "Name")
    assert simple_columns("{{.ID}} {{.Name}}") is None and simple_columns("{{json .}}") is None


def test_default_table_and_quiet_in_a_pipe_never_load_the_template_engine():
    code = ("import io, sys\n"
            "from pydock.cli.listing import Listing\n"
            "from pydock.formatting.contexts import container\n"
            "class Env:\n"
            "    config, environ, stdout, stderr = {}, {}, io.StringIO(), io.StringIO()\n"
            "    def stdout_is_tty(self): return False\n"
            "rows = [container.ContainerContext({'Id': 'a' * 64, 'Names': ['/x'], 'Command': 'sh'})]\n"
            "Listing(Env(), container.SPEC, '').write(rows)\n"
            "Listing(Env(), container.SPEC, '', quiet=True).write(rows)\n"
            "print(sorted(m for m in ('pydock.golang.template', 'rich', 'httpx') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
