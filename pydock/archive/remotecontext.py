"""Build contexts docker's CLI fetches itself (docker/cli's image/build/context.go GetContextFromURL
and GetContextFromGitURL, moby's builder/remotecontext/urlutil and git/gitutils.go).

    is_git_url("https://host/repo.git#main:app")     # True: cloned with the local `git`
    is_url("http://host/ctx.tar.gz")                  # True: downloaded (a tar, or a lone Dockerfile)

    chunks, dockerfile = context_from_url(write, url, "", width)      # progress lines go to write()
    clone = clone_git_context(url, "")                # GitContext: .root (remove it), .context_dir, .dockerfile

Failures raise ContextError with docker's message (the caller adds "unable to prepare context: ").
"""
from __future__ import annotations

import os
import re
import shutil
import stat as st
import subprocess
import tempfile
import time
from dataclasses import dataclass
from typing import Callable, Iterator

from .buildcontext import ContextError, context_from_reader, dockerfile_rel_path, resolve_context_path

_GIT_FRAGMENT = re.compile(r"\.git(?:#.+)?$")


def is_url(text: str) -> bool:
    """urlutil.IsURL: an http:// or https:// address (not checked further)."""
    return text.startswith(("https://", "http://"))


def is_git_url(text: str) -> bool:
    """urlutil.IsGitURL: http(s) ending in .git (with an optional #fragment), git://, git@, github.com/."""
    if is_url(text) and _GIT_FRAGMENT.search(text):
        return True
    return text.startswith(("git://", "github.com/", "git@"))


# -- a URL: a tar archive or a Dockerfile -------------------------------------------------------

class ProgressReader:
    """progress.NewProgressReader with streamformatter's plain output, as docker shows a download:
    "<action> [==>   ]  1.2kB/3.4kB\\r" every 1% (at most 512kB, at most every 100ms) and once at
    the end followed by "\\r\\n". `width` is the terminal's (the bar shows above 110 columns)."""

    EVERY = 512 * 1024

    def __init__(self, chunks: Iterator[bytes], size: int, action: str, write: Callable[[str], None],
                 width: int, now: Callable[[], float] = time.monotonic):
        self._chunks, self.size, self.action = chunks, size, action
        self._write, self._width, self._now = write, width, now
        self.current = self._last_update = 0
        self._allowed_at: float | None = None
        self._pending = b""
        self._done = False
        self._next: bytes | None = self._pull()
        # Go's http body hands over its last bytes together with io.EOF when the length is known:
        # a bufio.Peek then stops without another read (no final progress line until one is made)
        self.at_eof = False

    def _pull(self) -> bytes | None:
        chunk = next(self._chunks, None)
        while chunk == b"":
            chunk = next(self._chunks, None)
        return chunk

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            parts = []
            while True:
                data = self.read(64 * 1024)
                if not data:
                    return b"".join(parts)
                parts.append(data)
        if self._done:
            return b""
        if not self._pending:
            chunk, self._next = self._next, None
            if chunk is None:
                self._done = True
                self._update(last=True)
                return b""
            self._pending = chunk
            self._count(len(chunk))
            self._next = self._pull()
        data, self._pending = self._pending[:size], self._pending[size:]
        self.at_eof = not self._pending and self._next is None and self.size >= 0
        return data

    def _count(self, read: int) -> None:
        self.current += read
        every = self.EVERY
        if self.size > 0:
            every = min(every, int(0.01 * self.size))
        if self.current - self._last_update > every:
            self._update(last=False)
            self._last_update = self.current

    def _update(self, last: bool) -> None:
        if not (last or self.current == self.size or self._allow()):
            return
        from ..streams.progress import progress_string

        bar = progress_string({"current": self.current, "total": self.size}, self._width)
        self._write(f"{self.action} {bar}" + ("\r" if bar else "\r\n") + ("\r\n" if last else ""))

    def _allow(self) -> bool:
        """rate.NewLimiter(rate.Every(100ms), 1).Allow()."""
        now = self._now()
        if self._allowed_at is None or now - self._allowed_at >= 0.1:
            self._allowed_at = now
            return True
        return False


