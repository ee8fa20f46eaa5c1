"""CKV_AISEC_17: a SageMaker model's containers connect to the network only through the customer's VPC."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.sagemaker_values import unless_dynamic


def _judge_ids(value: Any, name: str, attribute: str) -> Result:
    """A required list of IDs: a list, or one expression (a reference, or a variable holding the list)."""
    return replace(_read_ids(value, name), attribute=f"vpc_config/{attribute}")


def _read_ids(value: Any, name: str) -> Result:
    if value == []:
        # AWS rejects an empty list, and Checkov reads an unresolved list(string) variable as [] in HCL.
        return unknown(f"vpc_config {name} is empty: an unresolved list variable, or a list AWS would reject")
    if is_unset(value):
        return failed(f"vpc_config has no {name}")
    if isinstance(value, str):
        if is_unresolved(value) or is_reference(value):
            return passed(f"{name} come from {value}")
        return passed(f"{name}: {value}")
    if isinstance(value, list):
        if all(is_unset(item) for item in value):
            return failed(f"vpc_config has no {name}")
        return passed(f"{name}: {', '.join(str(item) for item in value)}")
    return unknown(f"vpc_config {name} is not a list of IDs ({value!r})")


def _judge(resource: Resource) -> Result:
    raw = resource.get("vpc_config")
    blocks = resource.blocks("vpc_config")
    if not blocks:
        if "vpc_config" in resource.dynamic_blocks:
            return unknown("vpc_config is a dynamic block", "vpc_config")
        if is_unresolved(raw) or is_reference(raw):
            return unknown(f"vpc_config is not known at plan time ({raw})", "vpc_config")
        if not is_unset(raw):
            return unknown(f"vpc_config is not a block ({raw!r})", "vpc_config")
        return failed(
            "no vpc_config: the model's containers use a SageMaker-managed network outside your VPC", "vpc_config"
        )
    block = blocks[0]
    parts = [
        _judge_ids(block.get("subnets"), "subnets", "subnets"),
        _judge_ids(block.get("security_group_ids"), "security groups", "security_group_ids"),
    ]
    verdict = combine(parts, passed("in your VPC"))
    if verdict.verdict is Verdict.PASS:
        return passed(f"runs in your VPC ({parts[0].reason}; {parts[1].reason})", "vpc_config")
    return verdict


def evaluate(resource: Resource) -> Result:
    return unless_dynamic(resource, "vpc_config", _judge(resource))
