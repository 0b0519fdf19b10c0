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
import time

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
    "{{index .Server.Components 0 | json}}", "{{.Server}}", '{{printf "%v" .Server}}',
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
    "{{.Runtimes}}", "{{json .Runtimes}}", '{{index .RegistryConfig.IndexConfigs "docker.io"}}',
    '{{printf "%T %T" .MemTotal .NCPU}}', "{{.MemTotal.Foo}}", "{{.UserName}}|{{.DiscoveredDevices}}",
    "{{range .Runtimes}}{{.Path}} {{.Foo}}{{end}}", '{{printf "%T %T" .Runtimes .DiscoveredDevices}}',
    '{{printf "%T %T %T %T" .GenericResources .Isolation .Swarm.LocalNodeState .DefaultAddressPools}}',
    '{{printf "%T %T %T" .FirewallBackend .Containerd .RegistryConfig.InsecureRegistryCIDRs}}',
    "{{index .RegistryConfig.InsecureRegistryCIDRs 0}} {{.GenericResources}} {{json .Isolation}}",
])
def test_info_formats(pydock, docker, fmt):
    mine, theirs = pydock("info", "--format", fmt), docker("info", "--format", fmt)
    assert (mine.code, mine.out, mine.err) == (theirs.code, theirs.out, theirs.err)


def test_info_pointers_print_as_dockers(pydock, docker):
    """A top-level pointer prints as its struct; pointers inside it as addresses (which differ)."""
    def masked(text):
        return re.sub(r"0xc[0-9a-f]+", "0x", text)

    for fmt in ("{{.RegistryConfig}}", '{{printf "%v" .RegistryConfig}}'):
        mine, theirs = pydock("info", "--format", fmt), docker("info", "--format", fmt)
        assert (mine.code, masked(mine.out), mine.err) == (theirs.code, masked(theirs.out), theirs.err)
    mine, theirs = pydock("info", "--format", "{{.ClientInfo}}"), docker("info", "--format", "{{.ClientInfo}}")
    assert re.sub(r"\{<nil> .* default\}", "", mine.out) == re.sub(r"\{<nil> .* default\}", "", theirs.out)


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


