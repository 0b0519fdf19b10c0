"""`version` and `info` against the real engine, compared with the real docker CLI; connection
errors, DOCKER_HOST, config HttpHeaders, and the startup import guard."""
from __future__ import annotations

import http.server
import json
import os
import re
import socketserver
import subprocess
import sys
import threading

import pytest

NO_ENGINE = "unix:///nonexistent.sock"
CANNOT_CONNECT = "Cannot connect to the Docker daemon at {}. Is the docker daemon running?\n"
# counts other tests change while we run, and values that differ from call to call
VOLATILE_INFO_LINES = re.compile(r"^ (Containers|Images|Version):|^  (Running|Paused|Stopped|File Descriptors|"
                                 r"Goroutines|System Time|EventsListeners):|^ Runtimes:")
VOLATILE_INFO_KEYS = ("Containers", "ContainersRunning", "ContainersPaused", "ContainersStopped", "Images",
                      "NFd", "NGoroutines", "SystemTime", "NEventsListener", "ClientInfo")


# -- version ----------------------------------------------------------------------------------
def test_server_section_json_is_dockers(pydock, docker):
    mine = pydock("version", "--format", "{{json .Server}}")
    theirs = docker("version", "--format", "{{json .Server}}")
    assert (mine.code, mine.err) == (0, "")
    assert mine.out == theirs.out


def test_default_layout(pydock, docker):
    mine, theirs = pydock("version"), docker("version")
    assert (mine.code, mine.err) == (0, "")
    client, _, server = mine.out.partition("\nServer:")
    assert server == theirs.out.partition("\nServer:")[2]  # byte for byte
    lines = client.splitlines()
    assert lines[0] == "Client:"
    assert [line[:20] for line in lines[1:]] == [
        " Version:           ", " API version:       ", " Python version:    ", " Git commit:        ",
        " Built:             ", " OS/Arch:           ", " Context:           "]
    assert lines[1].endswith(" 0.1.0")
    assert lines[2].endswith(" 1.41 (downgraded from 1.47)")
    assert lines[3].endswith("%d.%d.%d" % sys.version_info[:3])
    assert lines[6].split()[-1] == theirs.out.splitlines()[6].split()[-1]  # OS/Arch
    assert lines[7].split()[-1] == "default"


def test_api_version_is_negotiated_down_to_the_engines(pydock):
    result = pydock("version", "--format",
                    "{{.Client.APIVersion}} {{.Client.DefaultAPIVersion}} {{.Server.APIVersion}}")
    assert result.out == "1.41 1.47 1.41\n"


def test_docker_api_version_env(pydock, docker):
    env = {"DOCKER_API_VERSION": "1.40"}
    fmt = "{{.Client.APIVersion}}|{{.Server.Version}}"
    assert pydock("version", "--format", fmt, env=env).out == docker("version", "--format", fmt, env=env).out


@pytest.mark.parametrize("fmt", [
    "{{.Server.Version}}", "{{json .Server.Components}}", "{{.Server.Platform}}", "{{.Client.Platform}}",
    "{{range .Server.Components}}{{.Name}}={{.Version}}\t{{end}}", "{{.Server.KernelVersion}}x",
    "{{index .Server.Components 0 | json}}",
])
def test_version_formats(pydock, docker, fmt):
    mine, theirs = pydock("version", "--format", fmt), docker("version", "--format", fmt)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)


@pytest.mark.parametrize("fmt", ["{{.Foo}}", "{{.Server.Foo}}", "{{.Client.Foo}}", "{{", "{{.Server.Version"])
def test_version_format_errors(pydock, docker, fmt):
    mine, theirs = pydock("version", "--format", fmt), docker("version", "--format", fmt)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)


def test_unreachable_engine_prints_the_client_section(pydock, docker):
    mine = pydock("-H", NO_ENGINE, "version")
    assert mine.code == 1
    assert mine.err == CANNOT_CONNECT.format(NO_ENGINE)
    assert "Traceback" not in mine.err
    lines = mine.out.splitlines()
    assert lines[0] == "Client:" and "Server:" not in mine.out
    assert lines[2] == " API version:       1.47"  # not negotiated: ours, as docker shows its own
    assert len(lines) == len(docker("-H", NO_ENGINE, "version").out.splitlines()) == 8


