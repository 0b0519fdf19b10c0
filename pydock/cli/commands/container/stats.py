"""stats: one collector thread per container, a redraw every half second (docker's RunStats).

In a pipe, or with a format that is not a table, the bytes are docker's (its redraw escapes
included). A table on a terminal is drawn with rich instead: fitted to the width, coloured,
redrawn in place on the alternate screen.
"""
from __future__ import annotations

import threading
import time

import click

from ....formatting.contexts import stats as stats_context
from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, format_option, option
from ...listing import Listing

TICK = 0.5  # seconds between two tables
STALE_AFTER = 2.0  # docker's "timeout waiting for stats"


class Collector:
    """The latest statistics of one container, updated by its own thread."""

    def __init__(self, container: str):
        from ....formatting.contexts.stats import StatsEntry

        self.container = container
        self.entry = StatsEntry(container)
        self.error: str | None = None
        self.first = threading.Event()
        self.updated = time.monotonic()
        self.answered: float | None = None  # when the engine's response began
        self.os_type = "linux"
        self.lock = threading.Lock()

    def update(self, entry) -> None:
        with self.lock:
            self.entry, self.error, self.updated = entry, None, time.monotonic()
        self.first.set()

    def fail(self, message: str, reset: bool = False) -> None:
        from ....formatting.contexts.stats import StatsEntry

        with self.lock:
            if reset:
                self.entry = StatsEntry(self.container, self.entry.name, self.entry.id)
            self.entry.is_invalid = True
            self.error = message
        self.first.set()

    def answer_began(self) -> None:
        self.answered = self.updated = time.monotonic()

    def check_stale(self) -> None:
        if time.monotonic() - self.updated > STALE_AFTER:
            self.fail("timeout waiting for stats", reset=True)
            self.updated = time.monotonic()

    def snapshot(self):
        with self.lock:
            return self.entry


def collect(api, collector: Collector, stream: bool) -> None:
    """Read the container's /stats until it ends (or once, without streaming)."""
    from ....formatting.contexts.stats import entry_from_sample
    from ....streams.jsonstream import json_objects
    from ....transport.errors import DockerError

    try:
        with api.stats(collector.container, stream=stream) as response:
            collector.answer_began()
            collector.os_type = (response.headers.get("Ostype") or "linux").lower()
            for sample in json_objects(response.iter_raw()):
                collector.update(entry_from_sample(collector.container, sample, collector.os_type))
                if not stream:
                    return
        collector.fail("EOF")
    except DockerError as exc:
        collector.fail(str(exc))
    except Exception as exc:  # a broken connection: shown as "--", as docker does
        collector.fail(str(exc) or type(exc).__name__)


class Board:
    """The containers shown, in order, each with its collector thread."""

    def __init__(self, api, stream: bool):
        self.api, self.stream = api, stream
        self.collectors: list[Collector] = []
        self.lock = threading.Lock()
        self.failure: str | None = None  # the events stream broke

    def add(self, container: str) -> Collector | None:
        with self.lock:
            if any(c.container == container for c in self.collectors):
                return None
            collector = Collector(container)
            self.collectors.append(collector)
        threading.Thread(target=collect, args=(self.api, collector, self.stream), daemon=True).start()
        return collector

    def remove(self, container: str) -> None:
        with self.lock:
            self.collectors = [c for c in self.collectors if c.container != container]

    def current(self) -> list[Collector]:
        with self.lock:
            return list(self.collectors)


def wait_first(collectors: list[Collector]) -> None:
    """Each container's first sample, or docker's timeout: two seconds without one once the engine answers.

    As in docker, the clock starts with the response: without streaming, the engine answers only
    when its sample is ready, which takes it a second or two.
    """
    for collector in collectors:
        while not collector.first.wait(0.05):
            if collector.answered is not None and time.monotonic() - collector.answered > STALE_AFTER:
                collector.fail("timeout waiting for stats", reset=True)