# -- system df ----------------------------------------------------------------------------------
def _disk_usage(now: float) -> dict:
    """A /system/df answer with what this engine rarely has: dangling and digest-only images, unknown
    sizes (-1), paused and restarting containers, volumes without usage data, a build cache."""
    day = 86400
    iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".123456789Z"  # noqa: E731
    image = {"Containers": 0, "Created": int(now - 3 * day), "Labels": None, "ParentId": "", "SharedSize": 0,
             "VirtualSize": 0}
    container = {"Image": "alpine", "ImageID": "sha256:" + "a" * 64, "Command": "sleep 600", "Ports": [],
                 "Labels": {}, "Mounts": [], "HostConfig": {"NetworkMode": "default"},
                 "NetworkSettings": {"Networks": {}}}
    return {
        "LayersSize": 123456789,
        "Images": [
            {**image, "Id": "sha256:" + "1" * 64, "RepoTags": ["alpine:latest", "alpine:3"], "RepoDigests": [],
             "Containers": 2, "Size": 7800000, "SharedSize": 5000000},
            {**image, "Id": "sha256:" + "2" * 64, "RepoTags": ["<none>:<none>"], "RepoDigests": ["<none>@<none>"],
             "Size": 1985598, "SharedSize": 1985569, "Created": int(now - 40 * day)},
            {**image, "Id": "sha256:" + "3" * 64, "RepoTags": [], "RepoDigests": ["busybox@sha256:" + "b" * 64],
             "Size": 4000000, "SharedSize": -1, "Containers": -1},
            {**image, "Id": "sha256:" + "4" * 64, "RepoTags": ["127.0.0.1:5000/team/app:v1.2"],
             "RepoDigests": [], "Size": 100, "SharedSize": 0, "Containers": 1, "Created": int(now - 400 * day)},
            {**image, "Id": "sha256:" + "5" * 64, "RepoTags": ["Bad:Ref"], "RepoDigests": [], "Size": 1},
        ],
        "Containers": [
            {**container, "Id": "c" * 64, "Names": ["/pydt-run"], "Created": int(now - 2 * day), "State": "running",
             "Status": "Up 2 days", "SizeRw": 1200, "SizeRootFs": 7801200,
             "Mounts": [{"Type": "volume", "Name": "v" * 64, "Driver": "local"}]},
            {**container, "Id": "d" * 64, "Names": ["/pydt-paused"], "Created": int(now - 3 * day),
             "State": "paused", "Status": "Up 3 days (Paused)", "SizeRw": 0, "Command": "sh -c 'echo a long command'"},
            {**container, "Id": "e" * 64, "Names": ["/pydt-exited", "/pydt-run/link"], "Created": int(now - 5 * day),
             "State": "exited", "Status": "Exited (0) 5 days ago", "SizeRw": 333, "Image": "sha256:" + "2" * 64},
            {**container, "Id": "f" * 64, "Names": ["/pydt-restarting"], "Created": int(now - 6 * day),
             "State": "restarting", "Status": "Restarting (1) 2 seconds ago"},
        ],
        "Volumes": [
            {"CreatedAt": iso(now - day), "Driver": "local", "Labels": {"a": "1"}, "Mountpoint": "/v/a",
             "Name": "v" * 64,
             "Options": None, "Scope": "local", "UsageData": {"RefCount": 1, "Size": 2048}},
            {"CreatedAt": iso(now - day), "Driver": "local", "Labels": None, "Mountpoint": "/v/b", "Name": "pydt-vol",
             "Options": None, "Scope": "local", "UsageData": {"RefCount": 0, "Size": 1000000}},
            {"CreatedAt": iso(now - day), "Driver": "local", "Labels": None, "Mountpoint": "/v/c", "Name": "pydt-unk",
             "Options": None, "Scope": "local", "UsageData": {"RefCount": 0, "Size": -1}},
        ],
        "BuildCache": [
            {"ID": "k" * 25, "Parent": "", "Parents": ["p" * 25, "q" * 25], "Type": "regular",
             "Description": "mount / from exec /bin/sh -c apk add git", "InUse": True, "Shared": False,
             "Size": 52000000, "CreatedAt": iso(now - 2 * day), "LastUsedAt": iso(now - 3600), "UsageCount": 3},
            {"ID": "j" * 25, "Parent": "r" * 25, "Type": "source.local", "Description": "local source for context",
             "InUse": False, "Shared": True, "Size": 1000, "CreatedAt": iso(now - 2 * day), "LastUsedAt": None,
             "UsageCount": 0},
            {"ID": "i" * 25, "Parent": "", "Type": "exec.cachemount", "Description": "cached mount",
             "InUse": False, "Shared": False, "Size": 999, "CreatedAt": iso(now - 9 * day),
             "LastUsedAt": iso(now - 3600), "UsageCount": 12},
        ],
        "BuilderSize": 52000999,
    }


@pytest.fixture(scope="module")
def scripted_df(tmp_path_factory):
    from tests.integration.fake_engine import FakeEngine

    usage = _disk_usage(time.time())
    empty = {"LayersSize": 0, "Images": [], "Containers": [], "Volumes": [], "BuildCache": None}
    engines = [FakeEngine(str(tmp_path_factory.mktemp("df") / "engine.sock"), {"/system/df": answer})
               for answer in (usage, empty)]
    yield engines
    for engine in engines:
        engine.close()


DF_FORMATS = [None, "table", "json", "{{json .}}", "raw", "table {{.Type}}\\t{{.Size}}", "{{.Type}}\\t{{.Active}}",
              "{{.Foo}}", "{{", "table {{.Type}}\\t{{.Foo}}", "tablex {{.Type}}",
              "table {{.Reclaimable}}|{{.TotalCount}}",
              "{{json .Size}} {{.Type | printf \"%q\"}}"]
