"""Go's path/filepath and moby/go-archive's path rules, as `docker cp` applies them (POSIX only)."""
from __future__ import annotations

import os
import posixpath
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


def eval_symlinks(path: str) -> str:
    """filepath.EvalSymlinks (the path must exist); raises OSError as Go's lstat does."""
    try:
        os.lstat(path)
    except OSError:
        _raise_for_first_missing(path)
        raise
    resolved = os.path.realpath(path)
    if is_abs(path):
        return resolved
    return clean(os.path.relpath(resolved))


def _raise_for_first_missing(path: str) -> None:
    """Go reports the first component that fails, without a trailing slash: `lstat /a/b: …`."""
    parts = path.split(SEP)
    for end in range(1, len(parts) + 1):
        prefix = SEP.join(parts[:end])
        if prefix in ("", "."):
            continue
        os.lstat(prefix)  # raises for the first missing component


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
