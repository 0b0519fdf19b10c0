"""Networks in the Python API: client.networks.create/get/list/prune, Network.connect/disconnect/remove."""
from __future__ import annotations

from ..api.base import as_filters
from .resource import Collection, Model


def endpoint_config(aliases=None, links=None, ipv4_address=None, ipv6_address=None, link_local_ips=None,
                    driver_opt=None, mac_address=None) -> dict:
    """An EndpointSettings body from docker-py's keywords (its api.create_endpoint_config).

    `links` is {"container": "alias"} or [("container", "alias")] or ["container:alias"].
    """
    endpoint: dict = {}
    if aliases:
        endpoint["Aliases"] = list(aliases)
    if links:
        pairs = links.items() if isinstance(links, dict) else links
        endpoint["Links"] = sorted(link if isinstance(link, str) else f"{link[0]}:{link[1]}" if link[1] else link[0]
                                   for link in pairs)
    ipam = {"IPv4Address": ipv4_address, "IPv6Address": ipv6_address}
    ipam = {k: v for k, v in ipam.items() if v}
    if link_local_ips is not None:
        ipam["LinkLocalIPs"] = list(link_local_ips)
    if ipam:
        endpoint["IPAMConfig"] = ipam
    if mac_address:
        endpoint["MacAddress"] = mac_address
    if driver_opt:
        endpoint["DriverOpts"] = dict(driver_opt)
    return endpoint


def _container_id(container) -> str:
    return container.id if isinstance(container, Model) else container


class Network(Model):
    """A network; `attrs` is GET /networks/{id} (or a list entry)."""

    @property
    def name(self) -> str | None:
        return self.attrs.get("Name")

    @property
    def containers(self) -> list:
        """The Containers connected, as of the last reload (a list entry knows none: reload() first)."""
        return [self.client.containers.get(cid) for cid in (self.attrs.get("Containers") or {})]

    def connect(self, container, ipv4_address=None, ipv6_address=None, aliases=None, links=None,
                link_local_ips=None, driver_opt=None, mac_address=None) -> None:
        """Connect a container (ID, name or Container) to this network (POST /networks/{id}/connect).

        Arguments in docker-py's order (its connect_container_to_network: the addresses come first when
        passed by position). Raises NotFound, APIError.
        """
        endpoint = endpoint_config(aliases=aliases, links=links, ipv4_address=ipv4_address,
                                   ipv6_address=ipv6_address, link_local_ips=link_local_ips,
                                   driver_opt=driver_opt, mac_address=mac_address)
        self.client.api.networks.connect(self.id, {"Container": _container_id(container), "EndpointConfig": endpoint})

    def disconnect(self, container, force: bool = False) -> None:
        """Disconnect a container (ID, name or Container) from this network; `force` even if it is gone."""
        body = {"Container": _container_id(container)}
        if force:
            body["Force"] = True
        self.client.api.networks.disconnect(self.id, body)

    def remove(self) -> None:
        """Remove this network (DELETE /networks/{id}); one with endpoints raises APIError (403)."""
        self.client.api.networks.remove(self.id)


class NetworkCollection(Collection):
    """The engine's networks."""

    model = Network

    def create(self, name: str, driver: str | None = None, options: dict | None = None, ipam: dict | None = None,
               check_duplicate: bool | None = None, internal: bool = False, labels: dict | None = None,
               enable_ipv6: bool = False, attachable: bool | None = None, scope: str | None = None,
               ingress: bool | None = None) -> Network:
        """Create a network (POST /networks/create) and return it, as docker-py does.

        `ipam` is the API's IPAM object ({"Driver", "Config": [{"Subnet", "Gateway", "IPRange",
        "AuxiliaryAddresses"}], "Options"}), as docker-py's IPAMConfig builds it.
        """
        if options is not None and not isinstance(options, dict):
            raise TypeError("options must be a dictionary")
        if labels is not None and not isinstance(labels, dict):
            raise TypeError("labels must be a dictionary")
        body = {"Name": name, "Driver": driver, "Options": options, "IPAM": ipam, "CheckDuplicate": check_duplicate,
                "Labels": labels, "EnableIPv6": enable_ipv6 or None, "Internal": internal or None,
                "Attachable": attachable, "Ingress": ingress, "Scope": scope}
        created = self.client.api.networks.create({k: v for k, v in body.items() if v is not None})
        return self.get(created["Id"])

    def get(self, network_id: str, verbose: bool | None = None, scope: str | None = None) -> Network:
        """One network by ID or name (GET /networks/{id}). Raises NotFound."""
        return self.prepare_model(self.client.api.networks.inspect(network_id, verbose=bool(verbose), scope=scope))

    def list(self, names=None, ids=None, filters: dict | None = None, greedy: bool = False) -> list[Network]:
        """Networks (GET /networks), filtered by `names`, `ids` and `filters` (driver, label, type …).

        A list entry has no Containers; `greedy` inspects each network to get them.
        """
        filters = dict(filters or {})
        if names:
            filters["name"] = names
        if ids:
            filters["id"] = ids
        networks = [self.prepare_model(n) for n in self.client.api.networks.list(as_filters(filters))]
        if greedy:
            for network in networks:
                network.reload()
        return networks

    def prune(self, filters: dict | None = None) -> dict:
        """Remove unused networks (POST /networks/prune): {"NetworksDeleted": [names]}."""
        return self.client.api.networks.prune(as_filters(filters))