def context_from_url(write: Callable[[str], None], url: str, dockerfile: str, width: int,
                     on_close: list | None = None) -> tuple[Iterator[bytes], str]:
    """GetContextFromURL: download `url`, showing "Downloading build context from remote url: …"
    through `write`, and read it as GetContextFromReader does (a tar passes through, anything else
    is the Dockerfile of a one-file context). `on_close` receives the download's close function."""
    from ..transport.remote import RemoteError, http_get

    try:
        download = http_get(url)
    except RemoteError as exc:
        raise ContextError(f"unable to download remote context {url}: {exc}") from None
    if on_close is not None:
        on_close.append(download.close)
    reader = ProgressReader(download.chunks(), download.size,
                            "Downloading build context from remote url: " + url, write, width)
    try:
        return context_from_reader(reader, dockerfile)
    except RemoteError as exc:
        raise ContextError(str(exc)) from None


# -- a git repository ---------------------------------------------------------------------------

@dataclass
class GitContext:
    """A clone: `root` (the temporary directory to remove), `context_dir` (root or its subdirectory),
    `dockerfile` (its path relative to context_dir)."""

    root: str
    context_dir: str
    dockerfile: str

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class GitRemote:
    """gitRepo: the address to fetch, the ref (default "master") and the subdirectory."""

    remote: str
    ref: str
    subdir: str


def parse_remote_url(url: str) -> GitRemote:
    """parseRemoteURL: "github.com/x/y" gets https://; the fragment is "<ref>:<subdir>"."""
    from urllib.parse import urlsplit, urlunsplit

    if not _is_git_transport(url):
        url = "https://" + url
    if url.startswith("git@"):
        remote, _, fragment = url.partition("#")
    else:
        parts = urlsplit(url)
        fragment = parts.fragment
        remote = urlunsplit(parts._replace(fragment=""))
    ref, _, subdir = fragment.partition(":")
    ref = ref or "master"
    if ref.startswith("-"):
        raise ContextError(f"invalid refspec: {ref}")
    return GitRemote(remote, ref, subdir)


def _is_git_transport(url: str) -> bool:
    from urllib.parse import urlsplit

    if url.startswith("git@"):
        return True
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in ("git", "http", "https", "ssh")


def clone_git_context(url: str, dockerfile: str) -> GitContext:
    """GetContextFromGitURL: clone into a new temporary directory (docker-build-git*) and find the
    Dockerfile in it (`dockerfile` is relative to the context, which it must not leave). The clone is
    removed again when this fails; on success the caller removes `root`."""
    if shutil.which("git") is None:
        raise ContextError("unable to find 'git': exec: \"git\": executable file not found in $PATH")
    try:
        repo = parse_remote_url(url)
        root, checkout = _clone(repo)
    except ContextError as exc:
        raise ContextError(f"unable to 'git clone' to temporary context directory: {exc}") from None
    clone = GitContext(root, checkout, "")
    try:
        clone.context_dir = resolve_context_path(checkout)
        clone.dockerfile = dockerfile_rel_path(clone.context_dir, dockerfile)
        if clone.dockerfile.startswith("../"):
            raise ContextError(f"the Dockerfile ({dockerfile}) must be within the build context")
    except BaseException:
        clone.remove()
        raise
    return clone


def _clone(repo: GitRemote) -> tuple[str, str]:
    """gitRepo.clone: init, add origin, fetch (shallow where the server allows), check out, update
    submodules. Returns (root, checkout directory)."""
    root = tempfile.mkdtemp(prefix="docker-build-git")
    try:
        out, failure = _git(root, "init")
        if failure:
            raise ContextError(f"failed to init repo at {root}: {out}: {failure}")
        out, failure = _git(root, "remote", "add", "origin", repo.remote)
        if failure:
            raise ContextError(f"failed add origin repo at {repo.remote}: {out}: {failure}")
        fetch = ["fetch", *(["--depth", "1"] if _supports_shallow_clone(repo.remote) else []), "origin", "--",
                 repo.ref]
        out, failure = _git(root, *fetch)
        if failure:
            raise ContextError(f"error fetching: {out}: {failure}")
        checkout = _checkout(root, repo)
        out, failure = _run(["git", "submodule", "update", "--init", "--recursive", "--depth=1"], root, os.environ)
        if failure:
            raise ContextError(f"error initializing submodules: {out}: {failure}")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return root, checkout


