"""The Go types docker runs `container inspect -f` templates over, for the parts where it shows.

docker executes a template on its typed InspectResponse first and falls back to the raw JSON
only when that fails. The types change what a template prints: `{{.State}}` is `{running true …}`,
`{{.NetworkSettings.Ports}}` is `map[80/tcp:[{0.0.0.0 8080}]]`, an absent `{{.State.Health}}` is
`<nil>`, a health-check interval is `30s`, and a missing map key is `<no value>` while a missing
struct field sends docker to the raw JSON. Objects whose exact Go type is not described here
become structs with the engine's fields, in the engine's order.
"""
from __future__ import annotations

from ...golang.fmt import TypedNil
from ...golang.structs import Field, GoMap, NilSlice, Schema, as_pointer

F = Field

HEALTHCHECK_RESULT = Schema("container.HealthcheckResult", (F("Start", "time"), F("End", "time"), F("ExitCode", "int"),
                                                             F("Output")))
HEALTH = Schema("container.Health", (F("Status"), F("FailingStreak", "int"),
                                     F("Log", ("slice", ("ptr", HEALTHCHECK_RESULT)))))
STATE = Schema("container.State", (
    F("Status"), F("Running", "bool"), F("Paused", "bool"), F("Restarting", "bool"), F("OOMKilled", "bool"),
    F("Dead", "bool"), F("Pid", "int"), F("ExitCode", "int"), F("Error"), F("StartedAt"), F("FinishedAt"),
    F("Health", ("ptr", HEALTH), omitempty=True),
))
MOUNT_POINT = Schema("container.MountPoint", (
    F("Type", omitempty=True), F("Name", omitempty=True), F("Source"), F("Destination"),
    F("Driver", omitempty=True), F("Mode"), F("RW", "bool"), F("Propagation"),
))
PORT_BINDING = Schema("nat.PortBinding", (F("HostIP", json="HostIp"), F("HostPort")))
RESTART_POLICY = Schema("container.RestartPolicy", (F("Name"), F("MaximumRetryCount", "int")))
LOG_CONFIG = Schema("container.LogConfig", (F("Type"), F("Config", "map")))
DRIVER_DATA = Schema("storage.DriverData", (F("Data", "map"), F("Name")))
EMPTY = Schema("struct {}", ())
HEALTH_CONFIG = Schema("v1.HealthcheckConfig", (
    F("Test", "slice", omitempty=True), F("Interval", "raw", omitempty=True), F("Timeout", "raw", omitempty=True),
    F("StartPeriod", "raw", omitempty=True), F("StartInterval", "raw", omitempty=True),
    F("Retries", "int", omitempty=True),
))
IPAM_CONFIG = Schema("network.EndpointIPAMConfig", (
    F("IPv4Address", omitempty=True), F("IPv6Address", omitempty=True), F("LinkLocalIPs", "slice", omitempty=True),
))
# docker 28's field order; DNSNames and GwPriority exist even when an older engine does not send them
ENDPOINT_SETTINGS = Schema("network.EndpointSettings", (
    F("IPAMConfig", ("ptr", IPAM_CONFIG)), F("Links", "slice"), F("Aliases", "slice"), F("MacAddress"),
    F("DriverOpts", "map"), F("GwPriority", "int"), F("NetworkID"), F("EndpointID"), F("Gateway"), F("IPAddress"),
    F("IPPrefixLen", "int"), F("IPv6Gateway"), F("GlobalIPv6Address"), F("GlobalIPv6PrefixLen", "int"),
    F("DNSNames", "slice"),
))
# NetworkSettingsBase and DefaultNetworkSettings are embedded: JSON flattens them, fmt nests them
BASE, DEFAULT = "NetworkSettingsBase", "DefaultNetworkSettings"
NETWORK_SETTINGS = Schema("container.NetworkSettings", (
    F("Bridge", embedded_in=BASE), F("SandboxID", embedded_in=BASE), F("SandboxKey", embedded_in=BASE),
    F("Ports", "map", embedded_in=BASE), F("HairpinMode", "bool", embedded_in=BASE),
    F("LinkLocalIPv6Address", embedded_in=BASE), F("LinkLocalIPv6PrefixLen", "int", embedded_in=BASE),
    F("SecondaryIPAddresses", "slice", embedded_in=BASE), F("SecondaryIPv6Addresses", "slice", embedded_in=BASE),
    F("EndpointID", embedded_in=DEFAULT), F("Gateway", embedded_in=DEFAULT),
    F("GlobalIPv6Address", embedded_in=DEFAULT), F("GlobalIPv6PrefixLen", "int", embedded_in=DEFAULT),
    F("IPAddress", embedded_in=DEFAULT),
    F("IPPrefixLen", "int", embedded_in=DEFAULT), F("IPv6Gateway", embedded_in=DEFAULT),
    F("MacAddress", embedded_in=DEFAULT), F("Networks", "map"),
))
CONFIG = Schema("container.Config", (
    F("Hostname"), F("Domainname"), F("User"), F("AttachStdin", "bool"), F("AttachStdout", "bool"),
    F("AttachStderr", "bool"), F("ExposedPorts", "map", omitempty=True), F("Tty", "bool"), F("OpenStdin", "bool"),
    F("StdinOnce", "bool"), F("Env", "slice"), F("Cmd", "slice"),
    F("Healthcheck", ("ptr", HEALTH_CONFIG), omitempty=True), F("ArgsEscaped", "bool", omitempty=True), F("Image"),
    F("Volumes", "map"), F("WorkingDir"), F("Entrypoint", "slice"),
    F("NetworkDisabled", "bool", omitempty=True), F("MacAddress", omitempty=True), F("OnBuild", "slice"),
    F("Labels", "map"), F("StopSignal", omitempty=True), F("StopTimeout", "raw", omitempty=True),
    F("Shell", "slice", omitempty=True),
))

