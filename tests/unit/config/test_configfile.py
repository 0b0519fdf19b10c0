"""config.json as docker 28 reads and writes it.

The expected warnings were printed by the real docker 28 (`docker --config DIR version`) for the
same files: docker warns `WARNING: Error <why>` on stderr and goes on with what it could read.
"""
from __future__ import annotations

import io
import json
import os
import stat

import pytest

from pydock.cli.env import CLIEnv, GlobalOptions
from pydock.config.configfile import ConfigFile


def load(tmp_path, content: bytes | str) -> ConfigFile:
    path = tmp_path / "config.json"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return ConfigFile.load(str(tmp_path))


def parse_warning(tmp_path, message: str) -> str:
    return f"parsing config file ({tmp_path}/config.json): {message}"


def test_missing_file_is_an_empty_configuration(tmp_path):
    config = ConfigFile.load(str(tmp_path / "nowhere"))
    assert (config.data, config.warning) == ({}, None)


def test_dangling_symlink_is_a_missing_file(tmp_path):
    (tmp_path / "config.json").symlink_to(tmp_path / "gone.json")
    assert ConfigFile.load(str(tmp_path)).warning is None


@pytest.mark.parametrize("content", ["", "  \n\t", "null", '{"psFormat": null}', '{"a":1}x', '{"Filename": 5}'])
def test_files_docker_reads_without_a_word(tmp_path, content):
    assert load(tmp_path, content).warning is None


@pytest.mark.parametrize("content, message", [
    ("{bad", "invalid character 'b' looking for beginning of object key string"),
    ("{'a':1}", "invalid character '\\'' looking for beginning of object key string"),
    ('{"a":1,}', "invalid character '}' looking for beginning of object key string"),
    ('{"a" 1}', "invalid character '1' after object key"),
    ('{"a":1 "b":2}', "invalid character '\"' after object key:value pair"),
    ('{"a":01}', "invalid character '1' after object key:value pair"),
    ("[1 2]", "invalid character '2' after array element"),
    ('{"a":"x\ny"}', "invalid character '\\n' in string literal"),
    ('{"a":"\\q"}', "invalid character 'q' in string escape code"),
    ('{"a":"\\u12x4"}', "invalid character 'x' in \\u hexadecimal character escape"),
    ('{"a":tru}', "invalid character '}' in literal true (expecting 'e')"),
    ('{"a":nx}', "invalid character 'x' in literal null (expecting 'u')"),
    ('{"a":-}', "invalid character '}' in numeric literal"),
    ('{"a":1.}', "invalid character '}' after decimal point in numeric literal"),
    ('{"a":1e}', "invalid character '}' in exponent of numeric literal"),
    ('{"a":NaN}', "invalid character 'N' looking for beginning of value"),
    ("\ufeff{}", "invalid character 'ï' looking for beginning of value"),
    ('{"a":', "unexpected EOF"),
    ("nul", "unexpected EOF"),
    ('{"a":"abc', "unexpected EOF"),
])
def test_syntax_errors_in_gos_words(tmp_path, content, message):
    config = load(tmp_path, content)
    assert config.warning == parse_warning(tmp_path, message)
    assert config.data == {}  # Go reads nothing from a malformed document


@pytest.mark.parametrize("content, message", [
    ("[1]", "json: cannot unmarshal array into Go value of type configfile.ConfigFile"),
    ('"x"', "json: cannot unmarshal string into Go value of type configfile.ConfigFile"),
    ("true", "json: cannot unmarshal bool into Go value of type configfile.ConfigFile"),
    ('{"psFormat": 5}', "json: cannot unmarshal number into Go struct field ConfigFile.psFormat of type string"),
    ('{"PSFORMAT": {}}', "json: cannot unmarshal object into Go struct field ConfigFile.psFormat of type string"),
    ('{"auths": 5}',
     "json: cannot unmarshal number into Go struct field ConfigFile.auths of type map[string]types.AuthConfig"),
    ('{"auths": {"x": 5}}',
     "json: cannot unmarshal number into Go struct field ConfigFile.auths of type types.AuthConfig"),
    ('{"auths": {"x": {"USERNAME": 5}}}',
     "json: cannot unmarshal number into Go struct field AuthConfig.auths.username of type string"),
    ('{"proxies": {"default": {"httpProxy": 5}}}',
     "json: cannot unmarshal number into Go struct field ProxyConfig.proxies.httpProxy of type string"),
    ('{"proxies": []}',
     "json: cannot unmarshal array into Go struct field ConfigFile.proxies of type map[string]configfile.ProxyConfig"),
    ('{"pruneFilters": "a"}',
     "json: cannot unmarshal string into Go struct field ConfigFile.pruneFilters of type []string"),
    ('{"pruneFilters": [1]}',
     "json: cannot unmarshal number into Go struct field ConfigFile.pruneFilters of type string"),
    ('{"plugins": {"a": 1}}',
     "json: cannot unmarshal number into Go struct field ConfigFile.plugins of type map[string]string"),
    ('{"plugins": {"a": {"b": 1}}}',
     "json: cannot unmarshal number into Go struct field ConfigFile.plugins of type string"),
    ('{"HttpHeaders": {"a": 1}}',
     "json: cannot unmarshal number into Go struct field ConfigFile.HttpHeaders of type string"),
])
def test_type_errors_in_gos_words(tmp_path, content, message):
    assert load(tmp_path, content).warning == parse_warning(tmp_path, message)


