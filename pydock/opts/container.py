"""The one parser behind `run` and `create`: flag values -> Config, HostConfig, NetworkingConfig.

It follows docker's cli/command/container/opts.go `parse`. Values arrive already checked by
their flag (sizes in bytes, durations in nanoseconds, env and labels validated); this module
combines them and applies the checks docker makes once all flags are known.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from . import OptError
from .env import kv_to_map, read_kv_env_strings, read_kv_strings
from .mounts import parse_tmpfs, split_volumes
from .network import endpoints_config, network_mode
from .ports import parse_expose, parse_port_specs, to_standard_notation
from .validators import (
    is_cdi_name,
    is_valid_mac,
    parse_linux_device,
    parse_logging_opts,
    parse_restart_policy,
    parse_security_opts,
    parse_storage_opts,
    parse_system_paths,
    validate_linux_device,
)

# Every option of the shared flag set and its default (as the flag would leave it).
DEFAULTS: dict[str, Any] = {
    "attach": (), "device_cgroup_rule": (), "device": (), "env": (), "env_file": (), "entrypoint": None,
    "group_add": (), "hostname": "", "domainname": "", "interactive": False, "label": (), "label_file": (),
    "read_only": False, "restart": "no", "stop_signal": "", "stop_timeout": None, "sysctl": (), "tty": False,
    "ulimit": (), "user": "", "workdir": "", "rm": False, "cap_add": (), "cap_drop": (), "privileged": False,
    "security_opt": (), "userns": "", "cgroupns": "", "add_host": (), "dns": (), "dns_option": (),
    "dns_search": (), "expose": (), "ip": "", "ip6": "", "link": (), "link_local_ip": (), "mac_address": "",
    "publish": (), "publish_all": False, "network": (), "network_alias": (), "log_driver": "",
    "volume_driver": "", "log_opt": (), "storage_opt": (), "tmpfs": (), "volumes_from": (), "volume": (),
    "mount": (), "health_cmd": "", "health_interval": 0, "health_retries": 0, "health_timeout": 0,
    "health_start_period": 0, "health_start_interval": 0, "no_healthcheck": False, "blkio_weight": 0,
    "blkio_weight_device": (), "cidfile": "", "cpuset_cpus": "", "cpuset_mems": "", "cpu_count": 0,
    "cpu_percent": 0, "cpu_period": 0, "cpu_quota": 0, "cpu_rt_period": 0, "cpu_rt_runtime": 0,
    "cpu_shares": 0, "cpus": 0, "device_read_bps": (), "device_read_iops": (), "device_write_bps": (),
    "device_write_iops": (), "io_maxbandwidth": 0, "io_maxiops": 0, "kernel_memory": 0, "memory": 0,
    "memory_reservation": 0, "memory_swap": 0, "memory_swappiness": -1, "oom_kill_disable": False,
    "oom_score_adj": 0, "pids_limit": 0, "cgroup_parent": "", "ipc": "", "isolation": "", "pid": "",
    "shm_size": 0, "uts": "", "runtime": "", "init": None, "annotation": (),
    "gpus": (),
}


@dataclass
class ContainerConfig:
    config: dict
    host_config: dict
    networking_config: dict
    api_socket_auths: dict | None = None  # --use-api-socket: credentials copied in after create

    def body(self) -> dict:
        """The POST /containers/create body: Config's fields plus HostConfig and NetworkingConfig."""
        return {**self.config, "HostConfig": self.host_config, "NetworkingConfig": self.networking_config}


