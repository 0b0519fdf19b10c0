"""Image references as docker's distribution/reference parses and prints them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import OptError

DEFAULT_DOMAIN = "docker.io"
_ALNUM = r"[a-z0-9]+"
_SEPARATOR = r"(?:[._]|__|[-]+)"
_PATH_COMPONENT = rf"{_ALNUM}(?:{_SEPARATOR}{_ALNUM})*"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[(?:[a-fA-F0-9:]+)\])"
_DOMAIN = rf"{_HOST}(?::[0-9]+)?"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}"
_NAME = rf"(?:{_DOMAIN}/)?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*"
_REFERENCE = (rf"({_NAME})(?::({_TAG}))?(?:@({_DIGEST}))?")
_ID = (r"(sha256:)?[a-f0-9]{64}")


@dataclass(frozen=True)
class Reference:
    domain: str
    path: str
    tag: str = ""
    digest: str = ""

    @property
    def name(self) -> str:
        """The full name: docker.io/library/alpine."""
        return f"{self.domain}/{self.path}"

    @property
    def familiar_name(self) -> str:
        """The short name: alpine, user/app, 127.0.0.1:5000/app."""
        if self.domain != DEFAULT_DOMAIN:
            return self.name
        path = self.path
        if path.startswith("library/") and "/" not in path[len("library/"):]:
            path = path[len("library/"):]
        return path

    def familiar(self) -> str:
        out = self.familiar_name
        if self.tag:
            out += ":" + self.tag
        if self.digest:
            out += "@" + self.digest
        return out

    def with_default_tag(self) -> "Reference":
        """TagNameOnly: a reference without tag or digest gets :latest."""
        if self.tag or self.digest:
            return self
        return Reference(self.domain, self.path, "latest", "")

    @property
    def api_tag(self) -> str:
        """The `tag` query value of a pull: the digest, the tag, or latest."""
        return self.digest or self.tag or "latest"


def is_image_id(text: str) -> bool:
    return bool(re.fullmatch(_ID, text))


def parse_normalized_named(text: str) -> Reference:
    """ParseNormalizedNamed: "alpine" -> docker.io/library/alpine; refuses bad names."""
    if re.fullmatch(_ID, text) and not text.startswith("sha256:"):
        raise OptError(f"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings")
    domain, remainder = _split_domain(text)
    remote = remainder.split(":", 1)[0]
    if remote.lower() != remote:
        raise OptError(f"invalid reference format: repository name ({remote}) must be lowercase")
    match = re.fullmatch(_REFERENCE, f"{domain}/{remainder}")
    if not match:
        raise OptError("invalid reference format")
    name = match.group(1)
    if len(name) > 255:
        raise OptError("invalid reference format: repository name must not be more than 255 characters")
    found_domain, _, path = name.partition("/")
    return Reference(found_domain, path, match.group(2) or "", match.group(3) or "")


def _split_domain(name: str) -> tuple[str, str]:
    first, slash, rest = name.partition("/")
    if not slash or (not any(c in first for c in ".:") and first != "localhost" and first.lower() == first):
        domain, remainder = DEFAULT_DOMAIN, name
    else:
        domain, remainder = first, rest
    if domain == "index.docker.io":
        domain = DEFAULT_DOMAIN
    if domain == DEFAULT_DOMAIN and "/" not in remainder:
        remainder = "library/" + remainder
    return domain, remainder


_DIGEST_TEXT = r"[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+"


def parse_any_reference(text: str) -> Reference | None:
    """ParseAnyReference: a 64-hex ID or an `algo:hex` digest (None: not a name), else a normalized name."""
    if re.fullmatch(r"[a-f0-9]{64}", text) or re.fullmatch(_DIGEST_TEXT, text):
        return None
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
