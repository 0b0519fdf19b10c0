"""The context `docker build` sends (docker/cli's image/build/context.go, go-archive's TarWithOptions).

    context_dir, dockerfile = context_from_local_dir("app", "")        # ("/abs/app", "Dockerfile")
    excludes = trim_build_files(read_dockerignore(context_dir), dockerfile, False)
    validate_context_directory(context_dir, excludes)
    for chunk in tar_context(context_dir, excludes): ...                # the tar stream, owned by 0:0

Or from stdin: `context_from_reader(stream, dockerfile_name)` turns a tar (plain or compressed) or a
lone Dockerfile into a tar; `add_dockerfile(tar_chunks, dockerfile_bytes)` adds a Dockerfile read
elsewhere (`-f -`, or one outside the context) under a random name, as docker does.

Failures raise ContextError with docker's message ("unable to prepare context: …" is added by the caller).
"""
from __future__ import annotations

import io
import os
import stat as st
import tarfile
import time
from typing import Callable, Iterable, Iterator

from ..golang.oserror import path_error
from .copy import tar_stream
from .paths import CopyError, eval_symlinks
from .patternmatcher import PatternError, PatternMatcher, matches, read_ignorefile

DEFAULT_DOCKERFILE = "Dockerfile"
CHUNK = 32 * 1024
PEEK = 1024  # archiveHeaderSize * 2: enough to tell a tar from a Dockerfile


class ContextError(Exception):
    """A build context docker refuses; str() is docker's message."""


# -- a local directory --------------------------------------------------------------------------

def resolve_context_path(given: str) -> str:
    """ResolveAndValidateContextPath: the absolute, symlink-free path of a directory."""
    absolute = os.path.abspath(given)
    try:
        resolved = eval_symlinks(absolute)
    except (OSError, CopyError) as exc:
        raise ContextError(f"unable to evaluate symlinks in context path: {_path_error(exc)}") from None
    try:
        info = os.lstat(resolved)
    except OSError as exc:
        raise ContextError(f'unable to stat context directory "{resolved}": {_path_error(exc)}') from None
    if not st.S_ISDIR(info.st_mode):
        raise ContextError(f"context must be a directory: {resolved}")
    return resolved


def context_from_local_dir(local_dir: str, dockerfile: str) -> tuple[str, str]:
    """GetContextFromLocalDir: (absolute context dir, Dockerfile path relative to it).

    `dockerfile` ("" for the default, "-" for stdin) is relative to the current directory, not to
    the context; the relative path may start with "../" (a Dockerfile outside the context).
    """
    context_dir = resolve_context_path(local_dir)
    if dockerfile and dockerfile != "-":
        dockerfile = os.path.abspath(dockerfile)
    return context_dir, dockerfile_rel_path(context_dir, dockerfile)


def dockerfile_rel_path(context_dir: str, given: str) -> str:
    """getDockerfileRelPath: the Dockerfile's path relative to the context ("Dockerfile", "dockerfile" …)."""
    if given == "-":
        return given
    path = given
    if not path:
        path = os.path.join(context_dir, DEFAULT_DOCKERFILE)
        if not os.path.lexists(path):
            lower = os.path.join(context_dir, DEFAULT_DOCKERFILE.lower())
            if os.path.lexists(lower):
                path = lower
    if not os.path.isabs(path):
        path = os.path.join(context_dir, path)
    try:
        path = eval_symlinks(path)
    except (OSError, CopyError) as exc:
        raise ContextError(f"unable to evaluate symlinks in Dockerfile path: {_path_error(exc)}") from None
    try:
        os.lstat(path)
    except FileNotFoundError:
        raise ContextError(f'Cannot locate Dockerfile: "{path}"') from None
    except OSError as exc:
        raise ContextError(f"unable to stat Dockerfile: {_path_error(exc)}") from None
    return os.path.relpath(path, context_dir)


def _path_error(exc: Exception) -> str:
    """Go's lstat error text (eval_symlinks words its own: CopyError)."""
    if isinstance(exc, OSError):
        return path_error("lstat", exc.filename or "", exc)
    return str(exc)


