"""docker's inspect.Inspect, for every `… inspect` command.

    run_inspect(env, names, fmt, lambda name: (env.api.networks.inspect_raw(name), "network"))

prints every object found (the engine's JSON, indented as docker does, or the -f template per
object), then fails with one line per name that was not (exit 1). A template that does not
parse ends the command first, with exit 64.
"""
from __future__ import annotations

from typing import Callable

from .errors import FAILURE, TEMPLATE_ERROR, StatusError, template_error
from .output import logrus_line, print_line, stdout_write_error, write_bytes, write_flushed


def run_inspect(env, refs, fmt: str, get_raw: Callable[[str], tuple[bytes, str]], raw_fallback: bool = True) -> None:
    """Inspect `refs` in order. `get_raw(ref)` returns the engine's JSON bytes and the kind of object
    found ("container", "network", "volume": a template runs over docker's Go type first, then over the
    JSON); it raises DockerError. With `raw_fallback` false a template sees the Go type only, as when
    docker has no raw JSON (`volume inspect`)."""
    from ..formatting.contexts.inspect import TemplateInspector, json_array, parse_inspect_format
    from ..transport.errors import DockerError

    try:
        template = parse_inspect_format(fmt)
    except ValueError as exc:
        raise template_error(exc, TEMPLATE_ERROR) from None
    inspector = TemplateInspector(template, raw_fallback) if template is not None else None
    raws, errors = [], []
    for ref in refs:
        try:
            raw, kind = get_raw(ref)
        except DockerError as exc:
            errors.append(str(exc))
            continue
        if inspector is None:
            raws.append(raw)
            continue
        try:
            inspector.add(raw, kind)
        except ValueError as exc:
            errors.append(template_error(exc).message)
    if inspector is None:
        write_bytes(env.stdout, json_array(raws, compact=fmt == "json"))
    else:
        write_flushed(env.stdout, inspector.text())
    failed = stdout_write_error(env.stdout)
    if failed:  # docker's inspect logs a failed write and goes on (exit 0)
        print_line(env.stderr, logrus_line("error", failed))
    if errors:
        raise StatusError("\n".join(errors), FAILURE)