def parse(values: Mapping[str, Any], image: str, args=(), *, server_os: str = "linux") -> ContainerConfig:
    """Turn run/create option values into the three API bodies, or raise OptError."""
    o = {**DEFAULTS, **{k: v for k, v in values.items() if k in DEFAULTS}}
    if o["mac_address"] and not is_valid_mac(o["mac_address"]):
        raise OptError(f"{o['mac_address']} is not a valid mac address")
    swappiness = o["memory_swappiness"]
    if swappiness != -1 and not 0 <= swappiness <= 100:
        raise OptError(f"invalid value: {swappiness}. Valid memory swappiness range is 0-100")
    binds, volumes = split_volumes(o["volume"])
    exposed, bindings = parse_port_specs(to_standard_notation(o["publish"]))
    parse_expose(o["expose"], exposed)
    devices, device_requests = _devices(o["device"], server_os, o["gpus"])
    env = read_kv_env_strings(o["env_file"], o["env"]) or None
    labels = kv_to_map(read_kv_strings(o["label_file"], o["label"]))
    _check_namespaces(o)
    restart = parse_restart_policy(o["restart"])
    log_opts = parse_logging_opts(o["log_driver"], o["log_opt"])
    security, masked, readonly_paths = parse_system_paths(parse_security_opts(o["security_opt"]))
    storage = parse_storage_opts(o["storage_opt"])
    healthcheck = _healthcheck(o)
    config = _config(o, image, args, exposed, env, volumes, labels, healthcheck)
    host = _host_config(o, binds, bindings, restart, log_opts, security if o["security_opt"] else None, storage, masked,
                        readonly_paths, devices, device_requests)
    if o["rm"] and restart["Name"] not in ("no", ""):
        raise OptError("conflicting options: cannot specify both --restart and --rm")
    if config["OpenStdin"] and config["AttachStdin"]:
        config["StdinOnce"] = True
    endpoints = endpoints_config(list(o["network"]), aliases=o["network_alias"], links=o["link"], ipv4=o["ip"],
                                 ipv6=o["ip6"], mac=o["mac_address"], link_local_ips=o["link_local_ip"])
    main = endpoints.get(_network_name(host["NetworkMode"]))
    if main is not None and main.get("MacAddress"):
        config["MacAddress"] = main["MacAddress"]
    return ContainerConfig(config, host, {"EndpointsConfig": endpoints})


def _network_name(mode: str) -> str:
    return "container" if mode.startswith("container:") else mode


def _devices(values, server_os: str, gpus=()) -> tuple[list[dict], list[dict] | None]:
    mappings, cdi_names = [], []
    for device in values:
        if is_cdi_name(device):
            cdi_names.append(device)
        elif server_os == "windows":
            mappings.append({"PathOnHost": device, "PathInContainer": "", "CgroupPermissions": ""})
        else:
            mappings.append(parse_linux_device(validate_linux_device(device)))
    requests = list(gpus)  # docker: the --gpus requests, then one for the CDI devices
    if cdi_names:
        requests.append({"Driver": "cdi", "Count": 0, "DeviceIDs": cdi_names, "Capabilities": None, "Options": None})
    return mappings, requests or None


def _check_namespaces(o) -> None:
    def is_container(mode):
        kind, sep, name = mode.partition(":")
        return kind == "container" and sep and name
    if not (o["pid"] in ("", "host") or is_container(o["pid"])):
        raise OptError("--pid: invalid PID mode")
    if o["uts"] not in ("", "host"):
        raise OptError("--uts: invalid UTS mode")
    if o["userns"] not in ("", "host"):
        raise OptError("--userns: invalid USER mode")
    if o["cgroupns"] not in ("", "host", "private"):
        raise OptError("--cgroupns: invalid CGROUP mode")


def _healthcheck(o) -> dict | None:
    durations = ("health_interval", "health_timeout", "health_start_period", "health_start_interval")
    wanted = bool(o["health_cmd"]) or o["health_retries"] != 0 or any(o[k] != 0 for k in durations)
    if o["no_healthcheck"]:
        if wanted:
            raise OptError("--no-healthcheck conflicts with --health-* options")
        return {"Test": ["NONE"]}
    if not wanted:
        return None
    for key in ("health_interval", "health_timeout", "health_retries", "health_start_period",
                "health_start_interval"):
        if o[key] < 0:
            raise OptError(f"--{key.replace('_', '-')} cannot be negative")
    check = {"Test": ["CMD-SHELL", o["health_cmd"]] if o["health_cmd"] else None,
             "Interval": o["health_interval"], "Timeout": o["health_timeout"],
             "StartPeriod": o["health_start_period"], "StartInterval": o["health_start_interval"],
             "Retries": o["health_retries"]}
    return {k: v for k, v in check.items() if v}


def _config(o, image, args, exposed, env, volumes, labels, healthcheck) -> dict:
    attach = set(o["attach"])
    attach_stdin = "stdin" in attach or o["interactive"]
    attach_out = "stdout" in attach or not attach
    attach_err = "stderr" in attach or not attach
    if o["entrypoint"]:
        entrypoint = [o["entrypoint"]]
    elif o["entrypoint"] is not None:
        entrypoint = [""]  # `--entrypoint=""` resets the image's entrypoint
    else:
        entrypoint = None
    config = {"Hostname": o["hostname"], "Domainname": o["domainname"], "User": o["user"],
              "AttachStdin": attach_stdin, "AttachStdout": attach_out, "AttachStderr": attach_err,
              "ExposedPorts": exposed, "Tty": o["tty"], "OpenStdin": o["interactive"], "StdinOnce": False,
              "Env": env, "Cmd": list(args) or None, "Healthcheck": healthcheck, "Image": image,
              "Volumes": volumes, "WorkingDir": o["workdir"], "Entrypoint": entrypoint, "OnBuild": None,
              "Labels": labels, "StopSignal": o["stop_signal"], "StopTimeout": o["stop_timeout"]}
    for key in ("ExposedPorts", "Healthcheck", "StopSignal", "StopTimeout"):
        if config[key] in ({}, None, ""):
            del config[key]
    return config


