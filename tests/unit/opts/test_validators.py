"""Per-flag validators of run/create, with docker's messages."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts import validators as v


def test_ip_addresses_are_normalized():
    assert v.validate_ip_address(" 8.8.8.8 ") == "8.8.8.8"
    assert v.validate_ip_address("0:0:0:0:0:0:0:1") == "::1"
    assert v.validate_ip_address("::ffff:1.2.3.4") == "1.2.3.4"
    with pytest.raises(OptError, match="^IP address is not correctly formatted: abc$"):
        v.validate_ip_address("abc")


@pytest.mark.parametrize("mac, ok", [
    ("92:d0:c6:0a:29:33", True), ("92-d0-c6-0a-29-33", True), ("92d0.c60a.2933", True),
    ("00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01", True), ("zz", False),
    ("92:d0:c6:0a:29", False), ("92:d0-c6:0a:29:33", False),
])
def test_mac_addresses(mac, ok):
    assert v.is_valid_mac(mac) is ok


def test_dns_search():
    assert v.validate_dns_search("example.com") == "example.com"
    assert v.validate_dns_search(".") == "."
    for bad in ("-x", "123", "a..b"):
        with pytest.raises(OptError, match="is not a valid domain"):
            v.validate_dns_search(bad)


@pytest.mark.parametrize("value, result", [
    ("h:1.2.3.4", "h:1.2.3.4"), ("h=1.2.3.4", "h:1.2.3.4"), ("h:::1", "h:::1"), ("h=[::1]", "h:::1"),
    ("h:host-gateway", "h:host-gateway"),
])
def test_extra_hosts(value, result):
    assert v.validate_extra_host(value) == result


def test_bad_extra_hosts():
    with pytest.raises(OptError, match='^bad format for add-host: "foo"$'):
        v.validate_extra_host("foo")
    with pytest.raises(OptError, match='^invalid IP address in add-host: "x"$'):
        v.validate_extra_host("h:x")


def test_links_sysctls_attach():
    assert v.validate_link("a:b") == "a:b"
    with pytest.raises(OptError, match="^bad format for links: a:b:c$"):
        v.validate_link("a:b:c")
    assert v.validate_sysctl("net.ipv4.ip_forward=1") == "net.ipv4.ip_forward=1"
    assert v.validate_sysctl("kernel.shmmax=1") == "kernel.shmmax=1"
    with pytest.raises(OptError, match="^sysctl 'foo=1' is not allowed$"):
        v.validate_sysctl("foo=1")
    assert v.validate_attach("STDIN") == "stdin"
    with pytest.raises(OptError, match="^valid streams are STDIN, STDOUT and STDERR$"):
        v.validate_attach("x")


def test_ulimits():
    assert v.parse_ulimit("nofile=1024:2048") == {"Name": "nofile", "Soft": 1024, "Hard": 2048}
    assert v.parse_ulimit("nproc=10") == {"Name": "nproc", "Soft": 10, "Hard": 10}
    assert v.parse_ulimit("core=-1") == {"Name": "core", "Soft": -1, "Hard": -1}
    for value, message in (("nofile", "invalid ulimit argument: nofile"), ("foo=1", "invalid ulimit type: foo"),
                           ("nofile=2:1", "ulimit soft limit must be less than or equal to hard limit: 2 > 1"),
                           ("nofile=1:2:3", "too many limit value arguments - 1:2:3, can only have up to two")):
        with pytest.raises(OptError, match=f"^{message}"):
            v.parse_ulimit(value)


def test_device_rates_and_weights():
    assert v.validate_throttle_bps("/dev/sda:1mb") == {"Path": "/dev/sda", "Rate": 1024 * 1024}
    assert v.validate_throttle_iops("/dev/sda:100") == {"Path": "/dev/sda", "Rate": 100}
    assert v.validate_weight_device("/dev/sda:200") == {"Path": "/dev/sda", "Weight": 200}
    with pytest.raises(OptError, match="^bad format for device path: sda:1$"):
        v.validate_throttle_bps("sda:1")
    with pytest.raises(OptError, match="^invalid weight for device: /dev/sda:5$"):
        v.validate_weight_device("/dev/sda:5")


@pytest.mark.parametrize("value, mapping", [
    ("/dev/null", {"PathOnHost": "/dev/null", "PathInContainer": "/dev/null", "CgroupPermissions": "rwm"}),
    ("/dev/null:/dev/x", {"PathOnHost": "/dev/null", "PathInContainer": "/dev/x", "CgroupPermissions": "rwm"}),
    ("/dev/null:rw", {"PathOnHost": "/dev/null", "PathInContainer": "/dev/null", "CgroupPermissions": "rw"}),
    ("/dev/null:/dev/x:r", {"PathOnHost": "/dev/null", "PathInContainer": "/dev/x", "CgroupPermissions": "r"}),
])
def test_devices(value, mapping):
    assert v.parse_linux_device(v.validate_linux_device(value)) == mapping


def test_bad_devices_and_cdi_names():
    with pytest.raises(OptError, match="^rel is not an absolute path$"):
        v.validate_linux_device("/dev/null:rel")
    with pytest.raises(OptError, match="^bad mode specified: x$"):
        v.validate_linux_device("/dev/null:/dev/x:x")
    assert v.is_cdi_name("nvidia.com/gpu=all") and not v.is_cdi_name("/dev/null")
    assert v.validate_device_cgroup_rule("c 1:3 mr") == "c 1:3 mr"
    with pytest.raises(OptError, match="^invalid device cgroup format 'x'$"):
        v.validate_device_cgroup_rule("x")


def test_restart_policies():
    assert v.parse_restart_policy("no") == {"Name": "no", "MaximumRetryCount": 0}
    assert v.parse_restart_policy("on-failure:3") == {"Name": "on-failure", "MaximumRetryCount": 3}
    assert v.parse_restart_policy("") == {"Name": "", "MaximumRetryCount": 0}
    with pytest.raises(OptError, match="maximum retry count must be an integer"):
        v.parse_restart_policy("on-failure:x")
    with pytest.raises(OptError, match="no policy provided before colon"):
        v.parse_restart_policy(":3")


def test_security_and_storage_and_logging(tmp_path):
    profile = tmp_path / "seccomp.json"
    profile.write_text('{ "defaultAction" : "SCMP_ACT_ALLOW" }')
    assert v.parse_security_opts(["no-new-privileges", "label:disable", f"seccomp={profile}"]) == \
        ["no-new-privileges", "label:disable", 'seccomp={"defaultAction":"SCMP_ACT_ALLOW"}']
    with pytest.raises(OptError, match='^Invalid --security-opt: "foo"$'):
        v.parse_security_opts(["foo"])
    assert v.parse_system_paths(["systempaths=unconfined"]) == ([], [], [])
    assert v.parse_system_paths(["a=b"]) == (["a=b"], None, None)
    assert v.parse_storage_opts(["size=1G"]) == {"size": "1G"}
    with pytest.raises(OptError, match="^invalid storage option$"):
        v.parse_storage_opts(["x"])
    assert v.parse_logging_opts("json-file", ["max-size=1m", "x"]) == {"max-size": "1m", "x": ""}
    with pytest.raises(OptError, match="^invalid logging opts for driver none$"):
        v.parse_logging_opts("none", ["a=b"])
