"""Record the `since` value the real docker CLI sends for --since values, as golden data for
test_timestamps_docker.py.

docker is pointed at a scripted engine (tests/integration/fake_engine.py) that records the query; no
real engine is needed. Each value is tried in several time zones, since dates without a zone are read
in the zone of the moment (docker's timetypes.GetTimestamp uses time.FixedZone(now.Zone())).

    python tests/unit/opts/collect_timestamps.py

Writes tests/unit/opts/timestamps_docker.json. Not a test itself (pytest does not collect it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.integration.fake_engine import FakeEngine  # noqa: E402

DOCKER = shutil.which("docker") or "/usr/local/bin/docker"
OUT = Path(__file__).parent / "timestamps_docker.json"
ZONES = ["UTC", "Europe/Paris", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe"]
VALUES = [
    # RFC 3339 and its shortenings, with and without a zone
    "2024-01-02T13:23:37Z", "2024-01-02T13:23:37.5Z", "2024-01-02T13:23:37,25Z", "2024-01-02T13:23:37.1234567891Z",
    "2024-01-02T14:23:37+01:00", "2024-01-02T14:23:37.999-05:30", "2024-01-02T14+01:00", "2024-01-02T14:23+01:00",
    "2024-01-02+01:00", "2024-01-02Z", "2024-01-02", "2024-01-02T13", "2024-01-02T13:23", "2024-01-02T13:23:37",
    "2024-01-02T13:23:37.000000001", "2024-06-30T23:59:59", "2024-07-01T02:30:00.5", "1969-12-31T23:59:59",
    "2024-02-29", "2024-01-02T13:23:37+14:00", "2024-01-02T13:23:37-00:00",
    # unix times pass through
    "1704201817", "1704201817.5", "1704201817.000000001", "0", "1704201817.123456789123", "007",
    # what docker refuses, and how
    "2024-02-30", "2023-02-29", "2024-13-01", "2024-01-02T24:00:00Z", "2024-01-02T13:60:00Z", "2024-01-02T13:23:61Z",
    "2024-01-02T13:23:37+25:00", "2024-01-02T13:23:37+01:61", "2024-01-02 13:23:37", "2024-01-02T", "2024-1-2",
    "2024-01", "-1.5", "17.", "1e9", "1.5.5", "T", "abc", "2024-01-02t13:23:37z", "2024-01-02T13:23:37.5z",
    "2024-01-02T13:23:37.Z", "2024-01-02T13:23:37+0100", "+1704201817", "١٧٠٤٢٠١٨١٧",
]


def main() -> None:
    sock = os.path.join(tempfile.mkdtemp(prefix="pydt-ts-"), "engine.sock")
    engine = FakeEngine(sock, {"/events": b""})
    cases = []
    try:
        for tz in ZONES:
            for value in VALUES:
                engine.requests.clear()
                now = time.time()
                proc = subprocess.run([DOCKER, "-H", engine.host, "events", "--since", value, "--until", "0"],
                                      capture_output=True, text=True, env={**os.environ, "TZ": tz})
                sent = [query for _, route, query in engine.calls("/events")]
                cases.append({"value": value, "tz": tz, "now": now, "rc": proc.returncode,
                              "since": sent[0].get("since") if sent else None, "stderr": proc.stderr})
    finally:
        engine.close()
    version = subprocess.run([DOCKER, "version", "--format", "{{.Client.Version}}"], capture_output=True,
                             text=True).stdout.strip()
    OUT.write_text(json.dumps({"source": f"docker {version}, `docker events --since VALUE`", "cases": cases},
                              indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
