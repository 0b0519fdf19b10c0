"""`docker info` without --format: the Client and Server sections, line for line as docker 28.

Values come from the typed dockerInfo (contexts.system), so a field the engine left out prints
its Go zero value, as docker's does. Returns text for stdout and lines for stderr.
"""
from __future__ import annotations

from ...golang.fmt import format_value
from ...golang.strconv import go_quote

INACTIVE_SWARM_STATES = ("inactive", "locked")


def _v(value) -> str:
    """fmt.Println's rendering of one operand."""
    return format_value(value)


class _Out:
    def __init__(self):
        self.lines: list[str] = []

    def line(self, *parts) -> None:
        """fmt.Println: operands separated by single spaces."""
        self.lines.append(" ".join(p if isinstance(p, str) else _v(p) for p in parts))

    def non_empty(self, label: str, value: str) -> None:
        if value != "":
            self.line(label, value)

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def client_text(client) -> str:
    """The Client: section (client is the clientInfo struct)."""
    out = _Out()
    platform = client.Platform
    name = getattr(platform, "Name", "") if platform else ""
    out.line("Client:", name) if name else out.line("Client:")
    out.non_empty(" Version:   ", client.Version)
    out.line(" Context:   ", client.Context)
    out.line(" Debug Mode:", client.Debug)
    return out.text()


def server_text(info, *, client_debug: bool, username: str = "") -> tuple[str, list[str], list[str]]:
    """(stdout text, warnings for stderr, errors) of the Server: section's body."""
    out = _Out()
    errors: list[str] = []
    _counts(out, info)
    _storage_and_plugins(out, info)
    out.line(" Swarm:", info.Swarm.LocalNodeState)
    _swarm(out, info.Swarm)
    if len(info.Runtimes) > 0:
        out.line(" Runtimes:", " ".join(info.Runtimes))
        out.line(" Default Runtime:", info.DefaultRuntime)
    if info.OSType == "linux":
        _linux(out, info, errors)
    if info.OSType == "windows":
        out.line(" Default Isolation:", info.Isolation)
    _host(out, info, client_debug, username)
    _registries(out, info)
    out.line(" Live Restore Enabled:", info.LiveRestoreEnabled)
    if info.ProductLicense:
        out.line(" Product License:", info.ProductLicense)
    if info.DefaultAddressPools:
        out.line(" Default Address Pools:")
        for pool in info.DefaultAddressPools:
            out.lines.append(f"   Base: {pool.Base}, Size: {pool.Size}")
    out.line()
    return out.text(), list(info.Warnings), errors


def _counts(out: _Out, info) -> None:
    out.line(" Containers:", info.Containers)
    out.line("  Running:", info.ContainersRunning)
    out.line("  Paused:", info.ContainersPaused)
    out.line("  Stopped:", info.ContainersStopped)
    out.line(" Images:", info.Images)
    out.non_empty(" Server Version:", info.ServerVersion)


def _storage_and_plugins(out: _Out, info) -> None:
    out.non_empty(" Storage Driver:", info.Driver)
    for pair in info.DriverStatus:
        out.lines.append(f"  {pair[0]}: {pair[1]}")
    for pair in info.SystemStatus:
        out.lines.append(f" {pair[0]}: {pair[1]}")
    out.non_empty(" Logging Driver:", info.LoggingDriver)
    out.non_empty(" Cgroup Driver:", info.CgroupDriver)
    out.non_empty(" Cgroup Version:", info.CgroupVersion)
    plugins = info.Plugins
    out.line(" Plugins:")
    out.line("  Volume:", " ".join(plugins.Volume))
    out.line("  Network:", " ".join(plugins.Network))
    if plugins.Authorization:
        out.line("  Authorization:", " ".join(plugins.Authorization))
    out.line("  Log:", " ".join(plugins.Log))
    if info.CDISpecDirs:
        out.line(" CDI spec directories:")
        for directory in info.CDISpecDirs:
            out.lines.append(f"  {directory}")


def _linux(out: _Out, info, errors: list[str]) -> None:
    out.line(" Init Binary:", info.InitBinary)
    out.line(" containerd version:", info.ContainerdCommit.ID)
    out.line(" runc version:", info.RuncCommit.ID)
    out.line(" init version:", info.InitCommit.ID)
    if not info.SecurityOptions:
        return
    try:
        options = decode_security_options(info.SecurityOptions)
    except ValueError as exc:
        errors.append(str(exc))
        return
    out.line(" Security Options:")
    for name, pairs in options:
        out.line("  " + name)
        for key, value in pairs:
            if key == "profile":
                out.line("   Profile:", value)


