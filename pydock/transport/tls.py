"""TLS settings for tcp:// hosts, with docker's defaults and environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import ConfigError


@dataclass
class TLSOptions:
    enabled: bool = False
    verify: bool = False
    cacert: str | None = None
    cert: str | None = None
    key: str | None = None

    @classmethod
    def resolve(cls, *, tls: bool, tlsverify: bool | None, cacert: str | None, cert: str | None,
                key: str | None, config_dir: str, env=os.environ) -> "TLSOptions":
        """Combine flags, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as docker's cli/flags does."""
        if tlsverify is None:
            tlsverify = bool(env.get("DOCKER_TLS_VERIFY"))
        cert_dir = env.get("DOCKER_CERT_PATH") or config_dir

        def pick(given: str | None, name: str) -> str | None:
            if given:
                return given
            path = os.path.join(cert_dir, name)
            return path if os.path.exists(path) else None

        opts = cls(enabled=tls or tlsverify, verify=tlsverify)
        if opts.enabled:
            opts.cacert = pick(cacert, "ca.pem") if tlsverify else cacert
            opts.cert = pick(cert, "cert.pem")
            opts.key = pick(key, "key.pem")
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
