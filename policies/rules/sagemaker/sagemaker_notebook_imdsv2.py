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
PATH = f"{BLOCK}/{ATTRIBUTE}"


def _judge(resource: Resource) -> Result:
    raw = resource.get(BLOCK)
    blocks = resource.blocks(BLOCK)
    if not blocks:
        if BLOCK in resource.dynamic_blocks:
            return unknown(f"{BLOCK} is a dynamic block", BLOCK)
        if is_unresolved(raw) or is_reference(raw):
            return unknown(f"{BLOCK} is not known at plan time ({raw})", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: SageMaker allows IMDSv1", BLOCK)
    value = blocks[0].get(ATTRIBUTE)
    if is_unset(value):
        return failed(f"{ATTRIBUTE} is not set: SageMaker allows IMDSv1", PATH)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{ATTRIBUTE} is not known at plan time ({value})", PATH)
    version = as_int(value)
    if version is None:
        return unknown(f"{ATTRIBUTE} is not a version number ({value!r})", PATH)
    if version == 2:
        return passed("only IMDSv2 requests reach the instance metadata service", PATH)
    return failed(f"{ATTRIBUTE} is {value!r}: IMDSv1 requests can read the role's credentials", PATH)


def evaluate(resource: Resource) -> Result:
    return unless_dynamic(resource, BLOCK, _judge(resource))
