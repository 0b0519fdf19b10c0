"""Go's path/filepath and moby/go-archive's path rules, as `docker cp` applies them (POSIX only)."""
from __future__ import annotations

import errno
import os
import posixpath
import stat as _stat
from dataclasses import dataclass

SEP = "/"


def clean(path: str) -> str:
    """filepath.Clean: "" -> ".", no doubled or trailing slashes, `..` resolved lexically."""
    if path == "":
        return "."
    cleaned = posixpath.normpath(path)
    return SEP + cleaned.lstrip(SEP) if cleaned.startswith(SEP) else cleaned


def base(path: str) -> str:
    """filepath.Base: the last element, trailing slashes ignored; "" -> ".", "///" -> "/"."""
    if path == "":
        return "."
    stripped = path.rstrip(SEP)
    if stripped == "":
        return SEP
    return stripped.rsplit(SEP, 1)[-1]


def dirname(path: str) -> str:
    """filepath.Dir: everything but the last element, cleaned; "a" -> "."."""
    head = path[:path.rfind(SEP) + 1]
    return clean(head) if head else "."


def join(*parts: str) -> str:
    """filepath.Join: non-empty parts joined with a slash, cleaned."""
    kept = [p for p in parts if p]
    return clean(SEP.join(kept)) if kept else ""


def is_abs(path: str) -> bool:
    return path.startswith(SEP)


def has_trailing_separator(path: str) -> bool:
    return path.endswith(SEP)


def specifies_current_dir(path: str) -> bool:
    return base(path) == "."


def asserts_directory(path: str) -> bool:
    return has_trailing_separator(path) or specifies_current_dir(path)


def preserve_trailing_dot_or_separator(cleaned: str, original: str) -> str:
    """archive.PreserveTrailingDotOrSeparator: keep the `/.` or `/` the user typed."""
    if not specifies_current_dir(cleaned) and specifies_current_dir(original):
        if not has_trailing_separator(cleaned):
            cleaned += SEP
        cleaned += "."
    if not has_trailing_separator(cleaned) and has_trailing_separator(original):
        cleaned += SEP
    return cleaned


def split_path_dir_entry(path: str) -> tuple[str, str]:
    """archive.SplitPathDirEntry: (parent, entry), where `dir/.` keeps "." as its entry."""
    cleaned = clean(path)
    if specifies_current_dir(path):
        cleaned += SEP + "."
    return dirname(cleaned), base(cleaned)


def abs_path(path: str) -> str:
    """filepath.Abs: joined with the working directory, cleaned."""
    return clean(path if is_abs(path) else join(os.getcwd(), path))


def resolve_local_path(path: str) -> str:
    """docker's resolveLocalPath: absolute, with the user's trailing `/` or `/.` kept."""
    return preserve_trailing_dot_or_separator(abs_path(path), path)


class CopyError(Exception):
    """A copy refused, with the text Go prints for it ("cannot copy directory", "lstat /x: not a directory")."""


def errno_text(errno: int) -> str:
    """A syscall.Errno as Go prints it: libc's message with a lower-case first letter."""
    text = os.strerror(errno)
    return text[:1].lower() + text[1:]


def path_error(op: str, path: str, exc: OSError) -> CopyError:
    """Go's *fs.PathError for a failed system call: `stat /a/b: no such file or directory`."""
    return CopyError(f"{op} {path}: {errno_text(exc.errno)}" if exc.errno else f"{op} {path}: {exc}")


def lstat(path: str) -> os.stat_result:
    """os.Lstat; failures raise CopyError worded as Go's."""
    try:
        return os.lstat(path)
    except OSError as exc:
        raise path_error("lstat", path, exc) from None


def stat(path: str) -> os.stat_result:
    """os.Stat; failures raise CopyError worded as Go's."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise path_error("stat", path, exc) from None


def readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError as exc:
        raise path_error("readlink", path, exc) from None


def eval_symlinks(path: str) -> str:
    """filepath.EvalSymlinks, walked as Go walks it (path/filepath/symlink.go).

    Errors are Go's: `lstat /a/b: no such file or directory` for the first missing component, a bare
    `not a directory` when a file is followed by more of the path (even a trailing slash), and
    `EvalSymlinks: too many links` after 255 links.
    """
    vol_len = 1 if path.startswith(SEP) else 0
    vol = dest = path[:vol_len]
    links = 0
    start = end = vol_len
    while start < len(path):
        while start < len(path) and path[start] == SEP:
            start += 1
        end = start
        while end < len(path) and path[end] != SEP:
            end += 1
        part = path[start:end]
        if part == "":
            break
        if part == ".":
            start = end
            continue
        if part == "..":
            r = dest.rfind(SEP, vol_len)
            if r < vol_len or dest[r + 1:] == "..":
                dest += (SEP if len(dest) > vol_len else "") + ".."
            else:
                dest = dest[:r]
            start = end
            continue
        if dest and not dest.endswith(SEP):
            dest += SEP
        dest += part
        info = lstat(dest)
        if not _stat.S_ISLNK(info.st_mode):
            if not _stat.S_ISDIR(info.st_mode) and end < len(path):
                raise CopyError(errno_text(errno.ENOTDIR))
            start = end
            continue
        links += 1
        if links > 255:
            raise CopyError("EvalSymlinks: too many links")
        link = readlink(dest)
        path = link + path[end:]
        if link.startswith(SEP):
            dest = vol = link[:1]
            end = vol_len = 1
        else:
            r = dest.rfind(SEP, vol_len)
            dest = vol if r < vol_len else dest[:r]
            end = 0
        start = end
    return clean(dest)


def get_rebase_name(path: str, resolved: str) -> tuple[str, str]:
    """archive.GetRebaseName: the resolved path (keeping `/.` and `/`) and the name to give it."""
    if specifies_current_dir(path) and not specifies_current_dir(resolved):
        resolved += SEP + "."
    if has_trailing_separator(path) and not has_trailing_separator(resolved):
        resolved += SEP
    rebase = base(path) if base(path) != base(resolved) else ""
    return resolved, rebase


@dataclass
class CopyInfo:
    path: str
    exists: bool = False
    is_dir: bool = False
    rebase_name: str = ""


def split_cp_arg(arg: str) -> tuple[str, str]:
    """docker's splitCpArg: CONTAINER:PATH, unless the path is absolute or starts with `.`."""
    if is_abs(arg):
        return "", arg
    container, sep, path = arg.partition(":")
    if not sep or container.startswith("."):
        return "", arg
    return container, path
