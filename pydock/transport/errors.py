"""Errors raised by the transport and API layers; the CLI turns them into docker's messages.

pydock.errors gives them docker-py's names (DockerException, APIError, NotFound, ImageNotFound …).
"""


class DockerError(Exception):
    """Base of every error pydock raises on purpose (docker-py's DockerException)."""


class EngineError(DockerError):
    """The engine answered with an error status and a message (docker-py's APIError)."""

    def __init__(self, status: int, message: str, *, from_daemon: bool = True, response=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.from_daemon = from_daemon  # False: the engine sent no message; ours is printed as is
        self.response = response  # the httpx response, when there was one

    def __str__(self) -> str:
        return f"Error response from daemon: {self.message}" if self.from_daemon else self.message

    # docker-py's APIError interface
    @property
    def status_code(self) -> int:
        return self.status

    @property
    def explanation(self) -> str:
        return self.message

    def is_client_error(self) -> bool:
        return 400 <= self.status < 500

    def is_server_error(self) -> bool:
        return 500 <= self.status < 600

    def is_error(self) -> bool:
        return self.is_client_error() or self.is_server_error()


class NotFound(EngineError):
    """404 from the engine (no such container, image, network …)."""


class ImageNotFound(NotFound):
    """404 naming a missing image (or repository), told apart by its message as docker-py does."""


class Conflict(EngineError):
    """409 from the engine."""


class InvalidVersion(DockerError):
    """The engine's API version is too old for what was asked (docker's client-side version check)."""


class InvalidArgument(DockerError):
    """A value refused before anything is sent (docker's client-side errdefs.InvalidParameter)."""


class DaemonUnreachable(DockerError):
    """The engine cannot be reached at all."""

    def __init__(self, host: str, detail: str = ""):
        super().__init__(host)
        self.host = host
        self.detail = detail

    def __str__(self) -> str:
        return f"Cannot connect to the Docker daemon at {self.host}. Is the docker daemon running?"


class EngineTimeout(DockerError):
    def __init__(self, host: str):
        super().__init__(host)
        self.host = host

    def __str__(self) -> str:
        return f"timed out waiting for the Docker daemon at {self.host}"


class StreamInterrupted(DockerError):
    """The connection broke while an answer was still streaming. str() is what docker's Go client says
    (see read_failure): "unexpected EOF" for a body cut short, "read unix @->/var/run/docker.sock: read:
    connection reset by peer" for a reset, else "error reading from the Docker daemon: <reason>"."""

    def __init__(self, detail: str, message: str | None = None):
        super().__init__(detail)
        self.message = message or f"error reading from the Docker daemon: {detail}"

    def __str__(self) -> str:
        return self.message


def read_failure(exc: Exception, scheme: str, address: str) -> StreamInterrupted:
    """The StreamInterrupted for an httpx error met while reading a streamed body from the engine at
    `scheme`://`address`: Go's net/http words where they can be known (the chunked reader's
    io.ErrUnexpectedEOF, a *net.OpError on a unix socket), httpx's reason otherwise."""
    import errno as errnos
    import os

    from ._imports import httpx as load_httpx

    if isinstance(exc, load_httpx().RemoteProtocolError):  # the body ended before its last chunk
        return StreamInterrupted(str(exc), "unexpected EOF")
    cause = exc
    while cause is not None and not (isinstance(cause, OSError) and cause.errno):
        cause = cause.__cause__ or cause.__context__
    if cause is None:
        return StreamInterrupted(str(exc) or type(exc).__name__)
    text = os.strerror(cause.errno)
    text = text[:1].lower() + text[1:]
    if scheme == "unix" and cause.errno in (errnos.ECONNRESET, errnos.EPIPE, errnos.ETIMEDOUT):
        return StreamInterrupted(text, f"read unix @->{address}: read: {text}")
    return StreamInterrupted(text)


class BodyReadError(DockerError):
    """A request body could not be read (a local file given to load or import); str() is Go's
    `read /x: is a directory`. The transport reports it as Go's http client does."""


class ConfigError(DockerError):
    """Bad host, TLS material or configuration: reported as given."""


# docker-py's errors.py: the 404 messages that mean an image is missing
_IMAGE_NOT_FOUND = ("no such image", "not found: does not exist or no pull access", "repository does not exist",
                    "was found but does not match the specified platform")


def error_for_status(status: int, message: str, *, from_daemon: bool = True, response=None) -> EngineError:
    """The EngineError subclass for an HTTP status (and, for 404, the message)."""
    cls = {404: NotFound, 409: Conflict}.get(status, EngineError)
    if cls is NotFound and any(fragment in message.lower() for fragment in _IMAGE_NOT_FOUND):
        cls = ImageNotFound
    return cls(status, message, from_daemon=from_daemon, response=response)
