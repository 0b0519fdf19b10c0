"""The Go types docker runs `inspect -f` templates over, declared as docker 28.2 declares them.

docker executes an inspect template on its typed value first (container.InspectResponse, …) and on the
engine's raw JSON only when that fails (inspect.TemplateInspector). The types decide what a template
prints: `%T` names them (`map[string]string`, `nat.PortMap`, `*container.State`), `%+v` names struct
fields, `{{.State}}` is `&{running true …}`, a health-check interval is `30s`, and a key of the wrong
type (`index .NetworkSettings.Ports "80/tcp"`: the keys are nat.Port) or a JSON spelling that is no Go
field (`.HostConfig.CpuShares`: the field is CPUShares) sends docker to the raw JSON.

The declarations below are copied from docker/cli v28.2.2's vendored moby API types (api/types/container,
network, mount, storage, blkiodev), go-connections/nat, go-units, docker-image-spec and image-spec.
"""
from __future__ import annotations

from functools import lru_cache

from ...golang.structs import to_plain
from ...golang.template.funcs import json_funcs as _json_funcs

CONTAINER_TYPES = """
type container.InspectResponse struct {
    *container.ContainerJSONBase
    Mounts          []container.MountPoint
    Config          *container.Config
    NetworkSettings *container.NetworkSettings
    ImageManifestDescriptor *v1.Descriptor `json:"ImageManifestDescriptor,omitempty"`
}
type container.ContainerJSONBase struct {
    ID              string `json:"Id"`
    Created         string
    Path            string
    Args            []string
    State           *container.State
    Image           string
    ResolvConfPath  string
    HostnamePath    string
    HostsPath       string
    LogPath         string
    Name            string
    RestartCount    int
    Driver          string
    Platform        string
    MountLabel      string
    ProcessLabel    string
    AppArmorProfile string
    ExecIDs         []string
    HostConfig      *container.HostConfig
    GraphDriver     storage.DriverData
    SizeRw          *int64 `json:",omitempty"`
    SizeRootFs      *int64 `json:",omitempty"`
}
type container.State struct {
    Status     container.ContainerState
    Running    bool
    Paused     bool
    Restarting bool
    OOMKilled  bool
    Dead       bool
    Pid        int
    ExitCode   int
    Error      string
    StartedAt  string
    FinishedAt string
    Health     *container.Health `json:",omitempty"`
}
type container.ContainerState = string
type container.HealthStatus = string
type container.Health struct {
    Status        container.HealthStatus
    FailingStreak int
    Log           []*container.HealthcheckResult
}
type container.HealthcheckResult struct {
    Start    time.Time
    End      time.Time
    ExitCode int
    Output   string
}
type container.MountPoint struct {
    Type        mount.Type `json:",omitempty"`
    Name        string     `json:",omitempty"`
    Source      string
    Destination string
    Driver      string `json:",omitempty"`
    Mode        string
    RW          bool
    Propagation mount.Propagation
}
type storage.DriverData struct {
    Data map[string]string `json:"Data"`
    Name string            `json:"Name"`
}
type container.Config struct {
    Hostname        string
    Domainname      string
    User            string
    AttachStdin     bool
    AttachStdout    bool
    AttachStderr    bool
    ExposedPorts    nat.PortSet `json:",omitempty"`
    Tty             bool
    OpenStdin       bool
    StdinOnce       bool
    Env             []string
    Cmd             strslice.StrSlice
    Healthcheck     *v1.HealthcheckConfig `json:",omitempty"`
    ArgsEscaped     bool                  `json:",omitempty"`
    Image           string
    Volumes         map[string]struct {}
    WorkingDir      string
    Entrypoint      strslice.StrSlice
    NetworkDisabled bool   `json:",omitempty"`
    MacAddress      string `json:",omitempty"`
    OnBuild         []string
    Labels          map[string]string
    StopSignal      string            `json:",omitempty"`
    StopTimeout     *int              `json:",omitempty"`
    Shell           strslice.StrSlice `json:",omitempty"`
}
type strslice.StrSlice []string
type v1.HealthcheckConfig struct {
    Test          []string      `json:",omitempty"`
    Interval      time.Duration `json:",omitempty"`
    Timeout       time.Duration `json:",omitempty"`
    StartPeriod   time.Duration `json:",omitempty"`
    StartInterval time.Duration `json:",omitempty"`
    Retries       int           `json:",omitempty"`
}
type container.HostConfig struct {
    Binds           []string
    ContainerIDFile string
    LogConfig       container.LogConfig
    NetworkMode     container.NetworkMode
    PortBindings    nat.PortMap
    RestartPolicy   container.RestartPolicy
    AutoRemove      bool
    VolumeDriver    string
    VolumesFrom     []string
    ConsoleSize     [2]uint
    Annotations     map[string]string `json:",omitempty"`
    CapAdd          strslice.StrSlice
    CapDrop         strslice.StrSlice
    CgroupnsMode    container.CgroupnsMode
    DNS             []string `json:"Dns"`
    DNSOptions      []string `json:"DnsOptions"`
    DNSSearch       []string `json:"DnsSearch"`
    ExtraHosts      []string
    GroupAdd        []string
    IpcMode         container.IpcMode
    Cgroup          container.CgroupSpec
    Links           []string
    OomScoreAdj     int
    PidMode         container.PidMode
    Privileged      bool
    PublishAllPorts bool
    ReadonlyRootfs  bool
    SecurityOpt     []string
    StorageOpt      map[string]string `json:",omitempty"`
    Tmpfs           map[string]string `json:",omitempty"`
    UTSMode         container.UTSMode
    UsernsMode      container.UsernsMode
    ShmSize         int64
    Sysctls         map[string]string `json:",omitempty"`
    Runtime         string            `json:",omitempty"`
    Isolation       container.Isolation
    container.Resources
    Mounts          []mount.Mount `json:",omitempty"`
    MaskedPaths     []string
    ReadonlyPaths   []string
    Init            *bool `json:",omitempty"`
}
type container.Resources struct {
    CPUShares            int64 `json:"CpuShares"`
    Memory               int64
    NanoCPUs             int64 `json:"NanoCpus"`
    CgroupParent         string
    BlkioWeight          uint16
    BlkioWeightDevice    []*blkiodev.WeightDevice
    BlkioDeviceReadBps   []*blkiodev.ThrottleDevice
    BlkioDeviceWriteBps  []*blkiodev.ThrottleDevice
    BlkioDeviceReadIOps  []*blkiodev.ThrottleDevice
    BlkioDeviceWriteIOps []*blkiodev.ThrottleDevice
    CPUPeriod            int64 `json:"CpuPeriod"`
    CPUQuota             int64 `json:"CpuQuota"`
    CPURealtimePeriod    int64 `json:"CpuRealtimePeriod"`
    CPURealtimeRuntime   int64 `json:"CpuRealtimeRuntime"`
    CpusetCpus           string
    CpusetMems           string
    Devices              []container.DeviceMapping
    DeviceCgroupRules    []string
    DeviceRequests       []container.DeviceRequest
    KernelMemory         int64 `json:",omitempty"`
    KernelMemoryTCP      int64 `json:",omitempty"`
    MemoryReservation    int64
    MemorySwap           int64
    MemorySwappiness     *int64
    OomKillDisable       *bool
    PidsLimit            *int64
    Ulimits              []*units.Ulimit
    CPUCount             int64 `json:"CpuCount"`
    CPUPercent           int64 `json:"CpuPercent"`
    IOMaximumIOps        uint64
    IOMaximumBandwidth   uint64
}
type container.LogConfig struct {
    Type   string
    Config map[string]string
}
type container.RestartPolicy struct {
    Name              container.RestartPolicyMode
    MaximumRetryCount int
}
type container.RestartPolicyMode string
type container.NetworkMode string
type container.CgroupnsMode string
type container.IpcMode string
type container.CgroupSpec string
type container.PidMode string
type container.UTSMode string
type container.UsernsMode string
type container.Isolation string
type container.DeviceMapping struct {
    PathOnHost        string
    PathInContainer   string
    CgroupPermissions string
}
type container.DeviceRequest struct {
    Driver       string
    Count        int
    DeviceIDs    []string
    Capabilities [][]string
    Options      map[string]string
}
type blkiodev.WeightDevice struct {
    Path   string
    Weight uint16
}
type blkiodev.ThrottleDevice struct {
    Path string
    Rate uint64
}
type units.Ulimit struct {
    Name string
    Hard int64
    Soft int64
}
type mount.Type string
type mount.Propagation string
type mount.Consistency string
type mount.Mount struct {
    Type           mount.Type         `json:",omitempty"`
    Source         string             `json:",omitempty"`
    Target         string             `json:",omitempty"`
    ReadOnly       bool               `json:",omitempty"`
    Consistency    mount.Consistency  `json:",omitempty"`
    BindOptions    *mount.BindOptions    `json:",omitempty"`
    VolumeOptions  *mount.VolumeOptions  `json:",omitempty"`
    ImageOptions   *mount.ImageOptions   `json:",omitempty"`
    TmpfsOptions   *mount.TmpfsOptions   `json:",omitempty"`
    ClusterOptions *mount.ClusterOptions `json:",omitempty"`
}
type mount.BindOptions struct {
    Propagation            mount.Propagation `json:",omitempty"`
    NonRecursive           bool `json:",omitempty"`
    CreateMountpoint       bool `json:",omitempty"`
    ReadOnlyNonRecursive   bool `json:",omitempty"`
    ReadOnlyForceRecursive bool `json:",omitempty"`
}
type mount.VolumeOptions struct {
    NoCopy       bool              `json:",omitempty"`
    Labels       map[string]string `json:",omitempty"`
    Subpath      string            `json:",omitempty"`
    DriverConfig *mount.Driver     `json:",omitempty"`
}
type mount.ImageOptions struct {
    Subpath string `json:",omitempty"`
}
type mount.Driver struct {
    Name    string            `json:",omitempty"`
    Options map[string]string `json:",omitempty"`
}
type mount.TmpfsOptions struct {
    SizeBytes int64       `json:",omitempty"`
    Mode      fs.FileMode `json:",omitempty"`
    Options   [][]string  `json:",omitempty"`
}
type mount.ClusterOptions struct {
}
type fs.FileMode uint32
type container.NetworkSettings struct {
    container.NetworkSettingsBase
    container.DefaultNetworkSettings
    Networks map[string]*network.EndpointSettings
}
type container.NetworkSettingsBase struct {
    Bridge                 string
    SandboxID              string
    SandboxKey             string
    Ports                  nat.PortMap
    HairpinMode            bool
    LinkLocalIPv6Address   string
    LinkLocalIPv6PrefixLen int
    SecondaryIPAddresses   []network.Address
    SecondaryIPv6Addresses []network.Address
}
type container.DefaultNetworkSettings struct {
    EndpointID          string
    Gateway             string
    GlobalIPv6Address   string
    GlobalIPv6PrefixLen int
    IPAddress           string
    IPPrefixLen         int
    IPv6Gateway         string
    MacAddress          string
}
type network.Address struct {
    Addr      string
    PrefixLen int
}
type network.EndpointSettings struct {
    IPAMConfig          *network.EndpointIPAMConfig
    Links               []string
    Aliases             []string
    MacAddress          string
    DriverOpts          map[string]string
    GwPriority          int
    NetworkID           string
    EndpointID          string
    Gateway             string
    IPAddress           string
    IPPrefixLen         int
    IPv6Gateway         string
    GlobalIPv6Address   string
    GlobalIPv6PrefixLen int
    DNSNames            []string
}
type network.EndpointIPAMConfig struct {
    IPv4Address  string   `json:",omitempty"`
    IPv6Address  string   `json:",omitempty"`
    LinkLocalIPs []string `json:",omitempty"`
}
type nat.PortMap map[nat.Port][]nat.PortBinding
type nat.PortSet map[nat.Port]struct {}
type nat.Port string
type nat.PortBinding struct {
    HostIP   string `json:"HostIp"`
    HostPort string
}
type v1.Descriptor struct {
    MediaType    string            `json:"mediaType"`
    Digest       digest.Digest     `json:"digest"`
    Size         int64             `json:"size"`
    URLs         []string          `json:"urls,omitempty"`
    Annotations  map[string]string `json:"annotations,omitempty"`
    Data         []uint8           `json:"data,omitempty"`
    Platform     *v1.Platform      `json:"platform,omitempty"`
    ArtifactType string            `json:"artifactType,omitempty"`
}
type digest.Digest string
type v1.Platform struct {
    Architecture string   `json:"architecture"`
    OS           string   `json:"os"`
    OSVersion    string   `json:"os.version,omitempty"`
    OSFeatures   []string `json:"os.features,omitempty"`
    Variant      string   `json:"variant,omitempty"`
}
"""

