"""`info` without --format: docker's Client and Server sections on synthetic data."""
from __future__ import annotations

import pytest

from pydock.formatting.contexts.info_text import client_text, decode_security_options, server_text
from pydock.formatting.contexts.system import docker_info


def test_security_options():
    assert decode_security_options(["name=seccomp,profile=default", "name=rootless", "apparmor"]) == [
        ("seccomp", [("profile", "default")]), ("rootless", []), ("apparmor", [])]
    with pytest.raises(ValueError, match='invalid security option "bogus"'):
        decode_security_options(["name=x,bogus"])


def test_client_section():
    client = docker_info(None, {"Debug": True, "Version": "0.1.0", "Context": "pydt-ctx"}).ClientInfo
    assert client_text(client) == "Client:\n Version:    0.1.0\n Context:    pydt-ctx\n Debug Mode: true\n"


INFO = {
    "ID": "X:Y", "Containers": 3, "ContainersRunning": 1, "ContainersPaused": 0, "ContainersStopped": 2,
    "Images": 5, "Driver": "overlay2", "DriverStatus": [["Backing Filesystem", "extfs"]],
    "Plugins": {"Volume": ["local"], "Network": ["bridge", "host"], "Authorization": ["authz"], "Log": ["json-file"]},
    "LoggingDriver": "json-file", "CgroupDriver": "systemd", "CgroupVersion": "2",
    "KernelVersion": "6.1", "OperatingSystem": "Debian", "OSType": "linux", "Architecture": "x86_64",
    "NCPU": 4, "MemTotal": 8 * 1024 ** 3, "Name": "node1", "DockerRootDir": "/var/lib/docker",
    "HttpProxy": "http://proxy:3128", "Labels": ["a=b"], "ServerVersion": "28.0.0",
    "Runtimes": {"runc": {"path": "runc"}}, "DefaultRuntime": "runc",
    "Swarm": {"NodeID": "n1", "NodeAddr": "10.88.0.1", "LocalNodeState": "active", "ControlAvailable": True,
              "Error": "", "RemoteManagers": [{"NodeID": "n1", "Addr": "10.88.0.1:2377"}], "Nodes": 2,
              "Managers": 1, "Cluster": {
                  "ID": "c1", "DefaultAddrPool": ["10.0.0.0/8"], "SubnetSize": 24, "DataPathPort": 4789,
                  "Spec": {"Orchestration": {"TaskHistoryRetentionLimit": 5},
                           "Raft": {"SnapshotInterval": 10000, "KeepOldSnapshots": 0, "HeartbeatTick": 1,
                                    "ElectionTick": 10},
                           "Dispatcher": {"HeartbeatPeriod": 5000000000},
                           "CAConfig": {"NodeCertExpiry": 7776000000000000},
                           "EncryptionConfig": {"AutoLockManagers": False}},
                  "RootRotationInProgress": False}},
    "InitBinary": "docker-init", "ContainerdCommit": {"ID": "c"}, "RuncCommit": {"ID": "r"}, "InitCommit": {"ID": "i"},
    "SecurityOptions": ["name=seccomp,profile=builtin", "name=cgroupns"],
    "RegistryConfig": {"InsecureRegistryCIDRs": ["127.0.0.0/8"], "Mirrors": ["http://m/"],
                       "IndexConfigs": {"insecure.io": {"Name": "insecure.io", "Secure": False},
                                        "docker.io": {"Name": "docker.io", "Secure": True}}},
    "DefaultAddressPools": [{"Base": "10.10.0.0/16", "Size": 24}],
    "Warnings": ["WARNING: bridge-nf-call-iptables is disabled"],
}


def test_server_section():
    text, warnings, errors = server_text(docker_info(INFO, {"Context": "default"}), client_debug=False,
                                         username="pydt")
    assert errors == []
    assert warnings == ["WARNING: bridge-nf-call-iptables is disabled"]
    assert text == """\
 Containers: 3
  Running: 1
  Paused: 0
  Stopped: 2
 Images: 5
 Server Version: 28.0.0
 Storage Driver: overlay2
  Backing Filesystem: extfs
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host
  Authorization: authz
  Log: json-file
 Swarm: active
  NodeID: n1
  Is Manager: true
  ClusterID: c1
  Managers: 1
  Nodes: 2
  Default Address Pool: 10.0.0.0/8  
  SubnetSize: 24
  Data Path Port: 4789
  Orchestration:
   Task History Retention Limit: 5
  Raft:
   Snapshot Interval: 10000
   Number of Old Snapshots to Retain: 0
   Heartbeat Tick: 1
   Election Tick: 10
  Dispatcher:
   Heartbeat Period: 5 seconds
  CA Configuration:
   Expiry Duration: 3 months
   Force Rotate: 0
  Autolock Managers: false
  Root Rotation In Progress: false
  Node Address: 10.88.0.1
  Manager Addresses:
   10.88.0.1:2377
 Runtimes: runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: c
 runc version: r
 init version: i
 Security Options:
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: 6.1
 Operating System: Debian
 OSType: linux
 Architecture: x86_64
 CPUs: 4
 Total Memory: 8GiB
 Name: node1
 ID: X:Y
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 HTTP Proxy: http://proxy:3128
 Username: pydt
 Labels:
  a=b
 Experimental: false
 Insecure Registries:
  insecure.io
  127.0.0.0/8
 Registry Mirrors:
  http://m/
 Live Restore Enabled: false
 Default Address Pools:
   Base: 10.10.0.0/16, Size: 24

"""


def test_client_debug_shows_daemon_counters():
    text, _, _ = server_text(docker_info({**INFO, "NFd": 7, "SystemTime": "t"}, {}), client_debug=True)
    assert "  File Descriptors: 7\n  Goroutines: 0\n  System Time: t\n  EventsListeners: 0\n" in text


def test_bad_security_option_is_an_error():
    _, _, errors = server_text(docker_info({**INFO, "SecurityOptions": ["name=x,oops"]}, {}), client_debug=False)
    assert errors == ['invalid security option "oops"']