# Go field names that differ from their JSON keys (json:"Id" and friends)
GO_NAMES = {"Id": "ID", "CpuShares": "CPUShares", "CpuPeriod": "CPUPeriod", "CpuQuota": "CPUQuota",
            "CpuRealtimePeriod": "CPURealtimePeriod", "CpuRealtimeRuntime": "CPURealtimeRuntime",
            "CpuCount": "CPUCount", "CpuPercent": "CPUPercent", "NanoCpus": "NanoCPUs"}


class GoDuration:
    """A time.Duration: prints as Go does ("1m30s"); `json` writes its nanoseconds."""

    go_type_name = "time.Duration"

    def __init__(self, nanoseconds: int):
        self.nanoseconds = nanoseconds

    def String(self) -> str:  # noqa: N802 - fmt's Stringer
        from ..units import format_go_duration

        return format_go_duration(self.nanoseconds)

    __str__ = String

    def __eq__(self, other) -> bool:  # 0 makes `omitempty` leave it out
        if isinstance(other, GoDuration):
            return other.nanoseconds == self.nanoseconds
        return isinstance(other, int) and not isinstance(other, bool) and other == self.nanoseconds

    def __hash__(self) -> int:
        return hash(self.nanoseconds)


def struct(type_name: str, raw: dict, typed: dict | None = None, absent: tuple = ()):
    """A struct with the engine's fields in its order; `typed` replaces some values, `absent` adds
    nil pointer fields (omitted from JSON) that the engine did not send."""
    typed = typed or {}
    fields = [F(GO_NAMES.get(key, key), "raw", json=key if key in GO_NAMES else "") for key in raw]
    fields += [F(name, "raw", omitempty=True) for name, _ in absent if name not in raw]
    values = {**raw, **typed, **{name: value for name, value in absent if name not in raw}}
    schema = Schema(type_name, tuple(fields))
    return schema.build(None, **{f.name: values[f.key] for f in fields})


