"""docker-py's network helper types (docker.types.IPAMConfig, IPAMPool, EndpointConfig, NetworkingConfig).

Each is a dict in the Engine API's shape, so code written for docker-py runs unchanged:

    ipam = pydock.types.IPAMConfig(pool_configs=[pydock.types.IPAMPool(subnet="10.9.0.0/24")])
    client.networks.create("net", ipam=ipam)
    client.containers.run("alpine", network="net",
                          networking_config={"net": pydock.types.EndpointConfig("1.41", aliases=["db"])})

Follows docker-py 7 docker/types/networks.py.
"""
from __future__ import annotations

from .errors import InvalidVersion


def _older(version: str, than: str) -> bool:
    return tuple(map(int, version.split("."))) < tuple(map(int, than.split(".")))


class IPAMConfig(dict):
    """{"Driver", "Config": [IPAMPool …], "Options"}: the IPAM object of POST /networks/create.

    Raises TypeError when `options` is not a dict.
    """

    def __init__(self, driver: str = "default", pool_configs: list | None = None, options: dict | None = None):
        super().__init__(Driver=driver, Config=pool_configs or [])
        if options:
            if not isinstance(options, dict):
                raise TypeError("IPAMConfig options must be a dictionary")
            self["Options"] = options


class IPAMPool(dict):
    """One pool of an IPAMConfig: {"Subnet", "IPRange", "Gateway", "AuxiliaryAddresses"} (CIDRs, addresses)."""

    def __init__(self, subnet: str | None = None, iprange: str | None = None, gateway: str | None = None,
                 aux_addresses: dict | None = None):
        super().__init__(Subnet=subnet, IPRange=iprange, Gateway=gateway, AuxiliaryAddresses=aux_addresses)


class EndpointConfig(dict):
    """An EndpointSettings body ({"Aliases", "Links", "IPAMConfig", "MacAddress", "DriverOpts"}).

    `version` is the API version it is meant for ("1.41"); a keyword the version does not know raises
    InvalidVersion, a `driver_opt` that is not a dict TypeError. `links` is {"container": "alias"} or
    [(container, alias)], written "container:alias" in sorted order as docker-py does.
    """

    def __init__(self, version: str, aliases=None, links=None, ipv4_address=None, ipv6_address=None,
                 link_local_ips=None, driver_opt=None, mac_address=None):
        super().__init__()
        if _older(version, "1.22"):
            raise InvalidVersion("Endpoint config is not supported for API version < 1.22")
        if aliases:
            self["Aliases"] = aliases
        if links:
            pairs = links.items() if isinstance(links, dict) else links
            self["Links"] = [f"{k}:{v}" if v else k for k, v in sorted(pairs)]
        ipam = {}
        if ipv4_address:
            ipam["IPv4Address"] = ipv4_address
        if ipv6_address:
            ipam["IPv6Address"] = ipv6_address
        if mac_address:
            if _older(version, "1.25"):
                raise InvalidVersion("mac_address is not supported for API version < 1.25")
            self["MacAddress"] = mac_address
        if link_local_ips is not None:
            if _older(version, "1.24"):
                raise InvalidVersion("link_local_ips is not supported for API version < 1.24")
            ipam["LinkLocalIPs"] = link_local_ips
        if ipam:
            self["IPAMConfig"] = ipam
        if driver_opt:
            if _older(version, "1.32"):
                raise InvalidVersion("DriverOpts is not supported for API version < 1.32")
            if not isinstance(driver_opt, dict):
                raise TypeError("driver_opt must be a dictionary")
            self["DriverOpts"] = driver_opt


class NetworkingConfig(dict):
    """{"EndpointsConfig": {network name: EndpointConfig}}: the NetworkingConfig of POST /containers/create."""

    def __init__(self, endpoints_config: dict | None = None):
        super().__init__()
        if endpoints_config:
            self["EndpointsConfig"] = endpoints_config
