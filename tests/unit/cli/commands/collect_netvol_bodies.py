"""Record what the real docker CLI sends for `network …`/`volume …` flags (the oracle).

Run by hand: `python tests/unit/cli/commands/collect_netvol_bodies.py`. It serves a fake engine
(API 1.41, then 1.42) on a unix socket, runs each case with `docker -H unix://<socket>`, and writes
netvol_bodies.json next to this file: per case, docker's requests (method, path, query, JSON body),
stdout, stderr and exit status. A fake engine, not the real one, so that every flag can be recorded
without creating anything. test_netvol_bodies.py checks pydock sends and prints the same.
"""
from __future__ import annotations

import json
import os
import shutil
import socketserver
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

CASES = [
    ["network", "create", "n1"],
    ["network", "create", "-d", "macvlan", "--subnet", "10.1.0.0/16", "--gateway", "10.1.0.1", "--ip-range",
     "10.1.2.0/24", "--aux-address", "a=10.1.0.5", "--aux-address", "b=10.1.0.6", "--ipam-driver", "foo",
     "--ipam-opt", "x=1", "--ipam-opt", "y", "--internal", "--attachable", "--ipv6", "-o", "com.a=1", "-o", "b",
     "--label", "l1=v", "--label", "l2", "--scope", "swarm", "--config-only", "--ingress", "n2"],
    ["network", "create", "--config-from", "base", "--ipv4=false", "--ipv6=false", "n3"],
    ["network", "create", "--ipv4", "--subnet", "fd00:1::/64", "--gateway", "fd00:1::1", "--ipv6", "n4"],
    ["network", "create", "--subnet", "10.1.0.0/16,10.2.0.0/16", "--gateway", "10.2.0.1", "n5"],
    ["network", "create", "--subnet", "10.3.0.0/16", "--aux-address", "a=10.3.0.2,b=10.3.0.3", "n6"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--subnet", "10.1.1.0/24", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--gateway", "10.2.0.1", "bad"],
    ["network", "create", "--gateway", "10.2.0.1", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--subnet", "10.2.0/16", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--ip-range", "10.1.0/24", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--ip-range", "10.2.0.0/24", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--ip-range", "10.1.1.0/24", "--ip-range", "10.1.2.0/24",
     "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--gateway", "10.1.0.1", "--gateway", "10.1.0.2",
     "--subnet", "10.2.0.0/16", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--aux-address", "a=10.9.0.1", "bad"],
    ["network", "create", "--subnet", "10.1.0.0/16", "--gateway", "nonsense", "bad"],
    ["network", "create", "--label", "bad label", "bad"],
    ["network", "create", "--subnet", '"x', "bad"],
    ["network", "connect", "net", "ctr"],
    ["network", "connect", "--alias", "a1", "--alias", "a2,a3", "--ip", "10.1.0.9", "--ip6", "2001:db8::9",
     "--link", "c1:al", "--link", "c2", "--link-local-ip", "169.254.1.1", "--driver-opt", "k=v",
     "--driver-opt", " k2 = v2 ", "--gw-priority", "-3", "net", " ctr "],
    ["network", "connect", "--driver-opt", "novalue", "net", "ctr"],
    ["network", "connect", "--link", "a:b:c", "net", "ctr"],
    ["network", "disconnect", "net", "ctr"],
    ["network", "disconnect", "-f", "net", "ctr"],
    ["network", "rm", "a", "b"],
    ["network", "inspect", "-v", "a"],
    ["network", "ls", "-f", "driver=bridge", "-f", "name=x", "-f", "name=y", "-f", "label=a=b", "-f", "dangling=true",
     "-f", "type=custom", "-f", "scope=local", "-f", "id=abc"],
    ["network", "prune", "-f", "--filter", "label=x", "--filter", "until=10m"],
    ["volume", "create"],
    ["volume", "create", "-d", "foo", "-o", "a=1", "-o", "b", "-o", "c=x=y", "--label", "l1=v", "--label", "l2",
     "myvol"],
    ["volume", "create", "--name", "named"],
    ["volume", "create", "--label", "=x"],
    ["volume", "rm", "a", "b"],
    ["volume", "rm", "-f", "a"],
    ["volume", "inspect", "a"],
    ["volume", "ls", "-f", "dangling=true", "-f", "label=a=b", "-f", "driver=local", "-f", "name=v"],
    ["volume", "prune", "-f", "--filter", "label=x"],
    ["volume", "prune", "-a", "-f", "--filter", "label=x"],
    ["volume", "create", "--group", "g", "x"],
    ["volume", "ls", "--cluster"],
]
# the same fake engine speaking API 1.42: cluster volumes and `volume prune --all`
CASES_1_42 = [
    ["volume", "create", "--group", "g", "--scope", "multi", "--sharing", "all", "--availability", "pause",
     "--type", "mount", "--secret", "k=v", "--secret", "a=b", "--limit-bytes", "1g", "--required-bytes", "10m",
     "--topology-required", "region=r1,zone=z1", "--topology-preferred", "zone=z2", "cv"],
    ["volume", "create", "--type", "block", "--topology-required", "a=b", "cv2"],
    ["volume", "create", "--availability", "drain", "cv3"],
    ["volume", "create", "--topology-required", "a=b", "--secret", "k=v", "notcluster"],
    ["volume", "prune", "-f", "--filter", "label=x"],
    ["volume", "prune", "-a", "-f", "--filter", "label=x"],
    ["volume", "prune", "-a", "-f", "--filter", "all=1"],
    ["volume", "ls", "--cluster", "--format", "{{.Name}}"],
    ["volume", "ls", "--cluster", "-q"],
]


class Engine(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log: list = []
    api_version = "1.41"

    def log_message(self, *args):
        pass

    def _answer(self, code: int, obj) -> None:
        data = json.dumps(obj).encode() if obj is not None else b""
        self.send_response(code)
        self.send_header("Api-Version", self.api_version)
        self.send_header("Ostype", "linux")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        url = urlsplit(self.path)
        path = "/" + url.path.split("/", 2)[2] if url.path.startswith("/v1.") else url.path
        if path != "/_ping":
            self.log.append({"method": self.command, "path": path, "query": dict(parse_qsl(url.query)),
                             "body": body})
        self._answer(*answer(self.command, path, body))

    do_GET = do_POST = do_HEAD = do_DELETE = handle_any


def answer(method: str, path: str, body: str):
    """The fake engine's replies: just enough for docker to finish each command."""
    if path == "/_ping":
        return 200, None if method == "HEAD" else "OK"
    if path == "/networks/create":
        return 201, {"Id": "abc123", "Warning": ""}
    if path == "/volumes/create":
        return 201, {"Name": json.loads(body).get("Name") or "generated", "Driver": "local"}
    if path.endswith("/prune"):
        return 200, {}
    if path == "/networks":
        return 200, []
    if path == "/volumes":
        return 200, {"Volumes": [{"Name": "plain", "Driver": "local"},
                                 {"Name": "cv", "Driver": "csi", "ClusterVolume": {
                                     "ID": "x", "Spec": {"Group": "g", "Availability": "active"},
                                     "Info": {"VolumeID": "v"}, "PublishStatus": [{"NodeID": "n"}]}}],
                     "Warnings": None}
    if method == "GET" and path.startswith("/networks/"):
        return 200, {"Name": "n", "Id": "abc123", "Ingress": False}
    if method == "GET" and path.startswith("/volumes/"):
        return 200, {"Name": path.rsplit("/", 1)[1], "Driver": "local", "Labels": None, "Options": None}
    return (204 if method == "DELETE" else 200), None


class Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # docker hangs up after a ping when it refuses a flag
        pass


def main() -> None:
    docker = shutil.which("docker")
    tmp = tempfile.mkdtemp()
    sock = os.path.join(tmp, "engine.sock")
    server = Server(sock, Engine)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = []
    try:
        for api, cases in (("1.41", CASES), ("1.42", CASES_1_42)):
            Engine.api_version = api
            for case in cases:
                Engine.log.clear()
                proc = subprocess.run([docker, "-H", f"unix://{sock}", *case], capture_output=True, text=True,
                                      env={**os.environ, "DOCKER_CONFIG": tmp}, timeout=60)
                results.append({"api": api, "args": case, "requests": list(Engine.log), "stdout": proc.stdout,
                                "stderr": proc.stderr, "status": proc.returncode})
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "netvol_bodies.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