DF_VERBOSE_FORMATS = [None, "table", "json", "{{json .}}", "raw", "{{len .Images}} {{len .BuildCache}}",
                      "table {{range .Images}}{{.ID}}/{{.Repository}}:{{.Tag}} {{end}}X", "x{{.Foo}}", "{{",
                      "{{range .Containers}}{{.ID}} {{.Size}} {{.Names}}{{\"\\n\"}}{{end}}",
                      "{{range .BuildCache}}{{.ID}}|{{.Parent}}|{{.CreatedSince}}|{{.LastUsedSince}}|{{.InUse}}"
                      "\n{{end}}",
                      "{{range .Volumes}}{{.Name}} {{.Links}} {{.Size}} {{.Labels}}\n{{end}}",
                      "{{(index .Images 0).Foo}}", "{{json .BuildCache}}",
                      "{{range .Volumes}}{{.Foo}}{{end}}", "{{range $i, $c := .Containers}}{{$c.Foo}}{{end}}",
                      "{{printf \"%T\" .Images}} {{range .BuildCache}}{{printf \"%T\" .}}{{end}}", "{{.Images.Foo}}"]


@pytest.mark.parametrize("which, verbose, fmt", [(0, False, f) for f in DF_FORMATS] +
                         [(0, True, f) for f in DF_VERBOSE_FORMATS] +
                         [(1, False, None), (1, False, "json"), (1, True, None), (1, True, "raw")])
def test_df_for_given_usage_is_dockers(pydock, docker, scripted_df, which, verbose, fmt):
    """Byte for byte against docker on the same /system/df answer (times are days away: stable)."""
    args = ["-H", scripted_df[which].host, "system", "df", *(["-v"] if verbose else []),
            *(["--format", fmt] if fmt is not None else [])]
    mine, theirs = pydock(*args), docker(*args)
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)


_SIZES = re.compile(r"\b\d+(\.\d+)?[kMGT]?B( \(\d+%\))?|\b\d+\b")


def test_df_on_the_engine_has_dockers_layout(pydock, docker):
    """Counts and sizes change while other tests run: compare with them masked."""
    mine, theirs = pydock("system", "df"), docker("system", "df")
    assert (mine.code, mine.err) == (theirs.code, theirs.err) == (0, "")
    masked = lambda text: [_SIZES.sub("N", line).split() for line in text.splitlines()]  # noqa: E731
    assert masked(mine.out) == masked(theirs.out) == [
        ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"], ["Images", "N", "N", "N", "N"],
        ["Containers", "N", "N", "N", "N"], ["Local", "Volumes", "N", "N", "N", "N"],
        ["Build", "Cache", "N", "N", "N", "N"]]
    header = mine.out.splitlines()[0]
    assert header == theirs.out.splitlines()[0] or len(header) != len(theirs.out.splitlines()[0])


def test_df_verbose_on_the_engine_has_dockers_sections(pydock, docker):
    def sections(text):
        lines = text.splitlines()
        return [(line, lines[i + 2].split("  ")[0]) for i, line in enumerate(lines) if line.endswith(":")
                or line.startswith("Build cache usage:")]
    mine, theirs = pydock("system", "df", "-v"), docker("system", "df", "-v")
    assert (mine.code, mine.err) == (theirs.code, theirs.err) == (0, "")
    assert [title for title, _ in sections(mine.out)][:3] == ["Images space usage:", "Containers space usage:",
                                                              "Local Volumes space usage:"]
    assert [(_SIZES.sub("N", t), h) for t, h in sections(mine.out)] == \
        [(_SIZES.sub("N", t), h) for t, h in sections(theirs.out)]


def test_df_json_on_the_engine_has_dockers_keys(pydock, docker):
    mine = [json.loads(line) for line in pydock("system", "df", "--format", "json").out.splitlines()]
    theirs = [json.loads(line) for line in docker("system", "df", "--format", "json").out.splitlines()]
    assert [list(row) for row in mine] == [list(row) for row in theirs]
    assert [row["Type"] for row in mine] == [row["Type"] for row in theirs]
    verbose = json.loads(pydock("system", "df", "-v", "--format", "{{json .}}").out)
    assert list(verbose) == list(json.loads(docker("system", "df", "-v", "--format", "{{json .}}").out))


