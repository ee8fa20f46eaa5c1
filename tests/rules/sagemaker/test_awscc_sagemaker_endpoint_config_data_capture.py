"""CKV_AISEC_97 edge cases: awscc's data_capture_config object in the shapes Checkov delivers it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_endpoint_config_data_capture import evaluate

VARIANT = {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large", "initial_instance_count": 1}
SERVERLESS = {"variant_name": "primary", "model_name": "m", "serverless_config": {"max_concurrency": 5}}
CAPTURE = {
    "initial_sampling_percentage": 20,
    "destination_s3_uri": "s3://capture/prefix",
    "capture_options": [{"capture_mode": "Input"}, {"capture_mode": "Output"}],
}


def config(capture: Any = None, variants: Any = None) -> Resource:
    attrs: dict[str, Any] = {"production_variants": [VARIANT] if variants is None else variants}
    if capture is not None:
        attrs["data_capture_config"] = capture
    return Resource("awscc_sagemaker_endpoint_config", "awscc_sagemaker_endpoint_config.c", attrs)


@pytest.mark.parametrize(
    "capture",
    [
        CAPTURE,  # HCL: an object arrives as a dict
        [CAPTURE],  # plan JSON: as a one-item list
        {**CAPTURE, "enable_capture": True},
        {**CAPTURE, "enable_capture": "true"},
        {**CAPTURE, "initial_sampling_percentage": "5"},
    ],
)
def test_enabled_capture_passes(capture: Any) -> None:
    assert evaluate(config(capture)).verdict is Verdict.PASS


@pytest.mark.parametrize("variants", [[SERVERLESS], SERVERLESS])
def test_serverless_only_configurations_pass_without_capture(variants: Any) -> None:
    result = evaluate(config(variants=variants))
    assert result.verdict is Verdict.PASS
    assert "serverless" in result.reason


@pytest.mark.parametrize(
    "capture",
    [
        None,
        [],
        {**CAPTURE, "enable_capture": False},
        [{**CAPTURE, "enable_capture": "false"}],
        {**CAPTURE, "initial_sampling_percentage": 0},
    ],
)
def test_missing_or_disabled_capture_fails(capture: Any) -> None:
    assert evaluate(config(capture)).verdict is Verdict.FAIL


def test_a_serverless_variant_beside_an_instance_variant_needs_capture() -> None:
    assert evaluate(config(variants=[VARIANT, SERVERLESS])).verdict is Verdict.FAIL


@pytest.mark.parametrize("variants", ["var.variants", [VARIANT, "local.serverless_variant"]])
def test_variants_not_known_at_plan_time_give_no_verdict_without_capture(variants: Any) -> None:
    """awscc lets a variable fill production_variants; all-serverless configurations are exempt."""
    assert evaluate(config(variants=variants)).verdict is Verdict.UNKNOWN
    assert evaluate(config(CAPTURE, variants=variants)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "capture",
    [
        "var.data_capture",
        {**CAPTURE, "enable_capture": "var.capture_on"},
        {**CAPTURE, "initial_sampling_percentage": "var.capture_percentage"},
        # plan JSON: the required sampling percentage is computed at apply and left out
        [{key: value for key, value in CAPTURE.items() if key != "initial_sampling_percentage"}],
    ],
)
def test_values_not_known_at_plan_time_are_unknown(capture: Any) -> None:
    assert evaluate(config(capture)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("capture", [42, "not an object", {**CAPTURE, "enable_capture": "sometimes"}])
def test_wrong_types_are_unknown(capture: Any) -> None:
    assert evaluate(config(capture)).verdict is Verdict.UNKNOWN
