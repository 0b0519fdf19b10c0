"""Record the request bodies the real docker CLI sends for `docker create <flags>` (the oracle).

Run by hand against the test engine: `python tests/unit/cli/commands/container/collect_run_bodies.py`.
It puts a logging proxy in front of /var/run/docker.sock, runs each case with `docker -H <proxy>`,
keeps the POST /containers/create path and body, removes the created container, and writes
run_bodies.json next to this file. test_run.py checks pydock sends the same.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import tempfile
import threading

ENGINE = "/var/run/docker.sock"
ENV = {"PYDT_FROM_ENV": "from-env"}
CASES = [
    ["alpine"],
    ["alpine", "echo", "hi"],
    ["-it", "--rm", "alpine", "sh"],
    ["-i", "-a", "stdin", "alpine"],
    ["-a", "stdout", "-a", "STDERR", "alpine"],
    ["-e", "A=1", "-e", "B", "-e", "A=2", "-e", "PYDT_FROM_ENV", "-l", "x=y", "-l", "z", "alpine"],
    ["-p", "8080:80", "-p", "127.0.0.1:9000-9001:9000-9001/udp", "-p", "53/udp", "--expose", "7000-7001",
     "-P", "alpine"],
    ["-p", "published=8081,target=81,protocol=udp", "-p", "[::1]:8082:82", "alpine"],
    ["-v", "/tmp:/data:ro", "-v", "pydt-named:/n", "-v", "/anon", "alpine"],
    ["--mount", "type=bind,src=/tmp,dst=/m,readonly", "--mount", "type=volume,target=/v2,volume-label=a=b,"
     "volume-nocopy", "--mount", "type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770", "--tmpfs",
     "/run:rw,size=10m", "--tmpfs", "/x", "alpine"],
    ["-w", "/tmp", "-u", "nobody", "--entrypoint", "/bin/sh", "-h", "myhost", "--domainname", "dom",
     "--read-only", "--restart", "on-failure:3", "--init", "--privileged", "alpine", "-c", "true"],
    ["--entrypoint=", "--init=false", "alpine"],
    ["--cap-add", "net_admin", "--cap-add", "CAP_SYS_TIME", "--cap-add", "net_admin", "--cap-drop", "all",
     "--security-opt", "no-new-privileges", "--security-opt", "label=disable", "alpine"],
    ["--security-opt", "systempaths=unconfined", "alpine"],
    ["--memory", "512m", "--memory-swap", "1g", "--memory-reservation", "256m", "--cpus", "1.5",
     "--cpu-shares", "512", "--pids-limit", "100", "--ulimit", "nofile=1024:2048", "--ulimit", "nproc=10",
     "--shm-size", "64m", "--oom-kill-disable", "--cpuset-cpus", "0", "--memory-swappiness", "10",
     "--oom-score-adj", "100", "--blkio-weight", "300", "--cpu-period", "100000", "--cpu-quota", "50000",
     "alpine"],
    ["--memory-swap", "-1", "-m", "1.5g", "alpine"],
    ["--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3", "--health-cmd", "true",
     "--health-interval", "30s", "--health-timeout", "5s", "--health-retries", "3", "--health-start-period",
     "1m30s", "--stop-signal", "SIGINT", "--stop-timeout", "7", "alpine"],
    ["--no-healthcheck", "--add-host", "h:1.2.3.4", "--add-host", "h6=[::1]", "--dns", "8.8.8.8",
     "--dns-search", "example.com", "--dns-option", "ndots:2", "--group-add", "10", "--ipc", "private",
     "--pid", "host", "--uts", "host", "--cgroupns", "private", "--isolation", "default", "--runtime", "runc",
     "--sysctl", "net.ipv4.ip_forward=1", "--device", "/dev/null:/dev/mynull:rw", "--device", "/dev/zero",
     "alpine"],
    ["--network", "host", "alpine"],
    ["--network", "bridge", "--network-alias", "x", "alpine"],
    ["--network", "none", "--ip", "172.17.0.50", "alpine"],
    ["--device-read-bps", "/dev/sda:1mb", "--device-write-iops", "/dev/sda:100", "--blkio-weight-device",
     "/dev/sda:200", "--device-cgroup-rule", "c 1:3 mr", "--label-file", "/dev/null", "--env-file",
     "/dev/null", "alpine"],
    ["--volumes-from", "pydt-none", "--link", "pydt-none:db", "--rm=false", "alpine"],
    ["--platform", "linux/amd64", "alpine"],
    ["--stop-timeout", "0x10", "-c", "0x20", "alpine"],
]


class Proxy:
    """Forward a unix socket to the engine, keeping what the client sent."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="pydt-proxy-")
        self.path = os.path.join(self.dir, "d.sock")
        self.sent = bytearray()
        self.lock = threading.Lock()
        self.server = socket.socket(socket.AF_UNIX)
        self.server.bind(self.path)
        self.server.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            client, _ = self.server.accept()
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        upstream = socket.socket(socket.AF_UNIX)
        upstream.connect(ENGINE)
        threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()
        self._pipe(client, upstream, True)

    def _pipe(self, src, dst, record):
        try:
            while data := src.recv(65536):
                if record:
                    with self.lock:
                        self.sent += data
                dst.sendall(data)
        except OSError:
            pass
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def take(self) -> bytes:
        with self.lock:
            data, self.sent = bytes(self.sent), bytearray()
        return data


def create_request(sent: bytes):
    for m in re.finditer(rb"POST (\S+/containers/create\S*) HTTP/1.1\r\n(.*?)\r\n\r\n", sent, re.S):
        length = int(re.search(rb"Content-Length: (\d+)", m.group(2), re.I).group(1))
        path = m.group(1).decode()
        return path.split("/containers/create", 1)[1], json.loads(sent[m.end():m.end() + length])
    return None, None


def main() -> None:
    proxy = Proxy()
    out = []
    for flags in CASES:
        proc = subprocess.run(["docker", "-H", f"unix://{proxy.path}", "create", *flags], capture_output=True,
                              env={**os.environ, **ENV}, timeout=60)
        container_id = proc.stdout.decode().strip()
        if proc.returncode == 0 and container_id:
            subprocess.run(["docker", "rm", "-f", "-v", container_id], capture_output=True)
        query, body = create_request(proxy.take())
        out.append({"flags": flags, "query": query, "body": body, "exit": proc.returncode})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_bodies.json")
    with open(path, "w") as f:
        json.dump({"env": ENV, "cases": out}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
