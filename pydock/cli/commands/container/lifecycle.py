"""stop, restart, kill, rm, pause, unpause, rename, update, prune: declarations and wiring."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...batch import confirm, fail_with, prune_filters, run_on_each
from ...errors import FAILURE, StatusError
from ...flags import argument, filter_option, option
from ...output import print_line
from .flagset import RESTART_POLICIES

PRUNE_FILTERS = {"until": None, "label": None}  # what the engine takes for a container prune
TIME_DEPRECATED = "Flag --time has been deprecated, use --timeout instead"


def _timeout_options(func):
    func = option("--time", "time_", kind="int", hidden=True,
                  help="Seconds to wait before killing the container (deprecated: use --timeout)")(func)
    func = option("-t", "--timeout", kind="int", help="Seconds to wait before killing the container")(func)
    return option("-s", "--signal", default="", help="Signal to send to the container", complete="signal")(func)


def _stop_timeout(env, timeout, time_):
    if time_ is not None:
        print_line(env.stdout, TIME_DEPRECATED)
        if timeout is not None:
            raise StatusError("conflicting options: cannot specify both --timeout and --time", FAILURE)
        return time_
    return timeout


def _stop_each(env, verb: str, signal, timeout, time_, containers) -> None:
    """stop and restart: the same options, the same output."""
    timeout = _stop_timeout(env, timeout, time_)
    action = getattr(env.api.containers, verb)
    run_on_each(env, containers, lambda name: action(name, timeout=timeout, signal=signal or None))


# for the manual page (cli/manpages.py); --help shows neither
STOP_DESCRIPTION = (
    "Stops each running container: the engine sends it its stop signal (SIGTERM unless the image or "
    "--stop-signal chose another, or -s here) and, if it has not exited once the timeout passes, kills it "
    "with SIGKILL. The timeout is -t seconds, else the container's own stop timeout, else 10 seconds; -t "
    "-1 waits for as long as it takes.\n\n"
    "The containers are stopped concurrently; the names of those that stopped are then printed in the "
    "order given, and a failure for one does not keep the others from stopping (pydock then exits 1).")
STOP_EXAMPLES = [  # (what it does, command line)
    ("Stop a container", "pydock stop web"),
    ("Give it one second before SIGKILL", "pydock stop -t 1 web"),
    ("Ask it to stop with another signal", "pydock stop -s SIGINT web"),
    ("Stop every running container", "pydock stop $(pydock ps -q)"),
]


@click.command("stop", cls=DockerCommand, usage="stop [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1),
               description=STOP_DESCRIPTION, examples=STOP_EXAMPLES)
@_timeout_options
@argument("containers", complete="container:live")
@click.pass_obj
def stop(env, signal, timeout, time_, containers):
    _stop_each(env, "stop", signal, timeout, time_, containers)


@click.command("restart", cls=DockerCommand, usage="restart [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1))
@_timeout_options
@argument("containers", complete="container")
@click.pass_obj
def restart(env, signal, timeout, time_, containers):
    _stop_each(env, "restart", signal, timeout, time_, containers)


@click.command("kill", cls=DockerCommand, usage="kill [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1))
@option("-s", "--signal", default="", help="Signal to send to the container", complete="signal")
@argument("containers", complete="container:live")
@click.pass_obj
def kill(env, signal, containers):
    api = env.api.containers
    run_on_each(env, containers, lambda name: api.kill(name, signal or None))


@click.command("pause", cls=DockerCommand, usage="pause CONTAINER [CONTAINER...]", nargs=("min", 1))
@argument("containers", complete="container:running")
@click.pass_obj
def pause(env, containers):
    run_on_each(env, containers, env.api.containers.pause)


@click.command("unpause", cls=DockerCommand, usage="unpause CONTAINER [CONTAINER...]", nargs=("min", 1))
@argument("containers", complete="container:paused")
@click.pass_obj
def unpause(env, containers):
    run_on_each(env, containers, env.api.containers.unpause)


# for the manual page (cli/manpages.py); --help shows neither
RM_DESCRIPTION = (
    "Removes each container, with its writable layer. A running container is refused unless -f is given, "
    "which kills it first (SIGKILL); with -f, a container that does not exist is reported but is not a "
    "failure. -v also removes the anonymous volumes the container created; named volumes are always kept. "
    "-l removes a legacy link instead of a container.\n\n"
    "The names of the removed containers are printed in the order given; the others are still removed "
    "when one fails (pydock then exits 1).")
RM_EXAMPLES = [  # (what it does, command line)
    ("Remove a stopped container", "pydock rm web"),
    ("Kill and remove a running one, with its anonymous volumes", "pydock rm -fv web"),
    ("Remove every stopped container", "pydock rm $(pydock ps -aq --filter status=exited)"),
]


@click.command("rm", cls=DockerCommand, usage="rm [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1),
               description=RM_DESCRIPTION, examples=RM_EXAMPLES)
@option("-f", "--force", kind="bool", help="Force the removal of a running container (uses SIGKILL)")
@option("-l", "--link", kind="bool", help="Remove the specified link")
@option("-v", "--volumes", kind="bool", help="Remove anonymous volumes associated with the container")
@argument("containers", complete="container:removable")
@click.pass_obj
def rm(env, force, link, volumes, containers):
    from ....transport.errors import DockerError, NotFound

    def remove(name: str) -> None:
        name = name.strip("/")
        if not name:
            raise DockerError("container name cannot be empty")
        env.api.containers.remove(name, volumes=volumes, force=force, link=link)

    # `rm -f` of a missing container is not a failure: its error is only shown
    run_on_each(env, containers, remove, only_warn=lambda error: force and isinstance(error, NotFound))


@click.command("rename", cls=DockerCommand, usage="rename CONTAINER NEW_NAME", nargs=("exact", 2))
@argument("names", complete=["container"])
@click.pass_obj
def rename(env, names):
    from ....transport.errors import DockerError

    old, new = (name.strip() for name in names)
    if not old or not new:
        raise StatusError("Error: Neither old nor new names may be empty", FAILURE)
    try:
        env.api.containers.rename(old, new)
    except DockerError as exc:
        print_line(env.stderr, str(exc))
        raise StatusError(f"Error: failed to rename container named {old}", FAILURE) from None


PRUNE_WARNING = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?"


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",))
@option("-f", "--force", kind="bool", help="Do not prompt for confirmation")
@filter_option(help='Provide filter values (e.g. "until=<timestamp>")', complete=PRUNE_FILTERS)
@argument("args")
@click.pass_obj
def prune(env, force, filters, args):
    from ....formatting.units import human_size

    wanted = prune_filters(env, filters)
    if not force and not confirm(env, PRUNE_WARNING):
        return
    report = env.api.containers.prune(wanted) or {}
    deleted = report.get("ContainersDeleted") or []
    reclaimed = report.get("SpaceReclaimed", 0) if deleted else 0
    if deleted:
        env.stdout.write("Deleted Containers:\n" + "".join(f"{cid}\n" for cid in deleted) + "\n")
    print_line(env.stdout, f"Total reclaimed space: {human_size(reclaimed, 4)}")  # go-units' HumanSize


_UPDATE_FIELDS = {  # option name -> Resources field
    "blkio_weight": "BlkioWeight", "cpu_period": "CPUPeriod", "cpu_quota": "CPUQuota",
    "cpu_rt_period": "CPURealtimePeriod", "cpu_rt_runtime": "CPURealtimeRuntime",
    "cpuset_cpus": "CpusetCpus", "cpuset_mems": "CpusetMems", "cpu_shares": "CPUShares",
    "memory": "Memory", "memory_reservation": "MemoryReservation", "memory_swap": "MemorySwap",
    "kernel_memory": "KernelMemory", "cpus": "NanoCpus",
}


def update_body(options: dict) -> dict:
    """The UpdateConfig docker sends: every resource field (zero when unset), PidsLimit only when set."""
    body = {field: options.get(name) or (0 if field not in ("CpusetCpus", "CpusetMems") else "")
            for name, field in _UPDATE_FIELDS.items()}
    if options.get("pids_limit"):
        body["PidsLimit"] = options["pids_limit"]
    from ....opts.validators import parse_restart_policy

    body["RestartPolicy"] = parse_restart_policy(options.get("restart") or "")  # "" leaves it as is
    return body


@click.command("update", cls=DockerCommand, usage="update [OPTIONS] CONTAINER [CONTAINER...]", nargs=("min", 1))
@option("--blkio-weight", kind="uint16",
        help="Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
@option("--cpu-period", kind="int", help="Limit CPU CFS (Completely Fair Scheduler) period")
@option("--cpu-quota", kind="int", help="Limit CPU CFS (Completely Fair Scheduler) quota")
@option("--cpu-rt-period", kind="int", api_version="1.25", help="Limit the CPU real-time period in microseconds")
@option("--cpu-rt-runtime", kind="int", api_version="1.25", help="Limit the CPU real-time runtime in microseconds")
@option("-c", "--cpu-shares", kind="int", help="CPU shares (relative weight)")
@option("--cpus", kind="decimal", api_version="1.29", help="Number of CPUs")
@option("--cpuset-cpus", help="CPUs in which to allow execution (0-3, 0,1)")
@option("--cpuset-mems", help="MEMs in which to allow execution (0-3, 0,1)")
@option("-m", "--memory", kind="bytes", help="Memory limit")
@option("--memory-reservation", kind="bytes", help="Memory soft limit")
@option("--memory-swap", kind="swap", help="Swap limit equal to memory plus swap: -1 to enable unlimited swap")
@option("--kernel-memory", kind="bytes", hidden=True, help="Kernel memory limit (deprecated)")
@option("--pids-limit", kind="int", api_version="1.40", help="Tune container pids limit (set -1 for unlimited)")
@option("--restart", help="Restart policy to apply when a container exits", complete=RESTART_POLICIES)
@argument("containers", complete="container")
@click.pass_context
def update(ctx, containers, **options):
    from ....transport.errors import DockerError

    env = ctx.obj
    given = [name for name in options if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE]
    if not given:
        raise StatusError("you must provide one or more flags when using this command", FAILURE)
    try:
        body = update_body(options)
    except ValueError as exc:
        raise StatusError(str(exc), FAILURE) from None
    warnings, errors = [], []
    for name in containers:  # sequential, as docker does: warnings follow the order of the containers
        try:
            answer = env.api.containers.update(name, body)
        except DockerError as exc:
            errors.append(str(exc))
            continue
        print_line(env.stdout, name)
        warnings.extend(answer.get("Warnings") or [])
    if warnings:
        print_line(env.stdout, "\n".join(warnings))
    fail_with(errors)
