"""The manual pages in man/: current, complete, rendered by groff without a warning, read by man."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import click
import pytest

from pydock.cli import manpages
from pydock.cli.base import DockerCommand, LazyGroup
from pydock.cli.flags import option
from pydock.cli.main import VERSION
from pydock.cli.registry import GROUPS, TOP_LEVEL

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MAN = os.path.join(ROOT, "man")
REGENERATE = "scripts/generate (or: python -m pydock.cli.manpages man)"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The pages as the generator writes them now, in a directory of their own."""
    directory = tmp_path_factory.mktemp("man")
    manpages.write_pages(str(directory))
    return directory


def _pages(directory) -> dict[str, bytes]:
    names = sorted(n for n in os.listdir(directory) if n.endswith(".1"))
    return {name: open(os.path.join(directory, name), "rb").read() for name in names}


def test_the_shipped_pages_are_current(generated):
    shipped, fresh = _pages(MAN), _pages(generated)
    missing = sorted(set(fresh) - set(shipped))
    extra = sorted(set(shipped) - set(fresh))
    stale = sorted(name for name in set(fresh) & set(shipped) if fresh[name] != shipped[name])
    assert not (missing or extra or stale), (
        f"man/ is out of date (missing {missing}, no longer generated {extra}, stale {stale}): run {REGENERATE}")


def test_every_command_shortcut_and_group_has_a_page(generated):
    names = set(_pages(generated))
    expected = {"pydock.1"}
    for group in GROUPS:
        expected.add(f"pydock-{group.name}.1")
        expected |= {f"pydock-{group.name}-{name}.1" for name in group.commands}
        expected |= {f"pydock-{top}.1" for top in group.shortcuts}
    expected |= {f"pydock-{name}.1" for name in TOP_LEVEL if name != "help"}
    assert names == expected


def test_every_page_renders_without_a_warning(generated):
    if shutil.which("groff") is None:
        pytest.fail("groff is not installed (Debian's groff-base; scripts/engine up installs it)")
    warned = {}
    for name in _pages(generated):
        proc = subprocess.run(["groff", "-ww", "-man", "-Tutf8", os.path.join(generated, name)],
                              capture_output=True, timeout=60)
        if proc.returncode or proc.stderr or not proc.stdout:
            warned[name] = proc.stderr.decode(errors="replace")
    assert not warned


def test_man_reads_a_page():
    if shutil.which("man") is None:
        pytest.fail("man is not installed (Debian's man-db; scripts/engine up installs it)")
    proc = subprocess.run(["man", "-l", os.path.join(MAN, "pydock-run.1")], capture_output=True, timeout=60,
                          env={**os.environ, "MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"})
    text = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert "pydock-run - Create and run a new container from an image" in text
    assert "pydock run [OPTIONS] IMAGE [COMMAND] [ARG...]" in text
    assert "pydock container run, pydock run" in text  # the aliases
    assert "--add-host list" in text
    assert "pydock-container-run(1)" in text


def test_pages_are_the_same_on_every_run_and_carry_no_date():
    first, second = manpages.render_all(), manpages.render_all()
    assert first == second
    title = next(line for line in first["pydock-ps.1"].splitlines() if line.startswith(".TH"))
    assert title == f'.TH "PYDOCK\\-PS" "1" "" "pydock {VERSION}" "pydock Manual"'


def test_a_shortcut_page_links_its_long_form_and_back():
    pages = manpages.render_all()
    assert "\\fBpydock\\-container\\-ls\\fR(1)" in pages["pydock-ps.1"]
    assert "\\fBpydock\\-ps\\fR(1)" in pages["pydock-container-ls.1"]
    assert "pydock ps [OPTIONS]" in pages["pydock-ps.1"]
    assert "pydock container ls [OPTIONS]" in pages["pydock-container-ls.1"]