def test_a_type_error_keeps_the_fields_that_fit(tmp_path):
    config = load(tmp_path, '{"currentContext": 5, "psFormat": "{{.ID}}", "detachKeys": "ctrl-x"}')
    assert config.warning.endswith("ConfigFile.currentContext of type string")
    assert config.get("psFormat") == "{{.ID}}" and config.get("detachKeys") == "ctrl-x"
    assert config.get("currentContext") is None


def test_keys_match_docker_fields_whatever_their_case(tmp_path):
    config = load(tmp_path, '{"PSFORMAT": "{{.Names}}", "Proxies": {"default": {"HTTPPROXY": "http://p"}}}')
    assert config.get("psFormat") == "{{.Names}}"
    assert config.get("proxies") == {"default": {"httpProxy": "http://p"}}


@pytest.mark.parametrize("auth, message", [
    ("!!!", "illegal base64 data at input byte 0"),
    ("Zm9", "illegal base64 data at input byte 0"),
    ("Zg=", "illegal base64 data at input byte 3"),
    ("Zg==x", "illegal base64 data at input byte 4"),
    ("Zm=9", "illegal base64 data at input byte 2"),
    ("Zm9v", "Invalid auth configuration file"),  # "foo": no colon
    ("OmJhcg==", "Invalid auth configuration file"),  # ":bar": no user
])
def test_auths_are_decoded_as_docker_loads_them(tmp_path, auth, message):
    content = json.dumps({"auths": {"registry.example": {"auth": auth}}})
    assert load(tmp_path, content).warning == parse_warning(tmp_path, message)


def test_good_auth_is_silent(tmp_path):
    assert load(tmp_path, '{"auths": {"r": {"auth": "Zm9vOmJhcg=="}}}').warning is None


def test_a_directory_in_its_place(tmp_path):
    (tmp_path / "config.json").mkdir()
    config = ConfigFile.load(str(tmp_path))
    assert config.warning == parse_warning(tmp_path, f"read {tmp_path}/config.json: is a directory")


def test_an_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text("{}")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "config.json"))
    monkeypatch.setattr("builtins.open", refuse)
    config = ConfigFile.load(str(tmp_path))
    assert config.warning == f"loading config file: open {tmp_path}/config.json: permission denied"


def test_the_cli_warns_once_and_goes_on(tmp_path):
    (tmp_path / "config.json").write_text("{bad")
    err = io.StringIO()
    env = CLIEnv(GlobalOptions(config_dir=str(tmp_path)), stderr=err, environ={})
    assert env.config.get("psFormat") is None and env.config.get("psFormat") is None
    assert err.getvalue() == (f"WARNING: Error parsing config file ({tmp_path}/config.json): "
                              "invalid character 'b' looking for beginning of object key string\n")


def test_get_treats_empty_as_unset(tmp_path):
    config = load(tmp_path, '{"psFormat": "", "detachKeys": "ctrl-a"}')
    assert config.get("psFormat", "dflt") == "dflt" and config.get("detachKeys") == "ctrl-a"


# -- saving -------------------------------------------------------------------------------------

def test_save_is_atomic_private_and_keeps_unknown_keys(tmp_path):
    (tmp_path / "config.json").write_text('{"psFormat": "{{.ID}}", "somethingNew": {"x": [1]}}')
    config = ConfigFile.load(str(tmp_path))
    config.data["currentContext"] = "pydt-ctx"
    config.save()
    saved = json.loads((tmp_path / "config.json").read_text())
    assert saved == {"psFormat": "{{.ID}}", "somethingNew": {"x": [1]}, "currentContext": "pydt-ctx"}
    assert stat.S_IMODE(os.stat(tmp_path / "config.json").st_mode) == 0o600
    assert os.listdir(tmp_path) == ["config.json"]  # no temporary file left behind


def test_save_follows_a_symlink(tmp_path):
    real = tmp_path / "dotfiles" / "docker.json"
    real.parent.mkdir()
    real.write_text("{}")
    (tmp_path / "config.json").symlink_to(real)
    config = ConfigFile.load(str(tmp_path))
    config.data["detachKeys"] = "ctrl-x"
    config.save()
    assert (tmp_path / "config.json").is_symlink()
    assert json.loads(real.read_text()) == {"detachKeys": "ctrl-x"}


def test_save_creates_the_directory(tmp_path):
    config = ConfigFile(str(tmp_path / "new"), {"psFormat": "x"})
    config.save()
    assert json.loads((tmp_path / "new" / "config.json").read_text()) == {"psFormat": "x"}


def test_a_failed_save_leaves_the_old_file(tmp_path):
    (tmp_path / "config.json").write_text('{"psFormat": "old"}')
    config = ConfigFile(str(tmp_path), {"bad": object()})  # not JSON: the write fails midway
    with pytest.raises(TypeError):
        config.save()
    assert os.listdir(tmp_path) == ["config.json"]
    assert json.loads((tmp_path / "config.json").read_text()) == {"psFormat": "old"}