@pytest.mark.parametrize("argv", [["system", "df", "x"], ["system", "df", "--bogus"], ["system", "df", "-v", "-v=x"],
                                  ["system", "bogus"], ["system", "info", "x"], ["system", "prune", "x"],
                                  ["-H", NO_ENGINE, "system", "df"],
                                  ["-H", NO_ENGINE, "system", "df", "--format", "{{"]])
def test_system_bad_input_is_dockers(pydock, docker, argv):
    mine, theirs = pydock(*argv), docker(*argv)
    assert (mine.out, mine.err.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.err, theirs.code)


@pytest.mark.parametrize("argv", [["system", "bogus", "--help"], ["system", "bogus", "-h"],
                                  ["system", "bogus", "x", "--help"], ["system", "bogus", "--", "--help"],
                                  ["system", "bogus", "--format", "x", "--help"], ["network", "bogus", "--help"]])
def test_help_after_an_unknown_subcommand_is_the_groups(pydock, docker, argv):
    """Cobra parses the group's own flags first: --help shows the group's help (exit 0)."""
    mine, theirs = pydock(*argv), docker(*argv)
    assert (mine.out.replace("pydock", "docker"), mine.err.replace("pydock", "docker"), mine.code) == \
        (theirs.out, theirs.err, theirs.code)


def test_minimum_api_versions_are_dockers(pydock, docker):
    """system df and prune need API 1.25, prune's --filter 1.28: refused before anything is asked or removed."""
    from tests.conftest import unique

    label = unique("pydt-sysver")
    for version, argv in (("1.24", ["system", "df"]), ("1.24", ["system", "prune", "--filter", f"label={label}"]),
                          ("1.27", ["system", "prune", "--filter", f"label={label}"]),
                          ("1.24", ["system", "prune", "-f", "--filter", f"label={label}"])):
        mine = pydock(*argv, env={"DOCKER_API_VERSION": version}, input="n\n")
        theirs = docker(*argv, env={"DOCKER_API_VERSION": version}, input="n\n")
        assert (mine.out, mine.err.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.err, theirs.code)
        assert mine.code == 1 and "requires API version" in mine.err


@pytest.mark.parametrize("command", ["system", "system df", "system prune", "system info", "info", "system events"])
def test_system_help_is_dockers(pydock, docker, command):
    mine, theirs = pydock(*command.split(), "--help"), docker(*command.split(), "--help")
    assert (mine.out.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.code)


def test_system_info_is_info(pydock, docker):
    mine, theirs = pydock("system", "info"), docker("system", "info")
    assert (mine.code, mine.err) == (theirs.code, theirs.err)
    assert _stable(mine.out) == _stable(theirs.out) == _stable(pydock("info").out)
    fmt = "{{.ServerVersion}} {{.Name}} {{json .RegistryConfig}}"
    assert pydock("system", "info", "-f", fmt).out == docker("system", "info", "-f", fmt).out


def test_root_help_lists_system_and_events(pydock):
    text = pydock("--help").out
    management = text.split("Management Commands:")[1].split("\n\n")[0]
    commands = text.split("\nCommands:")[1].split("\n\n")[0]
    assert "  system      Manage Docker" in management.splitlines()
    assert "  events      Get real time events from the server" in commands.splitlines()


# -- system prune -------------------------------------------------------------------------------
PRUNED = {
    "/containers/prune": {"ContainersDeleted": ["c" * 64, "d" * 64], "SpaceReclaimed": 123456},
    "/networks/prune": {"NetworksDeleted": ["pydt-net-a", "pydt-net-b"]},
    "/volumes/prune": {"VolumesDeleted": ["pydt-vol-a"], "SpaceReclaimed": 2048},
    "/images/prune": {"ImagesDeleted": [{"Untagged": "pydt-app:old"}, {"Deleted": "sha256:" + "1" * 64},
                                        {"Deleted": "sha256:" + "2" * 64}], "SpaceReclaimed": 1985598},
    "/build/prune": {"CachesDeleted": ["k" * 25, "j" * 25], "SpaceReclaimed": 52000000},
}
NOTHING = {"/containers/prune": {"ContainersDeleted": None, "SpaceReclaimed": 0},
           "/networks/prune": {"NetworksDeleted": None}, "/volumes/prune": {"VolumesDeleted": None},
           "/images/prune": {"ImagesDeleted": None, "SpaceReclaimed": 0},
           "/build/prune": {"CachesDeleted": None, "SpaceReclaimed": 0}}
