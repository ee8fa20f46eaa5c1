"""CKV_AISEC_30 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_custom_model_cmk import evaluate


def model(**attrs: Any) -> Resource:
    return Resource("aws_bedrock_custom_model", "aws_bedrock_custom_model.m", attrs)


@pytest.mark.parametrize(
    "key",
    [
        "aws_kms_key.models.arn",
        "${aws_kms_key.models.arn}",
        "aws_kms_key.models[0].arn",
        "data.aws_kms_key.shared.arn",
        "arn:aws:kms:us-east-1:111122223333:key/5f0d7c1e-8a42-4b1f-9c3e-2d6a7b8c9e01",
        "5f0d7c1e-8a42-4b1f-9c3e-2d6a7b8c9e01",
        "alias/fine-tuned-models",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(model(custom_model_kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"custom_model_kms_key_id": None}, {"custom_model_kms_key_id": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    result = evaluate(model(**attrs))
    assert result.verdict is Verdict.FAIL
    assert "AWS-owned key" in result.reason


@pytest.mark.parametrize("key", ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"])
def test_an_aws_managed_alias_fails(key: str) -> None:
    assert evaluate(model(custom_model_kms_key_id=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.key", "${var.key}", "local.key", "module.kms.key_arn"])
def test_a_key_not_known_at_plan_time_is_unknown(key: str) -> None:
    result = evaluate(model(custom_model_kms_key_id=key))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("key", [42, True, ["aws_kms_key.models.arn"], {"arn": "x"}])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(model(custom_model_kms_key_id=key)).verdict is Verdict.UNKNOWN
