"""Acting on several objects named on the command line, as docker's commands do.

    run_on_each(env, names, env.api.networks.remove)     # `network rm a b c`

runs the calls concurrently (at most MAX_PARALLEL at once), prints what worked in argument order
and then fails with every error, one line each (exit 1). Also: docker's y/N prompt and the
pruneFilters of config.json for the prune commands.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from .errors import FAILURE, SUCCESS, StatusError
from .output import print_line, write_flushed

MAX_PARALLEL = 50  # docker's parallelOperation limit


def each_object(names: list[str], op: Callable[[str], object]) -> Iterator[tuple[str, object, Exception | None]]:
    """Run `op(name)` on every name concurrently; yield (name, what op returned, DockerError or None)
    in argument order as results arrive. Errors other than DockerError propagate."""
    from ..transport.errors import DockerError

    def call(name: str):
        try:
            return op(name), None
        except DockerError as exc:
            return None, exc

    if len(names) == 1:
        outcome = call(names[0])
        _note_missing(outcome[1])
        yield (names[0], *outcome)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(names))) as pool:
        futures = [pool.submit(call, name) for name in names]
        for name, future in zip(names, futures):
            outcome = future.result()
            _note_missing(outcome[1])
            yield (name, *outcome)


MISSING = "pydock.missing_objects"  # ctx.meta key: the "No such …" errors of this command line


def _note_missing(error: Exception | None) -> None:
    """Keep a not-found error's text where cli/main.py's hint finds it once the command has failed: a
    command may print such errors itself and end with a summary that names no object (`network rm`'s
    `exit status 1`), and the suggestion of the nearest names comes after all of it (cli/suggest.py)."""
    from ..transport.errors import NotFound

    if isinstance(error, NotFound):
        import click

        ctx = click.get_current_context(silent=True)
        if ctx is not None:
            ctx.meta.setdefault(MISSING, []).append(str(error))


def fail_with(errors: list[str]) -> None:
    """docker joins every failure into one error: one line each on stderr, exit 1 (nothing when empty)."""
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


def run_on_each(env, names, op: Callable[[str], object], *, shown: Callable[[str, object], str] | None = None,
                only_warn: Callable[[Exception], bool] | None = None) -> None:
    """The common shape of stop/kill/rm/wait/…: on stdout what worked (`shown(name, result)`, else the
    name) in argument order, then every failure (exit 1); failures `only_warn` accepts go to stderr alone."""
    errors = []
    for name, result, error in each_object(list(names), op):
        if error is None:
            print_line(env.stdout, shown(name, result) if shown else name)
        elif only_warn is not None and only_warn(error):
            print_line(env.stderr, str(error))
        else:
            errors.append(str(error))
    fail_with(errors)


def confirm(env, message: str) -> bool:
    """docker's prompt: the question and ` [y/N] ` on stdout, one line read from stdin, yes only for y/Y.

    SIGINT or SIGTERM at the prompt (even one the shell started us ignoring, as Go's signal.Notify
    takes it back) ends the command as docker's cancelled prompt does: a newline, exit 0.
    """
    try:
        with _interrupted_by_termination_signals():
            write_flushed(env.stdout, message + " [y/N] ")
            try:
                answer = env.stdin.readline()
            except (OSError, ValueError):
                answer = ""
    except KeyboardInterrupt:
        write_flushed(env.stdout, "\n")
        raise StatusError("", SUCCESS) from None
    return answer.strip().lower() == "y"


@contextmanager
def _interrupted_by_termination_signals():
    """SIGINT and SIGTERM raise KeyboardInterrupt inside the block (docker's TerminationSignals)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, signal.default_int_handler) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def merge_prune_filters(filters: dict[str, dict[str, bool]], configured) -> dict:
    """docker 28's command.PruneFilters: add config.json's pruneFilters ("key=value" strings).
    `filters` is the Engine API's map, {"label": {"a=b": True}}; updated and returned.

    A configured `label=v` is skipped when filters.ExactMatch("label!", v), and `label!=v` when
    ExactMatch("label", v); ExactMatch is true when no such filter is set at all, so a configured
    label filter only counts next to a flag filter of the opposite kind (docker/cli cli/command/utils.go,
    measured against a recording engine).
    """
    for entry in configured or []:
        name, sep, value = str(entry).partition("=")
        if not sep:
            continue
        opposite = {"label": "label!", "label!": "label"}.get(name)
        if opposite and (not filters.get(opposite) or value in filters[opposite]):
            continue
        filters.setdefault(name, {})[value] = True
    return filters


def prune_filters(env, filters) -> dict:
    """The filters a prune command sends: its --filter values (as filter_option gives them) plus
    config.json's pruneFilters."""
    from ..opts.filters import parse_filters

    return merge_prune_filters(parse_filters(filters), env.config.get("pruneFilters"))
