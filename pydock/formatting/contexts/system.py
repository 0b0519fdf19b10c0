"""The values `version --format` and `info --format` see: docker's Go types, field for field.

versionInfo{Client clientVersion, Server *types.Version} and dockerInfo{*system.Info,
ServerErrors, ClientInfo *clientInfo, ClientErrors}, as docker 28 defines them. pydock's client
has no Go version: `PythonVersion` takes the place of `GoVersion`.
"""
from __future__ import annotations

from ...golang.types import Field, Schema, TypeSet

F = Field

# Types of docker 28's API that templates can tell apart (`%T`, field errors).
TYPES = TypeSet("""
type system.RuntimeWithStatus struct {
    system.Runtime
    Status map[string]string `json:"status,omitempty"`
}
type system.Runtime struct {
    Path    string                  `json:"path,omitempty"`
    Args    []string                `json:"runtimeArgs,omitempty"`
    Type    string                  `json:"runtimeType,omitempty"`
    Options map[string]interface {} `json:"options,omitempty"`
}
type swarm.GenericResource struct {
    NamedResourceSpec    *swarm.NamedGenericResource    `json:",omitempty"`
    DiscreteResourceSpec *swarm.DiscreteGenericResource `json:",omitempty"`
}
type swarm.NamedGenericResource struct {
    Kind  string `json:",omitempty"`
    Value string `json:",omitempty"`
}
type swarm.DiscreteGenericResource struct {
    Kind  string `json:",omitempty"`
    Value int64  `json:",omitempty"`
}
type container.Isolation string
type swarm.LocalNodeState string
type system.NetworkAddressPool struct {
    Base string
    Size int
}
type system.FirewallInfo struct {
    Driver string      `json:"Driver"`
    Info   [][2]string `json:"Info,omitempty"`
}
type system.ContainerdInfo struct {
    Address    string `json:",omitempty"`
    Namespaces system.ContainerdNamespaces
}
type system.ContainerdNamespaces struct {
    Containers string
    Plugins    string
}
type system.DeviceInfo struct {
    Source string `json:"Source"`
    ID     string `json:"ID"`
}
""")

# -- docker version ------------------------------------------------------------------------
PLATFORM_INFO = Schema("system.platformInfo", (F("Name", omitempty=True),))

CLIENT_VERSION_FIELDS = (
    F("Platform", ("ptr", PLATFORM_INFO), omitempty=True),
    F("Version", omitempty=True),
    F("APIVersion", json="ApiVersion", omitempty=True),
    F("DefaultAPIVersion", omitempty=True),
    F("GitCommit", omitempty=True),
    F("PythonVersion", omitempty=True),
    F("Os", omitempty=True),
    F("Arch", omitempty=True),
    F("BuildTime", omitempty=True),
    F("Context"),
)
CLIENT_VERSION = Schema("system.clientVersion", CLIENT_VERSION_FIELDS)

COMPONENT_VERSION = Schema("types.ComponentVersion", (
    F("Name"), F("Version"), F("Details", "map[string]string", omitempty=True),
))

SERVER_VERSION = Schema("*types.Version", (
    F("Platform", Schema("struct { Name string }", (F("Name"),))),
    F("Components", ("slice", COMPONENT_VERSION), omitempty=True),
    F("Version"),
    F("APIVersion", json="ApiVersion"),
    F("MinAPIVersion", omitempty=True),
    F("GitCommit"),
    F("GoVersion"),
    F("Os"),
    F("Arch"),
    F("KernelVersion", omitempty=True),
    F("Experimental", "bool", omitempty=True),
    F("BuildTime", omitempty=True),
))

VERSION_INFO = Schema("system.versionInfo", (
    F("Client", CLIENT_VERSION),
    F("Server", ("ptr", SERVER_VERSION)),
))

# -- docker info ---------------------------------------------------------------------------
COMMIT = Schema("system.Commit", (F("ID"), F("Expected", omitempty=True)))

PLUGINS_INFO = Schema("system.PluginsInfo", (
    F("Volume", "[]string"), F("Network", "[]string"), F("Authorization", "[]string"), F("Log", "[]string"),
))

PEER = Schema("swarm.Peer", (F("NodeID"), F("Addr")))

SWARM_INFO = Schema("swarm.Info", (
    F("NodeID"), F("NodeAddr"), F("LocalNodeState", TYPES["swarm.LocalNodeState"]), F("ControlAvailable", "bool"),
    F("Error"),
    F("RemoteManagers", ("slice", PEER)),
    F("Nodes", "int", omitempty=True),
    F("Managers", "int", omitempty=True),
    F("Cluster", "raw", omitempty=True),
    F("Warnings", "[]string", omitempty=True),
))

INDEX_INFO = Schema("*registry.IndexInfo", (
    F("Name"), F("Mirrors", "[]string"), F("Secure", "bool"), F("Official", "bool"),
))

# Docker 28 marshals ServiceConfig through a map, so its JSON keys come out sorted.
SERVICE_CONFIG = Schema("*registry.ServiceConfig", (
    F("AllowNondistributableArtifactsCIDRs", "slice", omitempty=True),
    F("AllowNondistributableArtifactsHostnames", "[]string", omitempty=True),
    F("InsecureRegistryCIDRs", "slice"),
    F("IndexConfigs", "map"),
    F("Mirrors", "[]string"),
    F("ExtraFields", "map[string]interface {}", json="-"),
), sorted_json=True)


