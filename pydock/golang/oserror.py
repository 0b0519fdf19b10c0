"""Go's os error texts (*fs.PathError): `open /x: no such file or directory`."""
from __future__ import annotations

import errno


def errno_text(exc: OSError) -> str:
    """syscall.Errno's text: strerror with a lower-case first letter ("permission denied")."""
    if exc.errno == errno.EISDIR:
        return "is a directory"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def path_error(op: str, path: str, exc: OSError) -> str:
    """fs.PathError.Error(): "<op> <path>: <errno text>"."""
    return f"{op} {path}: {errno_text(exc)}"


def create_temp(directory: str, prefix: str, mode: int = 0o600) -> tuple[int, str]:
    """os.CreateTemp(directory, prefix): a new file `prefix` + random digits, opened exclusively.

    Returns (fd, path). An OSError from the open carries the attempted path as its filename, so
    path_error("open", exc.filename, exc) is Go's message."""
    import os
    import random

    for _ in range(10000):
        path = os.path.join(directory, f"{prefix}{random.randrange(1 << 32)}")
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, mode), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "file already exists", os.path.join(directory, prefix + "*"))
