"""`stats` rows: docker/cli's StatsEntry (computed from one /stats sample) and its statsContext."""
from __future__ import annotations

from dataclasses import dataclass

from ..displayutils import truncate_id
from .base import Context, GoStructValue, ListingSpec

DEFAULT_TABLE = ("table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t"
                 "{{.BlockIO}}\t{{.PIDs}}")
WINDOWS_TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.NetIO}}\t{{.BlockIO}}"
NO_VALUE = "--"


def headers(os_type: str = "linux") -> dict:
    return {"Container": "CONTAINER", "Name": "NAME", "ID": "CONTAINER ID", "CPUPerc": "CPU %",
            "MemUsage": "PRIV WORKING SET" if os_type == "windows" else "MEM USAGE / LIMIT",
            "MemPerc": "MEM %", "NetIO": "NET I/O", "BlockIO": "BLOCK I/O", "PIDs": "PIDS"}


def spec(os_type: str = "linux") -> ListingSpec:
    """NewStatsFormat: "" and "table" mean the default columns for the engine's OS; statsFormat from
    config.json; no quiet or raw format."""
    return ListingSpec(context=StatsContext, headers=headers(os_type), config_key="statsFormat",
                       default_table=WINDOWS_TABLE if os_type == "windows" else DEFAULT_TABLE)


@dataclass
class StatsEntry:
    container: str
    name: str = ""
    id: str = ""
    cpu_percentage: float = 0.0
    memory: float = 0.0
    memory_limit: float = 0.0
    memory_percentage: float = 0.0
    network_rx: float = 0.0
    network_tx: float = 0.0
    block_read: float = 0.0
    block_write: float = 0.0
    pids_current: int = 0
    is_invalid: bool = False


def entry_from_sample(container: str, v: dict, os_type: str = "linux") -> StatsEntry:
    """What docker's collect() computes from one sample of the engine's /stats stream."""
    entry = StatsEntry(container, v.get("name") or "", v.get("id") or "")
    if os_type == "windows":
        entry.cpu_percentage = _cpu_percent_windows(v)
        storage = v.get("storage_stats") or {}
        entry.block_read = float(storage.get("read_size_bytes") or 0)
        entry.block_write = float(storage.get("write_size_bytes") or 0)
        entry.memory = float((v.get("memory_stats") or {}).get("privateworkingset") or 0)
    else:
        pre = v.get("precpu_stats") or {}
        entry.cpu_percentage = cpu_percent_unix((pre.get("cpu_usage") or {}).get("total_usage") or 0,
                                                pre.get("system_cpu_usage") or 0, v)
        entry.block_read, entry.block_write = block_io(v.get("blkio_stats") or {})
        memory = v.get("memory_stats") or {}
        entry.memory = mem_usage_no_cache(memory)
        entry.memory_limit = float(memory.get("limit") or 0)
        entry.memory_percentage = entry.memory / entry.memory_limit * 100.0 if entry.memory_limit else 0.0
        entry.pids_current = (v.get("pids_stats") or {}).get("current") or 0
    entry.network_rx, entry.network_tx = network_io(v.get("networks") or {})
    return entry


def cpu_percent_unix(previous_cpu: int, previous_system: int, v: dict) -> float:
    cpu = v.get("cpu_stats") or {}
    usage = cpu.get("cpu_usage") or {}
    cpu_delta = float(usage.get("total_usage") or 0) - float(previous_cpu)
    system_delta = float(cpu.get("system_cpu_usage") or 0) - float(previous_system)
    online = float(cpu.get("online_cpus") or 0) or float(len(usage.get("percpu_usage") or []))
    if system_delta > 0.0 and cpu_delta > 0.0:
        return cpu_delta / system_delta * online * 100.0
    return 0.0


def _cpu_percent_windows(v: dict) -> float:
    from datetime import datetime

    def parse(ts: str):
        try:
            return datetime.fromisoformat((ts or "")[:26].rstrip("Z") + "+00:00")
        except ValueError:
            return None
    read, pre = parse(v.get("read")), parse(v.get("preread"))
    if read is None or pre is None:
        return 0.0
    intervals = int((read - pre).total_seconds() * 1e9) // 100 * int(v.get("num_procs") or 0)
    used = ((v.get("cpu_stats") or {}).get("cpu_usage") or {}).get("total_usage", 0) - \
        ((v.get("precpu_stats") or {}).get("cpu_usage") or {}).get("total_usage", 0)
    return used / intervals * 100.0 if intervals > 0 else 0.0


