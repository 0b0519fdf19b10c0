"""Image references as docker's distribution/reference parses and prints them.

Follows github.com/distribution/reference (regexp.go, normalize.go, reference.go, helpers.go) as
vendored by docker 28, and github.com/opencontainers/go-digest for the digest checks. Messages are
docker's, word for word; every parse error is an OptError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import OptError

DEFAULT_DOMAIN = "docker.io"
LEGACY_DEFAULT_DOMAIN = "index.docker.io"
OFFICIAL_REPO_PREFIX = "library/"
DEFAULT_TAG = "latest"
NAME_TOTAL_LENGTH_MAX = 255

_ALNUM = r"[a-z0-9]+"
_SEPARATOR = r"(?:[._]|__|[-]+)"
_PATH_COMPONENT = rf"{_ALNUM}(?:{_SEPARATOR}{_ALNUM})*"
_REMOTE_NAME = rf"{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[(?:[a-fA-F0-9:]+)\])"
_DOMAIN = rf"{_HOST}(?::[0-9]+)?"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}"
_NAME = rf"(?:{_DOMAIN}/)?{_REMOTE_NAME}"
# Go's \w is ASCII-only: re.ASCII keeps "é" out of tags as Go does.
_REFERENCE_RE = re.compile(rf"({_NAME})(?::({_TAG}))?(?:@({_DIGEST}))?", re.ASCII)
_ANCHORED_NAME_RE = re.compile(rf"(?:({_DOMAIN})/)?({_REMOTE_NAME})", re.ASCII)
_TAG_RE = re.compile(_TAG, re.ASCII)
_IDENTIFIER_RE = re.compile(r"[a-f0-9]{64}")
_ID = r"(sha256:)?[a-f0-9]{64}"
_DIGEST_HEX_LENGTH = {"sha256": 64, "sha384": 96, "sha512": 128}


@dataclass(frozen=True)
class Reference:
    """A parsed reference: docker.io/library/alpine:3.19@sha256:… as domain, path, tag, digest."""

    domain: str
    path: str
    tag: str = ""
    digest: str = ""

    @property
    def name(self) -> str:
        """Name(): the full name, docker.io/library/alpine."""
        return f"{self.domain}/{self.path}" if self.domain else self.path

    @property
    def familiar_name(self) -> str:
        """FamiliarName(): alpine, user/app, 127.0.0.1:5000/app."""
        if self.domain != DEFAULT_DOMAIN:
            return self.name
        path = self.path
        if path.startswith(OFFICIAL_REPO_PREFIX) and "/" not in path[len(OFFICIAL_REPO_PREFIX):]:
            path = path[len(OFFICIAL_REPO_PREFIX):]
        return path

    def _with_suffix(self, name: str) -> str:
        return name + (f":{self.tag}" if self.tag else "") + (f"@{self.digest}" if self.digest else "")

    def familiar(self) -> str:
        """FamiliarString(): alpine:3.19, user/app@sha256:…."""
        return self._with_suffix(self.familiar_name)

    def string(self) -> str:
        """String(): docker.io/library/alpine:latest, as `docker pull` prints it last."""
        return self._with_suffix(self.name)

    @property
    def name_only(self) -> bool:
        """IsNameOnly(): neither a tag nor a digest."""
        return not self.tag and not self.digest

    def with_default_tag(self) -> "Reference":
        """TagNameOnly(): a reference without tag or digest gets :latest."""
        if self.tag or self.digest:
            return self
        return Reference(self.domain, self.path, DEFAULT_TAG, "")

    @property
    def api_tag(self) -> str:
        """The `tag` query value of a pull (getAPITagFromNamedRef): the digest, the tag, or latest."""
        return self.digest or self.tag or DEFAULT_TAG

    @property
    def index_name(self) -> str:
        """The registry (index) the reference lives in: docker.io, 127.0.0.1:5000, localhost."""
        return self.domain


def is_image_id(text: str) -> bool:
    return bool(re.fullmatch(_ID, text))


def parse_normalized_named(text: str) -> Reference:
    """ParseNormalizedNamed: "alpine" -> docker.io/library/alpine; refuses bad names in docker's words.

    Raises OptError: "invalid reference format", "invalid reference format: repository name (x) must
    be lowercase", "repository name must not be more than 255 characters", a digest's own error
    ("invalid checksum digest format" …), or the 64-hex-digit refusal.
    """
    if _IDENTIFIER_RE.fullmatch(text):
        raise OptError(f"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings")
    domain, remainder = split_docker_domain(text)
    remote = remainder.split(":", 1)[0]
    if remote.lower() != remote:
        raise OptError(f"invalid reference format: repository name ({remote}) must be lowercase")
    return parse(f"{domain}/{remainder}")


def parse(text: str) -> Reference:
    """Parse (reference.Parse): a reference as written, without docker.io defaults."""
    match = _REFERENCE_RE.fullmatch(text)
    if not match:
        if text == "":
            raise OptError("repository name must have at least one component")
        if _REFERENCE_RE.fullmatch(text.lower()):
            raise OptError("repository name must be lowercase")
        raise OptError("invalid reference format")
    name_match = _ANCHORED_NAME_RE.fullmatch(match.group(1))
    domain, path = (name_match.group(1) or "", name_match.group(2)) if name_match else ("", match.group(1))
    if len(path) > NAME_TOTAL_LENGTH_MAX:
        raise OptError(f"repository name must not be more than {NAME_TOTAL_LENGTH_MAX} characters")
    digest = match.group(3) or ""
    if digest:
        validate_digest(digest)
    return Reference(domain, path, match.group(2) or "", digest)


def validate_digest(digest: str) -> None:
    """go-digest's Digest.Validate: sha256/sha384/sha512 with lower-case hex of the right length."""
    algorithm, sep, encoded = digest.partition(":")
    if not algorithm or not sep or not encoded:
        raise OptError("invalid checksum digest format")
    length = _DIGEST_HEX_LENGTH.get(algorithm)
    if length is None:
        if not re.fullmatch(_DIGEST, digest):
            raise OptError("invalid checksum digest format")
        raise OptError("unsupported digest algorithm")
    if len(encoded) != length:
        raise OptError("invalid checksum digest length")
    if not re.fullmatch(r"[a-f0-9]+", encoded):
        raise OptError("invalid checksum digest format")


