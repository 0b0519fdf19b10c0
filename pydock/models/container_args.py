"""containers.create()/run() keywords -> ContainerSpec, the typed values `pydock run`'s flags become too.

docker-py's keyword names and value shapes (its models/containers.py `_create_container_args` and
types/containers.py); no keyword is turned into a flag string. The body is then built by
opts.container.build, the builder the CLI uses, so defaults come from one place.
"""
from __future__ import annotations

import shlex
from typing import Any, Callable

from ..errors import InvalidArgument, create_unexpected_kwargs_error
from ..opts.container import ContainerSpec

# keywords whose value goes to the ContainerSpec field of the same name as it is
_AS_IS = (
    "hostname", "domainname", "working_dir", "stop_signal", "mac_address", "network_disabled", "stdin_open",
    "tty", "stop_timeout", "auto_remove", "blkio_weight", "blkio_weight_device", "cap_add", "cap_drop",
    "cgroup_parent", "cgroupns", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_shares",
    "cpuset_cpus", "cpuset_mems", "cpu_rt_period", "cpu_rt_runtime", "device_cgroup_rules", "device_read_bps",
    "device_read_iops", "device_write_bps", "device_write_iops", "dns", "dns_opt", "dns_search", "init",
    "init_path", "ipc_mode", "isolation", "mem_swappiness", "nano_cpus", "network_mode", "oom_kill_disable",
    "oom_score_adj", "pid_mode", "pids_limit", "privileged", "publish_all_ports", "read_only", "runtime",
    "security_opt", "storage_opt", "userns_mode", "uts_mode", "volume_driver",
)
# keywords in bytes: an int, or a string with a unit ("128m", "1g"), as docker-py's parse_bytes reads them
_SIZES = ("mem_limit", "mem_reservation", "memswap_limit", "kernel_memory", "shm_size")
# keywords that are not container settings
_META = ("name", "platform", "detach", "use_config_proxy", "version", "network", "networking_config")


def create_spec(image: str, command, kwargs: dict[str, Any],
                proxy_env: Callable[[list[str]], list[str]] | None = None) -> tuple[ContainerSpec, dict]:
    """docker-py's create() keywords -> (ContainerSpec, {"name", "platform"}).

    `proxy_env` adds config.json's proxies to the environment (unless use_config_proxy=False).
    Raises TypeError for an unknown keyword (docker-py's words), InvalidArgument for a bad value.
    """
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    unknown = [k for k in kwargs if k not in _AS_IS and k not in _SIZES and k not in _META and k not in _CONVERTERS]
    if unknown:
        raise create_unexpected_kwargs_error("run", unknown)
    spec = ContainerSpec(image=image, command=_split(command))
    try:
        for key, value in kwargs.items():
            if key in _AS_IS:
                setattr(spec, key, _copied(value))
            elif key in _SIZES:
                setattr(spec, key, _bytes(value, key))
            elif key in _CONVERTERS:
                _CONVERTERS[key](spec, value)
    except (ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, InvalidArgument):
            raise
        raise InvalidArgument(str(exc)) from None
    _networks(spec, kwargs.get("network"), kwargs.get("networking_config"))
    _attach(spec, bool(kwargs.get("detach")))
    if kwargs.get("use_config_proxy", True) and proxy_env is not None:
        spec.environment = proxy_env(spec.environment or []) or None
    return spec, {"name": kwargs.get("name"), "platform": kwargs.get("platform")}


def _copied(value):
    return list(value) if isinstance(value, (list, tuple)) else dict(value) if isinstance(value, dict) else value


def _split(command) -> list[str] | None:
    if command is None:
        return None
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def _bytes(value, key: str) -> int:
    if isinstance(value, (int, float)):
        return int(value)
    from ..opts import OptError
    from ..opts.sizes import ram_in_bytes

    try:
        return ram_in_bytes(str(value))
    except OptError as exc:
        raise InvalidArgument(f"Failed converting the string value for {key} ({value}) to bytes: {exc}") from None


def _attach(spec: ContainerSpec, detach: bool) -> None:
    """docker-py: attached output unless detached; stdin attached (once) when open and not detached."""
    spec.attach_stdout = spec.attach_stderr = not detach
    spec.attach_stdin = spec.stdin_once = spec.stdin_open and not detach


# -- keywords whose shape changes --------------------------------------------------------------
def _entrypoint(spec, value):
    spec.entrypoint = _split(value)


