"""CKV_AISEC_47: an EKS cluster's API endpoint is private, or public only to CIDR ranges that are not the
whole internet."""

from __future__ import annotations

import ipaddress

from policies.model import (
    Resource,
    Result,
    as_bool,
    as_list,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

BLOCK = "vpc_config"
CIDRS = f"{BLOCK}/public_access_cidrs"
PUBLIC = f"{BLOCK}/endpoint_public_access"
EVERYWHERE = ipaddress.ip_network("0.0.0.0/0")


def _is_unknown(value: object) -> bool:
    return is_unresolved(value) or is_reference(value)


def _covers_internet(cidrs: list[str]) -> bool:
    """Whether the IPv4 ranges together cover every address (0.0.0.0/0, or halves that add up to it)."""
    networks = [ipaddress.ip_network(cidr, strict=False) for cidr in cidrs]
    ipv4 = [network for network in networks if isinstance(network, ipaddress.IPv4Network)]
    collapsed = list(ipaddress.collapse_addresses(ipv4))
    return EVERYWHERE in collapsed or any(network.prefixlen == 0 for network in networks)


def _judge_cidrs(value: object) -> Result:
    if value == []:
        # Checkov renders a list variable it cannot resolve as []; an explicit [] would mean 0.0.0.0/0.
        return unknown(
            "public_access_cidrs is an empty list, which is how a list variable not known at plan time arrives", CIDRS
        )
    if is_unset(value):
        return failed("the public endpoint is on and public_access_cidrs is unset: EKS opens it to 0.0.0.0/0", CIDRS)
    if _is_unknown(value):
        return unknown(f"public_access_cidrs is not known at plan time ({value})", CIDRS)
    known: list[str] = []
    undecided: list[object] = []
    for item in as_list(value):
        if not isinstance(item, str) or _is_unknown(item):
            undecided.append(item)
            continue
        try:
            ipaddress.ip_network(item.strip(), strict=False)
        except ValueError:
            undecided.append(item)
            continue
        known.append(item.strip())
    if known and _covers_internet(known):
        return failed(
            f"the public endpoint accepts the whole internet: public_access_cidrs is {', '.join(known)}", CIDRS
        )
    if undecided:
        return unknown(f"public_access_cidrs holds values not known at plan time or not CIDRs ({undecided!r})", CIDRS)
    return passed(f"the public endpoint accepts only {', '.join(known)}", CIDRS)


def evaluate(resource: Resource) -> Result:
    config = first_block(resource.attrs, BLOCK)
    if config is None:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or _is_unknown(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: EKS's defaults open the public endpoint to 0.0.0.0/0", BLOCK)
    public = config.get("endpoint_public_access")
    if _is_unknown(public):
        return unknown(f"endpoint_public_access is not known at plan time ({public})", PUBLIC)
    is_public = True if is_unset(public) else as_bool(public)
    if is_public is None:
        return unknown(f"endpoint_public_access is not a boolean ({public!r})", PUBLIC)
    if not is_public:
        return passed("the public endpoint is off: the API is reachable only from the VPC", PUBLIC)
    return _judge_cidrs(config.get("public_access_cidrs"))
