"""CKV_AISEC_36 edge cases: text delivery (default true) and at least one destination."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_invocation_logging_text_delivery import evaluate

CLOUDWATCH = {"log_group_name": "/aws/bedrock/invocations", "role_arn": "arn:aws:iam::111122223333:role/logging"}
S3 = {"bucket_name": "example-bedrock-logs"}


def logging(config: Any = None, dynamic: bool = False) -> Resource:
    attrs = {} if config is None else {"logging_config": config}
    blocks = frozenset({"logging_config"}) if dynamic else frozenset()
    return Resource(
        "aws_bedrock_model_invocation_logging_configuration",
        "aws_bedrock_model_invocation_logging_configuration.this",
        attrs,
        blocks,
    )


@pytest.mark.parametrize(
    "config",
    [
        [{"cloudwatch_config": [CLOUDWATCH]}],
        [{"s3_config": [S3], "text_data_delivery_enabled": True}],
        [{"s3_config": [S3], "text_data_delivery_enabled": "true"}],
        [{"cloudwatch_config": [CLOUDWATCH], "s3_config": [], "text_data_delivery_enabled": None}],
        [{"cloudwatch_config": [{**CLOUDWATCH, "log_group_name": "aws_cloudwatch_log_group.lg.name"}]}],
        {"cloudwatch_config": CLOUDWATCH},  # single objects (Pulumi, provider 5 SingleNestedBlock)
        [{"s3_config": [S3], "cloudwatch_config": [{"log_group_name": "var.group"}]}],
    ],
)
def test_text_delivered_to_a_destination_passes(config: Any) -> None:
    assert evaluate(logging(config)).verdict is Verdict.PASS


@pytest.mark.parametrize("value", [False, "false"])
def test_text_delivery_switched_off_fails(value: Any) -> None:
    result = evaluate(logging([{"s3_config": [S3], "text_data_delivery_enabled": value}]))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("text_data_delivery_enabled is false")


@pytest.mark.parametrize(
    "config",
    [
        [{}],
        [{"cloudwatch_config": [], "s3_config": []}],
        [{"s3_config": [{"bucket_name": ""}]}],
        [{"cloudwatch_config": [{"log_group_name": None, "role_arn": "x"}]}],
        [{"embedding_data_delivery_enabled": True}],
    ],
)
def test_no_destination_fails(config: Any) -> None:
    result = evaluate(logging(config))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("no destination")


def test_no_logging_config_fails() -> None:
    assert evaluate(logging()).verdict is Verdict.FAIL


def test_a_switched_off_text_delivery_wins_over_an_unknown_destination() -> None:
    config = [{"text_data_delivery_enabled": False, "s3_config": [{"bucket_name": "var.bucket"}]}]
    assert evaluate(logging(config)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "config",
    [
        [{"cloudwatch_config": [{"log_group_name": "var.group"}]}],
        [{"s3_config": [{"bucket_name": "${var.bucket}"}]}],
        [{"s3_config": [S3], "text_data_delivery_enabled": "var.text"}],
        [{"s3_config": [{"bucket_name": ["a", "b"]}]}],
        "var.logging",
        "not a block",
    ],
)
def test_values_not_known_at_plan_time_are_unknown(config: Any) -> None:
    assert evaluate(logging(config)).verdict is Verdict.UNKNOWN


def test_a_dynamic_logging_config_is_unknown() -> None:
    assert evaluate(logging(dynamic=True)).verdict is Verdict.UNKNOWN
