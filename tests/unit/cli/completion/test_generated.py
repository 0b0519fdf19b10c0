"""What scripts/generate writes from the declarations is current: the completion tree and the shipped
scripts. A failure here means: run scripts/generate and commit what it changed."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pydock.cli.completion.scripts import FILE_NAMES, SHELLS, script
from pydock.cli.completion.tree import build_tree, render_module

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
STALE = "stale: run scripts/generate and commit the result"


def read(*path):
    with open(os.path.join(ROOT, *path)) as f:
        return f.read()


def test_the_tree_module_is_current():
    assert read("pydock", "cli", "completion", "_tree.py") == render_module(build_tree()), STALE


def test_the_tree_module_decodes_to_the_tree():
    from pydock.cli.completion._tree import TREE_JSON

    assert json.loads(TREE_JSON) == json.loads(json.dumps(build_tree()))


@pytest.mark.parametrize("shell", SHELLS)
def test_shipped_scripts_are_current(shell):
    assert read("completions", FILE_NAMES[shell]) == script(shell), STALE


@pytest.mark.parametrize("shell", SHELLS)
def test_pydock_completion_prints_the_script(shell):
    out = subprocess.run([sys.executable, "-m", "pydock", "completion", shell], capture_output=True, text=True)
    assert (out.returncode, out.stderr, out.stdout) == (0, "", script(shell))
    bare = subprocess.run([sys.executable, "-m", "pydock", "completion", shell, "--no-descriptions"],
                          capture_output=True, text=True)
    assert bare.stdout == script(shell, descriptions=False) != out.stdout


def test_a_completion_imports_neither_click_nor_the_http_stack():
    probe = ("import sys, runpy; sys.argv = ['pydock', '__complete', 'run', '--restart', '']\n"
             "import atexit, os\n"
             "real_exit = os._exit\n"
             "def check(code):\n"
             "    bad = [m for m in ('click', 'httpx', 'httpcore', 'rich', 'pydock.cli.main') if m in sys.modules]\n"
             "    sys.stderr.write('LOADED ' + ' '.join(bad) + '\\n'); sys.stderr.flush(); real_exit(code)\n"
             "os._exit = check\n"
             "from pydock.launch import main; main()\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stdout.splitlines()[-1].startswith(":")
    assert out.stderr.strip() == "LOADED"


def test_complete_no_desc_leaves_the_descriptions_out():
    run = [sys.executable, "-m", "pydock"]
    with_text = subprocess.run([*run, "__complete", "st"], capture_output=True, text=True).stdout
    without = subprocess.run([*run, "__completeNoDesc", "st"], capture_output=True, text=True).stdout
    assert with_text.startswith("start\tStart one or more stopped containers\n")
    assert without == "start\nstats\nstop\n:4\n"
