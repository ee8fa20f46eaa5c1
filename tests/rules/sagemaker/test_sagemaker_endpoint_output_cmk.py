"""CKV_AISEC_20 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_endpoint_output_cmk import evaluate

KEY = "aws_kms_key.inference.arn"


def config(variant: dict[str, Any] | None = None, **attrs: Any) -> Resource:
    base = {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large"}
    body = {"name": "c", "production_variants": [{**base, **(variant or {})}], **attrs}
    return Resource("aws_sagemaker_endpoint_configuration", "aws_sagemaker_endpoint_configuration.c", body)


def capture(**attrs: Any) -> list[dict[str, Any]]:
    return [{"initial_sampling_percentage": 10, "destination_s3_uri": "s3://b/c", **attrs}]


def async_output(**attrs: Any) -> list[dict[str, Any]]:
    return [{"output_config": [{"s3_output_path": "s3://b/async", **attrs}]}]


def core_dump(**attrs: Any) -> dict[str, Any]:
    return {"core_dump_config": [{"destination_s3_uri": "s3://b/dumps", **attrs}]}


def test_nothing_written_passes() -> None:
    result = evaluate(config())
    assert result.verdict is Verdict.PASS
    assert "writes no inference data" in result.reason


@pytest.mark.parametrize(
    "resource",
    [
        config(data_capture_config=capture(kms_key_id=KEY)),
        config(async_inference_config=async_output(kms_key_id="arn:aws:kms:us-east-1:111122223333:key/abc")),
        config(core_dump(kms_key_id=KEY)),
        config(core_dump(kms_key_id=KEY), data_capture_config=capture(kms_key_id=KEY)),
        config(data_capture_config=capture(enable_capture=False)),
        config(data_capture_config=capture(enable_capture="false")),
    ],
)
def test_keys_on_everything_written_pass(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "resource",
    [
        config(data_capture_config=capture()),
        config(data_capture_config=capture(enable_capture=True, kms_key_id="")),
        config(async_inference_config=async_output()),
        config(core_dump()),
        config(core_dump(kms_key_id="arn:aws:kms:us-east-1:111122223333:alias/aws/s3")),
        config(core_dump(kms_key_id=KEY), data_capture_config=capture()),
        config(data_capture_config=capture(kms_key_id=KEY), async_inference_config=async_output()),
    ],
)
def test_anything_written_without_a_customer_key_fails(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.FAIL


def test_shadow_variant_core_dumps_are_judged() -> None:
    shadow = [{"variant_name": "shadow", "model_name": "m2", **core_dump(kms_key_id="alias/aws/s3")}]
    assert evaluate(config(shadow_production_variants=shadow)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "resource",
    [
        config(data_capture_config=capture(kms_key_id="var.capture_key")),
        config(async_inference_config=async_output(kms_key_id="${module.kms.arn}")),
        config(data_capture_config=capture(enable_capture="var.enabled", kms_key_id="local.key")),
        config(data_capture_config="var.capture"),
        config(async_inference_config=[{"output_config": "var.output"}]),
        config(production_variants="local.variants"),
    ],
)
def test_unresolved_keys_are_unknown(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "attrs",
    [
        {"data_capture_config": [None]},
        {"async_inference_config": 3},
        {"production_variants": [{"core_dump_config": True}]},
        {"data_capture_config": capture(kms_key_id=["x"])},
    ],
)
def test_odd_shapes_never_raise(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict in (Verdict.PASS, Verdict.UNKNOWN)
