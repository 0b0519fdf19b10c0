"""--network (short and long syntax), --network-alias, --ip, --link … into EndpointsConfig."""
from __future__ import annotations

import re

from . import OptError
from .validators import is_valid_mac

BUILTIN_MODES = ("default", "bridge", "host", "none")


def is_user_defined(mode: str) -> bool:
    return mode not in BUILTIN_MODES and not mode.startswith("container:")


def parse_network(value: str) -> dict:
    """One --network value -> an attachment {"Target", "Aliases", "IPv4Address" …}."""
    attachment = {"Target": "", "Aliases": [], "DriverOpts": {}, "Links": [], "IPv4Address": "",
                  "IPv6Address": "", "LinkLocalIPs": [], "MacAddress": "", "GwPriority": 0}
    if not re.search(r"\w+=\w+(,\w+=\w+)*", value):
        attachment["Target"] = value
        return attachment
    import csv  # only for the long form

    try:
        fields = next(csv.reader([value]))
    except (csv.Error, StopIteration) as exc:
        raise OptError(str(exc)) from None
    for field in fields:
        key, sep, val = field.lower().partition("=")
        if not sep or not key:
            raise OptError(f"invalid field {field}")
        _apply_field(attachment, key.strip(), val.strip())
    if not attachment["Target"]:
        raise OptError("network name/id is not specified")
    return attachment


def _apply_field(attachment: dict, key: str, val: str) -> None:
    if key == "name":
        attachment["Target"] = val
    elif key == "alias":
        attachment["Aliases"].append(val)
    elif key == "ip":
        attachment["IPv4Address"] = val
    elif key == "ip6":
        attachment["IPv6Address"] = val
    elif key == "mac-address":
        attachment["MacAddress"] = val
    elif key == "link-local-ip":
        attachment["LinkLocalIPs"].append(val)
    elif key == "driver-opt":
        opt_key, sep, opt_val = val.partition("=")
        if not sep or not opt_key:
            raise OptError("invalid key value pair format in driver options")
        attachment["DriverOpts"][opt_key.strip()] = opt_val.strip()
    elif key == "gw-priority":
        try:
            attachment["GwPriority"] = int(val, 10)
        except ValueError:
            raise OptError(f"invalid gw-priority ({val}): invalid syntax") from None
    else:
        raise OptError("invalid field key " + key)


def network_mode(networks: list[dict]) -> str:
    return networks[0]["Target"] if networks else "default"


def default_endpoints(mode: str) -> dict:
    """EndpointsConfig for a NetworkMode given alone, as docker's client sends it."""
    networks = [] if mode == "default" else [parse_network(mode)]
    return endpoints_config(networks, aliases=(), links=(), ipv4="", ipv6="", mac="", link_local_ips=())


def endpoints_config(networks: list[dict], *, aliases, links, ipv4: str, ipv6: str, mac: str,
                     link_local_ips) -> dict:
    """docker's parseNetworkOpts: the flags apply to the first network (or "default")."""
    legacy = {"aliases": list(aliases), "links": list(links), "ipv4": ipv4, "ipv6": ipv6, "mac": mac,
              "link_local_ips": list(link_local_ips)}
    endpoints: dict[str, dict | None] = {}
    if not networks:
        attachment = parse_network("default")
        _apply_container_options(attachment, legacy)
        endpoints["default"] = _endpoint(attachment)
    user_defined = other = False
    for i, attachment in enumerate(networks):
        attachment = {**attachment, "Aliases": list(attachment["Aliases"])}
        if is_user_defined(attachment["Target"]):
            user_defined = True
        else:
            other = True
        if i == 0:
            _apply_container_options(attachment, legacy)
        endpoint = _endpoint(attachment)
        if attachment["Target"] in endpoints:
            raise OptError(f'network "{attachment["Target"]}" is specified multiple times')
        if i == 0 and len(networks) == 1 and _is_zero(endpoint):
            continue
        endpoints[attachment["Target"]] = endpoint
    if user_defined and other:
        raise OptError("conflicting options: cannot attach both user-defined and non-user-defined network-modes")
    return endpoints


def _apply_container_options(n: dict, legacy: dict) -> None:
    conflicts = (("Aliases", "aliases", "--network-alias and per-network alias"),
                 ("Links", "links", "--link and per-network links"),
                 ("IPv4Address", "ipv4", "--ip and per-network IPv4 address"),
                 ("IPv6Address", "ipv6", "--ip6 and per-network IPv6 address"),
                 ("MacAddress", "mac", "--mac-address and per-network MAC address"),
                 ("LinkLocalIPs", "link_local_ips", "--link-local-ip and per-network link-local IP addresses"))
    for field, flag, text in conflicts:
        if n[field] and legacy[flag]:
            raise OptError(f"conflicting options: cannot specify both {text}")
    if legacy["aliases"]:
        n["Aliases"] = legacy["aliases"]
    if is_user_defined(n["Target"]) and legacy["links"]:
        n["Links"] = legacy["links"]
    for field, flag in (("IPv4Address", "ipv4"), ("IPv6Address", "ipv6"), ("MacAddress", "mac"),
                        ("LinkLocalIPs", "link_local_ips")):
        if legacy[flag]:
            n[field] = legacy[flag]


