"""cp, export, commit: declarations and wiring."""
from __future__ import annotations

import contextlib
import os

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, option
from ...output import print_line, write_stream_bytes

CP_USAGE = ("cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
            "\tpydock cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH")
MODE_DIR, MODE_SYMLINK = 1 << 31, 1 << 27  # Go's os.FileMode bits in the engine's path stat
MODE_DEVICE, MODE_IRREGULAR = 1 << 26, 1 << 19


# for the manual page (cli/manpages.py); --help shows neither
CP_DESCRIPTION = (
    "Copies files or directories between a container (CONTAINER:PATH, running or stopped) and the local "
    "filesystem, in either direction, as cp -a would: a directory is copied with its content, and a "
    "trailing \"/.\" copies only the content. Files copied into a container belong to root and those copied "
    "out to the user running pydock, unless -a keeps the source's owner; -L follows a symbolic link given "
    "as the source.\n\n"
    "\"-\" in place of the local path streams a tar archive instead: from stdin, extracted into a directory "
    "of the container, or to stdout, holding the container's path. When stdout is a terminal, a line on "
    "stderr tells how much was copied (not with -q).")
CP_EXAMPLES = [  # (what it does, command line)
    ("Copy a file out of a container", "pydock cp web:/etc/nginx/nginx.conf ."),
    ("Copy a local directory into a container", "pydock cp ./site web:/var/www/"),
    ("Copy only the content of a directory", "pydock cp ./site/. web:/var/www/html"),
    ("Save a container's directory as a tar archive", "pydock cp web:/var/log - > logs.tar"),
    ("Extract a tar archive into a container", "pydock cp - web:/tmp < files.tar"),
]


@click.command("cp", cls=DockerCommand, usage=CP_USAGE, nargs=("exact", 2),
               help="Copy files/folders between a container and the local filesystem\n\n"
                    "Use '-' as the source to read a tar archive from stdin\n"
                    "and extract it to a directory destination in a container.\n"
                    "Use '-' as the destination to stream a tar archive of a\n"
                    "container source to stdout.", description=CP_DESCRIPTION, examples=CP_EXAMPLES)
@option("-a", "--archive", kind="bool", help="Archive mode (copy all uid/gid information)")
@option("-L", "--follow-link", kind="bool", help="Always follow symbol link in SRC_PATH")
@option("-q", "--quiet", kind="optbool",
        help="Suppress progress output during copy. Progress output is automatically suppressed "
             "if no terminal is attached")
@argument("paths", complete="cp-path")
@click.pass_obj
def cp(env, archive, follow_link, quiet, paths):
    from ....archive.paths import CopyError, split_cp_arg

    source, destination = paths
    if not source:
        raise StatusError("source can not be empty", FAILURE)
    if not destination:
        raise StatusError("destination can not be empty", FAILURE)
    if quiet is None:
        quiet = not env.stdout_is_tty()
    src_container, src_path = split_cp_arg(source)
    dst_container, dst_path = split_cp_arg(destination)
    if src_container and dst_container:
        raise StatusError("copying between containers is not supported", FAILURE)
    if not src_container and not dst_container:
        raise StatusError("must specify at least one container source", FAILURE)
    progress = _Progress(env, quiet)
    try:
        if src_container:
            _copy_from_container(env, src_container, src_path, dst_path, follow_link, progress)
        else:
            _copy_to_container(env, dst_container, src_path, dst_path, follow_link, archive, progress)
    except (CopyError, OSError) as exc:
        raise StatusError(_os_message(exc), FAILURE) from None


class _Progress:
    """Counts the bytes copied; on a terminal, docker then reports `Successfully copied 2.05kB to …`."""

    def __init__(self, env, quiet: bool):
        self.env, self.quiet, self.total = env, quiet, 0

    def add(self, n: int) -> None:
        self.total += n

    def done(self, target: str) -> None:
        if not self.quiet:
            from ....formatting.units import human_size_with_precision

            print_line(self.env.stderr, f"Successfully copied {human_size_with_precision(self.total, 3)} to {target}")