FAILING = {**PRUNED, "/images/prune": (500, {"message": "a prune operation is already running"})}


@pytest.fixture(scope="module")
def scripted_prune(tmp_path_factory):
    from tests.integration.fake_engine import FakeEngine

    engines = {name: FakeEngine(str(tmp_path_factory.mktemp("prune") / "engine.sock"), routes)
               for name, routes in (("pruned", PRUNED), ("nothing", NOTHING), ("failing", FAILING))}
    yield engines
    for engine in engines.values():
        engine.close()


def _prune_calls(engine) -> list:
    return [(method, route, {k: json.loads(v) if k == "filters" else v for k, v in query.items()})
            for method, route, query in engine.calls()]


@pytest.mark.parametrize("engine, argv, answer", [("pruned", argv, answer) for argv, answer in [
    (["-f"], None), (["-f", "-a"], None), (["-f", "--volumes"], None), (["--force", "--all", "--volumes"], None),
    (["-f", "--filter", "label=pydt-a", "--filter", "label!=pydt-b", "--filter", "until=24h"], None),
    (["-f", "--volumes", "--filter", "until=24h"], None), (["--filter", "label=pydt-a"], "y\n"),
    (["-a", "--volumes", "--filter", "label=pydt-a"], "Y\n"), ([], "n\n"), (["-a"], "yes\n"), (["--volumes"], ""),
    (["--filter", "label=pydt-a", "--filter", "label=pydt-a10", "--filter", "label=pydt-a9"], " y \n"),
]] + [("nothing", ["-f"], None), ("nothing", ["-f", "-a", "--volumes"], None), ("nothing", [], "y\n"),
      ("failing", ["-f"], None), ("failing", ["-f", "--volumes", "-a"], None)])
def test_prune_for_given_reports_is_dockers(pydock, docker, scripted_prune, engine, argv, answer):
    """The prompt, the sections, the total, and the requests (their order and filters), against docker."""
    fake = scripted_prune[engine]
    results = []
    for run in (pydock, docker):
        fake.requests.clear()
        result = run("-H", fake.host, "system", "prune", *argv, input=answer)
        results.append((result.out, result.err.replace("pydock", "docker"), result.code, _prune_calls(fake)))
    assert results[0] == results[1]


@pytest.mark.parametrize("configured, argv", [
    (["label=pydt-cfg", "label!=pydt-keep", "until=24h"], ["--filter", "label=pydt-keep"]),
    (["label=pydt-cfg", "label!=pydt-keep"], ["--filter", "label!=pydt-other"]),
    (["label=pydt-cfg", "until=1h", "bad"], []),
])
def test_prune_with_config_prune_filters_is_dockers(pydock, docker, scripted_prune, tmp_path, configured, argv):
    (tmp_path / "config.json").write_text(json.dumps({"pruneFilters": configured}))
    fake = scripted_prune["pruned"]
    results = []
    for run in (pydock, docker):
        for answer in ("n\n", "y\n"):
            fake.requests.clear()
            result = run("--config", str(tmp_path), "-H", fake.host, "system", "prune", *argv, input=answer)
            results.append((result.out, result.err, result.code, _prune_calls(fake)))
    assert results[:2] == results[2:]


@pytest.fixture
def guarded_engine(tmp_path):
    """The real engine behind a filter that answers /build/prune itself: engine 20.10 accepts a label filter
    there but ignores it, so a real build cache prune could reach other engineers' cache."""
    from tests.integration.fake_engine import FakeEngine

    engine = FakeEngine(str(tmp_path / "guard.sock"), {"/build/prune": NOTHING["/build/prune"]},
                        forward_to="/var/run/docker.sock")
    yield engine
    engine.close()