def _endpoint(n: dict) -> dict:
    """An EndpointSettings body, with every field docker's client sends."""
    if not n["Target"].strip():
        raise OptError("no name set for network")
    if not is_user_defined(n["Target"]):
        if n["Aliases"]:
            raise OptError("network-scoped aliases are only supported for user-defined networks")
        if n["Links"]:
            raise OptError("links are only supported for user-defined networks")
    endpoint = {"IPAMConfig": None, "Links": n["Links"] or None, "Aliases": n["Aliases"] or None,
                "MacAddress": "", "DriverOpts": n["DriverOpts"] or None, "GwPriority": n["GwPriority"],
                "NetworkID": "", "EndpointID": "", "Gateway": "", "IPAddress": "", "IPPrefixLen": 0,
                "IPv6Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "DNSNames": None}
    if n["IPv4Address"] or n["IPv6Address"] or n["LinkLocalIPs"]:
        ipam = {"IPv4Address": n["IPv4Address"], "IPv6Address": n["IPv6Address"]}
        if n["LinkLocalIPs"]:
            ipam["LinkLocalIPs"] = n["LinkLocalIPs"]
        endpoint["IPAMConfig"] = {k: v for k, v in ipam.items() if v}
    if n["MacAddress"]:
        if not is_valid_mac(n["MacAddress"]):
            raise OptError(f"{n['MacAddress']} is not a valid mac address")
        endpoint["MacAddress"] = n["MacAddress"]
    return endpoint


def _is_zero(endpoint: dict) -> bool:
    return not any(v for v in endpoint.values())


# -- network create / connect -------------------------------------------------------------------

def create_request(name: str, *, driver: str = "bridge", scope: str = "", ipv4: bool | None = None,
                   ipv6: bool | None = None, ipam: dict | None = None, internal: bool = False,
                   attachable: bool = False, ingress: bool = False, config_only: bool = False,
                   config_from: str = "", options=(), labels=()) -> dict:
    """The body of POST /networks/create as docker 28 sends it (network.CreateRequest, its field order).

    `options` and `labels` are "key=value" strings (a bare key maps to ""); `ipam` comes from
    opts.ipam.ipam_config; `ipv4`/`ipv6` None leaves EnableIPv4/EnableIPv6 out (flag not given).
    """
    from .env import kv_to_map
    from .ipam import ipam_config

    body = {"Driver": driver, "Scope": scope}
    if ipv4 is not None:
        body["EnableIPv4"] = ipv4
    if ipv6 is not None:
        body["EnableIPv6"] = ipv6
    body.update({
        "IPAM": ipam if ipam is not None else ipam_config(), "Internal": internal, "Attachable": attachable,
        "Ingress": ingress, "ConfigOnly": config_only,
        "ConfigFrom": {"Network": config_from} if config_from else None,
        "Options": _sorted(kv_to_map(options)), "Labels": _sorted(kv_to_map(labels)), "Name": name,
    })
    return body


def _sorted(mapping: dict) -> dict:
    """Go encodes a map with its keys sorted."""
    return {k: mapping[k] for k in sorted(mapping)}


def driver_opts(values) -> dict[str, str]:
    """`network connect --driver-opt k=v` (docker's convertDriverOpt): keys and values trimmed."""
    result = {}
    for value in values:
        key, sep, val = value.partition("=")
        key = key.strip()
        if not sep or not key:
            raise OptError("invalid key/value pair format in driver options")
        result[key] = val.strip()
    return _sorted(result)


def connect_endpoint(*, ipv4: str = "", ipv6: str = "", links=None, aliases=(), link_local_ips=(),
                     driver_options=(), gw_priority: int = 0) -> dict:
    """The EndpointSettings `network connect` sends: every field, the unset ones empty as docker's are.

    `links` None (no --link) is sent as null; `driver_options` are "key=value" strings.
    """
    ipam = {"IPv4Address": ipv4, "IPv6Address": ipv6, "LinkLocalIPs": list(link_local_ips)}
    return {"IPAMConfig": {k: v for k, v in ipam.items() if v}, "Links": list(links) if links else None,
            "Aliases": list(aliases), "MacAddress": "", "DriverOpts": driver_opts(driver_options),
            "GwPriority": gw_priority, "NetworkID": "", "EndpointID": "", "Gateway": "", "IPAddress": "",
            "IPPrefixLen": 0, "IPv6Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0,
            "DNSNames": None}