def read_dockerignore(context_dir: str) -> list[str]:
    """ReadDockerignore: the patterns of <context>/.dockerignore ([] when there is none)."""
    try:
        with open(os.path.join(context_dir, ".dockerignore"), "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ContextError(path_error("read", exc.filename or "", exc)) from None
    return read_ignorefile(data)


def trim_build_files(excludes: list[str], dockerfile: str, dockerfile_from_stdin: bool) -> list[str]:
    """TrimBuildFilesFromExcludes: .dockerignore and the Dockerfile are always sent (the engine
    leaves them out of the context the build sees)."""
    excludes = list(excludes)
    try:
        if matches(".dockerignore", excludes):
            excludes.append("!.dockerignore")
        if matches(dockerfile, excludes) and not dockerfile_from_stdin:
            excludes.append("!" + dockerfile)
    except PatternError:
        pass  # docker ignores the error here; the context check reports it
    return excludes


def validate_context_directory(context_dir: str, excludes: list[str]) -> None:
    """ValidateContextDirectory: every file that will be sent must be readable.

    Raises ContextError("error checking context: …").
    """
    try:
        matcher = PatternMatcher(excludes)
    except PatternError as exc:
        raise ContextError(f"error checking context: {exc}") from None

    def visit(path: str, rel: str) -> None:
        try:
            info = os.lstat(path)
        except PermissionError:
            raise ContextError(f"error checking context: can't stat '{path}'") from None
        except FileNotFoundError:
            raise ContextError(f"error checking context: file ('{path}') not found or excluded by "
                               ".dockerignore") from None
        if rel != ".":
            try:
                if matcher.matches_or_parent_matches(rel):
                    return
            except PatternError as exc:
                raise ContextError(f"error checking context: {exc}") from None
        if st.S_ISLNK(info.st_mode) or st.S_ISFIFO(info.st_mode):
            return
        if st.S_ISDIR(info.st_mode):
            try:
                names = sorted(os.listdir(path))
            except PermissionError:
                raise ContextError(f"error checking context: can't stat '{path}'") from None
            for name in names:
                visit(os.path.join(path, name), name if rel == "." else f"{rel}/{name}")
            return
        try:
            os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        except PermissionError:
            raise ContextError(f"error checking context: no permission to read from '{path}'") from None
        except OSError:
            pass

    visit(context_dir, ".")


def directory_context(path: str, dockerfile: str = "", read_dockerfile: Callable[[], bytes] | None = None,
                      log: Callable[[str], None] | None = None) -> tuple[Iterator[bytes], str]:
    """A local directory as docker's build sends it: (tar chunks, the Dockerfile's name in the tar).

    `dockerfile` is "" (PATH/Dockerfile), a path (relative to the current directory, as the CLI's -f;
    it may lie outside the context) or "-" with `read_dockerfile` giving its content (stdin). A
    Dockerfile from elsewhere travels under a random name (add_dockerfile). Raises ContextError with
    docker's message ("unable to prepare context: …", "error checking context: …"). `log` receives
    go-archive's error for a file it leaves out ("Can't add file /x/sock to tar: archive/tar: sockets
    not supported"), which docker logs and goes on.
    """
    try:
        context_dir, rel = context_from_local_dir(path, dockerfile)
    except ContextError as exc:
        raise ContextError(f"unable to prepare context: {exc}") from None
    data = None
    if dockerfile == "-":
        data = read_dockerfile() if read_dockerfile else b""
    elif rel.startswith("../"):
        try:
            with open(dockerfile, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise ContextError(f"unable to open Dockerfile: {path_error('open', dockerfile, exc)}") from None
    return tar_directory(context_dir, rel, data, from_stdin=dockerfile == "-", log=log)


def tar_directory(context_dir: str, rel: str, dockerfile: bytes | None = None, *, from_stdin: bool = False,
                  log: Callable[[str], None] | None = None) -> tuple[Iterator[bytes], str]:
    """A resolved context directory as docker sends it (.dockerignore honoured, every file checked
    readable first): (tar chunks, the Dockerfile's name in the tar). `dockerfile` is the content of
    a Dockerfile from elsewhere (stdin, outside the context), added under a random name."""
    excludes = read_dockerignore(context_dir)
    validate_context_directory(context_dir, excludes)
    excludes = trim_build_files(excludes, rel, from_stdin)
    body = tar_context(context_dir, excludes, log)
    if dockerfile is not None:
        body, rel = add_dockerfile(body, dockerfile)
    return body, rel


# -- the tar stream -----------------------------------------------------------------------------

def context_entries(context_dir: str, excludes: list[str]) -> Iterator[tuple[str, str]]:
    """(path on disk, name in the tar) of what TarWithOptions sends, in its order (a lexical walk;
    an excluded directory is entered only when a `!` pattern may re-include something in it)."""
    matcher = PatternMatcher(excludes)

    def walk(path: str, rel: str, parent_info) -> Iterator[tuple[str, str]]:
        try:
            names = sorted(os.listdir(path))
        except OSError:
            return  # go-archive logs it and goes on
        for name in names:
            child, child_rel = os.path.join(path, name), (name if rel == "." else f"{rel}/{name}")
            try:
                is_dir = st.S_ISDIR(os.lstat(child).st_mode)
            except OSError:
                continue
            try:
                skip, info = matcher.matches_using_parent_results(child_rel, parent_info)
            except PatternError as exc:
                raise ContextError(str(exc)) from None
            if skip:
                if is_dir and _exception_below(matcher, child_rel):
                    yield from walk(child, child_rel, info)
                continue
            yield child, child_rel
            if is_dir:
                yield from walk(child, child_rel, info)

    yield from walk(context_dir, ".", None)


def _exception_below(matcher: PatternMatcher, rel_dir: str) -> bool:
    prefix = rel_dir + "/"
    return matcher.exclusions and any(p.exclusion and (p.cleaned + "/").startswith(prefix)
                                      for p in matcher.patterns)


def tar_context(context_dir: str, excludes: list[str], log: Callable[[str], None] | None = None
                ) -> Iterator[bytes]:
    """The context directory as docker sends it: a tar of every file not excluded, owned by 0:0.
    A socket is left out, with go-archive's error message given to `log`."""
    def entries(tar: tarfile.TarFile) -> None:
        for path, name in context_entries(context_dir, excludes):
            _add(tar, path, name, log)
    return tar_stream(entries)


def _add(tar: tarfile.TarFile, path: str, name: str, log: Callable[[str], None] | None = None) -> None:
    try:
        info = tar.gettarinfo(path, name)
    except OSError:
        return  # go-archive logs it and goes on
    if info is None:  # a socket: tar.FileInfoHeader refuses it, go-archive logs that and goes on
        if log is not None:
            log(f"Can't add file {path} to tar: archive/tar: sockets not supported")
        return
    info.uid = info.gid = 0  # ChownOpts{UID: 0, GID: 0}
    if info.isreg():
        try:
            with open(path, "rb") as data:
                tar.addfile(info, data)
        except OSError:
            return
    else:
        tar.addfile(info)


def gzip_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The stream gzip-compressed (--compress; the engine detects compression by itself)."""
    import zlib

    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        data = compressor.compress(chunk)
        if data:
            yield data
    yield compressor.flush()


# -- a context on stdin -------------------------------------------------------------------------

def is_archive(header: bytes) -> bool:
    """build.IsArchive: compressed (bzip2, gzip, xz, zstd) or a tar header that reads."""
    if header.startswith((b"BZh", b"\x1f\x8b\x08", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd")):
        return True
    if len(header) >= 8 and int.from_bytes(header[:4], "little") & 0xFFFFFFF0 == 0x184D2A50:
        return True
    try:
        tarfile.TarInfo.frombuf(header[:tarfile.BLOCKSIZE], "utf-8", "surrogateescape")
    except (tarfile.HeaderError, ValueError):
        return False
    return True


def context_from_reader(stream, dockerfile: str) -> tuple[Iterator[bytes], str]:
    """GetContextFromReader: stdin as a tar stream (passed through) or as a Dockerfile (wrapped in a
    tar holding only "Dockerfile"); returns the chunks and the Dockerfile's name in the tar."""
    head = _read_at_least(stream, PEEK)
    if is_archive(head):
        return _chain(head, stream), dockerfile
    if dockerfile == "-":
        raise ContextError("build context is not an archive")
    if dockerfile:
        raise ContextError("ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles")
    content = head + stream.read()
    now = time.time()
    return single_file_tar(DEFAULT_DOCKERFILE, content, mode=0o666 & ~_umask(), mtime=now, uid=os.getuid(),
                           gid=os.getgid()), DEFAULT_DOCKERFILE


def _umask() -> int:
    """The process umask (os.Create's file mode depends on it), read without changing it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _read_at_least(stream, size: int) -> bytes:
    """bufio.Peek: up to `size` bytes, fewer at the end of the stream (a stream that can tell its end
    came with its last bytes, `at_eof`, is not read again)."""
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            break
        data += chunk
        if getattr(stream, "at_eof", False):
            break
    return data


def _chain(head: bytes, stream) -> Iterator[bytes]:
    if head:
        yield head
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def single_file_tar(name: str, content: bytes, *, mode: int, mtime: float, uid: int = 0,
                    gid: int = 0) -> Iterator[bytes]:
    def fill(tar: tarfile.TarFile) -> None:
        tar.addfile(_file_info(name, len(content), mode, mtime, uid, gid), io.BytesIO(content))
    return tar_stream(fill)


def _file_info(name: str, size: int, mode: int, mtime: float, uid: int = 0, gid: int = 0) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime, info.uid, info.gid = size, mode, int(mtime), uid, gid
    info.uname = info.gname = ""
    return info


def add_dockerfile(chunks: Iterable[bytes], dockerfile: bytes) -> tuple[Iterator[bytes], str]:
    """AddDockerfileToBuildContext: the Dockerfile added to the context tar as `.dockerfile.<random>`,
    and that name appended to .dockerignore (created when missing) so the build does not see it.

    As docker's ReplaceFileTarWrapper closes its pipe before its tar writer, the stream ends right
    after the last entry's data: no padding, no end-of-archive blocks (the engine reads it all the
    same, and the size docker reports is that of this stream). An existing .dockerignore is changed in
    place; what is new comes last, in the order docker's map gives it most often: the Dockerfile, then
    .dockerignore.
    """
    name = ".dockerfile." + os.urandom(10).hex()
    now = time.time()

    def ignore_entry(info: tarfile.TarInfo, content: bytes) -> tuple[tarfile.TarInfo, bytes]:
        data = content + f"\n{name}\n".encode()
        info.size = len(data)
        return info, data

    def fill(tar: tarfile.TarFile) -> None:
        from .copy import ReadableChunks

        added = {name: (_file_info(name, len(dockerfile), 0o600, now), dockerfile),
                 ".dockerignore": ignore_entry(_file_info(".dockerignore", 0, 0o600, now), b".dockerignore")}
        with tarfile.open(fileobj=ReadableChunks(iter(chunks)), mode="r|*") as source:
            for member in source:
                if member.name == ".dockerignore" and ".dockerignore" in added:  # changed where it is
                    del added[".dockerignore"]
                    info, data = ignore_entry(member, source.extractfile(member).read() if member.isreg() else b"")
                    tar.addfile(info, io.BytesIO(data))
                elif member.name == name:
                    continue
                else:
                    tar.addfile(member, source.extractfile(member) if member.isreg() else None)
        entries = list(added.values())
        for info, data in entries[:-1]:
            tar.addfile(info, io.BytesIO(data))
        info, data = entries[-1]
        tar.fileobj.write(info.tobuf(tar.format, tar.encoding, tar.errors) + data)
        tar.end_blocks = False

    return tar_stream(fill), name
