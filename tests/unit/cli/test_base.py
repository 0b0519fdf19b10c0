"""Command-line errors in docker's words and exit codes (cobra/pflag), no engine needed.

Expected texts were taken from docker 28 (`docker run --foo`, `docker rm`, `docker rename a`,
`docker ps x`, `docker foo`, …); the last tests compare pydock with the real CLI directly.
"""
from __future__ import annotations

import click
import pytest

from pydock.cli import main
from pydock.cli.base import DockerCommand, LazyGroup


@click.group(cls=LazyGroup, lazy={}, usage="[OPTIONS] COMMAND [ARG...]")
def root():
    pass


@root.command(cls=DockerCommand, usage="run [OPTIONS] IMAGE [COMMAND] [ARG...]", nargs=("min", 1),
              interspersed=False)
@click.option("--rm", is_flag=True)
@click.option("-d", "--detach", is_flag=True)
@click.option("-i", "--interactive", is_flag=True)
@click.option("-m", "--memory", metavar="bytes")
@click.option("-e", "--env", multiple=True)
@click.argument("args", nargs=-1)
def run(rm, detach, interactive, memory, env, args):
    click.echo(f"rm={rm} d={detach} i={interactive} m={memory} e={list(env)} args={list(args)}")


@root.command(cls=DockerCommand, usage="rm [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1))
@click.option("-f", "--force", is_flag=True)
@click.argument("containers", nargs=-1)
def rm(force, containers):
    click.echo(f"force={force} {list(containers)}")


@root.command(cls=DockerCommand, usage="rename CONTAINER NEW_NAME", nargs=("exact", 2))
@click.argument("container")
@click.argument("new_name")
def rename(container, new_name):
    click.echo(f"{container}->{new_name}")


@root.command(cls=DockerCommand, usage="ps [OPTIONS]", nargs=("none",))
@click.option("-q", "--quiet", is_flag=True)
@click.option("--format")
def ps(quiet, format):
    click.echo(f"quiet={quiet} format={format!r}")


@root.command(cls=DockerCommand, usage="port CONTAINER [PRIVATE_PORT[/PROTO]]", nargs=("range", 1, 2))
@click.argument("args", nargs=-1)
def port(args):
    click.echo(list(args))


@pytest.fixture
def pyd(monkeypatch, capsys):
    monkeypatch.setattr(main, "cli", root)

    def call(*argv):
        code = main.run(list(argv), prog="docker")
        out, err = capsys.readouterr()
        return code, out, err
    return call


def usage_tail(cmd: str, usage: str, verb: str = "Run") -> str:
    return f"\nUsage:  docker {usage}\n\n{verb} 'docker {cmd} --help' for more information\n"


# -- flags: exit 125 ----------------------------------------------------------------------------
def test_unknown_flag(pyd):
    assert pyd("run", "--foo") == (125, "", "unknown flag: --foo\n" + usage_tail(
        "run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]"))


def test_unknown_shorthand(pyd):
    code, _, err = pyd("rm", "-x", "a")
    assert code == 125
    assert err.startswith("unknown shorthand flag: 'x' in -x\n")


def test_unknown_shorthand_in_a_cluster(pyd):
    code, _, err = pyd("run", "-dx", "alpine")
    assert (code, err.splitlines()[0]) == (125, "unknown shorthand flag: 'x' in -x")


def test_flag_needs_an_argument(pyd):
    assert pyd("ps", "--format")[::2] == (125, "flag needs an argument: --format\n" + usage_tail("ps", "ps [OPTIONS]"))
    assert pyd("run", "-m")[2].splitlines()[0] == "flag needs an argument: 'm' in -m"
    assert pyd("run", "-dm")[2].splitlines()[0] == "flag needs an argument: 'm' in -m"


def test_bad_bool_value(pyd):
    code, _, err = pyd("run", "--rm=maybe", "alpine")
    assert code == 125
    assert err == ('invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": '
                   'invalid syntax\n' + usage_tail("run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]"))


def test_bad_bool_value_names_both_spellings(pyd):
    assert pyd("rm", "--force=maybe", "a")[2].splitlines()[0] == \
        'invalid argument "maybe" for "-f, --force" flag: strconv.ParseBool: parsing "maybe": invalid syntax'
    assert pyd("rm", "-f=maybe", "a")[2].splitlines()[0] == \
        'invalid argument "maybe" for "-f, --force" flag: strconv.ParseBool: parsing "maybe": invalid syntax'


def test_short_bool_with_empty_value_is_pflags_error(pyd):
    assert pyd("rm", "-f=", "a")[:1] == (125,)
    assert pyd("rm", "-f=", "a")[2].splitlines()[0] == "unknown shorthand flag: '=' in -="


def test_unknown_root_flag(pyd):
    assert pyd("--foo", "ps") == (125, "", "unknown flag: --foo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\n"
                                  "Run 'docker --help' for more information\n")


# -- bool flags the pflag way -------------------------------------------------------------------
@pytest.mark.parametrize("argv, expected", [
    (["--rm=false", "alpine"], "rm=False"),
    (["--rm=true", "alpine"], "rm=True"),
    (["--rm=1", "alpine"], "rm=True"),
    (["--rm=F", "alpine"], "rm=False"),
    (["--rm", "--rm=false", "alpine"], "rm=False"),  # the last setting wins
    (["--rm=false", "--rm", "alpine"], "rm=True"),
])
def test_long_bool_values(pyd, argv, expected):
    code, out, _ = pyd("run", *argv)
    assert code == 0 and out.startswith(expected + " ")


@pytest.mark.parametrize("argv, expected", [
    (["-d=false", "x"], "rm=False d=False i=False m=None"),
    (["-di", "x"], "rm=False d=True i=True m=None"),
    (["-dm", "5", "x"], "rm=False d=True i=False m=5"),
    (["-dm5", "x"], "rm=False d=True i=False m=5"),
    (["-dm=5", "x"], "rm=False d=True i=False m=5"),
    (["-e=A=1", "-eB=2", "x"], "rm=False d=False i=False m=None e=['A=1', 'B=2']"),
])
def test_short_clusters(pyd, argv, expected):
    code, out, _ = pyd("run", *argv)
    assert code == 0 and out.startswith(expected)


def test_rm_false_without_image_is_an_argument_error(pyd):
    code, _, err = pyd("run", "--rm=false")
    assert code == 1
    assert err == "docker: 'docker run' requires at least 1 argument\n" + usage_tail(
        "run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]", "See")


def test_trailing_args_belong_to_the_container(pyd):
    code, out, _ = pyd("run", "--rm", "alpine", "ls", "--foo", "-l", "--rm=false")
    assert code == 0
    assert out == "rm=True d=False i=False m=None e=[] args=['alpine', 'ls', '--foo', '-l', '--rm=false']\n"


def test_double_dash(pyd):
    assert pyd("rm", "--", "-x") == (0, "force=False ['-x']\n", "")


# -- argument counts: exit 1 --------------------------------------------------------------------
def test_requires_at_least(pyd):
    assert pyd("rm") == (1, "", "docker: 'docker rm' requires at least 1 argument\n" + usage_tail(
        "rm", "rm [OPTIONS] CONTAINER [CONTAINER...]", "See"))


def test_requires_exactly(pyd):
    expected = "docker: 'docker rename' requires 2 arguments\n" + usage_tail("rename", "rename CONTAINER NEW_NAME")
    assert pyd("rename", "a") == (1, "", expected)
    assert pyd("rename", "a", "b", "c") == (1, "", expected)
    assert pyd("rename", "a", "b") == (0, "a->b\n", "")


def test_accepts_no_arguments(pyd):
    assert pyd("ps", "x") == (1, "", "docker: 'docker ps' accepts no arguments\n" + usage_tail("ps", "ps [OPTIONS]"))


def test_range(pyd):
    code, _, err = pyd("port")
    assert (code, err.splitlines()[0]) == (1, "docker: 'docker port' requires at least 1 and at most 2 arguments")
    assert pyd("port", "a", "80/tcp")[0] == 0


def test_unknown_command(pyd):
    assert pyd("foo") == (1, "", "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n")


# -- against the real CLI (these need no engine) ------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["foo"], ["-x"], ["--foo", "ps"], ["version", "x"], ["info", "x"], ["version", "--foo"],
    ["version", "-f"], ["info", "--format"], ["container", "foo"], ["-l", "nope", "version"],
])
def test_same_as_docker(pydock, docker, argv):
    mine, theirs = pydock(*argv), docker(*argv)
    assert mine.code == theirs.code
    assert mine.out == theirs.out
    assert mine.err == theirs.err.replace("docker", "pydock")