IMAGE_TYPES = """
type image.InspectResponse struct {
    ID              string `json:"Id"`
    RepoTags        []string
    RepoDigests     []string
    Parent          string
    Comment         string
    Created         string `json:",omitempty"`
    Container       string `json:",omitempty"`
    ContainerConfig *container.Config `json:",omitempty"`
    DockerVersion   string
    Author          string
    Config          *v1.DockerOCIImageConfig
    Architecture    string
    Variant         string `json:",omitempty"`
    Os              string
    OsVersion       string `json:",omitempty"`
    Size            int64
    VirtualSize     int64 `json:"VirtualSize,omitempty"`
    GraphDriver     storage.DriverData
    RootFS          image.RootFS
    Metadata        image.Metadata
    Descriptor      *v1.Descriptor `json:"Descriptor,omitempty"`
    Manifests       []image.ManifestSummary `json:"Manifests,omitempty"`
}
type image.RootFS struct {
    Type   string   `json:",omitempty"`
    Layers []string `json:",omitempty"`
}
type image.Metadata struct {
    LastTagTime time.Time `json:",omitempty"`
}
// only engines of API 1.48 and later send manifests; their nested types are left out here
type image.ManifestSummary struct {
    ID         string `json:"ID"`
    Descriptor v1.Descriptor `json:"Descriptor"`
    Available  bool `json:"Available"`
    Kind       image.ManifestKind `json:"Kind"`
}
type image.ManifestKind string
type v1.DockerOCIImageConfig struct {
    v1.ImageConfig
    v1.DockerOCIImageConfigExt
}
type v1.ImageConfig struct {
    User         string              `json:"User,omitempty"`
    ExposedPorts map[string]struct {} `json:"ExposedPorts,omitempty"`
    Env          []string            `json:"Env,omitempty"`
    Entrypoint   []string            `json:"Entrypoint,omitempty"`
    Cmd          []string            `json:"Cmd,omitempty"`
    Volumes      map[string]struct {} `json:"Volumes,omitempty"`
    WorkingDir   string              `json:"WorkingDir,omitempty"`
    Labels       map[string]string   `json:"Labels,omitempty"`
    StopSignal   string              `json:"StopSignal,omitempty"`
    ArgsEscaped  bool                `json:"ArgsEscaped,omitempty"`
}
type v1.DockerOCIImageConfigExt struct {
    Healthcheck *v1.HealthcheckConfig `json:",omitempty"`
    OnBuild     []string `json:",omitempty"`
    Shell       []string `json:",omitempty"`
}
"""