def _twins(label: str) -> dict:
    """A stopped container, a network, a volume and a dangling image, all labelled `label`."""
    from tests.integration.oracle import sh

    objects = {"container": sh("create", "--label", label, "--name", f"{label}-c", "busybox", "true").strip(),
               "network": f"{label}-n", "volume": f"{label}-v", "image": f"{label}-img:t"}
    sh("network", "create", "--label", label, objects["network"])
    sh("volume", "create", "--label", label, objects["volume"])
    sh("commit", "-c", f"LABEL {label}=1", objects["container"], objects["image"])
    objects["dangling"] = sh("image", "inspect", "-f", "{{.Id}}", objects["image"]).strip()
    sh("commit", "-c", f"LABEL {label}=2", objects["container"], objects["image"])  # the first one dangles now
    objects["running"] = sh("run", "-d", "--label", label, "--name", f"{label}-r", "busybox", "sleep", "600").strip()
    return objects


def _remove_twins(objects: dict) -> None:
    from tests.integration.oracle import sh

    sh("rm", "-f", objects["container"], objects["running"], check=False)
    sh("network", "rm", objects["network"], check=False)
    sh("volume", "rm", objects["volume"], check=False)
    sh("rmi", "-f", objects["image"], objects["dangling"], check=False)


def _exists(kind: str, name: str) -> bool:
    from tests.conftest import DOCKER

    return subprocess.run([DOCKER, "inspect", "--type", kind, name], capture_output=True).returncode == 0


def test_prune_removes_only_the_labelled_objects_as_docker_does(pydock, docker, guarded_engine):
    from tests.conftest import unique

    mine_label, their_label, keep_label = unique("pydt-prune"), unique("pydt-prune"), unique("pydt-keep")
    twins = {label: _twins(label) for label in (mine_label, their_label, keep_label)}
    try:
        mine = pydock("-H", guarded_engine.host, "system", "prune", "-f", "--volumes", "--filter",
                      f"label={mine_label}")
        theirs = docker("-H", guarded_engine.host, "system", "prune", "-f", "--volumes", "--filter",
                        f"label={their_label}")

        def normalized(result, label):
            objects = twins[label]
            text = result.out.replace(objects["container"], "C").replace(objects["dangling"], "I")
            return text.replace(label, "L"), result.err, result.code

        assert normalized(mine, mine_label) == normalized(theirs, their_label)
        assert normalized(mine, mine_label)[0].startswith(
            "Deleted Containers:\nC\n\nDeleted Networks:\nL-n\n\nDeleted Volumes:\nL-v\n\n"
            "Deleted Images:\ndeleted: I\n\nTotal reclaimed space: ")
        for label, objects in twins.items():
            gone = label != keep_label
            assert _exists("container", objects["container"]) is not gone
            assert _exists("network", objects["network"]) is not gone
            assert _exists("volume", objects["volume"]) is not gone
            assert _exists("image", objects["dangling"]) is not gone
            assert _exists("image", objects["image"]) and _exists("container", objects["running"])
        assert [route for _, route, _ in guarded_engine.calls() if route.endswith("/prune")] == [
            "/containers/prune", "/networks/prune", "/volumes/prune", "/images/prune", "/build/prune"] * 2
    finally:
        for objects in twins.values():
            _remove_twins(objects)


# -- inspect --type network|volume --------------------------------------------------------------
@pytest.fixture(scope="module")
def named_objects():
    from tests.conftest import unique
    from tests.integration.oracle import sh

    label = unique("pydt-sysinspect")
    network_id = sh("network", "create", "--label", label, f"{label}-n").strip()
    sh("volume", "create", "--label", label, f"{label}-v")
    sh("volume", "create", "--label", label, network_id[:12])  # a volume named like the network's ID prefix
    yield {"label": label, "network": f"{label}-n", "network_id": network_id, "volume": f"{label}-v"}
    sh("network", "rm", network_id, check=False)
    sh("volume", "rm", f"{label}-v", network_id[:12], check=False)


