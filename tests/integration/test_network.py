"""`network` commands against the real engine, compared with docker on the same objects.

Every network carries a label unique to its test, every listing and prune filters on it (the engine
is shared), and subnets are drawn at random from 10.128.0.0/9 to keep clear of other tests.
"""
from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import uuid

import pexpect
import pytest

from tests.conftest import DOCKER, PYDOCK
from tests.integration.oracle import LabelledObjects, as_pydock, assert_same, sh

SLEEP = ("busybox", "sleep", "600")


def Nets() -> LabelledObjects:
    """Networks and containers of one test; removed afterwards."""
    return LabelledObjects("network", "pydt-net", ())


@pytest.fixture
def nets():
    bed = Nets()
    yield bed
    bed.remove()


def subnet() -> str:
    return f"10.{random.randint(128, 254)}.{random.randint(0, 255)}.0/24"


def network_exists(name: str) -> bool:
    return sh("network", "ls", "-q", "--filter", f"name=^{name}$") != ""


def test_create_with_every_ipam_flag_is_what_docker_sees(pydock, nets):
    net = subnet()
    base = net.rsplit(".", 1)[0]
    name = nets.name("ipam")
    mine = pydock("network", "create", "--label", nets.label, "--label", "pydt.role=ipam", "--subnet", net,
                  "--gateway", f"{base}.1", "--ip-range", f"{base}.128/25", "--aux-address", f"router={base}.2",
                  "--ipam-opt", "pydt=1", "-o", "com.docker.network.driver.mtu=1400", "--internal", "--attachable",
                  "--ipv6", "--subnet", f"fd{random.randint(16, 255):02x}:{random.randint(0, 65535):x}::/64", name)
    assert (mine.err, mine.code) == ("", 0)
    assert re.fullmatch(r"[0-9a-f]{64}\n", mine.out)
    seen = json.loads(sh("network", "inspect", name))[0]
    assert seen["Id"] == mine.out.strip()
    assert seen["IPAM"]["Config"][0] == {"Subnet": net, "IPRange": f"{base}.128/25", "Gateway": f"{base}.1",
                                         "AuxiliaryAddresses": {"router": f"{base}.2"}}
    assert seen["IPAM"]["Options"] == {"pydt": "1"}
    assert (seen["Internal"], seen["Attachable"], seen["EnableIPv6"], seen["Driver"]) == (True, True, True, "bridge")
    assert seen["Options"] == {"com.docker.network.driver.mtu": "1400"}
    assert seen["Labels"] == {nets.label: "", "pydt.role": "ipam"}


def test_config_only_and_config_from(pydock, docker, nets):
    config = nets.name("config")
    made = pydock("network", "create", "--config-only", "--subnet", subnet(), "--label", nets.label, config)
    assert made.code == 0, made.err
    user = nets.name("user")  # a network built from a configuration takes no labels of its own
    assert pydock("network", "create", "--config-from", config, user).code == 0
    for args in (["network", "inspect", config, user],
                 ["network", "inspect", "-f", "{{.ConfigOnly}} {{.ConfigFrom}}", user],
                 ["network", "rm", config]):  # still in use by `user`
        assert_same(pydock(*args), docker(*args))
    assert json.loads(sh("network", "inspect", user))[0]["ConfigFrom"] == {"Network": config}


def test_a_network_docker_created_reads_the_same_in_pydock(pydock, docker, nets):
    name = nets.create("seen", "--subnet", subnet(), "--label", "pydt.kind=seen")
    nets.run("c1", "--network", name, *SLEEP)
    other = nets.create("other")  # not the default bridge: other tests' containers come and go there
    for args in (["network", "inspect", name], ["network", "inspect", "-v", name], ["inspect", name],
                 ["inspect", "--type", "network", name], ["network", "inspect", "-f", "json", name, other],
                 ["network", "inspect", "-f", "{{.Name}} {{.IPAM}} {{.Containers}} {{.Created}}", name],
                 ["network", "inspect", "-f", "{{json .}}", name], ["network", "inspect", "-f", "{{.Id}}", name],
                 ["inspect", "-f", "{{.IPAM.Config}} {{.ConfigFrom}} {{.Peers}}", name]):
        assert_same(pydock(*args), docker(*args))


