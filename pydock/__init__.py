"""pydock: the docker command-line client, and a docker-py-shaped Python API under it."""

__version__ = "0.1.0"


def from_env(**kwargs):
    """A client configured from the environment (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH …)."""
    from .client import DockerClient

    return DockerClient.from_env(**kwargs)


def __getattr__(name: str):
    # pydock.DockerClient, without importing the Python API when only the CLI runs
    if name == "DockerClient":
        from .client import DockerClient

        return DockerClient
    if name in ("errors", "types"):  # docker.errors / docker.types work without their own import
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'pydock' has no attribute {name!r}")