@pytest.mark.parametrize("argv", [
    ["--type", "network", "{network}"], ["--type", "network", "{network_id}"], ["--type", "network", "{short_id}"],
    ["{network}"], ["{short_id}"], ["{network_id}"], ["--type", "volume", "{volume}"], ["{volume}"],
    ["--type", "volume", "{short_id}"], ["--type", "volume", "{network}"], ["--type", "network", "{volume}"],
    ["--type", "network", "{network}", "{volume}", "host"], ["--type", "volume", "{volume}", "pydt-nonexistent"],
    ["--type", "bogus", "{network}"], ["--type", "", "{network}"], ["--type", "Network", "{network}"],
    ["-s", "{volume}"], ["-s", "--type", "network", "{network}"], ["--type", "network", "-f", "{{{{.Name}}}}",
                                                                   "{network}", "bridge"],
    ["-f", "{{{{.Name}} {{.Driver}}", "{volume}"], ["--type", "volume", "-f", "json", "{volume}"],
    ["--type", "network"], ["--type", "volume", "{network_id}"], ["{volume}", "{network}", "pydt-nothing-here"],
    # templates run on docker's network.Inspect and volume.Volume types first
    ["-f", "{{{{.IPAM}}}} {{{{.IPAM.Config}}}} {{{{.Created}}}} {{{{.ConfigFrom}}}} {{{{.Peers}}}}", "{network}"],
    ["-f", "{{{{.UsageData}}}} {{{{.Options}}}} {{{{.Status}}}} {{{{.CreatedAt}}}}", "{volume}"],
    ["-f", "{{{{.Foo}}}}", "{network}"], ["-f", "{{{{json .IPAM}}}}", "{network}"],
])
def test_inspect_networks_and_volumes_is_dockers(pydock, docker, named_objects, argv):
    """Found by name, full ID, or ID prefix as docker's system inspect finds them; the wrong type, an unknown
    type and missing objects fail with docker's words."""
    values = {**named_objects, "short_id": named_objects["network_id"][:10]}
    args = ["inspect", *(a.format(**values) for a in argv)]
    mine, theirs = pydock(*args), docker(*args)
    assert (mine.out, mine.err.replace("pydock", "docker"), mine.code) == (theirs.out, theirs.err, theirs.code)


# -- help ---------------------------------------------------------------------------------------

def _as_docker(text: str) -> str:
    return text.replace("pydock", "docker")


@pytest.mark.parametrize("argv", [
    # a command's help, by its path or an alias, on stdout, exit 0
    ["help", "run"], ["help", "container", "ls"], ["help", "container", "ps"], ["help", "container", "list"],
    ["help", "ps"], ["help", "container"], ["help", "version"], ["help", "inspect"], ["help", "cp"],
    ["help", "container", "inspect"], ["-D", "help", "run"],
    # words left over: an unknown topic, on stderr, exit 1
    ["help", "nosuchtopic"], ["help", "container", "nosuch"], ["help", "container", "nosuch", "x"],
    ["help", "run", "extra"], ["help", "help", "help"], ["help", ""],
    # the help command's own help and flags
    ["help", "help"], ["help", "-h"], ["help", "--help"], ["-h", "help"], ["help", "-a"], ["help", "--bogus"],
    ["help", "container", "ls", "-a"], ["help", "run", "--help"],
    # help is no subcommand of a group
    ["container", "help", "ls"],
    # -h and --help before a command: that command's help; the top-level -h note goes to stderr
    ["-h", "ps"], ["--help", "ps"], ["-h", "container", "ls"], ["--help", "container", "nosuch"],
    ["--help", "container", "ls", "-a"], ["-D", "--help", "ps"], ["--help", "-D", "ps"], ["--help", "help", "run"],
    # -h after a command: the note on stdout
    ["ps", "-h"], ["container", "-h"], ["help", "-h"], ["version", "-h"],
])
def test_help_same_as_docker(pydock, docker, argv):
    mine, theirs = pydock(*argv), docker(*argv)
    assert (_as_docker(mine.out), _as_docker(mine.err), mine.code) == (theirs.out, theirs.err, theirs.code)


