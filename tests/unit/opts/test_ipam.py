"""`network create`'s IPAM flags (docker's createIPAMConfig): bodies and refusals, with docker's messages."""
from __future__ import annotations

import pytest

from pydock.opts import OptError
from pydock.opts.ipam import ipam_config


def test_no_flags_is_an_empty_default_ipam():
    assert ipam_config() == {"Driver": "default", "Options": {}, "Config": []}


def test_each_flag_lands_on_the_subnet_that_holds_it():
    ipam = ipam_config(driver="foo", subnets=["10.1.0.0/16", "fd00:1::/64"], ip_ranges=["10.1.2.0/24"],
                       gateways=["fd00:1::1", "10.1.0.1"], aux_addresses={"a": "10.1.0.5", "b": "fd00:1::5"},
                       options={"x": "1"})
    assert ipam == {"Driver": "foo", "Options": {"x": "1"}, "Config": [
        {"Subnet": "10.1.0.0/16", "IPRange": "10.1.2.0/24", "Gateway": "10.1.0.1",
         "AuxiliaryAddresses": {"a": "10.1.0.5"}},
        {"Subnet": "fd00:1::/64", "Gateway": "fd00:1::1", "AuxiliaryAddresses": {"b": "fd00:1::5"}},
    ]}


def test_a_lone_bad_subnet_is_left_to_the_engine():
    """docker compares subnets only with each other: one subnet goes out unchecked."""
    assert ipam_config(subnets=["10.99.0/16"])["Config"] == [{"Subnet": "10.99.0/16"}]


@pytest.mark.parametrize("flags, message", [
    ({"subnets": ["10.1.0.0/16", "10.1.1.0/24"]}, "multiple overlapping subnet configuration is not supported"),
    ({"subnets": ["10.1.1.0/24", "10.1.0.0/16"]}, "multiple overlapping subnet configuration is not supported"),
    ({"subnets": ["10.1.0.0/16", "10.1.0.0/16"]}, "multiple overlapping subnet configuration is not supported"),
    ({"subnets": ["10.1.0.0/16", "10.2.0/16"]}, "invalid subnet: invalid CIDR address: 10.2.0/16"),
    ({"subnets": ["10.2.0/16", "10.1.0.0/16"]}, "invalid CIDR address: 10.2.0/16"),
    ({"gateways": ["10.1.0.1"]}, "every ip-range or gateway must have a corresponding subnet"),
    ({"subnets": ["10.1.0.0/16"], "ip_ranges": ["10.1.1.0/24", "10.1.2.0/24"]},
     "every ip-range or gateway must have a corresponding subnet"),
    ({"subnets": ["10.1.0.0/16"], "gateways": ["10.2.0.1"]}, "no matching subnet for gateway 10.2.0.1"),
    ({"subnets": ["10.1.0.0/16"], "gateways": ["bogus"]}, "no matching subnet for gateway bogus"),
    ({"subnets": ["10.1.0.0/16"], "ip_ranges": ["10.2.0.0/24"]}, "no matching subnet for range 10.2.0.0/24"),
    ({"subnets": ["10.1.0.0/16"], "ip_ranges": ["10.1.0/24"]}, "invalid CIDR address: 10.1.0/24"),
    ({"subnets": ["10.1.0.0/16", "10.2.0.0/16"], "ip_ranges": ["10.1.1.0/24", "10.1.2.0/24"]},
     "cannot configure multiple ranges (10.1.2.0/24, 10.1.1.0/24) on the same subnet (10.1.0.0/16)"),
    ({"subnets": ["10.1.0.0/16", "10.2.0.0/16"], "gateways": ["10.1.0.1", "10.1.0.2"]},
     "cannot configure multiple gateways (10.1.0.2, 10.1.0.1) for the same subnet (10.1.0.0/16)"),
    ({"subnets": ["10.1.0.0/16"], "aux_addresses": {"a": "10.9.0.1"}}, "no matching subnet for aux-address 10.9.0.1"),
])
def test_refusals(flags, message):
    with pytest.raises(OptError) as info:
        ipam_config(**flags)
    assert str(info.value) == message
