"""client.login(), client.images.pull() and .push() (docker-py 7's names and shapes) against the test
bed's authenticated registry; every client here has a config directory of its own."""
from __future__ import annotations

import json
import os
import uuid

import pytest

import pydock
from pydock.errors import APIError, NotFound
from tests.integration.registries import (
    AUTH_PASSWORD,
    AUTH_REGISTRY,
    AUTH_USER,
    MIRROR,
    delete_from_registry,
    docker,
    remove_local,
)


@pytest.fixture
def config_dir(tmp_path):
    directory = tmp_path / "docker-config"
    directory.mkdir()
    return directory


def client_for(config_dir) -> pydock.DockerClient:
    return pydock.DockerClient(environment={**os.environ, "DOCKER_CONFIG": str(config_dir)})


@pytest.fixture
def repo():
    name = f"{AUTH_REGISTRY}/pydt-{uuid.uuid4().hex[:10]}"
    docker("tag", "busybox:latest", f"{name}:v1")
    docker("tag", "busybox:latest", f"{name}:v2")
    yield name
    remove_local(f"{name}:v1", f"{name}:v2")
    for tag in ("v1", "v2"):
        delete_from_registry(f"{name}:{tag}")


def test_login_keeps_credentials_for_push_and_pull(config_dir, repo):
    with client_for(config_dir) as client:
        with pytest.raises(APIError) as refused:
            client.login(AUTH_USER, "pydt-wrong-password", registry=AUTH_REGISTRY)
        assert "401 Unauthorized" in str(refused.value)
        answer = client.login(AUTH_USER, AUTH_PASSWORD, registry=AUTH_REGISTRY)
        assert answer["Status"] == "Login Succeeded"
        assert client.login(AUTH_USER, AUTH_PASSWORD, registry=AUTH_REGISTRY)["username"] == AUTH_USER  # known
        assert os.listdir(config_dir) == []  # as docker-py: nothing written

        text = client.images.push(repo, tag="v1")
        messages = [json.loads(line) for line in text.splitlines()]
        assert messages[0]["status"] == f"The push refers to repository [{repo}]"
        assert messages[-1]["aux"]["Tag"] == "v1" and messages[-1]["aux"]["Digest"].startswith("sha256:")
        decoded = list(client.images.push(f"{repo}:v2", stream=True, decode=True))
        assert decoded[-1]["aux"]["Tag"] == "v2" and not any("errorDetail" in m for m in decoded)
        raw = list(client.images.push(repo, "v1", stream=True))
        assert all(isinstance(line, bytes) and json.loads(line) for line in raw)

        remove_local(f"{repo}:v1", f"{repo}:v2")
        image = client.images.pull(repo, tag="v1")
        assert f"{repo}:v1" in image.tags  # busybox's own image, under more names
        digest = messages[-1]["aux"]["Digest"]
        assert client.images.pull(f"{repo}@{digest}").id == image.id
        tagged = client.images.pull(repo, all_tags=True)
        assert {tag for image in tagged for tag in image.tags if tag.startswith(repo)} == {f"{repo}:v1", f"{repo}:v2"}


def test_explicit_and_stored_credentials(config_dir, repo):
    docker("push", "-q", f"{repo}:v1", env={"DOCKER_CONFIG": _logged_in_by_docker(config_dir)})
    remove_local(f"{repo}:v1")
    anonymous = config_dir / "anonymous"
    anonymous.mkdir()
    with client_for(anonymous) as client:
        with pytest.raises(APIError) as refused:
            client.images.pull(f"{repo}:v1")
        assert "no basic auth credentials" in str(refused.value)
        image = client.images.pull(f"{repo}:v1", auth_config={"username": AUTH_USER, "password": AUTH_PASSWORD})
        assert f"{repo}:v1" in image.tags
    remove_local(f"{repo}:v1")
    with client_for(config_dir / "docker") as client:  # what `docker login` stored
        assert f"{repo}:v1" in client.images.pull(repo, "v1").tags


def test_failures(config_dir):
    with client_for(config_dir) as client:
        with pytest.raises(NotFound):
            client.images.pull(f"{MIRROR}/library/alpine", tag="pydt-no-such-tag")
        text = client.images.push(f"{MIRROR}/pydt-not-here", tag="v1")
        assert json.loads(text.splitlines()[-1])["errorDetail"]["message"] == (
            f"An image does not exist locally with the tag: {MIRROR}/pydt-not-here")


def _logged_in_by_docker(config_dir) -> str:
    directory = config_dir / "docker"
    directory.mkdir()
    docker("login", "-u", AUTH_USER, "--password-stdin", AUTH_REGISTRY, input=AUTH_PASSWORD,
           env={"DOCKER_CONFIG": str(directory)})
    return str(directory)
