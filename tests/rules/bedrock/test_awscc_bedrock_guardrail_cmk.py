"""CKV_AISEC_87 edge cases: awscc_bedrock_guardrail's key as Checkov delivers it from HCL and plan JSON."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_guardrail_cmk import evaluate


def guardrail(**attrs: Any) -> Resource:
    return Resource("awscc_bedrock_guardrail", "awscc_bedrock_guardrail.g", {"name": "g", **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "awscc_kms_key.guardrails.arn",
        "${awscc_kms_key.guardrails.arn}",
        "aws_kms_key.guardrails.arn",
        "arn:aws:kms:us-east-1:111122223333:key/3c7e9a1f-5b2d-4c86-a0e4-9f1b6d2c8e57",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"kms_key_arn": None}, {"kms_key_arn": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(guardrail(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"])
def test_an_aws_managed_alias_fails(key: str) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.guardrail_key_arn", "${var.guardrail_key_arn}", "local.key", "module.kms.arn"])
def test_values_not_known_at_plan_time_are_unknown(key: str) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [42, False, ["arn:aws:kms:us-east-1:111122223333:key/x"], {"arn": "x"}])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.UNKNOWN
