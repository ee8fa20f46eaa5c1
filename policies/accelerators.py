"""GPU and accelerator EC2 capacity: which instances and launch templates the GPU rules judge, and where an
instance's settings come from when it uses a launch template.

The GPU rules (CKV2_AISEC_22 to CKV2_AISEC_24) judge only instance types of the accelerator families below:
the machines that train and serve models, hold weights in memory and datasets on disk, and are worth
stealing time on. Other instances get no verdict from them (Checkov's CKV_AWS_8, CKV_AWS_79 and CKV_AWS_88
cover every instance); an instance type that is not known at plan time gets none either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_int,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)

# EC2 instance families with GPUs or ML accelerators, by the letters before the generation number.
ACCELERATOR_FAMILIES: Mapping[str, str] = {
    "p": "NVIDIA GPUs for training (p3, p4d, p5, p5en, p6-b200)",
    "g": "NVIDIA or AMD GPUs for inference and graphics (g4dn, g4ad, g5, g5g, g6, g6e)",
    "gr": "NVIDIA GPUs with more memory per vCPU (gr6)",
    "trn": "AWS Trainium (trn1, trn1n, trn2)",
    "inf": "AWS Inferentia (inf1, inf2)",
    "dl": "deep learning accelerators (dl1 with Gaudi, dl2q with Qualcomm AI 100)",
}
# A family is letters, a generation number, then options and suffixes: g4dn, p6-b200, trn1n, dl2q.
_FAMILY = re.compile(r"^(?P<letters>[a-z]+)\d+[a-z0-9-]*$")

INSTANCE = "aws_instance"
LAUNCH_TEMPLATE = "aws_launch_template"


def accelerator_family(instance_type: str) -> str | None:
    """``p4d.24xlarge`` -> ``p4d``; None for instance types of other families (``m5.large``)."""
    family, dot, size = instance_type.strip().lower().partition(".")
    match = _FAMILY.match(family)
    if dot and size and match and match.group("letters") in ACCELERATOR_FAMILIES:
        return family
    return None


def _is_known_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and not is_unresolved(value) and not is_reference(value)


def launch_template_of(instance: Resource, graph: Graph) -> Resource | Result | None:
    """The aws_launch_template an instance launches from: None without one, UNKNOWN when it is not in this
    configuration or not known at plan time."""
    block = first_block(instance.attrs, "launch_template")
    if block is None:
        raw = instance.get("launch_template")
        if "launch_template" in instance.dynamic_blocks or not is_unset(raw):
            return unknown("launch_template is not known at plan time")
        return None
    for attribute in ("id", "name"):
        value = block.get(attribute)
        if is_reference(value):
            found = [r for r in graph.resolve(value, instance) if r.type == LAUNCH_TEMPLATE]
            if len(found) == 1:
                return found[0]
        elif attribute == "name" and _is_known_text(value):
            found = [r for r in graph.of_type(LAUNCH_TEMPLATE) if r.get("name") == value]
            if len(found) == 1:
                return found[0]
    return unknown("the instance's launch template is not in this configuration or not known at plan time")


def _template_requests_accelerators(template: Resource) -> bool:
    requirements = first_block(template.attrs, "instance_requirements")
    count = first_block(requirements, "accelerator_count") if requirements else None
    minimum = as_int(count.get("min")) if count else None
    return minimum is not None and minimum >= 1


def _judge_type(value: Any, where: str) -> Result | None:
    """None for an accelerator type, else UNKNOWN saying why the rule does not judge it."""
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{where} is not known at plan time ({value}), so whether it is a GPU instance is not known")
    if not isinstance(value, str):
        return unknown(f"{where} is not an instance type ({value!r})")
    if accelerator_family(value) is None:
        return unknown(f"{value} is not a GPU or accelerator instance type: this rule does not judge it")
    return None


def out_of_scope(resource: Resource, graph: Graph) -> Result | None:
    """None when ``resource`` is a GPU or accelerator instance or launch template, else UNKNOWN (no verdict)."""
    instance_type = resource.get("instance_type")
    if not is_unset(instance_type):
        return _judge_type(instance_type, "instance_type")
    if resource.type == LAUNCH_TEMPLATE:
        if _template_requests_accelerators(resource):
            return None
        return unknown("the template names no instance type: it is chosen where the template is used")
    template = launch_template_of(resource, graph)
    if isinstance(template, Resource):
        if is_unset(template.get("instance_type")) and _template_requests_accelerators(template):
            return None
        return _judge_type(template.get("instance_type"), f"the instance type of {template.address}")
    if isinstance(template, Result):
        return template
    return unknown("instance_type is not set")


def instance_type_of(resource: Resource, graph: Graph) -> str:
    """The instance type to name in reasons (the template's when the instance does not set one)."""
    value = resource.get("instance_type")
    if isinstance(value, str) and value:
        return value
    template = launch_template_of(resource, graph) if resource.type == INSTANCE else None
    if isinstance(template, Resource) and isinstance(template.get("instance_type"), str):
        return str(template.get("instance_type"))
    return "an accelerator type"
