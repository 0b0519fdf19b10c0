"""docker-py's exception names, over the errors the transport and API layers raise.

    DockerException      every error pydock raises on purpose
    ├── APIError         the engine answered with an error status (.status_code, .explanation)
    │   └── NotFound     404
    │       └── ImageNotFound   a 404 naming an image or repository (told apart by message, as docker-py does)
    ├── InvalidVersion   the engine's API is too old for what was asked
    ├── InvalidArgument  a value refused before anything was sent
    ├── ContainerError   containers.run(): the container exited with a non-zero status
    ├── BuildError, ImageLoadError
    └── … DaemonUnreachable, StreamInterrupted (pydock's own, for a missing engine or a broken stream)
    StreamParseError     a progress/event stream cut inside a message or not JSON (a ValueError, as docker-py's
                         is not a DockerException either)

Catching `pydock.errors.NotFound` catches what `pydock.transport.errors.NotFound` is: they are one class.
"""
from __future__ import annotations

from .streams.jsonstream import JSONStreamError as StreamParseError
from .transport.errors import (
    Conflict,
    DaemonUnreachable,
    EngineTimeout,
    ImageNotFound,
    InvalidArgument,
    InvalidVersion,
    NotFound,
    StreamInterrupted,
)
from .transport.errors import DockerError as DockerException
from .transport.errors import EngineError as APIError

__all__ = ["APIError", "BuildError", "Conflict", "ContainerError", "DaemonUnreachable", "DockerException",
           "EngineTimeout", "ImageLoadError", "ImageNotFound", "InvalidArgument", "InvalidVersion", "NotFound",
           "StreamInterrupted", "StreamParseError", "create_unexpected_kwargs_error"]


class ContainerError(DockerException):
    """A container run by containers.run() (not detached) exited with a non-zero status.

    `stderr` is the container's standard error as bytes (None with auto_remove, as in docker-py).
    """

    def __init__(self, container, exit_status: int, command, image: str, stderr: bytes | None):
        self.container = container
        self.exit_status = exit_status
        self.command = command
        self.image = image
        self.stderr = stderr
        err = f": {stderr}" if stderr is not None else ""
        super().__init__(f"Command '{command}' in image '{image}' returned non-zero exit status {exit_status}{err}")


class BuildError(DockerException):
    """An image build failed; `build_log` holds the progress messages received."""

    def __init__(self, reason: str, build_log):
        super().__init__(reason)
        self.msg = reason
        self.build_log = build_log


class ImageLoadError(DockerException):
    """Loading an image archive failed."""


def create_unexpected_kwargs_error(name: str, kwargs) -> TypeError:
    """Python's own words for keywords a function does not take (as docker-py builds them)."""
    quoted = [f"'{key}'" for key in sorted(kwargs)]
    if len(quoted) == 1:
        return TypeError(f"{name}() got an unexpected keyword argument {quoted[0]}")
    return TypeError(f"{name}() got unexpected keyword arguments {', '.join(quoted)}")
