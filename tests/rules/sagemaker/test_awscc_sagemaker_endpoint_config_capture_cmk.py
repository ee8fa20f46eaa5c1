"""CKV_AISEC_98 edge cases: the keys in awscc's data_capture_config and async_inference_config objects."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_endpoint_config_capture_cmk import evaluate

KEY = "arn:aws:kms:us-east-1:111122223333:key/1b9e5c3a-7d2f-4e80-a6b4-5c1d8f3e9a27"
VARIANT = {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large", "initial_instance_count": 1}
CAPTURE = {
    "initial_sampling_percentage": 20,
    "destination_s3_uri": "s3://capture/prefix",
    "capture_options": [{"capture_mode": "Input"}],
}


def config(**attrs: Any) -> Resource:
    return Resource(
        "awscc_sagemaker_endpoint_config",
        "awscc_sagemaker_endpoint_config.c",
        {"production_variants": [VARIANT], **attrs},
    )


@pytest.mark.parametrize(
    "attrs",
    [
        {"data_capture_config": {**CAPTURE, "kms_key_id": KEY}},  # HCL: an object arrives as a dict
        {"data_capture_config": [{**CAPTURE, "kms_key_id": KEY}]},  # plan JSON: as a one-item list
        {"data_capture_config": {**CAPTURE, "kms_key_id": "awscc_kms_key.capture.arn"}},  # HCL keeps references
        {"async_inference_config": {"output_config": {"s3_output_path": "s3://results/", "kms_key_id": KEY}}},
        {"async_inference_config": [{"output_config": [{"s3_output_path": "s3://results/", "kms_key_id": KEY}]}]},
        {"data_capture_config": {**CAPTURE, "enable_capture": False}},  # writes nothing
        {},  # writes nothing to S3
    ],
)
def test_customer_managed_keys_or_nothing_written_pass(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"data_capture_config": CAPTURE},
        {"data_capture_config": {**CAPTURE, "kms_key_id": "alias/aws/s3"}},
        {"data_capture_config": {**CAPTURE, "enable_capture": True, "kms_key_id": ""}},
        {"async_inference_config": {"output_config": {"s3_output_path": "s3://results/"}}},
        {"data_capture_config": {**CAPTURE, "kms_key_id": KEY}, "async_inference_config": {"output_config": {}}},
        # whether capture is on is not known, but the key it would need is missing either way
        {"data_capture_config": {**CAPTURE, "enable_capture": "var.capture_on"}},
    ],
)
def test_output_without_a_customer_managed_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.FAIL


def test_a_key_reference_left_out_of_a_plan_reads_as_unset() -> None:
    """Known gap: Terraform leaves `kms_key_id = awscc_kms_key.capture.arn` out of the planned object, and Checkov
    fills in references for top-level attributes only; what reaches the rule is the object without the key."""
    planned = [CAPTURE]
    assert evaluate(config(data_capture_config=planned)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "attrs",
    [
        {"data_capture_config": {**CAPTURE, "kms_key_id": "var.capture_key_arn"}},
        {"data_capture_config": "var.data_capture"},
        {"async_inference_config": {"output_config": "${local.async_output}"}},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("attrs", [{"data_capture_config": {**CAPTURE, "kms_key_id": 42}}])
def test_wrong_types_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(config(**attrs)).verdict is Verdict.UNKNOWN