@pytest.mark.parametrize("args", [
    ["ls"], ["ls", "-q"], ["list", "--no-trunc"], ["ls", "--format", "json"], ["ls", "--format", "raw"],
    ["ls", "-q", "--format", "raw"],
    ["ls", "--format", "table {{.Name}}\t{{.Labels}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Internal}}\t{{.CreatedAt}}"],
    ["ls", "-q", "--format", "{{.Name}} {{.Driver}}"], ["ls", "--format", "{{.Nope}}"],
    ["ls", "-f", "driver=bridge"], ["ls", "-f", "type=custom"], ["ls", "-f", "scope=local"],
    ["ls", "-f", "dangling=true"], ["ls", "-f", "name=two"], ["ls", "-f", "id=0"], ["ls", "-f", "type=builtin"],
])
def test_ls_matches_docker(pydock, docker, nets, args):
    nets.create("one")  # one label each: docker prints several in a Go map's random order
    nets.create("two", "--internal")
    used = nets.create("used")
    nets.run("user", "--network", used, *SLEEP)
    full = ["network", *args, "--filter", f"label={nets.label}"]
    mine = pydock(*full)
    assert_same(mine, docker(*full))
    if args == ["ls"]:
        assert len(mine.out.splitlines()) == 4


def test_ls_without_rows_runs_no_template(pydock, docker, nets):
    args = ("network", "ls", "--filter", f"label={nets.label}", "--format", "table {{.Nope}}")
    assert_same(pydock(*args), docker(*args))


def test_connect_aliases_ip_and_dns_then_disconnect(pydock, docker, nets):
    net = subnet()
    base = net.rsplit(".", 1)[0]
    name = nets.create("dns", "--subnet", net)
    target = nets.run("target", *SLEEP)
    mine = pydock("network", "connect", "--alias", "pydt-db", "--alias", "pydt-a2,pydt-a3", "--ip", f"{base}.77",
                  name, target)
    assert (mine.out, mine.err, mine.code) == ("", "", 0)
    endpoint = json.loads(sh("inspect", target))[0]["NetworkSettings"]["Networks"][name]
    assert endpoint["IPAddress"] == f"{base}.77"
    assert {"pydt-db", "pydt-a2", "pydt-a3"} <= set(endpoint["Aliases"])
    for host in ("pydt-db", "pydt-a3", target):  # the engine's DNS answers for aliases and the name
        found = sh("run", "--rm", "--network", name, "busybox", "nslookup", host, check=False)
        assert f"Address: {base}.77" in found, found
    assert_same(pydock("network", "connect", name, target), docker("network", "connect", name, target))
    assert pydock("network", "disconnect", name, target).code == 0
    assert name not in json.loads(sh("inspect", target))[0]["NetworkSettings"]["Networks"]
    assert_same(pydock("network", "disconnect", name, target), docker("network", "disconnect", name, target))
    assert pydock("network", "disconnect", "--force", name, target).code == docker(
        "network", "disconnect", "--force", name, target).code


def test_run_on_a_user_network_resolves_names_and_aliases(pydock, nets):
    name = nets.create("run")
    server = f"{nets.label}-server"
    nets.containers.append(server)
    started = pydock("run", "-d", "--name", server, "--network", name, "--network-alias", "pydt-web", *SLEEP)
    assert started.code == 0, started.err
    address = json.loads(sh("inspect", server))[0]["NetworkSettings"]["Networks"][name]["IPAddress"]
    for host in (server, "pydt-web"):
        client = pydock("run", "--rm", "--network", name, "busybox", "ping", "-c", "1", "-W", "2", host)
        assert client.code == 0 and f"({address})" in client.out, client.out + client.err


