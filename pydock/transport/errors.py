"""Errors raised by the transport and API layers; the CLI turns them into docker's messages."""


class DockerError(Exception):
    """Base of every error pydock raises on purpose."""


class EngineError(DockerError):
    """The engine answered with an error status and a message."""

    def __init__(self, status: int, message: str, *, from_daemon: bool = True):
        super().__init__(message)
        self.status = status
        self.message = message
        self.from_daemon = from_daemon  # False: the engine sent no message; ours is printed as is

    def __str__(self) -> str:
        return f"Error response from daemon: {self.message}" if self.from_daemon else self.message


class NotFound(EngineError):
    """404 from the engine (no such container, image, network …)."""


class Conflict(EngineError):
    """409 from the engine."""


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
    """The connection broke while an answer was still streaming."""

    def __str__(self) -> str:
        return f"error reading from the Docker daemon: {self.args[0]}"


class BodyReadError(DockerError):
    """A request body could not be read (a local file given to load or import); str() is Go's
    `read /x: is a directory`. The transport reports it as Go's http client does."""


class ConfigError(DockerError):
    """Bad host, TLS material or configuration: reported as given."""


def error_for_status(status: int, message: str, *, from_daemon: bool = True) -> EngineError:
    cls = {404: NotFound, 409: Conflict}.get(status, EngineError)
    return cls(status, message, from_daemon=from_daemon)
