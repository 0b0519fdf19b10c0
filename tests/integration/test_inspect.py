"""`container inspect` against the real engine: the engine's JSON indented as docker does, templates."""
from __future__ import annotations

import json
import time

import pytest

from tests.integration.oracle import Bed, assert_same, sh


@pytest.fixture(scope="module")
def bed():
    bed = Bed("inspect")
    try:
        bed.run("one", "--label", "zz=<b&c>", "-v", "/data", "-e", "X=1", "busybox", "sleep", "600")
        bed.create("two", "alpine", "echo", "hi")
        bed.run("three", "--health-cmd", "true", "--health-interval", "1m30s", "--restart", "on-failure:2",
                "-p", "127.0.0.1::80", "--expose", "7000", "busybox", "sleep", "600")
        yield bed
    finally:
        bed.remove()


@pytest.mark.parametrize("args", [
    ["{one}"], ["{one}", "{two}"], ["-s", "{one}"], ["--size", "{two}"], ["-f", "json", "{one}", "{two}"],
    ["pydt-inspect-missing"], ["{one}", "pydt-inspect-missing", "{two}", "pydt-inspect-missing2"],
    ["-f", "{{{{.Name}}}}", "{one}", "pydt-inspect-missing", "{two}"],
    ["-f", "{{{{json .Config}}}}", "{one}"],
    ["-f", "{{{{.State.Running}}}} {{{{.State.Pid | printf \"%T\"}}}} {{{{.Config.Cmd}}}}", "{one}"],
    ["-f", "{{{{range .Mounts}}}}{{{{.Type}}}}:{{{{.Destination}}}} {{{{end}}}}", "{one}"],
    ["-f", "{{{{index .Config.Labels \"zz\"}}}} {{{{.Config.Labels}}}} {{{{len .Config.Env}}}}", "{one}"],
    ["-f", "{{{{.HostConfig.Memory}}}} {{{{.HostConfig.RestartPolicy.Name}}}} {{{{.Path}}}}", "{one}", "{two}"],
    ["-f", "{{{{.SizeRw}}}}", "-s", "{one}"],
    ["-f", "{{{{.Nope}}}}", "{one}", "{two}"],
    ["-f", "{{{{.State.Health.Status}}}}", "{one}"],
    ["-f", "{{{{.State.Pid", "{one}"],
    ["-f", "{{{{json .State}}}} {{{{json .Mounts}}}} {{{{json .Config.Labels}}}}", "{one}"],
    [], ["--bogus", "{one}"],
    # docker's Go types show through: structs, nil pointers, durations, map keys
    ["-f", "{{{{.State}}}}", "{one}", "{two}"],
    ["-f", "{{{{.State.Health}}}}|{{{{.Config.Healthcheck}}}}|{{{{.SizeRw}}}}|{{{{.HostConfig.RestartPolicy}}}}",
     "{one}"],
    ["-f", "{{{{.HostConfig.LogConfig}}}}|{{{{.GraphDriver.Name}}}}|{{{{.Mounts}}}}", "{one}"],
    ["-f", "{{{{.NetworkSettings.Ports}}}}|{{{{.HostConfig.PortBindings}}}}|{{{{.Config.ExposedPorts}}}}", "{three}"],
    ["-f", "{{{{.Config.Healthcheck}}}}|{{{{.Config.Healthcheck.Interval}}}}|{{{{json .Config.Healthcheck}}}}",
     "{three}"],
    ["-f", "{{{{.HostConfig.RestartPolicy}}}} {{{{json .HostConfig.RestartPolicy}}}} "
     "{{{{json .NetworkSettings.Ports}}}}", "{three}"],
    ["-f", "{{{{.Config.Labels.nope}}}}|{{{{.ID}}}}|{{{{.Id}}}}|{{{{.HostConfig.CPUShares}}}}|{{{{.Config.Volumes}}}}",
     "{one}"],
    ["-f", "{{{{range $p, $c := .NetworkSettings.Ports}}}}{{{{$p}}}}={{{{(index $c 0).HostIp}}}} {{{{end}}}}",
     "{three}"],
    ["-f", "{{{{.NetworkSettings.Networks.bridge.NetworkID}}}} {{{{json .Config}}}}", "{three}"],
    # docker 28's field order and fields an older engine does not send (DNSNames, GwPriority, StopSignal)
    ["-f", "{{{{json .}}}}", "{one}", "{two}", "{three}"],
    ["-f", "{{{{json .NetworkSettings}}}}|{{{{json .HostConfig}}}}|{{{{json .Mounts}}}}", "{three}"],
    ["-f", "{{{{json .NetworkSettings.Networks}}}}|{{{{index .NetworkSettings.Networks \"bridge\"}}}}", "{one}"],
    ["-f", "{{{{.NetworkSettings.Networks.bridge.DNSNames}}}} {{{{.NetworkSettings.Networks.bridge.GwPriority}}}}",
     "{three}"],
    ["-f", "{{{{.Config.StopSignal}}}}|{{{{.Config.StopTimeout}}}}|{{{{.Config.Shell}}}}|{{{{.Config}}}}",
     "{one}", "{two}"],
    # index of a missing key: the element type's zero value ("" for labels, <nil> for an endpoint)
    ["-f", "{{{{index .Config.Labels \"nope\"}}}}|{{{{index .NetworkSettings.Networks \"nope\"}}}}|"
     "{{{{index .Config.Labels \"zz\"}}}}", "{one}", "{two}"],
])
def test_same_as_docker(pydock, docker, bed, args):
    args = [a.format(one=bed.names[0], two=bed.names[1], three=bed.names[2]) for a in args]
    assert_same(pydock("container", "inspect", *args), docker("container", "inspect", *args))