def test_unreachable_engine_with_a_format(pydock, docker):
    for fmt in ("{{.Server.Version}}", "{{json .Server}}", "{{.Client.Context}}"):
        mine, theirs = pydock("-H", NO_ENGINE, "version", "-f", fmt), docker("-H", NO_ENGINE, "version", "-f", fmt)
        assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err), fmt


def test_refused_tcp_port(pydock, docker):
    mine, theirs = pydock("-H", "tcp://127.0.0.1:1", "version"), docker("-H", "tcp://127.0.0.1:1", "version")
    assert (mine.code, mine.err) == (1, CANNOT_CONNECT.format("tcp://127.0.0.1:1"))
    assert mine.err == theirs.err


def test_docker_host_env(pydock):
    bad = pydock("version", "--format", "{{.Server.Version}}", env={"DOCKER_HOST": NO_ENGINE})
    assert (bad.code, bad.err) == (1, CANNOT_CONNECT.format(NO_ENGINE))
    good = pydock("version", "--format", "{{.Server.Version}}", env={"DOCKER_HOST": "unix:///var/run/docker.sock"})
    assert good.code == 0 and good.out.strip()
    flag_wins = pydock("-H", "unix:///var/run/docker.sock", "version", "--format", "{{.Server.Version}}",
                       env={"DOCKER_HOST": NO_ENGINE})
    assert flag_wins.out == good.out


# -- info -------------------------------------------------------------------------------------
def _stable(text: str) -> list[str]:
    return [line for line in text.splitlines() if not VOLATILE_INFO_LINES.match(line)]


def _runtimes(text: str) -> set[str]:
    line = next(line for line in text.splitlines() if line.startswith(" Runtimes:"))
    return set(line.split()[1:])  # docker prints a Go map: random order


def test_info_default_layout(pydock, docker):
    mine, theirs = pydock("info"), docker("info")
    assert (mine.code, mine.err) == (theirs.code, theirs.err)
    assert _stable(mine.out) == _stable(theirs.out)
    assert _runtimes(mine.out) == _runtimes(theirs.out)
    assert " Version:    0.1.0" in mine.out.splitlines()


def test_info_debug_lines(pydock, docker):
    mine, theirs = pydock("-D", "info"), docker("-D", "info")
    assert _stable(mine.out) == _stable(theirs.out)
    assert "  File Descriptors:" in mine.out and " Debug Mode: true" in mine.out


@pytest.mark.parametrize("fmt", [
    "{{.ServerVersion}}", "{{.Name}} {{.NCPU}} {{.MemTotal}} {{.OSType}}/{{.Architecture}}",
    "{{json .RegistryConfig}}", "{{json .Plugins}}", "{{.Swarm.LocalNodeState}}", "{{json .Swarm}}",
    "{{.Driver}}{{range .DriverStatus}} {{index . 0}}={{index . 1}}{{end}}", "{{.Warnings}} {{.Labels}}",
    "{{json .SecurityOptions}}", "{{.RegistryConfig.Mirrors}}", "{{.ContainerdCommit}}", "plain text",
    "{{.ClientInfo.Debug}} {{.ClientInfo.Context}} {{json .ClientInfo.Plugins}}",
])
def test_info_formats(pydock, docker, fmt):
    mine, theirs = pydock("info", "--format", fmt), docker("info", "--format", fmt)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)


def test_info_json_is_dockers(pydock, docker):
    def masked(text):
        data = json.loads(text)
        for key in VOLATILE_INFO_KEYS:
            data.pop(key)
        return list(data), data  # the key order too

    for fmt in ("json", "{{json .}}"):
        mine, theirs = pydock("info", "--format", fmt), docker("info", "--format", fmt)
        assert masked(mine.out) == masked(theirs.out)
    client = json.loads(mine.out)["ClientInfo"]
    assert list(client) == ["Debug", "Version", "DefaultAPIVersion", "GitCommit", "PythonVersion", "Os", "Arch",
                            "BuildTime", "Context", "Plugins", "Warnings"]


