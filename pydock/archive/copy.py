"""moby/go-archive's copy rules: which directory a tar goes to, how its entries are renamed,
and the tar streams themselves (built from local files, or extracted into them)."""
from __future__ import annotations

import os
import stat as st
import tarfile
import threading
from typing import Callable, Iterator

from .paths import (
    CopyError,
    CopyInfo,
    asserts_directory,
    base,
    eval_symlinks,
    get_rebase_name,
    has_trailing_separator,
    join,
    lstat,
    path_error,
    readlink,
    split_path_dir_entry,
    stat,
)

CHUNK = 32 * 1024


def source_info(path: str, follow_link: bool) -> CopyInfo:
    """archive.CopyInfoSourcePath for a local source; raises CopyError worded as Go's (`lstat /x: …`)."""
    if follow_link:
        resolved, rebase = get_rebase_name(path, eval_symlinks(path))
    else:
        parent, entry = path[:path.rfind("/") + 1], path[path.rfind("/") + 1:]
        resolved = eval_symlinks(parent) + "/" + entry
        rebase = base(path) if has_trailing_separator(path) and base(path) != base(resolved) else ""
    info = lstat(resolved)
    return CopyInfo(resolved, True, st.S_ISDIR(info.st_mode), rebase)


def destination_info(path: str) -> CopyInfo:
    """archive.CopyInfoDestinationPath for a local destination (symlinks followed, 10 at most)."""
    original = path
    info = _lstat_or_none(path)
    hops = 0
    while info is not None and st.S_ISLNK(info.st_mode):
        if hops > 10:
            raise CopyError(f"too many symlinks in {original}")
        hops += 1
        target = readlink(path)
        path = target if target.startswith("/") else join(split_path_dir_entry(path)[0], target)
        info = _lstat_or_none(path)
    if info is not None:
        return CopyInfo(path, True, st.S_ISDIR(info.st_mode))
    parent = split_path_dir_entry(path)[0]
    if not st.S_ISDIR(stat(parent).st_mode):
        raise CopyError("not a directory")
    return CopyInfo(path)


