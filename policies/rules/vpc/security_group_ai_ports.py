"""CKV_AISEC_7: no ingress from the whole internet to AI tooling ports (Jupyter, Ray, MLflow, model servers)."""

from __future__ import annotations

import ipaddress
from typing import Any

from policies.ai_ports import AI_TOOL_PORTS
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    as_list,
    failed,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ALL_PROTOCOLS = ("-1", "all")
TCP = ("tcp", "6")
OTHER_PROTOCOL_NAMES = ("udp", "icmp", "icmpv6")

# Keys that name a source other than a CIDR range, per resource type's attribute names.
OTHER_SOURCES = (
    "security_groups",
    "source_security_group_id",
    "referenced_security_group_id",
    "prefix_list_ids",
    "prefix_list_id",
)


def _protocol(value: Any) -> str | None:
    """'all', 'tcp' or 'other'; ``None`` when the protocol cannot be read."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip().lower()
    if text in ALL_PROTOCOLS:
        return "all"
    if text in TCP:
        return "tcp"
    if text in OTHER_PROTOCOL_NAMES or (text.isdigit() and 0 <= int(text) <= 255):
        return "other"
    return None


def _reached_ports(rule: dict[str, Any], protocol_key: str) -> tuple[list[int] | None, str]:
    """AI tooling ports the rule lets in (``None``: cannot tell), and a short description of the rule."""
    protocol = _protocol(rule.get(protocol_key))
    if protocol is None:
        return None, f"protocol {rule.get(protocol_key)!r}"
    if protocol == "all":
        return sorted(AI_TOOL_PORTS), "all traffic"
    if protocol == "other":
        return [], f"protocol {rule.get(protocol_key)}"
    low, high = as_int(rule.get("from_port")), as_int(rule.get("to_port"))
    if low is None or high is None:
        return None, f"tcp ports {_show(rule.get('from_port'))} to {_show(rule.get('to_port'))}"
    ports = f"tcp {low}" if low == high else f"tcp {low}-{high}"
    return [port for port in AI_TOOL_PORTS if low <= port <= high], ports


def _show(value: Any) -> str:
    return "unset" if value is None else repr(value)


def _source(rule: dict[str, Any], cidr_keys: tuple[str, ...]) -> tuple[str, str]:
    """('world' | 'limited' | 'unreadable', detail) for the rule's sources."""
    world, unreadable, readable = [], [], 0
    for key in cidr_keys:
        for cidr in as_list(rule.get(key)):
            network = _network(cidr)
            if network is None:
                unreadable.append(cidr)
            elif network.prefixlen == 0:
                world.append(str(cidr))
            else:
                readable += 1
    if world:
        return "world", " and ".join(world)
    if unreadable:
        return "unreadable", f"source {', '.join(repr(cidr) for cidr in unreadable)} cannot be read"
    has_other_source = any(not is_unset(rule.get(key)) for key in OTHER_SOURCES) or as_bool(rule.get("self"))
    if readable or has_other_source:
        return "limited", "no source is open to the internet"
    # Checkov reads a list variable it cannot resolve (`cidr_blocks = var.cidrs`) as an empty list.
    return "unreadable", "the rule names no source (an unresolved list variable reads as empty)"


def _network(cidr: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    if not isinstance(cidr, str) or is_unresolved(cidr):
        return None
    try:
        return ipaddress.ip_network(cidr.strip(), strict=False)
    except ValueError:
        return None


def _world_key(rule: dict[str, Any], cidr_keys: tuple[str, ...]) -> str | None:
    """The attribute that holds a range open to the whole internet."""
    for key in cidr_keys:
        if any((network := _network(cidr)) is not None and network.prefixlen == 0 for cidr in as_list(rule.get(key))):
            return key
    return None


def _judge_ingress(
    rule: dict[str, Any], where: str, protocol_key: str, cidr_keys: tuple[str, ...], block: str = ""
) -> Result:
    """``block``: the path of the block that holds the rule (``ingress/``), for the attribute a FAIL points at."""
    ports, description = _reached_ports(rule, protocol_key)
    source, detail = _source(rule, cidr_keys)
    if ports == [] or source == "limited":
        return passed(f"{where} ({description}): no AI tooling port open to the internet")
    if source == "world" and ports:
        tools = ", ".join(f"{AI_TOOL_PORTS[port]} ({port})" for port in ports)
        key = _world_key(rule, cidr_keys)
        return failed(f"{where} ({description}) from {detail} reaches {tools}", f"{block}{key}" if key else None)
    if ports is None:
        return unknown(f"{where}: {description} cannot be read")
    return unknown(f"{where} ({description}): {detail}")


def _fold(results: list[Result], when_empty: Result) -> Result:
    """Any FAIL wins, then UNKNOWN, then PASS; reasons of the winning verdict are joined."""
    for verdict in (Verdict.FAIL, Verdict.UNKNOWN, Verdict.PASS):
        deciding = [result for result in results if result.verdict is verdict]
        if deciding:
            return Result(verdict, "; ".join(result.reason for result in deciding), deciding[0].attribute)
    return when_empty


def _judge_security_group(resource: Resource) -> Result:
    raw = resource.get("ingress")
    dynamic = "ingress" in resource.dynamic_blocks
    results = []
    for number, item in enumerate(as_list(raw) if not isinstance(raw, dict) else [raw], start=1):
        if not isinstance(item, dict):
            results.append(unknown(f"ingress #{number} is not a block ({item!r})"))
            continue
        result = _judge_ingress(
            item, f"ingress #{number}", "protocol", ("cidr_blocks", "ipv6_cidr_blocks"), block="ingress/"
        )
        if dynamic and result.verdict is Verdict.UNKNOWN:
            result = unknown(f"{result.reason} (a dynamic ingress block Checkov could not expand)")
        results.append(result)
    if not results and dynamic:
        return unknown("ingress is a dynamic block whose content is not known")
    return _fold(results, passed("no inline ingress rules"))


def _judge_security_group_rule(resource: Resource) -> Result:
    rule_type = resource.get("type")
    if rule_type == "egress":
        return passed("egress rule")
    if rule_type != "ingress":
        return unknown(f"type is {rule_type!r}, not ingress or egress")
    return _judge_ingress(dict(resource.attrs), "ingress rule", "protocol", ("cidr_blocks", "ipv6_cidr_blocks"))


def _judge_vpc_ingress_rule(resource: Resource) -> Result:
    return _judge_ingress(dict(resource.attrs), "ingress rule", "ip_protocol", ("cidr_ipv4", "cidr_ipv6"))


JUDGES = {
    "aws_security_group": _judge_security_group,
    "aws_security_group_rule": _judge_security_group_rule,
    "aws_vpc_security_group_ingress_rule": _judge_vpc_ingress_rule,
}


def evaluate(resource: Resource) -> Result:
    judge = JUDGES.get(resource.type)
    if judge is None:
        return unknown(f"{resource.type} is not a security group resource")
    return judge(resource)