def test_default_output_is_the_engine_document(pydock, bed):
    mine = pydock("container", "inspect", bed.names[0])
    data = json.loads(mine.out)
    assert len(data) == 1 and data[0]["Name"] == f"/{bed.names[0]}"
    assert mine.out.startswith('[\n    {\n        "Id": "') and mine.out.endswith("\n    }\n]\n")
    assert '"zz": "<b&c>"' in mine.out  # the engine's bytes, not re-escaped by a JSON encoder


def test_exit_codes(pydock, bed):
    assert pydock("container", "inspect", "pydt-inspect-missing").code == 1
    assert pydock("container", "inspect", "-f", "{{.Bad", bed.names[0]).code == 64
    assert pydock("container", "inspect", bed.names[0]).code == 0


def test_size_adds_the_size_fields(pydock, bed):
    sh("exec", bed.names[0], "sh", "-c", "echo data > /new-file")
    data = json.loads(pydock("container", "inspect", "-s", bed.names[0]).out)[0]
    assert data["SizeRw"] > 0 and data["SizeRootFs"] > data["SizeRw"]


@pytest.mark.parametrize("args", [
    ["{one}"], ["busybox"], ["busybox:latest", "{two}"], ["bridge"], ["-s", "busybox"], ["--type", "image", "{one}"],
    ["--type", "network", "-f", "{{{{.Name}}}}", "bridge"], ["-s", "-f", "{{{{.Id}}}}", "bridge", "busybox", "{one}"],
    ["Bad Ref"], ["pydt-inspect-nothing"], ["--type", "volume", "pydt-inspect-nothing"], ["--type", "bogus", "x"],
    ["--type", "", "x"], ["-f", "{{{{.Nope}}}}", "busybox"], ["--type", "container", "-f", "json", "{one}"], [],
    # names are trimmed, an empty one refused before anything is sent, in each kind's words
    [""], [" "], ["--type", "volume", ""], ["--type", "network", " "], ["--type", "image", ""],
    ["--type", "network", "-f", "{{{{.Name}}}}", " bridge "], ["-f", "{{{{.Name}}}}", " {one} "],
])
def test_inspect_any_object_same_as_docker(pydock, docker, bed, args):
    args = [a.format(one=bed.names[0], two=bed.names[1]) for a in args]
    assert_same(pydock("inspect", *args), docker("inspect", *args))


@pytest.mark.parametrize("fmt", [
    "{{.State}}", "{{.Config}}", "{{.NetworkSettings.Networks}}", "{{index .NetworkSettings.Networks \"bridge\"}}",
    "{{.State.Health}}", "{{.NetworkSettings}}",  # with its two embedded structs
])
def test_nested_pointers_print_as_addresses(pydock, docker, bed, fmt):
    """Go prints a pointer inside a struct, map or slice as its (varying) address, a top-level one as the struct."""
    import re

    def shape(result):
        return re.sub(r"0xc[0-9a-f]+", "0xADDR", result.out), result.err, result.code
    args = ("container", "inspect", "-f", fmt, bed.names[2])
    assert shape(pydock(*args)) == shape(docker(*args))


