"""`network create`'s IPAM flags consolidated into the engine's IPAM body (docker's createIPAMConfig).

Each --ip-range, --gateway and --aux-address is attached to the --subnet that contains it; every
refusal happens here, before any engine call, with docker's message.
"""
from __future__ import annotations

from . import OptError


def _subnet_matches(subnet: str, data: str) -> bool:
    """docker's subnetMatches: is `data` (an address, or a CIDR's address) inside `subnet`?"""
    from ..golang.net import ParseError, parse_cidr, parse_ip

    try:
        _, network = parse_cidr(subnet)
    except ParseError as exc:
        raise OptError(f"invalid subnet: {exc}") from None
    if "/" in data:
        try:
            ip, _ = parse_cidr(data)
        except ParseError as exc:
            raise OptError(str(exc)) from None
    else:
        ip = parse_ip(data)
    return network.contains(ip)


def ipam_config(*, driver: str = "default", subnets=(), ip_ranges=(), gateways=(), aux_addresses=None,
                options=None) -> dict:
    """The IPAM body {"Driver", "Options", "Config": [{"Subnet", "IPRange", "Gateway",
    "AuxiliaryAddresses"}]}: one Config entry per subnet, in the order given (docker's order
    is a Go map's). Raises OptError with docker's message (network/create.go createIPAMConfig)."""
    from ..golang.net import ParseError, parse_cidr

    subnets, aux_addresses = list(subnets), dict(aux_addresses or {})
    if len(subnets) < len(ip_ranges) or len(subnets) < len(gateways):
        raise OptError("every ip-range or gateway must have a corresponding subnet")
    configs: dict[str, dict] = {}
    for subnet in subnets:
        for known in configs:
            if _subnet_matches(subnet, known) or _subnet_matches(known, subnet):
                raise OptError("multiple overlapping subnet configuration is not supported")
        configs[subnet] = {"Subnet": subnet}
    for ip_range in ip_ranges:
        match = False
        for subnet in subnets:
            try:
                parse_cidr(ip_range)
            except ParseError as exc:
                raise OptError(str(exc)) from None
            if not _subnet_matches(subnet, ip_range):
                continue
            if "IPRange" in configs[subnet]:
                raise OptError(f"cannot configure multiple ranges ({ip_range}, {configs[subnet]['IPRange']}) "
                               f"on the same subnet ({subnet})")
            configs[subnet]["IPRange"] = ip_range
            match = True
        if not match:
            raise OptError(f"no matching subnet for range {ip_range}")
    for gateway in gateways:
        match = False
        for subnet in subnets:
            if not _subnet_matches(subnet, gateway):
                continue
            if "Gateway" in configs[subnet]:
                raise OptError(f"cannot configure multiple gateways ({gateway}, {configs[subnet]['Gateway']}) "
                               f"for the same subnet ({subnet})")
            configs[subnet]["Gateway"] = gateway
            match = True
        if not match:
            raise OptError(f"no matching subnet for gateway {gateway}")
    for key, address in aux_addresses.items():
        match = False
        for subnet in subnets:
            if _subnet_matches(subnet, address):
                configs[subnet].setdefault("AuxiliaryAddresses", {})[key] = address
                match = True
        if not match:
            raise OptError(f"no matching subnet for aux-address {address}")
    order = ("Subnet", "IPRange", "Gateway", "AuxiliaryAddresses")  # IPAMConfig's field order
    return {"Driver": driver, "Options": dict(options or {}),
            "Config": [{k: c[k] for k in order if k in c} for c in configs.values()]}