def _host_config(o, binds, bindings, restart, log_opts, security, storage, masked, readonly_paths,
                 devices, device_requests) -> dict:
    host = {
        "Binds": binds or None, "ContainerIDFile": o["cidfile"],
        "LogConfig": {"Type": o["log_driver"], "Config": log_opts}, "NetworkMode": network_mode(o["network"]),
        "PortBindings": bindings, "RestartPolicy": restart, "AutoRemove": o["rm"],
        "VolumeDriver": o["volume_driver"], "VolumesFrom": list(o["volumes_from"]) or None,
        "ConsoleSize": [0, 0], "CapAdd": normalize_capabilities(o["cap_add"]),
        "CapDrop": normalize_capabilities(o["cap_drop"]), "CgroupnsMode": o["cgroupns"],
        "Dns": list(o["dns"]), "DnsOptions": list(o["dns_option"]), "DnsSearch": list(o["dns_search"]),
        "ExtraHosts": list(o["add_host"]) or None, "GroupAdd": list(o["group_add"]) or None,
        "IpcMode": o["ipc"], "Cgroup": "", "Links": list(o["link"]) or None, "OomScoreAdj": o["oom_score_adj"],
        "PidMode": o["pid"], "Privileged": o["privileged"], "PublishAllPorts": o["publish_all"],
        "ReadonlyRootfs": o["read_only"], "SecurityOpt": security, "UTSMode": o["uts"],
        "UsernsMode": o["userns"], "ShmSize": o["shm_size"], "Isolation": o["isolation"],
        **_resources(o, devices, device_requests),
        "MaskedPaths": masked, "ReadonlyPaths": readonly_paths,
    }
    optional = {"Annotations": kv_to_map(o["annotation"]), "StorageOpt": storage, "Tmpfs": parse_tmpfs(o["tmpfs"]),
                "Sysctls": kv_to_map(o["sysctl"]), "Runtime": o["runtime"], "Mounts": list(o["mount"]),
                "Init": o["init"]}
    host.update({k: v for k, v in optional.items() if v not in ({}, [], "", None)})
    return host


def _resources(o, devices, device_requests) -> dict:
    ulimits = {u["Name"]: u for u in o["ulimit"]}
    resources = {
        "CpuShares": o["cpu_shares"], "Memory": o["memory"], "NanoCpus": o["cpus"],
        "CgroupParent": o["cgroup_parent"], "BlkioWeight": o["blkio_weight"],
        "BlkioWeightDevice": list(o["blkio_weight_device"]), "BlkioDeviceReadBps": list(o["device_read_bps"]),
        "BlkioDeviceWriteBps": list(o["device_write_bps"]), "BlkioDeviceReadIOps": list(o["device_read_iops"]),
        "BlkioDeviceWriteIOps": list(o["device_write_iops"]), "CpuPeriod": o["cpu_period"],
        "CpuQuota": o["cpu_quota"], "CpuRealtimePeriod": o["cpu_rt_period"],
        "CpuRealtimeRuntime": o["cpu_rt_runtime"], "CpusetCpus": o["cpuset_cpus"], "CpusetMems": o["cpuset_mems"],
        "Devices": devices, "DeviceCgroupRules": list(o["device_cgroup_rule"]) or None,
        "DeviceRequests": device_requests, "MemoryReservation": o["memory_reservation"],
        "MemorySwap": o["memory_swap"], "MemorySwappiness": o["memory_swappiness"],
        "OomKillDisable": o["oom_kill_disable"], "PidsLimit": o["pids_limit"],
        "Ulimits": [ulimits[name] for name in sorted(ulimits)], "CpuCount": o["cpu_count"],
        "CpuPercent": o["cpu_percent"], "IOMaximumIOps": o["io_maxiops"], "IOMaximumBandwidth": o["io_maxbandwidth"],
    }
    if o["kernel_memory"]:
        resources["KernelMemory"] = o["kernel_memory"]
    return resources


def normalize_capabilities(caps) -> list[str] | None:
    """As docker's client does: upper case, a CAP_ prefix (except ALL), unique, sorted."""
    out = set()
    for cap in caps:
        cap = cap.upper()
        if cap != "ALL" and not cap.startswith("CAP_"):
            cap = "CAP_" + cap
        out.add(cap)
    return sorted(out) or None