@pytest.mark.parametrize("argv", [["help"], ["-h"], ["--help", "nosuch"], ["help", "-D"]])
def test_top_level_help_streams_same_as_docker(pydock, docker, argv):
    """The top-level help (docker's lists commands pydock does not have, build, images …) is `--help`'s, on
    the same streams as docker's, with the -h note on stderr and the same exit code."""
    mine, theirs = pydock(*argv), docker(*argv)
    assert (_as_docker(mine.err), mine.code, bool(mine.out)) == (theirs.err, theirs.code, bool(theirs.out))
    if mine.out:
        assert mine.out == pydock("--help").out and mine.out.startswith("Usage:  pydock [OPTIONS] COMMAND\n")
        assert "  help " not in mine.out  # cobra never lists its help command


@pytest.mark.parametrize("command, fmt", [
    ("version", '{{printf "%T|%T|%T|%T" . .Client .Server .Server.Components}}'),
    ("version", '{{printf "%#v" .Server.Components}}|{{printf "%+v" .Server.Platform}}|'
                '{{printf "%T" .Client.Platform}}'),
    ("info", '{{printf "%T %T %T %T %T %T" .DriverStatus .MemTotal .Labels .Warnings .Plugins.Volume '
             '.SecurityOptions}}'),
    ("info", '{{printf "%#v" .DriverStatus}}|{{printf "%+v" .Plugins}}|{{printf "%#v" .ContainerdCommit}}'),
    ("info", '{{printf "%T %T %T %T" .RegistryConfig .RegistryConfig.IndexConfigs .Swarm.RemoteManagers '
             '.ServerErrors}}'),
    ("info", '{{printf "%+v" .RegistryConfig}}|{{json .RegistryConfig}}|'
             '{{printf "%T %T" .ClientInfo.Plugins .ClientErrors}}'),
])
def test_version_and_info_templates_see_docker_types(pydock, docker, command, fmt):
    import re

    def shape(result):  # a pointer nested in a value prints as its address, different on every run
        return re.sub(r"0xc[0-9a-f]+", "0xADDR", result.out), result.err, result.code
    assert shape(pydock(command, "--format", fmt)) == shape(docker(command, "--format", fmt))


@pytest.mark.parametrize("host", ["ssh://nobody@127.0.0.1:1", "ssh://pydt-no-such-host.invalid"])
def test_an_ssh_host_that_cannot_be_reached_is_reported_with_sshs_reason(pydock, docker, host):
    """docker's commandconn error: the ssh command line, its exit status and what ssh said, exit 1."""
    mine, theirs = pydock("-H", host, "images"), docker("-H", host, "images")
    assert theirs.code == 1 and "has exited with exit status 255" in theirs.err
    assert (mine.out, mine.err, mine.code) == (theirs.out, theirs.err, theirs.code)


UNIMPLEMENTED_GROUPS = re.compile(r"(?m)^  (builder|context|manifest|plugin|trust|config|node|secret|service|stack|"
                                  r"swarm) .*\n")


@pytest.mark.parametrize("environ", [{}, {"DOCKER_CONFIG": "/tmp/pydt-cfg", "DOCKER_CERT_PATH": "/tmp/pydt-certs"},
                                     {"HOME": "/tmp/pydt-home"}, {"DOCKER_CONFIG": ""}],
                         ids=["defaults", "env", "home", "empty-config"])
def test_root_help_is_dockers_with_its_defaults_and_closing_line(pydock, docker, environ):
    """The global flags show docker's defaults (the config directory, the TLS files in DOCKER_CERT_PATH
    or that directory) and the help ends with docker's pointer to its guides; only the groups pydock
    does not have are left out of the comparison."""
    mine, theirs = pydock("--help", env=environ), docker("--help", env=environ)
    expected = UNIMPLEMENTED_GROUPS.sub("", theirs.out).replace("Swarm Commands:\n\n", "")
    assert (mine.out.replace("pydock", "docker"), mine.code) == (expected, theirs.code)
    assert mine.out.endswith("\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n")
