"""-v/--volume, --mount and --tmpfs, parsed as docker does."""
from __future__ import annotations

import os

from ..golang.strconv import parse_bool
from . import OptError
from .sizes import ram_in_bytes

PROPAGATIONS = ("rprivate", "private", "rshared", "shared", "rslave", "slave")


# -- -v: the compose volume-spec loader, used to tell binds from named volumes ---------
def _is_windows_drive(buffer: str, char: str) -> bool:
    return char == ":" and len(buffer) == 1 and buffer.isalpha()


def parse_volume_spec(spec: str) -> dict:
    """{"type": "bind"|"volume", "source", "target", "read_only"} for a -v value."""
    volume = {"type": "", "source": "", "target": "", "read_only": False}
    if not spec:
        raise OptError("invalid empty volume spec")
    if len(spec) <= 2:
        volume.update(target=spec, type="volume")
        return volume
    buffer = ""
    end = "\0"
    for char in spec + end:
        if _is_windows_drive(buffer, char):
            buffer += char
        elif char in (":", end):
            try:
                _populate(char == end, buffer, volume)
            except OptError as exc:
                raise OptError(f"invalid spec: {spec}: {exc}") from None
            buffer = ""
        else:
            buffer += char
    volume["type"] = _volume_type(volume["source"])
    return volume


def _populate(at_end: bool, buffer: str, volume: dict) -> None:
    if not buffer:
        raise OptError("empty section between colons")
    if not volume["source"] and at_end:
        volume["target"] = buffer
        return
    if not volume["source"]:
        volume["source"] = buffer
        return
    if not volume["target"]:
        volume["target"] = buffer
        return
    if not at_end:
        raise OptError("too many colons")
    for option in buffer.split(","):
        if option in ("ro", "rw"):
            volume["read_only"] = option == "ro"


def _volume_type(source: str) -> str:
    if not source:
        return "volume"
    if source[0] in "./~":
        return "bind"
    if len(source) == 1:
        return "volume"
    if source.startswith("\\\\"):
        return "bind"
    return "bind" if _is_windows_drive(source[0], source[1]) else "volume"


def split_volumes(specs) -> tuple[list[str], dict]:
    """-v values -> (HostConfig.Binds, Config.Volumes); relative "./x" sources become absolute."""
    binds: list[str] = []
    volumes: dict[str, dict] = {}
    for spec in dict.fromkeys(specs):  # docker de-duplicates through a map
        parsed = parse_volume_spec(spec)
        if not parsed["source"]:
            volumes[spec] = {}
            continue
        bind = spec
        if parsed["type"] == "bind" and ":" in spec:
            host, _, target = spec.partition(":")
            if not os.path.isabs(host) and host.startswith("."):
                host = os.path.abspath(host)
            bind = f"{host}:{target}"
        binds.append(bind)
    return binds, volumes


# -- --mount -----------------------------------------------------------------------
def _csv_fields(value: str) -> list[str]:
    from .csvline import csv_fields

    return csv_fields(value)


class _Mount:
    def __init__(self):
        self.data: dict = {"Type": "volume"}

    def sub(self, key: str, init=None) -> dict:
        if key not in self.data:
            self.data[key] = init() if init else {}
        return self.data[key]

    def volume_options(self) -> dict:
        opts = self.sub("VolumeOptions", lambda: {"Labels": {}})
        opts.setdefault("DriverConfig", {})
        return opts


def parse_mount(value: str) -> dict:
    """One --mount value -> a Mount object for HostConfig.Mounts."""
    mount = _Mount()
    m = mount.data
    for field in _csv_fields(value):
        key, eq, val = field.partition("=")
        key = key.lower()
        if not eq:
            _flag_field(mount, key, field)
            continue
        _keyed_field(mount, key, val, field)
    _check_mount(m)
    return _clean(m)


def _flag_field(mount: _Mount, key: str, field: str) -> None:
    if key in ("readonly", "ro"):
        mount.data["ReadOnly"] = True
    elif key == "volume-nocopy":
        mount.volume_options()["NoCopy"] = True
    elif key == "bind-nonrecursive":
        mount.sub("BindOptions")["NonRecursive"] = True
    else:
        raise OptError(f"invalid field '{field}' must be a key=value pair")


