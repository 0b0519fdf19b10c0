"""`network` commands (docker/cli cli/command/network): declarations and a few lines each."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..flags import JSON_FORMAT_HELP, argument, filter_option, format_option, no_trunc_option, option, quiet_option
from ..output import print_line, write_flushed

MAP_DEFAULT = " (default map[])"  # pflag's default shown for a MapOpts flag
DRIVERS = ("bridge", "ipvlan", "macvlan", "overlay")  # the built-in drivers a network can be created with
SCOPES = ("local", "global", "swarm")
# network ls's filter keys (moby's network filters) and what their values are
LS_FILTERS = {"dangling": ("true", "false"), "driver": None, "id": None, "label": None, "name": "network",
              "scope": SCOPES, "type": ("custom", "builtin")}


# for the manual page (cli/manpages.py); --help shows neither
CREATE_DESCRIPTION = (
    "Creates a network that containers can join (run --network, network connect) and prints its ID. The "
    "bridge driver, the default, makes a network local to this engine, whose containers reach each other "
    "by name; overlay needs a swarm, and macvlan or ipvlan attach containers to a host interface (-o "
    "parent=IFACE).\n\n"
    "--subnet, --ip-range and --gateway choose the addresses instead of the engine; --internal cuts the "
    "network off from the outside, --label and -o set metadata and driver options.")
CREATE_EXAMPLES = [  # (what it does, command line)
    ("A bridge network", "pydock network create backend"),
    ("With a subnet and gateway of your choice",
     "pydock network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 backend"),
    ("A network without access to the outside", "pydock network create --internal isolated"),
    ("A macvlan network on a host interface",
     "pydock network create -d macvlan --subnet 192.168.1.0/24 -o parent=eth0 lan"),
]


@click.command("create", cls=DockerCommand, usage="create [OPTIONS] NETWORK", nargs=("exact", 1),
               description=CREATE_DESCRIPTION, examples=CREATE_EXAMPLES)
@option("--attachable", kind="bool", help="Enable manual container attachment", api_version="1.25")
@option("--aux-address", "aux_addresses", kind="map",
        help="Auxiliary IPv4 or IPv6 addresses used by Network driver" + MAP_DEFAULT)
@option("--config-from", default="", help="The network from which to copy the configuration", api_version="1.30",
        complete="network")
@option("--config-only", kind="bool", help="Create a configuration only network", api_version="1.30")
@option("-d", "--driver", default="bridge", help="Driver to manage the Network", complete=DRIVERS)
@option("--gateway", "gateways", kind="strings", help="IPv4 or IPv6 Gateway for the master subnet")
@option("--ingress", kind="bool", help="Create swarm routing-mesh network", api_version="1.29")
@option("--internal", kind="bool", help="Restrict external access to the network")
@option("--ip-range", "ip_ranges", kind="strings", help="Allocate container ip from a sub-range")
@option("--ipam-driver", default="default", help="IP Address Management Driver")
@option("--ipam-opt", "ipam_opts", kind="map", help="Set IPAM driver specific options" + MAP_DEFAULT)
@option("--ipv4", kind="optbool", help="Enable or disable IPv4 address assignment (default true)")
@option("--ipv6", kind="optbool", help="Enable or disable IPv6 address assignment")
@option("--label", "labels", kind="label", help="Set metadata on a network")
@option("-o", "--opt", "options", kind="map", help="Set driver specific options" + MAP_DEFAULT)
@option("--scope", default="", help="Control the network's scope", api_version="1.30", complete=SCOPES)
@option("--subnet", "subnets", kind="strings", help="Subnet in CIDR format that represents a network segment")
@argument("name")
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
    body = create_request(name[0], ipam=ipam, **flags)
    if not env.api.system.version_at_least("1.44"):  # docker's client asks older engines to refuse duplicates
        body["CheckDuplicate"] = True
    print_line(env.stdout, env.api.networks.create(body).get("Id") or "")


# for the manual page (cli/manpages.py); --help shows neither
NETWORK_LS_DESCRIPTION = (
    "Lists the engine's networks: ID, name, driver and scope, the built-in bridge, host and none "
    "included. --filter keeps those matching (driver=bridge, type=custom for the ones you created, name=, "
    "label=, dangling=true for those no container uses …), -q prints only IDs and --format takes a Go "
    "template or \"json\"; config.json's networksFormat applies otherwise.")
NETWORK_LS_EXAMPLES = [  # (what it does, command line)
    ("Every network", "pydock network ls"),
    ("Only the networks you created", "pydock network ls --filter type=custom"),
    ("Networks no container uses, by ID", "pydock network ls -q --filter dangling=true"),
    ("Name and driver only", "pydock network ls --format '{{.Name}} {{.Driver}}'"),
]


@click.command("ls", cls=DockerCommand, usage="ls [OPTIONS]", nargs=("none",),
               description=NETWORK_LS_DESCRIPTION, examples=NETWORK_LS_EXAMPLES)
@filter_option("-f", "--filter", help='Provide filter values (e.g. "driver=bridge")', complete=LS_FILTERS)
@format_option()
@no_trunc_option("Do not truncate the output")
@quiet_option("Only display network IDs")
@click.pass_obj
def ls(env, filters, fmt, no_trunc, quiet):
    from ...formatting.contexts import network
    from ...golang.sortorder import natural_sorted
    from ...opts.filters import parse_filters
    from ..listing import Listing

    listing = Listing(env, network.SPEC, fmt, quiet=quiet)
    rows = natural_sorted(env.api.networks.list(filters=parse_filters(filters)), key=lambda r: r.get("Name", ""))
    listing.write(network.NetworkContext(r, trunc=not no_trunc) for r in rows)


@click.command("inspect", cls=DockerCommand, usage="inspect [OPTIONS] NETWORK [NETWORK...]", nargs=("min", 1))
@format_option("-f", "--format", help=JSON_FORMAT_HELP)
@option("-v", "--verbose", kind="bool", help="Verbose output for diagnostics")
@argument("networks", complete="network")
@click.pass_obj
def inspect(env, fmt, verbose, networks):
    from ..inspect import run_inspect

    api = env.api.networks
    run_inspect(env, networks, fmt, lambda name: (api.inspect_raw(name, verbose=verbose), "network"))


@click.command("connect", cls=DockerCommand, usage="connect [OPTIONS] NETWORK CONTAINER", nargs=("exact", 2))
@option("--alias", "aliases", kind="strings", help="Add network-scoped alias for the container")
@option("--driver-opt", "driver_options", kind="strings", help="driver options for the network")
@option("--gw-priority", kind="int", default=0,
        help="Highest gw-priority provides the default gateway. Accepts positive and negative values.")
@option("--ip", "ipv4", default="", help='IPv4 address (e.g., "172.30.100.104")')
@option("--ip6", "ipv6", default="", help='IPv6 address (e.g., "2001:db8::33")')
@option("--link", "links", kind="link", help="Add link to another container", complete="container")
@option("--link-local-ip", "link_local_ips", kind="strings", help="Add a link-local address for the container")
@argument("args", complete=["network", "container"])
@click.pass_obj
def connect(env, args, **flags):
    from ...opts import OptError
    from ...opts.network import connect_endpoint

    try:
        endpoint = connect_endpoint(**flags)
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None
    env.api.networks.connect(args[0], {"Container": args[1], "EndpointConfig": endpoint})


@click.command("disconnect", cls=DockerCommand, usage="disconnect [OPTIONS] NETWORK CONTAINER", nargs=("exact", 2))
@option("-f", "--force", kind="bool", help="Force the container to disconnect from a network")
@argument("args", complete=["network", "container"])
@click.pass_obj
def disconnect(env, force, args):
    env.api.networks.disconnect(args[0], {"Container": args[1], "Force": force})


INGRESS_WARNING = ("WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run "
                   "the same docker engine version. Otherwise, removal may not be effective and functionality of "
                   "newly create ingress networks will be impaired.\nAre you sure you want to continue?")


@click.command("rm", cls=DockerCommand, usage="rm NETWORK [NETWORK...]", nargs=("min", 1))
@option("-f", "--force", kind="bool", help="Do not error if the network does not exist")
@argument("networks", complete="network")
@click.pass_obj
def rm(env, force, networks):
    """Concurrently, printing as docker's one-by-one loop does: each failure on stderr as it comes in
    argument order, then `exit status 1`. An ingress network (swarm) is asked about first, in order."""
    from ...transport.errors import NotFound
    from ..batch import each_object

    api = env.api.networks
    ingress = {name for name, found, _ in each_object(list(networks), _is_ingress(api)) if found}
    results = _one_by_one(env, networks, ingress, api.remove) if ingress else each_object(list(networks), api.remove)
    failed = False
    for name, _, error in results:
        if error is None:
            print_line(env.stdout, name)
        elif not (force and isinstance(error, NotFound)):
            print_line(env.stderr, str(error))
            failed = True
    if failed:
        raise StatusError("exit status 1", FAILURE)


def _is_ingress(api):
    from ...transport.errors import DockerError

    def check(name: str) -> bool:
        try:
            return bool(api.inspect(name).get("Ingress"))
        except DockerError:
            return False  # the removal reports it
    return check


def _one_by_one(env, names, ingress, remove):
    """docker's own loop, for when a routing-mesh network needs its prompt between removals."""
    from ...transport.errors import DockerError
    from ..batch import confirm

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


@click.command("prune", cls=DockerCommand, usage="prune [OPTIONS]", nargs=("none",))
@filter_option(help='Provide filter values (e.g. "until=<timestamp>")', complete={"until": None, "label": None})
@option("-f", "--force", kind="bool", help="Do not prompt for confirmation")
@click.pass_obj
def prune(env, filters, force):
    """A refused prompt ends quietly (exit 0), as docker's cancelled prune does."""
    from ..batch import confirm, prune_filters

    wanted = prune_filters(env, filters)
    if not force and not confirm(env, PRUNE_WARNING):
        return
    deleted = env.api.networks.prune(wanted).get("NetworksDeleted") or []
    if deleted:
        write_flushed(env.stdout, "Deleted Networks:\n" + "".join(f"{name}\n" for name in deleted) + "\n")