NETWORK_TYPES = """
type network.Inspect struct {
    Name       string
    ID         string `json:"Id"`
    Created    time.Time
    Scope      string
    Driver     string
    EnableIPv4 bool
    EnableIPv6 bool
    IPAM       network.IPAM
    Internal   bool
    Attachable bool
    Ingress    bool
    ConfigFrom network.ConfigReference
    ConfigOnly bool
    Containers map[string]network.EndpointResource
    Options    map[string]string
    Labels     map[string]string
    Peers      []network.PeerInfo `json:",omitempty"`
    Services   map[string]network.ServiceInfo `json:",omitempty"`
}
type network.IPAM struct {
    Driver  string
    Options map[string]string
    Config  []network.IPAMConfig
}
type network.IPAMConfig struct {
    Subnet     string            `json:",omitempty"`
    IPRange    string            `json:",omitempty"`
    Gateway    string            `json:",omitempty"`
    AuxAddress map[string]string `json:"AuxiliaryAddresses,omitempty"`
}
type network.ConfigReference struct {
    Network string
}
type network.EndpointResource struct {
    Name        string
    EndpointID  string
    MacAddress  string
    IPv4Address string
    IPv6Address string
}
type network.PeerInfo struct {
    Name string
    IP   string
}
type network.ServiceInfo struct {
    VIP          string
    Ports        []string
    LocalLBIndex int
    Tasks        []network.Task
}
type network.Task struct {
    Name       string
    EndpointID string
    EndpointIP string
    Info       map[string]string
}
"""

