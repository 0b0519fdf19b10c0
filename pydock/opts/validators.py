"""Small per-flag validators of `docker run`/`create` (docker's opts package), with its wording."""
from __future__ import annotations

import posixpath
import re

from ..golang.strconv import atoi, go_quote, ip_string, parse_int, parse_ip, parse_uint
from . import OptError
from .sizes import ram_in_bytes

_ALPHA = (r"[a-zA-Z]")
_DOMAIN = (r"^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))"
                     r"(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])))*)\.?\s*\Z")
_CGROUP_RULE = (r"^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}\Z")
_CDI_NAME = (r"[a-zA-Z][a-zA-Z0-9.\-_]*/[a-zA-Z][a-zA-Z0-9\-_]*=[a-zA-Z0-9][a-zA-Z0-9_.:\-]*")
SYSCTLS = {"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax",
           "kernel.shmmni", "kernel.shm_rmid_forced"}
ULIMITS = {"core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss",
           "rtprio", "rttime", "sigpending", "stack"}


def validate_ip_address(value: str) -> str:
    addr = parse_ip(value.strip())
    if addr is None:
        raise OptError(f"IP address is not correctly formatted: {value}")
    return ip_string(addr)


def is_valid_mac(value: str) -> bool:
    """net.ParseMAC accepts it: 6, 8 or 20 octets as xx:xx…, xx-xx… or xxxx.xxxx…."""
    value = value.strip()
    if len(value) < 14:
        return False
    if value[2] in ":-":
        sep, width = value[2], 2
    elif value[4] == ".":
        sep, width = ".", 4
    else:
        return False
    groups = value.split(sep)
    octets = len(groups) * width // 2
    hexdigits = "0123456789abcdefABCDEF"
    return octets in (6, 8, 20) and all(len(g) == width and all(c in hexdigits for c in g) for g in groups)


def validate_dns_search(value: str) -> str:
    value = value.strip(" ")
    if value == ".":
        return value
    if not re.search(_ALPHA, value):
        raise OptError(f"{value} is not a valid domain")
    match = re.search(_DOMAIN, value)
    if match and len(match.group(1)) < 255:
        return match.group(1)
    raise OptError(f"{value} is not a valid domain")


def validate_extra_host(value: str) -> str:
    """--add-host name:ip or name=ip -> "name:ip" (brackets around IPv6 removed)."""
    key, sep, addr = value.partition("=")
    if not sep:
        key, sep, addr = value.partition(":")
    if not sep or not key or ":" in key:
        raise OptError(f"bad format for add-host: {go_quote(value)}")
    if addr != "host-gateway":
        if len(addr) > 2 and addr[0] == "[" and addr[-1] == "]":
            addr = addr[1:-1]
        if parse_ip(addr.strip()) is None:
            raise OptError(f"invalid IP address in add-host: {go_quote(addr)}")
    return f"{key}:{addr}"


def validate_link(value: str) -> str:
    if value == "":
        raise OptError("empty string specified for links")
    if len(value.split(":", 2)) > 2:
        raise OptError(f"bad format for links: {value}")
    return value


def validate_sysctl(value: str) -> str:
    key, eq, _ = value.partition("=")
    if eq and key and (key in SYSCTLS or key.startswith(("net.", "fs.mqueue."))):
        return value
    raise OptError(f"sysctl '{value}' is not allowed")


def validate_attach(value: str) -> str:
    lowered = value.lower()
    if lowered in ("stdin", "stdout", "stderr"):
        return lowered
    raise OptError("valid streams are STDIN, STDOUT and STDERR")


def validate_device_cgroup_rule(value: str) -> str:
    if re.match(_CGROUP_RULE, value):
        return value
    raise OptError(f"invalid device cgroup format '{value}'")


def parse_ulimit(value: str) -> dict:
    """--ulimit nofile=1024:2048 -> {"Name": "nofile", "Hard": 2048, "Soft": 1024}."""
    name, eq, limits = value.partition("=")
    if not eq:
        raise OptError(f"invalid ulimit argument: {value}")
    if name not in ULIMITS:
        raise OptError(f"invalid ulimit type: {name}")
    parts = limits.split(":")
    if len(parts) > 2:
        raise OptError(f"too many limit value arguments - {limits}, can only have up to two, `soft[:hard]`")
    hard = parse_int(parts[1]) if len(parts) == 2 else None
    soft = parse_int(parts[0])
    if hard is None:
        hard = soft
    if hard != -1:
        if soft == -1:
            raise OptError(f"ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), "
                           f"hard: {hard}")
        if soft > hard:
            raise OptError(f"ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}")
    return {"Name": name, "Hard": hard, "Soft": soft}


def _device_path(value: str) -> tuple[str, str]:
    path, sep, rest = value.partition(":")
    if not sep or not path:
        raise OptError(f"bad format: {value}")
    if not path.startswith("/dev/"):
        raise OptError(f"bad format for device path: {value}")
    return path, rest