@pytest.mark.parametrize("argv", [
    ["info", "--format", "{{.Foo}}"], ["info", "--format", "{{"], ["info", "x"],
    ["-H", NO_ENGINE, "info", "--format", "{{.ServerVersion}}"],
    ["-H", NO_ENGINE, "info", "--format", "{{"],
    ["-H", NO_ENGINE, "info", "--format", "{{.ClientInfo.Foo}}"],
    ["-H", NO_ENGINE, "info", "--format", "{{.ClientInfo.Debug}}"],  # needs no engine: exit 0
])
def test_info_errors(pydock, docker, argv):
    mine, theirs = pydock(*argv), docker(*argv)
    assert (mine.code, mine.out, mine.err.replace("pydock", "docker")) == (theirs.code, theirs.out, theirs.err)


def test_info_unreachable(pydock, docker):
    mine, theirs = pydock("-H", NO_ENGINE, "info"), docker("-H", NO_ENGINE, "info")
    assert (mine.code, mine.err) == (theirs.code, theirs.err) == (1, CANNOT_CONNECT.format(NO_ENGINE))
    assert _stable(mine.out) == _stable(theirs.out) == ["Client:", " Context:    default", " Debug Mode: false",
                                                         "", "Server:"]


def test_info_username_from_config(pydock, docker, tmp_path):
    import base64

    auth = base64.b64encode(b"pydtuser:secret").decode()
    (tmp_path / "config.json").write_text(json.dumps({"auths": {"https://index.docker.io/v1/": {"auth": auth}}}))
    env = {"DOCKER_CONFIG": str(tmp_path)}
    mine, theirs = pydock("info", env=env), docker("info", env=env)
    assert " Username: pydtuser" in mine.out.splitlines()
    assert _stable(mine.out) == _stable(theirs.out)


# -- config: HttpHeaders reach the engine -----------------------------------------------------
class _Recorder(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def _fake_engine(path: str, version_json: bytes, seen: list):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self, body: bytes, content_type: str = "application/json"):
            seen.append((self.command, self.path, dict(self.headers)))
            self.send_response(200)
            self.send_header("API-Version", "1.41")
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self):  # noqa: N802 - http.server's naming
            self._answer(b"OK" if self.path.endswith("/_ping") else version_json,
                         "text/plain" if self.path.endswith("/_ping") else "application/json")

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

        def address_string(self):
            return "fake-engine"

    server = _Recorder(path, Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_config_http_headers_are_sent(pydock, docker, tmp_path):
    version_json = subprocess.run(["curl", "-s", "--unix-socket", "/var/run/docker.sock",
                                   "http://d/v1.41/version"], capture_output=True, check=True).stdout
    sock = str(tmp_path / "engine.sock")
    seen: list = []
    server = _fake_engine(sock, version_json, seen)
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.json").write_text(json.dumps({"HttpHeaders": {"X-Pydt-Header": "hello"}}))
    try:
        for run in (pydock, docker):
            seen.clear()
            result = run("--config", str(config), "-H", f"unix://{sock}", "version", "--format", "{{.Server.Version}}")
            assert result.code == 0, result.err
            assert [path for _, path, _ in seen if "/version" in path] == ["/v1.41/version"]
            for _, _, headers in seen:
                assert headers.get("X-Pydt-Header") == "hello"
    finally:
        server.shutdown()
        server.server_close()


# -- startup -----------------------------------------------------------------------------------
def _imported(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=60)
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [("-c", "import pydock.cli.main"), ("-m", "pydock", "--help")])
def test_startup_imports_neither_httpx_nor_rich(args):
    modules = _imported(*args)
    assert "click" in modules  # the measurement worked
    heavy = {m for m in modules if m.split(".")[0] in ("httpx", "httpcore", "rich", "pygments")}
    assert not heavy


def test_version_does_not_import_rich():
    modules = _imported("-m", "pydock", "version")
    assert "httpx" in modules
    assert not {m for m in modules if m.split(".")[0] in ("rich", "pygments")}


@pytest.mark.parametrize("level", ["ERROR", "Debug", "trace", "warning", "", "bogus", "WARNX"])
def test_log_levels_parse_like_logrus(pydock, docker, level):
    """Any case, logrus's extra names (trace, warning), and an empty level (ignored) are accepted."""
    args = ("-l", level, "ps", "-q", "--filter", "label=pydt-no-such-label")
    mine, theirs = pydock(*args), docker(*args)
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)
