"""stats' row context, computed as docker/cli's StatsEntry and stats context do."""
from __future__ import annotations

from pydock.formatting.contexts.stats import StatsContext, StatsEntry, entry_from_sample, mem_usage_no_cache

SAMPLE = {
    "name": "/web", "id": "f" * 64,
    "cpu_stats": {"cpu_usage": {"total_usage": 300, "percpu_usage": [1, 2]}, "system_cpu_usage": 2000,
                  "online_cpus": 2},
    "precpu_stats": {"cpu_usage": {"total_usage": 100}, "system_cpu_usage": 1000},
    "memory_stats": {"usage": 3 * 1024 * 1024, "limit": 100 * 1024 * 1024,
                     "stats": {"total_inactive_file": 1024 * 1024, "inactive_file": 5}},
    "blkio_stats": {"io_service_bytes_recursive": [{"op": "Read", "value": 1000}, {"op": "write", "value": 24},
                                                   {"op": "Total", "value": 1024}]},
    "networks": {"eth0": {"rx_bytes": 1500, "tx_bytes": 10}, "eth1": {"rx_bytes": 500, "tx_bytes": 0}},
    "pids_stats": {"current": 3},
}


def test_stats_entry_and_columns():
    row = StatsContext(entry_from_sample("web", SAMPLE))
    assert row.CPUPerc() == "40.00%"  # 200/1000 * 2 CPUs
    assert row.MemUsage() == "2MiB / 100MiB" and row.MemPerc() == "2.00%"
    assert row.NetIO() == "2kB / 10B" and row.BlockIO() == "1kB / 24B" and row.PIDs() == "3"
    assert row.Name() == "web" and row.ID() == "f" * 12 and row.Container() == "web"


def test_stats_invalid_entry_shows_dashes():
    row = StatsContext(StatsEntry("web", is_invalid=True))
    assert [row.CPUPerc(), row.MemUsage(), row.MemPerc(), row.NetIO(), row.BlockIO(), row.PIDs(), row.Name()] == \
        ["--", "-- / --", "--", "--", "--", "--", "--"]


def test_memory_without_cache():
    assert mem_usage_no_cache({"usage": 100, "stats": {"total_inactive_file": 40}}) == 60
    assert mem_usage_no_cache({"usage": 100, "stats": {"inactive_file": 30}}) == 70  # cgroup v2
    assert mem_usage_no_cache({"usage": 100, "stats": {"total_inactive_file": 400}}) == 100
