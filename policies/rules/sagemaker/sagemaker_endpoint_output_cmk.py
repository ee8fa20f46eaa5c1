"""CKV_AISEC_20: the inference data a SageMaker endpoint writes to S3 (captured requests and responses, asynchronous
results, core dumps) is encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import (
    Resource,
    Result,
    Verdict,
    blocks_of,
    combine,
    first_block,
    is_reference,
    is_unresolved,
    passed,
    unknown,
)
from policies.sagemaker_values import flag

NOT_YOUR_KEY = "not encrypted with a key you choose"
BLOCKS = ("data_capture_config", "async_inference_config", "production_variants", "shadow_production_variants")


def _unresolved_blocks(resource: Resource) -> list[Result]:
    """Blocks given as one unresolved expression: what they write to S3, and with which key, is not known."""
    found = []
    for name in BLOCKS:
        raw = resource.get(name)
        if isinstance(raw, str) and (is_unresolved(raw) or is_reference(raw)):
            found.append(unknown(f"{name} is not known at plan time ({raw})", name))
    return found


def _data_capture(resource: Resource) -> list[Result]:
    results = []
    for block in resource.blocks("data_capture_config"):
        if flag(block.get("enable_capture"), default=True) is False:
            continue
        results.append(
            judge_kms_key(
                block.get("kms_key_id"),
                "data_capture_config.kms_key_id",
                f"captured requests and responses are {NOT_YOUR_KEY}",
                "data_capture_config/kms_key_id",
            )
        )
    return results


def _async_output(resource: Resource) -> list[Result]:
    results = []
    for block in resource.blocks("async_inference_config"):
        output = first_block(block, "output_config")
        raw = block.get("output_config")
        if output is None and isinstance(raw, str) and (is_unresolved(raw) or is_reference(raw)):
            results.append(
                unknown(
                    f"async_inference_config.output_config is not known at plan time ({raw})",
                    "async_inference_config/output_config",
                )
            )
        elif output is not None:
            results.append(
                judge_kms_key(
                    output.get("kms_key_id"),
                    "async_inference_config.output_config.kms_key_id",
                    f"asynchronous inference results are {NOT_YOUR_KEY}",
                    "async_inference_config/output_config/kms_key_id",
                )
            )
    return results


def _core_dumps(resource: Resource) -> list[Result]:
    results = []
    for variants in ("production_variants", "shadow_production_variants"):
        for variant in resource.blocks(variants):
            for dump in blocks_of(variant, "core_dump_config"):
                results.append(
                    judge_kms_key(
                        dump.get("kms_key_id"),
                        f"{variants}.core_dump_config.kms_key_id",
                        f"core dumps, which hold model weights and requests in memory, are {NOT_YOUR_KEY}",
                        f"{variants}/core_dump_config/kms_key_id",
                    )
                )
    return results


def evaluate(resource: Resource) -> Result:
    parts = [*_unresolved_blocks(resource), *_data_capture(resource), *_async_output(resource), *_core_dumps(resource)]
    result = combine(parts, passed("the endpoint writes no inference data to S3"))
    if parts and result.verdict is Verdict.PASS:
        return passed("; ".join(part.reason for part in parts))
    return result