VOLUME_TYPES = """
type volume.Volume struct {
    ClusterVolume *volume.ClusterVolume `json:"ClusterVolume,omitempty"`
    CreatedAt     string `json:"CreatedAt,omitempty"`
    Driver        string `json:"Driver"`
    Labels        map[string]string `json:"Labels"`
    Mountpoint    string `json:"Mountpoint"`
    Name          string `json:"Name"`
    Options       map[string]string `json:"Options"`
    Scope         string `json:"Scope"`
    Status        map[string]interface {} `json:"Status,omitempty"`
    UsageData     *volume.UsageData `json:"UsageData,omitempty"`
}
type volume.ClusterVolume struct {
    ID            string
    swarm.Meta
    Spec          volume.ClusterVolumeSpec
    PublishStatus []*volume.PublishStatus `json:",omitempty"`
    Info          *volume.Info `json:",omitempty"`
}
type swarm.Meta struct {
    Version   swarm.Version `json:",omitempty"`
    CreatedAt time.Time     `json:",omitempty"`
    UpdatedAt time.Time     `json:",omitempty"`
}
type swarm.Version struct {
    Index uint64 `json:",omitempty"`
}
type volume.ClusterVolumeSpec struct {
    Group                     string `json:",omitempty"`
    AccessMode                *volume.AccessMode `json:",omitempty"`
    AccessibilityRequirements *volume.TopologyRequirement `json:",omitempty"`
    CapacityRange             *volume.CapacityRange `json:",omitempty"`
    Secrets                   []volume.Secret `json:",omitempty"`
    Availability              volume.Availability `json:",omitempty"`
}
type volume.Availability string
type volume.AccessMode struct {
    Scope       volume.Scope `json:",omitempty"`
    Sharing     volume.SharingMode `json:",omitempty"`
    MountVolume *volume.TypeMount `json:",omitempty"`
    BlockVolume *volume.TypeBlock `json:",omitempty"`
}
type volume.Scope string
type volume.SharingMode string
type volume.TypeBlock struct {
}
type volume.TypeMount struct {
    FsType     string `json:",omitempty"`
    MountFlags []string `json:",omitempty"`
}
type volume.TopologyRequirement struct {
    Requisite []volume.Topology `json:",omitempty"`
    Preferred []volume.Topology `json:",omitempty"`
}
type volume.Topology struct {
    Segments map[string]string `json:",omitempty"`
}
type volume.CapacityRange struct {
    RequiredBytes int64
    LimitBytes    int64
}
type volume.Secret struct {
    Key    string
    Secret string
}
type volume.PublishState string
type volume.PublishStatus struct {
    NodeID         string `json:",omitempty"`
    State          volume.PublishState `json:",omitempty"`
    PublishContext map[string]string `json:",omitempty"`
}
type volume.Info struct {
    CapacityBytes      int64 `json:",omitempty"`
    VolumeContext      map[string]string `json:",omitempty"`
    VolumeID           string `json:",omitempty"`
    AccessibleTopology []volume.Topology `json:",omitempty"`
}
type volume.UsageData struct {
    RefCount int64 `json:"RefCount"`
    Size     int64 `json:"Size"`
}
"""