def valid_tag(tag: str) -> bool:
    """The tag grammar ([\\w][\\w.-]{0,127}, ASCII)."""
    return bool(_TAG_RE.fullmatch(tag))


def split_docker_domain(name: str) -> tuple[str, str]:
    """splitDockerDomain: ("docker.io", "library/alpine"), ("127.0.0.1:5000", "x/y") …"""
    first, slash, rest = name.partition("/")
    if not slash:
        return DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name
    if first == "localhost" or any(c in first for c in ".:") or first.lower() != first:
        domain, remainder = first, rest  # index.docker.io too: it becomes docker.io below
    else:
        domain, remainder = DEFAULT_DOMAIN, name
    if domain == LEGACY_DEFAULT_DOMAIN:
        domain = DEFAULT_DOMAIN
    if domain == DEFAULT_DOMAIN and "/" not in remainder:
        remainder = OFFICIAL_REPO_PREFIX + remainder
    return domain, remainder


def parse_any_reference(text: str) -> Reference | None:
    """ParseAnyReference: a 64-hex ID or a valid digest (None: not a name), else a normalized name."""
    if _IDENTIFIER_RE.fullmatch(text):
        return None
    try:
        validate_digest(text)
        return None
    except OptError:
        return parse_normalized_named(text)


def tag_target(source: str, target: str) -> tuple[str, str]:
    """ImageTag's checks: the (repo, tag) query of POST /images/{source}/tag, or OptError as docker words it."""
    try:
        parse_any_reference(source)
    except OptError as exc:
        raise OptError(f'Error parsing reference: "{source}" is not a valid repository/tag: {exc}') from None
    try:
        ref = parse_normalized_named(target)
    except OptError as exc:
        raise OptError(f'Error parsing reference: "{target}" is not a valid repository/tag: {exc}') from None
    if ref.digest:
        raise OptError("refusing to create a tag with a digest reference")
    ref = ref.with_default_tag()
    return ref.name, ref.tag


def split_repository_tag(name: str) -> tuple[str, str | None]:
    """docker-py's parse_repository_tag: ("127.0.0.1:5000/app", "v1") from "127.0.0.1:5000/app:v1",
    ("app", "sha256:…") from "app@sha256:…", (name, None) when it carries neither (a port is no tag)."""
    repository, at, digest = name.rpartition("@")
    if at:
        return repository, digest
    repository, colon, tag = name.rpartition(":")
    if colon and "/" not in tag:
        return repository, tag
    return name, None