def test_health_log_times_print_as_go_times(pydock, docker, cleanup):
    name = cleanup.name("containers")
    sh("run", "-d", "--name", name, "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "60")
    for _ in range(50):  # the first check runs after about a second
        if sh("inspect", "-f", "{{len .State.Health.Log}}", name).strip() != "0":
            break
        time.sleep(0.1)
    fmt = "{{with index .State.Health.Log 0}}{{.}}|{{.Start}}|{{json .End}}{{end}}"
    args = ("container", "inspect", "-f", fmt, name)
    assert_same(pydock(*args), docker(*args))
    assert " +0000 UTC" in pydock(*args).out


# -- Go's fmt on docker's types; the raw JSON only when the typed run fails --------------------

@pytest.fixture(scope="module")
def typed_bed():
    """A container with a restart policy, labels, published ports, one volume, env and a health check; and a
    created one with none of them."""
    bed = Bed("inspect-typed")
    try:
        bed.run("full", "--restart", "on-failure:3", "--label", "b=2", "--label", "a=1", "-p", "127.0.0.1::80",
                "-p", "127.0.0.1::81/udp", "-v", "/data", "-e", "FOO=bar", "--health-cmd", "true",
                "--health-interval", "30s", "--ulimit", "nofile=100:200", "--pids-limit", "50",
                "busybox", "sleep", "600")
        bed.create("bare", "alpine")
        yield bed
    finally:
        bed.remove()


TYPED_TEMPLATES = [
    # struct verbs: field names, Go syntax, type names (the cases first)
    '{{printf "%+v" .HostConfig.RestartPolicy}}', '{{printf "%T" .Config.Labels}}',
    '{{printf "%v|%#v|%T" .HostConfig.RestartPolicy .HostConfig.RestartPolicy .HostConfig.RestartPolicy}}',
    '{{printf "%#v|%+v|%v" .Config.Labels .Config.Labels .Config.Labels}}',
    '{{printf "%v|%+v|%#v|%T" .Mounts .Mounts .Mounts .Mounts}}',
    '{{printf "%+v|%#v|%T" .NetworkSettings.Ports .NetworkSettings.Ports .NetworkSettings.Ports}}',
    '{{printf "%+v|%#v|%T" .State .State .State}}', '{{printf "%T|%+v" .State.Health .State.Health}}',
    '{{printf "%T|%#v|%q|%v" .Config.Env .Config.Env .Config.Env .Config.Env}}',
    '{{printf "%#v|%T|%#v|%T" .Config.Cmd .Config.Cmd .Config.Entrypoint .Config.Entrypoint}}',
    '{{printf "%+v|%#v" .Config.Healthcheck .Config.Healthcheck}}',
    '{{printf "%v %d %#v %T" .Config.Healthcheck.Interval .Config.Healthcheck.Interval .Config.Healthcheck.Interval '
    '.Config.Healthcheck.Interval}}',
    '{{printf "%+v|%#v" .HostConfig.LogConfig .GraphDriver}}',
    '{{printf "%#v|%+v" .Config.ExposedPorts .Config.Volumes}}',
    '{{printf "%v|%#v|%T" .HostConfig.Ulimits .HostConfig.Ulimits .HostConfig.Ulimits}}',
    '{{printf "%#v|%T|%v" .HostConfig.ConsoleSize .HostConfig.ConsoleSize .HostConfig.ConsoleSize}}',
    '{{printf "%#v %#v %#v %#v" .HostConfig.BlkioWeight .HostConfig.Memory .HostConfig.PidsLimit .SizeRw}}',
    '{{printf "%T %T %T %T" .HostConfig.OomKillDisable .HostConfig.PidsLimit .HostConfig.MemorySwappiness .SizeRw}}',
    '{{printf "%x|%s|%d|%q" .HostConfig.RestartPolicy .HostConfig.RestartPolicy .HostConfig.RestartPolicy '
    '.HostConfig.RestartPolicy}}',
    '{{printf "%+v" .NetworkSettings}}', '{{printf "%#v" .NetworkSettings.NetworkSettingsBase}}',
    '{{printf "%+v|%T" .NetworkSettings.Networks .NetworkSettings.Networks}}',
    '{{printf "%T|%T|%T" . .ContainerJSONBase .ImageManifestDescriptor}}', '{{printf "%+v" .}}', "{{.}}",
    # %T of many fields: named types, sized integers, pointers, maps and slices of docker's types
    '{{printf "%T %T %T %T %T %T" .HostConfig.Memory .HostConfig.ShmSize .HostConfig.BlkioWeight .State.Pid '
    '.RestartCount .HostConfig.IOMaximumIOps}}',
    '{{printf "%T %T %T %T %T" .HostConfig.NetworkMode .HostConfig.RestartPolicy.Name .HostConfig.Isolation '
    '.HostConfig.IpcMode .HostConfig.CgroupnsMode}}',
    '{{printf "%T %T %T %T" .HostConfig.PortBindings .Config.ExposedPorts .Config.Volumes .HostConfig.Tmpfs}}',
    '{{printf "%T %T %T %T" .HostConfig.Mounts .HostConfig.Devices .State.Health.Log .HostConfig.LogConfig.Config}}',
    '{{printf "%T %T %T %T %T" .State.Status .Config.StopTimeout .ExecIDs .Args .HostConfig.Binds}}',
    '{{printf "%T %T" (index .Mounts 0).Type (index .Mounts 0).Propagation}}',
    # index and len on maps and slices; a key of the wrong type sends docker to the raw JSON
    '{{index .Config.Labels "a"}}|{{index .Config.Labels "zz"}}|{{len .Config.Labels}}|{{len .Mounts}}',
    '{{index .NetworkSettings.Ports "80/tcp"}}', '{{printf "%T" (index .NetworkSettings.Ports "80/tcp")}}',
    '{{len .NetworkSettings.Ports}} {{len .Config.ExposedPorts}} {{len .HostConfig.ConsoleSize}} {{len .Config.Cmd}}',
    '{{index .Config.Cmd 1}} {{index .HostConfig.ConsoleSize 1}} '
    '{{(index .NetworkSettings.Networks "bridge").Gateway}}',
    '{{len .State}}', '{{index .State 0}}', '{{index .Config.Labels 1}}', '{{index .Mounts 9}}',
    '{{printf "%T" (slice .Config.Cmd 0 1)}} {{slice .Config.Env 1}}',
    '{{range $p, $c := .NetworkSettings.Ports}}{{$p}} {{printf "%T" $p}} {{$p.Port}} {{$p.Proto}} {{$p.Int}} '
    '{{(index $c 0).HostIp}}|{{end}}',
    '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}{{range .Config.Env}}{{.}},{{end}}',
    # methods of docker's types
    '{{.HostConfig.RestartPolicy.IsNone}} {{.HostConfig.RestartPolicy.IsOnFailure}} {{.HostConfig.NetworkMode.IsHost}} '
    '{{.HostConfig.NetworkMode.NetworkName}} {{.HostConfig.IpcMode.IsPrivate}} {{.HostConfig.PidMode.IsPrivate}}',
    # comparisons and truth on typed values and, after a fallback, on json.Number
    '{{eq .State.Status "running"}} {{eq .HostConfig.RestartPolicy.Name "on-failure"}} {{eq .RestartCount 0}} '
    '{{eq .HostConfig.Memory 0}} {{lt .HostConfig.BlkioWeight 1}}',
    '{{eq .HostConfig.CpuShares 0}}', '{{eq .HostConfig.CpuShares "0"}}',
    '{{printf "%T %v %d %q" .HostConfig.CpuShares .HostConfig.CpuShares .HostConfig.CpuShares .HostConfig.CpuShares}}',
    '{{if .HostConfig.CpuShares}}t{{else}}f{{end}} {{if .HostConfig.OomKillDisable}}t{{else}}f{{end}} '
    '{{if .SizeRw}}t{{else}}f{{end}}',
    '{{.HostConfig.OomKillDisable}} {{.HostConfig.PidsLimit}} {{print .HostConfig.PidsLimit}}',
    '{{upper .HostConfig.NetworkMode}} {{join .Config.Cmd ","}} {{js .State}} {{html .HostConfig.RestartPolicy}}',
    # missing fields: the typed run fails, the raw JSON decides
    '{{.Id}} {{json .State}} {{json .HostConfig.RestartPolicy}}', "{{.ID}}", "{{.State.Nope}}",
    "{{.NetworkSettings.Ports.foo}}", "{{.HostConfig.Tmpfs}} {{.HostConfig.Mounts}} {{.HostConfig.Init}}",
    "{{.Config.Labels.nope}}", "{{.Config.Cmd.Foo}}", "{{.State.Health.Status.X}}", "{{.SizeRw.X}}",
    # json of typed values: Go's field order, omitempty, sorted maps
    "{{json .HostConfig}}", "{{json .Config}}", "{{json .NetworkSettings}}", "{{json .HostConfig.Ulimits}}",
]


@pytest.mark.parametrize("fmt", TYPED_TEMPLATES)
def test_templates_see_docker_types_as_docker_does(pydock, docker, typed_bed, fmt):
    import re

    def shape(result):  # a pointer nested in a value prints as its address, different on every run
        return re.sub(r"0xc[0-9a-f]+", "0xADDR", result.out), result.err, result.code
    for name in typed_bed.names:
        args = ("container", "inspect", "-f", fmt, name)
        assert shape(pydock(*args)) == shape(docker(*args))
