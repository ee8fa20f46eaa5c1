"""CKV_AISEC_18: a SageMaker endpoint configuration encrypts its instances' storage volumes with a customer-managed
KMS key, unless its instances have local NVMe storage, for which SageMaker accepts no key."""

from __future__ import annotations

from dataclasses import replace

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import has_local_storage

VARIANT_BLOCKS = ("production_variants", "shadow_production_variants")


def _instance_types(resource: Resource) -> list[object]:
    variants = [variant for name in VARIANT_BLOCKS for variant in resource.blocks(name)]
    return [variant.get("instance_type") for variant in variants if not is_unset(variant.get("instance_type"))]


def evaluate(resource: Resource) -> Result:
    return replace(_judge(resource), attribute="kms_key_arn")


def _judge(resource: Resource) -> Result:
    key = resource.get("kms_key_arn")
    result = judge_kms_key(key, "kms_key_arn", "the endpoint's storage volumes are encrypted with a key AWS manages")
    if result.verdict is not Verdict.FAIL or not is_unset(key):
        return result
    for block in VARIANT_BLOCKS:
        raw = resource.get(block)
        if isinstance(raw, str) and (is_unresolved(raw) or is_reference(raw)):
            return unknown(f"kms_key_arn is not set and {block} is not known at plan time ({raw})")
    types = _instance_types(resource)
    local = [instance_type for instance_type in types if has_local_storage(instance_type)]
    if local:
        return passed(
            f"kms_key_arn does not apply: {local[0]} has local NVMe storage, encrypted by the instance's hardware, "
            "and SageMaker accepts no KMS key for it"
        )
    undecided = [instance_type for instance_type in types if has_local_storage(instance_type) is None]
    if undecided:
        return unknown(
            f"kms_key_arn is not set and instance type {undecided[0]!r} is not known: instances with local storage "
            "take no key"
        )
    return result
