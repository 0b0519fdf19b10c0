"""The entry point: global flags, lazy command registry, and the one place exits are decided."""
from __future__ import annotations

import os
import sys

import click

from ..streams.pump import OutputFailed
from .base import LazyGroup
from .errors import FAILURE, INTERRUPTED, StatusError, UsageFailure
from .flags import option
from .loader import top_commands

VERSION = "0.1.0"
LOG_LEVELS = ("trace", "debug", "info", "warn", "warning", "error", "fatal", "panic")  # logrus.ParseLevel


def _print_version(ctx, param, value):
    if value and not ctx.resilient_parsing:
        click.echo(f"pydock version {VERSION}")
        ctx.exit(0)


@click.group(cls=LazyGroup, lazy=top_commands(), usage="[OPTIONS] COMMAND [ARG...]",
             help="A self-sufficient runtime for containers")
@option("-H", "--host", "hosts", kind="list", help="Daemon socket to connect to")
@option("-c", "--context", complete="context", help='Name of the context to use to connect to the daemon '
        '(overrides DOCKER_HOST env var and default context set with "docker context use")')
@option("--config", "config_dir", help="Location of client config files", complete="dir")
@option("-D", "--debug", kind="bool", help="Enable debug mode")
@option("-l", "--log-level", default="info", help='Set the logging level ("debug", "info", "warn", "error", "fatal")',
        complete=("debug", "info", "warn", "error", "fatal", "panic"))
@option("--tls", kind="bool", help="Use TLS; implied by --tlsverify")
@option("--tlsverify", kind="optbool", help="Use TLS and verify the remote")
@option("--tlscacert", help="Trust certs signed only by this CA", complete="file")
@option("--tlscert", help="Path to TLS certificate file", complete="file")
@option("--tlskey", help="Path to TLS key file", complete="file")
@option("-v", "--version", kind="bool", expose_value=False, is_eager=True, callback=_print_version,
        help="Print version information and quit")
@click.pass_context
def cli(ctx, hosts, context, config_dir, debug, log_level, tls, tlsverify, tlscacert, tlscert, tlskey):
    from .env import CLIEnv, GlobalOptions

    if log_level and log_level.lower() not in LOG_LEVELS:  # docker ignores an empty level
        raise StatusError(f'Unable to parse logging level: {log_level}', FAILURE)
    log_level = log_level.lower() or "info"
    options = GlobalOptions(hosts=hosts, context=context, config_dir=config_dir, debug=debug,
                            log_level="debug" if debug else log_level, tls=tls, tlsverify=tlsverify,
                            tlscacert=tlscacert, tlscert=tlscert, tlskey=tlskey)
    if hosts and context:
        raise StatusError("conflicting options: cannot specify both --host and --context", FAILURE)
    ctx.obj = CLIEnv(options)
    ctx.obj.config  # noqa: B018 - read now, as docker does, so that its warning comes first


