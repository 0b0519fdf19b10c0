"""Registry credentials in config.json and through credential helpers, as docker 28 keeps them.

The helper here is a real program (a small Python script on PATH) speaking docker's protocol; it
records each action and its argument vector, never the secret."""
from __future__ import annotations

import base64
import json
import os
import stat
import sys
import textwrap

import pytest

from pydock.config import credentials as creds
from pydock.config.configfile import ConfigFile

HELPER = textwrap.dedent('''\
    #!{python}
    import json, os, sys
    store = os.path.join(os.path.dirname(os.path.abspath(__file__)), "store.json")
    log = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calls.log")
    data = json.load(open(store)) if os.path.exists(store) else {{}}
    action, payload = sys.argv[1], sys.stdin.read()
    with open(log, "a") as f:
        f.write(json.dumps(sys.argv[1:]) + "\\n")
    if action == "store":
        item = json.loads(payload)
        data[item["ServerURL"]] = {{"Username": item["Username"], "Secret": item["Secret"]}}
    elif action == "get":
        if payload == "pydt-broken":
            print("the keychain is locked"); sys.exit(3)
        if payload not in data:
            print("credentials not found in native keychain"); sys.exit(1)
        print(json.dumps({{"ServerURL": payload, **data[payload]}}))
    elif action == "erase":
        if payload not in data:
            print("credentials not found in native keychain"); sys.exit(1)
        del data[payload]
    elif action == "list":
        print(json.dumps({{url: item["Username"] for url, item in data.items()}}))
    json.dump(data, open(store, "w"))
''')


