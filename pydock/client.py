"""DockerClient: the Python API's entry point, shaped like docker-py's docker/client.py.

    >>> import pydock
    >>> client = pydock.from_env()
    >>> client.containers.run("alpine", ["echo", "hello", "world"])
    b'hello world\\n'

`client.containers`, `.images`, `.networks` and `.volumes` are the collections of pydock.models;
`client.api` is the Engine API underneath (pydock.api.client.APIClient), one call per endpoint.
"""
from __future__ import annotations

import os
from functools import cached_property

from .errors import ContainerError, DockerException  # noqa: F401 - docker-py's names, kept importable here
from .models.containers import Container, ContainerCollection, ExecResult  # noqa: F401
from .models.images import Image, ImageCollection  # noqa: F401
from .models.networks import Network, NetworkCollection  # noqa: F401
from .models.resource import CancellableStream
from .models.volumes import Volume, VolumeCollection  # noqa: F401


class DockerClient:
    """A connection to one engine, with one collection per kind of object.

    `base_url`: "unix:///var/run/docker.sock", "tcp://host:2376", "ssh://user@host" (DOCKER_HOST by
    default); `version`: the API version, or None/"auto" to negotiate; `tls`: a
    pydock.transport.tls.TLSOptions (from DOCKER_TLS_VERIFY/DOCKER_CERT_PATH by default). config.json
    (DOCKER_CONFIG) supplies HttpHeaders and the proxies put into containers' environment.
    """

    def __init__(self, base_url: str | None = None, version: str | None = None, timeout: float | None = None,
                 tls=None, environment=None):
        from .api.client import APIClient
        from .transport.client import Transport

        self._environment = os.environ if environment is None else environment
        if version == "auto":
            version = None
        if tls is None and self._environment.get("DOCKER_TLS_VERIFY"):
            tls = _tls_from_env(self._environment)
        host = base_url if base_url is not None else self._environment.get("DOCKER_HOST")
        self.api = APIClient(Transport(host, tls=tls or None, api_version=version,
                                       headers=self.config.get("HttpHeaders") or {}))
        self.containers = ContainerCollection(self)
        self.images = ImageCollection(self)
        self.networks = NetworkCollection(self)
        self.volumes = VolumeCollection(self)

    @classmethod
    def from_env(cls, version: str | None = None, timeout: float | None = None, environment=None, **kwargs):
        """DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as docker-py reads them."""
        return cls(version=version, timeout=timeout, environment=environment, **kwargs)

    @cached_property
    def config(self):
        """config.json (pydock.config.configfile.ConfigFile); an unreadable one counts as empty."""
        from .config import default_config_dir
        from .config.configfile import ConfigFile

        return ConfigFile.load(default_config_dir(self._environment))

    def _proxy_env(self, environment: list[str]) -> list[str]:
        """config.json's proxies for this engine added to a container's environment, as docker's CLI adds them."""
        from .opts.env import with_proxy_env

        return with_proxy_env(environment, self.config.get("proxies"), self.api.system.daemon_host)

    # -- registries ----------------------------------------------------------------------------
    def login(self, username: str, password: str | None = None, email: str | None = None,
              registry: str | None = None, reauth: bool = False, dockercfg_path: str | None = None) -> dict:
        """Check credentials with a registry through the engine (POST /auth) and keep them for this
        client's later pulls and pushes (docker-py 7's login; config.json is not written).

        `registry`: "127.0.0.1:5001", "https://registry.example.com" … (Docker Hub when None).
        Returns the engine's answer ({"Status": "Login Succeeded", "IdentityToken": ""}); without
        `reauth`, credentials already known for that registry and user are returned as they are,
        without asking. `dockercfg_path`: a config.json to read known credentials from instead of
        DOCKER_CONFIG's. Raises APIError when the registry refuses them.
        """
        from .config.credentials import INDEX_SERVER, CredentialsError, convert_to_hostname, get_auth_config

        key = convert_to_hostname(registry) if registry else INDEX_SERVER
        known = self._logins.get(key)
        if known is None:
            try:
                known = get_auth_config(self._config_at(dockercfg_path), key) or None
            except CredentialsError:
                known = None
        if known and known.get("username") == username and not reauth:
            return known
        body = {"username": username, "password": password, "email": email, "serveraddress": registry}
        answer = self.api.system.auth(body)
        self._logins[key] = {name: value for name, value in body.items() if value}
        return answer

    def registry_auth(self, repository: str, auth_config: dict | None = None) -> str:
        """The X-Registry-Auth value for pulling or pushing `repository` ("127.0.0.1:5001/app"):
        `auth_config` if given, else what login() kept for its registry, else the credentials
        docker stores for it (config.json's auths or a credential helper), else "{}"."""
        from .config.credentials import auth_config_key, encode_auth_config, encoded_auth
        from .opts.reference import split_docker_domain

        if auth_config is not None:
            return encode_auth_config(auth_config)
        domain, _ = split_docker_domain(repository)
        known = self._logins.get(auth_config_key(domain))
        return encode_auth_config(known) if known else encoded_auth(self.config, domain)

    @cached_property
    def _logins(self) -> dict:
        return {}

    def _config_at(self, path: str | None):
        if not path:
            return self.config
        from .config.configfile import ConfigFile

        return ConfigFile.load(os.path.dirname(os.path.abspath(path)))

    # -- the engine as a whole -------------------------------------------------------------------
    def ping(self) -> bool:
        """True when the engine answers /_ping; raises DockerException otherwise."""
        self.api.system.ping()
        return True

    def version(self) -> dict:
        """GET /version."""
        return self.api.system.version()

    def info(self) -> dict:
        """GET /info."""
        return self.api.system.info()

    def df(self) -> dict:
        """Disk usage (GET /system/df): {"LayersSize", "Images", "Containers", "Volumes", "BuildCache"}."""
        return self.api.system.df()

    def events(self, since=None, until=None, filters: dict | None = None, decode: bool | None = None):
        """The engine's events as they happen (GET /events): a CancellableStream of JSON lines (bytes), or
        of dicts with decode=True. Close it (from any thread) to stop; with `until` it ends by itself.

        `since`/`until`: a datetime, or Unix seconds (int, float or str). `filters`: {"type": "container",
        "event": ["start", "die"], "label": "a=b" …}.
        """
        from .api.base import as_filters
        from .models.resource import lines, response_stream
        from .streams.jsonstream import json_objects

        context = self.api.system.events(filters=as_filters(filters), since=_timestamp(since),
                                         until=_timestamp(until))
        return response_stream(context, lambda r: json_objects(r.iter_raw()) if decode else lines(r.iter_raw()))

    def close(self) -> None:
        self.api.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def from_env(**kwargs) -> DockerClient:
    """A client configured from the environment (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH …)."""
    return DockerClient.from_env(**kwargs)


def _timestamp(value):
    if value is None:
        return None
    if hasattr(value, "timestamp"):
        return str(int(value.timestamp()))
    return str(value)


def _tls_from_env(environment):
    from .config import default_config_dir
    from .transport.tls import TLSOptions

    return TLSOptions.resolve(tls=True, tlsverify=True, cacert=None, cert=None, key=None,
                              config_dir=default_config_dir(environment), env=environment)


__all__ = ["CancellableStream", "DockerClient", "from_env"]