def typed_container(raw: dict):
    """InspectResponse as far as templates can tell."""
    typed = {}
    if isinstance(raw.get("State"), dict):
        typed["State"] = STATE.build(raw["State"])
    if "Mounts" in raw:
        typed["Mounts"] = NilSlice() if raw["Mounts"] is None else [MOUNT_POINT.build(m) for m in raw["Mounts"]]
    if isinstance(raw.get("GraphDriver"), dict):
        typed["GraphDriver"] = DRIVER_DATA.build(raw["GraphDriver"])
    if isinstance(raw.get("HostConfig"), dict):
        typed["HostConfig"] = _host_config(raw["HostConfig"])
    if isinstance(raw.get("NetworkSettings"), dict):
        typed["NetworkSettings"] = _network_settings(raw["NetworkSettings"])
    if isinstance(raw.get("Config"), dict):
        typed["Config"] = _config(raw["Config"])
    absent = (("SizeRw", TypedNil("*int64")), ("SizeRootFs", TypedNil("*int64")),
              ("ImageManifestDescriptor", TypedNil("*v1.Descriptor")))
    return struct("container.InspectResponse", raw, typed, absent)


def _host_config(raw: dict):
    typed = {}
    if isinstance(raw.get("RestartPolicy"), dict):
        typed["RestartPolicy"] = RESTART_POLICY.build(raw["RestartPolicy"])
    if isinstance(raw.get("LogConfig"), dict):
        typed["LogConfig"] = LOG_CONFIG.build(raw["LogConfig"])
    if "PortBindings" in raw:
        typed["PortBindings"] = _port_map(raw["PortBindings"])
    return struct("container.HostConfig", _docker28_host_config_order(raw), typed)


def _docker28_host_config_order(raw: dict) -> dict:
    """docker 28's HostConfig has ConsoleSize right after VolumesFrom, and KernelMemory fields only when set."""
    dropped = ("ConsoleSize",) + tuple(k for k in ("KernelMemory", "KernelMemoryTCP") if not raw.get(k))
    out = {k: v for k, v in raw.items() if k not in dropped}
    if "ConsoleSize" not in raw:
        return out
    keys = list(out)
    at = keys.index("VolumesFrom") + 1 if "VolumesFrom" in keys else len(keys)
    keys.insert(at, "ConsoleSize")
    return {k: raw[k] for k in keys}


def _network_settings(raw: dict):
    typed = {}
    if "Ports" in raw:
        typed["Ports"] = _port_map(raw["Ports"])
    if isinstance(raw.get("Networks"), dict):
        typed["Networks"] = GoMap({name: as_pointer(ENDPOINT_SETTINGS.build(e)) if isinstance(e, dict) else e
                                   for name, e in raw["Networks"].items()}, TypedNil("*network.EndpointSettings"))
    return NETWORK_SETTINGS.build(raw, **typed)


def _config(raw: dict):
    typed = {}
    check = raw.get("Healthcheck")
    if isinstance(check, dict):
        durations = {k: GoDuration(check.get(k) or 0) for k in ("Interval", "Timeout", "StartPeriod", "StartInterval")}
        typed["Healthcheck"] = as_pointer(HEALTH_CONFIG.build({**check, **durations}))
    for key in ("ExposedPorts", "Volumes"):  # map[string]struct{}
        if isinstance(raw.get(key), dict):
            typed[key] = {name: EMPTY.build({}) for name in raw[key]}
    if isinstance(raw.get("Labels"), dict):
        typed["Labels"] = GoMap(raw["Labels"], "")
    if raw.get("StopTimeout") is None:
        typed["StopTimeout"] = TypedNil("*int")
    return CONFIG.build(raw, **typed)


def _port_map(raw):
    """nat.PortMap: port -> bindings; a port without bindings prints `[]`."""
    if not isinstance(raw, dict):
        return raw
    return {port: [PORT_BINDING.build(b) for b in bindings] if bindings else NilSlice()
            for port, bindings in raw.items()}


