"""POST /build's query, as the docker client's imageBuildOptionsToQuery builds it."""
from __future__ import annotations

import base64
import json

import pytest

from pydock.api.build import BuildOptions, build_params, registry_config_header


def test_defaults_send_only_the_builder_version():
    assert build_params(BuildOptions()) == [("version", "1")]


@pytest.mark.parametrize("options, expected", [
    ({"tags": ["a", "b:2"]}, [("t", "a"), ("t", "b:2")]),
    ({"quiet": True, "nocache": True, "pull": True, "forcerm": True}, [("forcerm", "1"), ("nocache", "1"),
                                                                       ("pull", "1"), ("q", "1")]),
    ({"rm": False}, [("rm", "0")]),  # only sent when opting out
    ({"network_mode": "default"}, []), ({"network_mode": "host"}, [("networkmode", "host")]),
    ({"isolation": "default"}, []), ({"isolation": "Default"}, []), ({"isolation": "process"},
                                                                      [("isolation", "process")]),
    ({"memory": 256 << 20, "memswap": -1, "shm_size": 64 << 20},
     [("memory", "268435456"), ("memswap", "-1"), ("shmsize", "67108864")]),
    ({"cpu_shares": 512, "cpu_period": 100000, "cpu_quota": 50000, "cpuset_cpus": "0-1", "cpuset_mems": "0"},
     [("cpuperiod", "100000"), ("cpuquota", "50000"), ("cpusetcpus", "0-1"), ("cpusetmems", "0"),
      ("cpushares", "512")]),
    ({"buildargs": {"B": "2", "A": None}}, [("buildargs", '{"A":null,"B":"2"}')]),
    ({"labels": {"z": "", "a.b": "c d"}}, [("labels", '{"a.b":"c d","z":""}')]),
    ({"ulimits": [{"Name": "nofile", "Hard": 2048, "Soft": 1024}]},
     [("ulimits", '[{"Name":"nofile","Hard":2048,"Soft":1024}]')]),
    ({"extra_hosts": ["h:1.2.3.4", "g:5.6.7.8"], "security_opt": ["seccomp=unconfined"]},
     [("extrahosts", "h:1.2.3.4"), ("extrahosts", "g:5.6.7.8"), ("securityopt", "seccomp=unconfined")]),
    ({"cache_from": ["x", "y"]}, [("cachefrom", '["x","y"]')]),
    ({"platform": "Linux/AMD64"}, [("platform", "linux/amd64")]),
    ({"dockerfile": "sub/Dockerfile", "target": "one", "cgroup_parent": "cg", "squash": True, "remote": "r"},
     [("cgroupparent", "cg"), ("dockerfile", "sub/Dockerfile"), ("remote", "r"), ("squash", "1"),
      ("target", "one")]),
])
def test_query(options, expected):
    assert build_params(BuildOptions(**options)) == sorted(expected + [("version", "1")], key=lambda kv: kv[0])


def test_registry_config_header_is_url_safe_base64_json():
    assert registry_config_header({}) == "e30="  # what docker sends without credentials
    header = registry_config_header({"127.0.0.1:5000": {"username": "u", "password": "p?>"}})
    assert json.loads(base64.urlsafe_b64decode(header)) == {"127.0.0.1:5000": {"username": "u", "password": "p?>"}}
