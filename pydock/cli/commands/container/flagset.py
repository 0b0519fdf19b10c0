"""The flag set `run` and `create` share (docker's addFlags), declared with cli.flags.option."""
from __future__ import annotations

from ...flags import option

# what some of these flags take, as docker's completion offers them (cli/command/completion, container/opts.go)
RESTART_POLICIES = ("no", "always", "on-failure", "unless-stopped")
PULL_POLICIES = ("always", "missing", "never")
CAPABILITIES = ("ALL", "CAP_AUDIT_CONTROL", "CAP_AUDIT_READ", "CAP_AUDIT_WRITE", "CAP_BLOCK_SUSPEND", "CAP_BPF",
                "CAP_CHECKPOINT_RESTORE", "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
                "CAP_FSETID", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_KILL", "CAP_LEASE", "CAP_LINUX_IMMUTABLE",
                "CAP_MAC_ADMIN", "CAP_MAC_OVERRIDE", "CAP_MKNOD", "CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE",
                "CAP_NET_BROADCAST", "CAP_NET_RAW", "CAP_PERFMON", "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP",
                "CAP_SETUID", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_CHROOT", "CAP_SYS_MODULE", "CAP_SYS_NICE",
                "CAP_SYS_PACCT", "CAP_SYS_PTRACE", "CAP_SYS_RAWIO", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
                "CAP_SYS_TTY_CONFIG", "CAP_SYSLOG", "CAP_WAKE_ALARM")
LOG_DRIVERS = ("awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "logentries", "none",
               "splunk", "syslog")
SECURITY_OPTS = ("apparmor=", "label=", "no-new-privileges", "seccomp=", "systempaths=unconfined")