INFO_FIELDS = (
    F("ID"), F("Containers", "int"), F("ContainersRunning", "int"), F("ContainersPaused", "int"),
    F("ContainersStopped", "int"), F("Images", "int"), F("Driver"),
    F("DriverStatus", "[][2]string"),
    F("SystemStatus", "[][2]string", omitempty=True),
    F("Plugins", PLUGINS_INFO),
    F("MemoryLimit", "bool"), F("SwapLimit", "bool"),
    F("KernelMemory", "bool", omitempty=True), F("KernelMemoryTCP", "bool", omitempty=True),
    F("CPUCfsPeriod", "bool", json="CpuCfsPeriod"), F("CPUCfsQuota", "bool", json="CpuCfsQuota"),
    F("CPUShares", "bool"), F("CPUSet", "bool"), F("PidsLimit", "bool"), F("IPv4Forwarding", "bool"),
    F("Debug", "bool"), F("NFd", "int"), F("OomKillDisable", "bool"), F("NGoroutines", "int"),
    F("SystemTime"), F("LoggingDriver"), F("CgroupDriver"),
    F("CgroupVersion", omitempty=True),
    F("NEventsListener", "int"), F("KernelVersion"), F("OperatingSystem"), F("OSVersion"),
    F("OSType"), F("Architecture"), F("IndexServerAddress"),
    F("RegistryConfig", ("ptr", SERVICE_CONFIG)),
    F("NCPU", "int"), F("MemTotal", "int64"),
    F("GenericResources", TYPES["[]swarm.GenericResource"]),
    F("DockerRootDir"), F("HTTPProxy", json="HttpProxy"), F("HTTPSProxy", json="HttpsProxy"),
    F("NoProxy"), F("Name"), F("Labels", "[]string"), F("ExperimentalBuild", "bool"),
    F("ServerVersion"),
    F("Runtimes", TYPES["map[string]system.RuntimeWithStatus"]),
    F("DefaultRuntime"),
    F("Swarm", SWARM_INFO),
    F("LiveRestoreEnabled", "bool"), F("Isolation", TYPES["container.Isolation"]), F("InitBinary"),
    F("ContainerdCommit", COMMIT), F("RuncCommit", COMMIT), F("InitCommit", COMMIT),
    F("SecurityOptions", "[]string"),
    F("ProductLicense", omitempty=True),
    F("DefaultAddressPools", TYPES["[]system.NetworkAddressPool"], omitempty=True),
    F("FirewallBackend", TYPES["*system.FirewallInfo"], omitempty=True),
    F("CDISpecDirs", "[]string"),
    F("DiscoveredDevices", TYPES["[]system.DeviceInfo"], omitempty=True),
    F("Containerd", TYPES["*system.ContainerdInfo"], omitempty=True),
    F("Warnings", "[]string"),
)

CLIENT_INFO = Schema("*system.clientInfo", (
    F("Debug", "bool"),
    F("clientVersion", CLIENT_VERSION, embedded=True),
    F("Plugins", ("slice", Schema("manager.Plugin", ()))),  # pydock has no CLI plugins: always empty
    F("Warnings", "[]string"),
))

INFO = Schema("system.Info", INFO_FIELDS)

DOCKER_INFO = Schema("system.dockerInfo", (
    F("Info", ("ptr", INFO), embedded=True),  # *system.Info: `{{.}}` shows its address
    F("ServerErrors", "[]string", omitempty=True),
    F("UserName", json="-"),  # docker fills it for its pretty output only
    F("ClientInfo", ("ptr", CLIENT_INFO), omitempty=True),
    F("ClientErrors", "[]string", omitempty=True),
))

# What `info --format` can use without asking the engine (docker's needsServerInfo probe).
SPARSE_INFO = Schema("system.sparseInfo", (
    F("ClientInfo", ("ptr", CLIENT_INFO), omitempty=True),
    F("ClientErrors", "[]string", omitempty=True),
))


def version_info(client: dict, server: dict | None):
    """versionInfo from our client values and the engine's /version (None: unreachable)."""
    return VERSION_INFO.build(Client=CLIENT_VERSION.build(client),
                              Server=None if server is None else SERVER_VERSION.build(server))


def docker_info(info: dict | None, client: dict, *, server_errors=None):
    """dockerInfo from the engine's /info (None: an empty Info, as docker shows with --format)."""
    raw = _typed_info(info or {})
    return DOCKER_INFO.build(raw, ClientInfo=CLIENT_INFO.build(client), ServerErrors=server_errors or None)


def sparse_info(client: dict):
    return SPARSE_INFO.build(ClientInfo=CLIENT_INFO.build(client))


def _typed_info(info: dict) -> dict:
    """Nested values Go decodes into typed structs (maps of pointers, here)."""
    registry = info.get("RegistryConfig")
    if isinstance(registry, dict):
        configs = registry.get("IndexConfigs")
        if isinstance(configs, dict):
            from ...golang.fmt import TypedNil
            from ...golang.structs import GoMap

            indexes = {name: INDEX_INFO.build(value) for name, value in sorted(configs.items())}
            registry = {**registry, "IndexConfigs": GoMap(indexes, TypedNil("*registry.IndexInfo"),
                                                          "map[string]*registry.IndexInfo")}
        cidrs = registry.get("InsecureRegistryCIDRs")
        if isinstance(cidrs, list):  # []*registry.NetIPNet: each prints as its String(), "127.0.0.0/8"
            from ...golang.fmt import NamedString
            from ...golang.structs import GoSlice

            registry = {**registry, "InsecureRegistryCIDRs": GoSlice(
                [NamedString(str(cidr), "*registry.NetIPNet") for cidr in cidrs], "[]*registry.NetIPNet")}
        info = {**info, "RegistryConfig": registry}
    return info
