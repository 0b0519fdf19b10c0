"""config.credentials: what docker sends and shows from config.json's auths."""
from __future__ import annotations

import base64
import json

from pydock.config.credentials import INDEX_SERVER, encoded_auth, hub_username, stored_auths


def decoded(value: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(value))


def test_encoded_auth_from_the_stored_secret():
    config = {"auths": {INDEX_SERVER: {"auth": base64.b64encode(b"me:s3cret?>").decode()}}}
    assert decoded(encoded_auth(config, "docker.io")) == {"username": "me", "password": "s3cret?>",
                                                          "serveraddress": INDEX_SERVER}
    assert "+" not in encoded_auth(config, "docker.io") and "/" not in encoded_auth(config, "docker.io")


def test_encoded_auth_identity_token_scheme_prefix_and_nothing_stored():
    config = {"auths": {"https://127.0.0.1:5000": {"identitytoken": "tok"}, "bad": {"auth": "eA"}}}
    assert decoded(encoded_auth(config, "127.0.0.1:5000")) == {"identitytoken": "tok",
                                                               "serveraddress": "127.0.0.1:5000"}
    assert decoded(encoded_auth(config, "bad")) == {} and decoded(encoded_auth({}, "docker.io")) == {}


def test_stored_auths_keep_only_secrets_and_tokens():
    config = {"auths": {"r": {"auth": "eA==", "username": "x", "password": "y", "email": ""}, "s": None}}
    assert stored_auths(config) == {"r": {"auth": "eA=="}, "s": {}}


def test_hub_username():
    assert hub_username({"auths": {INDEX_SERVER: {"auth": base64.b64encode(b"me:pw").decode()}}}) == "me"
    assert hub_username({"auths": {INDEX_SERVER: {"username": "you"}}}) == "you"
    assert hub_username({}) == ""