def test_rm_several_at_once(pydock, docker, nets):
    a, b = nets.create("rm-a"), nets.create("rm-b")
    missing = f"{nets.label}-missing"
    mine = pydock("network", "rm", a, missing, b)
    assert (mine.out, mine.err, mine.code) == (
        f"{a}\n{b}\n", f"Error response from daemon: network {missing} not found\nexit status 1\n", 1)
    assert not network_exists(a) and not network_exists(b)
    assert_same(pydock("network", "rm", missing), docker("network", "rm", missing))
    assert_same(pydock("network", "remove", "-f", missing), docker("network", "remove", "-f", missing))


def test_rm_of_a_network_with_endpoints_fails_like_docker(pydock, docker, nets):
    name = nets.create("busy")
    nets.run("busy-c", "--network", name, *SLEEP)
    mine = pydock("network", "rm", name)
    assert_same(mine, docker("network", "rm", name))
    assert "has active endpoints" in mine.err and network_exists(name)


@pytest.mark.parametrize("flags", [
    ["--subnet", "{a}.0/24", "--subnet", "{a}.128/25"],  # overlapping
    ["--subnet", "{a}.0/24", "--subnet", "10.300.0.0/16"],  # a bad CIDR, found by the client
    ["--subnet", "{a}.0"],  # a bad CIDR, found by the engine
    ["--subnet", "{a}.0/24", "--gateway", "192.168.250.1"],  # gateway outside the subnet
    ["--subnet", "{a}.0/24", "--ip-range", "192.168.250.0/25"],
    ["--subnet", "{a}.0/24", "--aux-address", "x=192.168.250.9"],
    ["--gateway", "{a}.1"],
    ["--label", "bad label"],
    ["--subnet", '"{a}.0/24'],
])
def test_bad_input_creates_nothing(pydock, docker, nets, flags):
    base = subnet().rsplit(".", 1)[0]
    name = nets.name("bad")
    args = ["network", "create", *(f.replace("{a}", base) for f in flags), name]
    mine = pydock(*args)
    assert_same(mine, docker(*args))
    assert mine.code != 0 and not network_exists(name)


@pytest.mark.parametrize("args", [
    ["network", "create"], ["network", "create", "a", "b"], ["network", "ls", "x"], ["network", "inspect"],
    ["network", "rm"], ["network", "connect", "x"], ["network", "disconnect", "x", "y", "z"], ["network", "prune", "x"],
    ["network", "ls", "-f", "nope=1"], ["network", "ls", "-f", "type=other"], ["network", "ls", "-f", "dangling=maybe"],
    ["network", "ls", "-f", "bad"], ["network", "nope"], ["network", "ls", "--nope"],
    ["network", "inspect", "pydt-missing-net"], ["network", "inspect", " "],
    ["network", "inspect", "-f", "{{.Name", "x"],
    ["network", "connect", "pydt-missing-net", "pydt-missing-ctr"], ["network", "connect", "bridge", " "],
    ["network", "connect", "--driver-opt", "novalue", "x", "y"], ["network", "connect", "--link", "a:b:c", "x", "y"],
    ["network", "disconnect", "pydt-missing-net", "x"], ["network", "prune", "-f", "--filter", "label=pydt-none",
                                                         "--filter", "nope=1"],
])
def test_wrong_arguments_and_unknown_names_fail_like_docker(pydock, docker, args):
    assert_same(pydock(*args), docker(*args))