def _environment(spec, value):
    if isinstance(value, dict):
        value = [key if val is None else f"{key}={val}" for key, val in value.items()]
    spec.environment = list(value)


def _user(spec, value):
    spec.user = str(value)


def _labels(spec, value):
    spec.labels = {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else dict.fromkeys(value, "")


def _healthcheck(spec, value):
    """docker-py's Healthcheck: test/interval/timeout/retries/start_period (or the API's names); ns."""
    def get(name, api):
        return value.get(name, value.get(api))
    test = get("test", "Test")
    if isinstance(test, str):
        test = ["CMD-SHELL", test]
    check = {"Test": test, "Interval": get("interval", "Interval"), "Timeout": get("timeout", "Timeout"),
             "Retries": get("retries", "Retries"), "StartPeriod": get("start_period", "StartPeriod"),
             "StartInterval": get("start_interval", "StartInterval")}
    spec.healthcheck = {k: v for k, v in check.items() if v is not None}


def _ports(spec, value):
    """{"80/tcp": 8080, "53/udp": ("127.0.0.1", 53), 81: None, "82": [8082, 8083]} (docker-py's ports)."""
    for port, host in value.items():
        key = str(port) if "/" in str(port) else f"{port}/tcp"
        bindings = host if isinstance(host, list) else [host]
        spec.exposed_ports[key] = {}
        spec.port_bindings[key] = [_port_binding(binding) for binding in bindings]


def _port_binding(binding) -> dict:
    ip, port = "", binding
    if isinstance(binding, tuple):
        if len(binding) == 2:
            ip, port = binding
        elif isinstance(binding[0], str):
            ip, port = binding[0], None
        else:
            port = binding[0]
    elif isinstance(binding, dict):
        ip, port = binding.get("HostIp", ""), binding["HostPort"]
    return {"HostIp": ip or "", "HostPort": "" if port is None else str(port)}


def _volumes(spec, value):
    """{"/host": {"bind": "/c", "mode": "ro"}} or {"/host": "/c"}, or ["/host:/c:ro", "/anonymous"]."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, dict):
        from ..opts import OptError
        from ..opts.mounts import split_volumes

        try:
            spec.binds, spec.volumes = split_volumes(list(value))
        except OptError as exc:
            raise InvalidArgument(str(exc)) from None
        return
    binds = []
    for host, bind in value.items():
        if not isinstance(bind, dict):
            binds.append(f"{host}:{bind}:rw")
            continue
        if "ro" in bind and "mode" in bind:
            raise InvalidArgument(f'Binding cannot contain both "ro" and "mode": {bind!r}')
        mode = ("ro" if bind["ro"] else "rw") if "ro" in bind else bind.get("mode", "rw")
        if bind.get("propagation") in ("rshared", "shared", "rslave", "slave", "rprivate", "private"):
            mode = f"{mode},{bind['propagation']}"
        binds.append(f"{host}:{bind['bind']}:{mode}")
    spec.binds = binds


def _networks(spec, network: str | None, networking_config: dict | None) -> None:
    """`network` names the network to join; `networking_config` ({name: endpoint}) counts only when it
    names that network (docker-py drops it otherwise)."""
    if spec.network_mode == "host" and spec.port_bindings:
        raise InvalidArgument('"host" network_mode is incompatible with port_bindings')
    if not network:
        return
    from .networks import endpoint_config

    spec.network_mode = network
    if networking_config and network in networking_config:
        spec.endpoints_config = {name: endpoint_config(**_snake(endpoint or {}))
                                 for name, endpoint in networking_config.items()}


def _snake(endpoint: dict) -> dict:
    """An EndpointSettings dict (Aliases, IPAMConfig …) or docker-py's keywords -> endpoint_config keywords."""
    if not any(key[:1].isupper() for key in endpoint):
        return endpoint
    ipam = endpoint.get("IPAMConfig") or {}
    return {"aliases": endpoint.get("Aliases"), "links": endpoint.get("Links"),
            "ipv4_address": ipam.get("IPv4Address"), "ipv6_address": ipam.get("IPv6Address"),
            "link_local_ips": ipam.get("LinkLocalIPs"), "driver_opt": endpoint.get("DriverOpts"),
            "mac_address": endpoint.get("MacAddress")}


def _restart_policy(spec, value):
    if not isinstance(value, dict):
        raise InvalidArgument(f"Invalid type for restart_policy param: expected dict but found {type(value)}")
    spec.restart_policy = {"Name": value.get("Name", ""), "MaximumRetryCount": value.get("MaximumRetryCount", 0)}


def _devices(spec, value):
    """"/dev/sda:/dev/xvda:rwm" strings (docker-py's parse_devices) or the API's dicts."""
    devices = []
    for device in value:
        if isinstance(device, dict):
            devices.append(device)
            continue
        parts = device.split(":")
        devices.append({"PathOnHost": parts[0], "PathInContainer": parts[1] if len(parts) > 1 else parts[0],
                        "CgroupPermissions": parts[2] if len(parts) > 2 else "rwm"})
    spec.devices = devices


def _device_requests(spec, value):
    names = {"driver": "Driver", "count": "Count", "device_ids": "DeviceIDs", "capabilities": "Capabilities",
             "options": "Options"}
    spec.device_requests = [{names.get(k, k): v for k, v in request.items()} for request in value]


def _extra_hosts(spec, value):
    spec.extra_hosts = [f"{k}:{v}" for k, v in sorted(value.items())] if isinstance(value, dict) else list(value)


def _group_add(spec, value):
    spec.group_add = [str(group) for group in value]


def _links(spec, value):
    """{"container": "alias"}, [("container", "alias")] or ["container:alias"]."""
    pairs = value.items() if isinstance(value, dict) else value
    spec.links = sorted(link if isinstance(link, str) else f"{link[0]}:{link[1]}" if link[1] else link[0]
                        for link in pairs)


def _log_config(spec, value):
    if not isinstance(value, dict):
        value = {"Type": value.type, "Config": value.config}
    spec.log_config = {"Type": value.get("Type", value.get("type")) or "",
                       "Config": dict(value.get("Config", value.get("config")) or {})}


def _lxc_conf(spec, value):
    spec.lxc_conf = [{"Key": k, "Value": str(v)} for k, v in value.items()] if isinstance(value, dict) else value


def _mounts(spec, value):
    spec.mounts = [_mount(m) if isinstance(m, str) else dict(m) for m in value]


def _mount(text: str) -> dict:
    """docker-py's Mount.parse_mount_string: "target", or "source:target[:ro|rw]"."""
    parts = text.split(":")
    if len(parts) > 3:
        raise InvalidArgument(f'Invalid mount format "{text}"')
    if len(parts) == 1:
        return {"Target": parts[0], "Source": None, "Type": "volume", "ReadOnly": False}
    source, target = parts[0], parts[1]
    return {"Target": target, "Source": source, "Type": "bind" if source.startswith("/") else "volume",
            "ReadOnly": not (len(parts) == 2 or parts[2] == "rw")}


def _sysctls(spec, value):
    spec.sysctls = {k: str(v) for k, v in value.items()}


def _tmpfs(spec, value):
    if isinstance(value, dict):
        spec.tmpfs = dict(value)
        return
    spec.tmpfs = {}
    for mount in value:
        path, _, options = mount.partition(":")
        spec.tmpfs[path] = options


def _ulimits(spec, value):
    def field(ulimit, name):
        if isinstance(ulimit, dict):
            return ulimit.get(name, ulimit.get(name.lower()))
        return getattr(ulimit, name.lower())
    spec.ulimits = [{"Name": field(u, "Name"), "Soft": field(u, "Soft"), "Hard": field(u, "Hard")} for u in value]


def _volumes_from(spec, value):
    spec.volumes_from = value.split(",") if isinstance(value, str) else list(value)


_CONVERTERS: dict[str, Callable[[ContainerSpec, Any], None]] = {
    "command": lambda spec, value: setattr(spec, "command", _split(value)),
    "entrypoint": _entrypoint, "environment": _environment, "user": _user, "labels": _labels,
    "healthcheck": _healthcheck, "ports": _ports, "volumes": _volumes, "restart_policy": _restart_policy,
    "devices": _devices, "device_requests": _device_requests, "extra_hosts": _extra_hosts, "group_add": _group_add,
    "links": _links, "log_config": _log_config, "lxc_conf": _lxc_conf, "mounts": _mounts, "sysctls": _sysctls,
    "tmpfs": _tmpfs, "ulimits": _ulimits, "volumes_from": _volumes_from,
}