# the Go type docker's inspect decodes each kind of object into (cli/command/system/inspect.go)
INSPECT_TYPES = {"container": "container.InspectResponse", "image": "image.InspectResponse",
                 "network": "network.Inspect", "volume": "volume.Volume"}


# -- Go methods templates may call on these types ---------------------------------------------

def _port_proto(port) -> str:
    """nat.Port.Proto: "tcp" from "80/tcp"."""
    _, _, proto = str(port).partition("/")
    return proto or "tcp"


def _port_number(port) -> str:
    """nat.Port.Port: "80" from "80/tcp"."""
    return str(port).partition("/")[0]


def _port_int(port) -> int:
    """nat.Port.Int: the port number, 0 when it is no number."""
    text = _port_number(port)
    return int(text) if text.isdigit() and int(text) < 1 << 16 else 0


def _file_mode_string(mode) -> str:
    """fs.FileMode.String: `drwxr-xr-x`."""
    letters = "dalTLDpSugct?"
    out = "".join(c for i, c in enumerate(letters) if mode & (1 << (31 - i)))
    return (out or "-") + "".join(c if mode & (1 << (8 - i)) else "-" for i, c in enumerate("rwxrwxrwx"))


def _container_id(mode) -> tuple[str, bool]:
    """container.containerID: "container:<id>" -> (id, True)."""
    kind, sep, name = str(mode).partition(":")
    return (name, True) if sep and kind == "container" else ("", False)


def _is(value):
    return lambda mode: str(mode) == value


def _is_container(mode) -> bool:
    return _container_id(mode)[1]


def _container(mode) -> str:
    return _container_id(mode)[0]


def _network_is_user_defined(mode) -> bool:
    return str(mode) not in ("default", "bridge", "host", "none") and not _is_container(mode)


def _network_name(mode) -> str:
    text = str(mode)
    if text in ("default", "bridge", "host", "none"):
        return text
    if _is_container(mode):
        return "container"
    return text if _network_is_user_defined(mode) else ""


def _isolation(value):
    return lambda mode: str(mode).lower() in ((value, "") if value == "default" else (value,))


def _restart(*names):
    return lambda policy: str(policy.Name) in names


