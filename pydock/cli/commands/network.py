"""`network` commands (docker/cli cli/command/network): declarations and a few lines each."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..output import print_line, write_flushed
from . import JSON_FORMAT_HELP
from .container.common import GoInt, GoValue, filter_option, opts_parser
from .container.listing import FORMAT_HELP, run_inspect
from .shared import label_option, map_option, strings_option


@click.command("create", cls=DockerCommand, usage="create [OPTIONS] NETWORK", nargs=("exact", 1),
               help="Create a network")
@click.option("--attachable", is_flag=True, help="Enable manual container attachment")
@map_option("--aux-address", "aux_addresses", help="Auxiliary IPv4 or IPv6 addresses used by Network driver")
@click.option("--config-from", default="", metavar="string", help="The network from which to copy the configuration")
@click.option("--config-only", is_flag=True, help="Create a configuration only network")
@click.option("-d", "--driver", default="bridge", metavar="string", help="Driver to manage the Network")
@strings_option("--gateway", "gateways", help="IPv4 or IPv6 Gateway for the master subnet")
@click.option("--ingress", is_flag=True, help="Create swarm routing-mesh network")
@click.option("--internal", is_flag=True, help="Restrict external access to the network")
@strings_option("--ip-range", "ip_ranges", help="Allocate container ip from a sub-range")
@click.option("--ipam-driver", default="default", metavar="string", help="IP Address Management Driver")
@map_option("--ipam-opt", "ipam_opts", help="Set IPAM driver specific options")
@click.option("--ipv4", is_flag=True, default=None, help="Enable or disable IPv4 address assignment (default true)")
@click.option("--ipv6", is_flag=True, default=None, help="Enable or disable IPv6 address assignment")
@label_option("Set metadata on a network")
@map_option("-o", "--opt", "options", help="Set driver specific options")
@click.option("--scope", default="", metavar="string", help="Control the network's scope")
@strings_option("--subnet", "subnets", help="Subnet in CIDR format that represents a network segment")
@click.argument("name", nargs=-1)
@click.pass_obj
def create(env, name, ipam_driver, subnets, ip_ranges, gateways, aux_addresses, ipam_opts, **flags):
    """The IPAM flags are checked first: a refusal creates nothing."""
    from ...opts import OptError
    from ...opts.env import kv_to_map
    from ...opts.ipam import ipam_config
    from ...opts.network import create_request

    try:
        ipam = ipam_config(driver=ipam_driver, subnets=subnets, ip_ranges=ip_ranges, gateways=gateways,
                           aux_addresses=kv_to_map(aux_addresses), options=kv_to_map(ipam_opts))
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None
    print_line(env.stdout, env.api.networks.create(create_request(name[0], ipam=ipam, **flags)).get("Id") or "")


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",), help="List networks")
@filter_option("-f", "--filter", help='Provide filter values (e.g. "driver=bridge")')
@click.option("--format", "fmt", default="", metavar="string", help=FORMAT_HELP)
@click.option("--no-trunc", is_flag=True, help="Do not truncate the output")
@click.option("-q", "--quiet", is_flag=True, help="Only display network IDs")
@click.pass_obj
def ls(env, filters, fmt, no_trunc, quiet):
    from ...formatting.contexts import network
    from ...opts.filters import parse_filters
    from .shared import natural_sorted, write_listing

    rows = natural_sorted(env.api.networks.list(filters=parse_filters(filters)), key=lambda r: r.get("Name") or "")
    write_listing(env, (network.NetworkContext(r, trunc=not no_trunc) for r in rows), fmt, quiet, network)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] NETWORK [NETWORK...]", nargs=("min", 1),
               help="Display detailed information on one or more networks")
@click.option("-f", "--format", "fmt", default="", metavar="string", help=JSON_FORMAT_HELP)
@click.option("-v", "--verbose", is_flag=True, help="Verbose output for diagnostics")
@click.argument("networks", nargs=-1)
@click.pass_obj
def inspect(env, fmt, verbose, networks):
    api = env.api.networks
    run_inspect(env, networks, fmt, lambda name: (api.inspect_raw(name, verbose=verbose), "network"))


@click.command("connect", cls=DockerCommand, usage="connect [OPTIONS] NETWORK CONTAINER", nargs=("exact", 2),
               help="Connect a container to a network")
@strings_option("--alias", "aliases", help="Add network-scoped alias for the container")
@strings_option("--driver-opt", "driver_options", help="driver options for the network")
@click.option("--gw-priority", type=GoInt(type_name="int"), default=0, metavar="int",
              help="Highest gw-priority provides the default gateway. Accepts positive and negative values.")
@click.option("--ip", default="", metavar="string", help='IPv4 address (e.g., "172.30.100.104")')
@click.option("--ip6", default="", metavar="string", help='IPv6 address (e.g., "2001:db8::33")')
@click.option("--link", "links", multiple=True, metavar="list", help="Add link to another container",
              type=GoValue(opts_parser("validators", "validate_link"), "list"))
@strings_option("--link-local-ip", "link_local_ips", help="Add a link-local address for the container")
@click.argument("args", nargs=-1)
@click.pass_obj
def connect(env, aliases, driver_options, gw_priority, ip, ip6, links, link_local_ips, args):
    from ...opts import OptError
    from ...opts.network import connect_endpoint

    try:
        endpoint = connect_endpoint(ipv4=ip, ipv6=ip6, links=links, aliases=aliases, link_local_ips=link_local_ips,
                                    driver_options=driver_options, gw_priority=gw_priority)
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None
    env.api.networks.connect(args[0], {"Container": args[1], "EndpointConfig": endpoint})


@click.command("disconnect", cls=DockerCommand, usage="disconnect [OPTIONS] NETWORK CONTAINER", nargs=("exact", 2),
               help="Disconnect a container from a network")
@click.option("-f", "--force", is_flag=True, help="Force the container to disconnect from a network")
@click.argument("args", nargs=-1)
@click.pass_obj
def disconnect(env, force, args):
    env.api.networks.disconnect(args[0], {"Container": args[1], "Force": force})


INGRESS_WARNING = ("WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run "
                   "the same docker engine version. Otherwise, removal may not be effective and functionality of "
                   "newly create ingress networks will be impaired.\nAre you sure you want to continue?")


@click.command("rm", cls=DockerCommand, usage="rm NETWORK [NETWORK...]", nargs=("min", 1),
               help="Remove one or more networks")
@click.option("-f", "--force", is_flag=True, help="Do not error if the network does not exist")
@click.argument("networks", nargs=-1)
@click.pass_obj
def rm(env, force, networks):
    """Concurrently, printing as docker's one-by-one loop does; an ingress network asks first, in order."""
    from ...transport.errors import DockerError, NotFound
    from .container.common import each_container

    api = env.api.networks

    def is_ingress(name: str) -> bool:
        try:
            return bool(api.inspect(name).get("Ingress"))
        except DockerError:
            return False
    ingress = {name for name, found, _ in each_container(list(networks), is_ingress) if found}
    results = _one_by_one(env, networks, ingress, api.remove) if ingress else each_container(list(networks), api.remove)
    failed = False
    for name, _, error in results:
        if error is None:
            print_line(env.stdout, name)
        elif not (force and isinstance(error, NotFound)):
            print_line(env.stderr, str(error))
            failed = True
    if failed:
        raise StatusError("exit status 1", FAILURE)


def _one_by_one(env, names, ingress, remove):
    """docker's own loop, for when a routing-mesh network needs its prompt between removals."""
    from ...transport.errors import DockerError
    from .container.common import confirm

    for name in names:
        if name in ingress and not confirm(env, INGRESS_WARNING):
            continue
        try:
            remove(name)
            yield name, None, None
        except DockerError as exc:
            yield name, None, exc


PRUNE_WARNING = ("WARNING! This will remove all custom networks not used by at least one container.\n"
                 "Are you sure you want to continue?")


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",), help="Remove all unused networks")
@filter_option(help='Provide filter values (e.g. "until=<timestamp>")')
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation")
@click.pass_obj
def prune(env, filters, force):
    from ...opts.filters import parse_filters
    from .container.common import merge_prune_filters
    from .shared import confirm_or_cancel

    wanted = merge_prune_filters(parse_filters(filters), env.config.get("pruneFilters"))
    if not confirm_or_cancel(env, force, PRUNE_WARNING):
        return
    deleted = env.api.networks.prune(wanted).get("NetworksDeleted") or []
    if deleted:
        write_flushed(env.stdout, "Deleted Networks:\n" + "".join(f"{name}\n" for name in deleted) + "\n")
