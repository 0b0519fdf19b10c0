"""TLS option resolution as docker's cli/flags does it (checked against docker 28's messages)."""
from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest

from pydock.transport.errors import ConfigError
from pydock.transport.tls import TLSOptions


def resolve(config_dir, env=None, **flags):
    options = {"tls": False, "tlsverify": None, "cacert": None, "cert": None, "key": None, **flags}
    return TLSOptions.resolve(config_dir=str(config_dir), env=env or {}, **options)


@pytest.fixture
def certs(tmp_path):
    """A config dir holding ca.pem, cert.pem and key.pem (contents do not matter to resolve)."""
    for name in ("ca.pem", "cert.pem", "key.pem"):
        (tmp_path / name).write_text("x")
    return tmp_path


def test_off_by_default(tmp_path):
    opts = resolve(tmp_path)
    assert not opts.enabled and not opts.verify
    assert opts.cacert is None


def test_tls_uses_the_default_files(certs):
    opts = resolve(certs, tls=True)
    assert opts.enabled and not opts.verify
    assert (opts.cacert, opts.cert, opts.key) == tuple(str(certs / n) for n in ("ca.pem", "cert.pem", "key.pem"))


def test_tlsverify_verifies_by_default(certs):
    opts = resolve(certs, tlsverify=True)
    assert opts.enabled and opts.verify


def test_tlsverify_false_still_turns_tls_on(certs):
    # docker: giving --tlsverify at all, even =false, means TLS (without verification)
    opts = resolve(certs, tlsverify=False)
    assert opts.enabled and not opts.verify


@pytest.mark.parametrize("value", ["1", "0", "false", "yes"])
def test_docker_tls_verify_any_non_empty_value(certs, value):
    opts = resolve(certs, env={"DOCKER_TLS_VERIFY": value})
    assert opts.enabled and opts.verify


def test_empty_docker_tls_verify_is_off(certs):
    assert not resolve(certs, env={"DOCKER_TLS_VERIFY": ""}).enabled


def test_docker_tls_env_turns_tls_on(certs):
    opts = resolve(certs, env={"DOCKER_TLS": "1"})
    assert opts.enabled and not opts.verify


def test_flag_beats_env(certs):
    assert not resolve(certs, env={"DOCKER_TLS_VERIFY": "1"}, tlsverify=False).verify


def test_docker_cert_path_replaces_the_config_dir(certs, tmp_path_factory):
    other = tmp_path_factory.mktemp("empty")
    opts = resolve(other, env={"DOCKER_CERT_PATH": str(certs)}, tls=True)
    assert opts.cacert == str(certs / "ca.pem")


def test_missing_ca_is_dockers_error(tmp_path):
    with pytest.raises(ConfigError) as info:
        resolve(tmp_path, tls=True)
    assert str(info.value) == f"open {tmp_path}/ca.pem: no such file or directory"


def test_missing_default_cert_and_key_are_dropped(tmp_path):
    (tmp_path / "ca.pem").write_text("x")
    opts = resolve(tmp_path, tlsverify=True)
    assert opts.cacert == str(tmp_path / "ca.pem")
    assert opts.cert is None and opts.key is None


def test_missing_explicit_cert_is_an_error(certs):
    with pytest.raises(ConfigError, match="^open /nonexistent/c.pem: no such file or directory$"):
        resolve(certs, tls=True, cert="/nonexistent/c.pem")


def test_explicit_paths_lose_their_quotes(certs):
    opts = resolve(certs, tls=True, cacert=f"'{certs}/ca.pem'", key=f'"{certs}/key.pem"')
    assert opts.cacert == str(certs / "ca.pem")
    assert opts.key == str(certs / "key.pem")


# -- ssl contexts ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_certs(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make a test certificate (scripts/engine up installs it)")
    d = tmp_path_factory.mktemp("certs")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=pydt", "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem")],
                   check=True, capture_output=True)
    shutil.copy(d / "cert.pem", d / "ca.pem")
    return d


def test_verifying_context(real_certs):
    ctx = resolve(real_certs, tlsverify=True).ssl_context()
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert ctx.minimum_version == ssl.TLSVersion.TLSv1_2


def test_non_verifying_context_loads_the_client_pair(real_certs):
    ctx = resolve(real_certs, tls=True).ssl_context()
    assert ctx.verify_mode == ssl.CERT_NONE and not ctx.check_hostname


def test_cert_without_key_is_an_error(real_certs):
    opts = TLSOptions(enabled=True, verify=False, cert=str(real_certs / "cert.pem"))
    with pytest.raises(ConfigError, match="Could not load X509 key pair"):
        opts.ssl_context()


def test_bad_pair_is_an_error(real_certs, tmp_path):
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    opts = TLSOptions(enabled=True, verify=False, cert=str(real_certs / "cert.pem"), key=str(bad))
    with pytest.raises(ConfigError, match="Could not load X509 key pair"):
        opts.ssl_context()
