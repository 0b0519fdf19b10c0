"""Record what the real docker CLI prints, as golden data for test_goldens.py.

Needs /usr/local/bin/docker (28.x). `docker context ls` goes through docker's own
formatter (template, header row, tabwriter) and needs no engine, so it is the main source.
With --engine, `docker ps -a` over containers named pydt-fmt-* is recorded too (a
running engine is required; the containers are created and removed here).

    python tests/unit/formatting/collect_goldens.py [--engine]

Writes tests/unit/formatting/goldens/*.json. Not a test itself (pytest does not collect it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent / "goldens"
DOCKER = shutil.which("docker") or "/usr/local/bin/docker"

# Contexts created in a private DOCKER_CONFIG, so that nobody else's contexts show up.
CONTEXTS = [
    ("pydt-fmt-a", "short", "unix:///tmp/pydt-a.sock"),
    ("pydt-fmt-b-with-a-much-longer-name", "a longer description than the others", "tcp://127.0.0.1:2375"),
    ("pydt-fmt-cjk", "你好世界 wide", "unix:///tmp/pydt-c.sock"),
    ("pydt-fmt-html", "<b>&amp; \"quoted\"</b>", "unix:///tmp/pydt-h.sock"),
]

CONTEXT_FORMATS = [
    None, "table", "json", "{{json .}}", "{{.Name}}", "{{.Name}}\\t{{.Description}}",
    "table {{.Name}}", "table {{.Name}}\\t{{.Description}}", "table   {{.Name}}\\t{{.Current}}  ",
    "table {{.Name}}\\t{{.DockerEndpoint}}\\t", "table {{.Description}}\\t{{.Name}}\\n{{.DockerEndpoint}}",
    "table {{upper .Name}}\\t{{lower .Description}}\\t{{title .Name}}\\t{{json .Current}}",
    "table {{pad .Name 2 1}}|\\t{{truncate .Description 5}}\\t{{printf \"%-12s|\" .Name}}",
    "table {{join (split .Name \"-\") \"+\"}}\\t{{.Error}}", "table {{if .Current}}*{{end}}\\t{{.Name}}",
    "table {{.Name}}\\t{{.Foo}}", "{{.Foo}}", "{{.Name", "table {{.Name}", "{{json .Name}} {{json .Current}}",
    "{{.Name | printf \"%q\"}}\\t{{len .Description}}", "tablex {{.Name}}",
    "{{range $i, $e := split .Name \"-\"}}{{$i}}={{$e}} {{end}}",
    "{{with .Error}}err {{.}}{{else}}ok{{end}}", "{{.Current.X}}", "{{index .Name 0}}", "{{.Name.Foo}}",
    "table {{.Name}}\\t{{.Description}}\\t{{.DockerEndpoint}}\\t{{.Error}}",
]


def run(args, env):
    proc = subprocess.run([DOCKER, *args], capture_output=True, text=True, errors="surrogateescape", env=env)
    return {"args": args, "stdout": proc.stdout, "stderr": proc.stderr, "rc": proc.returncode}


def collect_contexts() -> dict:
    config = tempfile.mkdtemp(prefix="pydt-fmt-config-")
    env = {k: v for k, v in os.environ.items() if k not in ("DOCKER_HOST", "DOCKER_CONTEXT")}
    env["DOCKER_CONFIG"] = config
    try:
        for name, desc, host in CONTEXTS:
            subprocess.run([DOCKER, "context", "create", name, "--description", desc, "--docker", "host=" + host],
                           check=True, capture_output=True, env=env)
        runs = [run(["context", "ls"] + (["--format", f] if f is not None else []), env) for f in CONTEXT_FORMATS]
        runs.append(run(["context", "ls", "-q"], env))
        runs.append(run(["context", "ls", "-q", "--format", "{{.Description}}"], env))
    finally:
        shutil.rmtree(config, ignore_errors=True)
    rows = [{"Name": "default", "Current": True, "Description": "Current DOCKER_HOST based configuration",
             "DockerEndpoint": "unix:///var/run/docker.sock", "Error": ""}]
    rows += [{"Name": n, "Current": False, "Description": d, "DockerEndpoint": h, "Error": ""} for n, d, h in CONTEXTS]
    rows.sort(key=lambda r: r["Name"])
    return {"source": "docker %s, `docker context ls`" % _version(), "rows": rows, "runs": runs}


def collect_ps() -> dict:
    names = ["pydt-fmt-run", "pydt-fmt-created-with-a-long-name", "pydt-fmt-lbl"]
    subprocess.run([DOCKER, "rm", "-f", *names], capture_output=True)
    try:
        subprocess.run([DOCKER, "run", "-d", "--name", names[0], "alpine", "sleep", "600"],
                       check=True, capture_output=True)
        subprocess.run([DOCKER, "create", "--name", names[1], "alpine", "true"], check=True, capture_output=True)
        subprocess.run([DOCKER, "create", "--name", names[2], "--label", "com.example.vendor=ACME", "--label",
                        "x=<b>&c", "alpine", "sh", "-c", 'echo "<hi>" && sleep 1000'], check=True, capture_output=True)
        base = ["ps", "-a", "--no-trunc", "--filter", "name=pydt-fmt-"]
        formats = ["table {{.Names}}\\t{{.State}}\\t{{.Label \"com.example.vendor\"}}\\t{{.Labels}}",
                   "{{.Names}}\\t{{.State}}", "table {{.Names}}", "json", "{{json .Labels}}",
                   "table {{.Names}}\\t{{.Command}}\\t{{.State}}\\t{{.Networks}}"]
        runs = [run(base + ["--format", f], os.environ) for f in formats]
        inspect = run(["inspect", *names], os.environ)
    finally:
        subprocess.run([DOCKER, "rm", "-f", *names], capture_output=True)
    containers = [_summary(c) for c in json.loads(inspect["stdout"] or "[]")]
    return {"source": "docker %s + engine, `docker ps -a`" % _version(), "runs": runs, "containers": containers}


def _summary(inspected: dict) -> dict:
    """The few inspect fields the test's row context needs."""
    return {"Id": inspected["Id"], "Name": inspected["Name"], "Path": inspected["Path"], "Args": inspected["Args"],
            "State": inspected["State"]["Status"], "Labels": inspected["Config"]["Labels"] or {},
            "Networks": sorted(inspected["NetworkSettings"]["Networks"])}


def _version() -> str:
    return subprocess.run([DOCKER, "version", "--format", "{{.Client.Version}}"], capture_output=True,
                          text=True).stdout.strip()


def main():
    HERE.mkdir(exist_ok=True)
    (HERE / "context_ls.json").write_text(json.dumps(collect_contexts(), indent=1) + "\n")
    if "--engine" in sys.argv:
        (HERE / "ps.json").write_text(json.dumps(collect_ps(), indent=1) + "\n")


if __name__ == "__main__":
    main()