def plain(value):
    """What `json` encodes: GoStructs as their JSON objects, durations as nanoseconds."""
    from ...golang.structs import to_plain

    def walk(v):
        if isinstance(v, GoDuration):
            return v.nanoseconds
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v
    return walk(to_plain(value))


def json_funcs() -> dict:
    """The template's `json`, understanding these types (docker's encoder, HTML escaping off)."""
    from ...golang import structs

    return structs.json_funcs(plain)


# -- networks and volumes (docker 28's network.Inspect and volume.Volume) -----------------------
NETWORK_IPAM_CONFIG = Schema("network.IPAMConfig", (
    F("Subnet", omitempty=True), F("IPRange", omitempty=True), F("Gateway", omitempty=True),
    F("AuxAddress", "map", json="AuxiliaryAddresses", omitempty=True),
))
NETWORK_IPAM = Schema("network.IPAM", (F("Driver"), F("Options", "map"),
                                       F("Config", ("slice", NETWORK_IPAM_CONFIG))))
CONFIG_REFERENCE = Schema("network.ConfigReference", (F("Network"),))
ENDPOINT_RESOURCE = Schema("network.EndpointResource", (
    F("Name"), F("EndpointID"), F("MacAddress"), F("IPv4Address"), F("IPv6Address"),
))
PEER_INFO = Schema("network.PeerInfo", (F("Name"), F("IP")))
NETWORK = Schema("network.Inspect", (
    F("Name"), F("ID", json="Id"), F("Created", "time"), F("Scope"), F("Driver"), F("EnableIPv4", "bool"),
    F("EnableIPv6", "bool"), F("IPAM", NETWORK_IPAM), F("Internal", "bool"), F("Attachable", "bool"),
    F("Ingress", "bool"), F("ConfigFrom", CONFIG_REFERENCE), F("ConfigOnly", "bool"), F("Containers", "map"),
    F("Options", "map"), F("Labels", "map"), F("Peers", ("slice", PEER_INFO), omitempty=True),
    F("Services", "map", omitempty=True),
))
USAGE_DATA = Schema("volume.UsageData", (F("RefCount", "int"), F("Size", "int")))
CLUSTER_VOLUME = Schema("volume.ClusterVolume", (
    F("ID"), F("Version", "raw"), F("CreatedAt", "time"), F("UpdatedAt", "time"), F("Spec", "raw"),
    F("PublishStatus", "slice", omitempty=True), F("Info", "raw", omitempty=True),
))
VOLUME = Schema("volume.Volume", (
    F("ClusterVolume", ("ptr", CLUSTER_VOLUME), omitempty=True), F("CreatedAt", omitempty=True), F("Driver"),
    F("Labels", "map"), F("Mountpoint"), F("Name"), F("Options", "map"), F("Scope"),
    F("Status", "map", omitempty=True), F("UsageData", ("ptr", USAGE_DATA), omitempty=True),
))


def typed_network(raw: dict):
    """network.Inspect: `{{.IPAM}}` is `{default map[] [{10.1.0.0/16  10.1.0.1 map[]}]}`."""
    containers = raw.get("Containers")
    typed = {}
    if isinstance(containers, dict):
        typed["Containers"] = GoMap({cid: ENDPOINT_RESOURCE.build(e) if isinstance(e, dict) else e
                                     for cid, e in containers.items()}, ENDPOINT_RESOURCE.build({}))
    return NETWORK.build(raw, **typed)


def typed_volume(raw: dict):
    """volume.Volume: what `volume inspect` prints and runs templates over (docker re-encodes it)."""
    return VOLUME.build(raw)


TYPED_VIEWS = {"container": typed_container, "network": typed_network, "volume": typed_volume}


def volume_json(raw: dict) -> bytes:
    """What `volume inspect` prints for a volume: docker's volume.Volume re-encoded by encoding/json
    (its field order, nil maps as null, HTML characters escaped)."""
    from ...golang.json import go_json
    from ...golang.structs import to_plain

    return go_json(to_plain(typed_volume(raw)), escape_html=True).encode()
