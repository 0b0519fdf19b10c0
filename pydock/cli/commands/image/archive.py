"""save, load, import: image tars in and out (docker/cli's image/save.go, load.go, import.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, option
from ...output import write_bytes, write_stream_bytes

PLATFORM_HELP = 'Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")'
CHUNK = 64 * 1024


@click.command("save", cls=DockerCommand, usage="save [OPTIONS] IMAGE [IMAGE...]", nargs=("min", 1))
@option("-o", "--output", default="", help="Write to a file, instead of STDOUT", complete="file")
@option("--platform", default="", hidden=True, api_version="1.48", complete="platform",
        help=f"Save only the given platform variant. {PLATFORM_HELP}")
@argument("images", complete="image")
@click.pass_obj
def save(env, output, platform, images):
    """`-o` goes through a temporary file renamed into place once the whole tar has arrived:
    a failure or Ctrl-C leaves nothing behind (not even the temporary file)."""
    from ....archive.atomicfile import AtomicFile, AtomicFileError
    from ....streams.signals import command_done

    if not output:
        if env.stdout_is_tty():
            raise StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect", FAILURE)
        _copy_save(env, images, _BinaryOut(env.stdout))
        return
    try:
        with AtomicFile(output, 0o600) as target:
            _copy_save(env, images, target)
            command_done()  # the whole tar arrived: a signal now no longer cancels the save
            target.commit()
    except AtomicFileError as exc:
        raise StatusError(f"failed to save image: {exc}", FAILURE) from None


def _copy_save(env, images, out) -> None:
    with env.api.images.save(list(images)) as response:
        for chunk in response.iter_raw(CHUNK):
            out.write(chunk)
    flush = getattr(out, "flush", None)
    if flush:
        flush()


class _BinaryOut:
    """Bytes to a text stream (its binary buffer when it has one)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data: bytes) -> None:
        write_stream_bytes(self.stream, data)


@click.command("load", cls=DockerCommand, usage="load [OPTIONS]", nargs=("none",))
@option("-i", "--input", "input_", default="", help="Read from tar archive file, instead of STDIN", complete="file")
@option("--platform", default="", hidden=True, api_version="1.48", complete="platform",
        help=f"Load only the given platform variant. {PLATFORM_HELP}")
@option("-q", "--quiet", kind="bool", help="Suppress the load output")
@argument("args")
@click.pass_obj
def load(env, input_, platform, quiet, args):
    if input_:
        source = _open_input(input_)
    else:
        if env.stdin_is_tty():
            raise StatusError("requested load from stdin, but stdin is empty", FAILURE)
        source = _stdin_binary(env)
    try:
        with env.api.images.load(_chunks(source), quiet=quiet or not env.stdout_is_tty()) as response:
            if response.headers.get("Content-Type") == "application/json":
                display_json_stream(env, response)
            else:
                for chunk in response.iter_raw(CHUNK):
                    write_bytes(env.stdout, chunk)
    finally:
        if input_:
            source.close()


def _open_input(path: str):
    """os.Open: a directory opens too (reading it fails later, as in Go)."""
    import os

    from ....golang.oserror import path_error

    try:
        return _File(os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)), path)
    except OSError as exc:
        raise StatusError(path_error("open", path, exc), FAILURE) from None


class _File:
    """A read-only file whose read errors carry Go's words (`read /tmp: is a directory`)."""

    def __init__(self, fd: int, path: str):
        self.fd, self.path = fd, path

    def read(self, size: int) -> bytes:
        import os

        from ....golang.oserror import path_error
        from ....transport.errors import BodyReadError

        try:
            return os.read(self.fd, size)
        except OSError as exc:
            raise BodyReadError(path_error("read", self.path, exc)) from None

    def close(self) -> None:
        import os

        os.close(self.fd)


def _stdin_binary(env):
    return getattr(env.stdin, "buffer", env.stdin)


def _chunks(source):
    while True:
        chunk = source.read(CHUNK)
        if not chunk:
            return
        yield chunk


def display_json_stream(env, response, *, aux=None, out=None) -> None:
    """jsonstream.Display to stdout (docker's progress lines; bars on a terminal); an error message in
    the stream ends the command with its text and its code (1 when it has none)."""
    from ....streams.jsonstream import json_objects
    from ....streams.progress import JSONMessageError, display_stream
    from ....streams.tty import terminal_size
    from ...output import write_flushed

    stream = out or env.stdout
    on_terminal = env.stdout_is_tty() if out is None else False

    def width() -> int:
        return (terminal_size(stream.fileno())[1] or 200) if on_terminal else 200

    try:
        display_stream(json_objects(response.iter_raw()), lambda text: write_flushed(stream, text),
                       is_terminal=on_terminal, width=width, aux=aux)
    except JSONMessageError as exc:
        raise StatusError(exc.message, exc.code or FAILURE) from None


@click.command("import", cls=DockerCommand, usage="import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]", nargs=("min", 1))
@option("-c", "--change", kind="list", help="Apply Dockerfile instruction to the created image")
@option("-m", "--message", default="", help="Set commit message for imported image")
@option("--platform", default=None, api_version="1.32", help="Set platform if server is multi-platform capable",
        complete="platform")
@argument("args", complete=["file"])
@click.pass_obj
def import_(env, change, message, platform, args):
    from ....opts.reference import parse_normalized_named

    if platform is None:
        platform = env.environ.get("DOCKER_DEFAULT_PLATFORM", "")
    source, reference = args[0], (args[1] if len(args) > 1 else "")
    data, name, opened = None, "-", None
    if source == "-":
        data = _chunks(_stdin_binary(env))
    elif source.startswith(("https://", "http://")):
        name = source
    else:
        opened = _open_input(source)
        data = _chunks(opened)
    try:
        if reference:
            try:
                parse_normalized_named(reference)
            except ValueError as exc:
                raise StatusError(str(exc), FAILURE) from None
        with env.api.images.import_image(data, source=name, repo=reference, message=message, platform=platform,
                                         changes=list(change)) as response:
            display_json_stream(env, response)
    finally:
        if opened is not None:
            opened.close()
