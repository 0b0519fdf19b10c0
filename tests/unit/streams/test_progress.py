"""Docker's JSON progress display: plain lines in a pipe, cursor-moving bars on a terminal."""
from __future__ import annotations

import pytest

from pydock.streams.progress import JSONMessageError, display_stream, human_size, progress_string

PULL = [
    {"status": "Pulling from library/busybox", "id": "pydt-1"},
    {"status": "Pulling fs layer", "progressDetail": {}, "id": "a1b2"},
    {"status": "Downloading", "progressDetail": {"current": 500, "total": 2000}, "progress": "[==>  ]",
     "id": "a1b2"},
    {"status": "Download complete", "progressDetail": {}, "id": "a1b2"},
    {"status": "Pull complete", "progressDetail": {}, "id": "a1b2"},
    {"status": "Digest: sha256:abc"},
    {"status": "Status: Downloaded newer image for busybox:pydt-1"},
]


def render(messages, terminal=False, width=200):
    out = []
    display_stream(messages, out.append, is_terminal=terminal, width=lambda: width)
    return "".join(out)


def test_pipe_output_skips_progress_updates():
    assert render(PULL) == (
        "pydt-1: Pulling from library/busybox\n"
        "a1b2: Pulling fs layer\n"
        "a1b2: Download complete\n"
        "a1b2: Pull complete\n"
        "Digest: sha256:abc\n"
        "Status: Downloaded newer image for busybox:pydt-1\n")


def test_terminal_output_rewrites_each_layer_line():
    text = render(PULL[:4], terminal=True, width=120)
    assert text.startswith("pydt-1: Pulling from library/busybox\n\n\x1b[1A\x1b[2K\ra1b2: Pulling fs layer \r")
    bar = "[" + "=" * 12 + ">" + " " * 38 + "] "
    assert f"\x1b[2K\ra1b2: Downloading {bar}    500B/2kB\r" in text
    assert text.endswith("\x1b[1A\x1b[2K\ra1b2: Download complete \r\x1b[1B")


def test_narrow_terminals_get_no_bar():
    assert progress_string({"current": 500, "total": 2000}, 80) == "    500B/2kB"
    assert progress_string({"current": 2, "total": 5, "units": "items"}, 80) == "2/5 items"
    assert progress_string({"current": 7000}, 80) == "     7kB"
    assert progress_string({}, 80) == ""


def test_errors_in_the_stream_raise():
    with pytest.raises(JSONMessageError, match="^manifest unknown$"):
        render([{"status": "x"}, {"errorDetail": {"message": "manifest unknown"}, "error": "manifest unknown"}])


def test_human_size_uses_four_significant_digits():
    assert human_size(1_985_000) == "1.985MB"
    assert human_size(512) == "512B"


# -- the terminal view drawn with rich ------------------------------------------------------------

def draw(messages, width=100):
    import io
    import re

    from pydock.streams.progress import LiveProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    view = LiveProgress(out)
    view.console.width = width
    view.show(messages)
    return out.getvalue(), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())


def test_terminal_view_keeps_a_live_line_per_layer():
    raw, text = draw(PULL)
    assert raw.count("\x1b[?25l") == 1 and raw.endswith("Status: Downloaded newer image for busybox:pydt-1\n")
    assert text.index("pydt-1: Pulling from library/busybox") < text.index("a1b2: Pulling fs layer")
    assert "a1b2: Downloading" in text and "\u2501" in text and "500B/2kB" in text
    assert text.index("a1b2: Pull complete") < text.index("Digest: sha256:abc")
    frames = raw.count("\x1b[2K")  # each redraw clears the block's line first
    assert frames >= 4


def test_terminal_view_never_cuts_ids_or_statuses():
    messages = [{"status": "Downloading", "progressDetail": {"current": 1, "total": 10 ** 9}, "id": f"{n:012x}"}
                for n in range(3)]
    _, text = draw(messages, width=40)
    for n in range(3):
        assert f"{n:012x}: Downloading" in text and "1B/1GB" in text


@pytest.mark.parametrize("width", [20, 30, 40, 50])
def test_terminal_view_too_narrow_for_its_columns_wraps_and_loses_nothing(width):
    messages = [{"status": "Verifying Checksum", "progressDetail": {"current": 1_200_000, "total": 3_400_000},
                 "id": "a1b2c3d4e5f6"}, {"status": "Pull complete", "progressDetail": {}, "id": "99aa"}]
    _, text = draw(messages, width=width)
    lines = [line.rstrip() for line in text.splitlines()]
    assert all(len(line) <= width for line in lines)
    squeezed = "".join("".join(lines).split())
    assert "a1b2c3d4e5f6:VerifyingChecksum1.2MB/3.4MB" in squeezed and "99aa:Pullcomplete" in squeezed


def test_terminal_view_raises_stream_errors_after_drawing():
    with pytest.raises(JSONMessageError, match="^unauthorized$"):
        draw(PULL[:3] + [{"errorDetail": {"message": "unauthorized"}, "error": "unauthorized"}])


def test_progress_numbers_are_dockers():
    from pydock.streams.progress import progress_numbers

    assert progress_numbers({"current": 1_500_000, "total": 2_501_027}) == "1.5MB/2.501MB"
    assert progress_numbers({"current": 7000}) == "7kB"
    assert progress_numbers({"current": 2, "total": 5, "units": "items"}) == "2/5 items"
    assert progress_numbers({}) == ""
