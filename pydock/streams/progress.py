"""Docker's display of JSON progress messages (pull, push, load …), as pkg/jsonmessage does it.

In a pipe: one plain line per status message; progress updates are skipped. On a terminal:
one line per layer ID, rewritten in place with cursor movements and progress bars.
"""
from __future__ import annotations

import time
from typing import Callable, Iterable

ESC = "\x1b["


class JSONMessageError(Exception):
    """An error carried inside the stream (errorDetail); str() is its message."""

    def __init__(self, message: str, code: int = 0):
        super().__init__(message)
        self.message = message
        self.code = code


def human_size(size: float) -> str:
    """go-units HumanSize: decimal units, 4 significant digits ("1.98MB", "512B")."""
    units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    i = 0
    while size >= 1000 and i < len(units) - 1:
        size /= 1000.0
        i += 1
    return f"{_go_g(size, 4)}{units[i]}"


def _go_g(value: float, precision: int) -> str:
    """Go's %.Ng: like Python's, but the exponent has at least two digits (same) and no '+0'."""
    return f"{value:.{precision}g}"


def _go_duration_seconds(seconds: int) -> str:
    """time.Duration(...).Round(time.Second).String() for whole seconds."""
    if seconds == 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = f"{hours}h" if hours else ""
    if hours or minutes:
        out += f"{minutes}m"
    return out + f"{secs}s"