@pytest.mark.parametrize("words, path, rest", [
    ([], "pydock", []),
    (["container", "ls"], "pydock container ls", []),
    (["container", "ps"], "pydock container ls", []),  # an alias names the command by its name
    (["ps", "-a"], "pydock ps", ["-a"]),
    (["container", "nosuch", "x"], "pydock container", ["nosuch", "x"]),
    (["run", "extra"], "pydock run", ["extra"]),
    ([""], "pydock", [""]),
])
def test_find_command_walks_groups_as_cobra_does(words, path, rest):
    from pydock.cli.base import find_command
    from pydock.cli.main import cli

    command_ctx, left = find_command(click.Context(cli, info_name="pydock"), words)
    assert (command_ctx.command_path, left) == (path, rest)


def test_help_command_and_top_level_help_flags(capsys):
    assert main.run(["help", "container", "ps"], prog="pydock") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Usage:  pydock container ls [OPTIONS]\n") and err == ""
    assert main.run(["help", "container", "nosuch", "x"], prog="pydock") == 1
    assert capsys.readouterr() == ("", "unknown help topic: nosuch x\n")
    assert main.run(["-h", "ps"], prog="pydock") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Usage:  pydock ps [OPTIONS]\n")
    assert err == "Flag shorthand -h has been deprecated, use --help\n"
    assert main.run(["ps", "-h"], prog="pydock") == 0
    assert capsys.readouterr()[0].startswith("Flag shorthand -h has been deprecated, use --help\nUsage:  pydock ps")


