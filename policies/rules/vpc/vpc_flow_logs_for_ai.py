"""CKV2_AISEC_5: VPCs that host AI workloads have flow logs.

Which resources sit in a VPC is read from the configuration: ``vpc_id`` references, or subnet references
followed to the subnet's ``vpc_id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from policies.graph import Graph
from policies.model import Resource, Result, as_list, blocks_of, failed, passed, unknown

GPU_INSTANCE_TYPE = re.compile(r"^(p\d|g\d|trn\d|inf\d|dl\d)[a-z0-9-]*\.", re.IGNORECASE)
AI_ENDPOINT_SERVICE = re.compile(r"\.(sagemaker|bedrock)[.-]", re.IGNORECASE)

AI_RESOURCE_TYPES = (
    "aws_sagemaker_notebook_instance",
    "aws_sagemaker_domain",
    "aws_sagemaker_model",
    "aws_ecs_service",
    "aws_eks_cluster",
    "aws_eks_node_group",
)
CANDIDATE_TYPES = (*AI_RESOURCE_TYPES, "aws_instance", "aws_vpc_endpoint")


def _subnet_references(resource: Resource) -> Iterator[Any]:
    """Every value through which an AI resource names its subnets or its VPC."""
    kind = resource.type
    if kind in ("aws_sagemaker_notebook_instance", "aws_instance"):
        yield resource.get("subnet_id")
    elif kind == "aws_sagemaker_domain":
        yield from as_list(resource.get("subnet_ids"))
    elif kind == "aws_sagemaker_model":
        for config in blocks_of(resource.attrs, "vpc_config"):
            yield from as_list(config.get("subnets"))
    elif kind == "aws_ecs_service":
        for config in blocks_of(resource.attrs, "network_configuration"):
            yield from as_list(config.get("subnets"))
    elif kind == "aws_eks_cluster":
        for config in blocks_of(resource.attrs, "vpc_config"):
            yield from as_list(config.get("subnet_ids"))
    elif kind in ("aws_eks_node_group", "aws_vpc_endpoint"):
        yield from as_list(resource.get("subnet_ids"))


def _is_ai_workload(resource: Resource) -> bool:
    if resource.type == "aws_instance":
        instance_type = resource.get("instance_type")
        return isinstance(instance_type, str) and bool(GPU_INSTANCE_TYPE.match(instance_type))
    if resource.type == "aws_vpc_endpoint":
        service = resource.get("service_name")
        return isinstance(service, str) and bool(AI_ENDPOINT_SERVICE.search(service))
    return resource.type in AI_RESOURCE_TYPES


def _vpcs_of(resource: Resource, graph: Graph) -> Iterator[Resource]:
    direct = resource.get("vpc_id")
    yield from graph.resolve(direct, resource)
    for value in _subnet_references(resource):
        for subnet in graph.resolve(value, resource):
            if subnet.type == "aws_subnet":
                yield from graph.resolve(subnet.get("vpc_id"), subnet)


def _hosted_workloads(vpc: Resource, graph: Graph) -> list[Resource]:
    return [
        resource
        for resource in graph.of_type(*CANDIDATE_TYPES)
        if _is_ai_workload(resource) and any(found.address == vpc.address for found in _vpcs_of(resource, graph))
    ]


def evaluate(resource: Resource, graph: Graph) -> Result:
    workloads = _hosted_workloads(resource, graph)
    if not workloads:
        return passed("hosts no AI workload in this configuration: flow logs not required by this rule")
    names = ", ".join(workload.address for workload in workloads[:3]) + (" and more" if len(workloads) > 3 else "")
    flow_logs = graph.attached(resource, ["aws_flow_log"], "vpc_id", target_names=("id",))
    if flow_logs.found:
        return passed(f"hosts {names}; flow logs: {', '.join(f.address for f in flow_logs.found)}")
    if flow_logs.undecidable:
        return unknown(f"hosts {names}; {flow_logs.undecidable[0].address} may log it (vpc_id not known)")
    return failed(f"hosts {names} but no aws_flow_log records its traffic")