def decode_security_options(options: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """system.DecodeSecurityOptions: "name=seccomp,profile=default" -> ("seccomp", [("profile", …)])."""
    decoded = []
    for option in options:
        if "=" not in option:  # the old format: a bare name
            decoded.append((option, []))
            continue
        name, pairs = "", []
        for part in option.split(","):
            key, sep, value = part.partition("=")
            if not sep:
                raise ValueError(f"invalid security option {go_quote(part)}")
            if key == "name":
                name = value
            else:
                pairs.append((key, value))
        decoded.append((name, pairs))
    return decoded


def _host(out: _Out, info, client_debug: bool, username: str) -> None:
    from ..units import bytes_size

    out.non_empty(" Kernel Version:", info.KernelVersion)
    out.non_empty(" Operating System:", info.OperatingSystem)
    out.non_empty(" OSType:", info.OSType)
    out.non_empty(" Architecture:", info.Architecture)
    out.line(" CPUs:", info.NCPU)
    out.line(" Total Memory:", bytes_size(float(info.MemTotal)))
    out.non_empty(" Name:", info.Name)
    out.non_empty(" ID:", info.ID)
    out.line(" Docker Root Dir:", info.DockerRootDir)
    out.line(" Debug Mode:", info.Debug)
    if info.Debug or client_debug:
        out.line("  File Descriptors:", info.NFd)
        out.line("  Goroutines:", info.NGoroutines)
        out.line("  System Time:", info.SystemTime)
        out.line("  EventsListeners:", info.NEventsListener)
    out.non_empty(" HTTP Proxy:", info.HTTPProxy)
    out.non_empty(" HTTPS Proxy:", info.HTTPSProxy)
    out.non_empty(" No Proxy:", info.NoProxy)
    out.non_empty(" Username:", username)
    if info.Labels:
        out.line(" Labels:")
        for label in info.Labels:
            out.line("  " + label)
    out.line(" Experimental:", info.ExperimentalBuild)


def _registries(out: _Out, info) -> None:
    registry = info.RegistryConfig
    if not registry:
        return
    if registry.InsecureRegistryCIDRs or registry.IndexConfigs:
        out.line(" Insecure Registries:")
        for index in registry.IndexConfigs.values():
            if not index.Secure:
                out.line("  " + index.Name)
        for cidr in registry.InsecureRegistryCIDRs:
            out.lines.append(f"  {cidr}")
    if registry.Mirrors:
        out.line(" Registry Mirrors:")
        for mirror in registry.Mirrors:
            out.line("  " + mirror)


def _swarm(out: _Out, swarm) -> None:
    if swarm.LocalNodeState in INACTIVE_SWARM_STATES:
        return
    out.line("  NodeID:", swarm.NodeID)
    if swarm.Error:
        out.line("  Error:", swarm.Error)
    out.line("  Is Manager:", swarm.ControlAvailable)
    cluster = swarm.Cluster
    if isinstance(cluster, dict) and swarm.ControlAvailable and not swarm.Error \
            and swarm.LocalNodeState != "error":
        _cluster(out, swarm, cluster)
    out.line("  Node Address:", swarm.NodeAddr)
    managers = sorted(peer.Addr for peer in swarm.RemoteManagers)
    if managers:
        out.line("  Manager Addresses:")
        for address in managers:
            out.lines.append(f"   {address}")


def _cluster(out: _Out, swarm, cluster: dict) -> None:
    from ..units import human_duration

    spec = cluster.get("Spec") or {}
    out.line("  ClusterID:", cluster.get("ID", ""))
    out.line("  Managers:", swarm.Managers)
    out.line("  Nodes:", swarm.Nodes)
    pools = cluster.get("DefaultAddrPool")
    if pools is not None:
        out.line("  Default Address Pool:", "".join(p + "  " for p in pools))
        out.line("  SubnetSize:", cluster.get("SubnetSize", 0))
    if cluster.get("DataPathPort", 0) > 0:
        out.line("  Data Path Port:", cluster["DataPathPort"])
    out.line("  Orchestration:")
    out.line("   Task History Retention Limit:",
             (spec.get("Orchestration") or {}).get("TaskHistoryRetentionLimit") or 0)
    raft = spec.get("Raft") or {}
    out.line("  Raft:")
    out.line("   Snapshot Interval:", raft.get("SnapshotInterval", 0))
    if raft.get("KeepOldSnapshots") is not None:
        out.lines.append(f"   Number of Old Snapshots to Retain: {raft['KeepOldSnapshots']}")
    out.line("   Heartbeat Tick:", raft.get("HeartbeatTick", 0))
    out.line("   Election Tick:", raft.get("ElectionTick", 0))
    dispatcher = spec.get("Dispatcher") or {}
    out.line("  Dispatcher:")
    out.line("   Heartbeat Period:", human_duration(dispatcher.get("HeartbeatPeriod", 0) / 1e9))
    ca = spec.get("CAConfig") or {}
    out.line("  CA Configuration:")
    out.line("   Expiry Duration:", human_duration(ca.get("NodeCertExpiry", 0) / 1e9))
    out.line("   Force Rotate:", ca.get("ForceRotate", 0))
    signing = (ca.get("SigningCACert") or "").strip()
    if signing:
        out.lines.append(f"   Signing CA Certificate: \n{signing}\n")
    if ca.get("ExternalCAs"):
        out.line("   External CAs:")
        for entry in ca["ExternalCAs"]:
            out.lines.append(f"     {entry.get('Protocol', '')}: {entry.get('URL', '')}")
    out.line("  Autolock Managers:", (spec.get("EncryptionConfig") or {}).get("AutoLockManagers", False))
    out.line("  Root Rotation In Progress:", cluster.get("RootRotationInProgress", False))
