"""Pulling an image for `run`/`create` (--pull, or a missing image), with docker's progress display."""
from __future__ import annotations


def pull_image(env, image: str, *, platform: str | None = None, quiet: bool = False) -> None:
    """Pull `image` with the stored credentials of its registry (X-Registry-Auth), showing progress on
    stderr (docker's lines in a pipe, live per-layer lines on a terminal). Raises JSONMessageError
    for an error in the stream, EngineError for a refused request."""
    from ....config.credentials import encoded_auth
    from ....golang.time import format_rfc3339_nano_fixed
    from ....opts.reference import parse_normalized_named
    from ....streams.jsonstream import json_objects
    from ....streams.progress import display

    ref = parse_normalized_named(image)
    with env.api.images.pull(ref.name, ref.api_tag, platform=platform or None,
                             auth=encoded_auth(env.config, ref.domain)) as response:
        display(json_objects(response.iter_raw()), None if quiet else env.stderr,
                timestamp=format_rfc3339_nano_fixed)