def _copy_from_container(env, container, src_path, dst_path, follow_link, progress) -> None:
    from ....archive import copy as arc
    from ....archive import paths

    if dst_path != "-":
        dst_path = paths.resolve_local_path(dst_path)
    _validate_output_path(dst_path)
    api = env.api.containers
    rebase = ""
    if follow_link:
        stat = _stat_or_none(api, container, src_path)
        if stat and stat.get("mode", 0) & MODE_SYMLINK:
            src_path, rebase = paths.get_rebase_name(src_path, _link_target(stat, src_path))
    with _interrupt_cancels_quietly():
        with api.get_archive(container, src_path) as response:
            if dst_path == "-":
                for chunk in response.iter_bytes():
                    write_stream_bytes(env.stdout, chunk)
                return
            stat = _decode_stat(response.headers.get("X-Docker-Container-Path-Stat", ""))
            src = paths.CopyInfo(src_path, True, bool(stat.get("mode", 0) & MODE_DIR), rebase)
            first = (paths.split_path_dir_entry(src.path)[1], rebase) if rebase else None
            dst = arc.destination_info(dst_path)
            dst_dir, second = arc.prepare_copy(src, dst)
            stream = arc.ReadableChunks(response.iter_bytes(), progress.add)
            arc.untar(stream, dst_dir, arc.renamer(first, second))
    progress.done(dst_path)


@contextlib.contextmanager
def _interrupt_cancels_quietly(active: bool = True):
    """docker's cp wraps the transfer in its own signal.NotifyContext(os.Interrupt): a SIGINT then
    cancels the copy with a plain context.Canceled, which docker's main does not report, and the
    progress line is still printed: the command ends with 0 (what is already written stays, as in
    docker). SIGTERM is not caught there: it cancels the command (128+15)."""
    import signal

    from ....streams.signals import Terminated, command_done

    try:
        yield
    except Terminated as exc:
        if not active or exc.signum != signal.SIGINT:
            raise
        command_done()


def _copy_to_container(env, container, src_path, dst_path, follow_link, archive, progress) -> None:
    from ....archive import copy as arc
    from ....archive import paths

    if src_path != "-":
        src_path = paths.resolve_local_path(src_path)
    api = env.api.containers
    dst = paths.CopyInfo(dst_path)
    stat = _stat_or_none(api, container, dst_path)
    if stat and stat.get("mode", 0) & MODE_SYMLINK:
        dst.path = _link_target(stat, dst_path)
        stat = _stat_or_none(api, container, dst.path)
    mode = (stat or {}).get("mode", 0)
    if mode & MODE_DEVICE or mode & MODE_IRREGULAR:
        kind = "got a device" if mode & MODE_DEVICE else "got an irregular file"
        raise StatusError(f'destination "{container}:{dst_path}": must be a directory or a regular file: {kind}',
                          FAILURE)
    if stat is not None:
        dst.exists, dst.is_dir = True, bool(mode & MODE_DIR)
    if src_path == "-":
        if not dst.is_dir:
            raise StatusError(f'destination "{container}:{dst_path}" must be a directory', FAILURE)
        api.put_archive(container, dst.path, _stdin_chunks(env), copy_uid_gid=archive)
        return
    src = arc.source_info(src_path, follow_link)
    dst_dir, second = arc.prepare_copy(src, dst)
    first = (paths.split_path_dir_entry(src.path)[1], src.rebase_name) if src.rebase_name else None
    chunks = arc.tar_chunks(src, arc.renamer(first, second), progress.add)
    with _interrupt_cancels_quietly(active=not progress.quiet):  # docker catches it only with progress
        api.put_archive(container, dst_dir, chunks, copy_uid_gid=archive)
    progress.done(f"{container}:{dst.path}")


def _stat_or_none(api, container: str, path: str) -> dict | None:
    """The container path's stat, or None on any engine error: docker ignores them all (a missing
    container, a path under a file …) and lets the GET or PUT that follows report the fault."""
    from ....transport.errors import EngineError

    try:
        return api.archive_stat(container, path)
    except EngineError:
        return None


def _link_target(stat: dict, link_path: str) -> str:
    """Where a symlink in the container points, relative targets taken from the link's directory."""
    from ....archive import paths

    target = stat.get("linkTarget") or ""
    if not paths.is_abs(target):
        target = paths.join(paths.split_path_dir_entry(link_path)[0], target)
    return target


def _decode_stat(header: str) -> dict:
    import base64
    import json

    try:
        return json.loads(base64.b64decode(header)) if header else {}
    except ValueError:
        return {}


def _stdin_chunks(env):
    stdin = getattr(env.stdin, "buffer", env.stdin)
    while True:
        chunk = stdin.read(64 * 1024)
        if not chunk:
            return
        yield chunk


def _validate_output_path(path: str) -> None:
    """docker's ValidateOutputPath for a local destination (cli/command/utils.go)."""
    import stat as st

    from ....archive import paths

    parent = paths.dirname(paths.clean(path))
    if parent not in ("", ".") and _missing(parent):
        raise StatusError(f'invalid output path: directory "{parent}" does not exist', FAILURE)
    if _missing(path):
        return
    mode = paths.stat(path).st_mode
    if st.S_ISCHR(mode) or st.S_ISBLK(mode):
        raise StatusError(f'invalid output path: "{path}" must be a directory or a regular file: got a device',
                          FAILURE)


