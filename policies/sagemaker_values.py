"""Judgments the SageMaker rules share: boolean flags and instance types with local storage (KMS key settings
are judged by ``policies.kms``).

Each helper returns a ``Result`` (or a plain fact) for one attribute, so a rule stays a short list of the
settings it requires.
"""

from __future__ import annotations

import re
from typing import Any

from policies.kms import judge_kms_key
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

# Nitro instance families whose storage is local NVMe, encrypted by the instance's hardware. SageMaker refuses a
# KMS key for their storage (CreateEndpointConfig KmsKeyId, VolumeKmsKeyId of jobs). Families with a "d" after
# the generation (ml.m5d, ml.g4dn, ml.p4d, ml.r6id) all have it; these others have it without the letter.
LOCAL_STORAGE_FAMILIES = frozenset({"g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "trn1", "trn1n", "trn2", "p6-b200"})
_FAMILY = re.compile(r"^ml\.([a-z0-9-]+)\.[a-z0-9]+$")
_D_FAMILY = re.compile(r"^[a-z]+\d+[a-z]*d[a-z]*$")


def flag(value: Any, default: bool) -> bool | None:
    """A boolean attribute with the provider's or AWS's default when unset; ``None`` when unknown or not a bool."""
    if is_unset(value):
        return default
    if is_unresolved(value) or is_reference(value):
        return None
    return as_bool(value)


def describe_unknown_flag(value: Any, name: str) -> Result:
    """UNKNOWN for a boolean attribute ``flag`` could not read."""
    if isinstance(value, str) and (is_unresolved(value) or is_reference(value)):
        return unknown(f"{name} is not known at plan time ({value})")
    return unknown(f"{name} is not a boolean ({value!r})")


def has_local_storage(instance_type: Any) -> bool | None:
    """True for ML instance types with local NVMe storage, False for others, None when unknown."""
    if not isinstance(instance_type, str) or is_unresolved(instance_type) or is_reference(instance_type):
        return None
    match = _FAMILY.match(instance_type.strip())
    if not match:
        return None
    family = match.group(1)
    return family in LOCAL_STORAGE_FAMILIES or bool(_D_FAMILY.match(family))


def unless_dynamic(resource: Resource, block: str, result: Result) -> Result:
    """A PASS that needs ``block`` to exist is UNKNOWN when the block is written with ``dynamic``: Checkov renders
    its content, but whether Terraform renders the block at all depends on its ``for_each``."""
    if result.verdict is Verdict.PASS and block in resource.dynamic_blocks:
        return unknown(f"{block} is a dynamic block: whether it exists depends on its for_each ({result.reason})")
    return result


def find_block(resource: Resource, path: str) -> dict[str, Any] | Result:
    """The first block at a dotted path (``"job_resources.cluster_config"``): its dict, ``{}`` when a level is
    absent, or an UNKNOWN result when a level is an unresolved expression or not a block at all."""
    current: Any = resource.attrs
    for name in path.split("."):
        raw = current.get(name)
        found = first_block(current, name)
        if found is None:
            if is_unset(raw):
                return {}
            if isinstance(raw, str) and (is_unresolved(raw) or is_reference(raw)):
                return unknown(f"{name} is not known at plan time ({raw})")
            return unknown(f"{name} is not a block ({raw!r})")
        current = found
    return current


def judge_volume_key(key: Any, instance_type: Any, name: str, default: str) -> Result:
    """A job's storage-volume key (``VolumeKmsKeyId``): a customer-managed key, or no key at all on instance types
    with local NVMe storage, for which SageMaker accepts none."""
    result = judge_kms_key(key, name, default)
    if result.verdict is not Verdict.FAIL or not is_unset(key):
        return result
    local = has_local_storage(instance_type)
    if local:
        return passed(
            f"{name} does not apply: {instance_type} has local NVMe storage, encrypted by the instance's "
            "hardware, and SageMaker accepts no KMS key for it"
        )
    if local is None and not is_unset(instance_type):
        return unknown(f"{name} is not set and instance type {instance_type!r} is not known")
    return result


def judge_traffic_encryption(value: Any, count: Any, name: str, subject: str = "the job") -> Result:
    """Inter-container traffic encryption of a job on ``count`` instances: needed only with more than one."""
    instances = as_int(count)
    if instances == 1:
        return passed(f"encryption between instances does not apply: {subject} runs on one instance")
    encrypted = flag(value, default=False)
    if encrypted is None:
        return describe_unknown_flag(value, name)
    if encrypted:
        return passed(f"traffic between the instances of {subject} is encrypted")
    setting = "not set (default false)" if is_unset(value) else "false"
    if instances is None:
        return unknown(f"{name} is {setting} and the instance count of {subject} is not known")
    return failed(f"{name} is {setting}: data moves between the {instances} instances of {subject} unencrypted")