def validate_weight_device(value: str) -> dict:
    path, weight_text = _device_path(value)
    try:
        weight = parse_uint(weight_text, 16)
    except OptError:
        raise OptError(f"invalid weight for device: {value}") from None
    if weight > 0 and not 10 <= weight <= 1000:
        raise OptError(f"invalid weight for device: {value}")
    return {"Path": path, "Weight": weight}


def validate_throttle_bps(value: str) -> dict:
    path, rate_text = _device_path(value)
    message = (f"invalid rate for device: {value}. The correct format is <device-path>:<number>[<unit>]. "
               "Number must be a positive integer. Unit is optional and can be kb, mb, or gb")
    try:
        rate = ram_in_bytes(rate_text)
    except OptError:
        raise OptError(message) from None
    return {"Path": path, "Rate": rate}


def validate_throttle_iops(value: str) -> dict:
    path, rate_text = _device_path(value)
    try:
        rate = parse_uint(rate_text)
    except OptError:
        raise OptError(f"invalid rate for device: {value}. The correct format is <device-path>:<number>. "
                       "Number must be a positive integer") from None
    return {"Path": path, "Rate": rate}


# -- devices ----------------------------------------------------------------------
def _valid_device_mode(mode: str) -> bool:
    return bool(mode) and all(c in "rwm" for c in mode) and len(set(mode)) == len(mode)


def is_cdi_name(value: str) -> bool:
    return bool(re.fullmatch(_CDI_NAME, value))


def validate_linux_device(value: str) -> str:
    """[host-path:]container-path[:mode], with an absolute container path."""
    if value.count(":") > 2:
        raise OptError(f"bad format for path: {value}")
    split = value.split(":", 2)
    if not split[0]:
        raise OptError(f"bad format for path: {value}")
    if len(split) == 1:
        container_path = split[0]
        value = posixpath.normpath(container_path)
    elif len(split) == 2:
        if _valid_device_mode(split[1]):
            container_path = split[0]
            value = f"{posixpath.normpath(container_path)}:{split[1]}"
        else:
            container_path = split[1]
            value = f"{split[0]}:{posixpath.normpath(container_path)}"
    else:
        container_path = split[1]
        if not _valid_device_mode(split[2]):
            raise OptError(f"bad mode specified: {split[2]}")
    if not container_path.startswith("/"):
        raise OptError(f"{container_path} is not an absolute path")
    return value


def parse_linux_device(value: str) -> dict:
    parts = value.split(":", 3)
    if len(parts) > 3:
        raise OptError(f"invalid device specification: {value}")
    permissions, destination = "rwm", ""
    if len(parts) == 3:
        permissions = parts[2]
    if len(parts) >= 2:
        if _valid_device_mode(parts[1]):
            permissions = parts[1]
        else:
            destination = parts[1]
    source = parts[0]
    return {"PathOnHost": source, "PathInContainer": destination or source, "CgroupPermissions": permissions}


# -- policies and options ---------------------------------------------------------
def parse_restart_policy(policy: str) -> dict:
    if policy == "":
        return {"Name": "", "MaximumRetryCount": 0}
    name, sep, count = policy.partition(":")
    if sep and not name:
        raise OptError("invalid restart policy format: no policy provided before colon")
    retries = 0
    if count:
        try:
            retries = atoi(count)
        except OptError:
            raise OptError("invalid restart policy format: maximum retry count must be an integer") from None
    return {"Name": name, "MaximumRetryCount": retries}


def parse_security_opts(values) -> list[str]:
    out = []
    for opt in values:
        key, sep, value = opt.partition("=")
        if not sep and key != "no-new-privileges":
            key, sep, value = opt.partition(":")
        if (not sep or not value) and key != "no-new-privileges":
            raise OptError(f"Invalid --security-opt: {go_quote(opt)}")
        if key == "seccomp" and value not in ("builtin", "unconfined"):
            opt = "seccomp=" + _seccomp_profile(value)
        out.append(opt)
    return out


def _seccomp_profile(path: str) -> str:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise OptError(f"opening seccomp profile ({path}) failed: open {path}: "
                       f"{(exc.strerror or str(exc)).lower()}") from None
    import json

    try:
        return json.dumps(json.loads(raw), separators=(",", ":"), ensure_ascii=False)
    except ValueError as exc:
        raise OptError(f"compacting json for seccomp profile ({path}) failed: {exc}") from None


def parse_system_paths(security_opts: list[str]) -> tuple[list[str], list | None, list | None]:
    """`systempaths=unconfined` is handled here: empty MaskedPaths and ReadonlyPaths."""
    filtered = [opt for opt in security_opts if opt != "systempaths=unconfined"]
    if len(filtered) != len(security_opts):
        return filtered, [], []
    return filtered, None, None


def parse_storage_opts(values) -> dict[str, str]:
    out = {}
    for option in values:
        key, sep, value = option.partition("=")
        if not sep:
            raise OptError("invalid storage option")
        out[key] = value
    return out


def parse_logging_opts(driver: str, values) -> dict[str, str]:
    if driver == "none" and values:
        raise OptError(f"invalid logging opts for driver {driver}")
    return {k: v for k, _, v in (value.partition("=") for value in values)}
