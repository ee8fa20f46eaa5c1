"""CKV_AISEC_25: no variant of a SageMaker endpoint configuration allows SSM shell sessions into its containers."""

from __future__ import annotations

from dataclasses import replace

from policies.model import Resource, Result, Verdict, combine, failed, is_reference, is_unresolved, passed, unknown
from policies.sagemaker_values import describe_unknown_flag, flag

VARIANT_BLOCKS = ("production_variants", "shadow_production_variants")


def _judge_variant(block: str, variant: dict) -> Result:
    name = f"{block} {variant.get('variant_name') or variant.get('model_name') or '(unnamed)'}"
    value = variant.get("enable_ssm_access")
    attribute = f"{block}/enable_ssm_access"
    allowed = flag(value, default=False)
    if allowed is None:
        return replace(describe_unknown_flag(value, f"enable_ssm_access of {name}"), attribute=attribute)
    if allowed:
        return failed(
            f"{name} has enable_ssm_access: SSM sessions can open a shell in its inference containers", attribute
        )
    return passed(f"{name} allows no SSM sessions", attribute)


def evaluate(resource: Resource) -> Result:
    parts = [
        unknown(f"{block} is not known at plan time ({raw})", block)
        for block in VARIANT_BLOCKS
        if isinstance(raw := resource.get(block), str) and (is_unresolved(raw) or is_reference(raw))
    ]
    parts += [_judge_variant(block, variant) for block in VARIANT_BLOCKS for variant in resource.blocks(block)]
    result = combine(parts, passed("no variant allows SSM sessions"))
    if result.verdict is Verdict.PASS:
        return passed("no variant allows SSM sessions into its inference containers")
    return result
