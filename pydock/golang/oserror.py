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
