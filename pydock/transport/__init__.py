"""Transport: hosts, TLS, API versions and errors. Importing this package is cheap."""
from .errors import (  # noqa: F401
    ConfigError,
    Conflict,
    DaemonUnreachable,
    DockerError,
    EngineError,
    EngineTimeout,
    ImageNotFound,
    InvalidArgument,
    InvalidVersion,
    NotFound,
)
