"""CKV_AISEC_96 edge cases: awscc_sagemaker_endpoint_config's kms_key_id and its variants' instance types."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_endpoint_config_cmk import evaluate

KEY = "arn:aws:kms:us-east-1:111122223333:key/4d6f8a2c-1e3b-4c75-9a0d-7b2e5f1c8d36"


def variant(instance_type: Any = "ml.m5.large", **attrs: Any) -> dict[str, Any]:
    return {"variant_name": "primary", "model_name": "m", "instance_type": instance_type, **attrs}


def config(variants: Any = None, **attrs: Any) -> Resource:
    attrs.setdefault("production_variants", [variant()] if variants is None else variants)
    return Resource("awscc_sagemaker_endpoint_config", "awscc_sagemaker_endpoint_config.c", attrs)


@pytest.mark.parametrize("key", [KEY, "awscc_kms_key.inference.arn", "${aws_kms_key.inference.arn}"])
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(config(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "variants",
    [
        [variant("ml.g5.2xlarge")],
        variant("ml.g4dn.xlarge"),  # HCL: a one-item list arrives as its object
        [variant("ml.m5.large"), variant("ml.p4d.24xlarge")],
    ],
)
def test_local_nvme_instances_take_no_key(variants: Any) -> None:
    result = evaluate(config(variants))
    assert result.verdict is Verdict.PASS
    assert "local NVMe storage" in result.reason


def test_a_shadow_variant_with_local_storage_counts_too() -> None:
    result = evaluate(config(shadow_production_variants=[variant("ml.g6.xlarge")]))
    assert result.verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"kms_key_id": None},
        {"kms_key_id": ""},
        {"kms_key_id": "alias/aws/sagemaker"},
        {"kms_key_id": "alias/aws/sagemaker", "production_variants": [variant("ml.g5.xlarge")]},
    ],
)
def test_no_key_or_an_aws_managed_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.FAIL


def test_serverless_variants_without_key_fail_like_the_aws_rule() -> None:
    serverless = {"variant_name": "primary", "model_name": "m", "serverless_config": {"max_concurrency": 5}}
    assert evaluate(config([serverless])).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "attrs",
    [
        {"kms_key_id": "var.inference_key_arn"},
        {"production_variants": [variant("var.instance_type")]},
        {"production_variants": "var.variants"},  # awscc: a variable can fill the whole list
        {"production_variants": [variant(), "local.extra_variant"]},
        {"shadow_production_variants": "${var.shadow_variants}"},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "attrs",
    [{"kms_key_id": 42}, {"kms_key_id": [KEY]}, {"production_variants": 3}, {"production_variants": [variant(7)]}],
)
def test_wrong_types_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.UNKNOWN