def test_prune_removes_only_unused_labelled_networks(pydock, docker, nets):
    unused_a, unused_b = nets.create("unused-a"), nets.create("unused-b")
    used = nets.create("used")
    nets.run("holder", "--network", used, *SLEEP)
    other = f"pydt-net-other-{uuid.uuid4().hex[:8]}"
    nets.objects.append(other)
    sh("network", "create", "--label", f"{nets.label}-not", other)
    label = f"label={nets.label}"

    refused = pydock("network", "prune", "--filter", label, input="n\n")
    assert_same(refused, docker("network", "prune", "--filter", label, input="n\n"))
    assert refused.out == ("WARNING! This will remove all custom networks not used by at least one container.\n"
                           "Are you sure you want to continue? [y/N] ")
    assert network_exists(unused_a)

    mine = pydock("network", "prune", "--filter", label, input="y\n")
    assert mine.code == 0, mine.err
    head, _, rest = mine.out.partition("[y/N] ")
    lines = rest.split("\n")
    assert lines[0] == "Deleted Networks:" and sorted(lines[1:3]) == sorted([unused_a, unused_b])
    assert lines[3:] == ["", ""]
    assert not network_exists(unused_a) and not network_exists(unused_b)
    assert network_exists(used) and network_exists(other)
    again = ("network", "prune", "-f", "--filter", label)
    assert_same(pydock(*again), docker(*again))


def test_objects_created_by_pydock_are_seen_by_docker_and_back(pydock, docker, nets):
    mine = nets.name("mine")
    assert pydock("network", "create", "--label", nets.label, mine).code == 0
    theirs = nets.create("theirs")
    for tool in (pydock, docker):
        listing = tool("network", "ls", "--format", "{{.Name}}", "--filter", f"label={nets.label}")
        assert listing.out == f"{mine}\n{theirs}\n"
    assert_same(pydock("network", "inspect", mine, theirs), docker("network", "inspect", mine, theirs))
    assert pydock("network", "rm", theirs).out == f"{theirs}\n"
    assert docker("network", "rm", mine).out == f"{mine}\n"


@pytest.mark.parametrize("group", ["network", "volume"])
def test_ctrl_c_at_the_prune_prompt_cancels_like_docker(nets, group):
    """docker prints a newline and exits 0; nothing is pruned."""
    outputs = []
    for argv in (PYDOCK, [DOCKER]):
        child = pexpect.spawn(argv[0], [*argv[1:], group, "prune", "--filter", f"label={nets.label}"], timeout=20)
        child.expect_exact(b"[y/N] ")
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
        outputs.append((child.before, child.exitstatus))
    assert outputs[0] == outputs[1] == (b"^C\r\n", 0)


@pytest.mark.parametrize("redirect", [">&-", "2>&-", ">&- 2>&-", "<&-"])
def test_closed_standard_streams_end_like_docker(nets, redirect):
    """A closed stream is /dev/null to docker (Go's runtime opens it at start): the command still runs."""
    results = []
    for tool, argv in (("pydock", PYDOCK), ("docker", [DOCKER])):
        name = nets.name(tool)
        script = f'"$@" network create --label {nets.label} {name} {redirect}; echo "$?" >&3; ' \
                 f'"$@" network inspect -f x pydt-missing-net {redirect}; echo "$?" >&3'
        proc = subprocess.run(["sh", "-c", f"exec 3>&1; ( {script} ) 1>/dev/null", "sh", *argv],
                              capture_output=True, text=True, timeout=60)
        results.append((proc.stdout, proc.stderr.replace("pydock", "docker"), network_exists(name)))
    assert results[0] == results[1]
    assert results[0][0] == "0\n1\n" and results[0][2]