def watch_events(board: Board, system_api, all_: bool) -> threading.Event:
    """Follow container events: start (and create with -a) adds a container, die removes it."""
    from ....streams.jsonstream import json_objects

    subscribed = threading.Event()

    def run():
        try:
            with system_api.events(filters={"type": {"container": True}}) as response:
                subscribed.set()
                for event in json_objects(response.iter_raw()):
                    short = ((event.get("Actor") or {}).get("ID") or event.get("id") or "")[:12]
                    action = event.get("Action") or event.get("status")
                    if action == "start" or (all_ and action == "create"):
                        board.add(short)
                    elif action == "die" and not all_:
                        board.remove(short)
        except Exception as exc:  # reported by the drawing loop, as docker's closeChan does
            board.failure = str(exc)
        finally:
            subscribed.set()

    threading.Thread(target=run, daemon=True).start()
    return subscribed


@click.command("stats", cls=DockerCommand, usage="stats [OPTIONS] [CONTAINER...]")
@option("-a", "--all", "all_", kind="bool", help="Show all containers (default shows just running)")
@format_option()
@option("--no-stream", kind="bool", help="Disable streaming stats and only pull the first result")
@option("--no-trunc", kind="bool", help="Do not truncate output")
@argument("containers", complete="container:live")
@click.pass_obj
def stats(env, all_, fmt, no_stream, no_trunc, containers):
    api = env.api.containers
    board = Board(api, stream=not no_stream)
    show_all = not containers
    if show_all:
        if not no_stream:
            watch_events(board, env.api.system, all_).wait(5)
        for row in api.list(all=all_):
            board.add(row["Id"][:12])
        wait_first(board.current())
    else:
        for name in containers:
            board.add(name)
        wait_first(board.current())
        errors = [c.error for c in board.current() if c.error]
        if errors:
            raise StatusError("\n".join(errors), FAILURE)
    listing = Listing(env, stats_context.SPEC, fmt)
    if not listing.on_terminal():
        draw_loop(env, board, listing, no_stream, not no_trunc, show_all)
    elif no_stream:
        listing.write(*rows(board.current(), not no_trunc))
    else:
        live_view(board, listing, not no_trunc, show_all)


def rows(collectors: list[Collector], trunc: bool):
    """The rows to show and the spec for the engine's OS (Windows has other columns)."""
    os_type = collectors[0].os_type if collectors else "linux"
    return [stats_context.StatsContext(c.snapshot(), os_type, trunc) for c in collectors], stats_context.spec(os_type)


def draw_loop(env, board: Board, listing, no_stream: bool, trunc: bool, show_all: bool) -> None:
    """docker's loop in a pipe: a table every tick, written whole (a SIGINT/SIGTERM ends the command
    between two tables, with 128 + the signal)."""
    from ....streams.signals import held

    next_tick = time.monotonic() + TICK
    while True:
        time.sleep(max(0.0, next_tick - time.monotonic()))
        next_tick += TICK
        with held():
            collectors = board.current()
            if not no_stream:
                for collector in collectors:
                    collector.check_stale()
            text = listing.text(*rows(collectors, trunc))
            if not no_stream:
                text = redraw(text)
            env.stdout.write(text)
            env.stdout.flush()
        if (not collectors and not show_all) or no_stream:
            return
        if board.failure:
            raise StatusError(board.failure, FAILURE)


def live_view(board: Board, listing, trunc: bool, show_all: bool) -> None:
    """The terminal's live view: a table fitted to its width, redrawn in place every tick.

    Ctrl-C (or SIGTERM) cancels the command (streams.signals: Terminated) between two frames, never
    in the middle of one; the screen and cursor are given back and the last table is printed, then
    pydock exits with 128 + the signal's number.
    """
    from ....formatting.tty_table import LiveTable
    from ....streams.signals import held

    next_tick = time.monotonic() + TICK
    view = LiveTable(listing.env.stdout)
    try:
        while True:
            time.sleep(max(0.0, next_tick - time.monotonic()))
            next_tick += TICK
            with held():
                collectors = board.current()
                for collector in collectors:
                    collector.check_stale()
                view.show(*listing.render(*rows(collectors, trunc)))
            if not collectors and not show_all:
                return
            if board.failure:
                raise StatusError(board.failure, FAILURE)
    finally:
        with held():
            view.close()


def redraw(text: str) -> str:
    """docker's live view: cursor home, the table, then every line again with erase-to-end, erase below."""
    buffer = "\033[H" + text
    return buffer + "".join(f"{line} \033[K\n" for line in buffer.split("\n")) + "\033[J"
