"""run/create settings in two steps, shared by the CLI and the Python API (docker's opts.go `parse`).

    `pydock run` flag values  --parse_flags-->  ContainerSpec  --build-->  ContainerConfig
    docker-py keywords (models/container_args.py) ---^

`parse_flags` is the string parser: it turns flag values (as the flags left them: sizes in bytes,
durations in nanoseconds, env and labels validated) into typed values and makes the checks docker
makes once all flags are known. `build` is the typed body builder: ContainerSpec -> Config,
HostConfig and NetworkingConfig. ContainerSpec's field defaults are the one source of defaults:
what a container gets for a flag or keyword left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from . import OptError
from .env import kv_to_map, read_kv_env_strings, read_kv_strings
from .mounts import parse_tmpfs, split_volumes
from .network import default_endpoints, endpoints_config, network_mode
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


def _list():
    return field(default_factory=list)


def _dict():
    return field(default_factory=dict)


@dataclass
class ContainerSpec:
    """A container to create, as typed values (names follow docker-py's keywords where it has one).

    Units: sizes in bytes, durations in nanoseconds, CPU in units of 1e-9 CPUs (nano_cpus).
    Structured values already have the Engine API's shape (port_bindings, mounts, devices, ulimits …).
    """

    image: str = ""
    command: list[str] | None = None
    entrypoint: list[str] | None = None  # [""] resets the image's entrypoint
    # Config
    hostname: str = ""
    domainname: str = ""
    user: str = ""
    working_dir: str = ""
    attach_stdin: bool = False
    attach_stdout: bool = True
    attach_stderr: bool = True
    tty: bool = False
    stdin_open: bool = False
    stdin_once: bool = False
    environment: list[str] | None = None
    labels: dict[str, str] = _dict()
    exposed_ports: dict[str, dict] = _dict()
    volumes: dict[str, dict] = _dict()  # anonymous volumes (Config.Volumes)
    healthcheck: dict | None = None
    stop_signal: str = ""
    stop_timeout: int | None = None
    mac_address: str = ""
    network_disabled: bool = False
    # HostConfig
    binds: list[str] = _list()
    container_id_file: str = ""
    log_config: dict = field(default_factory=lambda: {"Type": "", "Config": {}})
    network_mode: str = "default"
    port_bindings: dict[str, list[dict]] = _dict()
    restart_policy: dict = field(default_factory=lambda: {"Name": "no", "MaximumRetryCount": 0})
    auto_remove: bool = False
    volume_driver: str = ""
    volumes_from: list[str] = _list()
    console_size: list[int] = field(default_factory=lambda: [0, 0])
    cap_add: list[str] = _list()
    cap_drop: list[str] = _list()
    cgroupns: str = ""
    dns: list[str] = _list()
    dns_opt: list[str] = _list()
    dns_search: list[str] = _list()
    extra_hosts: list[str] = _list()
    group_add: list[str] = _list()
    ipc_mode: str = ""
    links: list[str] = _list()
    oom_score_adj: int = 0
    pid_mode: str = ""
    privileged: bool = False
    publish_all_ports: bool = False
    read_only: bool = False
    security_opt: list[str] | None = None
    masked_paths: list[str] | None = None
    readonly_paths: list[str] | None = None
    uts_mode: str = ""
    userns_mode: str = ""
    shm_size: int = 0
    isolation: str = ""
    annotations: dict[str, str] = _dict()
    storage_opt: dict[str, str] = _dict()
    tmpfs: dict[str, str] = _dict()
    sysctls: dict[str, str] = _dict()
    runtime: str = ""
    mounts: list[dict] = _list()
    init: bool | None = None
    init_path: str | None = None
    lxc_conf: list[dict] | None = None
    # HostConfig.Resources
    cpu_shares: int = 0
    mem_limit: int = 0
    nano_cpus: int = 0
    cgroup_parent: str = ""
    blkio_weight: int = 0
    blkio_weight_device: list[dict] = _list()
    device_read_bps: list[dict] = _list()
    device_write_bps: list[dict] = _list()
    device_read_iops: list[dict] = _list()
    device_write_iops: list[dict] = _list()
    cpu_period: int = 0
    cpu_quota: int = 0
    cpu_rt_period: int = 0
    cpu_rt_runtime: int = 0
    cpuset_cpus: str = ""
    cpuset_mems: str = ""
    devices: list[dict] = _list()
    device_cgroup_rules: list[str] = _list()
    device_requests: list[dict] | None = None
    mem_reservation: int = 0
    memswap_limit: int = 0
    mem_swappiness: int = -1
    oom_kill_disable: bool = False
    pids_limit: int = 0
    ulimits: list[dict] = _list()
    cpu_count: int = 0
    cpu_percent: int = 0
    io_maximum_iops: int = 0
    io_maximum_bandwidth: int = 0
    kernel_memory: int = 0
    # NetworkingConfig.EndpointsConfig; None: the default for network_mode
    endpoints_config: dict[str, dict | None] | None = None


@dataclass
class ContainerConfig:
    config: dict
    host_config: dict
    networking_config: dict
    api_socket_auths: dict | None = None  # --use-api-socket: credentials copied in after create

    def body(self) -> dict:
        """The POST /containers/create body: Config's fields plus HostConfig and NetworkingConfig."""
        return {**self.config, "HostConfig": self.host_config, "NetworkingConfig": self.networking_config}


# -- the typed body builder ------------------------------------------------------------------
def build(spec: ContainerSpec) -> ContainerConfig:
    """ContainerSpec -> the three API bodies, with every field docker's client sends."""
    endpoints = spec.endpoints_config
    if endpoints is None:
        endpoints = default_endpoints(spec.network_mode)
    elif endpoints:  # a Go map: marshalled with its keys sorted, and the engine lists them back in that order
        endpoints = dict(sorted(endpoints.items()))
    return ContainerConfig(_config(spec), _host_config(spec), {"EndpointsConfig": endpoints})


def _config(s: ContainerSpec) -> dict:
    config = {"Hostname": s.hostname, "Domainname": s.domainname, "User": s.user,
              "AttachStdin": s.attach_stdin, "AttachStdout": s.attach_stdout, "AttachStderr": s.attach_stderr,
              "ExposedPorts": s.exposed_ports, "Tty": s.tty, "OpenStdin": s.stdin_open, "StdinOnce": s.stdin_once,
              "Env": s.environment, "Cmd": s.command, "Healthcheck": s.healthcheck, "Image": s.image,
              "Volumes": s.volumes, "WorkingDir": s.working_dir, "Entrypoint": s.entrypoint, "OnBuild": None,
              "Labels": s.labels, "StopSignal": s.stop_signal, "StopTimeout": s.stop_timeout}
    for key in ("ExposedPorts", "Healthcheck", "StopSignal", "StopTimeout"):
        if config[key] in ({}, None, ""):
            del config[key]
    if s.mac_address:
        config["MacAddress"] = s.mac_address
    if s.network_disabled:
        config["NetworkDisabled"] = True
    return config


def _host_config(s: ContainerSpec) -> dict:
    host = {
        "Binds": list(s.binds) or None, "ContainerIDFile": s.container_id_file, "LogConfig": s.log_config,
        "NetworkMode": s.network_mode, "PortBindings": s.port_bindings, "RestartPolicy": s.restart_policy,
        "AutoRemove": s.auto_remove, "VolumeDriver": s.volume_driver, "VolumesFrom": list(s.volumes_from) or None,
        "ConsoleSize": list(s.console_size), "CapAdd": normalize_capabilities(s.cap_add),
        "CapDrop": normalize_capabilities(s.cap_drop), "CgroupnsMode": s.cgroupns, "Dns": list(s.dns),
        "DnsOptions": list(s.dns_opt), "DnsSearch": list(s.dns_search), "ExtraHosts": list(s.extra_hosts) or None,
        "GroupAdd": list(s.group_add) or None, "IpcMode": s.ipc_mode, "Cgroup": "", "Links": list(s.links) or None,
        "OomScoreAdj": s.oom_score_adj, "PidMode": s.pid_mode, "Privileged": s.privileged,
        "PublishAllPorts": s.publish_all_ports, "ReadonlyRootfs": s.read_only, "SecurityOpt": s.security_opt,
        "UTSMode": s.uts_mode, "UsernsMode": s.userns_mode, "ShmSize": s.shm_size, "Isolation": s.isolation,
        **_resources(s), "MaskedPaths": s.masked_paths, "ReadonlyPaths": s.readonly_paths,
    }
    optional = {"Annotations": s.annotations, "StorageOpt": s.storage_opt, "Tmpfs": s.tmpfs, "Sysctls": s.sysctls,
                "Runtime": s.runtime, "Mounts": list(s.mounts), "Init": s.init, "InitPath": s.init_path,
                "LxcConf": s.lxc_conf}
    host.update({k: v for k, v in optional.items() if v not in ({}, [], "", None)})
    return host


def _resources(s: ContainerSpec) -> dict:
    ulimits = {u["Name"]: u for u in s.ulimits}
    resources = {
        "CpuShares": s.cpu_shares, "Memory": s.mem_limit, "NanoCpus": s.nano_cpus, "CgroupParent": s.cgroup_parent,
        "BlkioWeight": s.blkio_weight, "BlkioWeightDevice": list(s.blkio_weight_device),
        "BlkioDeviceReadBps": list(s.device_read_bps), "BlkioDeviceWriteBps": list(s.device_write_bps),
        "BlkioDeviceReadIOps": list(s.device_read_iops), "BlkioDeviceWriteIOps": list(s.device_write_iops),
        "CpuPeriod": s.cpu_period, "CpuQuota": s.cpu_quota, "CpuRealtimePeriod": s.cpu_rt_period,
        "CpuRealtimeRuntime": s.cpu_rt_runtime, "CpusetCpus": s.cpuset_cpus, "CpusetMems": s.cpuset_mems,
        "Devices": list(s.devices), "DeviceCgroupRules": list(s.device_cgroup_rules) or None,
        "DeviceRequests": s.device_requests, "MemoryReservation": s.mem_reservation, "MemorySwap": s.memswap_limit,
        "MemorySwappiness": s.mem_swappiness, "OomKillDisable": s.oom_kill_disable, "PidsLimit": s.pids_limit,
        "Ulimits": [ulimits[name] for name in sorted(ulimits)], "CpuCount": s.cpu_count,
        "CpuPercent": s.cpu_percent, "IOMaximumIOps": s.io_maximum_iops, "IOMaximumBandwidth": s.io_maximum_bandwidth,
    }
    if s.kernel_memory:
        resources["KernelMemory"] = s.kernel_memory
    return resources


def normalize_capabilities(caps) -> list[str] | None:
    """As docker's client does: upper case, a CAP_ prefix (except ALL), unique, sorted."""
    out = set()
    for cap in caps or ():
        cap = cap.upper()
        if cap != "ALL" and not cap.startswith("CAP_"):
            cap = "CAP_" + cap
        out.add(cap)
    return sorted(out) or None


# -- the flag parser -------------------------------------------------------------------------
# flags whose value is the field's value as it is: flag -> ContainerSpec field
_AS_IS = {
    "hostname": "hostname", "domainname": "domainname", "user": "user", "workdir": "working_dir", "tty": "tty",
    "interactive": "stdin_open", "read_only": "read_only", "stop_signal": "stop_signal",
    "stop_timeout": "stop_timeout", "rm": "auto_remove", "privileged": "privileged", "userns": "userns_mode",
    "cgroupns": "cgroupns", "ipc": "ipc_mode", "pid": "pid_mode", "uts": "uts_mode", "isolation": "isolation",
    "publish_all": "publish_all_ports", "volume_driver": "volume_driver", "cidfile": "container_id_file",
    "oom_score_adj": "oom_score_adj", "shm_size": "shm_size", "runtime": "runtime", "init": "init",
    "cpu_shares": "cpu_shares", "memory": "mem_limit", "cpus": "nano_cpus", "cgroup_parent": "cgroup_parent",
    "blkio_weight": "blkio_weight", "cpu_period": "cpu_period", "cpu_quota": "cpu_quota",
    "cpu_rt_period": "cpu_rt_period", "cpu_rt_runtime": "cpu_rt_runtime", "cpuset_cpus": "cpuset_cpus",
    "cpuset_mems": "cpuset_mems", "memory_reservation": "mem_reservation", "memory_swap": "memswap_limit",
    "memory_swappiness": "mem_swappiness", "oom_kill_disable": "oom_kill_disable", "pids_limit": "pids_limit",
    "cpu_count": "cpu_count", "cpu_percent": "cpu_percent", "io_maxiops": "io_maximum_iops",
    "io_maxbandwidth": "io_maximum_bandwidth", "kernel_memory": "kernel_memory",
}
# repeatable flags kept as lists: flag -> ContainerSpec field
_LISTS = {
    "volumes_from": "volumes_from", "cap_add": "cap_add", "cap_drop": "cap_drop", "dns": "dns",
    "dns_option": "dns_opt", "dns_search": "dns_search", "add_host": "extra_hosts", "group_add": "group_add",
    "link": "links", "mount": "mounts", "blkio_weight_device": "blkio_weight_device",
    "device_read_bps": "device_read_bps", "device_write_bps": "device_write_bps",
    "device_read_iops": "device_read_iops", "device_write_iops": "device_write_iops",
    "device_cgroup_rule": "device_cgroup_rules", "ulimit": "ulimits",
}


def parse_flags(values: Mapping[str, Any], image: str, args=(), *, server_os: str = "linux") -> ContainerSpec:
    """run/create flag values (keyed by option name, e.g. "memory", "publish") -> ContainerSpec.

    A flag missing from `values` (or None) keeps ContainerSpec's default. Raises OptError with
    docker's wording, checking in docker's order.
    """
    o = {k: v for k, v in values.items() if v is not None}
    spec = ContainerSpec(image=image, command=list(args) or None)
    for flag, name in _AS_IS.items():
        if flag in o:
            setattr(spec, name, o[flag])
    for flag, name in _LISTS.items():
        setattr(spec, name, list(o.get(flag, ())))
    _check_mac_and_swappiness(spec, o)
    spec.binds, spec.volumes = split_volumes(o.get("volume", ()))
    spec.exposed_ports, spec.port_bindings = parse_port_specs(to_standard_notation(o.get("publish", ())))
    parse_expose(o.get("expose", ()), spec.exposed_ports)
    spec.devices, spec.device_requests = _devices(o.get("device", ()), server_os, o.get("gpus", ()))
    spec.environment = read_kv_env_strings(o.get("env_file", ()), o.get("env", ())) or None
    spec.labels = kv_to_map(read_kv_strings(o.get("label_file", ()), o.get("label", ())))
    _check_namespaces(spec)
    if "restart" in o:
        spec.restart_policy = parse_restart_policy(o["restart"])
    spec.log_config = {"Type": o.get("log_driver", ""), "Config": parse_logging_opts(o.get("log_driver", ""),
                                                                                       o.get("log_opt", ()))}
    _security(spec, o.get("security_opt", ()))
    spec.storage_opt = parse_storage_opts(o.get("storage_opt", ()))
    spec.tmpfs, spec.sysctls, spec.annotations = (parse_tmpfs(o.get("tmpfs", ())), kv_to_map(o.get("sysctl", ())),
                                                  kv_to_map(o.get("annotation", ())))
    spec.healthcheck = _healthcheck(o)
    _entrypoint_and_attach(spec, o)
    if spec.auto_remove and spec.restart_policy["Name"] not in ("no", ""):
        raise OptError("conflicting options: cannot specify both --restart and --rm")
    _networks(spec, o)
    return spec


def parse(values: Mapping[str, Any], image: str, args=(), *, server_os: str = "linux") -> ContainerConfig:
    """run/create flag values -> the three API bodies (parse_flags, then build), or raise OptError."""
    return build(parse_flags(values, image, args, server_os=server_os))


def _check_mac_and_swappiness(spec: ContainerSpec, o) -> None:
    mac = o.get("mac_address", "")
    if mac and not is_valid_mac(mac):
        raise OptError(f"{mac} is not a valid mac address")
    if spec.mem_swappiness != -1 and not 0 <= spec.mem_swappiness <= 100:
        raise OptError(f"invalid value: {spec.mem_swappiness}. Valid memory swappiness range is 0-100")


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


def _check_namespaces(spec: ContainerSpec) -> None:
    def is_container(mode):
        kind, sep, name = mode.partition(":")
        return kind == "container" and sep and name
    if not (spec.pid_mode in ("", "host") or is_container(spec.pid_mode)):
        raise OptError("--pid: invalid PID mode")
    if spec.uts_mode not in ("", "host"):
        raise OptError("--uts: invalid UTS mode")
    if spec.userns_mode not in ("", "host"):
        raise OptError("--userns: invalid USER mode")
    if spec.cgroupns not in ("", "host", "private"):
        raise OptError("--cgroupns: invalid CGROUP mode")


def _security(spec: ContainerSpec, values) -> None:
    security, spec.masked_paths, spec.readonly_paths = parse_system_paths(parse_security_opts(values))
    spec.security_opt = security if values else None


_HEALTH = {"health_interval": "Interval", "health_timeout": "Timeout", "health_start_period": "StartPeriod",
           "health_start_interval": "StartInterval", "health_retries": "Retries"}


def _healthcheck(o) -> dict | None:
    wanted = bool(o.get("health_cmd")) or any(o.get(key, 0) != 0 for key in _HEALTH)
    if o.get("no_healthcheck"):
        if wanted:
            raise OptError("--no-healthcheck conflicts with --health-* options")
        return {"Test": ["NONE"]}
    if not wanted:
        return None
    for key in ("health_interval", "health_timeout", "health_retries", "health_start_period",
                "health_start_interval"):
        if o.get(key, 0) < 0:
            raise OptError(f"--{key.replace('_', '-')} cannot be negative")
    check = {"Test": ["CMD-SHELL", o["health_cmd"]] if o.get("health_cmd") else None,
             **{api: o.get(key, 0) for key, api in _HEALTH.items()}}
    return {k: v for k, v in check.items() if v}


def _entrypoint_and_attach(spec: ContainerSpec, o) -> None:
    if o.get("entrypoint"):
        spec.entrypoint = [o["entrypoint"]]
    elif "entrypoint" in o:
        spec.entrypoint = [""]  # `--entrypoint=""` resets the image's entrypoint
    attach = set(o.get("attach", ()))
    spec.attach_stdin = "stdin" in attach or spec.stdin_open
    spec.attach_stdout = "stdout" in attach or not attach
    spec.attach_stderr = "stderr" in attach or not attach
    spec.stdin_once = spec.stdin_open and spec.attach_stdin


def _networks(spec: ContainerSpec, o) -> None:
    networks = list(o.get("network", ()))
    spec.network_mode = network_mode(networks)
    spec.endpoints_config = endpoints_config(
        networks, aliases=o.get("network_alias", ()), links=spec.links, ipv4=o.get("ip", ""),
        ipv6=o.get("ip6", ""), mac=o.get("mac_address", ""), link_local_ips=o.get("link_local_ip", ()))
    main = spec.endpoints_config.get("container" if spec.network_mode.startswith("container:") else spec.network_mode)
    if main is not None and main.get("MacAddress"):
        spec.mac_address = main["MacAddress"]
