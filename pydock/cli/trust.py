"""Content trust (image signing and verification through Notary), which pydock does not do.

docker/cli's command.AddTrustVerificationFlags and ContentTrustEnabled: DOCKER_CONTENT_TRUST turns it
on unless --disable-content-trust says otherwise. Where docker would then ask a Notary server for a
signed digest (pull and push of a tag, build's FROM lines, run/create of a tagged image), pydock says
it cannot rather than go on unverified.
"""
from __future__ import annotations

from .errors import FAILURE, StatusError

TRUST_REFUSAL = ("Error: content trust (image signing and verification) is not supported by pydock: "
                 "unset DOCKER_CONTENT_TRUST or add --disable-content-trust")


def content_trust_enabled(env, disable_content_trust: bool | None) -> bool:
    """--disable-content-trust when given (None: not given), else DOCKER_CONTENT_TRUST as docker's
    ContentTrustEnabled reads it: empty is off, a bool as strconv.ParseBool reads it, anything else on."""
    if disable_content_trust is not None:
        return not disable_content_trust
    from ..golang.strconv import parse_bool

    value = env.environ.get("DOCKER_CONTENT_TRUST", "")
    try:
        return bool(value) and parse_bool(value)
    except ValueError:
        return True


def refuse_content_trust(env, disable_content_trust: bool | None) -> None:
    """StatusError (exit 1) with TRUST_REFUSAL when content trust is on."""
    if content_trust_enabled(env, disable_content_trust):
        raise StatusError(TRUST_REFUSAL, FAILURE)
