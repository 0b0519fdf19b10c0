"""What a command runs in: streams, configuration and the engine connection, made on demand.

(Plain classes, not dataclasses: completion builds a CLIEnv on a TAB, and dataclasses' import costs
about as much as the rest of that path.)
"""
from __future__ import annotations

import os
import sys
from functools import cached_property


class GlobalOptions:
    """docker's global flags as given: `hosts` (-H, a tuple), `context`, `config_dir`, `debug`, `log_level`,
    `tls`, `tlsverify` (None when not given), `tlscacert`, `tlscert`, `tlskey`."""

    def __init__(self, hosts: tuple[str, ...] = (), context: str | None = None, config_dir: str | None = None,
                 debug: bool = False, log_level: str = "info", tls: bool = False, tlsverify: bool | None = None,
                 tlscacert: str | None = None, tlscert: str | None = None, tlskey: str | None = None):
        self.hosts, self.context, self.config_dir, self.debug, self.log_level = hosts, context, config_dir, debug, \
            log_level
        self.tls, self.tlsverify, self.tlscacert, self.tlscert, self.tlskey = tls, tlsverify, tlscacert, tlscert, \
            tlskey

    def __eq__(self, other):
        return isinstance(other, GlobalOptions) and vars(self) == vars(other)

    def __repr__(self):
        return f"GlobalOptions({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class CLIEnv:
    """One command's world: `options` (GlobalOptions), its standard streams (the process's by default),
    `environ` (os.environ by default) and `quick_timeout`: completion's bound on an engine request, in
    seconds; set, unix and tcp engines are asked through transport.quick (no HTTP stack)."""

    def __init__(self, options: GlobalOptions | None = None, stdin=None, stdout=None, stderr=None,
                 environ=None, quick_timeout: float | None = None):
        self.options = options if options is not None else GlobalOptions()
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.environ = os.environ if environ is None else environ
        self.quick_timeout = quick_timeout

    @cached_property
    def config_dir(self) -> str:
        from ..config import default_config_dir

        return self.options.config_dir or default_config_dir(self.environ)

    @cached_property
    def config(self):
        """config.json; one that cannot be read is reported, as docker does, and the command goes on."""
        from ..config.configfile import ConfigFile
        from .output import print_line

        config = ConfigFile.load(self.config_dir)
        if config.warning:
            print_line(self.stderr, f"WARNING: Error {config.warning}")
        return config

    def stdout_is_tty(self) -> bool:
        try:
            return self.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def stdin_is_tty(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    @cached_property
    def context_name(self) -> str:
        """Which context is in use, by docker's precedence."""
        if self.options.context:
            return self.options.context
        if self.options.hosts or self.environ.get("DOCKER_HOST"):
            return "default"
        return self.environ.get("DOCKER_CONTEXT") or self.config.get("currentContext") or "default"

    @cached_property
    def transport(self):
        from ..transport.errors import ConfigError
        from ..transport.hosts import SSHHostError

        try:
            return self._make_transport()
        except SSHHostError as exc:  # docker reports these without the endpoint prefix
            raise ConfigError(f"Failed to initialize: {exc}") from None
        except ConfigError as exc:
            if str(exc).startswith("Failed to initialize"):
                raise
            raise ConfigError(f"Failed to initialize: unable to resolve docker endpoint: {exc}") from None

    def _make_transport(self):
        from ..config import default_config_dir
        from ..transport.errors import ConfigError
        from ..transport.tls import TLSOptions

        opts = self.options
        if len(opts.hosts) > 1:
            raise ConfigError("Specify only one -H")
        host = opts.hosts[0] if opts.hosts else None
        tls = TLSOptions.resolve(tls=opts.tls, tlsverify=opts.tlsverify, cacert=opts.tlscacert,
                                 cert=opts.tlscert, key=opts.tlskey,
                                 config_dir=default_config_dir(self.environ),  # not --config: as docker
                                 env=self.environ)
        if host is None and not opts.context and self.environ.get("DOCKER_HOST"):
            host = self.environ["DOCKER_HOST"]
        elif host is None and self.context_name != "default":
            host, tls = self._context_endpoint(tls)
        headers = self.config.get("HttpHeaders") or {}
        if self.quick_timeout is not None:
            from ..transport.hosts import parse_host

            parsed = parse_host(host, tls.enabled)
            if parsed.scheme in ("unix", "tcp"):
                from ..transport.quick import QuickTransport

                return QuickTransport(parsed, tls=tls, timeout=self.quick_timeout, headers=headers)
        from ..transport.client import Transport

        return Transport(host or "", tls=tls, headers=headers)

    def _context_endpoint(self, tls):
        from ..config.contexts import load_endpoint
        from ..transport.tls import TLSOptions

        endpoint = load_endpoint(self.config_dir, self.context_name)
        if endpoint.tls_dir:
            def material(name):
                path = os.path.join(endpoint.tls_dir, name)
                return path if os.path.exists(path) else None

            tls = TLSOptions(enabled=True, verify=not endpoint.skip_tls_verify,
                             cacert=material("ca.pem"), cert=material("cert.pem"), key=material("key.pem"))
        elif endpoint.skip_tls_verify and endpoint.host and endpoint.host.startswith("tcp"):
            tls = TLSOptions(enabled=True, verify=False)
        return endpoint.host, tls

    @cached_property
    def api(self):
        """The Python API over this environment's engine connection."""
        from ..api.client import APIClient

        return APIClient(self.transport)