def _keyed_field(mount: _Mount, key: str, val: str, field: str) -> None:  # noqa: C901 - one case per key
    m = mount.data
    if key == "type":
        m["Type"] = val.lower()
    elif key in ("source", "src"):
        m["Source"] = os.path.abspath(val) if not os.path.isabs(val) and val.startswith(".") else val
    elif key in ("target", "dst", "destination"):
        m["Target"] = val
    elif key in ("readonly", "ro"):
        m["ReadOnly"] = _bool(key, val)
    elif key == "consistency":
        m["Consistency"] = val.lower()
    elif key == "bind-propagation":
        mount.sub("BindOptions")["Propagation"] = val.lower()
    elif key == "bind-nonrecursive":
        mount.sub("BindOptions")["NonRecursive"] = _bool(key, val)
    elif key == "bind-recursive":
        _bind_recursive(mount, key, val)
    elif key == "volume-subpath":
        mount.volume_options()["Subpath"] = val
    elif key == "volume-nocopy":
        try:
            mount.volume_options()["NoCopy"] = parse_bool(val)
        except OptError:
            raise OptError(f"invalid value for volume-nocopy: {val}") from None
    elif key == "volume-label":
        _set_on_map(mount.volume_options()["Labels"], val)
    elif key == "volume-driver":
        mount.volume_options()["DriverConfig"]["Name"] = val
    elif key == "volume-opt":
        _set_on_map(mount.volume_options()["DriverConfig"].setdefault("Options", {}), val)
    elif key == "image-subpath":
        mount.sub("ImageOptions")["Subpath"] = val
    elif key == "tmpfs-size":
        try:
            mount.sub("TmpfsOptions")["SizeBytes"] = ram_in_bytes(val)
        except OptError:
            raise OptError(f"invalid value for {key}: {val}") from None
    elif key == "tmpfs-mode":
        if not _octal(val):
            raise OptError(f"invalid value for {key}: {val}")
        mount.sub("TmpfsOptions")["Mode"] = int(val, 8)
    else:
        raise OptError(f"unexpected key '{key}' in '{field}'")


def _octal(val: str) -> bool:
    """strconv.ParseUint(val, 8, 32) would succeed."""
    return bool(val) and all(c in "01234567" for c in val) and int(val, 8) < 1 << 32


def _bool(key: str, val: str) -> bool:
    try:
        return parse_bool(val)
    except OptError:
        raise OptError(f"invalid value for {key}: {val}") from None


def _bind_recursive(mount: _Mount, key: str, val: str) -> None:
    if val == "enabled":
        return
    options = {"disabled": "NonRecursive", "writable": "ReadOnlyNonRecursive",
               "readonly": "ReadOnlyForceRecursive"}
    if val not in options:
        raise OptError(f'invalid value for {key}: {val} (must be "enabled", "disabled", "writable", or "readonly")')
    mount.sub("BindOptions")[options[val]] = True


def _set_on_map(target: dict, value: str) -> None:
    k, _, v = value.partition("=")
    if k:
        target[k] = v


def _check_mount(m: dict) -> None:
    kind = m.get("Type", "")
    if not kind:
        raise OptError("type is required")
    if not m.get("Target"):
        raise OptError("target is required")
    for options, prefix, wanted in (("VolumeOptions", "volume", "volume"), ("ImageOptions", "image", "image"),
                                    ("BindOptions", "bind", "bind"), ("TmpfsOptions", "tmpfs", "tmpfs")):
        if options in m and kind != wanted:
            raise OptError(f"cannot mix '{prefix}-*' options with mount type '{kind}'")
    bind = m.get("BindOptions") or {}
    if bind.get("ReadOnlyNonRecursive") and not m.get("ReadOnly"):
        raise OptError("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction")
    if bind.get("ReadOnlyForceRecursive"):
        if not m.get("ReadOnly"):
            raise OptError("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction")
        if bind.get("Propagation") != "rprivate":
            raise OptError("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' "
                           "to be specified in conjunction")


def _clean(m: dict) -> dict:
    """Drop empty values as Go's omitempty does (the engine reads the same either way)."""
    if "VolumeOptions" in m and not m["VolumeOptions"].get("Labels"):
        m["VolumeOptions"].pop("Labels", None)
    return {k: v for k, v in m.items() if v not in ("", False, None)}


# -- --tmpfs -----------------------------------------------------------------------
def parse_tmpfs(values) -> dict[str, str]:
    """--tmpfs /run:rw,size=64m -> {"/run": "rw,size=64m"}."""
    out: dict[str, str] = {}
    for value in values:
        path, _, options = value.partition(":")
        out[path] = options
    return out