# (declarations, kind, help, default[, other keywords of cli.flags.option]) in docker's order: `complete=` (what
# the value is), docker's annotations (`api_version=`, `os_type=`) and `hidden=` (as docker hides the flag from a
# Linux engine speaking API 1.41: Windows-only, or newer API)
CONTAINER_FLAGS = [
    (("-a", "--attach"), "attach", "Attach to STDIN, STDOUT or STDERR", None,
     {"complete": ("stdin", "stdout", "stderr")}),
    (("--device-cgroup-rule",), "cgroup-rule", "Add a rule to the cgroup allowed devices list", None),
    (("--device",), "list", "Add a host device to the container", None),
    (("-e", "--env"), "env", "Set environment variables", None, {"complete": "env"}),
    (("--env-file",), "list", "Read in a file of environment variables", None, {"complete": "file"}),
    (("--entrypoint",), "string", "Overwrite the default ENTRYPOINT of the image", None),
    (("--group-add",), "list", "Add additional groups to join", None),
    (("-h", "--hostname"), "string", "Container host name", ""),
    (("--domainname",), "string", "Container NIS domain name", ""),
    (("-i", "--interactive"), "bool", "Keep STDIN open even if not attached", None),
    (("-l", "--label"), "label", "Set meta data on a container", None),
    (("--label-file",), "list", "Read in a line delimited file of labels", None, {"complete": "file"}),
    (("--read-only",), "bool", "Mount the container's root filesystem as read only", None),
    (("--restart",), "string", "Restart policy to apply when a container exits", "no",
     {"complete": RESTART_POLICIES}),
    (("--stop-signal",), "string", "Signal to stop the container", "", {"complete": "signal"}),
    (("--stop-timeout",), "int", "Timeout (in seconds) to stop a container", None, {"api_version": "1.25"}),
    (("--sysctl",), "sysctl", "Sysctl options (default map[])", None),
    (("-t", "--tty"), "bool", "Allocate a pseudo-TTY", None),
    (("--ulimit",), "ulimit", "Ulimit options (default [])", None),
    (("-u", "--user"), "string", "Username or UID (format: <name|uid>[:<group|gid>])", ""),
    (("-w", "--workdir"), "string", "Working directory inside the container", ""),
    (("--rm",), "bool", "Automatically remove the container and its associated anonymous volumes when it exits",
     None),
    (("--cap-add",), "list", "Add Linux capabilities", None, {"complete": CAPABILITIES}),
    (("--cap-drop",), "list", "Drop Linux capabilities", None, {"complete": CAPABILITIES}),
    (("--privileged",), "bool", "Give extended privileges to this container", None),
    (("--security-opt",), "list", "Security Options", None, {"complete": SECURITY_OPTS}),
    (("--userns",), "string", "User namespace to use", "", {"complete": ("host",)}),
    (("--cgroupns",), "string", "Cgroup namespace to use (host|private)\n'host':    Run the container in the "
     "Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':"
     "        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the "
     "daemon (default)", "", {"api_version": "1.41", "complete": ("host", "private")}),
    (("--add-host",), "add-host", "Add a custom host-to-IP mapping (host:ip)", None),
    (("--dns",), "dns", "Set custom DNS servers", None),
    (("--dns-option", "--dns-opt", "dns_option"), "list", "Set DNS options", None),
    (("--dns-search",), "dns-search", "Set custom DNS search domains", None),
    (("--expose",), "list", "Expose a port or a range of ports", None),
    (("--ip",), "string", "IPv4 address (e.g., 172.30.100.104)", ""),
    (("--ip6",), "string", "IPv6 address (e.g., 2001:db8::33)", ""),
    (("--link",), "link", "Add link to another container", None, {"complete": "container"}),
    (("--link-local-ip",), "list", "Container IPv4/IPv6 link-local addresses", None),
    (("--mac-address",), "string", "Container MAC address (e.g., 92:d0:c6:0a:29:33)", ""),
    (("-p", "--publish"), "list", "Publish a container's port(s) to the host", None),
    (("-P", "--publish-all"), "bool", "Publish all exposed ports to random ports", None),
    (("--network", "--net", "network"), "network", "Connect a container to a network", None,
     {"complete": "network-mode"}),
    (("--network-alias", "--net-alias", "network_alias"), "list", "Add network-scoped alias for the container",
     None),
    (("--log-driver",), "string", "Logging driver for the container", "", {"complete": LOG_DRIVERS}),
    (("--volume-driver",), "string", "Optional volume driver for the container", "", {"complete": ("local",)}),
    (("--log-opt",), "list", "Log driver options", None),
    (("--storage-opt",), "list", "Storage driver options for the container", None),
    (("--tmpfs",), "list", "Mount a tmpfs directory", None),
    (("--volumes-from",), "list", "Mount volumes from the specified container(s)", None, {"complete": "container"}),
    (("-v", "--volume"), "list", "Bind mount a volume", None),
    (("--mount",), "mount", "Attach a filesystem mount to the container", None),
    (("--health-cmd",), "string", "Command to run to check health", ""),
    (("--health-interval",), "duration", "Time between running the check (ms|s|m|h) (default 0s)", 0),
    (("--health-retries",), "int", "Consecutive failures needed to report unhealthy", 0),
    (("--health-timeout",), "duration", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", 0),
    (("--health-start-period",), "duration", "Start period for the container to initialize before starting "
     "health-retries countdown (ms|s|m|h) (default 0s)", 0, {"api_version": "1.29"}),
    (("--health-start-interval",), "duration", "Time between running the check during the start period "
     "(ms|s|m|h) (default 0s)", 0, {"api_version": "1.44", "hidden": True}),
    (("--no-healthcheck",), "bool", "Disable any container-specified HEALTHCHECK", None),
    (("--blkio-weight",), "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable "
     "(default 0)", 0),
    (("--blkio-weight-device",), "weight-device", "Block IO weight (relative device weight) (default [])", None),
    (("--cidfile",), "string", "Write the container ID to the file", "", {"complete": "file"}),
    (("--cpuset-cpus",), "string", "CPUs in which to allow execution (0-3, 0,1)", ""),
    (("--cpuset-mems",), "string", "MEMs in which to allow execution (0-3, 0,1)", ""),
    (("--cpu-count",), "int64", "CPU count (Windows only)", 0, {"os_type": "windows", "hidden": True}),
    (("--cpu-percent",), "int64", "CPU percent (Windows only)", 0, {"os_type": "windows", "hidden": True}),
    (("--cpu-period",), "int64", "Limit CPU CFS (Completely Fair Scheduler) period", 0),
    (("--cpu-quota",), "int64", "Limit CPU CFS (Completely Fair Scheduler) quota", 0),
    (("--cpu-rt-period",), "int64", "Limit CPU real-time period in microseconds", 0, {"api_version": "1.25"}),
    (("--cpu-rt-runtime",), "int64", "Limit CPU real-time runtime in microseconds", 0, {"api_version": "1.25"}),
    (("-c", "--cpu-shares"), "int64", "CPU shares (relative weight)", 0),
    (("--cpus",), "decimal", "Number of CPUs", 0, {"api_version": "1.25"}),
    (("--device-read-bps",), "bps-device", "Limit read rate (bytes per second) from a device (default [])", None),
    (("--device-read-iops",), "iops-device", "Limit read rate (IO per second) from a device (default [])", None),
    (("--device-write-bps",), "bps-device", "Limit write rate (bytes per second) to a device (default [])", None),
    (("--device-write-iops",), "iops-device", "Limit write rate (IO per second) to a device (default [])", None),
    (("--io-maxbandwidth",), "bytes", "Maximum IO bandwidth limit for the system drive (Windows only)", 0,
     {"os_type": "windows", "hidden": True}),
    (("--io-maxiops",), "uint64", "Maximum IOps limit for the system drive (Windows only)", 0,
     {"os_type": "windows", "hidden": True}),
    (("--kernel-memory",), "bytes", "Kernel memory limit", 0),
    (("-m", "--memory"), "bytes", "Memory limit", 0),
    (("--memory-reservation",), "bytes", "Memory soft limit", 0),
    (("--memory-swap",), "swap", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", 0),
    (("--memory-swappiness",), "int64", "Tune container memory swappiness (0 to 100)", -1),
    (("--oom-kill-disable",), "bool", "Disable OOM Killer", None),
    (("--oom-score-adj",), "int", "Tune host's OOM preferences (-1000 to 1000)", 0),
    (("--pids-limit",), "int64", "Tune container pids limit (set -1 for unlimited)", 0),
    (("--cgroup-parent",), "string", "Optional parent cgroup for the container", ""),
    (("--ipc",), "string", "IPC mode to use", "", {"complete": ("container:", "host", "none", "private", "shareable")}),
    (("--isolation",), "string", "Container isolation technology", ""),
    (("--pid",), "string", "PID namespace to use", "", {"complete": ("container:", "host")}),
    (("--shm-size",), "bytes", "Size of /dev/shm", 0),
    (("--uts",), "string", "UTS namespace to use", "", {"complete": ("host",)}),
    (("--runtime",), "string", "Runtime to use for this container", ""),
    (("--init",), "optbool", "Run an init inside the container that forwards signals and reaps processes", None,
     {"api_version": "1.25"}),
    (("--gpus",), "gpus", "GPU devices to add to the container ('all' to pass all GPUs)", None,
     {"api_version": "1.40"}),
    (("--annotation",), "map", "Add an annotation to the container (passed through to the OCI runtime)", None,
     {"api_version": "1.43", "hidden": True}),
]
def container_flags(func):
    """Decorate a command with the whole shared flag set."""
    for decls, kind, help_text, default, *extra in reversed(CONTAINER_FLAGS):
        func = option(*decls, kind=kind, help=help_text, default=default, **(extra[0] if extra else {}))(func)
    return func


def create_flags(verb: str):
    """Flags of create that run shares (not stored in Config/HostConfig); `verb` is "running" or "creating"."""
    def decorate(func):
        decorators = [
            option("--name", help="Assign a name to the container", default=""),
            # docker's create help really says "|missing"
            option("--pull", default="missing", help=f'Pull image before {verb} ("always", '
                   f'"{"|" if verb == "creating" else ""}missing", "never")', complete=PULL_POLICIES),
            option("-q", "--quiet", kind="bool", help="Suppress the pull output"),
            option("--platform", help="Set platform if server is multi-platform capable", default="",
                   api_version="1.32", complete="platform"),
            option("--disable-content-trust", kind="optbool", help="Skip image verification (default true)"),
            option("--use-api-socket", kind="bool", help="Bind mount Docker API socket and required auth"),
        ]
        for decorator in reversed(decorators):
            func = decorator(func)
        return func
    return decorate