def _lstat_or_none(path: str) -> os.stat_result | None:
    """os.Lstat where a missing path is fine (os.IsNotExist) and any other failure is Go's PathError."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise path_error("lstat", path, exc) from None


def prepare_copy(src: CopyInfo, dst: CopyInfo) -> tuple[str, tuple[str, str] | None]:
    """archive.PrepareArchiveCopy: the directory to extract into and the (old, new) entry rename."""
    dst_dir, dst_base = split_path_dir_entry(dst.path)
    src_base = src.rebase_name or split_path_dir_entry(src.path)[1]
    if dst.exists and dst.is_dir:
        return dst.path, None
    if dst.exists and src.is_dir:
        raise CopyError("cannot copy directory")
    if not dst.exists and not src.is_dir and asserts_directory(dst.path):
        raise CopyError("no such directory")
    return dst_dir, (src_base, dst_base)


def renamer(*renames: tuple[str, str] | None) -> Callable[[str], str]:
    """Entry names rewritten as go-archive does: the first occurrence of each old base replaced."""
    steps = [(("" if old == "/" else old), new) for old, new in (r for r in renames if r)]

    def rename(name: str) -> str:
        for old, new in steps:
            name = name.replace(old, new, 1)
        return name
    return rename


# -- building a tar from local files ----------------------------------------------------------

class GoTar(tarfile.TarFile):
    """A tar writer whose archives are laid out as Go's archive/tar writes them."""

    end_blocks = True  # False: the stream stops after the last entry (as a Go writer closed too late)

    def close(self):
        """End the archive as Go's tar writer does: two zero blocks, no padding to a 10 KiB record."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.mode in ("a", "w", "x") and self.end_blocks:
                self.fileobj.write(tarfile.NUL * (tarfile.BLOCKSIZE * 2))
                self.offset += tarfile.BLOCKSIZE * 2
        finally:
            if not self._extfileobj:
                self.fileobj.close()

    def gettarinfo(self, name=None, arcname=None, fileobj=None):
        info = super().gettarinfo(name, arcname, fileobj)
        if info is not None:
            info.uname = info.gname = ""  # docker's FileInfoHeaderNoLookups
            info.mtime = int(info.mtime)  # whole seconds, as Go's writer keeps them (no PAX record)
        return info


def tar_chunks(src: CopyInfo, rename: Callable[[str], str], count: Callable[[int], None] | None = None,
               ) -> Iterator[bytes]:
    """archive.TarResource: the source as a tar stream, built in a thread and read in chunks."""
    parent, entry = split_path_dir_entry(src.path)
    root = os.path.join(parent, entry) if entry != "." else parent
    for chunk in tar_stream(lambda tar: _add_tree(tar, root, rename(entry))):
        if count:
            count(len(chunk))
        yield chunk


def tar_stream(fill: Callable[[tarfile.TarFile], None]) -> Iterator[bytes]:
    """A PAX tar written by `fill(tar)` in a thread, read in CHUNK-byte pieces as Go's io.Pipe hands them over.

    An error raised by `fill` is raised by the reader once the stream ends (a closed pipe is not an error).
    """
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def produce():
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                with GoTar.open(fileobj=pipe, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                    fill(tar)
        except BaseException as exc:  # reported by the reader
            failure.append(exc)

    worker = threading.Thread(target=produce, daemon=True)
    worker.start()
    with os.fdopen(read_fd, "rb") as reader:
        while chunk := reader.read(CHUNK):
            yield chunk
    worker.join()
    if failure and not isinstance(failure[0], BrokenPipeError):
        raise failure[0]

def _add_tree(tar: tarfile.TarFile, path: str, arcname: str) -> None:
    info = tar.gettarinfo(path, arcname)
    if info is None:  # sockets are left out, as docker does
        return
    if info.isreg():
        with open(path, "rb") as data:
            tar.addfile(info, data)
    else:
        tar.addfile(info)
    if info.isdir():
        for child in sorted(os.listdir(path)):
            _add_tree(tar, os.path.join(path, child), f"{arcname}/{child}")


# -- extracting a tar into local files --------------------------------------------------------

class ReadableChunks:
    """A file-like read() over an iterator of byte chunks (a response body)."""

    def __init__(self, chunks: Iterator[bytes], count: Callable[[int], None] | None = None):
        self.chunks, self.buffer, self.count = iter(chunks), b"", count

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self.buffer) < size:
            chunk = next(self.chunks, None)
            if chunk is None:
                break
            if self.count:
                self.count(len(chunk))
            self.buffer += chunk
        if size < 0:
            data, self.buffer = self.buffer, b""
        else:
            data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data


class _Untar(tarfile.TarFile):
    def chown(self, tarinfo, targetpath, numeric_owner):
        """NoLchown: files belong to whoever runs the copy."""


def untar(stream, dest: str, rename: Callable[[str], str]) -> None:
    """archive.Untar with NoLchown and NoOverwriteDirNonDir; entries may not leave `dest`."""
    dest_root = os.path.realpath(dest)
    dirs = []
    with _Untar.open(fileobj=stream, mode="r|*") as tar:
        for member in tar:
            member.name = rename(member.name)
            if member.islnk():
                member.linkname = rename(member.linkname)
            target = _inside(dest_root, member.name)
            if member.islnk():
                _inside(dest_root, member.linkname)
            if target == dest_root and member.isdir():
                continue
            _make_room(target, member, dest)
            tar.extract(member, dest_root, set_attrs=not member.isdir(), numeric_owner=True)
            if member.isdir():
                dirs.append((member, target))
    for member, target in reversed(dirs):
        tar.chmod(member, target)
        tar.utime(member, target)


def _inside(root: str, name: str) -> str:
    target = os.path.normpath(os.path.join(root, name))
    if target != root and not target.startswith(root.rstrip(os.sep) + os.sep):
        raise CopyError(f"invalid tar entry {name!r}: outside of the destination")
    return target


def _make_room(target: str, member: tarfile.TarInfo, dest: str) -> None:
    """What docker does with a path that exists: merge directories, refuse dir/non-dir swaps, else replace."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    is_dir = st.S_ISDIR(info.st_mode)
    if is_dir and not member.isdir():
        raise CopyError(f'cannot overwrite directory "{target}" with non-directory "{dest}"')
    if not is_dir and member.isdir():
        raise CopyError(f'cannot overwrite non-directory "{target}" with directory "{dest}"')
    if not is_dir:
        os.unlink(target)
