"""The context store as docker 28 lays it out and reads it, and which context a command uses."""
from __future__ import annotations

import hashlib
import json
import os

import pytest

from pydock.cli.env import CLIEnv, GlobalOptions
from pydock.config.contexts import context_dir_id, load_endpoint, meta_path, tls_dir
from pydock.transport.errors import ConfigError

NAME = "pydt-ctx"
DIGEST = hashlib.sha256(NAME.encode()).hexdigest()


def store(config_dir, name: str, meta) -> str:
    """Write a context's meta.json as `docker context create` does; returns its path."""
    path = meta_path(str(config_dir), name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(meta if isinstance(meta, str) else json.dumps(meta))
    return path


def docker_meta(name: str, host: str, skip: bool = False) -> dict:
    return {"Name": name, "Metadata": {}, "Endpoints": {"docker": {"Host": host, "SkipTLSVerify": skip}}}


def test_the_directory_is_the_sha256_of_the_name(tmp_path):
    assert context_dir_id(NAME) == DIGEST
    assert meta_path(str(tmp_path), NAME) == f"{tmp_path}/contexts/meta/{DIGEST}/meta.json"
    assert tls_dir(str(tmp_path), NAME) == f"{tmp_path}/contexts/tls/{DIGEST}/docker"


def test_endpoint_host_and_skip_tls_verify(tmp_path):
    store(tmp_path, NAME, docker_meta(NAME, "tcp://10.0.0.1:2376", skip=True))
    endpoint = load_endpoint(str(tmp_path), NAME)
    assert (endpoint.name, endpoint.host, endpoint.skip_tls_verify, endpoint.tls_dir) == \
        (NAME, "tcp://10.0.0.1:2376", True, None)


def test_tls_material_directory(tmp_path):
    store(tmp_path, NAME, docker_meta(NAME, "tcp://10.0.0.1:2376"))
    directory = tmp_path / "contexts" / "tls" / DIGEST / "docker"
    directory.mkdir(parents=True)
    assert load_endpoint(str(tmp_path), NAME).tls_dir == str(directory)


def test_default_has_no_stored_endpoint(tmp_path):
    endpoint = load_endpoint(str(tmp_path), "default")
    assert (endpoint.host, endpoint.tls_dir) == (None, None)


def test_missing_context_in_dockers_words(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_endpoint(str(tmp_path), "nosuch")
    digest = hashlib.sha256(b"nosuch").hexdigest()
    assert str(info.value) == (f'context "nosuch": context not found: open {tmp_path}/contexts/meta/{digest}/'
                               "meta.json: no such file or directory")


@pytest.mark.parametrize("meta, message", [  # what docker 28 printed for the same meta.json
    ("{bad", "invalid character 'b' looking for beginning of object key string"),
    ("", "unexpected end of JSON input"),
    ('{"Name":"x"}x', "invalid character 'x' after top-level value"),
    ("[]", "json: cannot unmarshal array into Go value of type store.untypedContextMetadata"),
    ('{"Name":5}', "json: cannot unmarshal number into Go struct field untypedContextMetadata.name of type string"),
    ('{"Endpoints":[]}', "json: cannot unmarshal array into Go struct field untypedContextMetadata.endpoints "
                         "of type map[string]json.RawMessage"),
    ('{"Endpoints":{"docker":5}}', "json: cannot unmarshal number into Go value of type context.EndpointMetaBase"),
    ('{"Endpoints":{"docker":{"Host":5}}}',
     "json: cannot unmarshal number into Go struct field EndpointMetaBase.Host of type string"),
    ('{"Endpoints":{"docker":{"Host":"unix:///x.sock","SkipTLSVerify":"yes"}}}',
     "json: cannot unmarshal string into Go struct field EndpointMetaBase.SkipTLSVerify of type bool"),
    ('{"Metadata":5,"Endpoints":{"docker":{}}}',
     "json: cannot unmarshal number into Go value of type map[string]interface {}"),
])
def test_broken_meta_in_dockers_words(tmp_path, meta, message):
    path = store(tmp_path, NAME, meta)
    with pytest.raises(ConfigError) as info:
        load_endpoint(str(tmp_path), NAME)
    assert str(info.value) == f'context "{NAME}": parsing {path}: {message}'


@pytest.mark.parametrize("meta, message", [
    ({"Name": NAME, "Endpoints": {}}, "cannot find docker endpoint in context"),
    ({"Name": NAME, "Endpoints": {"docker": None}}, 'endpoint "docker" is not of type EndpointMeta'),
])
def test_context_without_a_docker_endpoint(tmp_path, meta, message):
    store(tmp_path, NAME, meta)
    with pytest.raises(ConfigError, match=f"^{message}$"):
        load_endpoint(str(tmp_path), NAME)


def test_keys_match_whatever_their_case(tmp_path):
    store(tmp_path, NAME, '{"name":"x","endpoints":{"docker":{"host":"unix:///pydt.sock","skiptlsverify":true}}}')
    endpoint = load_endpoint(str(tmp_path), NAME)
    assert (endpoint.host, endpoint.skip_tls_verify) == ("unix:///pydt.sock", True)


# -- which context: -H > --context > DOCKER_HOST > DOCKER_CONTEXT > currentContext > default --------

@pytest.fixture
def config_dir(tmp_path):
    for name, number in (("pydt-flag", 1), ("pydt-env", 2), ("pydt-current", 3)):
        store(tmp_path, name, docker_meta(name, f"unix:///pydt-{number}.sock"))
    (tmp_path / "config.json").write_text(json.dumps({"currentContext": "pydt-current"}))
    return tmp_path


def chosen(config_dir, environ: dict, **options) -> tuple[str, str]:
    env = CLIEnv(GlobalOptions(config_dir=str(config_dir), **options), environ=environ)
    return env.context_name, env.transport.host.url


def test_current_context_from_config(config_dir):
    assert chosen(config_dir, {}) == ("pydt-current", "unix:///pydt-3.sock")


def test_docker_context_beats_current_context(config_dir):
    assert chosen(config_dir, {"DOCKER_CONTEXT": "pydt-env"}) == ("pydt-env", "unix:///pydt-2.sock")


def test_docker_host_beats_docker_context(config_dir):
    environ = {"DOCKER_HOST": "tcp://127.0.0.1:9", "DOCKER_CONTEXT": "pydt-env"}
    assert chosen(config_dir, environ) == ("default", "tcp://127.0.0.1:9")


def test_context_flag_beats_docker_host(config_dir):
    environ = {"DOCKER_HOST": "tcp://127.0.0.1:9", "DOCKER_CONTEXT": "pydt-env"}
    assert chosen(config_dir, environ, context="pydt-flag") == ("pydt-flag", "unix:///pydt-1.sock")


def test_host_flag_beats_everything_but_context_flag(config_dir):
    environ = {"DOCKER_HOST": "tcp://127.0.0.1:9", "DOCKER_CONTEXT": "pydt-env"}
    assert chosen(config_dir, environ, hosts=("unix:///pydt-h.sock",)) == ("default", "unix:///pydt-h.sock")


def test_default_without_anything(tmp_path):
    assert chosen(tmp_path, {}) == ("default", "unix:///var/run/docker.sock")


def test_missing_context_fails_to_initialize(tmp_path):
    env = CLIEnv(GlobalOptions(config_dir=str(tmp_path)), environ={"DOCKER_CONTEXT": "nosuch"})
    with pytest.raises(ConfigError) as info:
        env.transport  # noqa: B018
    digest = hashlib.sha256(b"nosuch").hexdigest()
    assert str(info.value) == ('Failed to initialize: unable to resolve docker endpoint: context "nosuch": '
                               f"context not found: open {tmp_path}/contexts/meta/{digest}/meta.json: "
                               "no such file or directory")