@pytest.mark.parametrize("sig, ignored", [(signal.SIGTERM, False), (signal.SIGINT, True)])
def test_termination_signal_at_the_prune_prompt_cancels_like_docker(nets, sig, ignored):
    """docker cancels its prompt on SIGTERM too, and on a SIGINT the shell started it ignoring (a `&` job):
    a newline, exit 0. (docker races its own exit against that newline and drops it now and then.)"""
    outputs = []
    for argv in (PYDOCK, [DOCKER]):
        child = subprocess.Popen([*argv, "network", "prune", "--filter", f"label={nets.label}"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignored else None)
        prompt = b""
        while not prompt.endswith(b"[y/N] "):
            prompt += child.stdout.read1(1024)
        child.send_signal(sig)
        out, err = child.communicate(timeout=20)
        outputs.append((prompt, out, err, child.returncode))
    mine, theirs = outputs
    assert mine == (theirs[0], b"\n", b"", 0)
    assert theirs[1:] in ((b"\n", b"", 0), (b"", b"", 0))


# -- docker's feature annotations: an engine (or DOCKER_API_VERSION) older than a command or flag needs

@pytest.mark.parametrize("version,args", [
    ("1.20", ["network", "ls", "-q"]),
    ("1.20", ["network", "inspect", "bridge"]),
    ("1.20", ["network", "create", "{name}"]),
    ("1.24", ["network", "prune", "-f", "--filter", "label={label}"]),
    ("1.24", ["network", "create", "--attachable", "{name}"]),
    ("1.28", ["network", "create", "--ingress", "{name}"]),
    ("1.29", ["network", "create", "--config-only", "--scope", "local", "{name}"]),
    ("1.29", ["network", "create", "--config-from", "{name}x", "{name}"]),
    ("1.24", ["network", "--help"]),
    ("1.24", ["network", "create", "--help"]),
    ("1.20", ["network"]),
    ("1.20", ["network", "--help"]),
    ("1.20", ["help", "network"]),
    ("1.20", ["network", "bogus"]),
    ("1.20", ["network", "bogus", "-x"]),
])
def test_too_old_an_api_is_refused_as_docker_does(pydock, docker, nets, version, args):
    """docker's areSubcommandsSupported/areFlagsSupported: `docker network ls requires API version 1.21,
    but …` or `"--attachable" requires API version 1.25, but …`, exit 1, before anything is sent; and
    --help leaves out what the engine cannot do."""
    name = nets.name("oldapi")
    argv = [a.format(name=name, label=nets.label) for a in args]
    env = {"DOCKER_API_VERSION": version}
    mine, theirs = pydock(*argv, env=env), docker(*argv, env=env)
    assert mine.out.replace("pydock", "docker") == theirs.out
    assert mine.err == as_pydock(theirs.err).replace("docker network", "pydock network")
    assert mine.code == theirs.code
    assert not network_exists(name)
    if "--help" not in args and "help" not in args:
        assert mine.code == 1 and "requires API version" in mine.err


@pytest.mark.parametrize("template", [
    "{{.Created.Unix}}", "{{.Created.UnixNano}}", "{{printf \"%T\" .Created.Unix}}", "{{.Created.Year}}",
    "{{.Created.Month}} {{printf \"%d\" .Created.Month}}", "{{.Created.Weekday}}", "{{.Created.YearDay}}",
    "{{.Created.Format \"2006-01-02T15:04:05.000Z07:00 Mon Jan _2 3PM MST\"}}", "{{.Created.UTC}}",
    "{{.Created.IsZero}}", "{{.Created.Bogus}}",
])
def test_inspect_calls_time_methods_as_docker(pydock, docker, nets, template):
    """time.Time's methods in templates (`.Created.Unix`, `.Format`), as scripts use them for ages."""
    name = nets.create("time")
    assert_same(pydock("network", "inspect", "-f", template, name), docker("network", "inspect", "-f", template, name))


@pytest.mark.parametrize("template", ["{{.Metadata.LastTagTime.Unix}}", "{{.Metadata.LastTagTime.IsZero}}",
                                      "{{.Metadata.LastTagTime.Format \"2006\"}}"])
def test_image_inspect_time_methods_as_docker(pydock, docker, template):
    assert_same(pydock("image", "inspect", "-f", template, "busybox"),
                docker("image", "inspect", "-f", template, "busybox"))
