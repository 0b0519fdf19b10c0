"""The test bed's registries (scripts/engine) and helpers to put images in them and take them out.

MIRROR (127.0.0.1:5000) is the engine's docker.io mirror; AUTH_REGISTRY (127.0.0.1:5001) asks for
AUTH_USER/AUTH_PASSWORD (htpasswd, bcrypt). scripts/engine names the same values.
"""
from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import tempfile
import urllib.request
import uuid

from tests.conftest import DOCKER

MIRROR = "127.0.0.1:5000"
AUTH_REGISTRY = "127.0.0.1:5001"
AUTH_USER = "pydock-tester"
AUTH_PASSWORD = "Tb-7q2w-Kx9v-pydock"
MULTI = "pydock-multi"  # alpine and four layers, in the mirror as library/pydock-multi

# every form a secret could leak in: as typed, in config.json's `auth`, in X-Registry-Auth
SECRETS = (AUTH_PASSWORD, base64.b64encode(f"{AUTH_USER}:{AUTH_PASSWORD}".encode()).decode(),
           base64.urlsafe_b64encode(AUTH_PASSWORD.encode()).decode().rstrip("="))


def docker(*args, env=None, input=None, check=True) -> subprocess.CompletedProcess:
    proc = subprocess.run([DOCKER, *map(str, args)], capture_output=True, text=True, input=input, timeout=180,
                          env={**os.environ, **(env or {})})
    if check and proc.returncode:
        raise AssertionError(f"docker {' '.join(map(str, args))}: {proc.stderr}")
    return proc


def build_image(tag: str, layers: tuple[int, ...] = (300_000, 700_000, 150_000)) -> None:
    """A new image on alpine with one layer of random bytes per size (classic builder, as docker 28 has
    no BuildKit here); random content keeps its layers its own."""
    with tempfile.TemporaryDirectory() as context:
        lines = ["FROM alpine:latest"]
        for number, size in enumerate(layers):
            with open(os.path.join(context, f"blob{number}"), "wb") as f:
                f.write(os.urandom(size))
            lines.append(f"COPY blob{number} /pydt/blob{number}")
        with open(os.path.join(context, "Dockerfile"), "w") as f:
            f.write("\n".join(lines) + "\n")
        docker("build", "-q", "-t", tag, context, env={"DOCKER_BUILDKIT": "0"})


def unique_repo(registry: str = MIRROR) -> str:
    return f"{registry}/pydt-{uuid.uuid4().hex[:10]}"


def registry_request(method: str, url: str, *, auth: bool = False, accept: str = "") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method)
    if accept:
        request.add_header("Accept", accept)
    if auth:
        token = base64.b64encode(f"{AUTH_USER}:{AUTH_PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def manifest_digest(reference: str) -> str | None:
    """The digest ("sha256:<hex>") a registry serves for REGISTRY/REPO:TAG's schema 2 manifest, or None
    when it has no such tag. Test-bed images are made at set-up time (`docker import`), so their digests
    differ on every machine: a test that needs one asks the registry, never names a constant."""
    name, _, tag = reference.rpartition(":")
    registry, _, repo = name.partition("/")
    status, headers, _ = registry_request("HEAD", f"http://{registry}/v2/{repo}/manifests/{tag}",
                                          auth=registry == AUTH_REGISTRY,
                                          accept="application/vnd.docker.distribution.manifest.v2+json")
    digest = {k.lower(): v for k, v in headers.items()}.get("docker-content-digest")
    return digest if status == 200 and digest else None


def delete_from_registry(reference: str) -> None:
    """Remove a pushed tag's manifest from its registry (the registry has `delete: enabled`)."""
    digest = manifest_digest(reference)
    if digest:
        name = reference.rpartition(":")[0]
        registry, _, repo = name.partition("/")
        registry_request("DELETE", f"http://{registry}/v2/{repo}/manifests/{digest}", auth=registry == AUTH_REGISTRY)


def remove_local(*references: str) -> None:
    subprocess.run([DOCKER, "rmi", "-f", *references], capture_output=True, timeout=120)


HEX = re.compile(r"\b[0-9a-f]{12}\b")


def normalized_progress(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """A pull's or push's plain output in a form that does not depend on which concurrent download
    finished first: (lines without a layer, in order, with digests masked; per layer in order of
    first appearance, its statuses that always come — the engine may drop "Waiting", "Verifying
    Checksum" and progress-only lines, depending on timing)."""
    steady = {"Already exists", "Pulling fs layer", "Download complete", "Pull complete", "Preparing",
              "Pushed", "Layer already exists"}
    names: dict[str, str] = {}
    plain, layers = [], {}
    for line in text.splitlines():
        head, sep, status = line.partition(": ")
        if sep and HEX.fullmatch(head):
            layer = names.setdefault(head, f"L{len(names)}")
            if status.startswith("Mounted from "):
                status = "Mounted from <repository>"  # the engine picks any repository that has it
            if status in steady or status.startswith("Mounted from"):
                layers.setdefault(layer, []).append(status)
            continue
        plain.append(re.sub(r"sha256:[0-9a-f]{64}", "sha256:<digest>", line))
    return plain, layers


def auth_header(value: str) -> dict:
    """An X-Registry-Auth value decoded (URL-safe base64 JSON)."""
    return json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