def _ulimit_string(ulimit) -> str:
    """units.Ulimit.String (a pointer method): `nofile=100:200`."""
    return f"{ulimit.Name}={int(ulimit.Soft)}:{int(ulimit.Hard)}"


METHODS = {
    "units.Ulimit": {"String": _ulimit_string},
    "nat.Port": {"Proto": _port_proto, "Port": _port_number, "Int": _port_int},
    "fs.FileMode": {"String": _file_mode_string},
    "container.NetworkMode": {
        "IsNone": _is("none"), "IsDefault": _is("default"), "IsBridge": _is("bridge"), "IsHost": _is("host"),
        "IsContainer": _is_container, "ConnectedContainer": _container, "IsUserDefined": _network_is_user_defined,
        "IsPrivate": lambda m: str(m) != "host" and not _is_container(m), "NetworkName": _network_name,
        "UserDefined": lambda m: str(m) if _network_is_user_defined(m) else ""},
    "container.IpcMode": {
        "IsPrivate": _is("private"), "IsHost": _is("host"), "IsShareable": _is("shareable"), "IsNone": _is("none"),
        "IsEmpty": _is(""), "IsContainer": _is_container, "Container": _container,
        "Valid": lambda m: str(m) in ("", "none", "private", "host", "shareable") or _is_container(m)},
    "container.PidMode": {
        "IsHost": _is("host"), "IsContainer": _is_container, "Container": _container,
        "IsPrivate": lambda m: str(m) != "host" and not _is_container(m)},
    "container.UTSMode": {"IsHost": _is("host"), "IsPrivate": lambda m: str(m) != "host",
                          "Valid": lambda m: str(m) in ("", "host")},
    "container.UsernsMode": {"IsHost": _is("host"), "IsPrivate": lambda m: str(m) != "host",
                             "Valid": lambda m: str(m) in ("", "host")},
    "container.CgroupSpec": {"IsContainer": _is_container, "Container": _container,
                             "Valid": lambda m: str(m) == "" or _is_container(m)},
    "container.CgroupnsMode": {"IsPrivate": _is("private"), "IsHost": _is("host"), "IsEmpty": _is(""),
                               "Valid": lambda m: str(m) in ("", "private", "host")},
    "container.Isolation": {"IsDefault": _isolation("default"), "IsHyperV": _isolation("hyperv"),
                            "IsProcess": _isolation("process"), "IsValid": _isolation("default")},
    "container.RestartPolicy": {"IsNone": _restart("no", ""), "IsAlways": _restart("always"),
                                "IsOnFailure": _restart("on-failure"), "IsUnlessStopped": _restart("unless-stopped")},
}


@lru_cache(maxsize=None)
def types():
    """The TypeSet of docker's inspect types (parsed once)."""
    from ...golang.types import TypeSet

    return TypeSet(CONTAINER_TYPES + IMAGE_TYPES + NETWORK_TYPES + VOLUME_TYPES, methods=METHODS)


def typed_container(raw: dict):
    """container.InspectResponse decoded from the engine's JSON, as docker's client decodes it."""
    return types().decode("container.InspectResponse", raw)


def typed_network(raw: dict):
    """network.Inspect: `{{.IPAM}}` is `{default map[] [{10.1.0.0/16  10.1.0.1 map[]}]}`."""
    return types().decode("network.Inspect", raw)


def typed_volume(raw: dict):
    """volume.Volume: what `volume inspect` prints and runs templates over (docker re-encodes it)."""
    return types().decode("volume.Volume", raw)


def volume_json(raw: dict) -> bytes:
    """What `volume inspect` prints for a volume: docker's volume.Volume re-encoded by encoding/json
    (its field order, maps sorted, nil maps as null, HTML characters escaped)."""
    from ...golang.json import go_json

    return go_json(to_plain(typed_volume(raw)), escape_html=True, sort_keys=True).encode()


def typed_object(kind: str, raw):
    """The Go value docker's inspect runs a template over first (`kind`: container, image, network, volume),
    or None for objects pydock has no Go type for (docker then has only the raw JSON too, or fails alike)."""
    type_name = INSPECT_TYPES.get(kind)
    if type_name is None or not isinstance(raw, dict):
        return None
    return types().decode(type_name, raw)


def json_funcs() -> dict:
    """The template's `json`, understanding these types (docker's encoder, HTML escaping off): structs in
    field order, maps (typed ones and the raw JSON's objects) with sorted keys."""
    return _json_funcs(to_plain, sort_maps=True)
