"""A file written whole or not at all (moby/sys/atomicwriter, as `docker save -o` uses it).

    with AtomicFile("out.tar", 0o600) as f:   # AtomicFileError: the destination cannot be written
        f.write(chunk) ...
        f.commit()                            # renamed into place; without commit nothing is left

Unlike docker, a read failure half-way (the engine went away) or Ctrl-C leaves no file either:
only commit() puts the file in place, and the temporary file is always removed.
"""
from __future__ import annotations

import os
import stat as st

from ..golang.oserror import create_temp, path_error


class AtomicFileError(Exception):
    """The destination is refused; str() is atomicwriter's message."""


def validate_destination(name: str) -> None:
    """atomicwriter.validateDestination."""
    if not name:
        raise AtomicFileError("file name is empty")
    directory = os.path.dirname(name)
    if directory not in ("", ".", ".."):
        try:
            info = os.stat(directory)
        except OSError as exc:
            raise AtomicFileError(f"invalid output path: {path_error('stat', directory, exc)}") from None
        if not st.S_ISDIR(info.st_mode):
            raise AtomicFileError(f"invalid output path: stat {directory}: not a directory")
    try:
        mode = os.lstat(name).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise AtomicFileError(f"failed to stat output path: {path_error('lstat', name, exc)}") from None
    checks = ((st.S_ISREG, None), (st.S_ISDIR, "cannot write to a directory"),
              (st.S_ISLNK, "cannot write to a symbolic link directly"),
              (st.S_ISFIFO, "cannot write to a named pipe (FIFO)"), (st.S_ISSOCK, "cannot write to a socket"),
              (st.S_ISCHR, "cannot write to a character device file"),
              (st.S_ISBLK, "cannot write to a block device file"))
    for test, message in checks:
        if test(mode):
            if message:
                raise AtomicFileError(message)
            return


class AtomicFile:
    """A temporary `.tmp-<name>…` beside `name`, renamed to `name` (mode `perm`) on commit().

    The name is checked at construction; the temporary file is made on entering the `with` block,
    where a SIGINT/SIGTERM cannot fall between its creation and the cleanup that removes it.
    Raises AtomicFileError (the destination is refused, the temporary file cannot be made).
    """

    def __init__(self, name: str, perm: int = 0o600):
        validate_destination(name)
        self.target = os.path.abspath(name)
        self.perm = perm
        self.committed = False
        self.temp = None
        self.file = None

    def write(self, data: bytes) -> int:
        return self.file.write(data)

    def flush(self) -> None:
        self.file.flush()

    def commit(self) -> None:
        """Sync, set the mode and move the file into place."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.chmod(self.temp, self.perm)
        os.replace(self.temp, self.target)
        self.committed = True

    def __enter__(self):
        from ..streams.signals import held

        try:
            with held():
                try:  # atomicwriter: os.CreateTemp(dir, ".tmp-"+base), so Go names the file it tried
                    fd, self.temp = create_temp(os.path.dirname(self.target), ".tmp-" + os.path.basename(self.target))
                except OSError as exc:
                    raise AtomicFileError(path_error("open", exc.filename, exc)) from None
                self.file = os.fdopen(fd, "wb")
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._discard()

    def _discard(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()
        if not self.committed and self.temp is not None:
            try:
                os.unlink(self.temp)
            except FileNotFoundError:
                pass