def test_the_root_page_has_the_global_options_with_fixed_defaults():
    page = manpages.render_all()["pydock.1"]
    assert ".SH GLOBAL OPTIONS" in page
    assert '(default "~/.docker/ca.pem")' in page
    assert "\\fB\\-H\\fR, \\fB\\-\\-host\\fR \\fIlist\\fR" in page
    assert ".SS \"Common Commands\"" in page


# -- a command declared as a new group would declare it, with description, examples and a hidden flag ------

@click.command("hello", cls=DockerCommand, usage="hello [OPTIONS] NAME", nargs=("exact", 1), help="Say hello",
               description="Say hello to NAME.\n\nA second paragraph, with a \\ backslash and caf\u00e9.\n"
                           ".starts with a dot",
               examples=[("Greet the world:", "pydock hello --times 2 'world'")])
@option("-t", "--times", kind="int", default=1, help="How many times")
@option("--secret", kind="bool", hidden=True, help="Never shown")
@option("--style", default="plain", help="Greeting style", complete=("plain", "loud"))
@click.argument("name", nargs=-1)
def hello(name, times, secret, style):
    pass  # pragma: no cover


def _tiny_root():
    return LazyGroup("pydock", lazy={"hello": (lambda: hello, "Say hello")}, usage="[OPTIONS] COMMAND",
                     help="A tiny tree")


def test_a_command_added_to_the_table_gets_a_page_with_no_other_change():
    pages = manpages.render_all(_tiny_root())
    assert sorted(pages) == ["pydock-hello.1", "pydock.1"]
    page = pages["pydock-hello.1"]
    assert "pydock\\-hello \\- Say hello" in page
    assert "\\fBpydock hello [OPTIONS] NAME\\fR" in page
    # the description, not the summary; paragraphs, escapes, a protected leading dot
    assert ".PP\nSay hello to NAME.\n.PP\nA second paragraph, with a \\e backslash and caf\\[u00E9].\n.br\n" \
           "\\&.starts with a dot\n" in page
    assert "\\fB\\-t\\fR, \\fB\\-\\-times\\fR \\fIint\\fR\nHow many times (default 1)" in page
    assert "\\fB\\-\\-style\\fR \\fIstring\\fR\nGreeting style (default \"plain\")" in page
    assert "secret" not in page.lower()
    assert ".SH EXAMPLES\n.PP\nGreet the world:\n.PP\n.RS 4\n.nf\npydock hello \\-\\-times 2 \\(aqworld\\(aq\n.fi\n" \
           in page
    assert "\\fBhello\\fR\nSay hello" in pages["pydock.1"]


@click.command("bye", cls=DockerCommand, usage="bye", nargs=("none",), help="Say goodbye")
def bye():
    pass  # pragma: no cover


def test_a_command_without_description_or_examples_shows_its_help_and_no_examples():
    root = LazyGroup("pydock", lazy={"bye": (lambda: bye, "Say goodbye")}, usage="[OPTIONS] COMMAND", help="Tiny")
    page = manpages.render_all(root)["pydock-bye.1"]
    assert ".SH DESCRIPTION\n.PP\nSay goodbye\n" in page
    assert ".SH EXAMPLES" not in page and ".SH OPTIONS" not in page


def test_no_command_path_imports_the_generator():
    code = ("import sys\nfrom pydock.cli.main import run\n"
            "for argv in (['ps', '--help'], ['--help'], ['container', 'run', '--help']):\n"
            "    run(argv)\n"
            "assert 'pydock.cli.manpages' not in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()


def test_the_module_writes_a_directory_and_removes_pages_no_command_has(tmp_path):
    (tmp_path / "pydock-gone.1").write_text("old")
    (tmp_path / "README.md").write_text("kept")
    proc = subprocess.run([sys.executable, "-m", "pydock.cli.manpages", str(tmp_path)], capture_output=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert not (tmp_path / "pydock-gone.1").exists()
    assert (tmp_path / "README.md").read_text() == "kept"
    assert (tmp_path / "pydock-container-run.1").exists()