def progress_string(detail: dict | None, width: int, now: float | None = None) -> str:
    """JSONProgress.String(): "[=====>    ]  1.2MB/3.4MB 2s"."""
    if not detail:
        return ""
    current, total = int(detail.get("current") or 0), int(detail.get("total") or 0)
    start, units = int(detail.get("start") or 0), detail.get("units") or ""
    if current <= 0 and total <= 0:
        return ""
    if total <= 0:
        return f"{human_size(current):>8}" if not units else f"{current} {units}"
    percentage = min(int(current / total * 100) // 2, 50)
    bar = ""
    if width > 110:
        bar = "[" + "=" * percentage + ">" + " " * max(50 - percentage, 0) + "] "
    numbers = ""
    if detail.get("hidecounts"):
        pass
    elif not units:
        numbers = f"{human_size(current):>8}/{human_size(total)}"
        if current > total:
            numbers = f"{human_size(current):>8}"
    else:
        numbers = f"{current}/{total} {units}" if current <= total else f"{current} {units}"
    left = ""
    if width > 50 and current > 0 and start > 0 and percentage < 50:
        elapsed = (now if now is not None else time.time()) - start
        per_entry = elapsed / current
        left = " " + _go_duration_seconds(round((total - current) * per_entry))
    return bar + numbers + left


def utc_rfc3339_nano_fixed(nanos: int) -> str:
    """jsonmessage.RFC3339NanoFixed in UTC ("2006-01-02T15:04:05.000000000Z")."""
    seconds, fraction = divmod(nanos, 10 ** 9)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{fraction:09d}Z"


def _timestamp(jm: dict, timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> str:
    nanos = jm.get("timeNano") or 0
    seconds = jm.get("time") or 0
    if not nanos and not seconds:
        return ""
    if not nanos:
        nanos = seconds * 10 ** 9
    return timestamp(nanos) + " "


def display_message(jm: dict, write: Callable[[str], None], is_terminal: bool, width: int,
                    timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> None:
    """JSONMessage.Display. `timestamp` formats a message's time (Unix nanoseconds) as docker does in its
    local time zone: the CLI passes golang.time.format_rfc3339_nano_fixed (Go's time.Local)."""
    error = jm.get("errorDetail")
    if error:
        raise JSONMessageError(error.get("message", ""), error.get("code", 0))
    if jm.get("error") and not error:
        raise JSONMessageError(jm["error"])
    progress = jm.get("progressDetail")
    endl = ""
    if is_terminal and not jm.get("stream") and progress is not None:
        write(ESC + "2K\r")
        endl = "\r"
    elif progress is not None and progress_string(progress, width) != "":
        return
    write(_timestamp(jm, timestamp))
    if jm.get("id"):
        write(f"{jm['id']}: ")
    if jm.get("from"):
        write(f"(from {jm['from']}) ")
    status = jm.get("status", "")
    if progress is not None and is_terminal:
        write(f"{status} {progress_string(progress, width)}{endl}")
    elif jm.get("progress"):
        write(f"{status} {jm['progress']}{endl}")
    elif jm.get("stream"):
        write(f"{jm['stream']}{endl}")
    else:
        write(f"{status}{endl}\n")


def display_stream(messages: Iterable[dict], write: Callable[[str], None], *, is_terminal: bool = False,
                   width: Callable[[], int] | None = None, aux: Callable[[dict], None] | None = None,
                   timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> None:
    """DisplayJSONMessagesStream: raises JSONMessageError for an error message (`timestamp`: see display_message)."""
    ids: dict[str, int] = {}
    for jm in messages:
        if jm.get("aux") is not None:
            if aux is not None:
                aux(jm)
            continue
        diff = 0
        if jm.get("id") and (jm.get("progressDetail") is not None or jm.get("progress")):
            line = ids.get(jm["id"])
            if line is None:
                line = len(ids)
                ids[jm["id"]] = line
                if is_terminal:
                    write("\n")
            diff = len(ids) - line
            if is_terminal and diff:
                write(f"{ESC}{diff}A")
        else:
            ids = {}
        try:
            display_message(jm, write, is_terminal, width() if width else 200, timestamp)
        finally:
            if jm.get("id") and is_terminal and diff:
                write(f"{ESC}{diff}B")


# -- on a terminal: one live line per layer, drawn with rich --------------------------------------

_DONE = frozenset({"Pull complete", "Already exists", "Download complete", "Pushed", "Layer already exists",
                   "Mounted from", "Loading layer"})
_REFRESH_SECONDS = 1 / 15  # redraw at most this often while only bytes move


def is_layer_line(jm: dict) -> bool:
    """A message docker draws on a layer's own line: it has an id and progress (possibly empty)."""
    return bool(jm.get("id")) and (jm.get("progressDetail") is not None or bool(jm.get("progress")))


class LiveProgress:
    """The terminal view of a JSON progress stream (pull, push, load): lines without progress are
    printed as docker prints them; below them, each layer keeps one line, redrawn in place with
    its status, a bar and "current/total" bytes (go-units sizes, as docker's numbers).

    `out` is a text stream that is a terminal. A line without progress ends the current block of
    layer lines (they stay on screen) as it ends docker's.
    """

    def __init__(self, out, *, now: Callable[[], float] = time.monotonic,
                 timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed):
        from rich.console import Console

        self.timestamp = timestamp
        self.console = Console(file=out, highlight=False, soft_wrap=False)
        self.layers: dict[str, dict] = {}
        self.widths = [0, 0, 0]  # id, status, numbers: they only grow within a block, so columns stay put
        self.live = None
        self.now = now
        self.last_draw = 0.0

    def show(self, messages: Iterable[dict], aux: Callable[[dict], None] | None = None) -> None:
        """Draw every message; raises JSONMessageError for an error in the stream (after drawing)."""
        from .signals import held

        try:
            for jm in messages:
                with held():  # a SIGINT/SIGTERM ends the display between two frames, never inside one
                    self.add(jm, aux)
        finally:
            with held():
                self.close()

    def add(self, jm: dict, aux: Callable[[dict], None] | None = None) -> None:
        if jm.get("aux") is not None:
            if aux is not None:
                aux(jm)
            return
        error = jm.get("errorDetail")
        if error or jm.get("error"):
            self.close()
            raise JSONMessageError((error or {}).get("message", "") or jm.get("error", ""),
                                   (error or {}).get("code", 0))
        if is_layer_line(jm):
            previous = self.layers.get(jm["id"])
            self.layers[jm["id"]] = jm
            self._draw(force=previous is None or previous.get("status") != jm.get("status"))
            return
        self.close()
        self._print_plain(jm)

    def _print_plain(self, jm: dict) -> None:
        from rich.text import Text

        text = _timestamp(jm, self.timestamp) + (f"{jm['id']}: " if jm.get("id") else "") + \
            (f"(from {jm['from']}) " if jm.get("from") else "")
        if jm.get("stream"):
            self.console.file.write(text + jm["stream"])
            self.console.file.flush()
            return
        self.console.print(Text(text + jm.get("status", "")))

    def _draw(self, force: bool) -> None:
        if self.live is None:
            from rich.live import Live

            self.live = Live(self.render(), console=self.console, auto_refresh=False, transient=False,
                             redirect_stdout=False, redirect_stderr=False)
            self.live.start()
            force = True
        moment = self.now()
        if force or moment - self.last_draw >= _REFRESH_SECONDS:
            self.live.update(self.render(), refresh=True)
            self.last_draw = moment

    def render(self):
        """The layer lines as a rich renderable: "<id>: <status> <bar> <current>/<total>", columns
        aligned; the bar (at most 40 cells) takes what width is left. Nothing is ever cut off: on a
        terminal too narrow for a line, the bar goes and the status and numbers wrap."""
        from rich.console import Group
        from rich.progress_bar import ProgressBar
        from rich.table import Table
        from rich.text import Text

        rows = []
        for layer_id, jm in self.layers.items():
            detail = jm.get("progressDetail") or {}
            rows.append((f"{layer_id}:", jm.get("status", ""), int(detail.get("current") or 0),
                         int(detail.get("total") or 0), progress_numbers(detail)))
        if not rows:
            return Group()
        self.widths = widths = [max(self.widths[n], *(len(row[i]) for row in rows))
                                for n, i in enumerate((0, 1, 4))]
        bar_width = min(40, self.console.width - sum(widths) - 3)
        grid = Table.grid(padding=(0, 1))
        if bar_width < 0:  # no room for aligned columns: each layer's line wraps as text
            return Group(*(Text.assemble((name, "bold"), " ", (status, "green" if _done(status) else "yellow"),
                                         " " + numbers if numbers else "", overflow="fold")
                           for name, status, _, _, numbers in rows))
        grid.add_column(no_wrap=True, min_width=widths[0])
        grid.add_column(no_wrap=True, min_width=widths[1])
        if bar_width >= 10:
            grid.add_column(no_wrap=True, width=bar_width)
        grid.add_column(no_wrap=True)
        for name, status, current, total, numbers in rows:
            cells = [Text(name, style="bold"), Text(status, style="green" if _done(status) else "yellow")]
            if bar_width >= 10:
                cells.append(ProgressBar(total=total, completed=min(current, total), width=bar_width)
                             if total > 0 else Text(""))
            grid.add_row(*cells, Text(numbers))
        return grid

    def close(self) -> None:
        """Leave the current layer lines on screen, drawn in their last state."""
        if self.live is not None:
            self.live.update(self.render(), refresh=True)
            self.live.stop()
            self.live = None
        self.layers = {}
        self.widths = [0, 0, 0]


def _done(status: str) -> bool:
    return status in _DONE or status.startswith("Mounted from")


def progress_numbers(detail: dict) -> str:
    """The numbers of JSONProgress.String without its bar: "1.2MB/3.4MB", "7kB", "2/5 items"."""
    current, total = int(detail.get("current") or 0), int(detail.get("total") or 0)
    units = detail.get("units") or ""
    if (current <= 0 and total <= 0) or detail.get("hidecounts"):
        return ""
    if total <= 0 or current > total:
        return human_size(current) if not units else f"{current} {units}"
    return f"{human_size(current)}/{human_size(total)}" if not units else f"{current}/{total} {units}"


def display(messages: Iterable[dict], out, *, terminal: bool | None = None,
            aux: Callable[[dict], None] | None = None,
            timestamp: Callable[[int], str] = utc_rfc3339_nano_fixed) -> None:
    """jsonstream.Display: the progress messages on `out` (a text stream) — docker's plain lines,
    byte for byte, when it is not a terminal; live per-layer lines drawn with rich when it is;
    nothing when `out` is None (docker's io.Discard for -q), though the stream is still read.

    `timestamp` formats a message's time (see display_message). Raises JSONMessageError for an error
    carried in the stream."""
    if out is None:
        display_stream(messages, lambda text: None, is_terminal=False, aux=aux)
        return
    if terminal is None:
        from .tty import is_terminal

        terminal = is_terminal(out)
    if terminal:
        LiveProgress(out, timestamp=timestamp).show(messages, aux)
        return

    def write(text: str) -> None:
        out.write(text)
        out.flush()
    display_stream(messages, write, is_terminal=False, aux=aux, timestamp=timestamp)