# -- cobra's help flag is a bool flag: --help=BOOL, -h=BOOL ---------------------------------------
@pytest.mark.parametrize("argv", [
    ["version", "--help=true"], ["version", "--help=1"], ["version", "--help=yes"], ["version", "--help="],
    ["--help=true"], ["--help=false"], ["-h=false"], ["network", "--help=false"], ["network", "--help=true"],
    ["network", "ls", "--help=true"], ["network", "ls", "-h=true"], ["--help=false", "network"],
    ["network", "-h=false"], ["system", "--help=false", "bogus"],
    # the last setting wins, and pflag notes -h at each occurrence
    ["network", "--help", "--help=false"], ["network", "--help=true", "--help=0"], ["network", "-h", "-h=false"],
    ["network", "ls", "-h=false", "-h"],
    ["network", "ls", "-h=false", "-h", "--bogus"], ["--help", "--help=false"],
])
def test_help_flag_takes_a_bool_as_docker(pydock, docker, argv):
    """Measured with docker 28: `--help=false` runs the command (a group without one shows its help on
    stderr, exit 0), `--help=true`/`=1` shows help, another value fails as any bool flag does (125);
    `-h=…` prints the shorthand's deprecation note whatever its value. No engine is needed here."""
    mine, theirs = pydock(*argv), docker(*argv)
    assert mine.code == theirs.code
    if argv[0] in ("--help", "--help=true", "--help=false", "-h=false"):  # pydock has fewer top-level commands
        assert mine.out.replace("pydock", "docker")[:200] == theirs.out[:200]
        assert mine.err.replace("pydock", "docker")[:200] == theirs.err[:200]
        return
    assert mine.out.replace("pydock", "docker") == theirs.out
    assert mine.err.replace("pydock", "docker") == theirs.err


def test_help_false_runs_the_command(pyd):
    assert pyd("rm", "--help=false", "x") == (0, "force=False ['x']\n", "")
    assert pyd("rm", "--help=0", "x") == (0, "force=False ['x']\n", "")
    code, out, err = pyd("rm", "-h=false", "x")
    assert (code, out, err) == (0, "Flag shorthand -h has been deprecated, use --help\nforce=False ['x']\n", "")
    assert pyd("rm", "--help", "--help=false", "x") == (0, "force=False ['x']\n", "")
    assert pyd("rm", "--help=true", "--help=false", "x") == (0, "force=False ['x']\n", "")
    note = "Flag shorthand -h has been deprecated, use --help\n"
    assert pyd("rm", "-h", "-h=false", "x") == (0, note * 2 + "force=False ['x']\n", "")
    assert pyd("rm", "-fh", "-h=0", "x") == (0, note * 2 + "force=True ['x']\n", "")