def _missing(path: str) -> bool:
    """Go's os.IsNotExist(os.Stat(path)): only ENOENT counts, `not a directory` does not."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _os_message(exc: Exception) -> str:
    """An OSError that escaped the Go-worded wrappers, printed as Go prints a PathError."""
    if isinstance(exc, OSError) and exc.errno:
        from ....archive.paths import errno_text

        text = errno_text(exc.errno)
        return f"open {exc.filename}: {text}" if exc.filename else text
    return str(exc)


# -- export -----------------------------------------------------------------------------------

@click.command("export", cls=DockerCommand, usage="export [OPTIONS] CONTAINER", nargs=("exact", 1))
@option("-o", "--output", default="", help="Write to a file, instead of STDOUT", complete="file")
@argument("container", complete="container")
@click.pass_obj
def export(env, output, container):
    if not output and env.stdout_is_tty():
        raise StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect", FAILURE)
    if output:
        _check_export_destination(output)
    with env.api.containers.export(container[0]) as response:
        if not output:
            for chunk in response.iter_bytes():
                write_stream_bytes(env.stdout, chunk)
            return
        _write_atomically(output, response.iter_bytes())


def _check_export_destination(path: str) -> None:
    """moby/sys/atomicwriter's validateDestination."""
    import stat as st

    from ....archive import paths

    prefix = "failed to export container: "
    parent = paths.dirname(path)
    if parent not in ("", ".", ".."):
        try:
            if not os.path.isdir(parent) and os.stat(parent):
                raise StatusError(f"{prefix}invalid output path: stat {parent}: not a directory", FAILURE)
        except OSError as exc:
            raise StatusError(f"{prefix}invalid output path: {_stat_message(exc, parent)}", FAILURE) from None
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    problems = ((st.S_ISDIR, "cannot write to a directory"), (st.S_ISLNK, "cannot write to a symbolic link directly"),
                (st.S_ISFIFO, "cannot write to a named pipe (FIFO)"), (st.S_ISSOCK, "cannot write to a socket"),
                (st.S_ISCHR, "cannot write to a character device file"),
                (st.S_ISBLK, "cannot write to a block device file"))
    for test, message in problems:
        if test(mode):
            raise StatusError(prefix + message, FAILURE)


def _stat_message(exc: OSError, path: str) -> str:
    text = (exc.strerror or str(exc))
    return f"stat {path}: {text[0].lower() + text[1:]}"


def _write_atomically(path: str, chunks) -> None:
    """Write next to the target and rename, mode 0600, as docker's atomic writer does; a failure or a
    SIGINT/SIGTERM leaves nothing (docker keeps the partial tar of an interrupted export)."""
    from ....archive.atomicfile import AtomicFile
    from ....streams.signals import command_done

    with AtomicFile(path, 0o600) as out:
        for chunk in chunks:
            out.write(chunk)
        command_done()
        out.commit()


# -- commit -----------------------------------------------------------------------------------

@click.command("commit", cls=DockerCommand, usage="commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
               nargs=("range", 1, 2), interspersed=False)
@option("-a", "--author", default="",
        help='Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")')
@option("-c", "--change", "changes", kind="list",
        help="Apply Dockerfile instruction to the created image")
@option("-m", "--message", default="", help="Commit message")
@option("-p", "--pause", kind="bool", default=True, help="Pause container during commit (default true)")
@argument("args", complete=["container"])
@click.pass_obj
def commit(env, author, changes, message, pause, args):
    container = args[0].strip()
    if not container:
        raise StatusError("invalid container name or ID: value is empty", FAILURE)
    repo, tag = _commit_reference(args[1] if len(args) > 1 else "")
    answer = env.api.containers.commit(container, repo=repo, tag=tag, comment=message, author=author,
                                       pause=pause, changes=list(changes))
    print_line(env.stdout, answer.get("Id") or answer.get("ID") or "")


def _commit_reference(reference: str) -> tuple[str, str]:
    """The repository and tag docker's client sends for `commit c REPOSITORY[:TAG]`."""
    if not reference:
        return "", ""
    from ....opts.reference import parse_normalized_named

    try:
        ref = parse_normalized_named(reference)
    except ValueError as exc:
        raise StatusError(str(exc), FAILURE) from None
    if ref.digest:
        raise StatusError("refusing to create a tag with a digest reference", FAILURE)
    return ref.name, ref.tag or "latest"
