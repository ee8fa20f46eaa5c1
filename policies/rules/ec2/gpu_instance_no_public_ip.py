"""CKV2_AISEC_22: a GPU or accelerator instance (or launch template) gets no public IP address.

An explicit associate_public_ip_address decides; otherwise the subnet's map_public_ip_on_launch does (false
for aws_subnet unless set, true for the default subnets of the default VPC, where an instance without a
subnet_id lands). An instance inherits its launch template's network interface settings, and an Elastic IP
attached to the instance gives it a public address whatever the rest says.
"""

from __future__ import annotations

from typing import Any

from policies.accelerators import INSTANCE, launch_template_of, out_of_scope
from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

# Subnet types and the default of their map_public_ip_on_launch.
SUBNET_DEFAULTS = {"aws_subnet": False, "aws_default_subnet": True}
ELASTIC_IPS = (("aws_eip", "instance"), ("aws_eip_association", "instance_id"))


def _flag(value: Any, name: str, where: str) -> bool | Result | None:
    """A boolean setting: None when unset, UNKNOWN when it cannot be read."""
    if is_unset(value):
        return None
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{name} of {where} is not known at plan time ({value})")
    flag = as_bool(value)
    return unknown(f"{name} of {where} is not a boolean ({value!r})") if flag is None else flag


def _template_interfaces(template: Resource) -> tuple[bool | Result | None, Any]:
    """The template's own public IP setting and subnet: from its network interfaces (eth0 decides)."""
    if "network_interfaces" in template.dynamic_blocks:
        return unknown(f"{template.address}: network_interfaces is a dynamic block"), None
    interfaces = template.blocks("network_interfaces")
    raw = template.get("network_interfaces")
    if not interfaces and not is_unset(raw):
        return unknown(f"{template.address}: network_interfaces is not known at plan time or not a block"), None
    settings = [
        _flag(ni.get("associate_public_ip_address"), "associate_public_ip_address", template.address)
        for ni in interfaces
    ]
    if True in settings:
        return failed(f"{template.address} assigns a public IP address to a network interface"), None
    primary = [ni for ni in interfaces if as_int(ni.get("device_index")) in (None, 0)]
    if not primary:
        return None, None
    setting = _flag(primary[0].get("associate_public_ip_address"), "associate_public_ip_address", template.address)
    return setting, primary[0].get("subnet_id")


def _judge_subnet(subnet_id: Any, owner: Resource, graph: Graph, where: str) -> Result:
    if is_unset(subnet_id):
        return failed(
            f"no subnet_id and no associate_public_ip_address: {where} launches into a default subnet of the "
            "default VPC, which assigns public IP addresses"
        )
    subnets = [r for r in graph.resolve(subnet_id, owner) if r.type in SUBNET_DEFAULTS]
    if len(subnets) != 1:
        return unknown(
            f"subnet_id {subnet_id} is not a subnet of this configuration, so its public IP setting is not known"
        )
    subnet = subnets[0]
    value = subnet.get("map_public_ip_on_launch")
    public = (
        SUBNET_DEFAULTS[subnet.type] if is_unset(value) else _flag(value, "map_public_ip_on_launch", subnet.address)
    )
    if isinstance(public, Result):
        return public
    if public:
        return failed(f"{subnet.address} maps a public IP address to every instance launched into it")
    return passed(f"{subnet.address} assigns no public IP addresses and nothing asks for one")


def _elastic_ips(instance: Resource, graph: Graph) -> Result | None:
    undecided: list[str] = []
    for resource_type, attribute in ELASTIC_IPS:
        attachments = graph.attached(instance, [resource_type], attribute)
        if attachments.found:
            return failed(f"{attachments.found[0].address} attaches an Elastic IP address to the instance")
        undecided.extend(r.address for r in attachments.undecidable)
    if undecided:
        return unknown(f"{', '.join(undecided)} may attach an Elastic IP address: its target is not known at plan time")
    return None


def _judge_template(template: Resource, graph: Graph) -> Result:
    setting, subnet_id = _template_interfaces(template)
    if isinstance(setting, Result):
        return setting
    if setting is False:
        return passed(f"{template.address} turns off public IP addresses on its primary network interface")
    if is_unset(subnet_id):
        return unknown("the template sets neither associate_public_ip_address nor a subnet: where it is used decides")
    return _judge_subnet(subnet_id, template, graph, template.address)


def _judge_instance(instance: Resource, graph: Graph) -> Result:
    own = _flag(instance.get("associate_public_ip_address"), "associate_public_ip_address", instance.address)
    if isinstance(own, Result):
        return own
    if own is True:
        return failed("associate_public_ip_address is true")
    if own is False:
        return passed("associate_public_ip_address is false")
    if instance.blocks("network_interface") or "network_interface" in instance.dynamic_blocks:
        return unknown("the instance attaches existing network interfaces, whose addresses are decided elsewhere")
    template = launch_template_of(instance, graph)
    subnet_id = instance.get("subnet_id")
    if isinstance(template, Result):
        return template if is_unset(subnet_id) else _judge_subnet(subnet_id, instance, graph, "the instance")
    if template is not None:
        setting, template_subnet = _template_interfaces(template)
        if isinstance(setting, Result) or setting is not None:
            return _template_setting(setting, template)
        if is_unset(subnet_id) and not is_unset(template_subnet):
            return _judge_subnet(template_subnet, template, graph, "the instance")
    return _judge_subnet(subnet_id, instance, graph, "the instance")


def _template_setting(setting: bool | Result, template: Resource) -> Result:
    if isinstance(setting, Result):
        return setting
    if setting:
        return failed(f"{template.address} assigns a public IP address")
    return passed(f"{template.address} turns off public IP addresses on the primary network interface")


def evaluate(resource: Resource, graph: Graph) -> Result:
    skipped = out_of_scope(resource, graph)
    if skipped is not None:
        return skipped
    if resource.type != INSTANCE:
        return _judge_template(resource, graph)
    verdict = _judge_instance(resource, graph)
    elastic = _elastic_ips(resource, graph)
    if elastic is None or verdict.verdict is Verdict.FAIL:
        return verdict
    return elastic