def _supports_shallow_clone(remote: str) -> bool:
    """A non-HTTP transport, or a smart HTTP server (it answers info/refs for git-upload-pack as one)."""
    from urllib.parse import urlsplit

    if urlsplit(remote).scheme.lower() not in ("http", "https"):
        return True
    from ..transport.remote import content_type_if_ok

    return content_type_if_ok(remote + "/info/refs?service=git-upload-pack") == \
        "application/x-git-upload-pack-advertisement"


def _checkout(root: str, repo: GitRemote) -> str:
    """The ref by name (a branch), else what was fetched; then the subdirectory, kept inside the clone."""
    out, failure = _git(root, "checkout", repo.ref)
    if failure:
        _, second = _git(root, "checkout", "FETCH_HEAD")
        if second:
            raise ContextError(f"error checking out {repo.ref}: {out}: {failure}")
    if not repo.subdir:
        return root
    try:
        directory = follow_symlink_in_scope(os.path.join(root, repo.subdir), root)
    except ContextError as exc:
        raise ContextError(f'error setting git context, "{repo.subdir}" not within git root: {exc}') from None
    try:
        info = os.stat(directory)
    except OSError as exc:
        from ..golang.oserror import path_error

        raise ContextError(path_error("stat", directory, exc)) from None
    if not st.S_ISDIR(info.st_mode):
        raise ContextError(f"error setting git context, not a directory: {directory}")
    return directory


def _git(directory: str, *args: str) -> tuple[str, str]:
    """gitWithinDir: file:// submodules and other unsafe transports refused, as docker runs git."""
    env = {**os.environ, "GIT_PROTOCOL_FROM_USER": "0"}
    return _run(["git", "-c", "protocol.file.allow=never", *args], directory, env)


def _run(argv: list[str], directory: str, env) -> tuple[str, str]:
    """(combined output, Go's exec error text or "")."""
    proc = subprocess.run(argv, cwd=directory, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    out = proc.stdout.decode(errors="replace")
    if proc.returncode == 0:
        return out, ""
    if proc.returncode < 0:
        import signal

        try:
            name = signal.Signals(-proc.returncode).name
        except ValueError:
            name = f"signal {-proc.returncode}"
        return out, f"signal: {_GO_SIGNAL_NAMES.get(name, name)}"
    return out, f"exit status {proc.returncode}"


_GO_SIGNAL_NAMES = {"SIGKILL": "killed", "SIGINT": "interrupt", "SIGTERM": "terminated", "SIGPIPE": "broken pipe",
                    "SIGSEGV": "segmentation fault", "SIGABRT": "aborted", "SIGHUP": "hangup", "SIGQUIT": "quit"}


def follow_symlink_in_scope(path: str, root: str) -> str:
    """moby/sys/symlink FollowSymlinkInScope: `path` with its symlinks resolved as if `root` were "/"
    (a link cannot lead out of it). Raises ContextError("evalSymlinksInScope: <path> is not in <root>")."""
    path, root = os.path.abspath(path), os.path.normpath(os.path.abspath(root))
    if path == root:
        return path
    rest = path[len(root):] if path.startswith(root) else None
    if root == "/" and rest is not None:
        rest = "/" + rest
    if rest is None or not rest.startswith("/"):
        raise ContextError(f"evalSymlinksInScope: {path if rest is None else rest} is not in {root}")
    rest = os.path.normpath(rest)
    built = ""
    for count in range(256 + 1):
        if not rest:
            break
        if count > 255:
            raise ContextError(f"evalSymlinksInScope: too many links in {path}")
        part, _, rest = rest.partition("/")
        if not part:
            continue
        clean = os.path.normpath("/" + built + part)
        if clean == "/":
            built = ""
            continue
        full = os.path.normpath(root + clean)
        try:
            info = os.lstat(full)
        except FileNotFoundError:
            built += part + "/"
            continue
        except OSError as exc:
            raise ContextError(str(exc)) from None
        if not st.S_ISLNK(info.st_mode):
            built += part + "/"
            continue
        dest = os.readlink(full)
        if dest.startswith("/"):
            built = ""
        rest = dest + "/" + rest
    return os.path.normpath(root + os.path.normpath("/" + built))