def block_io(blkio: dict) -> tuple[float, float]:
    read = write = 0
    for entry in blkio.get("io_service_bytes_recursive") or []:
        op = entry.get("op") or ""
        if op[:1] in ("r", "R"):
            read += entry.get("value") or 0
        elif op[:1] in ("w", "W"):
            write += entry.get("value") or 0
    return float(read), float(write)


def network_io(networks: dict) -> tuple[float, float]:
    rx = sum(float(n.get("rx_bytes") or 0) for n in networks.values())
    tx = sum(float(n.get("tx_bytes") or 0) for n in networks.values())
    return rx, tx


def mem_usage_no_cache(memory: dict) -> float:
    """Usage minus inactive file pages (total_inactive_file on cgroup v1, inactive_file on v2)."""
    usage = memory.get("usage") or 0
    stats = memory.get("stats") or {}
    if "total_inactive_file" in stats and stats["total_inactive_file"] < usage:
        return float(usage - stats["total_inactive_file"])
    inactive = stats.get("inactive_file") or 0
    if inactive < usage:
        return float(usage - inactive)
    return float(usage)


def _percentage(value: float) -> str:
    return f"{value:.2f}%"


class StatsContext(Context):
    go_type_name = "*container.statsContext"
    json_fields = ("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs")

    def __init__(self, entry: StatsEntry, os_type: str = "linux", trunc: bool = True):
        self.s, self.os, self.trunc = entry, os_type, trunc

    def go_fields(self) -> list[tuple[str, object]]:
        s = self.s
        entry = GoStructValue("container.StatsEntry", [
            ("Container", s.container), ("Name", s.name), ("ID", s.id), ("CPUPercentage", float(s.cpu_percentage)),
            ("Memory", float(s.memory)), ("MemoryLimit", float(s.memory_limit)),
            ("MemoryPercentage", float(s.memory_percentage)), ("NetworkRx", float(s.network_rx)),
            ("NetworkTx", float(s.network_tx)), ("BlockRead", float(s.block_read)),
            ("BlockWrite", float(s.block_write)), ("PidsCurrent", s.pids_current), ("IsInvalid", s.is_invalid)])
        return [("s", entry), ("os", self.os), ("trunc", self.trunc)]

    def Container(self) -> str:  # noqa: N802 - Go's field names
        return self.s.container

    def Name(self) -> str:  # noqa: N802
        return self.s.name[1:] if len(self.s.name) > 1 else NO_VALUE

    def ID(self) -> str:  # noqa: N802
        return truncate_id(self.s.id) if self.trunc else self.s.id

    def CPUPerc(self) -> str:  # noqa: N802
        return NO_VALUE if self.s.is_invalid else _percentage(self.s.cpu_percentage)

    def MemUsage(self) -> str:  # noqa: N802
        from ..units import bytes_size

        if self.s.is_invalid:
            return "-- / --"
        if self.os == "windows":
            return bytes_size(self.s.memory)
        return f"{bytes_size(self.s.memory)} / {bytes_size(self.s.memory_limit)}"

    def MemPerc(self) -> str:  # noqa: N802
        if self.s.is_invalid or self.os == "windows":
            return NO_VALUE
        return _percentage(self.s.memory_percentage)

    def NetIO(self) -> str:  # noqa: N802
        return NO_VALUE if self.s.is_invalid else _pair(self.s.network_rx, self.s.network_tx)

    def BlockIO(self) -> str:  # noqa: N802
        return NO_VALUE if self.s.is_invalid else _pair(self.s.block_read, self.s.block_write)

    def PIDs(self) -> str:  # noqa: N802
        if self.s.is_invalid or self.os == "windows":
            return NO_VALUE
        return str(self.s.pids_current)


def _pair(a: float, b: float) -> str:
    from ..units import human_size_with_precision

    return f"{human_size_with_precision(a, 3)} / {human_size_with_precision(b, 3)}"


SPEC = spec()
