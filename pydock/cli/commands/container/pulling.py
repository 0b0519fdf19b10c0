"""Pulling an image for `run`/`create` (--pull, or a missing image), with docker's progress display."""
from __future__ import annotations

from ...output import write_flushed


def pull_image(env, image: str, *, platform: str | None = None, quiet: bool = False) -> None:
    """Pull `image`, showing progress on stderr (plain lines in a pipe, bars on a terminal)."""
    from ....config.credentials import encoded_auth
    from ....golang.time import format_rfc3339_nano_fixed
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
                             auth=encoded_auth(env.config, ref.domain)) as response:
        display_stream(json_objects(response.iter_raw()), write, is_terminal=on_terminal and not quiet,
                       width=width, timestamp=format_rfc3339_nano_fixed)