@pytest.fixture
def helper(tmp_path, monkeypatch):
    """docker-credential-pydt-test on PATH; returns (its folder, a function reading its calls)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "docker-credential-pydt-test"
    program.write_text(HELPER.format(python=sys.executable))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def calls():
        log = folder / "calls.log"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return folder, calls


def config_with(tmp_path, data: dict) -> ConfigFile:
    (tmp_path / "config.json").write_text(json.dumps(data))
    return ConfigFile.load(str(tmp_path))


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_x_registry_auth_is_url_safe_json_in_gos_field_order():
    assert creds.encode_auth_config({}) == "e30="
    value = creds.encode_auth_config({"serveraddress": "h:1", "password": "p?>~", "username": "u", "email": ""})
    assert "+" not in value and "/" not in value
    assert base64.urlsafe_b64decode(value) == b'{"username":"u","password":"p?>~","serveraddress":"h:1"}'


@pytest.mark.parametrize("address, host", [
    ("127.0.0.1:5001", "127.0.0.1:5001"), ("https://127.0.0.1:5001/v2/", "127.0.0.1:5001"),
    ("http://registry.example.com", "registry.example.com"), ("registry.example.com/v1/", "registry.example.com"),
    ("https://index.docker.io/v1/", "index.docker.io"), ("https://[::1]:5000/", "[::1]:5000"),
])
def test_convert_to_hostname(address, host):
    assert creds.convert_to_hostname(address) == host


def test_file_store_reads_docker_hub_and_legacy_keys(tmp_path):
    config = config_with(tmp_path, {"auths": {
        "https://index.docker.io/v1/": {"auth": b64("hubber:hub-secret")},
        "https://127.0.0.1:5001/v1/": {"auth": b64("old:old-secret"), "email": "o@example.com"},
        "plain.example.com": {"username": "p", "password": "pw"},
    }})
    assert creds.resolve_auth_config(config, "docker.io") == {
        "username": "hubber", "password": "hub-secret", "serveraddress": "https://index.docker.io/v1/"}
    assert creds.resolve_auth_config(config, "127.0.0.1:5001") == {
        "username": "old", "password": "old-secret", "email": "o@example.com",
        "serveraddress": "https://127.0.0.1:5001/v1/"}
    assert creds.get_auth_config(config, "plain.example.com")["password"] == "pw"
    assert creds.resolve_auth_config(config, "127.0.0.1:5000") == {}
    assert creds.encoded_auth(config, "127.0.0.1:5000") == "e30="
    assert creds.hub_username(config) == "hubber"


def test_file_store_writes_dockers_entry_0600_through_a_rename(tmp_path):
    config = config_with(tmp_path, {"psFormat": "{{.ID}}", "auths": {"b.example.com": {"auth": b64("b:b")}}})
    before = os.stat(tmp_path / "config.json").st_ino
    warn = creds.store_credentials(config, {"username": "u", "password": "s3cret", "serveraddress": "a.example.com"})
    assert warn is True  # a password in plain text: docker's warning is due
    saved = json.loads((tmp_path / "config.json").read_text())
    assert saved == {"psFormat": "{{.ID}}", "auths": {"a.example.com": {"auth": b64("u:s3cret")},
                                                       "b.example.com": {"auth": b64("b:b")}}}
    assert stat.S_IMODE(os.stat(tmp_path / "config.json").st_mode) == 0o600
    assert os.stat(tmp_path / "config.json").st_ino != before  # replaced, not rewritten in place
    assert sorted(os.listdir(tmp_path)) == ["config.json"]


def test_storing_the_same_credentials_leaves_the_file_alone(tmp_path):
    config = config_with(tmp_path, {"auths": {"a.example.com": {"auth": b64("u:s")}}})
    before = os.stat(tmp_path / "config.json").st_ino
    same = {"username": "u", "password": "s", "serveraddress": "a.example.com"}
    assert creds.store_credentials(config, same) is False
    assert os.stat(tmp_path / "config.json").st_ino == before


def test_identity_tokens_are_kept_not_passwords(tmp_path):
    config = config_with(tmp_path, {})
    warn = creds.store_credentials(config, {"username": "u", "password": "", "identitytoken": "tok",
                                            "serveraddress": "a.example.com"})
    assert warn is False
    assert json.loads((tmp_path / "config.json").read_text())["auths"]["a.example.com"] == {
        "auth": b64("u:"), "identitytoken": "tok"}


def test_erase_removes_only_that_entry(tmp_path):
    config = config_with(tmp_path, {"auths": {"a": {"auth": b64("u:s")}, "b": {"auth": b64("v:t")}}})
    creds.erase_credentials(config, "a")
    creds.erase_credentials(config, "not-there")
    assert json.loads((tmp_path / "config.json").read_text()) == {"auths": {"b": {"auth": b64("v:t")}}}


def test_helper_protocol_store_get_list_erase(tmp_path, helper):
    _, calls = helper
    config = config_with(tmp_path, {"credsStore": "pydt-test"})
    auth = {"username": "u", "password": "s3cret", "serveraddress": "127.0.0.1:5001"}
    assert creds.store_credentials(config, auth) is False  # no plain-text password: no warning
    assert json.loads((tmp_path / "config.json").read_text()) == {"credsStore": "pydt-test",
                                                                  "auths": {"127.0.0.1:5001": {}}}
    assert creds.get_auth_config(config, "127.0.0.1:5001") == auth
    assert creds.encoded_auth(config, "127.0.0.1:5001") == creds.encode_auth_config(auth)
    assert creds.credentials_store(config, "").get_all() == {"127.0.0.1:5001": auth}
    creds.erase_credentials(config, "127.0.0.1:5001")
    assert creds.get_auth_config(config, "127.0.0.1:5001") == {}
    assert json.loads((tmp_path / "config.json").read_text())["auths"] == {}
    assert calls() == [["store"], ["get"], ["get"], ["list"], ["get"], ["erase"], ["get"]]  # the secret: never


def test_identity_token_through_a_helper(tmp_path, helper):
    config = config_with(tmp_path, {"credsStore": "pydt-test"})
    creds.store_credentials(config, {"username": "u", "identitytoken": "tok", "serveraddress": "h"})
    assert creds.get_auth_config(config, "h") == {"identitytoken": "tok", "serveraddress": "h"}


def test_cred_helpers_beat_creds_store(tmp_path, helper):
    config = config_with(tmp_path, {"credsStore": "pydt-missing", "credHelpers": {"h:1": "pydt-test"}})
    creds.store_credentials(config, {"username": "u", "password": "p", "serveraddress": "h:1"})
    assert creds.get_auth_config(config, "h:1")["password"] == "p"
    with pytest.raises(creds.CredentialsError) as caught:
        creds.get_auth_config(config, "other:2")
    assert str(caught.value) == ('error getting credentials - err: exec: "docker-credential-pydt-missing": '
                                 'executable file not found in $PATH, out: ``')
    assert creds.resolve_auth_config(config, "other:2") == {}  # pull and push go on without credentials


def test_a_failing_helper_in_dockers_words(tmp_path, helper):
    config = config_with(tmp_path, {"credsStore": "pydt-test"})
    with pytest.raises(creds.CredentialsError) as caught:
        creds.get_auth_config(config, "pydt-broken")
    assert str(caught.value) == "error getting credentials - err: exit status 3, out: `the keychain is locked`"
    with pytest.raises(creds.CredentialsError) as caught:
        creds.erase_credentials(config, "never-stored")
    assert str(caught.value) == ("error erasing credentials - err: exit status 1, out: "
                                 "`credentials not found in native keychain`")


def test_docker_hub_uses_the_index_server_key(tmp_path, helper):
    _, calls = helper
    config = config_with(tmp_path, {"credHelpers": {"https://index.docker.io/v1/": "pydt-test"}})
    creds.store_credentials(config, {"username": "h", "password": "p", "serveraddress": creds.INDEX_SERVER})
    assert creds.resolve_auth_config(config, "docker.io")["username"] == "h"
    assert creds.resolve_auth_config(config, "index.docker.io")["username"] == "h"


def test_default_auth_config_for_login(tmp_path):
    config = config_with(tmp_path, {"auths": {"127.0.0.1:5001": {"auth": b64("u:p"), "identitytoken": "t"}}})
    assert creds.default_auth_config(config, "https://127.0.0.1:5001/", check_store=True, is_default=False) == {
        "username": "u", "password": "p", "serveraddress": "127.0.0.1:5001"}
    assert creds.default_auth_config(config, "127.0.0.1:5001", check_store=False, is_default=False) == {
        "serveraddress": "127.0.0.1:5001"}


def test_stored_auths_keep_only_what_docker_saves(tmp_path):
    config = config_with(tmp_path, {"auths": {"h": {"auth": b64("u:p"), "username": "u", "email": "e"}}})
    assert creds.stored_auths(config) == {"h": {"auth": b64("u:p"), "email": "e"}}


# -- any mapping with .get() is a configuration (what the toolkit's callers pass) ---------------------

def decoded(value: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(value))


def test_encoded_auth_from_a_plain_mapping():
    config = {"auths": {creds.INDEX_SERVER: {"auth": b64("me:s3cret?>")}}}
    assert decoded(creds.encoded_auth(config, "docker.io")) == {"username": "me", "password": "s3cret?>",
                                                                "serveraddress": creds.INDEX_SERVER}


def test_encoded_auth_identity_token_legacy_key_and_nothing_stored():
    # docker 28 sends the key the entry is stored under (LoadFromReader sets ServerAddress to it),
    # in Go's field order: checked against docker through a replaying engine
    config = {"auths": {"https://127.0.0.1:5000": {"identitytoken": "tok"}, "bad": {"auth": "eA"}}}
    assert base64.urlsafe_b64decode(creds.encoded_auth(config, "127.0.0.1:5000")) == \
        b'{"serveraddress":"https://127.0.0.1:5000","identitytoken":"tok"}'
    assert decoded(creds.encoded_auth(config, "bad")) == {} and decoded(creds.encoded_auth({}, "docker.io")) == {}


def test_stored_auths_and_hub_username_from_plain_mappings():
    config = {"auths": {"r": {"auth": "eA==", "username": "x", "password": "y", "email": ""}, "s": None}}
    assert creds.stored_auths(config) == {"r": {"auth": "eA=="}, "s": {}}
    assert creds.hub_username({"auths": {creds.INDEX_SERVER: {"auth": b64("me:pw")}}}) == "me"
    assert creds.hub_username({"auths": {creds.INDEX_SERVER: {"username": "you"}}}) == "you"
    assert creds.hub_username({}) == ""
