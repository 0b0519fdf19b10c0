"""TLS settings for tcp:// hosts, with docker's defaults and environment variables."""
from __future__ import annotations

import os

from .errors import ConfigError


class TLSOptions:
    """Whether TLS is `enabled`, whether the server is verified (`verify`), and the paths of the CA,
    the client certificate and its key (None when not used)."""

    def __init__(self, enabled: bool = False, verify: bool = False, cacert: str | None = None,
                 cert: str | None = None, key: str | None = None):
        self.enabled, self.verify, self.cacert, self.cert, self.key = enabled, verify, cacert, cert, key

    def __eq__(self, other):
        return isinstance(other, TLSOptions) and vars(self) == vars(other)

    def __repr__(self):
        return f"TLSOptions({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"

    @classmethod
    def resolve(cls, *, tls: bool, tlsverify: bool | None, cacert: str | None, cert: str | None,
                key: str | None, config_dir: str, env=os.environ) -> "TLSOptions":
        """Combine flags and environment as docker's cli/flags does.

        `tlsverify` is None when --tlsverify was not given: then DOCKER_TLS_VERIFY (any non-empty
        value) decides. Giving --tlsverify at all, even =false, turns TLS on, as does DOCKER_TLS.
        The CA defaults to <cert dir>/ca.pem and must exist; a default cert.pem/key.pem that does
        not exist is dropped. The cert dir is DOCKER_CERT_PATH, else `config_dir` (docker uses
        DOCKER_CONFIG or ~/.docker here, not --config).
        """
        verify = tlsverify if tlsverify is not None else bool(env.get("DOCKER_TLS_VERIFY"))
        enabled = bool(tls or env.get("DOCKER_TLS") or tlsverify is not None or verify)
        opts = cls(enabled=enabled, verify=verify)
        if not enabled:
            return opts
        cert_dir = env.get("DOCKER_CERT_PATH") or config_dir
        opts.cacert = _required(_trim_quotes(cacert) if cacert else os.path.join(cert_dir, "ca.pem"))
        opts.cert = _optional(cert, os.path.join(cert_dir, "cert.pem"))
        opts.key = _optional(key, os.path.join(cert_dir, "key.pem"))
        return opts

    def ssl_context(self):
        import ssl

        if self.verify:
            ctx = ssl.create_default_context(cafile=self.cacert) if self.cacert else ssl.create_default_context()
        else:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        if self.cert or self.key:
            if not (self.cert and self.key):
                raise ConfigError("Could not load X509 key pair: both a certificate and a key are needed")
            try:
                ctx.load_cert_chain(self.cert, self.key)
            except (OSError, ssl.SSLError) as e:
                raise ConfigError(f"Could not load X509 key pair: {e}") from None
        return ctx


def _trim_quotes(value: str) -> str:
    """pflag's quotedString: --tlscacert="'/path'" means /path."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _required(path: str) -> str:
    if not os.path.exists(path):
        raise ConfigError(f"open {path}: no such file or directory")
    return path


def _optional(given: str | None, default: str) -> str | None:
    if given:
        return _required(_trim_quotes(given))
    return default if os.path.exists(default) else None