def run(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Run one command line and return its exit status. Never raises (but SystemExit)."""
    args = list(sys.argv[1:] if argv is None else argv)
    prog = prog or os.path.basename(sys.argv[0] or "pydock") or "pydock"
    if prog.startswith("__main__") or prog.endswith(".py") or prog == "-c":  # python -m, a script, python -c
        prog = "pydock"
    debug = _wants_debug(args)
    ctx = None
    try:
        with cli.make_context(prog, args) as ctx:
            result = cli.invoke(ctx)
        return result if isinstance(result, int) else 0
    except UsageFailure as exc:
        _stderr(exc.render())
        _hint(exc, ctx)
        return exc.status
    except StatusError as exc:
        if exc.message:
            _stderr(exc.message)
            _hint(exc, ctx)
        return exc.status
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        return INTERRUPTED
    except click.UsageError as exc:
        _stderr(exc.format_message())
        return FAILURE
    except KeyboardInterrupt as exc:
        return _cancelled_status(exc)
    except BrokenPipeError:
        _die_of_sigpipe()
    except OutputFailed as exc:  # container output that could not be written: docker's io.Copy error
        _stderr(str(exc))
        return FAILURE
    except Exception as exc:  # the last line of defence: one line, no traceback unless -D
        from ..streams.jsonstream import JSONStreamError
        from ..transport.errors import DockerError

        if debug:
            import traceback

            traceback.print_exc()
        if isinstance(exc, JSONStreamError):  # a cut or corrupt progress/event stream: Go's decoder error
            from ..golang.jsondecode import decoder_error

            _stderr(decoder_error(exc.data))
        elif isinstance(exc, DockerError):
            _stderr(str(exc))
            _hint(exc, ctx)
        elif _is_output_failure(exc):  # Go's *fs.PathError for the write to stdout
            from ..golang.oserror import errno_text

            _stderr(f"write /dev/stdout: {errno_text(exc)}")
        else:
            _stderr(f"{prog}: {type(exc).__name__}: {exc}" if not str(exc) else f"{prog}: {exc}")
        return FAILURE
    return FAILURE


def _hint(exc: Exception, ctx) -> None:
    """After docker's error text, on a terminal only: what the user probably meant (cli/suggest.py), one
    line on stderr; a pipe keeps docker's bytes."""
    try:
        if not sys.stderr.isatty():
            return
        from .suggest import hint_for

        hint = hint_for(exc, ctx)
    except Exception:
        return
    if hint:
        _stderr(hint)


def _is_output_failure(exc: Exception) -> bool:
    """A write to stdout that failed (a full disk, a quota, an I/O error): an OSError naming no file,
    with an errno only writes give. (docker ignores most such failures and exits 0; pydock says so
    and exits 1, as docker save does.)"""
    import errno

    return (isinstance(exc, OSError) and exc.filename is None
            and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO))


def _wants_debug(args: list[str]) -> bool:
    for arg in args:
        if arg in ("-D", "--debug"):
            return True
        if not arg.startswith("-"):
            return False
    return False


def _stderr(text: str) -> None:
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass


def _die_of_sigpipe() -> None:
    """End as a Go program does when its reader goes away: killed by SIGPIPE, nothing printed."""
    import signal

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGPIPE)


def open_standard_streams() -> None:
    """A closed stdin, stdout or stderr (`<&-`, `>&-`, `2>&-`) reads and writes /dev/null, for every command;
    a write that fails otherwise (a full disk) is dropped as docker drops it (output.GoStream).

    Go's runtime does the same at startup (checkfds, Go 1.22+), which is why docker then reads end of
    file and writes nowhere without an error. Until then the fd number is free: the next socket or
    file opened would take it, and output meant for stdout would go there. CPython leaves sys.stdout
    (…) None for such an fd; it is rebuilt on the new descriptor.
    """
    import errno
    import fcntl

    for fd in (0, 1, 2):
        try:
            fcntl.fcntl(fd, fcntl.F_GETFD)
            continue
        except OSError as exc:
            if exc.errno != errno.EBADF:
                continue
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", errors="backslashreplace", closefd=False))
    from .output import GoStream

    sys.stdout, sys.stderr = GoStream(sys.stdout, "stdout"), GoStream(sys.stderr, "stderr")


def _cancelled_status(exc: KeyboardInterrupt) -> int:
    """128 + the signal that cancelled the command (docker's getExitCode of errCtxSignalTerminated)."""
    return getattr(exc, "status", INTERRUPTED)


def main() -> None:
    """The process: SIGINT/SIGTERM are caught first (python -m pydock caught them before importing this),
    a signal at any point until the exit ends it with 128+signal and no traceback."""
    from ..streams import signals

    signals.catch_termination()
    try:
        open_standard_streams()
        signals.install_runtime_defaults()
        status = run()
        signals.command_done()
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _die_of_sigpipe()
        except (OSError, ValueError):
            pass
    except KeyboardInterrupt as exc:
        status = _cancelled_status(exc)
    signals.settle_for_exit()
    sys.exit(status)
