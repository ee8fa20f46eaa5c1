"""CKV_AISEC_19: a SageMaker endpoint configuration captures the requests and responses its endpoint serves."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import describe_unknown_flag, flag, unless_dynamic

BLOCK = "data_capture_config"
ENABLE = f"{BLOCK}/enable_capture"
SAMPLING = f"{BLOCK}/initial_sampling_percentage"


def _all_serverless(resource: Resource) -> bool:
    variants = resource.blocks("production_variants")
    return bool(variants) and all(variant.get("serverless_config") not in (None, [], {}) for variant in variants)


def _percentage(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


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
        return failed(f"no {BLOCK}: requests and responses are not recorded", BLOCK)
    block = blocks[0]
    enable = block.get("enable_capture")
    enabled = flag(enable, default=True)  # AWS enables capture when the block is given without enable_capture
    if enabled is None:
        return replace(describe_unknown_flag(enable, "enable_capture"), attribute=ENABLE)
    if not enabled:
        return failed("enable_capture is false: requests and responses are not recorded", ENABLE)
    sampling = block.get("initial_sampling_percentage")
    if isinstance(sampling, str) and (is_unresolved(sampling) or is_reference(sampling)):
        return unknown(f"initial_sampling_percentage is not known at plan time ({sampling})", SAMPLING)
    percent = _percentage(sampling)
    if percent is None:
        return unknown(f"initial_sampling_percentage is not a number ({sampling!r})", SAMPLING)
    if percent <= 0:
        return failed("initial_sampling_percentage is 0: no request is recorded", SAMPLING)
    return passed(f"captures {percent:g}% of requests and responses", SAMPLING)


def evaluate(resource: Resource) -> Result:
    if _all_serverless(resource):
        return passed("data capture does not apply: serverless endpoints do not support it")
    return unless_dynamic(resource, BLOCK, _judge(resource))
