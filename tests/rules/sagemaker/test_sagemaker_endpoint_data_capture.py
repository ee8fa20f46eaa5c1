"""CKV_AISEC_19 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_endpoint_data_capture import evaluate

INSTANCE = {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large"}
SERVERLESS = {"model_name": "m", "serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]}


def capture(**attrs: Any) -> list[dict[str, Any]]:
    block = {
        "initial_sampling_percentage": 20,
        "destination_s3_uri": "s3://capture/m",
        "capture_options": [{"capture_mode": "InputAndOutput"}],
    }
    return [{**block, **attrs}]


def config(data_capture: Any = None, variants: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "c", "production_variants": variants if variants is not None else [INSTANCE]}
    if data_capture is not None:
        attrs["data_capture_config"] = data_capture
    return Resource("aws_sagemaker_endpoint_configuration", "aws_sagemaker_endpoint_configuration.c", attrs, dynamic)


@pytest.mark.parametrize(
    "data_capture",
    [
        capture(),
        capture(enable_capture=True),
        capture(enable_capture="true"),
        capture(enable_capture=None),
        capture(initial_sampling_percentage="100"),
        capture(initial_sampling_percentage=0.5),
        capture()[0],
    ],
)
def test_enabled_capture_passes(data_capture: Any) -> None:
    assert evaluate(config(data_capture)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "data_capture",
    [[], capture(enable_capture=False), capture(enable_capture="false"), capture(initial_sampling_percentage=0)],
)
def test_no_or_disabled_capture_fails(data_capture: Any) -> None:
    assert evaluate(config(data_capture)).verdict is Verdict.FAIL


def test_absent_capture_fails() -> None:
    result = evaluate(config())
    assert result.verdict is Verdict.FAIL
    assert "not recorded" in result.reason


def test_serverless_only_configurations_pass_with_a_reason() -> None:
    result = evaluate(config(variants=[SERVERLESS]))
    assert result.verdict is Verdict.PASS
    assert "serverless" in result.reason


def test_a_mix_of_serverless_and_instance_variants_is_judged() -> None:
    assert evaluate(config(variants=[SERVERLESS, INSTANCE])).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "data_capture",
    [
        capture(enable_capture="var.capture"),
        capture(initial_sampling_percentage="var.sampling"),
        capture(initial_sampling_percentage="${local.sampling}"),
        "var.data_capture",
    ],
)
def test_unresolved_settings_are_unknown(data_capture: Any) -> None:
    result = evaluate(config(data_capture))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_dynamic_capture_block_is_unknown_unless_it_fails_either_way() -> None:
    dynamic = frozenset({"data_capture_config"})
    assert evaluate(config(dynamic=dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(config(capture(), dynamic=dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(config(capture(enable_capture=False), dynamic=dynamic)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "data_capture",
    [
        True,
        42,
        capture(enable_capture=1),
        capture(initial_sampling_percentage=None),
        capture(initial_sampling_percentage="some"),
        capture(initial_sampling_percentage=True),
    ],
)
def test_wrong_types_are_unknown(data_capture: Any) -> None:
    assert evaluate(config(data_capture)).verdict is Verdict.UNKNOWN
