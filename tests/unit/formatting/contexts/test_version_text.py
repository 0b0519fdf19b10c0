"""`version` without --format: docker's layout on synthetic data."""
from __future__ import annotations

import pytest

from pydock.formatting.contexts.version_text import reformat_build_time, version_text
from tests.unit.formatting.contexts.system_data import CLIENT, SERVER


@pytest.mark.parametrize("value, expected", [
    ("2026-05-07T21:09:36.000000000+00:00", "Thu May  7 21:09:36 2026"),
    ("2025-05-30T12:07:14Z", "Fri May 30 12:07:14 2025"),
    ("2024-02-29T01:02:03.5+02:00", "Thu Feb 29 01:02:03 2024"),
    ("not a time", "not a time"),
    ("", ""),
])
def test_build_time(value, expected):
    assert reformat_build_time(value) == expected


def test_version_layout():
    assert version_text(CLIENT, SERVER) == (
        "Client:\n"
        " Version:           0.1.0\n"
        " API version:       1.41 (downgraded from 1.47)\n"
        " Python version:    3.11.7\n"
        " Git commit:        abc1234\n"
        " Built:             unknown-buildtime\n"
        " OS/Arch:           linux/amd64\n"
        " Context:           default\n"
        "\n"
        "Server: Docker Engine - Community\n"
        " Engine:\n"
        "  Version:          28.0.0\n"
        "  API version:      1.48 (minimum version 1.24)\n"
        "  Go version:       go1.23.4\n"
        "  Git commit:       af898ab\n"
        "  Built:            Mon Jan  6 10:00:00 2025\n"
        "  OS/Arch:          linux/amd64\n"
        "  Experimental:     false\n"
        " containerd:\n"
        "  Version:          1.7.0\n"
        "  GitCommit:        abc\n"
        "  Zeta:             z\n")


def test_version_without_server_and_not_downgraded():
    client = {**CLIENT, "APIVersion": "1.47"}
    text = version_text(client, None)
    assert text.splitlines()[2] == " API version:       1.47"
    assert text.endswith(" Context:           default\n") and "Server" not in text
