"""CKV_AISEC_13: a SageMaker notebook instance accepts only IMDSv2 requests for instance metadata."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    as_int,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.sagemaker_values import unless_dynamic

BLOCK = "instance_metadata_service_configuration"
ATTRIBUTE = "minimum_instance_metadata_service_version"


def _judge(resource: Resource) -> Result:
    raw = resource.get(BLOCK)
    blocks = resource.blocks(BLOCK)
    if not blocks:
        if BLOCK in resource.dynamic_blocks:
            return unknown(f"{BLOCK} is a dynamic block")
        if is_unresolved(raw) or is_reference(raw):
            return unknown(f"{BLOCK} is not known at plan time ({raw})")
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})")
        return failed(f"no {BLOCK}: SageMaker allows IMDSv1")
    value = blocks[0].get(ATTRIBUTE)
    if is_unset(value):
        return failed(f"{ATTRIBUTE} is not set: SageMaker allows IMDSv1")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{ATTRIBUTE} is not known at plan time ({value})")
    version = as_int(value)
    if version is None:
        return unknown(f"{ATTRIBUTE} is not a version number ({value!r})")
    if version == 2:
        return passed("only IMDSv2 requests reach the instance metadata service")
    return failed(f"{ATTRIBUTE} is {value!r}: IMDSv1 requests can read the role's credentials")


def evaluate(resource: Resource) -> Result:
    return unless_dynamic(resource, BLOCK, _judge(resource))
