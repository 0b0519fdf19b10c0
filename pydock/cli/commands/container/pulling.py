"""Pulling an image for `run`/`create` (--pull, or a missing image), with docker's progress display."""
from __future__ import annotations

import base64
import json

from ...output import write_flushed


def encoded_auth(env, registry: str) -> str:
    """X-Registry-Auth for a registry: stored credentials from config.json, else "{}" (as docker sends)."""
    key = "https://index.docker.io/v1/" if registry == "docker.io" else registry
    auths = env.config.get("auths") or {}
    entry = auths.get(key) or auths.get(f"https://{key}") or auths.get(f"http://{key}") or {}
    auth = {}
    if entry.get("auth"):
        try:
            user, _, password = base64.b64decode(entry["auth"]).decode().partition(":")
            auth = {"username": user, "password": password, "serveraddress": key}
        except (ValueError, UnicodeDecodeError):
            auth = {}
    elif entry.get("identitytoken"):
        auth = {"identitytoken": entry["identitytoken"], "serveraddress": key}
    raw = json.dumps(auth, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def pull_image(env, image: str, *, platform: str | None = None, quiet: bool = False) -> None:
    """Pull `image`, showing progress on stderr (plain lines in a pipe, bars on a terminal)."""
    from ....opts.reference import parse_normalized_named
    from ....streams.jsonstream import json_objects
    from ....streams.progress import display_stream
    from ....streams.tty import is_terminal, terminal_size

    ref = parse_normalized_named(image)
    err = env.stderr
    on_terminal = is_terminal(err)

    def write(text: str) -> None:
        if not quiet:
            write_flushed(err, text)

    def width() -> int:
        return terminal_size(err.fileno())[1] or 200 if on_terminal else 200

    with env.api.images.pull(ref.name, ref.api_tag, platform=platform or None,
                             auth=encoded_auth(env, ref.domain)) as response:
        display_stream(json_objects(response.iter_raw()), write, is_terminal=on_terminal and not quiet,
                       width=width)
